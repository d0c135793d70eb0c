import datetime as dt

import pytest

from models.entities import Appointment, Desk, DeskService, Role, ServiceType, Visit, VisitStatus
from pst_desktop.core.errors import (
    Conflict,
    OutsideServiceHours,
    PermissionDenied,
    ValidationError,
)
from pst_desktop.frontdesk.appointments import AppointmentService
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visits.queue import QueueService, ticket_code
from tests.support import wib


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


def test_ticket_code_is_prefix_and_three_digits():
    assert ticket_code("K", 7) == "K-007"
    assert ticket_code("K", 1234) == "K-1234"
    assert ticket_code("K", None) == ""


def test_numbers_count_per_service_and_reset_each_day(
    queue, receptionist, visitor, services, clock
):
    k = services["consultation"]
    p = services["library"]
    codes = [issue(queue, receptionist, visitor, s).code for s in (k, k, p, k)]
    assert codes == ["K-001", "K-002", "P-001", "K-003"]
    clock.set(wib(2026, 11, 25, 8, 5))  # the next working day
    assert issue(queue, receptionist, visitor, k).code == "K-001"


def test_issue_reports_people_ahead(queue, receptionist, visitor, services):
    k = services["consultation"]
    assert issue(queue, receptionist, visitor, k).ahead == 0
    assert issue(queue, receptionist, visitor, k).ahead == 1
    assert issue(queue, receptionist, visitor, services["library"]).ahead == 0


def test_registration_time_is_kept(queue, receptionist, visitor, services, clock):
    started = clock.now() - dt.timedelta(minutes=4)
    ticket = queue.issue_ticket(
        receptionist,
        visitor_id=visitor.id,
        service_id=services["consultation"].id,
        registration_started_at=started,
    )
    visit = Visit.get_by_id(ticket.visit_id)
    assert visit.registration_started_at == started
    assert visit.issued_at - visit.registration_started_at == dt.timedelta(minutes=4)


def test_officer_cannot_issue_and_receptionist_cannot_serve(
    queue, officer, receptionist, visitor, services, desks
):
    with pytest.raises(PermissionDenied):
        issue(queue, officer, visitor, services["consultation"])
    ticket = issue(queue, receptionist, visitor, services["consultation"])
    with pytest.raises(PermissionDenied):
        queue.call_next(receptionist, desks[0].id)
    with pytest.raises(PermissionDenied):
        queue.finish(receptionist, ticket.visit_id)


def test_inactive_service_is_refused(queue, receptionist, visitor, services):
    library = services["library"]
    library.active = False
    library.save()
    with pytest.raises(ValidationError) as err:
        issue(queue, receptionist, visitor, library)
    assert "service" in err.value.fields
    assert Visit.select().count() == 0


def test_call_next_takes_the_oldest_ticket_of_the_desk_services(
    queue, receptionist, officer, visitor, services, desks, clock
):
    DeskService.delete().where(
        (DeskService.desk == desks[0].id) & (DeskService.service == services["library"].id)
    ).execute()
    library = issue(queue, receptionist, visitor, services["library"])
    clock.advance(minutes=1)
    first = issue(queue, receptionist, visitor, services["consultation"])
    clock.advance(minutes=1)
    issue(queue, receptionist, visitor, services["consultation"])
    called = queue.call_next(officer, desks[0].id)
    assert called.id == first.visit_id  # the library ticket is not served at desk 1
    assert called.status == VisitStatus.CALLED
    assert called.officer_id == officer.user_id and called.desk_id == desks[0].id
    assert called.called_at == clock.now()
    assert Visit.get_by_id(library.visit_id).status == VisitStatus.WAITING


