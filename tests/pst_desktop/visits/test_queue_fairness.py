"""The queue is fair and the records are right whatever the order of events.

Single-process rules, on SQLite and PostgreSQL: times read inside the move's transaction and
never before the ticket's previous time; call order is number order; people ahead count walk-in
tickets only; the end of an office day closes what it left open; only the holder (or a
supervisor) moves a held ticket; the record goes to the officer who served; the front desk is
told about a visitor's second ticket; a cancelled ticket is not reprinted; a no-show can come
back. The several-PC checks are in ``test_queue_concurrency.py`` and ``test_first_start.py``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from models.database import database_proxy
from models.entities import (
    Consultation,
    Desk,
    Office,
    Rating,
    Role,
    ServiceHours,
    ServiceType,
    Visit,
    VisitStatus,
)
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.errors import Conflict, OutsideServiceHours, PermissionDenied
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.frontdesk.reception import Stage, stage_of
from pst_desktop.frontdesk.ticket_pdf import ticket_data_for
from pst_desktop.officer.consultations import ConsultationRecord, ConsultationService
from pst_desktop.officer.online import OnlineService
from pst_desktop.reporting.reports import build_report
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.sop.waiting import estimated_wait_minutes
from pst_desktop.visitor.ratings import RatingService
from pst_desktop.visits import events
from pst_desktop.visits import queue as queue_module
from pst_desktop.visits.queue import QueueService
from pst_desktop.visits.walk_ins import walk_ins_of_day
from tests.support import wib


class RecordingClock(FixedClock):
    """A fixed clock that notes every reading taken outside a database transaction."""

    def __init__(self, moment: dt.datetime) -> None:
        super().__init__(moment)
        self.outside = 0

    def now(self) -> dt.datetime:
        if not database_proxy.obj.in_transaction():
            self.outside += 1
        return super().now()


@pytest.fixture
def clock():
    """Tuesday 24 November 2026, 10:00 WIB (as conftest's), noting readings outside a write."""
    return RecordingClock(wib(2026, 11, 24, 10, 0))


@pytest.fixture
def queue(clock):
    return QueueService(clock)


@pytest.fixture
def receptionist(make_actor):
    return make_actor(Role.RECEPTIONIST)


@pytest.fixture
def officer(make_actor):
    return make_actor(Role.OFFICER)


@pytest.fixture
def visitor(receptionist, clock):
    form = VisitorForm(name="Siti Aminah", email="siti@example.com", gender="female", consent=True)
    return RegistrationService(clock).register(receptionist, form)


@pytest.fixture
def services(office):
    return {s.code: s for s in ServiceType.select().where(ServiceType.office == office.id)}


@pytest.fixture
def desks(office):
    return list(Desk.select().where(Desk.office == office.id).order_by(Desk.id))


def issue(queue, receptionist, visitor, service):
    return queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=service.id)


def other_visitor(receptionist, clock, n: int):
    form = VisitorForm(name=f"Tamu {n}", email=f"tamu{n}@example.com", gender="male", consent=True)
    return RegistrationService(clock).register(receptionist, form)


# -- 1. order and time ------------------------------------------------------------------------
def test_every_move_reads_the_clock_inside_its_transaction(
    queue, clock, receptionist, officer, make_actor, visitor, services, desks
):
    k = services["consultation"]
    clock.outside = 0
    first = issue(queue, receptionist, visitor, k)
    second = issue(queue, receptionist, visitor, k)
    third = issue(queue, receptionist, visitor, k)
    assert clock.outside == 0, "issuing read the clock before its transaction"
    queue.call_next(officer, desks[0].id)
    queue.recall(officer, first.visit_id)
    queue.start(officer, first.visit_id)
    queue.finish(officer, first.visit_id)
    RatingService(clock).record(first.visit_id, 4)
    queue.call_ticket(officer, third.visit_id, desks[0].id)
    queue.skip(officer, third.visit_id)
    queue.return_to_queue(officer, third.visit_id)
    queue.transfer(officer, second.visit_id, service_id=services["library"].id)
    queue.cancel(receptionist, second.visit_id, "Pengunjung pulang")
    queue.expire_rating_requests(receptionist.office_id)
    assert clock.outside == 0, "a queue move or a rating read the clock outside its transaction"


