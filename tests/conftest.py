"""Shared fixtures: every test that touches the database gets a fresh one, on SQLite always and
on PostgreSQL too when ``PST_TEST_DATABASE_URL`` is set (a fresh schema per test)."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from zoneinfo import ZoneInfo

import psycopg
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.database import database_proxy  # noqa: E402
from models.entities import Role  # noqa: E402
from pst_desktop.accounts import AccountService, actor_for  # noqa: E402
from pst_desktop.clock import FixedClock  # noqa: E402
from pst_desktop.connection import open_database  # noqa: E402
from pst_desktop.office import create_office  # noqa: E402

WIB = ZoneInfo("Asia/Jakarta")
PG_URL = os.environ.get("PST_TEST_DATABASE_URL", "")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def wib(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=WIB)


def with_schema(url: str, schema: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}schema={schema}"


def create_pg_schema(name: str) -> None:
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')


def drop_pg_schema(name: str) -> None:
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A URL of an empty database: a temp SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield "sqlite:///" + str(tmp_path / "pst.db")
        return
    if not PG_URL:
        pytest.skip("PST_TEST_DATABASE_URL is not set")
    schema = "t_" + uuid.uuid4().hex[:12]
    create_pg_schema(schema)
    try:
        yield with_schema(PG_URL, schema)
    finally:
        drop_pg_schema(schema)


@pytest.fixture
def db(db_url):
    database = open_database(db_url)
    yield database
    database.close()
    database_proxy.initialize(None)


@pytest.fixture
def clock():
    """Tuesday 24 November 2026, 10:00 WIB: a working day, inside service hours."""
    return FixedClock(wib(2026, 11, 24, 10, 0))


@pytest.fixture
def office(db, clock):
    return create_office(clock)


@pytest.fixture
def accounts(db, clock):
    return AccountService(clock)


@pytest.fixture
def admin(office, accounts):
    """The office's first administrator."""
    return actor_for(accounts.create_first_admin(office.id, "admin", "Admin Kantor", "rahasia-admin"))


@pytest.fixture
def make_actor(admin, accounts):
    """Create a staff account of a role and return the Actor it acts as."""
    count = iter(range(1, 1000))

    def make(role: Role, username: str | None = None):
        username = username or f"{role.value}{next(count)}"
        return actor_for(accounts.create(admin, username, f"Staf {username}", role, "rahasia-123"))

    return make
