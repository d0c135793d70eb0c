"""The database proxy, how a URL becomes a peewee database, and the database boundary.

Two modes (DESIGN.md, "Database"):
- embedded SQLite file (one PC): WAL, busy timeout, foreign keys, RETURNING enabled; a
  connection per thread, opened for a worker's job and closed after it;
- office LAN PostgreSQL (``postgresql://user:pass@host:5432/pst``), through psycopg 3, from a
  small pool: a worker's job borrows an open connection (0.2 ms) instead of opening one (3 ms),
  and a connection the server dropped (a restart, a cut LAN) is found and replaced before a job
  gets it (``OfficePostgresqlDatabase``).

SQLite on a network share is refused: SQLite's locking is not safe there.

The boundary: both database classes translate a driver's error, once, where the queries run
(connect, execute, begin, commit, rollback), into the ``pst_desktop.core.errors`` family:
``ConnectionLost`` when the server or the file cannot be reached, ``DatabaseBusy`` when another
PC holds a lock longer than the database waits (``trouble_of`` says which, by the driver's
SQLSTATE or SQLite's error code).  Everything else (an ``IntegrityError`` a service turns into
a refusal, a bug) passes through unchanged.  After a lost connection outside a transaction the
thread's connection is dropped at once, so its next query opens a new one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import sqlite3
import sys
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import peewee
from playhouse.pool import PooledPostgresqlDatabase

from pst_desktop.core.errors import ConnectionLost, DatabaseBusy, DatabaseTrouble, first_line

logger = logging.getLogger(__name__)

database_proxy = peewee.DatabaseProxy()

# -- the boundary: what a driver's error means ----------------------------------------------

#: PostgreSQL SQLSTATEs of a server that cannot be reached or serve now: connection exceptions
#: (08…), an administrator's or a crash's shutdown, "cannot connect now" (57P…), too many clients
_PG_LOST = ("08", "57P", "53300")
#: … and of another session holding what this one needs: a lock timeout or NOWAIT (55P03), a
#: statement timeout (57014), a deadlock (40P01), a serialization failure (40001)
_PG_BUSY = ("55P03", "57014", "40P01", "40001")
#: SQLite's primary result codes: the file is locked by another connection (BUSY, LOCKED) …
_SQLITE_BUSY = {5, 6}
#: … or cannot be opened or read (CANTOPEN, IOERR: a removed drive, a dropped share)
_SQLITE_LOST = {14, 10}
#: SQLite's own fixed texts of those codes, for an error made without its code
_SQLITE_BUSY_TEXT = ("database is locked", "database table is locked")
_SQLITE_LOST_TEXT = ("unable to open database file", "disk i/o error")


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and the errors it was raised from (peewee wraps the driver's error)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _psycopg_kind(exc: BaseException) -> type[DatabaseTrouble] | bool | None:
    """The kind of a psycopg error; False when ``exc`` is none (look further down the chain)."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    if not isinstance(exc, psycopg.Error):
        return False
    sqlstate = getattr(exc, "sqlstate", None) or ""
    if sqlstate:  # the server answered
        if sqlstate.startswith(_PG_LOST):
            return ConnectionLost
        return DatabaseBusy if sqlstate in _PG_BUSY else None
    # said by the client (libpq gives no SQLSTATE): no connection, a broken socket, a timeout
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        return ConnectionLost
    return None


def _sqlite_kind(exc: sqlite3.Error) -> type[DatabaseTrouble] | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        primary = code & 0xFF
        if primary in _SQLITE_BUSY:
            return DatabaseBusy
        return ConnectionLost if primary in _SQLITE_LOST else None
    text = str(exc).strip().lower()
    if text.startswith(_SQLITE_BUSY_TEXT):
        return DatabaseBusy
    return ConnectionLost if text.startswith(_SQLITE_LOST_TEXT) else None


def _judged(exc: BaseException) -> tuple[type[DatabaseTrouble] | None, BaseException]:
    """The kind ``exc`` means and the error in its chain that says so (the driver's own)."""
    for item in _chain(exc):
        if isinstance(item, DatabaseTrouble):
            return type(item), item
        kind = _psycopg_kind(item)
        if kind is not False:
            return kind, item  # type: ignore[return-value]
        if isinstance(item, sqlite3.Error):
            return _sqlite_kind(item), item
        if isinstance(item, ConnectionError | TimeoutError):
            return ConnectionLost, item
    return None, exc


def trouble_of(exc: BaseException) -> type[DatabaseTrouble] | None:
    """``ConnectionLost`` or ``DatabaseBusy`` when ``exc`` (or the driver's error under it)
    means one, else None: the one definition of "the database is down" and of "busy"."""
    return _judged(exc)[0]


