"""Live updates: every station learns that the queue changed, as Qt signals.

- PostgreSQL: a dedicated autocommit psycopg connection runs ``LISTEN pst_events``; a
  ``QSocketNotifier`` on its socket wakes the Qt event loop and the notifications are drained
  without blocking.  After a lost connection it retries on a timer and, once back, emits
  ``changed`` so every view reloads from the database (notifications sent meanwhile are lost).
- SQLite (one PC): ``PRAGMA data_version`` on a separate connection is polled about once a
  second; it changes whenever another connection commits.

Either way the widgets listen to ``changed`` (reload) and ``event`` (what happened, when known).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from typing import Any

import peewee as pw
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from pst_desktop.events import channel_for

POLL_MS = 1000
RETRY_MS = (1000, 2000, 5000, 10000)


class ChangeWatcher(QObject):
    """Emits ``changed`` when the database changed and ``event`` for each decoded event."""

    changed = Signal()
    event = Signal(dict)
    connection_lost = Signal(str)
    connection_restored = Signal()

    def __init__(self, db: pw.Database, parent: QObject | None = None, poll_ms: int = POLL_MS):
        super().__init__(parent)
        self._db = db
        self._poll_ms = poll_ms
        self._sqlite: sqlite3.Connection | None = None
        self._pg: Any = None
        self._notifier: QSocketNotifier | None = None
        self._last_version: int | None = None
        self._retries = 0
        self._lost = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        self._open()
        self._timer.start(self._poll_ms if self._sqlite is not None else RETRY_MS[0])
        if self._pg is not None:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()
        self._close()

    @property
    def is_listening(self) -> bool:
        return self._sqlite is not None or self._pg is not None

    def _open(self) -> None:
        try:
            if isinstance(self._db, pw.SqliteDatabase):
                self._sqlite = sqlite3.connect(self._db.database, check_same_thread=True)
                self._last_version = self._data_version()
            else:
                self._open_pg()
        except (sqlite3.Error, OSError, Exception) as exc:
            self._close()
            self._mark_lost(str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc))
            return
        if self._lost:
            self._lost = False
            self._retries = 0
            self.connection_restored.emit()
            self.changed.emit()

    def _open_pg(self) -> None:
        import psycopg

        params = dict(self._db.connect_params)
        params.setdefault("dbname", self._db.database)
        conn = psycopg.connect(autocommit=True, **params)
        conn.execute(f'LISTEN "{channel_for(self._db)}"')
        self._pg = conn
        self._notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._pg is not None:
            with contextlib.suppress(Exception):  # closing a broken connection
                self._pg.close()
            self._pg = None
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None

    def _mark_lost(self, reason: str) -> None:
        if not self._lost:
            self._lost = True
            self.connection_lost.emit(reason)
        delay = RETRY_MS[min(self._retries, len(RETRY_MS) - 1)]
        self._retries += 1
        self._timer.start(delay)

    # -- SQLite -----------------------------------------------------------------------------
    def _data_version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def _tick(self) -> None:
        if not self.is_listening:
            self._open()
            if self.is_listening and self._pg is not None:
                self._timer.stop()
            elif self.is_listening:
                self._timer.start(self._poll_ms)
            return
        if self._sqlite is not None:
            try:
                version = self._data_version()
            except sqlite3.Error as exc:
                self._close()
                self._mark_lost(str(exc))
                return
            if version != self._last_version:
                self._last_version = version
                self.changed.emit()

    # -- PostgreSQL -------------------------------------------------------------------------
    def _drain(self) -> None:
        if self._pg is None:
            return
        received = []
        try:
            for notify in self._pg.notifies(timeout=0):
                received.append(notify.payload)
        except Exception as exc:
            self._close()
            self._mark_lost(str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc))
            return
        for payload in received:
            try:
                decoded = json.loads(payload)
            except ValueError:
                decoded = {"event": "unknown", "payload": payload}
            self.event.emit(decoded)
        if received:
            self.changed.emit()
