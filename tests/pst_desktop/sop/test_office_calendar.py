import datetime as dt

import pytest

from pst_desktop.sop.office_calendar import SOP_HOURS, OfficeCalendar, national_holidays
from tests.support import wib


@pytest.fixture
def calendar():
    return OfficeCalendar("Asia/Jakarta", SOP_HOURS)


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (wib(2026, 11, 24, 7, 59), False),  # Tuesday before opening
        (wib(2026, 11, 24, 8, 0), True),
        (wib(2026, 11, 24, 12, 0), True),  # no lunch break
        (wib(2026, 11, 24, 15, 29), True),
        (wib(2026, 11, 24, 15, 30), False),  # Mon–Thu close at 15:30
        (wib(2026, 11, 27, 15, 59), True),  # Friday 15:59
        (wib(2026, 11, 27, 16, 0), False),  # Friday closes at 16:00
        (wib(2026, 11, 28, 10, 0), False),  # Saturday
        (wib(2026, 12, 25, 10, 0), False),  # Christmas (a Friday)
        (wib(2026, 12, 24, 10, 0), False),  # cuti bersama Natal
    ],
)
def test_service_hours_follow_the_sop(calendar, moment, is_open):
    assert calendar.is_open(moment) is is_open


def test_office_time_zone_decides_the_hours():
    wita = OfficeCalendar("Asia/Makassar", SOP_HOURS)  # UTC+8
    assert not wita.is_open(wib(2026, 11, 24, 6, 30))  # 07:30 WITA
    assert wita.is_open(wib(2026, 11, 24, 7, 0))  # 08:00 WITA
    assert wita.is_open(wib(2026, 11, 24, 14, 0))  # 15:00 WITA
    assert not wita.is_open(wib(2026, 11, 24, 14, 30))  # 15:30 WITA


def test_holidays_include_cuti_bersama():
    days = national_holidays(2026)
    assert "Cuti Bersama" in days[dt.date(2026, 12, 24)]
    assert dt.date(2026, 8, 17) in days


def test_office_closure_and_opened_holiday(calendar):
    custom = OfficeCalendar(
        "Asia/Jakarta",
        SOP_HOURS,
        {dt.date(2026, 11, 25): (True, "Rapat kerja"), dt.date(2026, 12, 24): (False, "")},
    )
    assert custom.day_info(dt.date(2026, 11, 25)).reason == "Rapat kerja"
    assert not custom.is_working_day(dt.date(2026, 11, 25))
    assert custom.is_working_day(dt.date(2026, 12, 24))
    assert calendar.is_working_day(dt.date(2026, 11, 25))


def test_three_working_days_skip_weekend_and_holidays(calendar):
    # opened Wednesday 23 Dec 2026 10:00: 24 (cuti bersama), 25 (Natal), 26–27 weekend
    assert calendar.add_working_days(wib(2026, 12, 23, 10, 0), 3) == wib(2026, 12, 30, 10, 0)
    # opened on Saturday: counting starts at Monday's opening
    assert calendar.add_working_days(wib(2026, 11, 28, 9, 0), 3) == wib(2026, 12, 3, 8, 0)


def test_working_days_between(calendar):
    assert calendar.working_days_between(dt.date(2026, 11, 27), dt.date(2026, 11, 30)) == 1


def test_next_opening(calendar):
    assert calendar.next_opening(wib(2026, 11, 27, 16, 30)) == wib(2026, 11, 30, 8, 0)
    assert calendar.next_opening(wib(2026, 11, 24, 6, 0)) == wib(2026, 11, 24, 8, 0)
    now = wib(2026, 11, 24, 9, 0)
    assert calendar.next_opening(now) == now


def test_calendar_reads_the_office_rows(db, office):
    from models.entities import ClosureDay

    ClosureDay.create(office=office, day=dt.date(2026, 11, 25), closed=True, reason="Banjir")
    calendar = OfficeCalendar.for_office(office.id)
    assert calendar.day_info(dt.date(2026, 11, 25)).reason == "Banjir"
    assert calendar.hours_on(dt.date(2026, 11, 27))[1] == wib(2026, 11, 27, 16, 0)
