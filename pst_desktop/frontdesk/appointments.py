"""Appointments: how a visitor is served outside service hours (SOP step 2).

An appointment must be made at least 1 hour ahead when it is for the same day, or on an earlier
day.  The visitor checks in from ``CHECK_IN_EARLY`` before to ``CHECK_IN_LATE`` after the
appointed time; checking in issues a normal queue ticket.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from models.database import write_transaction
from models.entities import Appointment, ServiceType, Visitor
from pst_desktop.admin import audit
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import ValidationError
from pst_desktop.core.text import clean_text
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.sop.permissions import Action, Actor, require

SAME_DAY_NOTICE = dt.timedelta(hours=1)
CHECK_IN_EARLY = dt.timedelta(minutes=60)
CHECK_IN_LATE = dt.timedelta(minutes=120)
#: how far ahead an office books: nobody plans a consultation more than a year away
BOOKING_HORIZON = dt.timedelta(days=365)


def notice_is_enough(
    calendar: OfficeCalendar, made_at: dt.datetime, scheduled_at: dt.datetime
) -> bool:
    """SOP step 2: ≥ 1 hour ahead on the same day, or made on an earlier day."""
    made_day, scheduled_day = calendar.office_day(made_at), calendar.office_day(scheduled_at)
    if scheduled_day > made_day:
        return True
    return scheduled_day == made_day and scheduled_at - made_at >= SAME_DAY_NOTICE


def find_for_check_in(
    office_id: int,
    visitor_id: int,
    service_id: int,
    now: dt.datetime,
    appointment_id: int | None = None,
) -> Appointment | None:
    """The booked appointment this visitor may check in with now, if any."""
    query = Appointment.select().where(
        (Appointment.office == office_id)
        & (Appointment.visitor == visitor_id)
        & (Appointment.service == service_id)
        & (Appointment.status == "booked")
        & (Appointment.scheduled_at >= now - CHECK_IN_LATE)
        & (Appointment.scheduled_at <= now + CHECK_IN_EARLY)
    )
    if appointment_id is not None:
        query = query.where(Appointment.id == appointment_id)
    return query.order_by(Appointment.scheduled_at).first()


class AppointmentService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def book(
        self,
        actor: Actor,
        *,
        visitor_id: int,
        service_id: int,
        scheduled_at: dt.datetime,
        note: str = "",
    ) -> Appointment:
        require(actor, Action.BOOK_APPOINTMENT)
        now = self.clock.now()
        calendar = OfficeCalendar.for_office(actor.office_id)
        errors: dict[str, str] = {}
        if scheduled_at.tzinfo is None:
            errors["scheduled_at"] = QCoreApplication.translate(
                "Appointments", "The appointment time needs a time zone."
            )
        elif scheduled_at <= now:
            errors["scheduled_at"] = QCoreApplication.translate(
                "Appointments", "The appointment must be in the future."
            )
        elif scheduled_at - now > BOOKING_HORIZON:
            errors["scheduled_at"] = QCoreApplication.translate(
                "Appointments", "An appointment can be booked at most one year ahead."
            )
        elif not notice_is_enough(calendar, now, scheduled_at):
            errors["scheduled_at"] = QCoreApplication.translate(
                "Appointments",
                "An appointment for today must be at least 1 hour from now; "
                "otherwise book a later day.",
            )
        if (
            Visitor.get_or_none((Visitor.id == visitor_id) & (Visitor.office == actor.office_id))
            is None
        ):
            errors["visitor"] = QCoreApplication.translate(
                "Appointments", "Register the visitor in the guest book first."
            )
        service = ServiceType.get_or_none(
            (ServiceType.id == service_id) & (ServiceType.office == actor.office_id)
        )
        if service is None or not service.active:
            errors["service"] = QCoreApplication.translate(
                "Appointments", "Choose an active service."
            )
        note = clean_text(note, multiline=True)
        if errors:
            raise ValidationError(errors)
        with write_transaction():
            appointment = Appointment.create(
                office=actor.office_id,
                visitor=visitor_id,
                service=service_id,
                scheduled_at=scheduled_at,
                made_at=now,
                made_by=actor.user_id,
                note=note,
            )
            audit.changed(now, actor.user_id, "create", "appointment", appointment)
        return appointment

    def cancel(self, actor: Actor, appointment_id: int) -> None:
        require(actor, Action.BOOK_APPOINTMENT)
        now = self.clock.now()
        with write_transaction():
            appointment = Appointment.get_or_none(
                (Appointment.id == appointment_id) & (Appointment.office == actor.office_id)
            )
            if appointment is None or appointment.status != "booked":
                raise ValidationError(
                    {
                        "appointment": QCoreApplication.translate(
                            "Appointments", "This appointment is not open any more."
                        )
                    }
                )
            before = audit.snapshot(appointment)
            appointment.status = "cancelled"
            appointment.save()
            audit.changed(now, actor.user_id, "update", "appointment", appointment, before)

    def upcoming(self, office_id: int, days: int = 14) -> list[Appointment]:
        now = self.clock.now()
        return list(
            Appointment.select()
            .where(
                (Appointment.office == office_id)
                & (Appointment.status == "booked")
                & (Appointment.scheduled_at >= now - CHECK_IN_LATE)
                & (Appointment.scheduled_at <= now + dt.timedelta(days=days))
            )
            .order_by(Appointment.scheduled_at)
        )
