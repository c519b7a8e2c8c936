"""The doctor's acknowledgement of the questionnaire's flags on the visit (who, when): no dose is
recorded for a flagged visit before it.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (nullable): SQLite adds it in place, the visit rows stay as they are.
    op.add_column('visit', sa.Column('review_acknowledged_at', sa.DateTime(), nullable=True))
    op.add_column('visit', sa.Column('review_acknowledged_by', sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_column('review_acknowledged_by')
        batch_op.drop_column('review_acknowledged_at')
