"""The database proxy and how a URL becomes a connected peewee database.

Two modes (DESIGN.md, "Database"):
- embedded SQLite file (one PC): WAL, busy timeout, foreign keys, RETURNING enabled;
- office LAN PostgreSQL (``postgresql://user:pass@host:5432/pst``), through psycopg 3.

SQLite on a network share is refused: SQLite's locking is not safe there.
"""

from __future__ import annotations

import contextlib
import os
import sys
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
        return peewee.SqliteDatabase(
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
