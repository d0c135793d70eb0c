"""Helpers the tests share (not fixtures): time zones, PostgreSQL schemas."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

import psycopg
import pytest

WIB = ZoneInfo("Asia/Jakarta")
PG_URL = os.environ.get("PST_TEST_DATABASE_URL", "")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def wib(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=WIB)


def with_schema(url: str, schema: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}schema={schema}"


def create_pg_schema(name: str) -> None:
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')


def drop_pg_schema(name: str) -> None:
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
