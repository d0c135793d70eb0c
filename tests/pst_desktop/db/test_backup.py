"""``pst-desktop db backup`` / ``db restore``: a round trip loses nothing, on both databases and
across them; a database with data is not overwritten without ``--force``."""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
import zipfile

import peewee as pw
import pytest

from models.database import database_proxy, make_database
from models.entities import Office, Visitor
from models.migrations import LATEST
from pst_desktop import cli, demo
from pst_desktop.core.clock import FixedClock
from pst_desktop.db import backup
from tests.support import PG_URL, create_pg_schema, drop_pg_schema, wib, with_schema

LOGO = bytes(range(256)) * 3


@pytest.fixture(autouse=True)
def unbind():
    yield
    if database_proxy.obj is not None:
        database_proxy.obj.close()
    database_proxy.initialize(None)


@pytest.fixture
def other_url(tmp_path):
    """Make more empty databases: ``other_url("sqlite")`` or ``other_url("postgres")``."""
    schemas: list[str] = []

    def make(kind: str) -> str:
        if kind == "sqlite":
            return "sqlite:///" + str(tmp_path / f"other-{uuid.uuid4().hex[:6]}.db")
        if not PG_URL:
            pytest.skip("PST_TEST_DATABASE_URL is not set")
        schema = "t_" + uuid.uuid4().hex[:12]
        create_pg_schema(schema)
        schemas.append(schema)
        return with_schema(PG_URL, schema)

    yield make
    for schema in schemas:
        drop_pg_schema(schema)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def fill(url: str) -> dict[str, list[tuple]]:
    """Three days of demo data and a logo; returns the snapshot of every table."""
    assert cli.main(["--db", url, "db", "init"]) == 0
    cli._open(_args(url))
    demo.generate(days=3, seed=1, end="2026-11-20", clock=FixedClock(wib(2026, 11, 24, 10, 0)))
    Office.update(logo=LOGO).execute()
    return snapshot(url)


def _args(url: str):
    import argparse

    return argparse.Namespace(db=url)


def snapshot(url: str) -> dict[str, list[tuple]]:
    db = make_database(url)
    db.connect()
    try:
        tables = {}
        for model in backup.TABLES:
            _fields, rows = backup._read_rows(db, model)
            tables[model._meta.table_name] = [
                tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in rows
            ]
        return tables
    finally:
        db.close()


def assert_same(before: dict[str, list[tuple]], after: dict[str, list[tuple]]) -> None:
    assert set(before) == set(after)
    for table in before:
        assert after[table] == before[table], table
    assert before["visit"] and before["visitor"] and before["rating"] and before["consultation"]
    assert before["office"][0][list(Office._meta.sorted_field_names).index("logo")] == LOGO


@pytest.mark.parametrize("portable", [False, True], ids=["native", "portable"])
def test_round_trip_loses_nothing(capsys, db_url, other_url, tmp_path, portable):
    before = fill(db_url)
    kind = "sqlite" if db_url.startswith("sqlite") else "postgres"
    file = tmp_path / "pst-backup.bin"
    args = ["--db", db_url, "db", "backup", str(file)] + (["--portable"] if portable else [])
    code, out, err = run(capsys, *args)
    assert code == 0, err
    total = sum(len(rows) for rows in before.values())
    assert f"{total} rows" in out
    target = other_url(kind)
    code, out, err = run(capsys, "--db", target, "db", "restore", str(file))
    assert code == 0, err
    assert f"{total} rows" in out
    assert_same(before, snapshot(target))
    # the ids go on after the restored ones (PostgreSQL sequences were moved)
    cli._open(_args(target))
    now = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
    visitor = Visitor.create(office=1, name="Baru", created_at=now, updated_at=now)
    assert visitor.id == max(row[0] for row in before["visitor"]) + 1