def is_connection_lost(exc: BaseException) -> bool:
    """True when ``exc`` means the database cannot be reached now (not busy, not a refusal)."""
    kind = trouble_of(exc)
    return kind is not None and issubclass(kind, ConnectionLost)


def translate_error(exc: BaseException) -> BaseException:
    """The ``DatabaseTrouble`` ``exc`` means (its ``__cause__`` is ``exc``), or ``exc`` itself."""
    kind, said = _judged(exc)
    if kind is None or isinstance(exc, DatabaseTrouble):
        return exc
    detail = str(said).strip() or type(said).__name__
    trouble = kind(detail)
    trouble.__cause__ = exc
    return trouble


class _Boundary:
    """Mixed into our database classes: a driver's error leaves them translated (see the
    module's notes).  ``where`` names the step in the log: connect, execute, begin, commit,
    rollback."""

    def _translate(self, exc: Exception, where: str) -> None:
        """Raise the ``DatabaseTrouble`` ``exc`` means; return when it means none."""
        trouble = translate_error(exc)
        if trouble is exc:
            return
        assert isinstance(trouble, DatabaseTrouble)
        lost = isinstance(trouble, ConnectionLost)
        logger.warning(
            "database %s (%s): %s",
            "connection lost" if lost else "busy",
            where,
            first_line(trouble),
        )
        if lost and not self.in_transaction():  # type: ignore[attr-defined]
            self.discard_connection()  # the thread's next query opens a new one
        raise trouble from exc

    def discard_connection(self) -> None:
        """Close this thread's connection for good (broken or suspect) without handing it back
        to a pool; the thread's next query opens a new one.  Nothing inside a transaction
        (its own rollback comes first)."""
        state = self._state  # type: ignore[attr-defined]
        if state.closed or state.transactions:
            return
        conn, open_blocks = state.conn, state.ctx
        state.reset()
        # ``connection_context()`` blocks still open on this thread pop their own entries when
        # they end: keep them, or the block's exit raises IndexError over the ConnectionLost
        state.ctx = open_blocks
        self._forget(conn)
        with contextlib.suppress(Exception):
            conn.close()

    def _forget(self, conn) -> None:
        """A pool lets go of ``conn`` here."""

    def connect(self, reuse_if_open: bool = False) -> bool:
        try:
            return super().connect(reuse_if_open)  # type: ignore[misc]
        except Exception as exc:
            self._translate(exc, "connect")
            raise

    def _execute_cursor(self, sql, params, **cursor_options):
        try:
            return super()._execute_cursor(sql, params, **cursor_options)  # type: ignore[misc]
        except Exception as exc:
            self._translate(exc, "execute")
            raise

    def begin(self, *args, **kwargs) -> None:
        try:
            super().begin(*args, **kwargs)  # type: ignore[misc]
        except Exception as exc:
            self._translate(exc, "begin")
            raise

    def commit(self) -> None:
        try:
            super().commit()  # type: ignore[misc]
        except Exception as exc:
            self._translate(exc, "commit")
            raise

    def rollback(self) -> None:
        try:
            super().rollback()  # type: ignore[misc]
        except Exception as exc:
            self._translate(exc, "rollback")
            raise


SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "busy_timeout": 10_000,
    "foreign_keys": 1,
    "synchronous": "normal",
}


#: rows ANALYZE samples per index (``PRAGMA analysis_limit``): 13 ms on a year of data.  The
#: sample is the start of each index, so on a history stored day by day every index looks about
#: as selective as the others; a larger sample does not change that (4000: the same plans, 72 ms;
#: the whole year: right plans, 620 ms once): queries are written so that the plan cannot go wrong
#: (``front_desk.queue_snapshot`` sorts in Python rather than tempt SQLite down (office, issued_at))
ANALYSIS_LIMIT = 400
#: ``PRAGMA optimize`` at most this often per database (seconds), when a connection closes
OPTIMIZE_EVERY_S = 600


