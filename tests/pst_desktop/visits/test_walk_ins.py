"""Today's walk-in rows: the one read behind reception's queue and a desk's (both databases)."""

from __future__ import annotations

from models.entities import DeskService, Role
from pst_desktop.frontdesk.reception import QueueRow, queue_snapshot
from pst_desktop.officer import workspace
from pst_desktop.officer.online import OnlineService
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.visits.queue import QueueService
from pst_desktop.visits.walk_ins import waiting_for_desk, walk_ins_of_day
from tests.pst_desktop.officer_support import desks, issue, service
from tests.support import wib


def _today(office, clock):
    return OfficeCalendar.for_office(office.id).office_day(clock.now())


def test_the_days_walk_ins_in_calling_order_with_their_names(office, clock, make_actor):
    officer = make_actor(Role.OFFICER)
    queue = QueueService(clock)
    one, _ = desks(office)
    clock.set(wib(2026, 11, 23, 9, 0))  # the working day before: not today's
    issue(office, clock, make_actor, "Kemarin")
    clock.set(wib(2026, 11, 24, 9, 0))
    first = issue(office, clock, make_actor, "Siti Aminah")
    clock.advance(minutes=1)
    second = issue(office, clock, make_actor, "Budi", code="library")
    clock.advance(minutes=1)
    third = issue(office, clock, make_actor, "Wati")
    OnlineService(clock).open(officer, channel="email", contact="a@b.id", question="?")
    queue.call_ticket(officer, first.visit_id, one.id)
    queue.transfer(officer, second.visit_id, service_id=service(office).id)

    rows = walk_ins_of_day(office.id, _today(office, clock))

    assert [r.visit_id for r in rows] == [first.visit_id, second.visit_id, third.visit_id]
    assert [(r.code, r.status, r.service_name, r.visitor_name, r.desk_name) for r in rows] == [
        ("K-001", "called", service(office).name, "Siti Aminah", one.name),
        # a transfer keeps the ticket's number and prefix and changes the service
        ("P-001", "waiting", service(office).name, "Budi", ""),
        ("K-002", "waiting", service(office).name, "Wati", ""),
    ]
    assert rows[0].called_at is not None and rows[1].called_at is None


def test_a_desk_waits_for_its_services_and_the_tickets_sent_to_it(office, clock, make_actor):
    officer = make_actor(Role.OFFICER)
    one, two = desks(office)
    DeskService.delete().where(DeskService.desk == two.id).execute()  # two serves nothing
    k1 = issue(office, clock, make_actor, "A")
    clock.advance(minutes=1)
    k2 = issue(office, clock, make_actor, "B")
    clock.advance(minutes=1)
    p1 = issue(office, clock, make_actor, "C", code="library")
    day = _today(office, clock)
    services_of_one = DeskService.select(DeskService.service).where(DeskService.desk == one.id)
    services_of_one = [link.service_id for link in services_of_one]

    assert [r.visit_id for r in waiting_for_desk(office.id, day, one.id, services_of_one)] == [
        k1.visit_id,
        k2.visit_id,
        p1.visit_id,
    ]
    assert waiting_for_desk(office.id, day, two.id, ()) == []

    queue = QueueService(clock)
    queue.transfer(officer, k2.visit_id, desk_id=two.id)
    assert [r.code for r in waiting_for_desk(office.id, day, two.id, ())] == ["K-002"]
    called = queue.call_next(officer, one.id)
    # "call next" takes the first row of the desk's queue, and the row leaves it
    assert called.id == k1.visit_id
    assert [r.code for r in waiting_for_desk(office.id, day, one.id, services_of_one)] == ["P-001"]


def test_the_desk_queue_is_receptions_waiting_rows_that_the_desk_may_call(
    office, clock, make_actor
):
    officer = make_actor(Role.OFFICER)
    one, two = desks(office)
    DeskService.delete().where(
        (DeskService.desk == two.id) & (DeskService.service == service(office, "library").id)
    ).execute()
    tickets = [
        issue(office, clock, make_actor, name, code=code)
        for name, code in (("A", "consultation"), ("B", "library"), ("C", "consultation"))
    ]
    QueueService(clock).call_ticket(officer, tickets[0].visit_id, one.id)
    now = clock.now()
    reception = queue_snapshot(office.id, now).rows
    assert reception == [QueueRow.of(w) for w in walk_ins_of_day(office.id, _today(office, clock))]
    for choice in workspace.desks_of(office.id):
        may_call = set(choice.service_ids)
        expected = [
            row for row in reception if row.status == "waiting" and row.service_id in may_call
        ]
        assert workspace.desk_queue(office.id, choice, now) == expected, choice.name
