"""Live updates: every station learns that the queue changed, as Qt signals.

- PostgreSQL: a dedicated autocommit psycopg connection runs ``LISTEN pst_events``; a
  ``QSocketNotifier`` on its socket wakes the Qt event loop and the notifications are drained
  without blocking.  After a lost connection it retries on a timer with the reconnect stack's
  back-off (``pst_desktop.db.reconnect``) and, once back, emits ``changed`` so every view
  reloads from the database (notifications sent meanwhile are lost).
- SQLite (one PC): ``PRAGMA data_version`` on a separate connection is polled about once a
  second; it changes whenever another connection commits.

Either way the widgets listen to ``changed`` (reload) and ``event`` (what happened, when known).

Admin changes (services, desks, hours, closures, the rating question and scale, the running
text…) reach every station the same way: the admin's transaction bumps the office's settings
revision (``pst_desktop.admin.settings_revision``), and ``SettingsFollower`` (inside ``LiveBus``, or
on a window's own ``ChangeWatcher``, where it reads it on a worker thread) compares it on every
change heard and emits ``settings_changed(what)``: within a second on PostgreSQL (the
notification), within the poll interval on SQLite.  Cached calendars are dropped first, so
"is it open now?" reads fresh hours.

``LiveBus`` sits on top of a watcher and gives every screen the same typed signals on both
databases (``ticket_called``, ``rating_requested``, ``rating_closed``, ``queue_changed``): on
each change it reads a small snapshot of today's called visits and compares it with the last
one (``diff_activity``).  A notification only says *when* to look; what happened always comes
from the database, so a lost notification, a reconnect or a missed poll never leaves a wrong
screen (a slow timer resynchronises as well).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import sqlite3
from dataclasses import dataclass
from typing import Any

import peewee as pw
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QSocketNotifier,
    QThreadPool,
    QTimer,
    Signal,
)

from models.database import PG_KEEPALIVE
from models.entities import Channel, Visit, VisitStatus
from pst_desktop.admin import settings_revision
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import ConnectionLost, DatabaseBusy, first_line
from pst_desktop.db.reconnect import backoff_ms, reset, retry_read
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.visits.events import channel_for

logger = logging.getLogger(__name__)

POLL_MS = 1000
#: the bus rereads the database this often even when nothing was heard
RESYNC_MS = 30_000


class ChangeWatcher(QObject):
    """Emits ``changed`` when the database changed and ``event`` for each decoded event."""

    changed = Signal()
    event = Signal(object)
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
        self._timer.start(self._poll_ms if self._sqlite is not None else backoff_ms(0))
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
        except Exception as exc:  # whatever stops the live connection: hearing nothing
            self._close()
            self._mark_lost(first_line(exc))
            return
        if self._lost:
            logger.info("live updates reconnected after %d attempt(s)", self._retries)
            self._lost = False
            self._retries = 0
            self.connection_restored.emit()
            self.changed.emit()

    def _open_pg(self) -> None:
        import psycopg

        params = dict(self._db.connect_params)
        params.setdefault("dbname", self._db.database)
        params["connect_timeout"] = min(int(params.get("connect_timeout", 3)), 3)
        for key, value in PG_KEEPALIVE.items():  # a silently dropped link is noticed in ~20 s
            params.setdefault(key, value)
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
            logger.info("live updates lost: %s; reconnecting", reason)
            self._lost = True
            self.connection_lost.emit(reason)
        delay = backoff_ms(self._retries)
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
            self._mark_lost(first_line(exc))
            return
        for payload in received:
            try:
                decoded = json.loads(payload)
            except ValueError:
                decoded = {"event": "unknown", "payload": payload}
            self.event.emit(decoded)
        if received:
            self.changed.emit()


# -- the typed bus ----------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitActivity:
    """What the bus remembers of one visit called today."""

    status: str
    call_count: int
    desk_id: int | None
    called_at: dt.datetime | None


Snapshot = dict[int, VisitActivity]


def activity_snapshot(office_id: int, day: dt.date) -> Snapshot:
    """Today's walk-in visits that have been called at least once (a few hundred rows at most)."""
    rows = (
        Visit.select(Visit.id, Visit.status, Visit.call_count, Visit.desk, Visit.called_at)
        .where(
            (Visit.office == office_id)
            & (Visit.day == day)
            & (Visit.channel == Channel.WALK_IN.value)
            & (Visit.call_count > 0)
        )
        .tuples()
    )
    return {
        visit_id: VisitActivity(status, call_count, desk_id, called_at)
        for visit_id, status, call_count, desk_id, called_at in rows
    }


