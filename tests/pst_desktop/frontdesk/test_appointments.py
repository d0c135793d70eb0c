import pytest

from models.entities import Appointment, AuditLog, Role, ServiceType
from pst_desktop.core.errors import PermissionDenied, ValidationError
from pst_desktop.frontdesk.appointments import AppointmentService, notice_is_enough
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.sop.office_calendar import SOP_HOURS, OfficeCalendar
from tests.support import wib


@pytest.mark.parametrize(
    ("made", "scheduled", "enough"),
    [
        (wib(2026, 11, 24, 14, 0), wib(2026, 11, 24, 16, 0), True),
        (wib(2026, 11, 24, 15, 1), wib(2026, 11, 24, 16, 0), False),  # 59 minutes ahead
        (wib(2026, 11, 24, 15, 0), wib(2026, 11, 24, 16, 0), True),  # exactly one hour
        (wib(2026, 11, 24, 23, 30), wib(2026, 11, 25, 7, 0), True),  # another day
        (wib(2026, 11, 27, 15, 0), wib(2026, 11, 28, 9, 0), True),  # Saturday, booked Friday
    ],
)
def test_notice_rule(made, scheduled, enough):
    assert notice_is_enough(OfficeCalendar("Asia/Jakarta", SOP_HOURS), made, scheduled) is enough


@pytest.fixture
def setup(make_actor, clock, office):
    receptionist = make_actor(Role.RECEPTIONIST)
    visitor = RegistrationService(clock).register(
        receptionist,
        VisitorForm(name="Rudi", email="rudi@example.com", gender="male", consent=True),
    )
    service = ServiceType.get(ServiceType.code == "consultation")
    return receptionist, visitor, service


def test_book_and_cancel_are_audited(setup, clock):
    receptionist, visitor, service = setup
    booking = AppointmentService(clock)
    appointment = booking.book(
        receptionist,
        visitor_id=visitor.id,
        service_id=service.id,
        scheduled_at=wib(2026, 11, 28, 9),
    )
    assert appointment.made_at == clock.now() and appointment.status == "booked"
    assert [a.id for a in booking.upcoming(visitor.office_id)] == [appointment.id]
    booking.cancel(receptionist, appointment.id)
    assert Appointment.get_by_id(appointment.id).status == "cancelled"
    assert booking.upcoming(visitor.office_id) == []
    assert AuditLog.select().where(AuditLog.entity == "appointment").count() == 2
    with pytest.raises(ValidationError):
        booking.cancel(receptionist, appointment.id)


def test_too_short_notice_is_refused_plainly(setup, clock):
    receptionist, visitor, service = setup
    with pytest.raises(ValidationError) as err:
        AppointmentService(clock).book(
            receptionist,
            visitor_id=visitor.id,
            service_id=service.id,
            scheduled_at=wib(2026, 11, 24, 10, 30),  # clock is 10:00 the same day
        )
    assert "1 hour" in err.value.fields["scheduled_at"]
    assert Appointment.select().count() == 0


def test_officer_cannot_book(make_actor, setup, clock):
    _, visitor, service = setup
    with pytest.raises(PermissionDenied):
        AppointmentService(clock).book(
            make_actor(Role.OFFICER),
            visitor_id=visitor.id,
            service_id=service.id,
            scheduled_at=wib(2026, 11, 28, 9),
        )
