"""Schema step 9 on a database of version 8: the IKM responses of step 4 move into the survey
tables (instrument "ikm", channel not recorded) with the same scores, and leave
``ikm_response``; the SKD attributes are seeded."""

from __future__ import annotations

import datetime as dt

import pytest

from models import entities as e
from models import migrations
from models.database import bind, database_proxy, make_database
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock


@pytest.fixture
def raw_db(db_url):
    database = make_database(db_url)
    database.connect()
    bind(database)
    yield database
    database.close()
    database_proxy.initialize(None)


def test_ikm_responses_move_into_the_survey_tables(raw_db):
    migrations.upgrade(raw_db, target=8)
    clock = FixedClock(dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC))
    office = create_office(clock)
    service = e.ServiceType.get(e.ServiceType.office == office)
    now = clock.now()
    visit = e.Visit.create(
        office=office,
        service=service,
        ticket_service=service,
        day=dt.date(2026, 11, 23),
        number=1,
        status="done",
        issued_at=now,
        updated_at=now,
    )
    scores = [(4, 3, 3, 4, 3, 4, 4, 3, 3), (3, 2, 3, 4, 3, 3, 3, 2, 3)]
    for i, row in enumerate(scores):
        e.IkmResponse.create(
            office=office,
            visit=visit if i == 0 else None,
            day=dt.date(2026, 11, 23 + i),
            created_at=now,
            **{f"u{n}": v for n, v in enumerate(row, start=1)},
        )

    assert migrations.upgrade(raw_db, target=9) == [9]

    assert e.IkmResponse.select().count() == 0
    responses = list(e.SurveyResponse.select().order_by(e.SurveyResponse.day))
    assert [(r.instrument, r.channel, r.day, r.visit_id) for r in responses] == [
        ("ikm", "", dt.date(2026, 11, 23), visit.id),
        ("ikm", "", dt.date(2026, 11, 24), None),
    ]
    for response, row in zip(responses, scores, strict=True):
        answers = {
            a.item: a.value
            for a in e.SurveyAnswer.select().where(e.SurveyAnswer.response == response)
        }
        assert answers == {f"U{n}": v for n, v in enumerate(row, start=1)}
        assert {a.aspect for a in response.answers} == {"score"}
    codes = [a.code for a in e.SkdAttribute.select().order_by(e.SkdAttribute.sort_order)]
    assert codes == [f"skd{n:02d}" for n in range(1, 17)]
    assert all(a.label_id and a.label_en and a.active for a in e.SkdAttribute.select())
