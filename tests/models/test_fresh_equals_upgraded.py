"""A fresh schema equals an upgraded one.

A new office database runs every step from an empty one; an office database made by an older
program version runs only the steps it lacks.  Both must end with the same tables, columns (type,
null, default), indexes (columns, unique, definition) and, on SQLite, triggers; and the fresh one
must hold what the models declare plus what the steps add beyond them (``STEP_INDEXES``, the
search indexes).  Step 1 builds its tables from today's models, so "made by an older version"
means: upgraded to that version, then without what the later steps add to step 1's tables
(``LATER``, written out here).  A step removed from ``migrations.STEPS`` or changed makes one of
these checks fail."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import peewee as pw
import pytest
from playhouse.migrate import SchemaMigrator, migrate

from models import entities as e
from models import migrations
from models.database import bind, database_proxy, make_database
from tests.support import create_pg_schema, drop_pg_schema

#: what each later step adds to a table step 1 creates, written out here (not taken from
#: ``migrations``, so a changed step shows): step -> (columns, indexes) as ``(table, name)``;
#: a database of an older version lacks them
LATER: dict[int, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    3: (
        [
            ("visit", "contact"),
            ("visit", "online_status"),
            ("visit", "opened_at"),
            ("visit", "first_answer_at"),
            ("visit", "waiting_for_user_since"),
            ("visit", "closed_at"),
            ("visit", "closed_by_auto"),
            ("consultation", "is_draft"),
        ],
        [],
    ),
    6: ([("user_account", "session_version")], []),
    8: ([], [("visit", "visit_office_id_status_day")]),
    10: (
        [
            ("visit", "priority"),
            ("visit", "priority_note"),
            ("visit", "call_reason"),
            ("visit", "call_seq"),
            ("visit", "call_assist"),
        ],
        [],
    ),
}

#: indexes the steps make beyond the models': table -> {name: (columns, unique)}
STEP_INDEXES = {
    "visit": {
        "visit_one_held_ticket_per_officer": (("officer_id",), True),
        "visit_online_status_since": (
            ("office_id", "online_status", "waiting_for_user_since"),
            False,
        ),
    },
}
#: the search indexes (steps 3 and 7): SQLite FTS5 tables and their triggers
SQLITE_SEARCH_TABLES = {"consultation_fts", "visitor_fts"}
SQLITE_SEARCH_TRIGGERS = {
    f"{t}_{kind}" for t in SQLITE_SEARCH_TABLES for kind in ("ai", "ad", "au")
}
#: PostgreSQL GIN indexes: table -> names (the trigram ones only where pg_trgm is available)
PG_SEARCH_INDEXES = {"consultation": {"consultation_fts_idx"}}
PG_TRIGRAM_INDEXES = {"visitor": {"visitor_name_trgm", "visitor_email_trgm", "visitor_phone_trgm"}}


def _normal(sql: str | None, schema: str | None) -> str | None:
    """An index or trigger definition without what differs between two equal databases: the
    PostgreSQL schema's name, ``IF NOT EXISTS``, spacing."""
    if sql is None:
        return None
    if schema:
        sql = sql.replace(f'"{schema}".', "").replace(f"{schema}.", "")
    sql = re.sub(r"\s+", " ", sql.replace("IF NOT EXISTS ", ""))
    return sql.strip()


def describe(db: pw.Database, schema: str | None) -> dict[str, object]:
    """What peewee's introspection says of ``db``'s schema, comparable between databases."""
    tables = {}
    for table in db.get_tables():
        columns = {
            c.name: (c.data_type, c.full_type, c.null, c.primary_key, _normal(c.default, schema))
            for c in db.get_columns(table)
        }
        indexes = {
            i.name: (tuple(i.columns), i.unique, _normal(i.sql, schema))
            for i in db.get_indexes(table)
        }
        tables[table] = {"columns": columns, "indexes": indexes}
    described: dict[str, object] = {"tables": tables}
    if isinstance(db, pw.SqliteDatabase):
        described["triggers"] = {
            name: _normal(sql, None)
            for name, sql in db.execute_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            )
        }
    described["versions"] = [
        tuple(row)
        for row in db.execute_sql(
            'SELECT "version", "description" FROM "schema_version" ORDER BY "version"'
        )
    ]
    return described


