"""Choosing and opening the database: ``--db``, ``PST_DATABASE_URL``, the settings, or the
embedded SQLite default in the user's data folder."""

from __future__ import annotations

import os

import peewee as pw

from models import migrations
from models.database import DatabaseUrlError, bind, default_sqlite_url, make_database


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


def open_database(url: str, upgrade: bool = True) -> pw.Database:
    """Connect, bind the models, and bring the schema up to date (unless ``upgrade`` is False)."""
    try:
        db = make_database(url)
    except DatabaseUrlError as exc:
        raise DatabaseUnavailable(str(exc)) from exc
    try:
        db.connect(reuse_if_open=True)
    except pw.OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseUnavailable(f"cannot connect to {describe(url)}: {first_line}") from exc
    bind(db)
    if upgrade:
        migrations.upgrade(db)
    return db
