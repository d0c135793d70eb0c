"""Who did what, against a hand count of ``report_support.make_month`` (times in its table).

Ani at Meja 1 called visits 1, 3 and 10; Budi at Meja 2 called 2, 4 (skipped) and 9.

| officer | waits (min)   | services (min)      | service ≤ 3 h | rated ≤ 5 min      | ratings        |
| Ani     | 10, 30, 10    | 30, 180 + 1 s, 40   | 2 of 3        | 3 min, none, 2 min | 4/4, 5/5 → 4.0 |
| Budi    | 20, 40, 2     | 180, 30             | 2 of 2        | 6 min, 5:00        | 2/4, 3/4 → 2.5 |

Follow-ups added here: one for visit 2 (Budi's) closed by Ani on 4 November, one for visit 3
(Ani's) still open, one closed by Ani in October (outside the range).
"""  # noqa: E501

from __future__ import annotations

import datetime as dt

import pytest

from models.entities import FollowUp, Visit
from pst_desktop.reporting.who_did_what import who_did_what
from tests.pst_desktop.report_support import NOVEMBER, make_month
from tests.support import wib

NOW = wib(2026, 12, 1, 10, 0)


@pytest.fixture
def month(db, office, make_actor):
    ids = make_month(office, make_actor)

    def follow_up(origin, visit_id, opened, closed=None, taken_by=None):
        FollowUp.create(
            office=office,
            visit=visit_id,
            origin=origin,
            source="low_rating",
            opened_at=opened,
            due_at=opened + dt.timedelta(days=3),
            taken_by=taken_by,
            taken_at=opened if taken_by else None,
            action_note="Ditelepon" if closed else "",
            closed_at=closed,
        )

    visit_2 = (
        Visit.select(Visit.id)
        .where((Visit.day == dt.date(2026, 11, 2)) & (Visit.number == 2))
        .get()
        .id
    )
    visit_3 = (
        Visit.select(Visit.id)
        .where((Visit.day == dt.date(2026, 11, 3)) & (Visit.status == "done"))
        .get()
        .id
    )
    follow_up("visit:2", visit_2, wib(2026, 11, 2, 12, 0), wib(2026, 11, 4, 9, 0), ids["ani"])
    follow_up("visit:3", visit_3, wib(2026, 11, 3, 13, 0))
    follow_up("complaint:x", None, wib(2026, 10, 1, 9, 0), wib(2026, 10, 2, 9, 0), ids["ani"])
    ids["office"] = office.id
    return ids


def test_one_row_per_officer_as_counted_by_hand(month):
    table = who_did_what(month["office"], *NOVEMBER, NOW)
    assert table.scale_max == 4
    ani, budi = table.by_officer
    assert (ani.id, ani.name, budi.id, budi.name) == (
        month["ani"],
        "Ani Lestari",
        month["budi"],
        "Budi Santoso",
    )
    assert (ani.called, ani.served, ani.services_delivered) == (3, 3, 3)
    assert (budi.called, budi.served, budi.services_delivered) == (3, 2, 2)
    assert (ani.wait_median, ani.wait_p90) == (10, 30)
    assert (budi.wait_median, budi.wait_p90) == (20, 40)
    assert ani.service_median == 40
    assert ani.service_p90 == pytest.approx(180 + 1 / 60)
    assert (budi.service_median, budi.service_p90) == (105, 180)
    assert (ani.service_met, ani.service_measured) == (2, 3)
    assert (budi.service_met, budi.service_measured) == (2, 2)
    assert (ani.rating_met, ani.rating_measured) == (2, 3)  # visit 3 never rated
    assert (budi.rating_met, budi.rating_measured) == (1, 2)  # 6 min late; 5:00 is met
    assert (ani.ratings, ani.rating_average) == (2, 4.0)  # 5 of 5 is 4 of 4
    assert (budi.ratings, budi.rating_average) == (2, 2.5)
    assert (ani.follow_ups_opened, ani.follow_ups_closed) == (1, 1)  # October's is outside
    assert (budi.follow_ups_opened, budi.follow_ups_closed) == (1, 0)
    assert ani.service_percent == pytest.approx(200 / 3)


def test_one_row_per_desk_with_the_same_work(month):
    table = who_did_what(month["office"], *NOVEMBER, NOW)
    meja1, meja2 = table.by_desk
    assert (meja1.id, meja1.name, meja2.id, meja2.name) == (
        month["meja1"],
        "Meja 1",
        month["meja2"],
        "Meja 2",
    )
    assert (meja1.served, meja1.wait_median, meja1.rating_average) == (3, 10, 4.0)
    assert (meja2.served, meja2.service_median, meja2.rating_met) == (2, 105, 1)
    assert meja1.follow_ups_closed == 0  # a desk closes nothing


def test_a_rating_still_within_its_five_minutes_is_not_measured(month):
    """Seen on 3 November at 12:43, visit 3 (finished 12:41:01, never rated) is still within
    its five minutes: served, but not measured for the rating standard yet."""
    table = who_did_what(
        month["office"], dt.date(2026, 11, 3), dt.date(2026, 11, 3), wib(2026, 11, 3, 12, 43)
    )
    (ani,) = [row for row in table.by_officer if row.name == "Ani Lestari"]
    assert (ani.served, ani.rating_measured, ani.rating_met) == (1, 0, 0)


def test_an_empty_range_has_no_rows(db, office):
    table = who_did_what(office.id, dt.date(2026, 1, 1), dt.date(2026, 1, 31), NOW)
    assert (table.by_officer, table.by_desk, table.scale_max) == ((), (), 4)
