"""COVID tests at the station (issue 18): the synced `covid_test` table, and test certificates (`kind` "t")
naming their test.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('covid_test',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('site_id', sa.String(length=36), nullable=False),
    sa.Column('test_type', sa.String(length=8), nullable=False),
    sa.Column('ordered_at', sa.DateTime(), nullable=False),
    sa.Column('ordered_by', sa.String(length=36), nullable=True),
    sa.Column('mail_result', sa.Boolean(), nullable=False),
    sa.Column('mail_lang', sa.String(length=2), nullable=True),
    sa.Column('sampled_at', sa.DateTime(), nullable=True),
    sa.Column('sampled_by', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=16), nullable=True),
    sa.Column('reading_minutes', sa.Integer(), nullable=True),
    sa.Column('lab_name', sa.String(length=80), nullable=True),
    sa.Column('sample_id', sa.String(length=40), nullable=True),
    sa.Column('result', sa.String(length=8), nullable=True),
    sa.Column('resulted_at', sa.DateTime(), nullable=True),
    sa.Column('resulted_by', sa.String(length=36), nullable=True),
    sa.Column('infection_id', sa.String(length=36), nullable=True),
    sa.Column('mail_state', sa.String(length=16), nullable=True),
    sa.Column('voided_at', sa.DateTime(), nullable=True),
    sa.Column('void_reason', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['infection_id'], ['infection.id'], name=op.f('fk_covid_test_infection_id_infection')),
    sa.ForeignKeyConstraint(['ordered_by'], ['staff.id'], name=op.f('fk_covid_test_ordered_by_staff')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_covid_test_person_id_person')),
    sa.ForeignKeyConstraint(['resulted_by'], ['staff.id'], name=op.f('fk_covid_test_resulted_by_staff')),
    sa.ForeignKeyConstraint(['sampled_by'], ['staff.id'], name=op.f('fk_covid_test_sampled_by_staff')),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_covid_test_site_id_site')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_covid_test_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_covid_test'))
    )
    with op.batch_alter_table('covid_test', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_covid_test_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_covid_test_visit_id'), ['visit_id'], unique=False)
        batch_op.create_index('ix_covid_test_site_ordered', ['site_id', 'ordered_at'], unique=False)

    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('test_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_certificate_test_id'), ['test_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_certificate_test_id_covid_test'), 'covid_test',
                                    ['test_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_certificate_test_id_covid_test'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_certificate_test_id'))
        batch_op.drop_column('test_id')
    with op.batch_alter_table('covid_test', schema=None) as batch_op:
        batch_op.drop_index('ix_covid_test_site_ordered')
        batch_op.drop_index(batch_op.f('ix_covid_test_visit_id'))
        batch_op.drop_index(batch_op.f('ix_covid_test_person_id'))
    op.drop_table('covid_test')
