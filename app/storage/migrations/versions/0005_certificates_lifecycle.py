"""Certificates that stay right: infections (recovery, 1/1 numbering), recovery certificates, vouchers
with claim codes, validity and demo marks on issued certificates.

Revision ID: 0005
Revises: 0002
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('infection',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('detected_on', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('test_type', sa.String(length=8), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('staff_id', sa.String(length=36), nullable=True),
    sa.Column('voided_at', sa.DateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_infection_person_id_person')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_infection_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_infection'))
    )
    with op.batch_alter_table('infection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_infection_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.alter_column('vaccination_id', existing_type=sa.String(length=36), nullable=True)
        batch_op.add_column(sa.Column('infection_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('kind', sa.String(length=1), nullable=False, server_default='v'))
        batch_op.add_column(sa.Column('claim_code', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('signed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('expires_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('demo', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('printed_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_certificate_infection_id'), ['infection_id'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_certificate_claim_code'), ['claim_code'])
        batch_op.create_foreign_key(batch_op.f('fk_certificate_infection_id_infection'), 'infection',
                                    ['infection_id'], ['id'])
    # Certificates signed before this revision were printed when issued; they are not "ready to print".
    op.execute("UPDATE certificate SET signed_at = issued_at, printed_at = issued_at WHERE hc1 IS NOT NULL")
    # Vouchers handed out before it get a claim code, so the desk lists them once they are signed.
    from app.domain.booking_code import new_booking_code

    conn = op.get_bind()
    for (certificate_id,) in conn.execute(sa.text("SELECT id FROM certificate WHERE hc1 IS NULL")).all():
        conn.execute(sa.text("UPDATE certificate SET claim_code = :code WHERE id = :id"),
                     {"code": new_booking_code(), "id": certificate_id})


def downgrade() -> None:
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_certificate_infection_id_infection'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_certificate_claim_code'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_certificate_infection_id'))
        for column in ('printed_at', 'demo', 'expires_at', 'signed_at', 'claim_code', 'kind', 'infection_id'):
            batch_op.drop_column(column)
        batch_op.alter_column('vaccination_id', existing_type=sa.String(length=36), nullable=False)
    with op.batch_alter_table('infection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_infection_person_id'))
    op.drop_table('infection')