def test_issue_times_never_decrease_with_the_number_and_call_order_is_number_order(
    queue, clock, receptionist, officer, visitor, services, desks
):
    """Another PC's clock (or a read before the lock) a little behind: K-002 must still not be
    older than K-001, and "call next" takes K-001 first."""
    k = services["consultation"]
    first = issue(queue, receptionist, visitor, k)
    clock.set(wib(2026, 11, 24, 9, 59, 30))
    second = issue(queue, receptionist, visitor, k)
    one, two = Visit.get_by_id(first.visit_id), Visit.get_by_id(second.visit_id)
    assert two.issued_at >= one.issued_at
    assert second.issued_at >= first.issued_at
    called = queue.call_next(officer, desks[0].id)
    assert called.id == first.visit_id
    queue.finish(officer, called.id)
    assert queue.call_next(officer, desks[0].id).id == second.visit_id
    day = OfficeCalendar.for_office(receptionist.office_id).office_day(clock.now())
    assert [row.code for row in walk_ins_of_day(receptionist.office_id, day)] == [
        "K-001",
        "K-002",
    ]


def test_no_move_is_stamped_before_the_one_it_follows(
    queue, clock, receptionist, officer, visitor, services, desks
):
    ticket = issue(queue, receptionist, visitor, services["consultation"])
    clock.set(wib(2026, 11, 24, 9, 58))  # this desk's clock is two minutes behind reception's
    called = queue.call_next(officer, desks[0].id)
    assert called.called_at >= called.issued_at
    clock.set(wib(2026, 11, 24, 9, 57))
    started = queue.start(officer, ticket.visit_id)
    assert started.service_started_at >= started.called_at
    clock.set(wib(2026, 11, 24, 9, 56))
    finished = queue.finish(officer, ticket.visit_id)
    assert finished.finished_at >= finished.service_started_at
    clock.set(wib(2026, 11, 24, 9, 55))
    rating = RatingService(clock).record(ticket.visit_id, 3)
    assert rating.created_at >= finished.finished_at


# -- 2. people ahead ---------------------------------------------------------------------------
def test_people_ahead_and_the_wait_count_only_walk_in_tickets(
    queue, clock, receptionist, officer, visitor, services
):
    k = services["consultation"]
    online = OnlineService(clock)
    opened = [
        online.open(
            officer,
            channel="email",
            contact=f"pengguna{n}@example.com",
            question="Data kemiskinan 2024?",
            service_id=k.id,
        )
        for n in range(3)
    ]
    online.answer(officer, opened[0].id, "Sudah dijawab lewat surel.")  # answered, still open
    first = issue(queue, receptionist, visitor, k)
    second = issue(queue, receptionist, visitor, k)
    assert (first.ahead, second.ahead) == (0, 1)
    printed = ticket_data_for(second.visit_id, clock)
    assert printed.ahead == 1
    assert printed.estimated_wait_minutes == estimated_wait_minutes(
        receptionist.office_id, k.id, 1, clock.now()
    )
    assert ticket_data_for(first.visit_id, clock).ahead == 0


# -- 3. end of the office day ----------------------------------------------------------------
def test_day_end_closes_unserved_tickets_and_the_officer_can_call_the_next_day(
    queue, clock, receptionist, make_actor, visitor, services, desks
):
    k = services["consultation"]
    one, two = make_actor(Role.OFFICER), make_actor(Role.OFFICER)
    tuesday = [issue(queue, receptionist, visitor, k) for _ in range(4)]
    online = OnlineService(clock).open(
        one, channel="email", contact="a@example.com", question="Data?", service_id=k.id
    )
    queue.call_next(one, desks[0].id)  # K-001: still called at midnight
    queue.call_next(two, desks[1].id)  # K-002: still in service at midnight
    queue.start(two, tuesday[1].visit_id)
    # K-003 and K-004 still waiting at midnight

    clock.set(wib(2026, 11, 25, 8, 5))  # Wednesday
    wednesday = issue(queue, receptionist, visitor, k)
    assert wednesday.code == "K-001" and wednesday.ahead == 0
    status = {t.code: Visit.get_by_id(t.visit_id).status for t in tuesday}
    assert status == {
        "K-001": VisitStatus.EXPIRED,
        "K-002": VisitStatus.DONE,  # its service was given
        "K-003": VisitStatus.EXPIRED,
        "K-004": VisitStatus.EXPIRED,
    }
    assert Visit.get_by_id(online.id).status == VisitStatus.WAITING  # online is not a queue
    # the officer who held Tuesday's K-001 at midnight calls today's first ticket
    assert queue.call_next(one, desks[0].id).id == wednesday.visit_id
    # yesterday's ticket cannot be called by id, nor put back in the queue
    with pytest.raises(Conflict, match="earlier office day"):
        queue.call_ticket(two, tuesday[2].visit_id, desks[1].id)
    with pytest.raises(Conflict):
        queue.return_to_queue(two, tuesday[3].visit_id)
    assert stage_of(VisitStatus.EXPIRED) is Stage.CLOSED
    # a second close finds nothing left
    assert queue.close_earlier_days(receptionist.office_id) == 0

    tuesday_day = dt.date(2026, 11, 24)
    report = build_report(receptionist.office_id, tuesday_day, tuesday_day)
    assert report.totals.expired == 3
    assert report.per_day[0].expired == 3
    assert report.totals.open == report.totals.visits - report.totals.served - 3


