"""Taking back a transfer, a no-show and a "visitor left"."""

import pytest

from models.entities import Desk, Role, ServiceType, VisitStatus
from pst_desktop.core.errors import Conflict, PermissionDenied
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.frontdesk.reception import FrontDesk
from pst_desktop.visits.queue import UNDO_WINDOW, QueueService


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


@pytest.fixture
def ticket(queue, receptionist, clock, services):
    form = VisitorForm(name="Siti Aminah", email="siti@example.com", gender="female", consent=True)
    visitor = RegistrationService(clock).register(receptionist, form)
    return queue.issue_ticket(
        receptionist, visitor_id=visitor.id, service_id=services["consultation"].id
    )


def test_a_transfer_is_taken_back_to_the_officer_who_held_it(
    queue, officer, ticket, services, desks, clock
):
    called = queue.call_next(officer, desks[0].id)
    moved = queue.transfer(officer, ticket.visit_id, service_id=services["library"].id)
    assert moved.service_id == services["library"].id and moved.undo.kind == "transfer"
    clock.advance(minutes=30)  # a transfer has no time limit, only "until it moves"
    back = queue.undo(officer, moved.undo)
    assert back.status == VisitStatus.CALLED and back.officer_id == officer.user_id
    assert back.service_id == services["consultation"].id and back.desk_id == desks[0].id
    assert back.called_at == called.called_at
    assert queue.held_ticket(officer).id == ticket.visit_id


def test_a_transfer_cannot_be_taken_back_once_called_again(
    queue, officer, make_actor, ticket, services, desks
):
    queue.call_next(officer, desks[0].id)
    moved = queue.transfer(officer, ticket.visit_id, desk_id=desks[1].id)
    other = make_actor(Role.OFFICER)
    queue.call_next(other, desks[1].id)
    with pytest.raises(Conflict):
        queue.undo(officer, moved.undo)
    assert queue.held_ticket(other).id == ticket.visit_id


def test_only_the_one_who_transferred_may_take_it_back(
    queue, officer, make_actor, ticket, services, desks
):
    queue.call_next(officer, desks[0].id)
    moved = queue.transfer(officer, ticket.visit_id, service_id=services["library"].id)
    with pytest.raises(PermissionDenied):
        queue.undo(make_actor(Role.OFFICER), moved.undo)
    # and the one who did cannot once the ticket moved another way (returned, called…)
    queue.transfer(officer, ticket.visit_id, service_id=services["consultation"].id)
    with pytest.raises(Conflict):
        queue.undo(officer, moved.undo)


def test_a_no_show_is_called_again_by_the_same_officer(queue, officer, ticket, desks, clock):
    queue.call_next(officer, desks[0].id)
    skipped = queue.skip(officer, ticket.visit_id)
    assert skipped.status == VisitStatus.SKIPPED
    clock.advance(minutes=1)
    back = queue.undo(officer, skipped.undo)
    assert back.status == VisitStatus.CALLED and back.officer_id == officer.user_id
    assert back.desk_id == desks[0].id


def test_a_no_show_is_not_taken_back_after_the_window_or_a_new_call(
    queue, officer, receptionist, ticket, desks, clock, services
):
    queue.call_next(officer, desks[0].id)
    skipped = queue.skip(officer, ticket.visit_id)
    clock.advance(seconds=UNDO_WINDOW.total_seconds() + 1)
    with pytest.raises(Conflict):
        queue.undo(officer, skipped.undo)
    # a fresh no-show, then the officer calls the next ticket: the hands are not free
    form = VisitorForm(name="Budi", email="budi@example.com", gender="male", consent=True)
    visitor = RegistrationService(clock).register(receptionist, form)
    second = queue.issue_ticket(
        receptionist, visitor_id=visitor.id, service_id=services["consultation"].id
    )
    queue.call_next(officer, desks[0].id)
    again = queue.skip(officer, second.visit_id)
    queue.return_to_queue(officer, ticket.visit_id)
    queue.call_next(officer, desks[0].id)
    with pytest.raises(Conflict):
        queue.undo(officer, again.undo)


def test_a_visitor_who_left_waits_again(queue, receptionist, make_actor, ticket, clock):
    desk = FrontDesk(clock)
    left = desk.mark_left(receptionist, ticket.visit_id)
    assert left.status == VisitStatus.CANCELLED
    with pytest.raises(PermissionDenied):
        desk.undo(make_actor(Role.RECEPTIONIST), left.undo)
    back = desk.undo(receptionist, left.undo)
    assert back.status == VisitStatus.WAITING and back.cancel_reason == ""
    assert desk.queue.code_of(back) == ticket.code


def test_a_visitor_who_left_is_not_taken_back_after_the_window(queue, receptionist, ticket, clock):
    desk = FrontDesk(clock)
    left = desk.mark_left(receptionist, ticket.visit_id)
    clock.advance(seconds=UNDO_WINDOW.total_seconds() + 1)
    with pytest.raises(Conflict):
        desk.undo(receptionist, left.undo)
