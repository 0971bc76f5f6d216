"""communes, undoable operations, events with status and period, findings, lists, parameters, import issues

Every household, person, event, period and resolution now belongs to a commune (a `communes` row, made from the
register's settings); actions carry a sequence number and undo/redo links; the audit trail stores typed JSON values
and is written for every table an operation touches; the column `user` (reserved in PostgreSQL) is `actor`.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""
import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

PERSON_STATUSES = "('active', 'dead', 'moved_out', 'merged', 'void')"
HOUSEHOLD_STATUSES = "('active', 'split_from', 'merged_into', 'dissolved', 'void')"
PERIOD_STATUSES = "('open', 'locked', 'exported', 'collected', 'acknowledged', 'void')"
RECORD_STATUSES = "('active', 'void')"
EVENT_TYPES = ("('birth', 'death', 'move_in', 'move_out', 'split', 'merge', 'head_change', 'correction', "
               "'group_change')")
ROLES = ("('child', 'mother', 'father', 'household', 'deceased', 'new_head', 'person', 'new_household', "
         "'member', 'from_household', 'into_household', 'old_head')")
COMMUNE_KEYS = ("commune_code", "commune_name", "province_code", "province_name", "district_name", "chairman",
                "clerk", "bhxh_office", "post_office")


def _json(text):
    return sa.JSON(none_as_null=True)


def _communes_from_settings(conn) -> str | None:
    """The register's commune, from its settings (0001 kept the identity there); its id, or None if it had none."""
    settings = {k: v for k, v in conn.execute(sa.text("SELECT key, value FROM settings"))}

    def value(key):
        raw = settings.get(key)
        if raw is None:
            return None
        try:
            return json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            return raw

    codes = {r[0] for r in conn.execute(sa.text("SELECT DISTINCT commune_code FROM households"))}
    code = value("commune_code") or next(iter(codes - {""}), None) or ("" if value("commune_name") else None)
    if code is None and not codes:
        return None
    cid = str(uuid.uuid4())
    conn.execute(sa.text(
        "INSERT INTO communes (id, code, name, province_code, province_name, district_name, chairman, clerk, "
        "bhxh_office, post_office, status, created_at, updated_at) VALUES (:id, :code, :name, :pc, :pn, :dn, "
        ":ch, :cl, :bo, :po, 'active', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
        {"id": cid, "code": code or "00000", "name": value("commune_name") or "", "pc": value("province_code"),
         "pn": value("province_name"), "dn": value("district_name"), "ch": value("chairman"),
         "cl": value("clerk"), "bo": value("bhxh_office"), "po": value("post_office")})
    conn.execute(sa.text("INSERT INTO settings (key, value) VALUES ('commune_id', :v)"), {"v": json.dumps(cid)})
    return cid


def upgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    op.create_table('communes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('province_code', sa.String(length=3), nullable=True),
    sa.Column('province_name', sa.Text(), nullable=True),
    sa.Column('district_name', sa.Text(), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('email', sa.Text(), nullable=True),
    sa.Column('tax_code', sa.String(length=20), nullable=True),
    sa.Column('unit_code', sa.String(length=20), nullable=True),
    sa.Column('chairman', sa.Text(), nullable=True),
    sa.Column('clerk', sa.Text(), nullable=True),
    sa.Column('post_office', sa.Text(), nullable=True),
    sa.Column('bhxh_office', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(f"status IN {RECORD_STATUSES}", name=op.f('ck_communes_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_communes')),
    sa.UniqueConstraint('code', name=op.f('uq_communes_code'))
    )
    cid = _communes_from_settings(conn)
    for key in COMMUNE_KEYS:
        conn.execute(sa.text("DELETE FROM settings WHERE key = :k"), {"k": key})

    # --- actions: sequence, label key and parameters, undo/redo links; user -> actor ---------------------------
    with op.batch_alter_table('actions') as b:
        b.add_column(sa.Column('seq', sa.Integer(), nullable=True))
        b.add_column(sa.Column('label_key', sa.String(length=60), nullable=True))
        b.add_column(sa.Column('label_params', _json(None), nullable=True))
        b.add_column(sa.Column('params', _json(None), nullable=True))
        b.add_column(sa.Column('commune_id', sa.String(length=36), nullable=True))
        b.add_column(sa.Column('undoable', sa.Boolean(), nullable=True))
        b.add_column(sa.Column('undone', sa.Boolean(), nullable=True))
        b.add_column(sa.Column('target_id', sa.String(length=36), nullable=True))
        b.alter_column('user', new_column_name='actor', existing_type=sa.String(length=100), nullable=False)
        b.alter_column('details', new_column_name='summary', existing_type=sa.JSON())
    rows = conn.execute(sa.text("SELECT id, label FROM actions ORDER BY at, id")).all()
    for n, (aid, label) in enumerate(rows, 1):
        conn.execute(sa.text("UPDATE actions SET seq = :n, label_key = 'action.legacy', label_params = :p, "
                             "undoable = :f, undone = :f, commune_id = :c WHERE id = :id"),
                     {"n": n, "p": json.dumps({"label": label}, ensure_ascii=False), "f": False, "c": cid,
                      "id": aid})
    with op.batch_alter_table('actions') as b:
        b.alter_column('seq', existing_type=sa.Integer(), nullable=False)
        b.alter_column('label_key', existing_type=sa.String(length=60), nullable=False)
        b.alter_column('undoable', existing_type=sa.Boolean(), nullable=False)
        b.alter_column('undone', existing_type=sa.Boolean(), nullable=False)
        b.drop_column('label')
        b.create_unique_constraint(op.f('uq_actions_seq'), ['seq'])
        b.create_foreign_key(op.f('fk_actions_commune_id_communes'), 'communes', ['commune_id'], ['id'])
        b.create_foreign_key(op.f('fk_actions_target_id_actions'), 'actions', ['target_id'], ['id'])
        b.create_index(b.f('ix_actions_commune_id'), ['commune_id'], unique=False)
        b.create_index(b.f('ix_actions_target_id'), ['target_id'], unique=False)

    # --- households and persons belong to a commune; `void` statuses ------------------------------------------
    with op.batch_alter_table('households') as b:
        b.add_column(sa.Column('commune_id', sa.String(length=36), nullable=True))
    conn.execute(sa.text("UPDATE households SET commune_id = :c"), {"c": cid})
    with op.batch_alter_table('households') as b:
        b.alter_column('commune_id', existing_type=sa.String(length=36), nullable=False)
        b.drop_constraint(op.f('uq_households_commune_code'), type_='unique')
        b.drop_constraint(op.f('ck_households_status'), type_='check')
        b.drop_column('commune_code')
        b.create_check_constraint(op.f('ck_households_status'), f"status IN {HOUSEHOLD_STATUSES}")
        b.create_unique_constraint(op.f('uq_households_commune_id'), ['commune_id', 'code'])
        b.create_foreign_key(op.f('fk_households_commune_id_communes'), 'communes', ['commune_id'], ['id'])

    with op.batch_alter_table('persons') as b:
        b.add_column(sa.Column('commune_id', sa.String(length=36), nullable=True))
    conn.execute(sa.text("UPDATE persons SET commune_id = :c"), {"c": cid})
    with op.batch_alter_table('persons') as b:
        b.alter_column('commune_id', existing_type=sa.String(length=36), nullable=False)
        b.drop_constraint(op.f('ck_persons_status'), type_='check')
        b.create_check_constraint(op.f('ck_persons_status'), f"status IN {PERSON_STATUSES}")
        b.create_foreign_key(op.f('fk_persons_commune_id_communes'), 'communes', ['commune_id'], ['id'])
        b.create_index(b.f('ix_persons_commune_id'), ['commune_id'], unique=False)

    # --- periods: one per commune and month --------------------------------------------------------------------
    with op.batch_alter_table('periods') as b:
        b.add_column(sa.Column('commune_id', sa.String(length=36), nullable=True))
    conn.execute(sa.text("UPDATE periods SET commune_id = :c"), {"c": cid})
    with op.batch_alter_table('periods') as b:
        b.alter_column('commune_id', existing_type=sa.String(length=36), nullable=False)
        b.drop_constraint(op.f('uq_periods_month'), type_='unique')
        b.drop_constraint(op.f('ck_periods_status'), type_='check')
        b.create_check_constraint(op.f('ck_periods_status'), f"status IN {PERIOD_STATUSES}")
        b.create_unique_constraint(op.f('uq_periods_commune_id'), ['commune_id', 'month'])
        b.create_foreign_key(op.f('fk_periods_commune_id_communes'), 'communes', ['commune_id'], ['id'])

    # --- events: commune, status, reported period, payload version; types and roles checked ------------------
    with op.batch_alter_table('events') as b:
        b.add_column(sa.Column('commune_id', sa.String(length=36), nullable=True))
        b.add_column(sa.Column('status', sa.String(length=20), nullable=True))
        b.add_column(sa.Column('payload_version', sa.Integer(), nullable=True))
        b.drop_index('ix_events_period_id')
        b.alter_column('period_id', new_column_name='reported_period_id', existing_type=sa.String(length=36))
    conn.execute(sa.text("UPDATE events SET commune_id = :c, status = 'recorded', payload_version = 1"), {"c": cid})
    with op.batch_alter_table('events') as b:
        b.alter_column('commune_id', existing_type=sa.String(length=36), nullable=False)
        b.alter_column('status', existing_type=sa.String(length=20), nullable=False)
        b.alter_column('payload_version', existing_type=sa.Integer(), nullable=False)
        b.create_check_constraint(op.f('ck_events_type'), f"type IN {EVENT_TYPES}")
        b.create_check_constraint(op.f('ck_events_status'), "status IN ('recorded', 'withdrawn')")
        b.create_foreign_key(op.f('fk_events_commune_id_communes'), 'communes', ['commune_id'], ['id'])
        b.create_index('ix_events_commune_id_effective_date', ['commune_id', 'effective_date'], unique=False)
        b.create_index(b.f('ix_events_reported_period_id'), ['reported_period_id'], unique=False)
        b.create_index(b.f('ix_events_action_id'), ['action_id'], unique=False)
    with op.batch_alter_table('event_subjects') as b:
        b.create_check_constraint(op.f('ck_event_subjects_role'), f"role IN {ROLES}")

    # --- findings, produced lists, parameters, import issues -------------------------------------------------
    op.create_table('findings',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('commune_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('fingerprint', sa.String(length=128), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('reasons', _json(None), nullable=True),
    sa.Column('params', _json(None), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'resolved', 'void')", name=op.f('ck_findings_status')),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_findings_commune_id_communes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_findings')),
    sa.UniqueConstraint('commune_id', 'fingerprint', name=op.f('uq_findings_commune_id'))
    )
    with op.batch_alter_table('findings') as b:
        b.create_index(b.f('ix_findings_kind'), ['kind'], unique=False)
    op.create_table('finding_subjects',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('finding_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('household_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_finding_subjects_finding_id_findings')),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'],
                            name=op.f('fk_finding_subjects_household_id_households')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_finding_subjects_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_finding_subjects'))
    )
    with op.batch_alter_table('finding_subjects') as b:
        b.create_index(b.f('ix_finding_subjects_finding_id'), ['finding_id'], unique=False)
        b.create_index(b.f('ix_finding_subjects_household_id'), ['household_id'], unique=False)
        b.create_index(b.f('ix_finding_subjects_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('resolutions') as b:
        b.add_column(sa.Column('commune_id', sa.String(length=36), nullable=True))
        b.add_column(sa.Column('finding_id', sa.String(length=36), nullable=True))
        b.add_column(sa.Column('status', sa.String(length=20), nullable=True))
    conn.execute(sa.text("UPDATE resolutions SET commune_id = :c, status = 'active'"), {"c": cid})
    with op.batch_alter_table('resolutions') as b:
        b.alter_column('commune_id', existing_type=sa.String(length=36), nullable=False)
        b.alter_column('status', existing_type=sa.String(length=20), nullable=False)
        b.create_check_constraint(op.f('ck_resolutions_status'), f"status IN {RECORD_STATUSES}")
        b.create_foreign_key(op.f('fk_resolutions_commune_id_communes'), 'communes', ['commune_id'], ['id'])
        b.create_foreign_key(op.f('fk_resolutions_finding_id_findings'), 'findings', ['finding_id'], ['id'])
        b.create_index(b.f('ix_resolutions_commune_id'), ['commune_id'], unique=False)
        b.create_index(b.f('ix_resolutions_finding_id'), ['finding_id'], unique=False)

    op.create_table('produced_lists',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('commune_id', sa.String(length=36), nullable=False),
    sa.Column('period_id', sa.String(length=36), nullable=False),
    sa.Column('form', sa.String(length=30), nullable=False),
    sa.Column('form_version', sa.String(length=20), nullable=False),
    sa.Column('variant', sa.String(length=20), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('line_count', sa.Integer(), nullable=False),
    sa.Column('details', _json(None), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(f"status IN {RECORD_STATUSES}", name=op.f('ck_produced_lists_status')),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_produced_lists_commune_id_communes')),
    sa.ForeignKeyConstraint(['period_id'], ['periods.id'], name=op.f('fk_produced_lists_period_id_periods')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_produced_lists'))
    )
    with op.batch_alter_table('produced_lists') as b:
        b.create_index(b.f('ix_produced_lists_period_id'), ['period_id'], unique=False)
    op.create_table('list_lines',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('list_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('section', sa.String(length=20), nullable=True),
    sa.Column('event_id', sa.String(length=36), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('data', _json(None), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_list_lines_event_id_events')),
    sa.ForeignKeyConstraint(['list_id'], ['produced_lists.id'], name=op.f('fk_list_lines_list_id_produced_lists')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_list_lines_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_list_lines'))
    )
    with op.batch_alter_table('list_lines') as b:
        b.create_index(b.f('ix_list_lines_event_id'), ['event_id'], unique=False)
        b.create_index(b.f('ix_list_lines_list_id'), ['list_id'], unique=False)
    op.create_table('parameters',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('commune_id', sa.String(length=36), nullable=True),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', _json(None), nullable=False),
    sa.Column('valid_from', sa.String(length=10), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.CheckConstraint(f"status IN {RECORD_STATUSES}", name=op.f('ck_parameters_status')),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_parameters_commune_id_communes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parameters')),
    sa.UniqueConstraint('commune_id', 'key', 'valid_from', name=op.f('uq_parameters_commune_id'))
    )
    op.create_table('import_issues',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('commune_id', sa.String(length=36), nullable=False),
    sa.Column('action_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('file', sa.Text(), nullable=False),
    sa.Column('sheet', sa.Text(), nullable=True),
    sa.Column('row', sa.Integer(), nullable=False),
    sa.Column('column', sa.Text(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('reason_key', sa.String(length=60), nullable=False),
    sa.Column('params', _json(None), nullable=True),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_import_issues_action_id_actions')),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_import_issues_commune_id_communes')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_import_issues_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_issues'))
    )
    with op.batch_alter_table('import_issues') as b:
        b.create_index(b.f('ix_import_issues_action_id'), ['action_id'], unique=False)
        b.create_index(b.f('ix_import_issues_commune_id'), ['commune_id'], unique=False)
        b.create_index(b.f('ix_import_issues_person_id'), ['person_id'], unique=False)

    # --- the audit trail: typed JSON values, `actor` ------------------------------------------------------------
    if sqlite:
        conn.execute(sa.text("UPDATE audit_entries SET old = json_quote(old) WHERE old IS NOT NULL"))
        conn.execute(sa.text("UPDATE audit_entries SET new = json_quote(new) WHERE new IS NOT NULL AND field != '*'"))
    with op.batch_alter_table('audit_entries') as b:
        b.alter_column('user', new_column_name='actor', existing_type=sa.String(length=100), nullable=False)
        b.alter_column('entity_id', existing_type=sa.String(length=36), type_=sa.String(length=60),
                       existing_nullable=False)
        if sqlite:
            b.alter_column('old', existing_type=sa.Text(), type_=sa.JSON(), existing_nullable=True)
            b.alter_column('new', existing_type=sa.Text(), type_=sa.JSON(), existing_nullable=True)
        else:
            b.alter_column('old', existing_type=sa.Text(), type_=sa.JSON(), existing_nullable=True,
                           postgresql_using="CASE WHEN old IS NULL THEN NULL ELSE to_json(old) END")
            b.alter_column('new', existing_type=sa.Text(), type_=sa.JSON(), existing_nullable=True,
                           postgresql_using="CASE WHEN new IS NULL THEN NULL WHEN field = '*' THEN new::json "
                                            "ELSE to_json(new) END")
    with op.batch_alter_table('settings') as b:
        b.alter_column('value', existing_type=sa.JSON(), nullable=True)


def downgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    with op.batch_alter_table('settings') as b:
        b.alter_column('value', existing_type=sa.JSON(), nullable=False)
    if sqlite:
        with op.batch_alter_table('audit_entries') as b:
            b.alter_column('old', existing_type=sa.JSON(), type_=sa.Text(), existing_nullable=True)
            b.alter_column('new', existing_type=sa.JSON(), type_=sa.Text(), existing_nullable=True)
    else:
        with op.batch_alter_table('audit_entries') as b:
            b.alter_column('old', existing_type=sa.JSON(), type_=sa.Text(), existing_nullable=True,
                           postgresql_using="old::text")
            b.alter_column('new', existing_type=sa.JSON(), type_=sa.Text(), existing_nullable=True,
                           postgresql_using="new::text")
    with op.batch_alter_table('audit_entries') as b:
        b.alter_column('actor', new_column_name='user', existing_type=sa.String(length=100), nullable=False)
        b.alter_column('entity_id', existing_type=sa.String(length=60), type_=sa.String(length=36),
                       existing_nullable=False)
    op.drop_table('import_issues')
    op.drop_table('parameters')
    op.drop_table('list_lines')
    op.drop_table('produced_lists')
    with op.batch_alter_table('resolutions') as b:
        b.drop_index(b.f('ix_resolutions_finding_id'))
        b.drop_index(b.f('ix_resolutions_commune_id'))
        b.drop_constraint(op.f('fk_resolutions_finding_id_findings'), type_='foreignkey')
        b.drop_constraint(op.f('fk_resolutions_commune_id_communes'), type_='foreignkey')
        b.drop_constraint(op.f('ck_resolutions_status'), type_='check')
        b.drop_column('status')
        b.drop_column('finding_id')
        b.drop_column('commune_id')
    op.drop_table('finding_subjects')
    op.drop_table('findings')
    with op.batch_alter_table('event_subjects') as b:
        b.drop_constraint(op.f('ck_event_subjects_role'), type_='check')
    with op.batch_alter_table('events') as b:
        b.drop_index(b.f('ix_events_action_id'))
        b.drop_index(b.f('ix_events_reported_period_id'))
        b.drop_index('ix_events_commune_id_effective_date')
        b.drop_constraint(op.f('fk_events_commune_id_communes'), type_='foreignkey')
        b.drop_constraint(op.f('ck_events_status'), type_='check')
        b.drop_constraint(op.f('ck_events_type'), type_='check')
        b.drop_column('payload_version')
        b.drop_column('status')
        b.drop_column('commune_id')
        b.alter_column('reported_period_id', new_column_name='period_id', existing_type=sa.String(length=36))
    with op.batch_alter_table('events') as b:
        b.create_index(b.f('ix_events_period_id'), ['period_id'], unique=False)
    with op.batch_alter_table('periods') as b:
        b.drop_constraint(op.f('fk_periods_commune_id_communes'), type_='foreignkey')
        b.drop_constraint(op.f('uq_periods_commune_id'), type_='unique')
        b.drop_constraint(op.f('ck_periods_status'), type_='check')
        b.drop_column('commune_id')
        b.create_check_constraint(op.f('ck_periods_status'),
                                  "status IN ('open', 'locked', 'exported', 'collected', 'acknowledged')")
        b.create_unique_constraint(op.f('uq_periods_month'), ['month'])
    commune = conn.execute(sa.text("SELECT code, name, province_code, province_name, district_name, chairman, "
                                   "clerk, bhxh_office, post_office FROM communes LIMIT 1")).first()
    code = commune[0] if commune else ""
    conn.execute(sa.text("DELETE FROM settings WHERE key = 'commune_id'"))
    for key, value in zip(COMMUNE_KEYS, commune or ()):
        if value:
            conn.execute(sa.text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                         {"k": key, "v": json.dumps(value, ensure_ascii=False)})
    with op.batch_alter_table('persons') as b:
        b.drop_index(b.f('ix_persons_commune_id'))
        b.drop_constraint(op.f('fk_persons_commune_id_communes'), type_='foreignkey')
        b.drop_constraint(op.f('ck_persons_status'), type_='check')
        b.drop_column('commune_id')
        b.create_check_constraint(op.f('ck_persons_status'), "status IN ('active', 'dead', 'moved_out', 'merged')")
    with op.batch_alter_table('households') as b:
        b.add_column(sa.Column('commune_code', sa.String(length=10), nullable=True))
    conn.execute(sa.text("UPDATE households SET commune_code = :c"), {"c": code})
    with op.batch_alter_table('households') as b:
        b.alter_column('commune_code', existing_type=sa.String(length=10), nullable=False)
        b.drop_constraint(op.f('fk_households_commune_id_communes'), type_='foreignkey')
        b.drop_constraint(op.f('uq_households_commune_id'), type_='unique')
        b.drop_constraint(op.f('ck_households_status'), type_='check')
        b.drop_column('commune_id')
        b.create_check_constraint(op.f('ck_households_status'),
                                  "status IN ('active', 'split_from', 'merged_into', 'dissolved')")
        b.create_unique_constraint(op.f('uq_households_commune_code'), ['commune_code', 'code'])
    with op.batch_alter_table('actions') as b:
        b.add_column(sa.Column('label', sa.Text(), nullable=True))
    conn.execute(sa.text("UPDATE actions SET label = label_key"))
    with op.batch_alter_table('actions') as b:
        b.alter_column('label', existing_type=sa.Text(), nullable=False)
        b.drop_index(b.f('ix_actions_target_id'))
        b.drop_index(b.f('ix_actions_commune_id'))
        b.drop_constraint(op.f('fk_actions_target_id_actions'), type_='foreignkey')
        b.drop_constraint(op.f('fk_actions_commune_id_communes'), type_='foreignkey')
        b.drop_constraint(op.f('uq_actions_seq'), type_='unique')
        b.drop_column('target_id')
        b.drop_column('undone')
        b.drop_column('undoable')
        b.drop_column('commune_id')
        b.drop_column('params')
        b.drop_column('label_params')
        b.drop_column('label_key')
        b.drop_column('seq')
        b.alter_column('actor', new_column_name='user', existing_type=sa.String(length=100), nullable=False)
        b.alter_column('summary', new_column_name='details', existing_type=sa.JSON())
    op.drop_table('communes')