def differences(got: object, expected: object, where: str = "") -> list[str]:
    """Where two descriptions differ, one line each (a readable failure)."""
    if isinstance(got, dict) and isinstance(expected, dict):
        lines = []
        for key in sorted(set(got) | set(expected), key=str):
            if key not in got:
                lines.append(f"{where}/{key}: missing")
            elif key not in expected:
                lines.append(f"{where}/{key}: extra {got[key]!r}")
            else:
                lines += differences(got[key], expected[key], f"{where}/{key}")
        return lines
    return [] if got == expected else [f"{where}: {got!r} != {expected!r}"]


@pytest.fixture
def new_database(db_url: str, tmp_path: Path) -> Iterator[Callable[[], tuple[pw.Database, str]]]:
    """Makes empty databases of the test's kind, bound to the models: (database, PG schema)."""
    made: list[tuple[pw.Database, str | None]] = []

    def new() -> tuple[pw.Database, str | None]:
        name = "s" + uuid.uuid4().hex[:12]
        if db_url.startswith("sqlite"):
            url, schema = f"sqlite:///{tmp_path / name}.db", None
        else:
            schema = f"t_{name}"
            create_pg_schema(schema)
            url = db_url.split("?schema=")[0] + f"?schema={schema}"
        database = make_database(url)
        made.append((database, schema))
        database.connect()
        bind(database)
        return database, schema

    yield new
    for database, schema in made:
        database.close()
        if schema:
            drop_pg_schema(schema)
    database_proxy.initialize(None)


def as_an_older_version_made_it(db: pw.Database, version: int) -> None:
    """Upgrade an empty ``db`` to ``version``, then take away what later steps add to the
    tables step 1 made from today's models."""
    migrations.upgrade(db, target=version, backup=False)
    migrator = SchemaMigrator.from_database(db)
    operations = []
    for step, (columns, indexes) in LATER.items():
        if step > version:
            operations += [migrator.drop_index(table, name) for table, name in indexes]
            operations += [migrator.drop_column(table, name) for table, name in columns]
    with db.atomic():
        migrate(*operations)


def test_a_fresh_schema_equals_an_upgraded_one(new_database):
    fresh, schema = new_database()
    assert migrations.upgrade(fresh) == [s.version for s in migrations.STEPS]
    expected = describe(fresh, schema)

    # the fresh schema holds what the models declare and what the steps add beyond them (a step
    # removed from, or changed on, both paths alike would otherwise pass unseen)
    tables = expected["tables"]
    for model in [*e.ALL_TABLES, e.SchemaVersion]:
        table = model._meta.table_name
        assert table in tables, table
        assert set(tables[table]["columns"]) == {f.column_name for f in model._meta.sorted_fields}
        for index in model._meta.fields_to_index():
            assert index._name in tables[table]["indexes"], index._name
    for table, indexes in STEP_INDEXES.items():
        for name, (columns, unique) in indexes.items():
            assert name in tables[table]["indexes"], name
            assert tables[table]["indexes"][name][:2] == (columns, unique), name
    assert "WHERE" in tables["visit"]["indexes"]["visit_one_held_ticket_per_officer"][2]
    if isinstance(fresh, pw.SqliteDatabase):
        assert set(tables) >= SQLITE_SEARCH_TABLES
        assert set(expected["triggers"]) == SQLITE_SEARCH_TRIGGERS
    else:
        search = dict(PG_SEARCH_INDEXES)
        if fresh.execute_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").fetchone():
            search.update(PG_TRIGRAM_INDEXES)
        for table, names in search.items():
            assert names <= set(tables[table]["indexes"]), table

    for version in range(1, migrations.LATEST):
        upgraded, schema = new_database()
        as_an_older_version_made_it(upgraded, version)
        before = describe(upgraded, schema)
        assert before != expected, f"version {version} already looks like the latest"

        later = [s.version for s in migrations.STEPS if s.version > version]
        assert migrations.upgrade(upgraded) == later

        found = differences(describe(upgraded, schema), expected)
        assert not found, f"upgraded from version {version}:\n" + "\n".join(found)