def test_portable_dump_holds_a_manifest_and_base64_logo(capsys, db_url, tmp_path):
    fill(db_url)
    file = tmp_path / "dump.zip"
    assert run(capsys, "--db", db_url, "db", "backup", "--portable", str(file))[0] == 0
    with zipfile.ZipFile(file) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["format"] == "pst-desktop-dump" and manifest["schema_version"] == LATEST
        assert manifest["tables"][0] == "office" and "schema_version" not in manifest["tables"]
        lines = io.TextIOWrapper(archive.open("tables/office.jsonl"), encoding="utf-8")
        columns = json.loads(lines.readline())["columns"]
        office = json.loads(lines.readline())
    logo = office[columns.index("logo")]
    assert set(logo) == {"b64"}


@pytest.mark.postgres
@pytest.mark.parametrize("direction", ["sqlite-to-postgres", "postgres-to-sqlite"])
def test_across_databases(capsys, other_url, tmp_path, direction):
    source_kind, target_kind = direction.split("-to-")
    source = other_url(source_kind)
    before = fill(source)
    file = tmp_path / "backup"
    assert run(capsys, "--db", source, "db", "backup", str(file))[0] == 0
    target = other_url(target_kind)
    code, _, err = run(capsys, "--db", target, "db", "restore", str(file))
    assert code == 0, err
    assert_same(before, snapshot(target))


def test_restore_refuses_a_database_with_data_unless_forced(capsys, db_url, tmp_path):
    before = fill(db_url)
    file = tmp_path / "dump.zip"
    assert run(capsys, "--db", db_url, "db", "backup", "--portable", str(file))[0] == 0
    code, _, err = run(capsys, "--db", db_url, "db", "restore", str(file))
    assert code == 1
    assert "already holds data" in err and "--force" in err
    assert err.count("\n") == 1
    cli._open(_args(db_url))
    Visitor.delete().where(Visitor.id > 3).execute()  # changed after the backup
    database_proxy.obj.close()
    code, _, err = run(capsys, "--db", db_url, "db", "restore", "--force", str(file))
    assert code == 0, err
    assert_same(before, snapshot(db_url))


def test_bad_files_are_one_clear_line(capsys, db_url, tmp_path):
    missing = tmp_path / "nope.zip"
    code, _, err = run(capsys, "--db", db_url, "db", "restore", str(missing))
    assert code == 1 and "There is no backup file" in err
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a backup at all")
    code, _, err = run(capsys, "--db", db_url, "db", "restore", str(junk))
    assert code == 1 and "is not a PST Desktop backup" in err
    code, _, err = run(capsys, "--db", db_url, "db", "backup", str(tmp_path / "x" / "b.zip"))
    assert code == 1 and "does not exist" in err
    code, _, err = run(capsys, "--db", db_url, "db", "backup", str(tmp_path / "b.zip"))
    assert code == 1 and "no schema yet" in err


