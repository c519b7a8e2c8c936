"""Initial station schema: identity, staff, persons, bookings, stock, doses, certificates, audit, outbox.

Revision ID: 0001
Revises: 
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('staff_id', sa.String(length=36), nullable=True),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=True),
    sa.Column('details', sa.JSON(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('id', name=op.f('uq_audit_log_id'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_entity_id'), ['entity_id'], unique=False)

    op.create_table('family_name_key',
    sa.Column('family_key', sa.String(length=100), nullable=False),
    sa.Column('phonetic_key', sa.String(length=100), nullable=False),
    sa.Column('length', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('family_key', name=op.f('pk_family_name_key'))
    )
    with op.batch_alter_table('family_name_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_family_name_key_phonetic_key'), ['phonetic_key'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('outbox',
    sa.Column('mutation_id', sa.String(length=36), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('station_seq', sa.Integer(), nullable=False),
    sa.Column('schema_version', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('hlc', sa.String(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=True),
    sa.PrimaryKeyConstraint('mutation_id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('station_seq', name=op.f('uq_outbox_station_seq'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_state'), ['state'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('family_name', sa.String(length=100), nullable=False),
    sa.Column('given_name', sa.String(length=100), nullable=False),
    sa.Column('dob', sa.String(length=10), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=True),
    sa.Column('street', sa.String(length=200), nullable=True),
    sa.Column('postcode', sa.String(length=16), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('insurance_number', sa.String(length=40), nullable=True),
    sa.Column('family_key', sa.String(length=100), nullable=False),
    sa.Column('given_key', sa.String(length=100), nullable=False),
    sa.Column('phonetic_key', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('purged_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index('ix_person_dob', ['dob'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_family_key'), ['family_key'], unique=False)
        batch_op.create_index('ix_person_family_key_dob', ['family_key', 'dob'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_phonetic_key'), ['phonetic_key'], unique=False)

    op.create_table('product',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('mp', sa.String(length=32), nullable=False),
    sa.Column('ma', sa.String(length=32), nullable=False),
    sa.Column('vp', sa.String(length=32), nullable=False),
    sa.Column('doses_per_vial', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_product'))
    )
    op.create_table('site',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tenant', sa.String(length=64), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site')),
    sa.UniqueConstraint('tenant', 'code', name=op.f('uq_site_tenant_code'))
    )
    op.create_table('staff',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('login', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('pin_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('login', name=op.f('uq_staff_login'))
    )
    op.create_table('trusted_signer',
    sa.Column('kid', sa.String(length=16), nullable=False),
    sa.Column('certificate_der', sa.LargeBinary(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('kid', name=op.f('pk_trusted_signer'))
    )
    op.create_table('closure',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_closure_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_closure')),
    sa.UniqueConstraint('site_id', 'day', name=op.f('uq_closure_site_id_day'))
    )
    op.create_table('lot',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('product_code', sa.String(length=32), nullable=False),
    sa.Column('gtin', sa.String(length=14), nullable=True),
    sa.Column('lot_number', sa.String(length=20), nullable=False),
    sa.Column('expiry', sa.Date(), nullable=False),
    sa.Column('vials_received', sa.Integer(), nullable=False),
    sa.Column('doses_per_vial', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('received_by', sa.String(length=36), nullable=True),
    sa.Column('manual_product_reason', sa.String(length=200), nullable=True),
    sa.Column('blocked_at', sa.DateTime(), nullable=True),
    sa.Column('block_reason', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['product_code'], ['product.code'], name=op.f('fk_lot_product_code_product')),
    sa.ForeignKeyConstraint(['received_by'], ['staff.id'], name=op.f('fk_lot_received_by_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lot')),
    sa.UniqueConstraint('product_code', 'lot_number', name=op.f('uq_lot_product_code_lot_number'))
    )
    op.create_table('opening_rule',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('opens', sa.String(length=5), nullable=False),
    sa.Column('closes', sa.String(length=5), nullable=False),
    sa.Column('slot_minutes', sa.Integer(), nullable=False),
    sa.Column('stations', sa.Integer(), nullable=False),
    sa.Column('capacity_per_station', sa.Integer(), nullable=False),
    sa.Column('products', sa.JSON(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_opening_rule_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opening_rule'))
    )
    with op.batch_alter_table('opening_rule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opening_rule_site_id'), ['site_id'], unique=False)

    op.create_table('signer_key',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('certificate_der', sa.LargeBinary(), nullable=False),
    sa.Column('private_key_pem', sa.LargeBinary(), nullable=False),
    sa.Column('kid', sa.String(length=16), nullable=False),
    sa.Column('not_after', sa.DateTime(), nullable=False),
    sa.Column('demo', sa.Boolean(), nullable=False),
    sa.Column('installed_at', sa.DateTime(), nullable=False),
    sa.Column('installed_by', sa.String(length=36), nullable=True),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['installed_by'], ['staff.id'], name=op.f('fk_signer_key_installed_by_staff')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_signer_key_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signer_key'))
    )
    op.create_table('slot',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('product_code', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['product_code'], ['product.code'], name=op.f('fk_slot_product_code_product')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_slot_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_slot'))
    )
    with op.batch_alter_table('slot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_slot_starts_at'), ['starts_at'], unique=False)

    op.create_table('station',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('tenant', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('next_seq', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_station_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_station'))
    )
    op.create_table('appointment',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('slot_id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('booking_code', sa.String(length=32), nullable=False),
    sa.Column('product_code', sa.String(length=32), nullable=True),
    sa.Column('dose_number', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('state_changed_at', sa.DateTime(), nullable=False),
    sa.Column('booking_state', sa.String(length=16), nullable=False),
    sa.Column('lease_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_appointment_person_id_person')),
    sa.ForeignKeyConstraint(['product_code'], ['product.code'], name=op.f('fk_appointment_product_code_product')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_appointment_site_id_site')),
    sa.ForeignKeyConstraint(['slot_id'], ['slot.id'], name=op.f('fk_appointment_slot_id_slot')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment')),
    sa.UniqueConstraint('booking_code', name=op.f('uq_appointment_booking_code'))
    )
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appointment_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appointment_slot_id'), ['slot_id'], unique=False)

    op.create_table('vial',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('lot_id', sa.String(length=36), nullable=False),
    sa.Column('serial', sa.String(length=20), nullable=True),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('thawed_at', sa.DateTime(), nullable=True),
    sa.Column('use_by', sa.DateTime(), nullable=False),
    sa.Column('opened_by', sa.String(length=36), nullable=True),
    sa.Column('discarded_at', sa.DateTime(), nullable=True),
    sa.Column('discard_reason', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['lot_id'], ['lot.id'], name=op.f('fk_vial_lot_id_lot')),
    sa.ForeignKeyConstraint(['opened_by'], ['staff.id'], name=op.f('fk_vial_opened_by_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vial')),
    sa.UniqueConstraint('lot_id', 'serial', name=op.f('uq_vial_lot_id_serial'))
    )
    with op.batch_alter_table('vial', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vial_lot_id'), ['lot_id'], unique=False)

    op.create_table('stock_event',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('lot_id', sa.String(length=36), nullable=False),
    sa.Column('vial_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('doses', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['lot_id'], ['lot.id'], name=op.f('fk_stock_event_lot_id_lot')),
    sa.ForeignKeyConstraint(['vial_id'], ['vial.id'], name=op.f('fk_stock_event_vial_id_vial')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_event'))
    )
    with op.batch_alter_table('stock_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_event_lot_id'), ['lot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_event_vial_id'), ['vial_id'], unique=False)

    op.create_table('visit',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('appointment_id', sa.String(length=36), nullable=True),
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('checked_in_at', sa.DateTime(), nullable=False),
    sa.Column('checked_in_by', sa.String(length=36), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('state_changed_at', sa.DateTime(), nullable=False),
    sa.Column('id_document_type', sa.String(length=32), nullable=True),
    sa.Column('id_checked_by', sa.String(length=36), nullable=True),
    sa.Column('id_checked_at', sa.DateTime(), nullable=True),
    sa.Column('consent_by', sa.String(length=16), nullable=True),
    sa.Column('guardian_name', sa.String(length=200), nullable=True),
    sa.Column('consent_at', sa.DateTime(), nullable=True),
    sa.Column('answers', sa.JSON(), nullable=True),
    sa.Column('needs_review', sa.Boolean(), nullable=False),
    sa.Column('review_flags', sa.JSON(), nullable=True),
    sa.Column('called_at', sa.DateTime(), nullable=True),
    sa.Column('left_reason', sa.String(length=200), nullable=True),
    sa.Column('observation_minutes', sa.Integer(), nullable=False),
    sa.Column('observation_started_at', sa.DateTime(), nullable=True),
    sa.Column('observation_ended_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointment.id'], name=op.f('fk_visit_appointment_id_appointment')),
    sa.ForeignKeyConstraint(['checked_in_by'], ['staff.id'], name=op.f('fk_visit_checked_in_by_staff')),
    sa.ForeignKeyConstraint(['id_checked_by'], ['staff.id'], name=op.f('fk_visit_id_checked_by_staff')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_visit_person_id_person')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_visit_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_visit_site_state', ['site_id', 'state'], unique=False)

    op.create_table('vaccination',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('site_id', sa.String(length=36), nullable=True),
    sa.Column('product_code', sa.String(length=32), nullable=False),
    sa.Column('lot_id', sa.String(length=36), nullable=True),
    sa.Column('vial_id', sa.String(length=36), nullable=True),
    sa.Column('given_at', sa.DateTime(), nullable=False),
    sa.Column('dose_number', sa.Integer(), nullable=False),
    sa.Column('series_doses', sa.Integer(), nullable=False),
    sa.Column('injection_site', sa.String(length=32), nullable=True),
    sa.Column('staff_id', sa.String(length=36), nullable=True),
    sa.Column('external', sa.Boolean(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('override_reason', sa.String(length=300), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('corrects_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['corrects_id'], ['vaccination.id'], name=op.f('fk_vaccination_corrects_id_vaccination')),
    sa.ForeignKeyConstraint(['lot_id'], ['lot.id'], name=op.f('fk_vaccination_lot_id_lot')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_vaccination_person_id_person')),
    sa.ForeignKeyConstraint(['product_code'], ['product.code'], name=op.f('fk_vaccination_product_code_product')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_vaccination_site_id_site')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_vaccination_staff_id_staff')),
    sa.ForeignKeyConstraint(['vial_id'], ['vial.id'], name=op.f('fk_vaccination_vial_id_vial')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_vaccination_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vaccination'))
    )
    with op.batch_alter_table('vaccination', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vaccination_given_at'), ['given_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_vaccination_person_id'), ['person_id'], unique=False)

    op.create_table('adverse_event',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('vaccination_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('severity', sa.String(length=16), nullable=False),
    sa.Column('onset_at', sa.DateTime(), nullable=False),
    sa.Column('action_taken', sa.String(length=300), nullable=True),
    sa.Column('staff_id', sa.String(length=36), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_adverse_event_person_id_person')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_adverse_event_staff_id_staff')),
    sa.ForeignKeyConstraint(['vaccination_id'], ['vaccination.id'], name=op.f('fk_adverse_event_vaccination_id_vaccination')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adverse_event'))
    )
    with op.batch_alter_table('adverse_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_adverse_event_person_id'), ['person_id'], unique=False)

    op.create_table('certificate',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('vaccination_id', sa.String(length=36), nullable=False),
    sa.Column('uvci', sa.String(length=80), nullable=False),
    sa.Column('hc1', sa.Text(), nullable=True),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('issued_by', sa.String(length=36), nullable=True),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.Column('revoke_reason', sa.String(length=300), nullable=True),
    sa.Column('revoked_by', sa.String(length=36), nullable=True),
    sa.Column('replaces_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['issued_by'], ['staff.id'], name=op.f('fk_certificate_issued_by_staff')),
    sa.ForeignKeyConstraint(['replaces_id'], ['certificate.id'], name=op.f('fk_certificate_replaces_id_certificate')),
    sa.ForeignKeyConstraint(['revoked_by'], ['staff.id'], name=op.f('fk_certificate_revoked_by_staff')),
    sa.ForeignKeyConstraint(['vaccination_id'], ['vaccination.id'], name=op.f('fk_certificate_vaccination_id_vaccination')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate')),
    sa.UniqueConstraint('uvci', name=op.f('uq_certificate_uvci'))
    )
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificate_vaccination_id'), ['vaccination_id'], unique=False)

    op.create_table('vaccination_void',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('vaccination_id', sa.String(length=36), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('staff_id', sa.String(length=36), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_vaccination_void_staff_id_staff')),
    sa.ForeignKeyConstraint(['vaccination_id'], ['vaccination.id'], name=op.f('fk_vaccination_void_vaccination_id_vaccination')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vaccination_void')),
    sa.UniqueConstraint('vaccination_id', name=op.f('uq_vaccination_void_vaccination_id'))
    )

    # Append-only tables: a dose given, its void and the audit trail are never changed or removed.
    for table in ("vaccination", "vaccination_void", "audit_log"):
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
            )
    # The distinct family search keys follow the person table by themselves.
    for event in ("INSERT", "UPDATE OF family_key, phonetic_key"):
        name = "person_name_key_" + event.split()[0].lower()
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON person BEGIN "
            "INSERT OR IGNORE INTO family_name_key (family_key, phonetic_key, length) "
            "VALUES (NEW.family_key, NEW.phonetic_key, length(NEW.family_key)); END"
        )


def downgrade() -> None:
    op.drop_table('vaccination_void')
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_vaccination_id'))

    op.drop_table('certificate')
    with op.batch_alter_table('adverse_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_adverse_event_person_id'))

    op.drop_table('adverse_event')
    with op.batch_alter_table('vaccination', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vaccination_person_id'))
        batch_op.drop_index(batch_op.f('ix_vaccination_given_at'))

    op.drop_table('vaccination')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_site_state')
        batch_op.drop_index(batch_op.f('ix_visit_person_id'))

    op.drop_table('visit')
    with op.batch_alter_table('stock_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_event_vial_id'))
        batch_op.drop_index(batch_op.f('ix_stock_event_lot_id'))

    op.drop_table('stock_event')
    with op.batch_alter_table('vial', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vial_lot_id'))

    op.drop_table('vial')
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointment_slot_id'))
        batch_op.drop_index(batch_op.f('ix_appointment_person_id'))

    op.drop_table('appointment')
    op.drop_table('station')
    with op.batch_alter_table('slot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_slot_starts_at'))

    op.drop_table('slot')
    op.drop_table('signer_key')
    with op.batch_alter_table('opening_rule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opening_rule_site_id'))

    op.drop_table('opening_rule')
    op.drop_table('lot')
    op.drop_table('closure')
    op.drop_table('trusted_signer')
    op.drop_table('staff')
    op.drop_table('site')
    op.drop_table('product')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_phonetic_key'))
        batch_op.drop_index('ix_person_family_key_dob')
        batch_op.drop_index(batch_op.f('ix_person_family_key'))
        batch_op.drop_index('ix_person_dob')

    op.drop_table('person')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_state'))

    op.drop_table('outbox')
    op.drop_table('meta')
    with op.batch_alter_table('family_name_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_family_name_key_phonetic_key'))

    op.drop_table('family_name_key')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_entity_id'))

    op.drop_table('audit_log')