def test_officer_holds_at_most_one_ticket(queue, receptionist, officer, visitor, services, desks):
    k = services["consultation"]
    issue(queue, receptionist, visitor, k)
    second = issue(queue, receptionist, visitor, k)
    queue.call_next(officer, desks[0].id)
    with pytest.raises(Conflict, match="K-001"):
        queue.call_next(officer, desks[0].id)
    with pytest.raises(Conflict):
        queue.call_ticket(officer, second.visit_id, desks[0].id)
    assert Visit.get_by_id(second.visit_id).status == VisitStatus.WAITING


def test_two_officers_never_get_the_same_ticket(
    queue, receptionist, make_actor, visitor, services, desks
):
    one, two = make_actor(Role.OFFICER), make_actor(Role.OFFICER)
    issue(queue, receptionist, visitor, services["consultation"])
    assert queue.call_next(one, desks[0].id) is not None
    assert queue.call_next(two, desks[1].id) is None


def test_call_a_ticket_out_of_order_and_lose_the_race(
    queue, receptionist, make_actor, visitor, services, desks
):
    one, two = make_actor(Role.OFFICER), make_actor(Role.OFFICER)
    issue(queue, receptionist, visitor, services["consultation"])
    later = issue(queue, receptionist, visitor, services["consultation"])
    assert queue.call_ticket(one, later.visit_id, desks[0].id).id == later.visit_id
    with pytest.raises(Conflict, match="Another desk"):
        queue.call_ticket(two, later.visit_id, desks[1].id)


def test_full_service_path_and_rating_window(
    queue, receptionist, officer, visitor, services, desks, clock
):
    ticket = issue(queue, receptionist, visitor, services["consultation"])
    queue.call_next(officer, desks[0].id)
    visit = queue.recall(officer, ticket.visit_id)
    assert visit.call_count == 2
    clock.advance(minutes=2)
    visit = queue.start(officer, ticket.visit_id)
    assert visit.status == VisitStatus.SERVING and visit.service_started_at == clock.now()
    clock.advance(minutes=40)
    visit = queue.finish(officer, ticket.visit_id)
    assert visit.status == VisitStatus.AWAITING_RATING
    assert visit.finished_at - visit.service_started_at == dt.timedelta(minutes=40)
    assert queue.held_ticket(officer) is None
    clock.advance(minutes=4)
    assert queue.expire_rating_requests(visit.office_id) == 0
    clock.advance(minutes=2)
    assert queue.expire_rating_requests(visit.office_id) == 1
    assert Visit.get_by_id(ticket.visit_id).status == VisitStatus.DONE


def test_finishing_without_start_counts_service_from_the_call(
    queue, receptionist, officer, visitor, services, desks, clock
):
    ticket = issue(queue, receptionist, visitor, services["consultation"])
    queue.call_next(officer, desks[0].id)
    called_at = clock.now()
    clock.advance(minutes=15)
    visit = queue.finish(officer, ticket.visit_id)
    assert visit.service_started_at == called_at


def test_skip_then_return_to_queue_keeps_the_place(
    queue, receptionist, officer, visitor, services, desks, clock
):
    first = issue(queue, receptionist, visitor, services["consultation"])
    clock.advance(minutes=1)
    issue(queue, receptionist, visitor, services["consultation"])
    queue.call_next(officer, desks[0].id)
    assert queue.skip(officer, first.visit_id).status == VisitStatus.SKIPPED
    queue.return_to_queue(officer, first.visit_id)
    again = queue.call_next(officer, desks[0].id)
    assert again.id == first.visit_id  # oldest by issue time


def test_only_the_holder_may_finish(queue, receptionist, make_actor, visitor, services, desks):
    one, two = make_actor(Role.OFFICER), make_actor(Role.OFFICER)
    ticket = issue(queue, receptionist, visitor, services["consultation"])
    queue.call_next(one, desks[0].id)
    with pytest.raises(Conflict, match="another officer"):
        queue.finish(two, ticket.visit_id)