def diff_activity(before: Snapshot, after: Snapshot) -> list[dict[str, Any]]:
    """The events that turn ``before`` into ``after``, oldest call first.

    - ``ticket_called``: a visit called for the first time, or called again (a recall, or a
      ticket returned to the queue and called anew): its ``call_count`` grew;
    - ``rating_requested``: a visit now waits for the visitor's rating;
    - ``rating_closed``: a visit no longer waits for one (rated, expired, or gone).
    """
    events: list[dict[str, Any]] = []
    awaiting = VisitStatus.AWAITING_RATING.value
    order = sorted(after.items(), key=lambda item: (item[1].called_at is None, item[1].called_at))
    for visit_id, now in order:
        old = before.get(visit_id)
        if old is None or now.call_count > old.call_count:
            events.append(
                {
                    "event": "ticket_called",
                    "visit": visit_id,
                    "desk": now.desk_id,
                    "call_count": now.call_count,
                    "recall": old is not None or now.call_count > 1,
                }
            )
        if now.status == awaiting and (old is None or old.status != awaiting):
            events.append({"event": "rating_requested", "visit": visit_id, "desk": now.desk_id})
        if old is not None and old.status == awaiting and now.status != awaiting:
            events.append({"event": "rating_closed", "visit": visit_id, "desk": now.desk_id})
    for visit_id, old in before.items():
        if visit_id not in after and old.status == awaiting:
            events.append({"event": "rating_closed", "visit": visit_id, "desk": old.desk_id})
    return events


class _RevisionAnswer(QObject):
    """Lives on the GUI thread; the worker's answer (a revision or the exception) is queued
    to it."""

    done = Signal(object)


class _RevisionRead(QRunnable):
    """Reads the office's settings revision inside a connection of the worker thread."""

    def __init__(self, db: pw.Database, office_id: int, answer: _RevisionAnswer) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._db, self._office_id, self._answer = db, office_id, answer

    def run(self) -> None:
        try:
            with self._db.connection_context():  # opened for this read, closed after it
                value: object = settings_revision.current(self._office_id)
        except Exception as exc:  # judged on the GUI thread
            value = exc
        self._answer.done.emit(value)


