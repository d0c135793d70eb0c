"""Least privilege on PostgreSQL, against the real server: the kiosk role reads queue numbers and
writes ratings, and cannot read a visitor's name, phone or e-mail, nor a staff password hash
(leaving the kiosk checks the kiosk PIN)."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import psycopg
import pytest

from models.database import database_proxy
from models.entities import Rating, Role, UserAccount, Visit, VisitStatus
from pst_desktop import cli, demo
from pst_desktop.admin.accounts import actor_for
from pst_desktop.admin.administration import Administration
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.errors import AuthenticationFailed
from pst_desktop.db import grants
from pst_desktop.db.connection import open_database
from pst_desktop.visitor.board import board_state
from pst_desktop.visitor.rating_screen import UnlockGuard, rating_prompt, still_waiting, unlock
from pst_desktop.visitor.ratings import RatingService
from tests.support import PG_URL, create_pg_schema, drop_pg_schema, wib, with_schema

ROOT = Path(__file__).resolve().parents[3]
NOW = wib(2026, 11, 24, 10, 0)


def test_the_sql_file_is_what_the_command_runs():
    assert (ROOT / "resources" / "sql" / "grants.sql").read_text() == grants.sql_script()


def test_names_are_checked():
    with pytest.raises(ValueError, match="invalid role name"):
        grants.grant_statements(staff_role='x"; DROP TABLE visit; --')
    with pytest.raises(ValueError, match="must differ"):
        grants.grant_statements(staff_role="a", kiosk_role="a")


def test_sqlite_has_no_roles(capsys, tmp_path):
    url = "sqlite:///" + str(tmp_path / "pst.db")
    assert cli.main(["--db", url, "db", "init"]) == 0
    assert cli.main(["--db", url, "db", "grants"]) == 1
    assert "PostgreSQL only" in capsys.readouterr().err
    database_proxy.initialize(None)


def _url_as(url: str, role: str) -> str:
    scheme, rest = url.split("://", 1)
    host = rest.rsplit("@", 1)[-1]
    return f"{scheme}://{role}:secret@{host}"


@pytest.fixture
def pg_office(monkeypatch):
    """A fresh schema with demo data, and two fresh roles (dropped afterwards)."""
    if not PG_URL:
        pytest.skip("PST_TEST_DATABASE_URL is not set")
    schema = "t_" + uuid.uuid4().hex[:12]
    tag = uuid.uuid4().hex[:8]
    staff, kiosk = f"pst_staff_{tag}", f"pst_kiosk_{tag}"
    create_pg_schema(schema)
    owner_url = with_schema(PG_URL, schema)
    try:
        assert cli.main(["--db", owner_url, "db", "init"]) == 0
        open_database(owner_url)
        demo.generate(days=3, seed=1, end="2026-11-20", clock=FixedClock(NOW))
        # one visit just finished at desk 1, waiting for its rating
        visit = Visit.select(Visit.id).where(Visit.desk == 1).order_by(Visit.id).first()
        Rating.delete().where(Rating.visit == visit.id).execute()
        Visit.update(
            status=VisitStatus.AWAITING_RATING.value,
            finished_at=NOW - dt.timedelta(minutes=1),
            day=NOW.date(),
        ).where(Visit.id == visit.id).execute()
        admin = UserAccount.select().where(UserAccount.role == Role.ADMIN.value).first()
        Administration(FixedClock(NOW)).save_kiosk_pin(actor_for(admin), "2468")
        database_proxy.obj.close()
        monkeypatch.setenv("PST_STAFF_PASSWORD", "secret")
        monkeypatch.setenv("PST_KIOSK_PASSWORD", "secret")
        code = cli.main(
            ["--db", owner_url, "db", "grants", "--staff-role", staff, "--kiosk-role", kiosk]
        )
        assert code == 0
        yield {
            "schema": schema,
            "owner": owner_url,
            "staff": with_schema(_url_as(PG_URL, staff), schema),
            "kiosk": with_schema(_url_as(PG_URL, kiosk), schema),
            "visit": visit.id,
        }
    finally:
        if database_proxy.obj is not None:
            database_proxy.obj.close()
        database_proxy.initialize(None)
        drop_pg_schema(schema)
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            for role in (staff, kiosk):
                if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                    conn.execute(f'DROP OWNED BY "{role}"')
                    conn.execute(f'DROP ROLE "{role}"')


def _connect(url: str) -> psycopg.Connection:
    base, schema = url.split("?schema=")
    return psycopg.connect(base, options=f"-c search_path={schema}", autocommit=True)


@pytest.mark.postgres
def test_kiosk_cannot_read_personal_data(pg_office):
    with _connect(pg_office["kiosk"]) as conn:
        for table, columns in grants.KIOSK_NEVER.items():
            for column in columns:
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(f'SELECT "{column}" FROM "{table}"')
        for sql in ("SELECT * FROM visitor", "SELECT * FROM visit", "SELECT * FROM appointment"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM rating")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE visit SET desk_id = NULL")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT password_hash FROM user_account")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM user_account")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE user_account SET failed_logins = 0")
        names = conn.execute("SELECT id, full_name FROM user_account").fetchall()
        assert names  # the officer's name on the rating screen
        numbers = conn.execute("SELECT number, status, desk_id FROM visit").fetchall()
        assert numbers and all(isinstance(n, int) for n, _, _ in numbers if n is not None)
        conn.execute("LISTEN pst_events")


@pytest.mark.postgres
def test_board_and_rating_screen_work_as_the_kiosk(pg_office):
    # opened as the app opens it: an up-to-date database needs no DDL from the kiosk role
    db = open_database(pg_office["kiosk"])
    try:
        state = board_state(1, NOW)
        assert state.waiting  # the services and their counts
        prompt = rating_prompt(1, 1, NOW)
        assert prompt is not None and prompt.visit_id == pg_office["visit"]
        assert still_waiting(prompt.visit_id)
        rating = RatingService(FixedClock(NOW)).record(prompt.visit_id, 4, "Terima kasih")
        assert rating.id
        assert not still_waiting(prompt.visit_id)
        assert Visit.select(Visit.status).where(Visit.id == prompt.visit_id).scalar() == "done"
        # leaving the kiosk: the PIN, checked with the kiosk's own privileges
        guard = UnlockGuard()
        with pytest.raises(AuthenticationFailed, match="Wrong PIN"):
            unlock(1, "1357", guard)
        unlock(1, "2468", guard)
    finally:
        db.close()
        database_proxy.initialize(None)


@pytest.mark.postgres
def test_staff_reads_and_writes_everything_but_the_schema(pg_office):
    with _connect(pg_office["staff"]) as conn:
        assert conn.execute("SELECT count(*) FROM visitor").fetchone()[0] > 0
        conn.execute("UPDATE visitor SET phone = phone")
        conn.execute(
            "INSERT INTO closure_day (office_id, day, closed, reason) "
            "VALUES (1, '2026-12-31', true, 'x')"
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DROP TABLE rating")
