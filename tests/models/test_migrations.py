import datetime as dt
from pathlib import Path

import peewee as pw
import pytest

from models import entities as e
from models import migrations
from models.database import bind, database_proxy, make_database
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock


@pytest.fixture
def raw_db(db_url):
    """A connected, bound database with no schema at all."""
    database = make_database(db_url)
    database.connect()
    bind(database)
    yield database
    database.close()
    database_proxy.initialize(None)


def test_new_database_gets_every_step(raw_db):
    assert migrations.current_version(raw_db) == 0
    assert migrations.upgrade(raw_db) == list(range(1, migrations.LATEST + 1))
    assert migrations.current_version(raw_db) == migrations.LATEST
    assert migrations.upgrade(raw_db) == []  # idempotent


def test_schema_matches_the_models(raw_db):
    migrations.upgrade(raw_db)
    for model in e.ALL_TABLES:
        columns = {c.name for c in raw_db.get_columns(model._meta.table_name)}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, model.__name__


def test_upgrade_from_version_1_keeps_every_row(raw_db, tmp_path):
    clock = FixedClock(dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC))
    migrations.upgrade(raw_db, target=1)
    assert migrations.current_version(raw_db) == 1
    assert not raw_db.table_exists("category_option")
    office = create_office(clock)
    now = clock.now()
    visitor = e.Visitor.create(
        office=office, name="Lama", email="lama@example.com", created_at=now, updated_at=now
    )
    service = e.ServiceType.get(e.ServiceType.office == office)
    visit = e.Visit.create(
        office=office,
        visitor=visitor,
        service=service,
        ticket_service=service,
        day=dt.date(2026, 11, 24),
        number=1,
        issued_at=now,
        updated_at=now,
    )
    counts = {m.__name__: m.select().count() for m in e.TABLES_V1}

    assert migrations.upgrade(raw_db) == list(range(2, migrations.LATEST + 1))

    assert {m.__name__: m.select().count() for m in e.TABLES_V1} == counts
    assert e.Visit.get_by_id(visit.id).visitor.name == "Lama"
    assert e.CategoryOption.select().where(e.CategoryOption.list_name == "education").count() == 5
    if isinstance(raw_db, pw.SqliteDatabase):
        backups = list(Path(raw_db.database).parent.glob("pst.db.before-v2-*.bak"))
        assert len(backups) == 1
        import sqlite3

        with sqlite3.connect(backups[0]) as old:
            assert old.execute("SELECT name FROM visitor").fetchall() == [("Lama",)]
            assert old.execute("SELECT max(version) FROM schema_version").fetchone() == (1,)


def test_newer_database_is_refused(raw_db):
    migrations.upgrade(raw_db)
    e.SchemaVersion.create(version=99, description="future", applied_at=dt.datetime.now(dt.UTC))
    with pytest.raises(RuntimeError, match="newer than this program"):
        migrations.upgrade(raw_db)


def test_one_held_ticket_per_officer_is_enforced_by_the_schema(db, office, clock):
    now = clock.now()
    service = e.ServiceType.get(e.ServiceType.office == office)
    officer = e.UserAccount.create(
        office=office,
        username="o",
        full_name="O",
        role="officer",
        password_hash="x",
        created_at=now,
    )

    def visit(number, status):
        return e.Visit.create(
            office=office,
            service=service,
            ticket_service=service,
            day=dt.date(2026, 11, 24),
            number=number,
            status=status,
            officer=officer,
            issued_at=now,
            updated_at=now,
        )

    visit(1, "done")
    visit(2, "done")  # finished tickets do not count
    visit(3, "called")
    with pytest.raises(pw.IntegrityError), db.atomic():
        visit(4, "serving")


def test_ticket_numbers_are_unique_per_service_and_day(db, office, clock):
    now = clock.now()
    service = e.ServiceType.get(e.ServiceType.office == office)
    fields = dict(
        office=office, service=service, ticket_service=service, issued_at=now, updated_at=now
    )
    e.Visit.create(day=dt.date(2026, 11, 24), number=1, **fields)
    e.Visit.create(day=dt.date(2026, 11, 25), number=1, **fields)
    with pytest.raises(pw.IntegrityError), db.atomic():
        e.Visit.create(day=dt.date(2026, 11, 24), number=1, **fields)


