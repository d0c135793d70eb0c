import datetime as dt

import pytest

from models.entities import Desk, DeskService, ServiceType, Visit, VisitStatus
from pst_desktop.sop.office_calendar import SOP_HOURS, OfficeCalendar
from pst_desktop.sop.waiting import (
    DEFAULT_MINUTES_PER_VISITOR,
    Basis,
    _working_days_back,
    estimate_wait,
    estimated_wait_minutes,
)
from tests.support import wib


@pytest.fixture
def services(office):
    return {s.code: s for s in ServiceType.select().where(ServiceType.office == office.id)}


@pytest.fixture
def finished(office):
    """Add a finished walk-in visit of ``service`` on ``day`` that took ``minutes``."""
    numbers = iter(range(1, 10_000))

    def add(service, day: dt.date, minutes: float, status=VisitStatus.DONE, start_hour=9):
        started = dt.datetime.combine(day, dt.time(start_hour, 0), wib(2026, 1, 1).tzinfo)
        return Visit.create(
            office=office.id,
            service=service.id,
            ticket_service=service.id,
            day=day,
            number=next(numbers),
            status=status.value,
            issued_at=started - dt.timedelta(minutes=10),
            called_at=started,
            service_started_at=started,
            finished_at=started + dt.timedelta(minutes=minutes),
            updated_at=started,
        )

    return add


TODAY = dt.date(2026, 11, 24)  # the clock fixture's day: Tuesday


def test_default_per_visitor_without_history(office, services, clock):
    k = services["consultation"]
    estimate = estimate_wait(office.id, k.id, 3, clock.now())
    assert estimate.basis is Basis.DEFAULT
    assert estimate.minutes_per_visitor == DEFAULT_MINUTES_PER_VISITOR
    assert estimate.desks == 2  # create_office: two desks serving every service
    assert estimate.minutes == 23  # 15 × 3 ÷ 2 = 22.5, rounded up
    assert estimated_wait_minutes(office.id, k.id, 3, clock.now()) == 23


def test_todays_service_times_come_first(office, services, finished, clock):
    k = services["consultation"]
    for minutes in (10, 20, 30):
        finished(k, TODAY, minutes)
    finished(k, TODAY - dt.timedelta(days=1), 120)  # yesterday: ignored while today has enough
    estimate = estimate_wait(office.id, k.id, 3, clock.now())
    assert (estimate.basis, estimate.samples) == (Basis.TODAY, 3)
    assert estimate.minutes_per_visitor == pytest.approx(20)
    assert estimate.minutes == 30  # 20 × 3 ÷ 2


def test_recent_working_days_when_today_has_too_few(office, services, finished, clock):
    k = services["consultation"]
    finished(k, TODAY, 30)
    finished(k, TODAY, 30)
    for days_ago in (1, 6, 7, 14):  # Mon 23, Wed 18, Tue 17, Tue 10 November
        finished(k, TODAY - dt.timedelta(days=days_ago), 6)
    estimate = estimate_wait(office.id, k.id, 2, clock.now())
    assert (estimate.basis, estimate.samples) == (Basis.RECENT, 6)
    assert estimate.minutes_per_visitor == pytest.approx((2 * 30 + 4 * 6) / 6)  # 14
    assert estimate.minutes == 14  # 14 × 2 ÷ 2


def test_history_older_than_twenty_working_days_is_ignored(office, services, finished, clock):
    k = services["consultation"]
    start = _working_days_back(OfficeCalendar.for_office(office.id), TODAY, 20)
    for _ in range(3):
        finished(k, start - dt.timedelta(days=1), 5)
    assert estimate_wait(office.id, k.id, 1, clock.now()).basis is Basis.DEFAULT
    for _ in range(3):
        finished(k, start, 5)
    estimate = estimate_wait(office.id, k.id, 1, clock.now())
    assert (estimate.basis, estimate.minutes_per_visitor) == (Basis.RECENT, pytest.approx(5))


def test_only_finished_visits_of_the_service_count(office, services, finished, clock):
    k, p = services["consultation"], services["library"]
    for _ in range(3):
        finished(p, TODAY, 50)  # another service
    later = finished(k, TODAY, 40, start_hour=11)  # finishes after "now" (10:00): not yet
    unfinished = finished(k, TODAY, 10)
    Visit.update(finished_at=None, status=VisitStatus.SERVING.value).where(
        Visit.id == unfinished.id
    ).execute()
    assert later.finished_at > clock.now()
    assert estimate_wait(office.id, k.id, 2, clock.now()).basis is Basis.DEFAULT
    assert estimate_wait(office.id, p.id, 2, clock.now()).minutes == 50


def test_a_service_time_counts_at_most_three_hours(office, services, finished, clock):
    k = services["consultation"]
    finished(k, TODAY - dt.timedelta(days=1), 60)
    finished(k, TODAY - dt.timedelta(days=1), 60)
    finished(k, TODAY - dt.timedelta(days=1), 24 * 60)  # left open overnight
    estimate = estimate_wait(office.id, k.id, 1, clock.now())
    assert estimate.minutes_per_visitor == pytest.approx((60 + 60 + 180) / 3)


def test_desks_divide_the_wait_and_none_without_a_desk(office, services, clock):
    k = services["consultation"]
    desks = list(Desk.select().where(Desk.office == office.id).order_by(Desk.id))
    Desk.update(active=False).where(Desk.id == desks[0].id).execute()
    assert estimated_wait_minutes(office.id, k.id, 2, clock.now()) == 30  # one desk left
    DeskService.delete().where(DeskService.service == k.id).execute()
    estimate = estimate_wait(office.id, k.id, 2, clock.now())
    assert (estimate.minutes, estimate.desks) == (None, 0)


def test_nobody_ahead_means_no_wait(office, services, clock):
    assert estimated_wait_minutes(office.id, services["consultation"].id, 0, clock.now()) == 0


def test_naive_now_is_refused(office, services):
    with pytest.raises(ValueError):
        estimate_wait(office.id, services["consultation"].id, 1, dt.datetime(2026, 11, 24, 10))


def test_working_days_back_skips_weekends_and_holidays():
    calendar = OfficeCalendar("Asia/Jakarta", SOP_HOURS)
    start = _working_days_back(calendar, TODAY, 20)
    assert calendar.is_working_day(start)
    assert calendar.working_days_between(start, TODAY) == 19  # start and today both count
    assert _working_days_back(calendar, TODAY, 1) == TODAY
    saturday = dt.date(2026, 11, 28)
    assert _working_days_back(calendar, saturday, 1) == dt.date(2026, 11, 27)
