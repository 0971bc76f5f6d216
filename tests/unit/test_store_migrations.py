"""Migrations: empty → head, one linear chain, models and migrations agree, backups, newer databases refused."""
from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from app.errors import HgdError
from app.register import Register
from app.store import migrate
from app.store.engine import make_engine
from app.store.models import Base
from tests.conftest import Do


def test_empty_database_upgrades_to_head(tmp_path):
    engine = make_engine(tmp_path / "new.db")
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert {"persons", "households", "events", "periods", "resolutions", "audit_entries", "packages",
            "settings", "actions"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_the_programs_head_constant_is_the_migrations_head():
    assert migrate.HEAD == migrate.head_revision()


def test_a_new_register_made_from_the_models_equals_one_made_by_the_migrations(tmp_path):
    from alembic import command

    fresh = make_engine(tmp_path / "fresh.db")
    migrate.create_at_head(fresh)
    stepped = make_engine(tmp_path / "stepped.db")
    cfg = migrate.alembic_config()
    with stepped.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")

    def shape(engine):
        insp = inspect(engine)
        return {t: (sorted((c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(t)),
                    sorted(i["name"] for i in insp.get_indexes(t)),
                    sorted(str(sorted(u["column_names"])) for u in insp.get_unique_constraints(t)),
                    sorted(str(f["referred_table"]) + str(f["constrained_columns"]) for f in insp.get_foreign_keys(t)),
                    sorted(c["name"] or "" for c in insp.get_check_constraints(t)))
                for t in insp.get_table_names()}

    assert shape(fresh) == shape(stepped)
    assert migrate.current_revision(fresh) == migrate.current_revision(stepped) == migrate.HEAD
    fresh.dispose()
    stepped.dispose()


def test_revisions_form_one_linear_chain():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    revisions = list(script.walk_revisions())
    assert len(script.get_heads()) == 1
    assert sum(1 for r in revisions if r.down_revision is None) == 1
    assert all(not isinstance(r.down_revision, (tuple, list)) for r in revisions)


def test_models_and_migrations_have_not_drifted(tmp_path):
    engine = make_engine(tmp_path / "drift.db")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_to_base_and_up_again(tmp_path):
    from alembic import command

    engine = make_engine(tmp_path / "round.db")
    migrate.upgrade(engine)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


NEXT_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "9000_test_next"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("settings") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("settings") as batch:
        batch.drop_column("note")
"""


def test_upgrading_an_older_register_takes_a_backup_first_and_keeps_the_data(tmp_path, monkeypatch):
    import shutil

    from app.paths import MIGRATIONS
    from app.store.models import Household

    path = tmp_path / "xa.db"
    with Register.create(path, {"commune_name": "Xã A"}) as reg:
        reg.apply(Do(lambda ctx: ctx.add(Household(commune_id=ctx.commune_id, code="H-OLD"))))
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9000_test_next.py").write_text(NEXT_REVISION.format(head=migrate.head_revision()))
    real_config = migrate.alembic_config

    def newer_program_config():
        cfg = real_config()
        cfg.set_main_option("script_location", str(scripts))
        return cfg

    monkeypatch.setattr(migrate, "alembic_config", newer_program_config)
    monkeypatch.setattr(migrate, "HEAD", "9000_test_next")
    with Register.open(path) as reg:
        assert reg.backup_path is not None and reg.backup_path.exists()
        assert migrate.current_revision(reg.engine) == "9000_test_next"
        with reg.reading() as s:
            assert [h.code for h in s.query(Household)] == ["H-OLD"]
    con = sqlite3.connect(reg.backup_path)
    assert con.execute("select version_num from alembic_version").fetchone()[0] != "9000_test_next"
    assert con.execute("select code from households").fetchall() == [("H-OLD",)]
    con.close()


def test_backup_is_a_consistent_copy(tmp_path, register):
    from app.store.models import Household

    register.apply(Do(lambda ctx: ctx.add(Household(commune_id=ctx.commune_id, code="H1"))))
    path = tmp_path / "xa.db"
    backup = migrate.backup_sqlite(path, "0002")
    assert backup.exists() and backup != path
    con = sqlite3.connect(backup)
    assert con.execute("select code from households").fetchall() == [("H1",)]
    con.close()


def test_a_database_from_a_newer_program_is_refused_untouched(tmp_path):
    path = tmp_path / "future.db"
    Register.create(path, {"commune_name": "Xã A"}).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(HgdError) as err:
        Register.open(path)
    assert err.value.key == "db.newer"
    assert "mới hơn" in str(err.value)
    assert path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("create table customers(id integer)")
    con.commit()
    con.close()
    with pytest.raises(HgdError) as err:
        Register.open(path)
    assert err.value.key == "db.foreign"


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    before = path.read_bytes()
    with pytest.raises(HgdError) as err:
        Register.open(path)
    assert err.value.key == "db.not_database"
    assert path.read_bytes() == before


def test_a_missing_file_is_not_created_when_opening(tmp_path):
    with pytest.raises(HgdError) as err:
        Register.open(tmp_path / "absent.db")
    assert err.value.key == "db.missing"
    assert not (tmp_path / "absent.db").exists()


def test_a_foreign_sqlite_file_in_rollback_mode_keeps_every_byte(tmp_path):
    path = tmp_path / "khac.sqlite"
    con = sqlite3.connect(path)
    con.execute("create table t (a)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(HgdError) as err:
        Register.open(path)
    assert err.value.key == "db.foreign"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["khac.sqlite"]


def test_a_truncated_header_is_not_a_database(tmp_path):
    path = tmp_path / "cut.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    with pytest.raises(HgdError) as err:
        Register.open(path)
    assert err.value.key == "db.not_database"