def test_fresh_and_upgraded_databases_accept_the_same_raw_insert(raw_db):
    """Columns added after step 1 have database defaults on both paths (bulk loaders rely on it)."""
    migrations.upgrade(raw_db)
    clock = FixedClock(dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC))
    office = create_office(clock)
    service = e.ServiceType.get(e.ServiceType.office == office)
    raw_db.execute_sql(
        'INSERT INTO "visit" (office_id, service_id, ticket_service_id, purpose, channel, day, '
        "number, status, issued_at, updated_at, call_count, cancel_reason) "
        "VALUES (%s, %s, %s, '', 'walk_in', '2026-11-24', 1, 'waiting', "
        "'2026-11-24 03:00:00', '2026-11-24 03:00:00', 0, '')".replace(
            "%s", "?" if isinstance(raw_db, pw.SqliteDatabase) else "%s"
        ),
        (office.id, service.id, service.id),
    )
    visit = e.Visit.get()
    assert (visit.contact, visit.online_status, visit.closed_by_auto) == ("", "", False)


def test_step_6_adds_the_session_version_to_existing_accounts(raw_db):
    """An office database of version 5 (no session_version column) keeps its accounts."""
    clock = FixedClock(dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC))
    migrations.upgrade(raw_db, target=5)
    raw_db.execute_sql('ALTER TABLE "user_account" DROP COLUMN "session_version"')
    office = create_office(clock)
    raw_db.execute_sql(
        'INSERT INTO "user_account" (office_id, username, full_name, role, active, '
        "password_hash, failed_logins, created_at) VALUES (%s, 'lama', 'Lama', 'officer', %s, "
        "'x', 0, %s)".replace("%s", "?" if isinstance(raw_db, pw.SqliteDatabase) else "%s"),
        (office.id, True, clock.now().replace(tzinfo=None)),
    )

    assert migrations.upgrade(raw_db) == list(range(6, migrations.LATEST + 1))

    account = e.UserAccount.get(e.UserAccount.username == "lama")
    assert account.session_version == 0 and account.full_name == "Lama"


def test_step_8_indexes_open_tickets_of_earlier_days(raw_db):
    """A version-7 database (no (office, status, day) index) gets it; the day-end check that
    every F9 and F2 makes then reads it instead of a year of visits."""
    migrations.upgrade(raw_db, target=7)
    raw_db.execute_sql('DROP INDEX "visit_office_id_status_day"')
    assert "visit_office_id_status_day" not in {i.name for i in raw_db.get_indexes("visit")}

    assert migrations.upgrade(raw_db) == list(range(8, migrations.LATEST + 1))

    index = {i.name: i for i in raw_db.get_indexes("visit")}["visit_office_id_status_day"]
    assert index.columns == ["office_id", "status", "day"]
    if isinstance(raw_db, pw.SqliteDatabase):
        plan = " ".join(
            str(row[-1])
            for row in raw_db.execute_sql(
                'EXPLAIN QUERY PLAN SELECT 1 FROM "visit" WHERE "office_id" = 1 AND '
                '"day" < \'2026-11-24\' AND "channel" = \'walk_in\' AND "status" IN '
                "('waiting', 'called', 'serving') LIMIT 1"
            )
        )
        assert "visit_office_id_status_day" in plan, plan


def test_current_version_reads_the_database_it_is_given(raw_db, tmp_path):
    """The one schema-version reader serves a database the models are not bound to (a backup
    file, the setup wizard's test connection) as well as the bound one."""
    migrations.upgrade(raw_db)
    other_path = tmp_path / "other.db"
    import sqlite3

    with sqlite3.connect(other_path) as other:
        other.execute(
            'CREATE TABLE "schema_version" ("version" INTEGER PRIMARY KEY, "description" '
            'VARCHAR(200) NOT NULL, "applied_at" DATETIME NOT NULL)'
        )
        other.execute("INSERT INTO schema_version VALUES (3, 'v3', '2026-11-24 03:00:00')")
    other_db = pw.SqliteDatabase(str(other_path))
    empty_db = pw.SqliteDatabase(str(tmp_path / "empty.db"))
    try:
        assert migrations.current_version(other_db) == 3
        assert migrations.current_version(empty_db) == 0
        assert migrations.current_version(raw_db) == migrations.LATEST
    finally:
        other_db.close()
        empty_db.close()
