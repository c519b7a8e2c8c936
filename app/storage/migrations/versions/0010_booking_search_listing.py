"""`booking_search` carries what the check-in list shows of a booking: its code, product, dose, site and
slot, and the person's names. A search then lists its hits from the rows it ranked them by, not from
four lookups per hit in `appointment` and `person` (two large tables whose pages a 200,000-person
station no longer holds in its page cache): the name search's p95 at 200,000 persons went from
10 to 6–7 ms (docs/performance.md). The table is derived: it is built again from the data, and the
triggers of 0006 that write it are replaced by ones that keep the new columns too.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_KEYS = "appointment_id, person_id, family_key, given_key, dob, starts_at, state, live"
_LISTED = "booking_code, product_code, dose_number, site_id, slot_id, family_name, given_name"
# The values of those columns for the appointment `a` (in the triggers: the row NEW), its person and slot.
_KEY_VALUES = "{a}.id, p.id, p.family_key, p.given_key, p.dob, s.starts_at, {a}.state, p.deleted_at IS NULL"
_LISTED_VALUES = "{a}.booking_code, {a}.product_code, {a}.dose_number, {a}.site_id, {a}.slot_id, p.family_name, p.given_name"


def _columns(listed: bool, appointment: str) -> tuple[str, str]:
    """The columns of a `booking_search` row and their values for `appointment` (a table alias or NEW)."""
    if not listed:
        return _KEYS, _KEY_VALUES.format(a=appointment)
    return f"{_KEYS}, {_LISTED}", f"{_KEY_VALUES}, {_LISTED_VALUES}".format(a=appointment)


def _booking_row(listed: bool) -> str:
    columns, values = _columns(listed, "NEW")
    return (f"INSERT OR REPLACE INTO booking_search ({columns}) SELECT {values} "
            "FROM person p, slot s WHERE p.id = NEW.person_id AND s.id = NEW.slot_id;")


def _triggers(listed: bool) -> dict[str, str]:
    """The triggers that write `booking_search` rows: as 0006 made them, or keeping the listed columns."""
    appointment = ", booking_code, product_code, dose_number, site_id" if listed else ""
    appointment_set = (", booking_code = NEW.booking_code, product_code = NEW.product_code, "
                       "dose_number = NEW.dose_number, site_id = NEW.site_id") if listed else ""
    person = ", family_name, given_name" if listed else ""
    person_set = ", family_name = NEW.family_name, given_name = NEW.given_name" if listed else ""
    return {
        "appointment_search_insert": f"AFTER INSERT ON appointment BEGIN {_booking_row(listed)} END",
        "appointment_search_state": (
            f"AFTER UPDATE OF state{appointment} ON appointment BEGIN "
            f"UPDATE booking_search SET state = NEW.state{appointment_set} WHERE appointment_id = NEW.id; END"
        ),
        "appointment_search_moved": f"AFTER UPDATE OF slot_id, person_id ON appointment BEGIN {_booking_row(listed)} END",
        "person_search_update": (
            f"AFTER UPDATE OF family_key, given_key, dob, deleted_at{person} ON person BEGIN "
            "UPDATE booking_search SET family_key = NEW.family_key, given_key = NEW.given_key, dob = NEW.dob, "
            f"live = NEW.deleted_at IS NULL{person_set} WHERE person_id = NEW.id; END"
        ),
    }


def _rebuild(listed: bool) -> None:
    for name in _triggers(listed):
        op.execute(f"DROP TRIGGER {name}")
    op.drop_index('ix_booking_search_names_day', table_name='booking_search')
    op.drop_index('ix_booking_search_person_id', table_name='booking_search')
    op.drop_index('ix_booking_search_name_day', table_name='booking_search')
    op.drop_table('booking_search')
    extra = [
        sa.Column('booking_code', sa.String(length=32), nullable=False),
        sa.Column('product_code', sa.String(length=32), nullable=True),
        sa.Column('dose_number', sa.Integer(), nullable=False),
        sa.Column('site_id', sa.String(length=36), nullable=False),
        sa.Column('slot_id', sa.String(length=36), nullable=False),
        sa.Column('family_name', sa.String(length=100), nullable=False),
        sa.Column('given_name', sa.String(length=100), nullable=False),
    ] if listed else []
    op.create_table('booking_search',
    sa.Column('appointment_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('family_key', sa.String(length=100), nullable=False),
    sa.Column('given_key', sa.String(length=100), nullable=False),
    sa.Column('dob', sa.String(length=10), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('live', sa.Boolean(), nullable=False),
    *extra,
    sa.PrimaryKeyConstraint('appointment_id', name=op.f('pk_booking_search')),
    sqlite_with_rowid=False
    )
    columns, values = _columns(listed, "a")
    op.execute(f"INSERT INTO booking_search ({columns}) SELECT {values} "
               "FROM appointment a JOIN person p ON p.id = a.person_id JOIN slot s ON s.id = a.slot_id")
    # Plain index operations on the new table (as 0006 made them).
    op.create_index('ix_booking_search_name_day', 'booking_search',
                    ['family_key', 'starts_at', 'given_key', 'dob', 'state', 'live', 'person_id'], unique=False)
    op.create_index(op.f('ix_booking_search_person_id'), 'booking_search', ['person_id'], unique=False)
    op.create_index('ix_booking_search_names_day', 'booking_search',
                    ['family_key', 'given_key', 'starts_at', 'state', 'live', 'person_id'], unique=False)
    for name, body in _triggers(listed).items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def upgrade() -> None:
    _rebuild(listed=True)


def downgrade() -> None:
    _rebuild(listed=False)
