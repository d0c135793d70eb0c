"""Living through a database restart or a dropped LAN (no widgets here): the one reconnect stack.

After a PostgreSQL restart a connection still looks open and its next query fails; the database
boundary (``models.database``) then raises ``ConnectionLost`` and drops that connection, so the
thread's next query opens a new one (a pooled connection is checked before a job gets it).
This module holds the rest, for every part that lives through an outage:

- ``is_connection_lost(exc)``: the boundary's one definition of "the database cannot be reached
  now" (``ConnectionLost``, or a driver error that means one), as opposed to a busy database or
  a refusal;
- ``BACKOFF_S`` and ``backoff_ms(attempt)``: the waits between attempts, for the monitor's
  probes and the change watcher's LISTEN connection alike;
- ``reset(db)`` drops this thread's connection for good, ``ping(db)`` asks for ``SELECT 1``,
  ``reconnect(db)`` does both with back-off;
- ``retry_read(db, work)`` runs a read again after its connection was lost (reads only: a write
  that may or may not have committed is never repeated blindly; the caller re-reads instead).
  The live bus (``pst_desktop.db.changes``) reads with it, so a restart between two changes
  costs no missed screen;
- ``ConnectionMonitor`` (a QObject) says ``lost(reason)`` once and ``restored()`` once, from a
  ``ChangeWatcher``'s signals and/or from errors the windows ``report``; while lost it probes the
  server on a pool thread with back-off, so the GUI never waits for a dead server.  A window
  reads again when it is ``restored`` (``RoleWindow`` calls its ``refresh``).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

import peewee as pw
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from models.database import is_connection_lost
from pst_desktop.core.errors import first_line

__all__ = [
    "BACKOFF_MS",
    "BACKOFF_S",
    "ConnectionMonitor",
    "backoff_ms",
    "is_connection_lost",
    "ping",
    "reconnect",
    "reset",
    "retry_read",
]

logger = logging.getLogger(__name__)

#: the waits between reconnect attempts (seconds); the last one repeats
BACKOFF_S: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0)


def backoff_ms(attempt: int, backoff: Sequence[float] = BACKOFF_S) -> int:
    """The wait before attempt ``attempt + 1`` after ``attempt`` failed ones (milliseconds)."""
    return int(backoff[min(max(attempt, 0), len(backoff) - 1)] * 1000)


#: the same, in milliseconds (Qt timers)
BACKOFF_MS: tuple[int, ...] = tuple(backoff_ms(i) for i in range(len(BACKOFF_S)))


def reset(db: pw.Database) -> None:
    """Drop this thread's (maybe broken) connection for good, never back into a pool; the next
    query opens a new one."""
    with contextlib.suppress(Exception):
        discard = getattr(db, "discard_connection", None)
        if discard is not None:
            discard()
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
    """Drop this thread's connection and open one until the server answers: True when it did
    within ``attempts`` tries (waiting ``backoff`` between them), False otherwise.  Blocks:
    call it off the GUI thread, or with ``attempts=1``."""
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
    attempts: int = 2,
    backoff: Sequence[float] = (0.0,),
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run a read ``work``; when its connection is lost, drop it and run the read again (at
    most ``attempts`` runs in all, waiting ``backoff`` between them: by default once more at
    once, which is what a connection the server dropped in a restart needs).  Only for work
    that is safe to repeat: never a write.  The last ``ConnectionLost`` propagates; any other
    error at once."""
    for attempt in range(max(attempts, 1)):
        if attempt:
            sleep(backoff[min(attempt - 1, len(backoff) - 1)])
        try:
            return work()
        except Exception as exc:
            if not is_connection_lost(exc) or attempt == max(attempts, 1) - 1:
                raise
            logger.info("read again after a lost connection: %s", first_line(exc))
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
        with contextlib.suppress(Exception):
            self._db.close()  # a good connection: back to the pool (PostgreSQL)
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
        backoff_ms: Sequence[int] = BACKOFF_MS,
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