def test_held_ticket_of_an_earlier_day_is_not_shown_as_held(
    queue, clock, receptionist, officer, visitor, services, desks
):
    issue(queue, receptionist, visitor, services["consultation"])
    queue.call_next(officer, desks[0].id)
    assert queue.held_ticket(officer) is not None
    clock.set(wib(2026, 11, 25, 8, 0))
    assert queue.held_ticket(officer) is None


# -- 4. hours that open at midnight -----------------------------------------------------------
def test_hours_opening_at_midnight_give_the_polite_refusal(
    queue, clock, receptionist, visitor, services, office
):
    ServiceHours.update(opens=dt.time(0, 0)).where(ServiceHours.office == office.id).execute()
    OfficeCalendar.invalidate()
    clock.set(wib(2026, 11, 24, 20, 0))  # Tuesday evening, after 15:30
    with pytest.raises(OutsideServiceHours) as err:
        issue(queue, receptionist, visitor, services["consultation"])
    assert "25-11-2026 00:00" in str(err.value)


# -- 7. only the holder or a supervisor moves a held ticket ------------------------------------
def test_another_officer_cannot_take_a_held_visitor_but_a_supervisor_can(
    queue, receptionist, make_actor, visitor, services, desks, monkeypatch
):
    a, b = make_actor(Role.OFFICER), make_actor(Role.OFFICER)
    supervisor = make_actor(Role.SUPERVISOR)
    k = services["consultation"]
    ticket = issue(queue, receptionist, visitor, k)
    queue.call_next(a, desks[0].id)
    with pytest.raises(PermissionDenied, match="K-001 is held by another officer"):
        queue.return_to_queue(b, ticket.visit_id)
    with pytest.raises(PermissionDenied, match="K-001 is held by another officer"):
        queue.transfer(b, ticket.visit_id, service_id=services["library"].id)
    queue.start(a, ticket.visit_id)
    with pytest.raises(PermissionDenied):
        queue.transfer(b, ticket.visit_id, desk_id=desks[1].id)
    visit = Visit.get_by_id(ticket.visit_id)
    assert (visit.status, visit.officer_id) == (VisitStatus.SERVING, a.user_id)

    sent = []
    monkeypatch.setattr(queue_module, "publish", lambda event, **kw: sent.append((event, kw)))
    moved = queue.transfer(supervisor, ticket.visit_id, desk_id=desks[1].id)
    assert moved.status == VisitStatus.WAITING and moved.officer_id is None
    event, payload = sent[-1]
    assert event is events.Event.QUEUE_CHANGED
    # enough for A's window to see at once that its visitor was moved, and by whom
    assert payload["officer"] == a.user_id and payload["from_status"] == VisitStatus.SERVING
    assert payload["from_desk"] == desks[0].id and payload["desk"] == desks[1].id
    assert payload["by"] == supervisor.user_id and payload["visit"] == ticket.visit_id


def test_the_holder_still_returns_and_transfers_its_own_ticket(
    queue, receptionist, officer, visitor, services, desks
):
    ticket = issue(queue, receptionist, visitor, services["consultation"])
    queue.call_next(officer, desks[0].id)
    assert queue.return_to_queue(officer, ticket.visit_id).status == VisitStatus.WAITING
    queue.call_next(officer, desks[0].id)
    moved = queue.transfer(officer, ticket.visit_id, service_id=services["library"].id)
    assert moved.status == VisitStatus.WAITING


