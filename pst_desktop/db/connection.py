"""Choosing and opening the database: ``--db``, ``PST_DATABASE_URL``, the settings, or the
embedded SQLite default in the user's data folder."""

from __future__ import annotations

import contextlib
import os

import peewee as pw

from models import migrations
from models.database import (
    DatabaseUrlError,
    bind,
    database_proxy,
    default_sqlite_url,
    make_database,
)
from pst_desktop.core.errors import DatabaseTrouble, first_line


class DatabaseUnavailable(Exception):
    """The database cannot be reached or used; the message is one plain line."""


def resolve_url(cli_url: str | None = None, settings_url: str | None = None) -> str:
    return cli_url or os.environ.get("PST_DATABASE_URL") or settings_url or default_sqlite_url()


def describe(url: str) -> str:
    """The URL without its password, for messages and logs."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}@{host}"
    return url


def open_database(url: str, upgrade: bool = True, *, bind_models: bool = True) -> pw.Database:
    """Connect, bind the models, and bring the schema up to date (unless ``upgrade`` is False).

    ``bind_models=False`` (a station opening on a pool thread): the app's models are not bound
    to it; they point at it on this thread only while the schema is brought up to date
    (``pst_desktop.db.server``), and the GUI thread binds it later."""
    try:
        db = make_database(url)
    except (DatabaseUrlError, ValueError) as exc:  # ValueError: e.g. a port that is no number
        raise DatabaseUnavailable(first_line(exc)) from exc
    try:
        db.connect(reuse_if_open=True)
        # SQLite opens any file lazily: read it once, so a file that is not a database (or a
        # PostgreSQL option the server refuses) is one line here, not a traceback later
        db.execute_sql("SELECT 1").fetchone()
    except (pw.DatabaseError, pw.InterfaceError, DatabaseTrouble) as exc:
        _close_quietly(db)
        raise DatabaseUnavailable(f"cannot connect to {describe(url)}: {first_line(exc)}") from exc
    if bind_models:
        bind(db)
    if upgrade:
        try:
            with contextlib.nullcontext() if bind_models else _models_bound_here(db):
                migrations.upgrade(db)
        except (pw.DatabaseError, pw.InterfaceError, DatabaseTrouble) as exc:
            raise DatabaseUnavailable(
                f"cannot bring the schema of {describe(url)} up to date: {first_line(exc)}"
            ) from exc
    return db


def _close_quietly(db: pw.Database) -> None:
    with contextlib.suppress(Exception):  # closing what failed to open: nothing to say
        db.close()
        if hasattr(db, "close_idle"):
            db.close_idle()  # a pool's connections too


def _models_bound_here(db: pw.Database):
    from pst_desktop.db.server import models_bound_here  # (it imports this module)

    return models_bound_here(db)


def app_database() -> pw.Database | None:
    """The database the app's models are bound to now (``open_database`` bound it): the one a
    window's reads, writes and change watcher run on."""
    return database_proxy.obj
