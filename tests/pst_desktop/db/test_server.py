"""A station opens its database on a pool thread without rebinding the app's models there (issue
13: one job rebound the global database proxy from a pool thread); the GUI thread binds it."""

from __future__ import annotations

import functools
import threading
import uuid

import pytest

from models.database import database_proxy
from models.entities import Office, UserAccount
from pst_desktop.admin.office_setup import DEFAULT_OFFICE_NAME
from pst_desktop.db.connection import open_database
from pst_desktop.db.server import (
    LATEST_SCHEMA,
    bind_station,
    check_server,
    models_bound_here,
    open_station_here,
)
from tests.support import PG_URL, create_pg_schema, drop_pg_schema, with_schema

open_unbound = functools.partial(open_database, bind_models=False)


@pytest.fixture
def other_url(db_url, tmp_path):
    """An empty database beside the test's own (of the same kind)."""
    if db_url.startswith("sqlite"):
        yield "sqlite:///" + str(tmp_path / "other.db")
        return
    schema = "t_" + uuid.uuid4().hex[:12]
    create_pg_schema(schema)
    try:
        yield with_schema(PG_URL, schema)
    finally:
        drop_pg_schema(schema)


def on_a_worker(work):
    """Run ``work`` on a thread of its own; its value, or the exception it raised."""
    answer: list[object] = []

    def run() -> None:
        try:
            answer.append(work())
        except Exception as exc:  # handed back to the test
            answer.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    [value] = answer
    if isinstance(value, Exception):
        raise value
    return value


def test_a_station_opens_its_database_without_rebinding_the_apps(db, office, clock, other_url):
    found = on_a_worker(lambda: open_station_here(other_url, open_unbound, None, clock))
    assert database_proxy.obj is db  # the app's models were never pointed at the new one
    assert [o.name for o in Office.select()] == [office.name]  # (still the test's database)
    assert found.office.name == DEFAULT_OFFICE_NAME and found.needs_admin
    assert found.database is not db and found.database.is_closed()

    assert bind_station(found) is found.database  # on the GUI thread
    assert database_proxy.obj is found.database
    assert [o.name for o in Office.select()] == [DEFAULT_OFFICE_NAME]  # made there, once
    assert UserAccount.select().count() == 0
    found.database.close()


def test_the_office_the_settings_name_is_the_one_found(db, office, admin, clock):
    found = on_a_worker(lambda: open_station_here("unused", lambda _url: db, office.id, clock))
    assert (found.office.id, found.office.name, found.needs_admin) == (
        office.id,
        office.name,
        False,
    )
    assert database_proxy.obj is db


def test_models_bound_on_one_thread_leave_every_other_thread_alone(db, office, other_url):
    other = open_unbound(other_url)
    other.close()  # (this thread's connection: the other thread opens its own)
    inside = threading.Event()
    leave = threading.Event()
    seen_there: list[int] = []

    def there() -> None:
        with models_bound_here(other):
            seen_there.append(Office.select().count())
            inside.set()
            leave.wait(10)
        other.close()

    thread = threading.Thread(target=there)
    thread.start()
    assert inside.wait(10)
    try:
        assert Office.select().count() == 1  # this thread still reads the app's database
    finally:
        leave.set()
        thread.join(10)
    assert seen_there == [0]  # the other database has no office yet
    assert database_proxy.obj is db


def test_a_server_answers_with_its_version_and_schema(db, db_url):
    if db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL's version")
    found = on_a_worker(lambda: check_server(db_url))
    assert found.schema_version == LATEST_SCHEMA
    assert found.version.split(".")[0].isdigit()
    assert database_proxy.obj is db
