"""Shared fixtures: every test that touches the database gets a fresh one, on SQLite always and
on PostgreSQL too when ``PST_TEST_DATABASE_URL`` is set (a fresh schema per test)."""

from __future__ import annotations

import os
import uuid

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.database import database_proxy
from models.entities import Role
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.db.connection import open_database
from tests.support import BACKENDS, PG_URL, create_pg_schema, drop_pg_schema, wib, with_schema


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing():
    """argon2id at its real cost takes ~0.3 s a hash; tests use the same algorithm, cheaper."""
    from argon2 import PasswordHasher

    from pst_desktop.admin import accounts

    real = accounts._hasher
    accounts._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    accounts._hasher = real


@pytest.fixture(autouse=True)
def source_language_after_each_test():
    """A test that switched the app to Indonesian must not leave it so for the next one."""
    yield
    from PySide6.QtCore import QCoreApplication

    from pst_desktop.core.i18n import install_translator

    app = QCoreApplication.instance()
    if app is not None:
        install_translator(app, "en")


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
    return actor_for(
        accounts.create_first_admin(office.id, "admin", "Admin Kantor", "rahasia-admin")
    )


@pytest.fixture
def make_actor(admin, accounts):
    """Create a staff account of a role and return the Actor it acts as."""
    count = iter(range(1, 1000))

    def make(role: Role, username: str | None = None):
        username = username or f"{role.value}{next(count)}"
        return actor_for(accounts.create(admin, username, f"Staf {username}", role, "rahasia-123"))

    return make
