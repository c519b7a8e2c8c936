"""Sync by server reconciliation: outbox answers, quarantine, identity merges, server rows, lease requests.

- outbox: the server's reason code, its change number for the mutation, and the prior outcome;
- vaccination_void: two stations may void one dose offline, so vaccination_id is no longer unique;
- vaccination: still append-only, except that an identity merge may move a dose to the surviving
  person or lot (person_id, lot_id);
- sync_quarantine, sync_alias, sync_server_row, sync_lease_request.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_VACCINATION_FIXED = ("id", "visit_id", "site_id", "product_code", "vial_id", "given_at", "dose_number",
                      "series_doses", "injection_site", "staff_id", "external", "country", "override_reason",
                      "recorded_at", "corrects_id")


def _append_only(table: str, *, update_of: tuple[str, ...] | None = None) -> None:
    columns = f" OF {', '.join(update_of)}" if update_of else ""
    op.execute(f"CREATE TRIGGER {table}_no_update BEFORE UPDATE{columns} ON {table} "
               f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END")
    op.execute(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
               f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END")


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason_code', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('change_seq', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('prior_outcome', sa.String(length=16), nullable=True))

    op.execute("DROP TRIGGER vaccination_void_no_update")
    op.execute("DROP TRIGGER vaccination_void_no_delete")
    with op.batch_alter_table('vaccination_void', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint('uq_vaccination_void_vaccination_id', type_='unique')
        batch_op.create_index(batch_op.f('ix_vaccination_void_vaccination_id'), ['vaccination_id'], unique=False)
    _append_only("vaccination_void")

    op.execute("DROP TRIGGER vaccination_no_update")
    op.execute(f"CREATE TRIGGER vaccination_no_update BEFORE UPDATE OF {', '.join(_VACCINATION_FIXED)} "
               "ON vaccination BEGIN SELECT RAISE(ABORT, 'vaccination rows are append-only'); END")

    op.create_table('sync_quarantine',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('reason_code', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_quarantine'))
    )
    op.create_table('sync_alias',
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('from_id', sa.String(length=64), nullable=False),
    sa.Column('into_id', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'from_id', name=op.f('pk_sync_alias'))
    )
    op.create_table('sync_server_row',
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'id', name=op.f('pk_sync_server_row'))
    )
    with op.batch_alter_table('sync_server_row', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_server_row_seq'), ['seq'], unique=False)
    op.create_table('sync_lease_request',
    sa.Column('request_id', sa.String(length=36), nullable=False),
    sa.Column('slot_id', sa.String(length=36), nullable=False),
    sa.Column('places', sa.Integer(), nullable=False),
    sa.Column('asked_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('request_id', name=op.f('pk_sync_lease_request')),
    sa.UniqueConstraint('slot_id', name=op.f('uq_sync_lease_request_slot_id'))
    )


def downgrade() -> None:
    op.drop_table('sync_lease_request')
    with op.batch_alter_table('sync_server_row', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_server_row_seq'))
    op.drop_table('sync_server_row')
    op.drop_table('sync_alias')
    op.drop_table('sync_quarantine')
    op.execute("DROP TRIGGER vaccination_no_update")
    _append_only_update = "CREATE TRIGGER vaccination_no_update BEFORE UPDATE ON vaccination " \
        "BEGIN SELECT RAISE(ABORT, 'vaccination rows are append-only'); END"
    op.execute(_append_only_update)
    op.execute("DROP TRIGGER vaccination_void_no_update")
    op.execute("DROP TRIGGER vaccination_void_no_delete")
    with op.batch_alter_table('vaccination_void', schema=None, recreate='always') as batch_op:
        batch_op.drop_index(batch_op.f('ix_vaccination_void_vaccination_id'))
        batch_op.create_unique_constraint('uq_vaccination_void_vaccination_id', ['vaccination_id'])
    _append_only("vaccination_void")
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('prior_outcome')
        batch_op.drop_column('change_seq')
        batch_op.drop_column('reason_code')
