"""Living through a database restart or a dropped LAN (no widgets here).

After a PostgreSQL restart peewee's connection still says it is open and the next query raises
``OperationalError`` (TECH-NOTES); ``db.close(); db.connect()`` recovers.  This module:

- ``is_connection_lost(exc)`` tells "the server cannot be reached" from a refusal (a constraint,
  a bad value): only the first is worth a banner and a retry;
- ``reconnect(db)`` drops the broken connection and opens a new one, with back-off;
- ``retry_read(db, work)`` runs a read again after a reconnect (reads only: a write that may or
  may not have committed is never repeated blindly; the caller re-reads instead);
- ``ConnectionMonitor`` (a QObject) says ``lost(reason)`` once and ``restored()`` once, from a
  ``ChangeWatcher``'s signals and/or from errors the windows ``report``; while lost it probes the
  server on a pool thread with back-off, so the GUI never waits for a dead server.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from typing import Any

import peewee as pw
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

# first_line lives in pst_desktop.core.errors; some windows still import it from here
from pst_desktop.core.errors import first_line

logger = logging.getLogger(__name__)

#: the waits between reconnect attempts (seconds); the last one repeats
BACKOFF_S: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0)

_LOST_WORDS = (
    "server closed the connection",
    "terminating connection",
    "connection refused",
    "could not connect",
    "connection is closed",
    "connection already closed",
    "the connection is lost",
    "consuming input failed",
    "no connection to the server",
    "timeout expired",
    "connection timed out",
    "network is unreachable",
    "no route to host",
    "connection reset",
    "ssl syscall error",
    "the database system is shutting down",
    "the database system is starting up",
    "cannot connect",
    "unable to open database",
    "disk i/o error",
)


def _psycopg_lost(exc: BaseException) -> bool | None:
    """True/False for a psycopg error (by its SQLSTATE), None for anything else."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return None
    if not isinstance(exc, psycopg.Error):
        return None
    sqlstate = getattr(exc, "sqlstate", None) or ""
    if sqlstate:  # from the server: connection exceptions (08) and shutdowns (57P) only
        return sqlstate.startswith(("08", "57P"))
    # raised by the client: no connection, a broken socket, a timeout
    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)


def is_connection_lost(exc: BaseException) -> bool:
    """True when ``exc`` means the database cannot be reached now (retry later), False for a
    refusal by the database (a constraint, a bad value, a lock timeout, a busy SQLite file)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        verdict = _psycopg_lost(current)
        if verdict is not None:
            return verdict
        if isinstance(current, pw.InterfaceError | ConnectionError | TimeoutError):
            return True
        if isinstance(current, pw.OperationalError | sqlite3.OperationalError):
            text = str(current).lower()
            if any(word in text for word in _LOST_WORDS):
                return True
        current = current.__cause__ or current.__context__
    return False


def reset(db: pw.Database) -> None:
    """Drop this thread's (maybe broken) connection; the next query opens a new one."""
    with contextlib.suppress(Exception):
        db.close()


def ping(db: pw.Database) -> None:
    """Open a connection if needed and ask the server for ``SELECT 1`` (raises when it cannot)."""
    db.connect(reuse_if_open=True)
    db.execute_sql("SELECT 1").fetchone()


