"""SQLite's pragmas when another station holds the file."""

import sqlite3

import peewee

from models.database import make_database
from pst_desktop.core.errors import ConnectionLost


def test_a_station_waits_while_another_switches_the_file_to_wal(tmp_path, monkeypatch):
    """Several stations starting together: setting WAL answered "database is locked" at once
    instead of waiting (a CI run failed so); the connection now waits and tries again."""
    real = peewee.SqliteDatabase._set_pragmas
    answers = iter([sqlite3.OperationalError("database is locked")] * 2)

    def busy_twice(self, conn):
        failure = next(answers, None)
        if failure is not None:
            raise failure
        real(self, conn)

    monkeypatch.setattr(peewee.SqliteDatabase, "_set_pragmas", busy_twice)
    db = make_database(f"sqlite:///{tmp_path / 'pst.db'}")
    db.connect()
    try:
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()


def test_another_failure_is_not_retried(tmp_path, monkeypatch):
    calls = []

    def broken(self, conn):
        calls.append(1)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(peewee.SqliteDatabase, "_set_pragmas", broken)
    db = make_database(f"sqlite:///{tmp_path / 'pst.db'}")
    try:
        db.connect()
    except ConnectionLost as exc:  # the file cannot be read: the boundary's lost connection
        assert "disk I/O" in exc.detail
    else:  # pragma: no cover
        raise AssertionError("a disk error was swallowed")
    assert calls == [1]
