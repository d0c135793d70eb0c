"""What the officer's workspace shows (SOP steps 5 and 6), as plain data without widgets.

- ``desk_queue``: the waiting tickets this desk may call (sent to this desk, or of a service it
  serves and sent to no particular desk), oldest first — the order ``QueueService.call_next``
  uses;
- ``held``: the ticket the officer holds now, with the service clock against the 3-hour
  standard (``service_clock``); ``holding``: what the officer holds after a move, from the
  visit the move returned (one read by id);
- ``desk_snapshot``: the held ticket, the desk's queue and the online consultations read
  together, the officer window's refresh (on its worker thread);
- ``finish``: F8, the end of the service and the record made final in one transaction, with
  the visit's survey invitation decided in it (``SurveyService.invite``);
- ``housekeeping``: the periodic jobs any running station may do (end the rating wait after
  5 minutes, close online consultations after 3 days without a reply, close desks nobody
  attends); each is a guarded update, so running it on several stations at once changes every
  row once.  Given the officer and the desk, it is also the window's sign of life at the desk
  (``desk_state.DeskStateService.keep_alive``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from models.database import write_transaction
from models.entities import (
    HELD_STATUSES,
    Desk,
    DeskService,
    ServiceType,
    Visit,
    Visitor,
)
from pst_desktop.core.clock import Clock
from pst_desktop.frontdesk.reception import QueueRow
from pst_desktop.officer.consultations import ConsultationRecord, ConsultationService
from pst_desktop.officer.online import OnlineRow, OnlineService
from pst_desktop.sop import standards
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.sop.permissions import Actor
from pst_desktop.visitor.surveys import SurveyService
from pst_desktop.visits import visit_services
from pst_desktop.visits.desk_state import DeskStateService, DeskStatus, desk_states
from pst_desktop.visits.queue import QueueService, ticket_code
from pst_desktop.visits.walk_ins import waiting_for_desk

#: the service timer turns amber this long before the 3-hour standard
SERVICE_WARNING = dt.timedelta(hours=2, minutes=30)


@dataclass(frozen=True)
class DeskChoice:
    desk_id: int
    name: str
    service_ids: tuple[int, ...]


def desks_of(office_id: int) -> list[DeskChoice]:
    desks = Desk.select().where((Desk.office == office_id) & Desk.active).order_by(Desk.name)
    links: dict[int, list[int]] = {}
    for desk_id, service_id in (
        DeskService.select(DeskService.desk, DeskService.service)
        .join(Desk)
        .where(Desk.office == office_id)
        .tuples()
    ):
        links.setdefault(desk_id, []).append(service_id)
    return [DeskChoice(d.id, d.name, tuple(sorted(links.get(d.id, [])))) for d in desks]


def desk_queue(office_id: int, desk: DeskChoice, now: dt.datetime) -> list[QueueRow]:
    """The waiting tickets this desk may call today, in calling order."""
    day = OfficeCalendar.for_office(office_id).office_day(now)
    waiting = waiting_for_desk(office_id, day, desk.desk_id, desk.service_ids, now)
    return [QueueRow.of(walk_in) for walk_in in waiting]


@dataclass(frozen=True)
class HeldTicket:
    visit_id: int
    code: str
    status: str  # called / serving
    service_id: int
    service_name: str
    visitor_name: str
    purpose: str
    called_at: dt.datetime | None
    service_started_at: dt.datetime | None
    call_count: int
    #: the visitor may not see or hear the call (a sensory disability): fetch them
    fetch_visitor: bool = False
    priority: str = ""  # the ticket's priority reason ("" normal; ``priority.reason_label``)
    #: the visit's next service (``visit_services``): the officer may hand it on; "" none
    next_service: str = ""


def held(queue: QueueService, actor: Actor) -> HeldTicket | None:
    """The ticket the officer holds (called or in service), if any."""
    visit = queue.held_ticket(actor)
    return held_from(visit) if visit is not None else None


def holding(actor: Actor, visit: Visit | None) -> HeldTicket | None:
    """What the officer holds after their own move that returned ``visit`` (a call, recall,
    start, undo…): that ticket while it is called or in service by them, else nothing."""
    if visit is None or visit.officer_id != actor.user_id or visit.status not in HELD_STATUSES:
        return None
    return held_from(visit)


def held_from(visit: Visit) -> HeldTicket:
    """The held ticket as the officer sees it, from the visit row a move returned: one read
    by id for its number's prefix, its service and its visitor."""
    Ticketing = ServiceType.alias()
    row = (
        Visit.select(Ticketing.prefix, ServiceType.id, ServiceType.name, Visitor.name)
        .join(Ticketing, on=(Visit.ticket_service == Ticketing.id))
        .switch(Visit)
        .join(ServiceType, on=(Visit.service == ServiceType.id))
        .switch(Visit)
        .join(Visitor, pw.JOIN.LEFT_OUTER, on=(Visit.visitor == Visitor.id))
        .where(Visit.id == visit.id)
        .tuples()
        .first()
    )
    prefix, service_id, service_name, visitor_name = row if row else ("?", visit.service_id, "", "")
    return HeldTicket(
        visit_id=visit.id,
        code=ticket_code(prefix, visit.number),
        status=visit.status,
        service_id=service_id,
        service_name=service_name,
        visitor_name=visitor_name or "",
        purpose=visit.purpose,
        called_at=visit.called_at,
        service_started_at=visit.service_started_at,
        call_count=visit.call_count,
        fetch_visitor=bool(visit.call_assist),
        priority=visit.priority or "",
        next_service=visit_services.next_services([visit.id]).get(visit.id, ""),
    )


