import datetime as dt

from pst_desktop.sop import standards
from pst_desktop.sop.office_calendar import SOP_HOURS, OfficeCalendar
from pst_desktop.sop.standards import Verdict
from tests.support import wib

T0 = wib(2026, 11, 24, 9, 0)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def test_registration_within_ten_minutes():
    assert standards.registration(T0, at(10), at(30)).verdict is Verdict.MET
    assert standards.registration(T0, at(10.5), at(30)).verdict is Verdict.MISSED
    assert standards.registration(T0, None, at(5)).verdict is Verdict.RUNNING
    assert standards.registration(T0, None, at(11)).verdict is Verdict.OVERDUE
    assert standards.registration(None, at(3), at(5)).verdict is Verdict.NOT_APPLICABLE


def test_service_within_three_hours():
    assert standards.service(T0, at(180), at(200)).verdict is Verdict.MET
    assert standards.service(T0, at(181), at(200)).verdict is Verdict.MISSED
    measure = standards.service(T0, None, at(200))
    assert measure.verdict is Verdict.OVERDUE and measure.elapsed == dt.timedelta(minutes=200)


def test_rating_within_five_minutes():
    assert standards.rating(T0, at(5), at(6)).verdict is Verdict.MET
    assert standards.rating(T0, at(6), at(6)).verdict is Verdict.MISSED


def test_online_first_answer_is_three_working_days_holiday_aware():
    calendar = OfficeCalendar("Asia/Jakarta", SOP_HOURS)
    opened = wib(2026, 12, 23, 10, 0)  # Wednesday before cuti bersama + Christmas + weekend
    assert standards.online_first_answer_due(calendar, opened) == wib(2026, 12, 30, 10, 0)
    late = standards.online_first_answer(
        calendar, opened, wib(2026, 12, 30, 10, 1), wib(2027, 1, 4)
    )
    assert late.verdict is Verdict.MISSED
    on_time = standards.online_first_answer(
        calendar, opened, wib(2026, 12, 29, 16, 0), wib(2027, 1, 4)
    )
    assert on_time.verdict is Verdict.MET
    open_now = standards.online_first_answer(calendar, opened, None, wib(2026, 12, 28, 9, 0))
    assert open_now.verdict is Verdict.RUNNING


def test_online_auto_close_after_three_days_without_reply():
    waiting = wib(2026, 11, 20, 14, 0)
    assert not standards.online_should_close(waiting, wib(2026, 11, 23, 13, 59))
    assert standards.online_should_close(waiting, wib(2026, 11, 23, 14, 0))
    assert not standards.online_should_close(None, wib(2026, 12, 1))
