"""Telling a lost connection from a refusal, reconnecting, and the ConnectionMonitor."""

from __future__ import annotations

import sqlite3

import peewee as pw
import psycopg
import pytest

from pst_desktop.db import reconnect
from pst_desktop.db.reconnect import ConnectionMonitor, is_connection_lost, retry_read


def wrapped(outer: type[Exception], inner: BaseException) -> Exception:
    try:
        try:
            raise inner
        except BaseException as exc:
            raise outer(str(exc)) from exc
    except Exception as exc:
        return exc


@pytest.mark.parametrize(
    "exc",
    [
        pw.InterfaceError("connection already closed"),
        wrapped(pw.OperationalError, psycopg.OperationalError("server closed the connection")),
        pw.OperationalError("consuming input failed: server closed the connection unexpectedly"),
        psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
        wrapped(pw.OperationalError, sqlite3.OperationalError("unable to open database file")),
        ConnectionResetError("reset by peer"),
    ],
)
def test_lost_connections(exc):
    assert is_connection_lost(exc)


@pytest.mark.parametrize(
    "exc",
    [
        wrapped(pw.IntegrityError, psycopg.errors.UniqueViolation("duplicate key")),
        wrapped(pw.OperationalError, psycopg.errors.LockNotAvailable("lock timeout")),
        wrapped(pw.OperationalError, sqlite3.OperationalError("database is locked")),
        ValueError("bad"),
    ],
)
def test_refusals_are_not_lost_connections(exc):
    assert not is_connection_lost(exc)


def test_retry_read_reconnects_and_repeats_a_read(db):
    calls = []

    def work():
        calls.append(1)
        if len(calls) < 3:
            raise pw.InterfaceError("connection already closed")
        return 42

    assert retry_read(db, work, attempts=3, sleep=lambda s: None) == 42
    assert len(calls) == 3


def test_retry_read_gives_up_and_never_retries_a_refusal(db):
    with pytest.raises(pw.InterfaceError):
        retry_read(
            db, lambda: (_ for _ in ()).throw(pw.InterfaceError("gone")), 2, sleep=lambda s: None
        )
    calls = []

    def refused():
        calls.append(1)
        raise pw.IntegrityError("duplicate")

    with pytest.raises(pw.IntegrityError):
        retry_read(db, refused, attempts=3, sleep=lambda s: None)
    assert calls == [1]


def test_reconnect_opens_a_working_connection(db):
    assert reconnect.reconnect(db)
    assert db.execute_sql("SELECT 1").fetchone()[0] == 1


def test_monitor_says_lost_once_and_restored_when_the_server_answers(qtbot, db):
    monitor = ConnectionMonitor(db, backoff_ms=(20,))
    lost, restored = [], []
    monitor.lost.connect(lost.append)
    monitor.restored.connect(lambda: restored.append(True))
    assert not monitor.report(pw.IntegrityError("duplicate"))
    assert monitor.report(pw.InterfaceError("connection already closed"))
    monitor.report(pw.InterfaceError("connection already closed"))
    assert lost == ["connection already closed"] and monitor.is_lost
    qtbot.waitUntil(lambda: restored == [True], timeout=5000)  # the probe reached the database
    assert not monitor.is_lost
    monitor.stop()
