"""The workspace's plain data: the desk's queue, the held ticket, the service clock."""

from __future__ import annotations

from models.entities import DeskService, Role, VisitStatus
from pst_desktop import workspace
from pst_desktop.queue import QueueService
from pst_desktop.standards import Verdict
from tests.pst_desktop.officer_support import desks, issue, service


def test_desk_queue_follows_the_desks_services_and_transfers(office, clock, make_actor):
    one, two = desks(office)
    DeskService.delete().where(
        (DeskService.desk == two.id) & (DeskService.service == service(office, "library").id)
    ).execute()
    k1 = issue(office, clock, make_actor, "A")
    clock.advance(minutes=1)
    p1 = issue(office, clock, make_actor, "B", code="library")
    clock.advance(minutes=1)
    k2 = issue(office, clock, make_actor, "C")
    choices = {d.name: d for d in workspace.desks_of(office.id)}
    now = clock.now()
    assert [r.code for r in workspace.desk_queue(office.id, choices["Meja 1"], now)] == [
        "K-001",
        "P-001",
        "K-002",
    ]
    assert [r.code for r in workspace.desk_queue(office.id, choices["Meja 2"], now)] == [
        "K-001",
        "K-002",
    ]
    officer = make_actor(Role.OFFICER)
    QueueService(clock).transfer(officer, k2.visit_id, desk_id=one.id)
    assert [r.code for r in workspace.desk_queue(office.id, choices["Meja 2"], now)] == ["K-001"]
    del p1, k1


def test_held_ticket_and_service_clock(office, clock, make_actor):
    officer = make_actor(Role.OFFICER)
    queue = QueueService(clock)
    assert workspace.held(queue, officer) is None
    ticket = issue(office, clock, make_actor, "Siti")
    queue.call_next(officer, desks(office)[0].id)
    held = workspace.held(queue, officer)
    assert (held.code, held.status, held.visitor_name) == ("K-001", "called", "Siti")
    assert workspace.service_clock(held, clock.now()) is None
    queue.start(officer, ticket.visit_id)
    clock.advance(minutes=42, seconds=5)
    held = workspace.held(queue, officer)
    timer = workspace.service_clock(held, clock.now())
    assert timer.text() == "0:42:05 / 3:00" and timer.verdict is Verdict.RUNNING
    assert not timer.warning
    clock.advance(hours=2)
    assert workspace.service_clock(held, clock.now()).warning
    clock.advance(hours=1)
    assert workspace.service_clock(held, clock.now()).verdict is Verdict.OVERDUE
    assert held.status == VisitStatus.SERVING


def test_housekeeping_expires_rating_waits(office, clock, make_actor):
    officer = make_actor(Role.OFFICER)
    queue = QueueService(clock)
    ticket = issue(office, clock, make_actor)
    queue.call_next(officer, desks(office)[0].id)
    queue.finish(officer, ticket.visit_id)
    assert workspace.housekeeping(clock, office.id) == (0, [])
    clock.advance(minutes=5, seconds=1)
    assert workspace.housekeeping(clock, office.id) == (1, [])
    assert workspace.housekeeping(clock, office.id) == (0, [])