@dataclass(frozen=True)
class DeskSnapshot:
    """What the officer's window shows of the queue, read in one go."""

    taken_at: dt.datetime
    desk_id: int | None
    held: HeldTicket | None
    queue: list[QueueRow]
    online: list[OnlineRow]
    desk_state: DeskStatus | None = None  # the desk's state now


def desk_snapshot(
    clock: Clock, actor: Actor, desk: DeskChoice | None, *, include_closed: bool = False
) -> DeskSnapshot:
    """The held ticket, the desk's waiting tickets and the online consultations (closed ones
    too with ``include_closed``). Reads only: safe on a worker thread with its own
    connection."""
    now = clock.now()
    queue = QueueService(clock)
    return DeskSnapshot(
        taken_at=now,
        desk_id=desk.desk_id if desk else None,
        held=held(queue, actor),
        queue=desk_queue(actor.office_id, desk, now) if desk else [],
        online=OnlineService(clock).rows(actor.office_id, include_closed=include_closed),
        desk_state=desk_status(actor.office_id, desk.desk_id, now) if desk else None,
    )


def desk_status(office_id: int, desk_id: int, now: dt.datetime) -> DeskStatus | None:
    """The desk's state now (open, on a break, closed), None for an unknown desk."""
    found = desk_states(office_id, now, only=desk_id)
    return found[0] if found else None


@dataclass(frozen=True)
class ServiceClock:
    elapsed: dt.timedelta
    limit: dt.timedelta
    verdict: standards.Verdict
    warning: bool  # past ``SERVICE_WARNING`` but still within the standard

    def text(self) -> str:
        """``0:42:05 / 3:00`` (hours:minutes:seconds of the standard)."""
        seconds = max(0, int(self.elapsed.total_seconds()))
        hours, rest = divmod(seconds, 3600)
        limit_hours, limit_rest = divmod(int(self.limit.total_seconds()), 3600)
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d} / {limit_hours}:{limit_rest // 60:02d}"


def service_clock(ticket: HeldTicket, now: dt.datetime) -> ServiceClock | None:
    """The running service time against the 3-hour standard; None before the service starts."""
    measure = standards.service(ticket.service_started_at, None, now)
    if measure.elapsed is None:
        return None
    warning = measure.verdict is standards.Verdict.RUNNING and measure.elapsed >= SERVICE_WARNING
    return ServiceClock(measure.elapsed, measure.limit, measure.verdict, warning)


def finish(
    queue: QueueService,
    consultations: ConsultationService,
    actor: Actor,
    visit_id: int,
    record: ConsultationRecord | None,
) -> Visit:
    """End the service (SOP step 6: the visit waits for the rating) and make ``record`` the
    visit's final record, in one transaction: both happen or neither (the officer keeps the
    ticket and the typed record when either is refused).

    The same transaction decides whether the visitor is asked a survey and writes the
    invitation (``SurveyService.invite``): the rule "only visitors not asked yet this year"
    needs the visit's visitor, which the visitor screen's kiosk role may not read, and the
    screen that hears of the finished visit finds its invitation already there."""
    with write_transaction():
        finished = queue.finish(actor, visit_id)
        consultations.finalize(actor, visit_id, record)
        SurveyService(queue.clock).invite(actor, visit_id)
    return finished


def hand_on(
    queue: QueueService,
    consultations: ConsultationService,
    actor: Actor,
    visit_id: int,
    record: ConsultationRecord | None,
) -> Visit:
    """Hand the visit on to its next service (``QueueService.hand_on``), keeping what the
    officer typed as the visit's draft record (the next desk goes on with it; it becomes the
    record when the visit is finished), in one transaction: both happen or neither."""
    with write_transaction():
        if record is not None and not record.is_empty():
            consultations.save_draft(actor, visit_id, record)
        return queue.hand_on(actor, visit_id)


def housekeeping(
    clock: Clock, office_id: int, actor: Actor | None = None, desk_id: int | None = None
) -> tuple[int, list[int]]:
    """End rating waits past 5 minutes, close the tickets an earlier office day left open,
    auto-close silent online consultations and close desks nobody attends; with ``actor`` and
    ``desk_id``, first say that this officer's window is at that desk."""
    desks = DeskStateService(clock)
    if actor is not None and desk_id is not None:
        desks.keep_alive(actor, desk_id)
    desks.close_unattended(office_id)
    queue = QueueService(clock)
    queue.close_earlier_days(office_id)
    expired = queue.expire_rating_requests(office_id)
    closed = OnlineService(clock).auto_close(office_id)
    return expired, closed
