"""Sync: review tasks from the server and escrow leases of slot capacity.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('review_task',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('details', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_task'))
    )
    op.create_table('sync_lease',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('slot_id', sa.String(length=36), nullable=False),
    sa.Column('places', sa.Integer(), nullable=False),
    sa.Column('used', sa.Integer(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_lease'))
    )
    with op.batch_alter_table('sync_lease', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_lease_slot_id'), ['slot_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_lease', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_lease_slot_id'))
    op.drop_table('sync_lease')
    op.drop_table('review_task')