class OfficeSqliteDatabase(_Boundary, peewee.SqliteDatabase):
    """SQLite with planner statistics kept fresh (the app never ran ANALYZE, and
    without statistics the officer's claim cycle took 96 ms where it takes 11).

    The first connection runs ``ANALYZE`` when the file has no statistics yet and ``PRAGMA
    optimize`` otherwise; closing a connection (the worker threads' reads close theirs after
    each job) runs ``PRAGMA optimize`` at most every ``OPTIMIZE_EVERY_S``, as SQLite's own
    documentation advises.  ``analysis_limit`` keeps any ANALYZE to milliseconds."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.optimized_at: float | None = None  # time.monotonic() of the last optimize

    def _set_pragmas(self, conn) -> None:
        """The pragmas, waiting while another PC or process holds the file: switching a new
        file to WAL needs it alone, and SQLite answers "database is locked" at once there
        instead of waiting its busy timeout (seen when several stations start together)."""
        deadline = time.monotonic() + SQLITE_PRAGMAS["busy_timeout"] / 1000
        pause = 0.02
        while True:
            try:
                super()._set_pragmas(conn)
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.25)

    def _connect(self):
        conn = super()._connect()
        try:
            conn.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
            if self.optimized_at is None:
                self._optimize(conn)
        except sqlite3.DatabaseError:  # a file that is not a database: open_database says so
            pass
        return conn

    def _close(self, conn) -> None:
        due = self.optimized_at is None or time.monotonic() - self.optimized_at > OPTIMIZE_EVERY_S
        if due:
            with contextlib.suppress(sqlite3.Error):
                self._optimize(conn)
        super()._close(conn)

    def optimize(self) -> None:
        """``PRAGMA optimize`` now, on this thread's connection (ANALYZE if never analysed)."""
        self._optimize(self.connection())

    def _optimize(self, conn) -> None:
        analysed = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
        ).fetchone()
        has_tables = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'visit'"
        ).fetchone()
        if has_tables and not analysed:
            conn.execute("ANALYZE")
        else:
            conn.execute("PRAGMA optimize = 0x10002")  # 0x10000: every table (SQLite 3.46+)
        self.optimized_at = time.monotonic()


#: idle connections a station keeps for its workers (those in use come on top: the GUI
#: thread's, a job's); one handed back beyond these is closed
POOL_IDLE = 2
#: a pooled connection is replaced after this many seconds (idle limits of a server or firewall)
POOL_RECYCLE_S = 600
#: TCP keepalives and a limit on unanswered data: a LAN that drops silently (no reset) is
#: noticed in ~20 s idle and 15 s under a query, instead of the system's 15 minutes
PG_KEEPALIVE = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,
}


def _socket_has_news(fd: int) -> bool:
    """True when an idle connection's socket can be read: the server said goodbye (a restart,
    an administrator's shutdown) or the link was closed; a healthy idle one has nothing."""
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLERR | select.POLLHUP)
        return bool(poller.poll(0))
    readable, _, broken = select.select([fd], [], [fd], 0)  # Windows: sockets only, as here
    return bool(readable or broken)


def _close_all(connections: weakref.WeakSet) -> None:
    for conn in list(connections):
        with contextlib.suppress(Exception):
            conn.close()


class OfficePostgresqlDatabase(_Boundary, PooledPostgresqlDatabase):
    """PostgreSQL with a small pool (peewee's ``playhouse.pool``): a thread's ``close()`` hands
    its connection back, the next ``connect()`` of any thread takes it again.

    A connection is checked as it is taken, without a round trip: closed or broken by the
    driver, not idle, or its socket readable (the server has gone away since: after a restart
    every idle connection reads "terminating connection" or end-of-file) -> closed and
    replaced by a new one, so a dead connection is never handed to the next job.  One that
    fails under a query is dropped by the boundary (``discard_connection``), never handed back.
    """

    def __init__(self, database: str, **kwargs) -> None:
        kwargs.setdefault("max_connections", None)  # the threads of one station bound them
        kwargs.setdefault("stale_timeout", POOL_RECYCLE_S)
        super().__init__(database, **kwargs)
        # every connection this database opened: closed when the database itself goes (a
        # dropped station database, a test's), never left for the garbage collector
        self._opened: weakref.WeakSet = weakref.WeakSet()
        weakref.finalize(self, _close_all, self._opened)

    def _connect(self):
        conn = super()._connect()
        self._opened.add(conn)
        return conn

    def _is_closed(self, conn) -> bool:
        """On check-out: True (and closed here) when ``conn`` must not be handed out."""
        usable = not (conn.closed or getattr(conn, "broken", False))
        usable = usable and conn.pgconn.transaction_status == self._adapter.txn_idle
        try:
            usable = usable and not _socket_has_news(conn.fileno())
        except (OSError, ValueError):
            usable = False
        if not usable:
            logger.info("a pooled connection was dropped by the server; opening a new one")
            self._close_raw(conn)
        return not usable

    def close(self) -> bool:
        """Hand this thread's connection back; on the main (GUI) thread close the idle ones
        too: the station lets go of the database there (sign-out, a new database, the end,
        a connection found broken), and idle connections must not outlive that."""
        was_open = super().close()
        if threading.current_thread() is threading.main_thread():
            self.close_idle()
        return was_open

    def _close(self, conn, close_conn: bool = False) -> None:
        with self._pool_lock:
            if not close_conn and len(self._connections) >= POOL_IDLE:
                close_conn = True  # enough idle ones already
            super()._close(conn, close_conn)

    def _forget(self, conn) -> None:
        with self._pool_lock:
            self._in_use.pop(self.conn_key(conn), None)
            self._pool_available.notify()

    def idle_connections(self) -> int:
        """How many connections wait in the pool (tests, the bench)."""
        with self._pool_lock:
            return len(self._connections)


