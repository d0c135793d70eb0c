"""The front desk's rules (SOP steps 2 and 4), for the receptionist window to ask and show.

- which ticket statuses count as *waiting*, *called*, *in service*, *done* (and closed: cancelled,
  left, no-show) — ``stage_of``;
- how long a ticket has waited and when that wait turns amber / red — ``wait_of``,
  ``wait_level`` with ``WAIT_WARNING`` / ``WAIT_ALERT``;
- what "the visitor left" means: a cancellation with the reason ``LEFT_REASON`` — ``mark_left``;
- the queue and today's appointments as plain rows (``queue_snapshot``), safe to build on a worker
  thread and hand to the GUI thread;
- the appointment a visitor is offered outside service hours (``appointment_offer``) and the
  check-in of an appointment that arrives (``FrontDesk.check_in``).

No widgets here; every rule has a unit test without Qt widgets.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from models.database import write_transaction
from models.entities import (
    Appointment,
    ServiceType,
    Visit,
    Visitor,
    VisitStatus,
)
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import Conflict, NotFound
from pst_desktop.frontdesk import appointments
from pst_desktop.frontdesk.appointments import AppointmentService
from pst_desktop.sop import standards
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.sop.permissions import Action, Actor, require
from pst_desktop.visits.priority import PriorityMark
from pst_desktop.visits.queue import (
    IssuedTicket,
    QueueService,
    Undo,
    served_service_ids,
)
from pst_desktop.visits.walk_ins import WalkIn, walk_ins_of_day

#: a waiting ticket turns amber after this long, red after ``WAIT_ALERT``
WAIT_WARNING = dt.timedelta(minutes=15)
WAIT_ALERT = dt.timedelta(minutes=30)

#: the cancel reason stored when the receptionist marks that the visitor left unserved
LEFT_REASON = "left"

S = VisitStatus


class Stage(StrEnum):
    """Where a ticket is, as the front desk counts it."""

    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    CLOSED = "closed"  # cancelled, left, skipped (no-show), or expired at day end: not served


_STAGES = {
    S.WAITING: Stage.WAITING,
    S.CALLED: Stage.CALLED,
    S.SERVING: Stage.SERVING,
    S.AWAITING_RATING: Stage.DONE,
    S.DONE: Stage.DONE,
    S.SKIPPED: Stage.CLOSED,
    S.CANCELLED: Stage.CLOSED,
    S.EXPIRED: Stage.CLOSED,
}

#: the stages still in the queue (shown by default, in this order)
ACTIVE_STAGES = (Stage.CALLED, Stage.SERVING, Stage.WAITING)


def stage_of(status: str) -> Stage:
    return _STAGES[S(status)]


class WaitLevel(StrEnum):
    OK = "ok"
    WARNING = "warning"
    ALERT = "alert"


def wait_of(
    stage: Stage,
    issued_at: dt.datetime,
    called_at: dt.datetime | None,
    now: dt.datetime,
) -> dt.timedelta | None:
    """How long the visitor waited: still running while waiting, fixed once called.

    None for a ticket closed without a call (cancelled, left)."""
    if stage is Stage.WAITING:
        return max(now - issued_at, dt.timedelta(0))
    if called_at is not None:
        return max(called_at - issued_at, dt.timedelta(0))
    return None


def wait_level(stage: Stage, waited: dt.timedelta | None) -> WaitLevel:
    """Amber / red only for a ticket still waiting: that is the one someone can act on."""
    if stage is not Stage.WAITING or waited is None:
        return WaitLevel.OK
    if waited >= WAIT_ALERT:
        return WaitLevel.ALERT
    if waited >= WAIT_WARNING:
        return WaitLevel.WARNING
    return WaitLevel.OK


def minutes_text(waited: dt.timedelta | None) -> str:
    """``0:07`` / ``1:05`` (hours:minutes), the way the desk reads a wait; "" when none."""
    if waited is None:
        return ""
    minutes = int(waited.total_seconds() // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def is_left(status: str, cancel_reason: str) -> bool:
    return status == S.CANCELLED.value and cancel_reason == LEFT_REASON


# -- plain rows for the GUI ------------------------------------------------------------------------
@dataclass(frozen=True)
class QueueRow:
    visit_id: int
    code: str
    number: int
    service_id: int
    service_name: str
    visitor_id: int | None
    visitor_name: str
    purpose: str
    status: str
    stage: Stage
    issued_at: dt.datetime
    called_at: dt.datetime | None
    desk_name: str
    cancel_reason: str
    left: bool
    from_appointment: bool
    priority: str = ""  # "" a normal ticket, else its reason (``priority.reason_label``)

    @classmethod
    def of(cls, walk_in: WalkIn) -> QueueRow:
        """The row of a walk-in ticket (``pst_desktop/visits/walk_ins.py``)."""
        return cls(
            visit_id=walk_in.visit_id,
            code=walk_in.code,
            number=walk_in.number,
            service_id=walk_in.service_id,
            service_name=walk_in.service_name,
            visitor_id=walk_in.visitor_id,
            visitor_name=walk_in.visitor_name,
            purpose=walk_in.purpose,
            status=walk_in.status,
            stage=stage_of(walk_in.status),
            issued_at=walk_in.issued_at,
            called_at=walk_in.called_at,
            desk_name=walk_in.desk_name,
            cancel_reason=walk_in.cancel_reason,
            left=is_left(walk_in.status, walk_in.cancel_reason),
            from_appointment=walk_in.from_appointment,
            priority=walk_in.priority,
        )

    def waited(self, now: dt.datetime) -> dt.timedelta | None:
        return wait_of(self.stage, self.issued_at, self.called_at, now)

    def level(self, now: dt.datetime) -> WaitLevel:
        return wait_level(self.stage, self.waited(now))


@dataclass(frozen=True)
class ServiceChoice:
    service_id: int
    prefix: str
    name: str
    #: an open desk serves it: a ticket can be issued (else the front desk refuses one)
    served: bool = True


@dataclass
class ServiceCount:
    service_id: int
    prefix: str
    name: str
    waiting: int = 0
    called: int = 0
    serving: int = 0
    done: int = 0
    closed: int = 0


@dataclass(frozen=True)
class AppointmentRow:
    appointment_id: int
    visitor_id: int
    visitor_name: str
    service_id: int
    service_name: str
    scheduled_at: dt.datetime
    status: str  # booked / checked_in
    can_check_in: bool
    note: str


@dataclass
class QueueSnapshot:
    taken_at: dt.datetime
    rows: list[QueueRow] = field(default_factory=list)
    counts: list[ServiceCount] = field(default_factory=list)
    appointments: list[AppointmentRow] = field(default_factory=list)
    is_open: bool = True


def services_of(office_id: int) -> list[ServiceChoice]:
    """The active services of the office, in its order; ``served`` says whether an open desk
    serves one (a ticket for one that no desk serves is refused: nobody could call it)."""
    query = (
        ServiceType.select()
        .where((ServiceType.office == office_id) & ServiceType.active)
        .order_by(ServiceType.sort_order, ServiceType.id)
    )
    served = served_service_ids(office_id)
    return [ServiceChoice(s.id, s.prefix, s.name, s.id in served) for s in query]


@dataclass(frozen=True)
class DeskSetup:
    """What the front desk shows of the office's set-up: its time zone and services."""

    zone: ZoneInfo
    services: list[ServiceChoice]


