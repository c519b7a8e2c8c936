"""Check-in search that scales: key counts, given-name keys, one-deletion variants of every key, and
today's bookings by name, all kept by triggers so rows written by sync are searchable too.

Revision ID: 0006
Revises: 0002
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# Positions 1…200 cover every key: names have at most 100 characters, and folding (ß → ss, ä → ae)
# at most doubles them.
POSITIONS = 200

# A key shorter than three letters gets no variants: one letter left out of "li" matches half the city.
_VARIANTS = (
    "INSERT OR IGNORE INTO name_key_variant (variant, kind, key) "
    "SELECT substr({key}, 1, n - 1) || substr({key}, n + 1), '{kind}', {key} "
    "FROM search_position WHERE n <= length({key}) AND length({key}) >= 3"
)
# Counts follow inserts and renames; a key whose count drops to 0 stays (it costs nothing and may return).
_COUNT_UP = (
    "INSERT INTO family_name_key (family_key, phonetic_key, length, persons) "
    "SELECT NEW.family_key, NEW.phonetic_key, length(NEW.family_key), 1 WHERE NEW.family_key != ''{also} "
    "ON CONFLICT (family_key) DO UPDATE SET persons = persons + 1; "
    "INSERT INTO given_name_key (given_key, persons) "
    "SELECT NEW.given_key, 1 WHERE NEW.given_key != ''{also_given} "
    "ON CONFLICT (given_key) DO UPDATE SET persons = persons + 1;"
)
_BOOKING_ROW = (
    "INSERT OR REPLACE INTO booking_search "
    "(appointment_id, person_id, family_key, given_key, dob, starts_at, state, live) "
    "SELECT NEW.id, p.id, p.family_key, p.given_key, p.dob, s.starts_at, NEW.state, p.deleted_at IS NULL "
    "FROM person p, slot s WHERE p.id = NEW.person_id AND s.id = NEW.slot_id;"
)
TRIGGERS = {
    "person_name_key_insert": "AFTER INSERT ON person BEGIN " + _COUNT_UP.format(also="", also_given="") + " END",
    "person_name_key_update": (
        "AFTER UPDATE OF family_key, given_key ON person BEGIN "
        "UPDATE family_name_key SET persons = max(persons - 1, 0) "
        "WHERE family_key = OLD.family_key AND OLD.family_key != NEW.family_key; "
        "UPDATE given_name_key SET persons = max(persons - 1, 0) "
        "WHERE given_key = OLD.given_key AND OLD.given_key != NEW.given_key; "
        + _COUNT_UP.format(also=" AND NEW.family_key != OLD.family_key",
                           also_given=" AND NEW.given_key != OLD.given_key")
        + " END"
    ),
    "family_name_key_variants": "AFTER INSERT ON family_name_key BEGIN "
    + _VARIANTS.format(key="NEW.family_key", kind="f") + "; END",
    "given_name_key_variants": "AFTER INSERT ON given_name_key BEGIN "
    + _VARIANTS.format(key="NEW.given_key", kind="g") + "; END",
    "appointment_search_insert": "AFTER INSERT ON appointment BEGIN " + _BOOKING_ROW + " END",
    "appointment_search_state": (
        "AFTER UPDATE OF state ON appointment BEGIN "
        "UPDATE booking_search SET state = NEW.state WHERE appointment_id = NEW.id; END"
    ),
    "appointment_search_moved": (
        "AFTER UPDATE OF slot_id, person_id ON appointment BEGIN " + _BOOKING_ROW + " END"
    ),
    "appointment_search_delete": (
        "AFTER DELETE ON appointment BEGIN DELETE FROM booking_search WHERE appointment_id = OLD.id; END"
    ),
    "person_search_update": (
        "AFTER UPDATE OF family_key, given_key, dob, deleted_at ON person BEGIN "
        "UPDATE booking_search SET family_key = NEW.family_key, given_key = NEW.given_key, dob = NEW.dob, "
        "live = NEW.deleted_at IS NULL WHERE person_id = NEW.id; END"
    ),
    "slot_search_update": (
        "AFTER UPDATE OF starts_at ON slot BEGIN "
        "UPDATE booking_search SET starts_at = NEW.starts_at "
        "WHERE appointment_id IN (SELECT id FROM appointment WHERE slot_id = NEW.id); END"
    ),
}
# The triggers of 0001 that these replace, as they were.
_OLD_NAME_KEY_TRIGGERS = {
    "person_name_key_insert": "INSERT",
    "person_name_key_update": "UPDATE OF family_key, phonetic_key",
}


def upgrade() -> None:
    op.add_column('family_name_key', sa.Column('persons', sa.Integer(), server_default='0', nullable=False))
    op.create_table('given_name_key',
    sa.Column('given_key', sa.String(length=100), nullable=False),
    sa.Column('persons', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('given_key', name=op.f('pk_given_name_key'))
    )
    op.create_table('name_key_variant',
    sa.Column('variant', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=1), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('variant', 'kind', 'key', name=op.f('pk_name_key_variant')),
    sqlite_with_rowid=False
    )
    op.create_table('search_position',
    sa.Column('n', sa.Integer(), autoincrement=False, nullable=False),
    sa.PrimaryKeyConstraint('n', name=op.f('pk_search_position'))
    )
    op.create_table('booking_search',
    sa.Column('appointment_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('family_key', sa.String(length=100), nullable=False),
    sa.Column('given_key', sa.String(length=100), nullable=False),
    sa.Column('dob', sa.String(length=10), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('live', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('appointment_id', name=op.f('pk_booking_search')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('booking_search', schema=None) as batch_op:
        batch_op.create_index('ix_booking_search_name_day',
                              ['family_key', 'starts_at', 'given_key', 'dob', 'state', 'live', 'person_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_booking_search_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_booking_search_names_day',
                              ['family_key', 'given_key', 'starts_at', 'state', 'live', 'person_id'], unique=False)
    # Plain index operations, never a batch that could rebuild `person` and lose its triggers.
    op.drop_index('ix_person_family_key', table_name='person')
    op.drop_index('ix_person_phonetic_key', table_name='person')
    op.create_index('ix_person_name', 'person', ['family_key', 'given_key', 'dob', 'deleted_at'], unique=False)

    op.execute("INSERT INTO search_position (n) "
               f"WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {POSITIONS}) "
               "SELECT n FROM seq")
    for name in _OLD_NAME_KEY_TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    # What is there already: counts, given keys, variants and booking rows; then the triggers keep them.
    op.execute("UPDATE family_name_key SET persons = "
               "(SELECT count(*) FROM person WHERE person.family_key = family_name_key.family_key)")
    op.execute("INSERT INTO given_name_key (given_key, persons) "
               "SELECT given_key, count(*) FROM person WHERE given_key != '' GROUP BY given_key")
    op.execute(_VARIANTS.format(key="k.family_key", kind="f").replace("FROM search_position",
               "FROM family_name_key k, search_position"))
    op.execute(_VARIANTS.format(key="k.given_key", kind="g").replace("FROM search_position",
               "FROM given_name_key k, search_position"))
    op.execute("INSERT INTO booking_search "
               "(appointment_id, person_id, family_key, given_key, dob, starts_at, state, live) "
               "SELECT a.id, p.id, p.family_key, p.given_key, p.dob, s.starts_at, a.state, p.deleted_at IS NULL "
               "FROM appointment a JOIN person p ON p.id = a.person_id JOIN slot s ON s.id = a.slot_id")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index('ix_person_name', table_name='person')
    op.create_index('ix_person_phonetic_key', 'person', ['phonetic_key'], unique=False)
    op.create_index('ix_person_family_key', 'person', ['family_key'], unique=False)
    with op.batch_alter_table('booking_search', schema=None) as batch_op:
        batch_op.drop_index('ix_booking_search_names_day')
        batch_op.drop_index(batch_op.f('ix_booking_search_person_id'))
        batch_op.drop_index('ix_booking_search_name_day')
    op.drop_table('booking_search')
    op.drop_table('search_position')
    op.drop_table('name_key_variant')
    op.drop_table('given_name_key')
    # Rebuilt by the batch, so before any trigger names the table again.
    with op.batch_alter_table('family_name_key', schema=None) as batch_op:
        batch_op.drop_column('persons')
    for name, event in _OLD_NAME_KEY_TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON person BEGIN "
            "INSERT OR IGNORE INTO family_name_key (family_key, phonetic_key, length) "
            "VALUES (NEW.family_key, NEW.phonetic_key, length(NEW.family_key)); END"
        )
