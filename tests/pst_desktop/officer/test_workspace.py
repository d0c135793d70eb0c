"""The workspace's plain data: the desk's queue, the held ticket, the service clock."""

from __future__ import annotations

import pytest

from models.entities import DeskService, Role, VisitStatus
from pst_desktop.officer import workspace
from pst_desktop.sop.standards import Verdict
from pst_desktop.visits.queue import QueueService
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


def test_holding_is_read_from_the_moves_answer(office, clock, make_actor):
    """What the officer's window holds right after its own move."""
    officer, other = make_actor(Role.OFFICER), make_actor(Role.OFFICER, "rina")
    queue = QueueService(clock)
    issue(office, clock, make_actor, "Siti")
    called = queue.call_next(officer, desks(office)[0].id)
    held = workspace.holding(officer, called)
    assert held == workspace.held(queue, officer)
    assert (held.code, held.status, held.visitor_name, held.call_count) == (
        "K-001",
        "called",
        "Siti",
        1,
    )
    assert workspace.holding(other, called) is None  # not theirs
    started = queue.start(officer, called.id)
    assert workspace.holding(officer, started).status == VisitStatus.SERVING
    assert workspace.holding(officer, queue.finish(officer, called.id)) is None
    assert workspace.holding(officer, None) is None


def test_desk_snapshot_reads_the_held_ticket_the_queue_and_the_online_list(
    office, clock, make_actor
):
    from pst_desktop.officer.online import OnlineService

    officer = make_actor(Role.OFFICER)
    one, two = desks(office)
    issue(office, clock, make_actor, "A")
    clock.advance(minutes=1)
    second = issue(office, clock, make_actor, "B")
    QueueService(clock).transfer(officer, second.visit_id, desk_id=one.id)
    online = OnlineService(clock).open(officer, channel="email", contact="a@b.id", question="?")
    choice = next(d for d in workspace.desks_of(office.id) if d.desk_id == one.id)
    snapshot = workspace.desk_snapshot(clock, officer, choice)
    assert snapshot.desk_id == one.id and snapshot.held is None
    assert [(r.code, r.desk_name) for r in snapshot.queue] == [("K-001", ""), ("K-002", one.name)]
    assert [r.visit_id for r in snapshot.online] == [online.id]
    QueueService(clock).call_next(officer, one.id)
    snapshot = workspace.desk_snapshot(clock, officer, None)
    assert snapshot.held.code == "K-001" and snapshot.queue == [] and snapshot.desk_id is None
    del two


def test_finish_ends_the_service_and_the_record_together_or_not_at_all(
    office, clock, make_actor, monkeypatch
):
    from models.entities import Consultation, Visit
    from pst_desktop.core.errors import ServiceError
    from pst_desktop.officer.consultations import ConsultationRecord, ConsultationService

    officer = make_actor(Role.OFFICER)
    queue, consultations = QueueService(clock), ConsultationService(clock)
    first = issue(office, clock, make_actor, "A")
    issue(office, clock, make_actor, "B")
    desk = desks(office)[0].id
    queue.call_next(officer, desk)
    record = ConsultationRecord(topic="PDRB", answer="52,3 juta", need_met="yes_fit")
    finished = workspace.finish(queue, consultations, officer, first.visit_id, record)
    assert finished.status == VisitStatus.AWAITING_RATING
    row = Consultation.get(Consultation.visit == first.visit_id)
    assert (row.answer, row.is_draft) == ("52,3 juta", False)

    second = queue.call_next(officer, desk)

    def refused(*_args, **_kwargs):
        raise ServiceError("refused")

    monkeypatch.setattr(ConsultationService, "finalize", refused)
    with pytest.raises(ServiceError):
        workspace.finish(queue, consultations, officer, second.id, record)
    assert Visit.get_by_id(second.id).status == VisitStatus.CALLED  # the officer still holds it