def desk_setup(office_id: int) -> DeskSetup:
    """The office's set-up as it is now (again after an admin changed it on some PC)."""
    return DeskSetup(OfficeCalendar.for_office(office_id).zone, services_of(office_id))


def can_check_in(scheduled_at: dt.datetime, now: dt.datetime) -> bool:
    return (
        scheduled_at - appointments.CHECK_IN_EARLY
        <= now
        <= scheduled_at + appointments.CHECK_IN_LATE
    )


def queue_snapshot(office_id: int, now: dt.datetime) -> QueueSnapshot:
    """Today's walk-in tickets, the counts per service and today's appointments, as plain data.

    Reads only; safe on a worker thread (the caller owns that thread's connection)."""
    calendar = OfficeCalendar.for_office(office_id)
    snapshot = QueueSnapshot(taken_at=now, is_open=calendar.is_open(now))
    counts = {
        s.service_id: ServiceCount(s.service_id, s.prefix, s.name) for s in services_of(office_id)
    }
    for walk_in in walk_ins_of_day(office_id, calendar.office_day(now)):
        row = QueueRow.of(walk_in)
        snapshot.rows.append(row)
        count = counts.get(row.service_id)
        if count is not None:
            setattr(count, row.stage.value, getattr(count, row.stage.value) + 1)
    snapshot.counts = list(counts.values())
    snapshot.appointments = appointments_today(office_id, now, calendar)
    return snapshot


