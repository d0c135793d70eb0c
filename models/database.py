"""The database proxy and how a URL becomes a connected peewee database.

Two modes (DESIGN.md, "Database"):
- embedded SQLite file (one PC): WAL, busy timeout, foreign keys, RETURNING enabled;
- office LAN PostgreSQL (``postgresql://user:pass@host:5432/pst``), through psycopg 3.

SQLite on a network share is refused: SQLite's locking is not safe there.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import peewee

database_proxy = peewee.DatabaseProxy()

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


class OfficeSqliteDatabase(peewee.SqliteDatabase):
    """SQLite with planner statistics kept fresh (issue 12: the app never ran ANALYZE, and
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
        return peewee.PostgresqlDatabase(parsed.path.strip("/"), **kwargs)
    raise DatabaseUrlError(
        f"unknown database URL scheme {scheme!r}: use sqlite:/// or postgresql://"
    )


def is_sqlite(db: peewee.Database | None = None) -> bool:
    target = db if db is not None else database_proxy.obj
    return isinstance(target, peewee.SqliteDatabase)


def bind(db: peewee.Database) -> peewee.Database:
    """Point every model at ``db`` (the proxy pattern of peewee's playhouse).

    A database bound before is closed first, so rebinding never leaks its connection.
    """
    previous = database_proxy.obj
    if previous is not None and previous is not db and not previous.is_closed():
        previous.close()
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
