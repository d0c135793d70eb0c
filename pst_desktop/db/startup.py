"""Starting a station before its database server answers (no widgets here).

A PC that boots before the server or the LAN switch must not give up: every station (staff
sign-in, display board, rating kiosk) opens its database on a pool thread and, while that fails,
tries again with back-off until it works.

- ``diagnose(exc)`` tells a server that cannot be reached *now* (connection refused, timeout,
  unknown host, a server starting up: waiting helps) from a set-up that retrying cannot fix
  (a wrong password or user, a database that does not exist, a schema newer than this program,
  an address that is not a database URL).  libpq reports every connection failure without a
  SQLSTATE, so the second group is told by the server's words;
- ``open_station`` is the work one attempt does: open (and upgrade) the database, find this
  PC's office, and ask whether an administrator exists;
- ``StationStarter`` (a QObject) runs that work on its own pool thread, says ``waiting(problem)``
  after each failure with the seconds until the next try (``countdown``), and ``opened(result)``
  once it worked;
- ``authorize_connection_change`` says who may change the server address from the sign-in
  window: an administrator, or anyone while the database has no administrator yet.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import unquote, urlparse

import peewee as pw
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)

from models.database import DatabaseUrlError, sqlite_path_from_url
from models.entities import Office, UserAccount
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import ensure_office
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import PermissionDenied, first_line
from pst_desktop.db.reconnect import is_connection_lost
from pst_desktop.sop.permissions import Action

logger = logging.getLogger(__name__)

#: the waits between attempts (seconds); the last one repeats
RETRY_S: tuple[int, ...] = (2, 5, 10, 30)


class ProblemKind(StrEnum):
    UNREACHABLE = "unreachable"  # refused, timed out, unknown host, starting up: wait
    ACCOUNT = "account"  # wrong user or password, no pg_hba.conf entry
    NO_DATABASE = "no_database"  # the server has no database of that name
    NEWER_SCHEMA = "newer_schema"  # a newer PST Desktop upgraded the database
    ADDRESS = "address"  # the URL itself cannot be used
    OTHER = "other"  # anything else the database refused


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    #: the first line of the error, for the log and the office IT (never shown as the message)
    detail: str

    @property
    def unreachable(self) -> bool:
        """True when waiting for the server is the cure (no one needs to change anything)."""
        return self.kind is ProblemKind.UNREACHABLE


_ACCOUNT_WORDS = (
    "password authentication failed",
    "no password supplied",
    "pg_hba.conf",
    "authentication failed",
    "permission denied for database",
)


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not other for other in seen):
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def diagnose(exc: BaseException) -> Problem:
    """What an attempt to open the database ran into (see the module's notes)."""
    chain = _chain(exc)
    detail = first_line(exc)
    text = " ".join(str(item) for item in chain).lower()
    if any(isinstance(item, DatabaseUrlError) for item in chain):
        kind = ProblemKind.ADDRESS
    elif "newer than this program" in text:
        kind = ProblemKind.NEWER_SCHEMA
    elif "database system is" in text or "too many clients" in text:
        kind = ProblemKind.UNREACHABLE  # starting up, shutting down, in recovery, full
    elif 'database "' in text and "does not exist" in text:
        kind = ProblemKind.NO_DATABASE
    elif any(word in text for word in _ACCOUNT_WORDS) or (
        'role "' in text and "does not exist" in text
    ):
        kind = ProblemKind.ACCOUNT
    elif is_connection_lost(exc) or any(word in text for word in _UNREACHABLE_WORDS):
        kind = ProblemKind.UNREACHABLE  # the boundary's lost connection, or libpq's words
    else:
        kind = ProblemKind.OTHER
    return Problem(kind, detail)


_REFUSED_WORDS = ("connection refused", "actively refused")
_TIMEOUT_WORDS = ("timeout expired", "timed out", "time out")
_HOST_WORDS = (
    "could not translate host name",
    "name or service not known",
    "nodename nor servname",
    "unknown host",
    "no such host",
    "temporary failure in name resolution",
)
_LOST_WORDS = (
    "server closed the connection",
    "connection already closed",
    "terminating connection",
    "connection reset",
    "broken pipe",
)

#: what libpq says (without a SQLSTATE) when a server cannot be reached: waiting helps
_UNREACHABLE_WORDS = _REFUSED_WORDS + _TIMEOUT_WORDS + _HOST_WORDS + _LOST_WORDS


def connection_reason(problem: BaseException | str) -> str:
    """A translated sentence for what the driver said (refused, timeout, unknown host, password,
    database missing, connection broken); the driver's own English line is for the log and a
    small detail for the office IT, never the message staff read."""
    text = (
        " ".join(str(item) for item in _chain(problem))
        if isinstance(problem, BaseException)
        else str(problem)
    ).lower()
    if any(word in text for word in _REFUSED_WORDS):
        return QCoreApplication.translate(
            "Startup", "the server refused the connection (is the database service running?)"
        )
    if any(word in text for word in _TIMEOUT_WORDS):
        return QCoreApplication.translate(
            "Startup", "the server did not answer in time (check the network)"
        )
    if any(word in text for word in _HOST_WORDS):
        return QCoreApplication.translate(
            "Startup", "the server's name is not known on the network"
        )
    if any(word in text for word in _ACCOUNT_WORDS) or (
        'role "' in text and "does not exist" in text
    ):
        return QCoreApplication.translate(
            "Startup", "the server refused this PC's user name or password"
        )
    if 'database "' in text and "does not exist" in text:
        return QCoreApplication.translate("Startup", "the server has no database of this name")
    if any(word in text for word in _LOST_WORDS):
        return QCoreApplication.translate("Startup", "the connection to the server was broken")
    return QCoreApplication.translate("Startup", "the database server did not answer")


def server_name(url: str) -> str:
    """The server as staff know it: ``host:port`` (``/database``) of a PostgreSQL URL, or the
    file of an SQLite URL; never the user or the password."""
    parsed = urlparse(url)
    if parsed.scheme.lower() in ("sqlite", "sqlite3"):
        try:
            return str(sqlite_path_from_url(url))
        except DatabaseUrlError:
            return url
    try:
        host = parsed.hostname or "localhost"
        port = parsed.port or 5432
    except ValueError:  # a port that is not a number
        return parsed.netloc.rsplit("@", 1)[-1] or url
    database = unquote(parsed.path.strip("/"))
    shown = f"[{host}]" if ":" in host else host
    return f"{shown}:{port}/{database}" if database else f"{shown}:{port}"


@dataclass
class StationOpening:
    """What a successful attempt found."""

    database: pw.Database
    office: Office
    needs_admin: bool


def open_station(
    url: str,
    open_db: Callable[[str], pw.Database],
    office_id: int | None,
    clock: Clock,
) -> StationOpening:
    """One attempt: open (and upgrade) the database, this PC's office (the one the settings
    name, else the first, else a new default one) and whether it has an administrator.

    Runs on a pool thread: the connection it opened there is closed before it returns (peewee
    keeps one connection per thread; the GUI thread opens its own on its first query)."""
    db = open_db(url)
    try:
        office = Office.get_or_none(Office.id == office_id) if office_id else None
        office = office or ensure_office(clock)  # one office when two PCs start at once
        needs_admin = not AccountService(clock).any_admin()
    finally:
        db.close()
    return StationOpening(db, office, needs_admin)


def authorize_connection_change(
    accounts: AccountService, username: str, password: str
) -> UserAccount | None:
    """Who may change this PC's server from the sign-in window: the administrator (checked by
    username and password, ``AuthenticationFailed`` otherwise, ``PermissionDenied`` for another
    role), or anyone while the database has no administrator yet (then None)."""
    if not accounts.any_admin():
        return None
    account = accounts.authenticate(username, password)
    if not actor_for(account).may(Action.CONFIGURE_OFFICE):
        logger.warning("connection settings refused to %s (role %s)", account.id, account.role)
        raise PermissionDenied(
            QCoreApplication.translate(
                "Startup", "Only an administrator may change the connection settings."
            )
        )
    logger.info("connection settings opened by account %s", account.id)
    return account


class _AttemptSignals(QObject):
    done = Signal(object, object)  # result, exception


class _Attempt(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _AttemptSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._signals = work, signals

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:
            self._signals.done.emit(None, exc)
            return
        self._signals.done.emit(result, None)


class StationStarter(QObject):
    """Runs ``work`` on a pool thread until it succeeds, with back-off between attempts.

    ``attempting()`` when an attempt starts; ``waiting(problem)`` after each failure;
    ``countdown(seconds)`` once a second until the next attempt; ``opened(result)`` once, when
    ``work`` returned.  A problem that waiting cannot cure is retried too (at the longest wait:
    someone may fix the server), while the station says why.  The GUI thread never waits for
    the server; ``stop()`` waits (up to ``stop_wait_ms``) for an attempt under way.
    """

    attempting = Signal()
    waiting = Signal(object)
    countdown = Signal(int)
    opened = Signal(object)

    def __init__(
        self,
        work: Callable[[], Any],
        retry_ms: Sequence[int] = tuple(s * 1000 for s in RETRY_S),
        parent: QObject | None = None,
        stop_wait_ms: int = 15_000,
        server: str = "",
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._retry_ms = tuple(retry_ms) or (RETRY_S[-1] * 1000,)
        self._stop_wait_ms = stop_wait_ms
        self._server = server
        self.failures = 0
        self.busy = False
        self.stopped = False
        self.problem: Problem | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _AttemptSignals(self)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._signals.done.connect(self._attempted)
        self._retry.timeout.connect(self._attempt)
        self._tick.timeout.connect(self._count_down)

    def start(self) -> None:
        self.stopped = False
        self._attempt()

    def retry_now(self) -> None:
        """Try at once (the waiting screen's "Try now"); nothing when an attempt runs."""
        if not self.busy and not self.stopped:
            self._attempt()

    def seconds_left(self) -> int:
        if not self._retry.isActive():
            return 0
        remaining = min(self._retry.remainingTime(), self._retry.interval())
        return max(1, math.ceil(remaining / 1000))

    def _attempt(self) -> None:
        if self.busy or self.stopped:
            return
        self._retry.stop()
        self._tick.stop()
        self.busy = True
        self.attempting.emit()
        self._pool.start(_Attempt(self._work, self._signals))

    def _attempted(self, result: Any, exc: BaseException | None) -> None:
        self.busy = False
        if self.stopped:
            return
        if exc is None:
            if self.failures:
                logger.info(
                    "database %s answered after %d failed attempt(s)", self._server, self.failures
                )
            self.problem = None
            self.opened.emit(result)
            return
        problem = diagnose(exc)
        self.failures += 1
        if problem != self.problem:  # log a change, not every attempt
            log = logger.warning if problem.unreachable else logger.error
            log("database %s: %s (%s); retrying", self._server, problem.kind, problem.detail)
        self.problem = problem
        if problem.unreachable:
            delay = self._retry_ms[min(self.failures - 1, len(self._retry_ms) - 1)]
        else:
            delay = self._retry_ms[-1]
        self._retry.start(delay)
        self._tick.start()
        self.waiting.emit(problem)
        self.countdown.emit(self.seconds_left())

    def _count_down(self) -> None:
        if self._retry.isActive():
            self.countdown.emit(self.seconds_left())
        else:
            self._tick.stop()

    def stop(self) -> None:
        """No more attempts; wait for one under way (idempotent)."""
        self.stopped = True
        self._retry.stop()
        self._tick.stop()
        self._pool.waitForDone(self._stop_wait_ms)
