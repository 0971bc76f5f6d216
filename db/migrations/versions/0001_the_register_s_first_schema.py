"""the register's first schema

Revision ID: 0001
Revises: 
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actions'))
    )
    op.create_table('households',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('commune_code', sa.String(length=10), nullable=False),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('head_person_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_date', sa.String(length=10), nullable=True),
    sa.Column('related_household_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('active', 'split_from', 'merged_into', 'dissolved')", name=op.f('ck_households_status')),
    sa.ForeignKeyConstraint(['related_household_id'], ['households.id'], name=op.f('fk_households_related_household_id_households')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_households')),
    sa.UniqueConstraint('commune_code', 'code', name=op.f('uq_households_commune_code'))
    )
    op.create_table('periods',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('locked_at', sa.DateTime(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=True),
    sa.CheckConstraint("status IN ('open', 'locked', 'exported', 'collected', 'acknowledged')", name=op.f('ck_periods_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_periods')),
    sa.UniqueConstraint('month', name=op.f('uq_periods_month'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('old', sa.Text(), nullable=True),
    sa.Column('new', sa.Text(), nullable=True),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('action_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_audit_entries_action_id_actions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_action_id'), ['action_id'], unique=False)
        batch_op.create_index('ix_audit_entries_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('type', sa.String(length=30), nullable=False),
    sa.Column('effective_date', sa.String(length=10), nullable=False),
    sa.Column('period_id', sa.String(length=36), nullable=True),
    sa.Column('action_id', sa.String(length=36), nullable=True),
    sa.Column('details', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_events_action_id_actions')),
    sa.ForeignKeyConstraint(['period_id'], ['periods.id'], name=op.f('fk_events_period_id_periods')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_period_id'), ['period_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_type'), ['type'], unique=False)

    op.create_table('packages',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('commune_code', sa.String(length=10), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.String(length=36), nullable=True),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('file_name', sa.Text(), nullable=True),
    sa.Column('manifest_sha256', sa.String(length=64), nullable=True),
    sa.Column('payload_sha256', sa.String(length=64), nullable=True),
    sa.Column('signer_key_id', sa.String(length=64), nullable=True),
    sa.Column('recipient', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('collected_at', sa.DateTime(), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['period_id'], ['periods.id'], name=op.f('fk_packages_period_id_periods')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_packages')),
    sa.UniqueConstraint('commune_code', 'seq', name=op.f('uq_packages_commune_code'))
    )
    op.create_table('persons',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=True),
    sa.Column('full_name', sa.Text(), nullable=False),
    sa.Column('name_key', sa.Text(), nullable=False),
    sa.Column('birth_date', sa.String(length=10), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('sex', sa.String(length=1), nullable=True),
    sa.Column('ethnicity_code', sa.String(length=2), nullable=True),
    sa.Column('nationality', sa.String(length=3), nullable=False),
    sa.Column('birth_place', sa.Text(), nullable=True),
    sa.Column('birth_place_key', sa.Text(), nullable=True),
    sa.Column('birth_province_code', sa.String(length=3), nullable=True),
    sa.Column('id_number', sa.String(length=12), nullable=True),
    sa.Column('id_kind', sa.String(length=5), nullable=True),
    sa.Column('bhxh_code', sa.String(length=10), nullable=True),
    sa.Column('relation', sa.String(length=20), nullable=True),
    sa.Column('group_code', sa.String(length=2), nullable=True),
    sa.Column('card_number', sa.String(length=15), nullable=True),
    sa.Column('card_valid_from', sa.String(length=10), nullable=True),
    sa.Column('card_valid_to', sa.String(length=10), nullable=True),
    sa.Column('health_facility', sa.Text(), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_date', sa.String(length=10), nullable=True),
    sa.Column('status_detail', sa.Text(), nullable=True),
    sa.Column('merged_into_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("sex IN ('M', 'F') OR sex IS NULL", name=op.f('ck_persons_sex')),
    sa.CheckConstraint("status IN ('active', 'dead', 'moved_out', 'merged')", name=op.f('ck_persons_status')),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_persons_household_id_households')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['persons.id'], name=op.f('fk_persons_merged_into_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons'))
    )
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_persons_bhxh_code'), ['bhxh_code'], unique=False)
        batch_op.create_index('ix_persons_birth_year_name_key', ['birth_year', 'name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_id_number'), ['id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_merged_into_id'), ['merged_into_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_name_key'), ['name_key'], unique=False)

    op.create_table('resolutions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('subject_key', sa.Text(), nullable=False),
    sa.Column('decision', sa.String(length=30), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('action_id', sa.String(length=36), nullable=True),
    sa.Column('decided_by', sa.String(length=100), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_resolutions_action_id_actions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resolutions'))
    )
    with op.batch_alter_table('resolutions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resolutions_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_resolutions_subject_key'), ['subject_key'], unique=False)

    op.create_table('event_subjects',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('household_id', sa.String(length=36), nullable=True),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_subjects_event_id_events')),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_event_subjects_household_id_households')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_event_subjects_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_subjects'))
    )
    with op.batch_alter_table('event_subjects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_subjects_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_subjects_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_subjects_person_id'), ['person_id'], unique=False)

    # households.head_person_id and persons.household_id refer to each other: the head's key is added last.
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.create_foreign_key('fk_households_head_person_id_persons', 'persons', ['head_person_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_households_head_person_id'), ['head_person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_households_related_household_id'), ['related_household_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_households_related_household_id'))
        batch_op.drop_index(batch_op.f('ix_households_head_person_id'))
        batch_op.drop_constraint('fk_households_head_person_id_persons', type_='foreignkey')
    with op.batch_alter_table('event_subjects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_subjects_person_id'))
        batch_op.drop_index(batch_op.f('ix_event_subjects_household_id'))
        batch_op.drop_index(batch_op.f('ix_event_subjects_event_id'))

    op.drop_table('event_subjects')
    with op.batch_alter_table('resolutions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resolutions_subject_key'))
        batch_op.drop_index(batch_op.f('ix_resolutions_kind'))

    op.drop_table('resolutions')
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_persons_merged_into_id'))
        batch_op.drop_index(batch_op.f('ix_persons_name_key'))
        batch_op.drop_index(batch_op.f('ix_persons_id_number'))
        batch_op.drop_index(batch_op.f('ix_persons_household_id'))
        batch_op.drop_index('ix_persons_birth_year_name_key')
        batch_op.drop_index(batch_op.f('ix_persons_bhxh_code'))

    op.drop_table('persons')
    op.drop_table('packages')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_type'))
        batch_op.drop_index(batch_op.f('ix_events_period_id'))

    op.drop_table('events')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entries_entity')
        batch_op.drop_index(batch_op.f('ix_audit_entries_action_id'))

    op.drop_table('audit_entries')
    op.drop_table('settings')
    op.drop_table('periods')
    op.drop_table('households')
    op.drop_table('actions')
