"""One visit, several services: issued with several, handed on keeping its place, refusals."""

import pytest

from models.entities import (
    Desk,
    DeskService,
    Role,
    ServiceType,
    Visit,
    VisitService,
    VisitStatus,
)
from pst_desktop.core.errors import Conflict, PermissionDenied, ValidationError
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.frontdesk.reception import FrontDesk
from pst_desktop.visits import visit_services
from pst_desktop.visits.queue import QueueService


@pytest.fixture
def receptionist(make_actor):
    return make_actor(Role.RECEPTIONIST)


@pytest.fixture
def officer(make_actor):
    return make_actor(Role.OFFICER)


@pytest.fixture
def queue(clock):
    return QueueService(clock)


@pytest.fixture
def services(office):
    return {s.code: s for s in ServiceType.select().where(ServiceType.office == office.id)}


@pytest.fixture
def desks(office):
    return list(Desk.select().where(Desk.office == office.id).order_by(Desk.id))


def _visitor(receptionist, clock, name):
    email = f"{name.lower()}@example.com"
    form = VisitorForm(name=name, email=email, gender="female", consent=True)
    return RegistrationService(clock).register(receptionist, form)


def _only_serves(desk, service):
    DeskService.delete().where(DeskService.desk == desk.id).execute()
    DeskService.create(desk=desk, service=service)


def test_a_ticket_with_several_services_is_numbered_in_the_first(
    queue, receptionist, services, clock
):
    ani = _visitor(receptionist, clock, "Ani")
    k, p, d = services["consultation"], services["library"], services["data_purchase"]
    ticket = FrontDesk(clock).issue(
        receptionist, visitor_id=ani.id, service_id=k.id, more_services=[p.id, k.id, d.id]
    )
    assert ticket.code == "K-001"
    visit = Visit.get_by_id(ticket.visit_id)
    assert visit.service_id == visit.ticket_service_id == k.id
    steps = visit_services.steps(visit.id)
    # the first ticked twice counts once; order kept
    assert [(s.position, s.service_id, s.status) for s in steps] == [
        (1, k.id, "serving"),
        (2, p.id, "pending"),
        (3, d.id, "pending"),
    ]
    assert visit_services.next_step(visit.id).service_id == p.id
    # a ticket of one service carries no rows
    single = queue.issue_ticket(receptionist, visitor_id=ani.id, service_id=p.id)
    assert visit_services.steps(single.visit_id) == []
    assert single.code == "P-001"


def test_hand_on_keeps_the_place_by_first_issue_time(
    queue, receptionist, officer, make_actor, services, desks, clock
):
    k, p = services["consultation"], services["library"]
    _only_serves(desks[0], k)
    _only_serves(desks[1], p)
    ani, budi, cici = (_visitor(receptionist, clock, n) for n in ("Ani", "Budi", "Cici"))
    first = queue.issue_ticket(
        receptionist, visitor_id=ani.id, service_id=k.id, more_services=[p.id]
    )
    clock.advance(minutes=5)
    b = queue.issue_ticket(receptionist, visitor_id=budi.id, service_id=p.id)
    clock.advance(minutes=5)
    c = queue.issue_ticket(receptionist, visitor_id=cici.id, service_id=p.id)
    librarian = make_actor(Role.OFFICER)

    called = queue.call_next(officer, desks[0].id)
    assert called.id == first.visit_id
    queue.start(officer, called.id)
    clock.advance(minutes=12)
    handed = queue.hand_on(officer, called.id)
    assert handed.status == VisitStatus.WAITING.value
    assert handed.service_id == p.id and handed.ticket_service_id == k.id
    assert handed.officer_id is None and handed.desk_id is None and handed.called_at is None
    assert handed.issued_at == Visit.get_by_id(first.visit_id).issued_at  # its first issue
    # the consultation is recorded as delivered, by whom, where and when
    row = VisitService.get((VisitService.visit == called.id) & (VisitService.position == 1))
    assert (row.status, row.officer_id, row.desk_id) == ("done", officer.user_id, desks[0].id)
    assert row.started_at == called.called_at and row.finished_at == clock.now()
    # the officer's hands are free: they call the next consultation at once
    assert queue.call_next(officer, desks[0].id) is None
    # the library takes Ani first: she was issued before Budi and Cici
    order = [queue.call_next(librarian, desks[1].id).id]
    queue.finish(librarian, order[-1])
    order.append(queue.call_next(librarian, desks[1].id).id)
    queue.finish(librarian, order[-1])
    order.append(queue.call_next(librarian, desks[1].id).id)
    assert order == [first.visit_id, b.visit_id, c.visit_id]
    steps = visit_services.steps(first.visit_id)
    assert [(s.status, s.officer_id) for s in steps] == [
        ("done", officer.user_id),
        ("done", librarian.user_id),
    ]
    assert Visit.get_by_id(first.visit_id).status == VisitStatus.AWAITING_RATING.value


