"""A slot's places held, counted from one index: `ix_appointment_slot_state (slot_id, state)` replaces
`ix_appointment_slot_id`. Counting a slot's bookings by state read every appointment row of the slot
(a full slot of a large center: thousands of rows for each booking, and for each batch of an import).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain index operations, never a batch that could rebuild `appointment` and lose its triggers.
    op.create_index('ix_appointment_slot_state', 'appointment', ['slot_id', 'state'], unique=False)
    op.drop_index('ix_appointment_slot_id', table_name='appointment')


def downgrade() -> None:
    op.create_index('ix_appointment_slot_id', 'appointment', ['slot_id'], unique=False)
    op.drop_index('ix_appointment_slot_state', table_name='appointment')