def reconnect(
    db: pw.Database,
    attempts: int = 1,
    backoff: Sequence[float] = BACKOFF_S,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """``db.close(); db.connect()`` until the server answers: True when it did within
    ``attempts`` tries (waiting ``backoff`` between them), False otherwise.  Blocks: call it
    off the GUI thread, or with ``attempts=1``."""
    for attempt in range(max(attempts, 1)):
        if attempt:
            sleep(backoff[min(attempt - 1, len(backoff) - 1)])
        reset(db)
        try:
            ping(db)
        except Exception as exc:
            if not is_connection_lost(exc):
                raise
            logger.info("reconnect attempt %d failed: %s", attempt + 1, first_line(exc))
            reset(db)
            continue
        if attempt:
            logger.info("database reconnected after %d attempt(s)", attempt + 1)
        return True
    return False


def retry_read[T](
    db: pw.Database,
    work: Callable[[], T],
    attempts: int = 3,
    backoff: Sequence[float] = BACKOFF_S,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run a read ``work``; when the connection is lost, reconnect and run it again (at most
    ``attempts`` runs in all).  Only for work that is safe to repeat: never a write.  The last
    connection error propagates; any other error at once."""
    for attempt in range(max(attempts, 1)):
        if attempt:
            sleep(backoff[min(attempt - 1, len(backoff) - 1)])
        try:
            return work()
        except Exception as exc:
            if not is_connection_lost(exc) or attempt == max(attempts, 1) - 1:
                raise
            reset(db)
    raise AssertionError("unreachable")  # pragma: no cover


class _ProbeSignals(QObject):
    done = Signal(bool, str)


class _Probe(QRunnable):
    """One attempt to reach the server, with the pool thread's own connection."""

    def __init__(self, db: pw.Database, signals: _ProbeSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._db, self._signals = db, signals

    def run(self) -> None:
        try:
            ping(self._db)
        except Exception as exc:
            reset(self._db)
            self._signals.done.emit(False, first_line(exc))
            return
        reset(self._db)
        self._signals.done.emit(True, "")


class ConnectionMonitor(QObject):
    """One place that knows whether this station reaches its database.

    ``lost(reason)`` when the connection goes (once), ``restored()`` when it is back (once);
    ``is_lost`` and ``reason`` say the state.  Feed it with ``follow(watcher)`` (a
    ``ChangeWatcher``: its LISTEN socket notices a restart at once) and ``report(exc)`` (an
    action that failed).  While lost it probes the server with back-off on a pool thread; when
    the server answers it drops the GUI thread's broken connection and says ``restored``.
    """

    lost = Signal(str)
    restored = Signal()

    def __init__(
        self,
        db: pw.Database | None,
        parent: QObject | None = None,
        backoff_ms: Sequence[int] = tuple(int(s * 1000) for s in BACKOFF_S),
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._backoff_ms = tuple(backoff_ms)
        self._attempt = 0
        self._probing = False
        self.is_lost = False
        self.reason = ""
        self._watchers: list[Any] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _ProbeSignals(self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self._probe)
        self._signals.done.connect(self._probed)

    def follow(self, watcher: Any) -> None:
        """Listen to a ``ChangeWatcher`` (``connection_lost`` / ``connection_restored``)."""
        if watcher in self._watchers:
            return
        self._watchers.append(watcher)
        watcher.connection_lost.connect(self.mark_lost)
        watcher.connection_restored.connect(self.mark_restored)

    def report(self, exc: BaseException) -> bool:
        """An action failed with ``exc``: True (and ``lost``) when it means a lost connection."""
        if not is_connection_lost(exc):
            return False
        if self._db is not None:
            reset(self._db)
        self.mark_lost(first_line(exc))
        return True

    def mark_lost(self, reason: str = "") -> None:
        self.reason = reason
        if not self.is_lost:
            logger.info("database connection lost: %s; reconnecting with back-off", reason)
            self.is_lost = True
            self._attempt = 0
            self.lost.emit(reason)
            self._schedule()

    def mark_restored(self) -> None:
        self._timer.stop()
        if self.is_lost:
            logger.info("database connection restored after %d attempt(s)", self._attempt)
            self.is_lost = False
            self.reason = ""
            if self._db is not None:
                reset(self._db)  # the GUI thread's connection died with the server
            self.restored.emit()

    def _schedule(self) -> None:
        if self._db is None or not self._backoff_ms:
            return
        delay = self._backoff_ms[min(self._attempt, len(self._backoff_ms) - 1)]
        self._attempt += 1
        self._timer.start(delay)

    def _probe(self) -> None:
        if not self.is_lost or self._probing or self._db is None:
            return
        self._probing = True
        self._pool.start(_Probe(self._db, self._signals))

    def _probed(self, ok: bool, reason: str) -> None:
        self._probing = False
        if not self.is_lost:
            return
        if ok:
            self.mark_restored()
        else:
            if reason:
                self.reason = reason
            self._schedule()

    def stop(self) -> None:
        """Stop probing and wait for a probe under way (idempotent)."""
        self._timer.stop()
        self._pool.waitForDone(10_000)