def test_transfer_keeps_number_and_place(
    queue, receptionist, officer, visitor, services, desks, clock
):
    k = services["consultation"]
    p = services["library"]
    ticket = issue(queue, receptionist, visitor, k)
    clock.advance(minutes=1)
    library_ticket = issue(queue, receptionist, visitor, p)
    queue.call_next(officer, desks[0].id)
    moved = queue.transfer(officer, ticket.visit_id, service_id=p.id)
    assert moved.status == VisitStatus.WAITING and moved.officer_id is None
    assert moved.service_id == p.id and queue.code_of(moved) == "K-001"
    # another library ticket issued afterwards still gets P-002; the K-001 keeps its place
    assert issue(queue, receptionist, visitor, p).code == "P-002"
    assert queue.call_next(officer, desks[0].id).id == ticket.visit_id
    assert library_ticket.code == "P-001"


def test_transfer_to_a_desk_reserves_it_for_that_desk(
    queue, receptionist, make_actor, visitor, services, desks
):
    one, two = make_actor(Role.OFFICER), make_actor(Role.OFFICER)
    ticket = issue(queue, receptionist, visitor, services["consultation"])
    queue.transfer(one, ticket.visit_id, desk_id=desks[1].id)
    assert queue.call_next(one, desks[0].id) is None
    assert queue.call_next(two, desks[1].id).id == ticket.visit_id


def test_transfer_needs_a_target(queue, receptionist, officer, visitor, services):
    ticket = issue(queue, receptionist, visitor, services["consultation"])
    with pytest.raises(ValidationError):
        queue.transfer(officer, ticket.visit_id)


def test_cancel_needs_a_reason_and_is_audited(queue, receptionist, visitor, services):
    from models.entities import AuditLog

    ticket = issue(queue, receptionist, visitor, services["consultation"])
    with pytest.raises(ValidationError):
        queue.cancel(receptionist, ticket.visit_id, "  ")
    visit = queue.cancel(receptionist, ticket.visit_id, "Pengunjung pulang")
    assert visit.status == VisitStatus.CANCELLED and visit.cancel_reason == "Pengunjung pulang"
    entry = AuditLog.get((AuditLog.entity == "visit") & (AuditLog.entity_id == ticket.visit_id))
    assert '"waiting"' in entry.before and '"cancelled"' in entry.after
    with pytest.raises(Conflict):
        queue.cancel(receptionist, ticket.visit_id, "lagi")


def test_outside_hours_needs_an_appointment(queue, receptionist, visitor, services, clock):
    clock.set(wib(2026, 11, 24, 16, 0))  # Tuesday after 15:30
    with pytest.raises(OutsideServiceHours) as err:
        issue(queue, receptionist, visitor, services["consultation"])
    message = str(err.value)
    assert "25-11-2026 08:00" in message and "appointment" in message
    assert Visit.select().count() == 0


def test_appointment_outside_hours_is_checked_in(queue, receptionist, visitor, services, clock):
    consultation = services["consultation"]
    booking = AppointmentService(clock)
    appointment = booking.book(
        receptionist,
        visitor_id=visitor.id,
        service_id=consultation.id,
        scheduled_at=wib(2026, 11, 24, 16, 30),
    )
    clock.set(wib(2026, 11, 24, 16, 20))
    ticket = issue(queue, receptionist, visitor, consultation)
    visit = Visit.get_by_id(ticket.visit_id)
    assert visit.appointment_id == appointment.id
    assert Appointment.get_by_id(appointment.id).status == "checked_in"
    # the appointment is used up: a second ticket outside hours is refused
    with pytest.raises(OutsideServiceHours):
        issue(queue, receptionist, visitor, consultation)


def test_statuses_have_labels_in_the_chosen_language(qapp):
    from pst_desktop.core.i18n import install_translator
    from pst_desktop.visits.queue import status_label

    assert status_label("waiting") == "waiting"
    install_translator(qapp, "id")
    assert status_label("waiting") != "waiting"
    assert status_label("unknown") == "unknown"
