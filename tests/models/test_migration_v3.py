"""Schema step 3 on a database made by an older version (no online columns, no search index)."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest
from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

from models import entities as e
from models import migrations
from models.database import bind, database_proxy, make_database
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.officer.consultations import search


@pytest.fixture
def raw_db(db_url):
    database = make_database(db_url)
    database.connect()
    bind(database)
    yield database
    database.close()
    database_proxy.initialize(None)


def test_upgrade_from_version_2_adds_the_columns_and_indexes_old_records(raw_db):
    migrations.upgrade(raw_db, target=2)
    sqlite = isinstance(raw_db, pw.SqliteDatabase)
    migrator = SqliteMigrator(raw_db) if sqlite else PostgresqlMigrator(raw_db)
    # make it look like a version-2 database of the older program (step 1 built it from today's
    # models, which already have the step-3 columns)
    migrate(*(migrator.drop_column(t, c) for t, c, _ in migrations._V3_COLUMNS))
    assert "contact" not in {c.name for c in raw_db.get_columns("visit")}
    clock = FixedClock(dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC))
    office = create_office(clock)
    service = e.ServiceType.get(e.ServiceType.office == office)
    now = clock.now()
    raw_db.execute_sql(
        "INSERT INTO visit (office_id, service_id, ticket_service_id, purpose, channel, day, "
        "number, status, issued_at, call_count, cancel_reason, updated_at) "
        + (
            "VALUES (?, ?, ?, '', 'walk_in', ?, 1, 'done', ?, 1, '', ?)"
            if sqlite
            else "VALUES (%s, %s, %s, '', 'walk_in', %s, 1, 'done', %s, 1, '', %s)"
        ),
        (
            office.id,
            service.id,
            service.id,
            dt.date(2026, 11, 24),
            now.replace(tzinfo=None),
            now.replace(tzinfo=None),
        ),
    )
    visit_id = raw_db.execute_sql("SELECT max(id) FROM visit").fetchone()[0]
    raw_db.execute_sql(
        "INSERT INTO consultation (visit_id, topic, question, answer, data_requested, "
        "publications, need_met, follow_up, notes, created_at, updated_at) VALUES "
        + (
            "(?, 'Sensus Pertanian', 'ST2023?', 'Hasil ST2023 di publikasi.', '', '', '', "
            "'', '', ?, ?)"
            if sqlite
            else "(%s, 'Sensus Pertanian', 'ST2023?', 'Hasil ST2023 di publikasi.', '', '', '', "
            "'', '', %s, %s)"
        ),
        (visit_id, now.replace(tzinfo=None), now.replace(tzinfo=None)),
    )

    assert migrations.upgrade(raw_db)[:1] == [3]  # then any later steps

    for model in e.ALL_TABLES:
        columns = {c.name for c in raw_db.get_columns(model._meta.table_name)}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, model.__name__
    visit = e.Visit.get_by_id(visit_id)
    assert (visit.contact, visit.online_status, visit.closed_by_auto) == ("", "", False)
    assert not e.Consultation.get(e.Consultation.visit == visit_id).is_draft
    assert [h.visit_id for h in search(office.id, "sensus")] == [visit_id]