def test_hand_on_refusals(queue, receptionist, officer, make_actor, services, desks, clock):
    k, p, r = services["consultation"], services["library"], services["recommendation"]
    ani = _visitor(receptionist, clock, "Ani")
    one = queue.issue_ticket(receptionist, visitor_id=ani.id, service_id=k.id)
    with pytest.raises(Conflict, match="is waiting now"):
        queue.hand_on(officer, one.visit_id)
    queue.call_next(officer, desks[0].id)
    with pytest.raises(Conflict, match="has no next service; finish it instead"):
        queue.hand_on(officer, one.visit_id)
    queue.finish(officer, one.visit_id)

    two = queue.issue_ticket(receptionist, visitor_id=ani.id, service_id=k.id, more_services=[p.id])
    queue.call_next(officer, desks[0].id)
    other = make_actor(Role.OFFICER)
    with pytest.raises(PermissionDenied, match="held by another officer"):
        queue.hand_on(other, two.visit_id)
    # the next service lost its desks meanwhile: the visit would wait all day
    DeskService.delete().where(DeskService.service == p.id).execute()
    with pytest.raises(Conflict, match="No desk serves"):
        queue.hand_on(officer, two.visit_id)
    assert Visit.get_by_id(two.visit_id).officer_id == officer.user_id  # nothing changed
    assert [s.status for s in visit_services.steps(two.visit_id)] == ["serving", "pending"]
    # finishing instead leaves the rest undelivered
    queue.finish(officer, two.visit_id)
    assert [s.status for s in visit_services.steps(two.visit_id)] == ["done", "pending"]

    # the front desk: an inactive service, or one no desk serves, is refused
    ServiceType.update(active=False).where(ServiceType.id == r.id).execute()
    with pytest.raises(ValidationError):
        queue.issue_ticket(receptionist, visitor_id=ani.id, service_id=k.id, more_services=[r.id])
    with pytest.raises(Conflict, match="No desk serves"):
        queue.issue_ticket(receptionist, visitor_id=ani.id, service_id=k.id, more_services=[p.id])
    assert Visit.select().count() == 2  # no ticket left behind by a refusal


def test_a_supervisor_may_hand_on_and_a_priority_ticket_keeps_its_class(
    queue, receptionist, officer, make_actor, services, desks, clock
):
    from pst_desktop.visits import priority

    k, p = services["consultation"], services["library"]
    ani = _visitor(receptionist, clock, "Ani")
    ticket = queue.issue_ticket(
        receptionist,
        visitor_id=ani.id,
        service_id=k.id,
        more_services=[p.id],
        priority_mark=priority.check_mark("elderly"),
    )
    queue.call_next(officer, desks[0].id)
    handed = queue.hand_on(make_actor(Role.SUPERVISOR), ticket.visit_id)
    assert handed.priority == "elderly" and handed.service_id == p.id
    row = visit_services.steps(ticket.visit_id)[0]
    assert row.officer_id == officer.user_id  # delivered by the officer who held it


def test_a_visit_in_service_at_day_end_counts_its_service_delivered(
    queue, receptionist, officer, services, desks, clock
):
    from tests.support import wib

    k, p = services["consultation"], services["library"]
    ani = _visitor(receptionist, clock, "Ani")
    ticket = queue.issue_ticket(
        receptionist, visitor_id=ani.id, service_id=k.id, more_services=[p.id]
    )
    queue.call_next(officer, desks[0].id)
    queue.hand_on(officer, ticket.visit_id)
    queue.call_next(officer, desks[0].id)
    queue.start(officer, ticket.visit_id)
    clock.set(wib(2026, 11, 25, 8, 5))
    queue.close_earlier_days(receptionist.office_id)
    assert [s.status for s in visit_services.steps(ticket.visit_id)] == ["done", "done"]
