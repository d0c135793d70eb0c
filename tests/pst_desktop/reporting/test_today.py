"""The supervisor's live day, from fixed data on Tuesday 24 November 2026."""

from __future__ import annotations

import datetime as dt

from models.entities import Channel, Role, Visit
from pst_desktop.officer.online import OnlineService
from pst_desktop.reporting.today import today_summary
from pst_desktop.visitor.ratings import RatingService
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.officer_support import desks, issue
from tests.support import wib


def test_an_empty_day(office, clock):
    summary = today_summary(office.id, clock)
    assert summary.day == dt.date(2026, 11, 24)
    assert summary.issued == summary.waiting_total == summary.done == 0
    assert summary.longest_wait is None and summary.average_wait is None
    assert {w.prefix for w in summary.waiting} >= {"K"}
    assert all(w.waiting == 0 for w in summary.waiting)
    assert [d.name for d in summary.desks] == ["Meja 1", "Meja 2"]
    assert summary.ratings.count == 0 and summary.ratings.distribution[0] == (1, 0)
    assert all(s.measured == 0 for s in summary.standards)
    assert summary.overdue_online == ()


def test_a_busy_morning(office, clock, make_actor):
    queue = QueueService(clock)
    officer = make_actor(Role.OFFICER)
    officer2 = make_actor(Role.OFFICER)
    desk1, desk2 = desks(office)
    clock.set(wib(2026, 11, 24, 8, 0))
    first = issue(office, clock, make_actor, "Ani")  # K-001
    second = issue(office, clock, make_actor, "Budi")  # K-002
    clock.set(wib(2026, 11, 24, 8, 10))
    queue.call_ticket(officer, first.visit_id, desk1.id)  # waited 10 min
    queue.start(officer, first.visit_id)
    clock.set(wib(2026, 11, 24, 8, 40))
    queue.finish(officer, first.visit_id)  # served 30 min
    clock.set(wib(2026, 11, 24, 8, 42))
    RatingService(clock).record(first.visit_id, 4, scale_max=4)  # rated in 2 min
    clock.set(wib(2026, 11, 24, 8, 50))
    queue.call_ticket(officer, second.visit_id, desk1.id)  # waited 50 min
    queue.skip(officer, second.visit_id)
    clock.set(wib(2026, 11, 24, 9, 0))
    third = issue(office, clock, make_actor, "Citra")
    issue(office, clock, make_actor, "Dedi", code=_other_code(office))
    clock.set(wib(2026, 11, 24, 9, 30))
    queue.call_ticket(officer2, third.visit_id, desk2.id)
    clock.set(wib(2026, 11, 24, 10, 0))

    summary = today_summary(office.id, clock)

    assert summary.issued == 4
    assert (summary.done, summary.no_shows, summary.in_service, summary.waiting_total) == (
        1,
        1,
        1,
        1,
    )
    assert summary.longest_wait == dt.timedelta(hours=1)
    assert summary.longest_wait_code.endswith("-001")
    by_prefix = {w.prefix: w.waiting for w in summary.waiting}
    assert by_prefix["K"] == 0 and sum(by_prefix.values()) == 1
    desk_now = {d.name: d for d in summary.desks}
    assert desk_now["Meja 1"].served == 1 and desk_now["Meja 1"].status == ""
    assert desk_now["Meja 2"].code == "K-003" and desk_now["Meja 2"].status == "called"
    assert desk_now["Meja 2"].officer.startswith("Staf")
    assert summary.average_wait == dt.timedelta(minutes=(10 + 50 + 30) / 3)
    assert summary.average_service == dt.timedelta(minutes=30)
    assert summary.ratings.count == 1 and summary.ratings.average == 4.0
    assert summary.ratings.distribution == ((1, 0), (2, 0), (3, 0), (4, 1))
    assert summary.ratings.satisfied_percent == 100.0
    service = summary.standard("service")
    assert (service.measured, service.met, service.running) == (1, 1, 0)
    rating = summary.standard("rating")
    assert (rating.measured, rating.met, rating.percent) == (1, 1, 100.0)
    # the day's work: the first officer called two (one served, one no-show), the second one
    first_officer, second_officer = summary.work.by_officer
    assert (first_officer.id, first_officer.called, first_officer.served) == (officer.user_id, 2, 1)
    assert (first_officer.wait_median, first_officer.service_median) == (30, 30)
    assert (second_officer.id, second_officer.called, second_officer.served) == (
        officer2.user_id,
        1,
        0,
    )
    assert [(d.name, d.called, d.served) for d in summary.work.by_desk] == [
        ("Meja 1", 2, 1),
        ("Meja 2", 1, 0),
    ]


def test_rating_not_given_in_five_minutes_is_missed(office, clock, make_actor):
    queue = QueueService(clock)
    officer = make_actor(Role.OFFICER)
    ticket = issue(office, clock, make_actor)
    queue.call_ticket(officer, ticket.visit_id, desks(office)[0].id)
    queue.start(officer, ticket.visit_id)
    queue.finish(officer, ticket.visit_id)
    assert today_summary(office.id, clock).standard("rating").running == 1
    clock.advance(minutes=6)
    rating = today_summary(office.id, clock).standard("rating")
    assert (rating.measured, rating.met, rating.running) == (1, 0, 0)


def test_overdue_online_consultations(office, clock, make_actor):
    officer = make_actor(Role.OFFICER)
    online = OnlineService(clock)
    # opened Tuesday 17 November 09:00: due Friday 20 November 09:00
    late = online.open(
        officer,
        channel=Channel.EMAIL.value,
        contact="a@example.com",
        question="Data PDRB?",
        opened_at=wib(2026, 11, 17, 9, 0),
    )
    Visit.update(opened_at=wib(2026, 11, 17, 9, 0)).where(Visit.id == late.id).execute()
    online.open(officer, channel=Channel.WHATSAPP.value, contact="0812", question="Inflasi?")
    summary = today_summary(office.id, clock)
    assert [o.visit_id for o in summary.overdue_online] == [late.id]
    answer = summary.standard("online_first_answer")
    assert (answer.measured, answer.met, answer.running) == (1, 0, 1)
    assert summary.issued == 0  # online requests are not walk-in tickets


def _other_code(office):
    from models.entities import ServiceType

    return (
        ServiceType.select()
        .where((ServiceType.office == office.id) & (ServiceType.code != "consultation"))
        .order_by(ServiceType.sort_order)
        .first()
        .code
    )