# -- 8. the record goes to the officer who served ----------------------------------------------
def test_record_rating_and_visit_credit_the_officer_who_served(
    queue, clock, receptionist, make_actor, visitor, services, desks
):
    a, b = make_actor(Role.OFFICER), make_actor(Role.OFFICER)
    k = services["consultation"]
    for _ in range(2):
        issue(queue, receptionist, visitor, k)
    third = issue(queue, receptionist, visitor, k)
    records = ConsultationService(clock)
    queue.call_ticket(b, third.visit_id, desks[1].id)
    records.save_draft(b, third.visit_id, ConsultationRecord(topic="Inflasi"))
    queue.return_to_queue(b, third.visit_id)
    queue.call_ticket(a, third.visit_id, desks[0].id)
    with pytest.raises(Conflict):  # B's window typing on cannot take the record back
        records.save_draft(b, third.visit_id, ConsultationRecord(topic="Inflasi bulanan"))
    record = ConsultationRecord(topic="Inflasi", answer="Inflasi Oktober 2026 dari BRS.")
    records.save_draft(a, third.visit_id, record)
    queue.finish(a, third.visit_id)
    records.finalize(a, third.visit_id, record)
    RatingService(clock).record(third.visit_id, 4)
    assert Visit.get_by_id(third.visit_id).officer_id == a.user_id
    assert Rating.get(Rating.visit == third.visit_id).officer_id == a.user_id
    row = Consultation.get(Consultation.visit == third.visit_id)
    assert row.officer_id == a.user_id and not row.is_draft


def test_record_finalized_without_new_typing_still_credits_the_serving_officer(
    queue, clock, receptionist, make_actor, visitor, services, desks
):
    a, b = make_actor(Role.OFFICER), make_actor(Role.OFFICER)
    ticket = issue(queue, receptionist, visitor, services["consultation"])
    records = ConsultationService(clock)
    queue.call_next(b, desks[1].id)
    records.save_draft(b, ticket.visit_id, ConsultationRecord(topic="Inflasi"))
    queue.return_to_queue(b, ticket.visit_id)
    queue.call_next(a, desks[0].id)
    queue.finish(a, ticket.visit_id)
    records.finalize(a, ticket.visit_id, None)
    assert Consultation.get(Consultation.visit == ticket.visit_id).officer_id == a.user_id


# -- 14. second ticket, reprint of a cancelled ticket, a no-show back in the queue --------------
def test_a_second_active_ticket_of_a_visitor_comes_with_a_warning(
    queue, clock, receptionist, visitor, services
):
    first = issue(queue, receptionist, visitor, services["consultation"])
    assert first.also_active == ()
    second = issue(queue, receptionist, visitor, services["library"])
    assert second.also_active == ("K-001",)
    assert issue(queue, receptionist, other_visitor(receptionist, clock, 2), services["library"])
    queue.cancel(receptionist, first.visit_id, "salah layanan")
    assert issue(queue, receptionist, visitor, services["data_purchase"]).also_active == ("P-001",)


def test_a_cancelled_ticket_is_not_printed_again(queue, clock, receptionist, visitor, services):
    ticket = issue(queue, receptionist, visitor, services["consultation"])
    assert ticket_data_for(ticket.visit_id, clock).code == "K-001"
    queue.cancel(receptionist, ticket.visit_id, "Pengunjung pulang")
    with pytest.raises(Conflict, match="cancelled"):
        ticket_data_for(ticket.visit_id, clock)


def test_a_no_show_goes_back_in_the_queue_in_number_order(
    queue, clock, receptionist, make_actor, visitor, services, desks
):
    a, b = make_actor(Role.OFFICER), make_actor(Role.OFFICER)
    k = services["consultation"]
    first = issue(queue, receptionist, visitor, k)
    second = issue(queue, receptionist, visitor, k)
    queue.call_next(a, desks[0].id)
    queue.skip(a, first.visit_id)
    clock.advance(minutes=3)
    # the visitor came after all: any officer (not holding it) may put the no-show back
    back = queue.return_to_queue(b, first.visit_id)
    assert back.status == VisitStatus.WAITING and back.officer_id is None
    assert queue.call_next(b, desks[1].id).id == first.visit_id
    assert Visit.get_by_id(second.visit_id).status == VisitStatus.WAITING


def test_next_opening_of_hours_that_open_at_midnight():
    hours = {day: (dt.time(0, 0), dt.time(15, 30)) for day in range(5)}
    calendar = OfficeCalendar("Asia/Jakarta", hours)
    tuesday_evening = wib(2026, 11, 24, 20, 0)
    assert calendar.next_opening(tuesday_evening) == wib(2026, 11, 25, 0, 0)
    friday_evening = wib(2026, 11, 27, 18, 0)
    assert calendar.next_opening(friday_evening) == wib(2026, 11, 30, 0, 0)  # Monday
    assert calendar.next_opening(wib(2026, 11, 25, 9, 0)) == wib(2026, 11, 25, 9, 0)  # open


def test_demo_data_refusing_its_end_day_leaves_no_office(db, clock):
    from pst_desktop import demo

    with pytest.raises(ValueError, match="future"):
        demo.generate(days=3, seed=1, end="2099-01-01", clock=clock)
    assert Office.select().count() == 0