def appointments_today(
    office_id: int, now: dt.datetime, calendar: OfficeCalendar | None = None
) -> list[AppointmentRow]:
    """Today's booked and checked-in appointments (office day), soonest first."""
    calendar = calendar or OfficeCalendar.for_office(office_id)
    day = calendar.office_day(now)
    start = dt.datetime.combine(day, dt.time(0), calendar.zone)
    end = start + dt.timedelta(days=1)
    query = (
        Appointment.select(Appointment, Visitor.name, ServiceType.name)
        .join(Visitor, on=(Appointment.visitor == Visitor.id))
        .switch(Appointment)
        .join(ServiceType, on=(Appointment.service == ServiceType.id))
        .where(
            (Appointment.office == office_id)
            & Appointment.status.in_(("booked", "checked_in"))
            & (Appointment.scheduled_at >= start)
            & (Appointment.scheduled_at < end)
        )
        .order_by(Appointment.scheduled_at, Appointment.id)
    )
    return [
        AppointmentRow(
            appointment_id=a.id,
            visitor_id=a.visitor_id,
            visitor_name=a.visitor.name,
            service_id=a.service_id,
            service_name=a.service.name,
            scheduled_at=a.scheduled_at,
            status=a.status,
            can_check_in=a.status == "booked" and can_check_in(a.scheduled_at, now),
            note=a.note,
        )
        for a in query
    ]


# -- outside service hours ------------------------------------------------------------------------
@dataclass(frozen=True)
class AppointmentOffer:
    """What to offer a visitor who arrives outside service hours."""

    opens_at: dt.datetime  # the next opening of the desk (local time)
    suggested: dt.datetime  # the default appointment time (local time)
    earliest_today: dt.datetime  # the earliest same-day time the notice rule allows (local)
    outside_hours: bool = True  # the desk is closed now (else: an appointment during open hours)


def appointment_offer(office_id: int, now: dt.datetime) -> AppointmentOffer:
    """The next opening, and a suggested appointment: the next opening when it is on a later
    day, else the earliest time the SOP's notice rule allows today (≥ 1 hour ahead, on the next
    quarter hour)."""
    calendar = OfficeCalendar.for_office(office_id)
    local_now = calendar.local(now)
    earliest = _next_quarter(local_now + appointments.SAME_DAY_NOTICE)
    opens = calendar.local(calendar.next_opening(now))
    if opens.date() > local_now.date() or earliest.date() > local_now.date():
        suggested = opens
    else:
        suggested = max(earliest, opens)
    return AppointmentOffer(
        opens_at=opens,
        suggested=suggested,
        earliest_today=earliest,
        outside_hours=not calendar.is_open(now),
    )


def _next_quarter(moment: dt.datetime) -> dt.datetime:
    minutes = math.ceil((moment.minute + moment.second / 60 + moment.microsecond / 6e7) / 15) * 15
    base = moment.replace(minute=0, second=0, microsecond=0)
    return base + dt.timedelta(minutes=minutes)


# -- the registration standard -------------------------------------------------------------------
def registration_measure(started: dt.datetime | None, now: dt.datetime) -> standards.Measure:
    """SOP step 4: registration (form opened → ticket issued) takes at most 10 minutes."""
    return standards.registration(started, None, now)