class SettingsFollower(QObject):
    """Emits ``settings_changed(what)`` once the office's settings revision moved.

    ``what`` is the admin change's kind (``service``, ``desk``, ``office``, ``hours``,
    ``closure``, ``rating``, ``board``, ``kiosk_pin``) when exactly one change was heard in a
    PostgreSQL notification, and ``""`` otherwise (SQLite, several changes at once, a resync):
    then reload every setting you show.  The first read only sets the baseline.

    ``refresh()`` reads at once (a window's baseline, before it reads what it shows); the
    changes a watcher reports are read on a worker thread (``refresh_later``), so a staff
    window never waits on the database for them: the answer comes a few milliseconds later,
    and changes heard meanwhile make one more read, not one each.
    """

    settings_changed = Signal(str)

    def __init__(self, db: pw.Database, office_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.office_id = office_id
        self.revision: int | None = None
        self._heard: list[str] = []
        self._pool: QThreadPool | None = None  # made on the first read later (before _answer:
        self._answer: _RevisionAnswer | None = None  # Qt deletes it first, waiting for its read)
        self._reading = False
        self._again = False

    def listen(self, watcher: ChangeWatcher) -> None:
        """Follow a window's own watcher: its notifications and every change it sees."""
        watcher.event.connect(self.hear)
        watcher.changed.connect(self.refresh_later)

    def hear(self, payload: object) -> None:
        """A decoded notification (PostgreSQL): remember which setting it named."""
        if not isinstance(payload, dict) or payload.get("event") != "settings_changed":
            return
        if payload.get("office") not in (None, self.office_id):
            return
        self._heard.append(str(payload.get("what") or ""))

    def refresh(self) -> None:
        """Read the revision (one row) now and emit when it moved; quiet while the database is
        away (the reconnect's own change reads it again)."""
        try:
            revision = retry_read(self.db, lambda: settings_revision.current(self.office_id))
        except ConnectionLost:
            return
        except DatabaseBusy:
            return  # the next change heard reads it again
        self.follow(revision)

    def refresh_later(self) -> None:
        """Read the revision on the worker thread; ``follow`` it when the answer is back."""
        if self._reading:
            self._again = True  # one more read once this one is answered
            return
        if self._pool is None:
            self._pool = QThreadPool(self)
            self._pool.setMaxThreadCount(1)
            self._answer = _RevisionAnswer(self)
            self._answer.done.connect(self._answered)
        assert self._answer is not None
        self._reading, self._again = True, False
        self._pool.start(_RevisionRead(self.db, self.office_id, self._answer))

    def busy(self) -> bool:
        """A read on the worker thread has not been answered yet."""
        return self._reading

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the read under way and take its answer (closing; scripts, tests)."""
        done = self._pool.waitForDone(msecs) if self._pool is not None else True
        if self._answer is not None:
            QCoreApplication.sendPostedEvents(self._answer)
        return done

    def _answered(self, value: object) -> None:
        self._reading = False
        if isinstance(value, ConnectionLost | DatabaseBusy):
            pass  # quiet while the database is away: the reconnect's own change reads again
        elif isinstance(value, Exception):
            logger.warning("settings revision not read: %s", first_line(value))
        elif isinstance(value, int):
            self.follow(value)
        if self._again:
            self.refresh_later()

    def follow(self, revision: int) -> bool:
        """Take a revision read elsewhere (the bus reads it with its snapshot)."""
        before, self.revision = self.revision, revision
        heard, self._heard = self._heard, []
        if before is None or revision == before:
            return False
        OfficeCalendar.invalidate()  # the next "is it open now?" reads the new hours
        what = heard[0] if len(heard) == 1 and revision == before + 1 else ""
        logger.info("office settings changed (revision %d, %s)", revision, what or "several")
        self.settings_changed.emit(what)
        return True


class LiveBus(QObject):
    """The same live signals on PostgreSQL and SQLite, for one office.

    ``queue_changed`` after every change seen (reload your view); ``ticket_called``,
    ``rating_requested`` and ``rating_closed`` with ``{"visit", "desk", …}``; ``online(bool)``
    when the database is lost or back (then everything is reread); ``settings_changed(what)``
    after an admin change (``SettingsFollower``), before the queue signals of the same read.
    ``refresh()`` may be called at any time; the first read only sets the baseline (no events
    for the past).
    """

    queue_changed = Signal()
    settings_changed = Signal(str)
    # ``object``, not ``dict``: PySide6 6.12 converting a dict with bool values for a
    # ``Signal(dict)`` drops a reference to True/False each time (a fatal crash after some
    # thousand emissions on Python 3.11, seen in bench/call_to_board.py)
    ticket_called = Signal(object)
    rating_requested = Signal(object)
    rating_closed = Signal(object)
    online = Signal(bool)

    def __init__(
        self,
        db: pw.Database,
        office_id: int,
        clock: Clock,
        parent: QObject | None = None,
        poll_ms: int = POLL_MS,
        resync_ms: int = RESYNC_MS,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.office_id = office_id
        self.clock = clock
        self.watcher = ChangeWatcher(db, self, poll_ms=poll_ms)
        self.watcher.changed.connect(self.refresh)
        self.watcher.connection_lost.connect(self._lost)
        self.watcher.connection_restored.connect(self._restored)
        self.settings = SettingsFollower(db, office_id, self)
        self.watcher.event.connect(self.settings.hear)
        self.settings.settings_changed.connect(self._settings_changed)
        self._snapshot: Snapshot | None = None
        self._day: dt.date | None = None
        self._calendar: OfficeCalendar | None = None
        self.is_online = True
        self.offline_reason = ""
        self._resync = QTimer(self)
        self._resync.timeout.connect(self.refresh)
        self._resync_ms = resync_ms

    def start(self) -> None:
        self.watcher.start()
        self.refresh()
        self._resync.start(self._resync_ms)

    def stop(self) -> None:
        self._resync.stop()
        self.watcher.stop()

    def refresh(self) -> None:
        """Reread today's activity and emit what changed since the last read."""
        try:
            revision, snapshot = retry_read(self.db, self._read)
        except ConnectionLost as exc:
            reset(self.db)
            self._set_online(False, first_line(exc))
            return
        except DatabaseBusy:
            return  # not offline: the next change or the resync reads again
        self._set_online(True)
        self.settings.follow(revision)  # settings_changed first: the screens redraw, then act
        before, self._snapshot = self._snapshot, snapshot
        if before is not None:
            for event in diff_activity(before, snapshot):
                getattr(self, event.pop("event")).emit(event)
        self.queue_changed.emit()

    def _read(self) -> tuple[int, Snapshot]:
        revision = settings_revision.current(self.office_id)
        if self._calendar is None or revision != self.settings.revision:
            self._calendar = OfficeCalendar.for_office(self.office_id)  # the time zone may move
        day = self._calendar.office_day(self.clock.now())
        if day != self._day:  # a new office day: yesterday's calls are not news
            self._day = day
            self._snapshot = None
        return revision, activity_snapshot(self.office_id, day)

    def _settings_changed(self, what: str) -> None:
        self.settings_changed.emit(what)

    def _lost(self, reason: str) -> None:
        self._set_online(False, reason)

    def _restored(self) -> None:
        reset(self.db)  # the main connection died with the server too
        self.refresh()

    def _set_online(self, value: bool, reason: str = "") -> None:
        if value != self.is_online:
            self.is_online = value
            self.offline_reason = reason
            self.online.emit(value)
