"""the commune's staff (D02-LT), the events of their employment, and a card requested for an entitled member

A `staff` table holds, per person and employment, the terms D02-LT prints (position, job class, salary coefficient or
amount, allowances, contract kind and dates, the months contributions start and end); each start, change and end is
also a dated event (`staff_start`, `staff_change`, `staff_end`), so the events' type check admits them; and
`card_request`, a member entitled to a state-paid card whom the office's card-holder list lacks (an increase).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

OLD_TYPES = ("('birth', 'death', 'move_in', 'move_out', 'split', 'merge', 'head_change', 'correction', "
             "'group_change')")
NEW_TYPES = ("('birth', 'death', 'move_in', 'move_out', 'split', 'merge', 'head_change', 'correction', "
             "'group_change', 'staff_start', 'staff_change', 'staff_end', 'card_request')")


def upgrade() -> None:
    op.create_table('staff',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('commune_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Text(), nullable=False),
    sa.Column('job_class', sa.String(length=20), nullable=True),
    sa.Column('salary_coefficient', sa.Float(), nullable=True),
    sa.Column('salary_amount', sa.Integer(), nullable=True),
    sa.Column('allowance_position', sa.Float(), nullable=True),
    sa.Column('allowance_seniority_vk', sa.Float(), nullable=True),
    sa.Column('allowance_seniority_job', sa.Float(), nullable=True),
    sa.Column('allowance_salary', sa.Float(), nullable=True),
    sa.Column('allowance_other', sa.Float(), nullable=True),
    sa.Column('hazard_from', sa.String(length=10), nullable=True),
    sa.Column('hazard_to', sa.String(length=10), nullable=True),
    sa.Column('contract_kind', sa.String(length=20), nullable=True),
    sa.Column('contract_from', sa.String(length=10), nullable=True),
    sa.Column('contract_to', sa.String(length=10), nullable=True),
    sa.Column('decision', sa.Text(), nullable=True),
    sa.Column('contributions_from', sa.String(length=7), nullable=True),
    sa.Column('contributions_to', sa.String(length=7), nullable=True),
    sa.Column('valid_from', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('active', 'ended', 'void')", name=op.f('ck_staff_status')),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_staff_commune_id_communes')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_staff_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff'))
    )
    with op.batch_alter_table('staff') as b:
        b.create_index(b.f('ix_staff_commune_id'), ['commune_id'], unique=False)
        b.create_index(b.f('ix_staff_person_id'), ['person_id'], unique=False)
    with op.batch_alter_table('events') as b:
        b.drop_constraint(op.f('ck_events_type'), type_='check')
        b.create_check_constraint(op.f('ck_events_type'), f"type IN {NEW_TYPES}")


def downgrade() -> None:
    conn = op.get_bind()
    added = "('staff_start', 'staff_change', 'staff_end', 'card_request')"
    conn.execute(sa.text(f"DELETE FROM event_subjects WHERE event_id IN (SELECT id FROM events WHERE type IN {added})"))
    conn.execute(sa.text(f"UPDATE list_lines SET event_id = NULL WHERE event_id IN (SELECT id FROM events WHERE "
                         f"type IN {added})"))
    conn.execute(sa.text(f"DELETE FROM events WHERE type IN {added}"))
    with op.batch_alter_table('events') as b:
        b.drop_constraint(op.f('ck_events_type'), type_='check')
        b.create_check_constraint(op.f('ck_events_type'), f"type IN {OLD_TYPES}")
    with op.batch_alter_table('staff') as b:
        b.drop_index(b.f('ix_staff_person_id'))
        b.drop_index(b.f('ix_staff_commune_id'))
    op.drop_table('staff')