class DatabaseUrlError(ValueError):
    """The database URL cannot be used; the message says why in plain words."""


def is_network_path(path: Path) -> bool:
    """True when ``path`` lies on a network share (UNC path or a network file system mount)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform.startswith("linux"):
        try:
            mounts = Path("/proc/mounts").read_text().splitlines()
        except OSError:
            return False
        network_types = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p"}
        resolved = str(path.resolve())
        best = ("", "")
        for line in mounts:
            parts = line.split()
            if len(parts) < 3:
                continue
            mount_point, fs_type = parts[1], parts[2]
            inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
            if inside and len(mount_point) > len(best[0]):
                best = (mount_point, fs_type)
        return best[1] in network_types
    return False


def sqlite_path_from_url(url: str) -> Path:
    """``sqlite:///relative.db``, ``sqlite:////var/pst.db``, ``sqlite:///C:/data/pst.db`` → path."""
    if ":///" not in url:
        raise DatabaseUrlError("SQLite URL must look like sqlite:///path/to/pst.db")
    raw = unquote(url.split(":///", 1)[1])
    if not raw:
        raise DatabaseUrlError("SQLite URL has no file name")
    return Path(raw)


def make_database(url: str) -> peewee.Database:
    """Build (not connect) the peewee database the URL names."""
    scheme = urlparse(url).scheme.lower()
    if scheme in ("sqlite", "sqlite3"):
        path = sqlite_path_from_url(url)
        if is_network_path(path.parent if not path.exists() else path):
            raise DatabaseUrlError(
                f"{path} is on a network share. SQLite must not be shared over the network; "
                "use the office PostgreSQL server for several PCs."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        return OfficeSqliteDatabase(
            str(path), pragmas=SQLITE_PRAGMAS, returning_clause=True, timeout=10
        )
    if scheme in ("postgres", "postgresql"):
        parsed = urlparse(url)
        if not parsed.path.strip("/"):
            raise DatabaseUrlError("PostgreSQL URL has no database name")
        kwargs = {
            "host": parsed.hostname or "localhost",
            "port": parsed.port or 5432,
            "user": unquote(parsed.username) if parsed.username else None,
            "password": unquote(parsed.password) if parsed.password else None,
            "connect_timeout": 5,
            "application_name": "pst-desktop",
            **PG_KEEPALIVE,
        }
        options = {}
        for part in parsed.query.split("&"):
            if "=" in part:
                key, value = part.split("=", 1)
                options[key] = unquote(value)
        schema = options.pop("schema", None)
        if schema:
            if not schema.replace("_", "").isalnum():
                raise DatabaseUrlError(f"invalid schema name {schema!r}")
            kwargs["options"] = f"-c search_path={schema}"
        kwargs.update(options)
        kwargs = {k: v for k, v in kwargs.items() if v is not None}
        return OfficePostgresqlDatabase(parsed.path.strip("/"), **kwargs)
    raise DatabaseUrlError(
        f"unknown database URL scheme {scheme!r}: use sqlite:/// or postgresql://"
    )


def is_sqlite(db: peewee.Database | None = None) -> bool:
    target = db if db is not None else database_proxy.obj
    return isinstance(target, peewee.SqliteDatabase)


def bind(db: peewee.Database) -> peewee.Database:
    """Point every model at ``db`` (the proxy pattern of peewee's playhouse).

    A database bound before is closed first (with its pool's idle connections), so rebinding
    never leaks a connection.
    """
    previous = database_proxy.obj
    if previous is not None and previous is not db:
        if not previous.is_closed():
            previous.close()
        if isinstance(previous, OfficePostgresqlDatabase):
            previous.close_idle()
    database_proxy.initialize(db)
    return db


@contextlib.contextmanager
def write_transaction(db: peewee.Database | None = None) -> Iterator[None]:
    """One write transaction, safe when two PCs write at the same moment.

    SQLite: ``BEGIN IMMEDIATE`` takes the write lock up front, so a concurrent writer waits on
    the busy timeout instead of failing with SQLITE_BUSY half-way.  PostgreSQL: a normal
    transaction; the services lock rows (counter upsert, ``FOR UPDATE SKIP LOCKED``).
    Nested calls become savepoints.
    """
    target = db if db is not None else database_proxy.obj
    if target is None:
        raise RuntimeError("database not initialised")
    if isinstance(target, peewee.SqliteDatabase) and not target.in_transaction():
        with target.atomic("IMMEDIATE"):
            yield
    else:
        with target.atomic():
            yield


def default_sqlite_url() -> str:
    from platformdirs import user_data_dir

    folder = Path(os.environ.get("PST_DATA_DIR") or user_data_dir("PST Desktop", "BPS"))
    return "sqlite:///" + str(folder / "pst.db").replace("\\", "/")
