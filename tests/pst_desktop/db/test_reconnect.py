"""Telling a lost connection from a busy database and a refusal, reconnecting, reading again,
and the ConnectionMonitor."""

from __future__ import annotations

import sqlite3

import peewee as pw
import psycopg
import pytest

from pst_desktop.core.errors import ConnectionLost, DatabaseBusy
from pst_desktop.db import reconnect
from pst_desktop.db.reconnect import ConnectionMonitor, is_connection_lost, retry_read


def wrapped(outer: type[Exception], inner: BaseException) -> Exception:
    """``inner`` as peewee hands it on: ``outer`` raised while ``inner`` was handled."""
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
        ConnectionLost("server closed the connection unexpectedly"),
        wrapped(pw.OperationalError, psycopg.OperationalError("server closed the connection")),
        wrapped(pw.InterfaceError, psycopg.InterfaceError("connection already closed")),
        psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
        wrapped(pw.OperationalError, sqlite3.OperationalError("unable to open database file")),
        wrapped(pw.OperationalError, sqlite3.OperationalError("disk I/O error")),
        ConnectionResetError("reset by peer"),
    ],
)
def test_lost_connections(exc):
    assert is_connection_lost(exc)


@pytest.mark.parametrize(
    "exc",
    [
        DatabaseBusy("canceling statement due to lock timeout"),
        wrapped(pw.IntegrityError, psycopg.errors.UniqueViolation("duplicate key")),
        wrapped(pw.OperationalError, psycopg.errors.LockNotAvailable("lock timeout")),
        wrapped(pw.OperationalError, sqlite3.OperationalError("database is locked")),
        wrapped(pw.OperationalError, sqlite3.OperationalError("no such column: x")),
        # peewee's own words about a bug (no driver error under it): not a lost connection
        pw.InterfaceError("Cannot commit, database connection not open."),
        ValueError("bad"),
    ],
)
def test_busy_refusals_and_bugs_are_not_lost_connections(exc):
    assert not is_connection_lost(exc)


def test_retry_read_drops_the_connection_and_reads_again(db):
    calls = []

    def work():
        calls.append(db.is_closed())
        if len(calls) < 3:
            raise ConnectionLost("server closed the connection unexpectedly")
        return 42

    db.connect(reuse_if_open=True)
    assert retry_read(db, work, attempts=3, sleep=lambda s: None) == 42
    assert calls == [False, True, True]  # after a loss, the read starts on a new connection


def test_retry_read_gives_up_and_never_repeats_anything_else(db):
    with pytest.raises(ConnectionLost):
        retry_read(db, lambda: (_ for _ in ()).throw(ConnectionLost("gone")), 2)
    for refusal in (pw.IntegrityError("duplicate"), DatabaseBusy("database is locked")):
        calls = []

        def refused(exc=refusal, calls=calls):
            calls.append(1)
            raise exc

        with pytest.raises(type(refusal)):
            retry_read(db, refused, attempts=3, sleep=lambda s: None)
        assert calls == [1]


def test_reconnect_opens_a_working_connection(db):
    assert reconnect.reconnect(db)
    assert db.execute_sql("SELECT 1").fetchone()[0] == 1


def test_backoff_is_one_sequence_for_the_monitor_and_the_watcher():
    assert [reconnect.backoff_ms(i) for i in range(6)] == [1000, 2000, 5000, 10000, 10000, 10000]
    assert reconnect.BACKOFF_MS == (1000, 2000, 5000, 10000)


def test_monitor_says_lost_once_and_restored_when_the_server_answers(qtbot, db):
    monitor = ConnectionMonitor(db, backoff_ms=(20,))
    lost, restored = [], []
    monitor.lost.connect(lost.append)
    monitor.restored.connect(lambda: restored.append(True))
    assert not monitor.report(pw.IntegrityError("duplicate"))
    assert not monitor.report(DatabaseBusy("database is locked"))  # busy is no lost connection
    assert monitor.report(ConnectionLost("server closed the connection unexpectedly"))
    monitor.report(ConnectionLost("server closed the connection unexpectedly"))
    # the driver's words are the reason (the band turns them into a sentence)
    assert lost == ["server closed the connection unexpectedly"] and monitor.is_lost
    qtbot.waitUntil(lambda: restored == [True], timeout=5000)  # the probe reached the database
    assert not monitor.is_lost
    monitor.stop()