def test_a_newer_backup_is_refused(capsys, db_url, tmp_path):
    fill(db_url)
    file = tmp_path / "dump.zip"
    assert run(capsys, "--db", db_url, "db", "backup", "--portable", str(file))[0] == 0
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(file) as src, zipfile.ZipFile(newer, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["schema_version"] = LATEST + 1
                data = json.dumps(manifest).encode()
            dst.writestr(item, data)
    empty = "sqlite:///" + str(tmp_path / "empty.db")
    code, _, err = run(capsys, "--db", empty, "db", "restore", str(newer))
    assert code == 1 and "newer than this program" in err


def test_sqlite_copy_is_a_sqlite_database(capsys, tmp_path):
    url = "sqlite:///" + str(tmp_path / "pst.db")
    fill(url)
    file = tmp_path / "copy.db"
    assert run(capsys, "--db", url, "db", "backup", str(file))[0] == 0
    copy = pw.SqliteDatabase(str(file))
    assert copy.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()


def old_office(url: str) -> None:
    """An SQLite office filled by an older version, before input was cleaned: a NUL in a
    name, an "other occupation" over its 120 characters, a purpose over its 40 (SQLite stored
    them)."""
    fill(url)
    db = make_database(url)
    db.connect()
    try:
        db.execute_sql(
            "UPDATE visitor SET name = ?, occupation = 'other', occupation_other = ? WHERE id = 1",
            ("Siti\x00 Aminah", "Petani kopi " * 15),
        )
        db.execute_sql("UPDATE visit SET purpose = ? WHERE id = 1", ("p" * 55,))
    finally:
        db.close()


@pytest.mark.parametrize("portable", [False, True], ids=["native", "portable"])
@pytest.mark.parametrize("target_kind", ["sqlite", "postgres"])
def test_what_an_older_version_stored_restores_onto_either_database(
    capsys, other_url, tmp_path, portable, target_kind
):
    """A restore onto PostgreSQL of anything the app accepted works."""
    source = other_url("sqlite")
    old_office(source)
    file = tmp_path / "backup"
    args = ["--db", source, "db", "backup", str(file)] + (["--portable"] if portable else [])
    assert run(capsys, *args)[0] == 0
    target = other_url(target_kind)
    code, _, err = run(capsys, "--db", target, "db", "restore", str(file))
    assert code == 0, err
    if target_kind == "sqlite" and not portable:
        return  # a native copy onto SQLite is the same file, byte for byte
    cli._open(_args(target))
    visitor = Visitor.get_by_id(1)
    assert visitor.name == "Siti Aminah"
    assert visitor.occupation_other == ("Petani kopi " * 15)[: Visitor.occupation_other.max_length]
    from models.entities import Visit

    assert Visit.get_by_id(1).purpose == "p" * Visit.purpose.max_length


@pytest.mark.parametrize("forced", [False, True], ids=["empty-target", "forced-over-data"])
def test_a_failing_restore_leaves_the_target_as_it_was(capsys, db_url, tmp_path, forced):
    """One line, and no empty schema (or lost data) left behind."""
    source = "sqlite:///" + str(tmp_path / "source.db")
    fill(source)
    file = tmp_path / "dump.zip"
    assert run(capsys, "--db", source, "db", "backup", "--portable", str(file))[0] == 0
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(file) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "tables/visit.jsonl":
                lines = data.decode().splitlines()
                columns = json.loads(lines[0])["columns"]
                last = json.loads(lines[-1])
                last[columns.index("service_id")] = 99999  # no such service: the insert fails
                data = "\n".join([*lines[:-1], json.dumps(last)]).encode() + b"\n"
            dst.writestr(item, data)
    before = fill(db_url) if forced else None
    capsys.readouterr()
    args = ["--db", db_url, "db", "restore", str(broken)] + (["--force"] if forced else [])
    code, out, err = run(capsys, *args)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "changed nothing" in err and "Traceback" not in err
    if forced:
        assert_same(before, snapshot(db_url))
    else:
        db = make_database(db_url)
        db.connect()
        try:
            assert db.get_tables() == []
        finally:
            db.close()


def test_ikm_responses_of_a_backup_from_before_the_survey_tables_reach_them(tmp_path):
    """A backup made before schema step 9 holds its IKM responses in ``ikm_response``; restored
    into a database past that step they are moved into the survey tables the report reads."""
    from models import migrations
    from models.entities import IkmResponse, SurveyAnswer, SurveyResponse

    source = make_database("sqlite:///" + str(tmp_path / "v8.db"))
    source.connect()
    migrations.upgrade(source, target=backup.IKM_MOVED_AT - 1, backup=False)
    now = wib(2026, 11, 2, 9, 0)
    office_id = Office.insert(name="BPS Kota Contoh", created_at=now).execute(source)
    scores = dict(zip([f"u{i}" for i in range(1, 10)], (4, 3, 3, 4, 3, 4, 4, 3, 3), strict=True))
    IkmResponse.insert(
        office=office_id, day=dt.date(2026, 11, 2), created_at=now, **scores
    ).execute(source)
    target = make_database("sqlite:///" + str(tmp_path / "new.db"))
    target.connect()
    migrations.upgrade(target, backup=False)
    try:
        tables = {
            m._meta.table_name: (lambda m=m: backup._read_rows(source, m))
            for m in (Office, IkmResponse)
        }
        counts = backup._load(target, backup.IKM_MOVED_AT - 1, tables)
        assert counts["ikm_response"] == 1
        assert IkmResponse.select().count(target) == 0
        (response,) = SurveyResponse.select().execute(target)
        assert (response.instrument, response.office_id) == ("ikm", office_id)
        assert SurveyAnswer.select().where(SurveyAnswer.response == response.id).count(target) == 9
    finally:
        source.close()
        target.close()