# -- actions --------------------------------------------------------------------------------------
class FrontDesk:
    """The receptionist's actions, on top of the queue and appointment services."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.queue = QueueService(clock)
        self.appointments = AppointmentService(clock)

    def issue(
        self,
        actor: Actor,
        *,
        visitor_id: int,
        service_id: int,
        purpose: str = "",
        registration_started_at: dt.datetime | None = None,
        priority_mark: PriorityMark | None = None,
        more_services: Sequence[int] = (),
    ) -> IssuedTicket:
        """Issue a ticket (a priority one with ``priority_mark``, from ``priority.check_mark``;
        ``more_services``: the services the visit goes on to after ``service_id``, in order);
        a visitor with an appointment due now is checked in with it."""
        now = self.clock.now()
        due = appointments.find_for_check_in(actor.office_id, visitor_id, service_id, now)
        if due is not None:
            return self.check_in(
                actor,
                due.id,
                purpose,
                registration_started_at,
                priority_mark=priority_mark,
                more_services=more_services,
            )
        return self.queue.issue_ticket(
            actor,
            visitor_id=visitor_id,
            service_id=service_id,
            purpose=purpose,
            registration_started_at=registration_started_at,
            priority_mark=priority_mark,
            more_services=more_services,
        )

    def check_in(
        self,
        actor: Actor,
        appointment_id: int,
        purpose: str = "",
        registration_started_at: dt.datetime | None = None,
        priority_mark: PriorityMark | None = None,
        more_services: Sequence[int] = (),
    ) -> IssuedTicket:
        """The visitor of a booked appointment arrived: issue their ticket, in or out of
        service hours, and mark the appointment checked in (one transaction)."""
        require(actor, Action.ISSUE_TICKET)
        with write_transaction():
            now = self.clock.now()
            appointment = Appointment.get_or_none(
                (Appointment.id == appointment_id) & (Appointment.office == actor.office_id)
            )
            if appointment is None:
                raise NotFound(
                    QCoreApplication.translate("FrontDesk", "This appointment does not exist.")
                )
            if appointment.status != "booked":
                raise Conflict(
                    QCoreApplication.translate(
                        "FrontDesk", "This appointment is already checked in or cancelled."
                    )
                )
            if not can_check_in(appointment.scheduled_at, now):
                raise Conflict(
                    QCoreApplication.translate(
                        "FrontDesk",
                        "This appointment can be checked in from 1 hour before to 2 hours "
                        "after its time.",
                    )
                )
            ticket = self.queue.issue_ticket(
                actor,
                visitor_id=appointment.visitor_id,
                service_id=appointment.service_id,
                purpose=purpose,
                registration_started_at=registration_started_at,
                appointment_id=appointment.id,
                priority_mark=priority_mark,
                more_services=more_services,
            )
            # inside service hours the queue does not look for appointments: link it here
            Visit.update(appointment=appointment.id).where(
                (Visit.id == ticket.visit_id) & Visit.appointment.is_null()
            ).execute()
            Appointment.update(status="checked_in").where(
                Appointment.id == appointment.id
            ).execute()
        return ticket

    def cancel(self, actor: Actor, visit_id: int, reason: str) -> None:
        self.queue.cancel(actor, visit_id, reason)

    def mark_left(self, actor: Actor, visit_id: int) -> Visit:
        """The visitor went away before being served: a cancellation with ``LEFT_REASON``;
        the returned visit's ``undo`` takes it back (``undo``) for a few minutes."""
        return self.queue.cancel(actor, visit_id, LEFT_REASON, undo="left")

    def undo(self, actor: Actor, undo: Undo) -> Visit:
        """Take back a "visitor left" (see ``QueueService.undo``)."""
        return self.queue.undo(actor, undo)

    def book(
        self,
        actor: Actor,
        *,
        visitor_id: int,
        service_id: int,
        scheduled_at: dt.datetime,
        note: str = "",
    ) -> Appointment:
        return self.appointments.book(
            actor,
            visitor_id=visitor_id,
            service_id=service_id,
            scheduled_at=scheduled_at,
            note=note,
        )
