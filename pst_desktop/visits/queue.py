"""The queue: issue numbered tickets and move them through the desk (SOP steps 4–6).

Two rules hold even when several PCs act at the same instant:
- a ticket number is never issued twice: the per-(service, office day) counter row is bumped by an
  upsert that returns the new value in the same transaction as the ticket insert, with
  UNIQUE (ticket_service, day, number) as the backstop;
- a ticket is claimed by exactly one officer, and an officer holds at most one ticket:
  PostgreSQL picks with ``FOR UPDATE SKIP LOCKED``, SQLite serialises writers with
  ``BEGIN IMMEDIATE``; the claim is a guarded update (``WHERE status = 'waiting'``) and a partial
  unique index on the officer of a held ticket is the backstop.

Order and time:
- every timestamp of a move is read from the clock inside the transaction that records it, after
  the lock that orders the move (the counter row for an issue, the office's call lock for a call,
  the ticket row for the other moves), and is never earlier than the ticket's previous
  timestamp: so within a service and day ``issued_at`` never decreases with the number, and a
  ticket is never called before it was issued or finished before it was called, even when the
  PCs' clocks differ a little;
- "call next" takes the office's tickets in number order within a service, day and class
  (ordered by issue time, then id: both agree with the number by the rule above; the classes
  are priority and normal tickets, and ``priority.next_to_call`` says which class goes first,
  within a rule that never starves the normal ones); on PostgreSQL calls of one office take
  turns (an advisory lock), so call order is number order within a class; a call is refused at
  a desk that is not open (``desk_state``);
- at the end of an office day the walk-in tickets still waiting or called are closed as
  ``expired`` (not served that day), and tickets still in service as done: lazily, by the first
  issue, call or move of a later day, in one guarded update (``close_earlier_days``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import database_proxy, is_sqlite, write_transaction
from models.entities import (
    HELD_STATUSES,
    Appointment,
    Channel,
    Desk,
    DeskService,
    Role,
    ServiceType,
    TicketCounter,
    Visit,
    Visitor,
    VisitStatus,
)
from pst_desktop.admin import audit
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import (
    Conflict,
    NotFound,
    OutsideServiceHours,
    PermissionDenied,
    ValidationError,
)
from pst_desktop.core.i18n import format_moment
from pst_desktop.core.text import clean_text
from pst_desktop.frontdesk import appointments
from pst_desktop.frontdesk.guest_book import check_purpose
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.sop.permissions import Action, Actor, require
from pst_desktop.visits import desk_state, priority, visit_services
from pst_desktop.visits.events import Event, publish

# SOP step 6: the visitor rates within 5 minutes of the end of service
RATING_WINDOW = dt.timedelta(minutes=5)
#: how long a no-show or a "visitor left" can be taken back (a transfer: until the ticket moves)
UNDO_WINDOW = dt.timedelta(minutes=5)
#: the columns a move that can be undone puts back
UNDO_COLUMNS = (
    "status",
    "officer",
    "desk",
    "service",
    "called_at",
    "service_started_at",
    "cancel_reason",
)

S = VisitStatus

log = logging.getLogger(__name__)

#: walk-in statuses closed as ``expired`` when their office day ends (not served that day)
UNSERVED_AT_DAY_END = (S.WAITING.value, S.CALLED.value)

#: PostgreSQL advisory lock keys (two-key form: key, office id)
_CALL_LOCK = 7310010  # "call next" of one office, one at a time: call order = number order
_DAY_END_LOCK = 7310011  # the end-of-day close of one office

#: roles that may move a ticket another officer holds
_OVERSEERS = (Role.SUPERVISOR, Role.ADMIN)


def _office_lock(key: int, office_id: int) -> None:
    """Serialise one kind of move per office on PostgreSQL (SQLite's IMMEDIATE does already)."""
    if not is_sqlite():
        database_proxy.execute_sql(f"SELECT pg_advisory_xact_lock({int(key)}, {int(office_id)})")


def _not_before(now: dt.datetime, *earlier: dt.datetime | None) -> dt.datetime:
    """``now``, or the latest of ``earlier`` when the clock (another PC's) is behind it."""
    return max([now, *(t for t in earlier if t is not None)])


def desk_may_call(desk_id: int, service_ids: Collection[int] | pw.Node) -> pw.Node:
    """The tickets a desk may call: those sent to it, and those of a service it serves
    (``service_ids``, or a query of them) sent to no particular desk."""
    return (Visit.desk == desk_id) | (Visit.desk.is_null() & Visit.service.in_(service_ids))


def ticket_code(prefix: str, number: int | None) -> str:
    """``K-007``; online consultations have no number."""
    if number is None:
        return ""
    return f"{prefix}-{number:03d}"


def status_label(status: str) -> str:
    """The status as staff say it (antri, dipanggil, …), in the chosen language."""
    labels = {
        S.WAITING: QCoreApplication.translate("Queue", "waiting"),
        S.CALLED: QCoreApplication.translate("Queue", "called"),
        S.SERVING: QCoreApplication.translate("Queue", "being served"),
        S.AWAITING_RATING: QCoreApplication.translate("Queue", "awaiting rating"),
        S.DONE: QCoreApplication.translate("Queue", "done"),
        S.SKIPPED: QCoreApplication.translate("Queue", "skipped (no-show)"),
        S.CANCELLED: QCoreApplication.translate("Queue", "cancelled"),
        S.EXPIRED: QCoreApplication.translate("Queue", "not served (day ended)"),
    }
    return labels.get(S(status), status) if status in S._value2member_map_ else status


def _undo_columns(visit: Visit) -> tuple[tuple[str, object], ...]:
    return tuple((name, visit.__data__.get(name)) for name in UNDO_COLUMNS)


@dataclass(frozen=True)
class Undo:
    """What one move changed, so whoever made it can take it back:
    ``kind`` is "transfer", "skip" or "left"; ``at`` is the moment the move stamped on the
    ticket (any later move of it stamps another); ``before`` the columns as they were."""

    kind: str
    visit_id: int
    code: str
    by: int | None
    at: dt.datetime
    status: str
    before: tuple[tuple[str, object], ...]
    after: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class IssuedTicket:
    visit_id: int
    code: str
    number: int
    service_name: str
    issued_at: dt.datetime
    ahead: int  # walk-in tickets of the same service and day waiting before this one
    #: the visitor's other tickets still active today (codes): the front desk warns about them
    also_active: tuple[str, ...] = ()


def people_ahead(visit: Visit, now: dt.datetime | None = None) -> int:
    """Walk-in tickets of the visit's service and day still waiting that will be called before
    it: in number order, with priority tickets and the rule that bounds them
    (``priority.people_ahead``); ``now``: the moment asked about (default: its issue).

    Open online consultations are not in this queue and do not count."""
    return priority.people_ahead(visit, now)


def active_tickets(office_id: int, visitor_id: int, day: dt.date) -> list[Visit]:
    """The visitor's walk-in tickets of ``day`` still waiting, called or in service."""
    return list(
        Visit.select(Visit.id, Visit.number, Visit.ticket_service, Visit.status)
        .where(
            (Visit.office == office_id)
            & (Visit.visitor == visitor_id)
            & (Visit.day == day)
            & (Visit.channel == Channel.WALK_IN.value)
            & Visit.status.in_((S.WAITING.value, *HELD_STATUSES))
        )
        .order_by(Visit.issued_at, Visit.id)
    )


def served_service_ids(office_id: int) -> set[int]:
    """The services at least one open (active) desk of the office serves."""
    return {
        service_id
        for (service_id,) in DeskService.select(DeskService.service)
        .join(Desk)
        .where((Desk.office == office_id) & Desk.active)
        .distinct()
        .tuples()
    }


def refuse_unserved(service: ServiceType) -> None:
    """A ticket for a service no open desk serves would wait all day: refuse it, plainly."""
    served = (
        DeskService.select(DeskService.id)
        .join(Desk)
        .where((DeskService.service == service.id) & Desk.active)
        .exists()
    )
    if not served:
        raise Conflict(
            QCoreApplication.translate(
                "Queue",
                "No desk serves {service} at the moment, so no ticket was issued. Choose another "
                "service, or ask the admin to assign this service to a desk.",
            ).format(service=service.name)
        )


class QueueService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    # -- issuing ------------------------------------------------------------------------------
    def issue_ticket(
        self,
        actor: Actor,
        *,
        visitor_id: int,
        service_id: int,
        purpose: str = "",
        registration_started_at: dt.datetime | None = None,
        appointment_id: int | None = None,
        priority_mark: priority.PriorityMark | None = None,
        more_services: Sequence[int] = (),
    ) -> IssuedTicket:
        """Issue the next number of ``service_id`` for today; ``priority_mark``: a priority
        ticket (``priority.check_mark``); ``more_services``: the services the visit goes on to,
        in order, after the first (``visit_services``; the ticket is numbered in the first).

        Outside service hours a ticket needs an appointment (SOP step 2); without one the
        refusal says when the desk opens and how to book.
        """
        require(actor, Action.ISSUE_TICKET)
        purpose = check_purpose(purpose)  # a code of the seeded list, or ""
        service = self._service(actor, service_id)
        if (
            Visitor.get_or_none((Visitor.id == visitor_id) & (Visitor.office == actor.office_id))
            is None
        ):
            raise NotFound(
                QCoreApplication.translate("Queue", "This visitor is no longer in the guest book.")
            )
        with write_transaction():
            # hours as they are now, read in this transaction: an admin who just shortened
            # today's hours is obeyed at once
            calendar = OfficeCalendar.for_office(actor.office_id)
            now = self.clock.now()
            day = calendar.office_day(now)
            refuse_unserved(service)
            planned = visit_services.check_services(actor.office_id, service.id, more_services)
            for later in planned[1:]:
                refuse_unserved(ServiceType.get_by_id(later))
            self._close_earlier_days(actor.office_id, day, now)
            appointment = None
            if not calendar.is_open(now):
                appointment = appointments.find_for_check_in(
                    actor.office_id, visitor_id, service_id, now, appointment_id
                )
                if appointment is None:
                    opening = calendar.local(calendar.next_opening(now))
                    raise OutsideServiceHours(
                        QCoreApplication.translate(
                            "Queue",
                            "Outside service hours. The desk opens {when}. Outside the hours a "
                            "visitor is served by appointment only, made at least 1 hour ahead "
                            "the same day or a day ahead.",
                        ).format(when=format_moment(opening))
                    )
            number = self._next_number(service.id, day)
            # the counter row is locked from here on: an issue that read the clock before this one
            # took the lock may have committed the number before with a later time
            now = _not_before(now, self._issued_at(service.id, day, number - 1))
            if registration_started_at is not None and registration_started_at > now:
                registration_started_at = now
            others = active_tickets(actor.office_id, visitor_id, day)
            visit = Visit.create(
                office=actor.office_id,
                visitor=visitor_id,
                service=service.id,
                ticket_service=service.id,
                purpose=purpose,
                channel=Channel.WALK_IN.value,
                day=day,
                number=number,
                status=S.WAITING.value,
                issued_by=actor.user_id,
                appointment=appointment.id if appointment else None,
                registration_started_at=registration_started_at,
                issued_at=now,
                updated_at=now,
                priority=priority_mark.reason.value if priority_mark else "",
                priority_note=priority_mark.note if priority_mark else "",
            )
            visit_services.plan(visit.id, planned)
            if appointment is not None:
                Appointment.update(status="checked_in").where(
                    Appointment.id == appointment.id
                ).execute()
            ahead = people_ahead(visit, now)
            also_active = tuple(self.code_of(v) for v in others)
            publish(Event.QUEUE_CHANGED, office=actor.office_id, visit=visit.id)
        if also_active:
            log.info("ticket %s issued to a visitor who holds %d other", visit.id, len(also_active))
        return IssuedTicket(
            visit.id,
            ticket_code(service.prefix, number),
            number,
            service.name,
            now,
            ahead,
            also_active,
        )

    @staticmethod
    def _issued_at(service_id: int, day: dt.date, number: int) -> dt.datetime | None:
        if number < 1:
            return None
        return (
            Visit.select(Visit.issued_at)
            .where(
                (Visit.ticket_service == service_id) & (Visit.day == day) & (Visit.number == number)
            )
            .scalar()
        )

    @staticmethod
    def _next_number(service_id: int, day: dt.date) -> int:
        query = (
            TicketCounter.insert(service=service_id, day=day, last=1)
            .on_conflict(
                conflict_target=[TicketCounter.service, TicketCounter.day],
                update={TicketCounter.last: TicketCounter.last + 1},
            )
            .returning(TicketCounter.last)
            .tuples()
        )
        rows = list(query.execute())  # read inside the transaction (SQLite needs it)
        return int(rows[0][0])

    # -- officer actions ----------------------------------------------------------------------
    def call_next(self, actor: Actor, desk_id: int) -> Visit | None:
        """Claim the oldest waiting ticket this desk serves; None when nobody waits."""
        require(actor, Action.SERVE)
        desk = self._desk(actor, desk_id)
        calendar = OfficeCalendar.for_office(actor.office_id)
        served = DeskService.select(DeskService.service).where(DeskService.desk == desk.id)
        with write_transaction():
            _office_lock(_CALL_LOCK, actor.office_id)
            now = self.clock.now()
            day = calendar.office_day(now)
            self._close_earlier_days(actor.office_id, day, now)
            self._ensure_hands_free(actor)
            desk_state.require_open(desk)
            # priority tickets first, within the rule that never starves the others
            choice = priority.next_to_call(
                (Visit.office == actor.office_id)
                & (Visit.day == day)
                & (Visit.status == S.WAITING.value)
                & (Visit.channel == Channel.WALK_IN.value)
                & desk_may_call(desk.id, served),
                office_id=actor.office_id,
                day=day,
                desk_id=desk.id,
                served=served,
                now=now,
            )
            if choice is None:
                return None
            when = _not_before(now, choice.issued_at)
            return self._claim(actor, choice.visit_id, desk.id, when, choice.reason)

    def call_ticket(self, actor: Actor, visit_id: int, desk_id: int) -> Visit:
        """Call one waiting ticket of today out of order."""
        require(actor, Action.SERVE)
        desk = self._desk(actor, desk_id)
        calendar = OfficeCalendar.for_office(actor.office_id)
        with write_transaction():
            _office_lock(_CALL_LOCK, actor.office_id)  # calls take turns: one order of calls
            now = self.clock.now()
            day = calendar.office_day(now)
            self._close_earlier_days(actor.office_id, day, now)
            self._ensure_hands_free(actor)
            desk_state.require_open(desk)
            visit = self._visit(actor, visit_id)
            self._refuse_earlier_day(visit, day)
            return self._claim(actor, visit_id, desk.id, _not_before(now, visit.issued_at))

    def _claim(
        self,
        actor: Actor,
        visit_id: int,
        desk_id: int,
        now: dt.datetime,
        reason: priority.CallReason = priority.CallReason.CHOSEN,
    ) -> Visit:
        """The guarded claim; the caller's transaction rolls back on any refusal.  It records
        why the ticket was taken, its place among the day's calls and whether the call needs
        fetching the visitor (``priority``)."""
        try:
            rows = list(
                Visit.update(
                    status=S.CALLED.value,
                    officer=actor.user_id,
                    desk=desk_id,
                    called_at=now,
                    call_count=Visit.call_count + 1,
                    updated_at=now,
                    call_reason=reason.value,
                    call_seq=priority.next_call_seq(),
                    call_assist=priority.assisted_call(),
                )
                .where((Visit.id == visit_id) & (Visit.status == S.WAITING.value))
                .returning(Visit)
                .execute()
            )
        except pw.IntegrityError as exc:  # the one-held-ticket index refused the officer
            raise Conflict(
                QCoreApplication.translate(
                    "Queue", "You already hold a ticket; finish, skip or return it first."
                )
            ) from exc
        if len(rows) != 1:
            raise Conflict(
                QCoreApplication.translate("Queue", "Another desk has just called this ticket.")
            )
        publish(
            Event.TICKET_CALLED,
            office=actor.office_id,
            visit=visit_id,
            desk=desk_id,
            assist=bool(rows[0].call_assist),  # the board flashes and repeats the call
        )
        return rows[0]

    def _refuse_earlier_day(self, visit: Visit, today: dt.date) -> None:
        if visit.channel == Channel.WALK_IN.value and visit.day < today:
            raise Conflict(
                QCoreApplication.translate(
                    "Queue",
                    "Ticket {code} is from an earlier office day; it was closed when that day "
                    "ended. Issue a new ticket.",
                ).format(code=self.code_of(visit))
            )

    def close_earlier_days(self, office_id: int) -> int:
        """Close the tickets earlier office days left open; returns how many (see module doc).

        The queue does this by itself on the first issue, call or move of a day."""
        calendar = OfficeCalendar.for_office(office_id)
        with write_transaction():
            now = self.clock.now()
            return self._close_earlier_days(office_id, calendar.office_day(now), now)

    def _close_earlier_days(self, office_id: int, today: dt.date, now: dt.datetime) -> int:
        """Inside the caller's transaction: one indexed read on most days; when a day ended
        with tickets open, one guarded update per status (safe when two PCs do it at once)."""
        earlier = (
            (Visit.office == office_id)
            & (Visit.day < today)
            & (Visit.channel == Channel.WALK_IN.value)
        )
        open_statuses = (*UNSERVED_AT_DAY_END, S.SERVING.value)
        if not Visit.select(Visit.id).where(earlier & Visit.status.in_(open_statuses)).exists():
            return 0
        _office_lock(_DAY_END_LOCK, office_id)
        expired = (
            Visit.update(status=S.EXPIRED.value, updated_at=now)
            .where(earlier & Visit.status.in_(UNSERVED_AT_DAY_END))
            .execute()
        )
        # a service left open over midnight was given: it counts as done (no finish time)
        visit_services.finished_at_day_end(
            Visit.select(Visit.id).where(earlier & (Visit.status == S.SERVING.value))
        )
        done = (
            Visit.update(status=S.DONE.value, updated_at=now)
            .where(earlier & (Visit.status == S.SERVING.value))
            .execute()
        )
        if expired or done:
            log.info(
                "office %s: closed %d ticket(s) of earlier days not served, %d left in service",
                office_id,
                expired,
                done,
            )
            publish(Event.QUEUE_CHANGED, office=office_id)
        return expired + done

    def _ensure_hands_free(self, actor: Actor) -> None:
        held = (
            Visit.select(Visit.id, Visit.number, Visit.ticket_service)
            .where((Visit.officer == actor.user_id) & Visit.status.in_(HELD_STATUSES))
            .first()
            if actor.user_id is not None
            else None
        )
        if held is not None:
            raise Conflict(
                QCoreApplication.translate(
                    "Queue", "You already hold ticket {code}; finish, skip or return it first."
                ).format(code=self.code_of(held))
            )

    def held_ticket(self, actor: Actor) -> Visit | None:
        """The ticket the officer holds today (one of an earlier day is closed at the next call)."""
        if actor.user_id is None:
            return None
        day = OfficeCalendar.for_office(actor.office_id).office_day(self.clock.now())
        return (
            Visit.select()
            .where(
                (Visit.officer == actor.user_id)
                & Visit.status.in_(HELD_STATUSES)
                & ((Visit.day >= day) | (Visit.channel != Channel.WALK_IN.value))
            )
            .first()
        )

    def recall(self, actor: Actor, visit_id: int) -> Visit:
        """Announce the held ticket again."""
        return self._move(
            actor, visit_id, {S.CALLED}, {"call_count": Visit.call_count + 1}, Event.TICKET_CALLED
        )

    def start(self, actor: Actor, visit_id: int) -> Visit:
        return self._move(
            actor, visit_id, {S.CALLED}, {"status": S.SERVING.value}, stamp="service_started_at"
        )

    def finish(self, actor: Actor, visit_id: int) -> Visit:
        """End the service; a walk-in visit then waits for the visitor's rating (5 minutes)."""
        return self._move(
            actor,
            visit_id,
            {S.CALLED, S.SERVING},
            {"status": S.AWAITING_RATING.value},
            Event.RATING_REQUESTED,
            fill_start=True,
            stamp="finished_at",
            after=visit_services.finished,
        )

    def hand_on(self, actor: Actor, visit_id: int) -> Visit:
        """The service the officer holds the visit for is delivered; the visit goes on to its
        next service (``visit_services``) instead of finishing: it waits in that service's queue
        and keeps its place there (call next takes it by the time its ticket was first issued).

        Only by the officer holding it (or a supervisor), only when it has a next service
        that a desk serves."""
        require(actor, Action.SERVE)
        calendar = OfficeCalendar.for_office(actor.office_id)
        with write_transaction():
            # the visit joins a queue: it takes turns with the calls, so a call that comes after
            # the hand-on sees the visit waiting, and one before it read an earlier time
            _office_lock(_CALL_LOCK, actor.office_id)
            now = self.clock.now()
            today = calendar.office_day(now)
            self._close_earlier_days(actor.office_id, today, now)
            visit = self._visit(actor, visit_id, lock=True)
            now = self.clock.now()  # after the locks: the moment this hand-on happens
            code = self.code_of(visit)
            if visit.status not in HELD_STATUSES:
                raise Conflict(
                    QCoreApplication.translate(
                        "Queue", "Ticket {code} is {status} now; this action does not apply."
                    ).format(code=code, status=status_label(visit.status))
                )
            if visit.officer_id != actor.user_id and actor.role not in _OVERSEERS:
                raise PermissionDenied(
                    QCoreApplication.translate(
                        "Queue",
                        "Ticket {code} is held by another officer; only that officer or a "
                        "supervisor may move it.",
                    ).format(code=code)
                )
            self._refuse_earlier_day(visit, today)
            following = visit_services.next_step(visit.id)
            if following is None:
                raise Conflict(
                    QCoreApplication.translate(
                        "Queue", "Ticket {code} has no next service; finish it instead."
                    ).format(code=code)
                )
            refuse_unserved(ServiceType.get_by_id(following.service_id))
            now = _not_before(now, visit.issued_at, visit.called_at, visit.service_started_at)
            if visit.service_started_at is None:  # delivered from its call, as finish counts it
                visit.service_started_at = visit.called_at
            visit_services.hand_on(visit, now)
            previous = (visit.officer_id, visit.desk_id, visit.status)
            returned = (
                Visit.update(
                    service=following.service_id,
                    status=S.WAITING.value,
                    officer=None,
                    desk=None,
                    called_at=None,
                    service_started_at=None,
                    updated_at=now,
                )
                .where(Visit.id == visit.id)
                .returning(Visit)
            )
            visit = list(returned.execute())[0]  # noqa: RUF015
            log.info("visit %s handed on to service %s", visit.id, following.service_id)
            publish(
                Event.QUEUE_CHANGED,
                office=actor.office_id,
                visit=visit.id,
                desk=None,
                status=visit.status,
                officer=previous[0],
                from_desk=previous[1],
                from_status=previous[2],
                by=actor.user_id,
            )
        return visit

    def skip(self, actor: Actor, visit_id: int) -> Visit:
        """No-show: the called visitor did not come to the desk.

        The returned visit's ``undo`` takes it back (``undo``) for a few minutes."""
        return self._move(actor, visit_id, {S.CALLED}, {"status": S.SKIPPED.value}, undo="skip")

    def return_to_queue(self, actor: Actor, visit_id: int) -> Visit:
        """Put a called ticket, or a no-show of today, back; it keeps its place by number.

        A called ticket only by the officer holding it, or a supervisor."""
        return self._move(
            actor,
            visit_id,
            {S.CALLED, S.SKIPPED},
            {"status": S.WAITING.value, "officer": None, "desk": None, "called_at": None},
            own_only=False,
            holder_or_overseer=True,
        )

    def transfer(
        self, actor: Actor, visit_id: int, service_id: int | None = None, desk_id: int | None = None
    ) -> Visit:
        """Send a ticket to another service or desk; it keeps its number and place.

        The returned visit's ``undo`` takes it back (``undo``) until the ticket moves again."""
        if service_id is None and desk_id is None:
            raise ValidationError(
                {
                    "target": QCoreApplication.translate(
                        "Queue", "Choose the service or desk to transfer to."
                    )
                }
            )
        changes: dict[str, object] = {
            "status": S.WAITING.value,
            "officer": None,
            "called_at": None,
            "service_started_at": None,
            "desk": None,
        }
        if service_id is not None:
            changes["service"] = self._service(actor, service_id).id
        if desk_id is not None:
            changes["desk"] = self._desk(actor, desk_id).id
        return self._move(
            actor,
            visit_id,
            {S.WAITING, S.CALLED, S.SERVING},
            changes,
            own_only=False,
            holder_or_overseer=True,
            undo="transfer",
        )

    def cancel(self, actor: Actor, visit_id: int, reason: str, undo: str | None = None) -> Visit:
        """Cancel a ticket (the visitor left, a mistake…); the reason is required and audited.
        ``undo`` ("left"): the returned visit's ``undo`` takes it back for a few minutes."""
        require(actor, Action.CANCEL_TICKET)
        reason = clean_text(reason)  # one line, no control characters
        if not reason:
            raise ValidationError(
                {"reason": QCoreApplication.translate("Queue", "Say why the ticket is cancelled.")}
            )
        return self._move(
            actor,
            visit_id,
            {S.WAITING, S.CALLED, S.SKIPPED},
            {"status": S.CANCELLED.value, "cancel_reason": reason, "officer": None},
            action=None,
            own_only=False,
            audit_it=True,
            undo=undo,
        )

    def undo(self, actor: Actor, undo: Undo) -> Visit:
        """Take back a transfer, a no-show or a "visitor left": the ticket is put back as it was
        (a no-show is called again by the same officer, a ticket that left waits again).

        Only the one who made the move, only while nobody moved the ticket since (a transfer
        until it is called again), a no-show or a "left" within ``UNDO_WINDOW``."""
        require(actor, Action.CANCEL_TICKET if undo.kind == "left" else Action.SERVE)
        calendar = OfficeCalendar.for_office(actor.office_id)
        with write_transaction():
            visit = self._visit(actor, undo.visit_id, lock=True)
            now = self.clock.now()  # after the row lock: the moment this undo happens
            if actor.user_id is None or actor.user_id != undo.by:
                raise PermissionDenied(
                    QCoreApplication.translate(
                        "Queue", "Only the one who moved ticket {code} may take it back."
                    ).format(code=undo.code)
                )
            if (
                visit.status != undo.status
                or visit.updated_at != undo.at
                or _undo_columns(visit) != undo.after
            ):
                raise Conflict(
                    QCoreApplication.translate(
                        "Queue", "Ticket {code} has moved since; it can no longer be taken back."
                    ).format(code=undo.code)
                )
            if undo.kind != "transfer" and now - undo.at > UNDO_WINDOW:
                raise Conflict(
                    QCoreApplication.translate(
                        "Queue", "It is too late to take ticket {code} back."
                    ).format(code=undo.code)
                )
            self._refuse_earlier_day(visit, calendar.office_day(now))
            values = dict(undo.before)
            if values["status"] in HELD_STATUSES:
                if values["officer"] == actor.user_id:
                    self._ensure_hands_free(actor)  # the officer called another ticket since
                else:  # a supervisor moved another officer's ticket: it waits again
                    values.update(status=S.WAITING.value, officer=None, called_at=None, desk=None)
                    values["service_started_at"] = None
            snapshot = audit.snapshot(visit) if undo.kind == "left" else None
            values["updated_at"] = _not_before(now, undo.at)
            returned = Visit.update(**values).where(Visit.id == visit.id).returning(Visit)
            visit = list(returned.execute())[0]  # noqa: RUF015
            if snapshot is not None:
                audit.changed(now, actor.user_id, "update", "visit", visit, snapshot)
            log.info("visit %s: %s taken back by user %s", visit.id, undo.kind, actor.user_id)
            publish(
                Event.QUEUE_CHANGED,
                office=actor.office_id,
                visit=visit.id,
                desk=visit.desk_id,
                status=visit.status,
                officer=None,
                from_desk=None,
                from_status=undo.status,
                by=actor.user_id,
            )
        return visit

    def expire_rating_requests(self, office_id: int) -> int:
        """Visits that waited longer than the rating window are done, unrated."""
        with write_transaction():
            now = self.clock.now()
            count = (
                Visit.update(status=S.DONE.value, updated_at=now)
                .where(
                    (Visit.office == office_id)
                    & (Visit.status == S.AWAITING_RATING.value)
                    & (Visit.finished_at < now - RATING_WINDOW)
                )
                .execute()
            )
            if count:
                publish(Event.QUEUE_CHANGED, office=office_id)
        return count

    def _move(
        self,
        actor: Actor,
        visit_id: int,
        allowed_from: set[VisitStatus],
        changes: dict[str, object],
        event: Event | None = Event.QUEUE_CHANGED,
        *,
        action: Action | None = Action.SERVE,
        own_only: bool = True,
        holder_or_overseer: bool = False,
        fill_start: bool = False,
        audit_it: bool = False,
        stamp: str | None = None,
        undo: str | None = None,
        after: Callable[[Visit, dt.datetime], None] | None = None,
    ) -> Visit:
        """One move of one ticket. ``own_only``: only its officer (or nobody's ticket);
        ``holder_or_overseer``: a held ticket only by its holder or a supervisor; ``stamp``: the
        column set to now (never earlier than the ticket's previous timestamps); ``after``:
        called with the moved visit and the moment, inside the transaction."""
        if action is not None:
            require(actor, action)
        calendar = OfficeCalendar.for_office(actor.office_id)
        with write_transaction():
            now = self.clock.now()
            today = calendar.office_day(now)
            self._close_earlier_days(actor.office_id, today, now)
            visit = self._visit(actor, visit_id, lock=True)
            now = self.clock.now()  # after the row lock: the moment this move happens
            if S(visit.status) not in allowed_from:
                raise Conflict(
                    QCoreApplication.translate(
                        "Queue", "Ticket {code} is {status} now; this action does not apply."
                    ).format(code=self.code_of(visit), status=status_label(visit.status))
                )
            if own_only and visit.officer_id not in (None, actor.user_id):
                raise Conflict(
                    QCoreApplication.translate(
                        "Queue", "Ticket {code} is held by another officer."
                    ).format(code=self.code_of(visit))
                )
            if (
                holder_or_overseer
                and visit.status in HELD_STATUSES
                and visit.officer_id not in (None, actor.user_id)
                and actor.role not in _OVERSEERS
            ):
                raise PermissionDenied(
                    QCoreApplication.translate(
                        "Queue",
                        "Ticket {code} is held by another officer; only that officer or a "
                        "supervisor may move it.",
                    ).format(code=self.code_of(visit))
                )
            self._refuse_earlier_day(visit, today)
            before = audit.snapshot(visit) if audit_it else None
            previous = (visit.officer_id, visit.desk_id, visit.status)
            before_move = _undo_columns(visit)
            now = _not_before(now, visit.issued_at, visit.called_at, visit.service_started_at)
            values = dict(changes)
            if stamp is not None:
                values[stamp] = now
            if fill_start and visit.service_started_at is None:
                values["service_started_at"] = visit.called_at or now
            values["updated_at"] = now
            # read every returned row inside the transaction (SQLite cannot commit otherwise)
            returned = Visit.update(**values).where(Visit.id == visit.id).returning(Visit)
            visit = list(returned.execute())[0]  # noqa: RUF015
            if after is not None:  # more of the same move, in its transaction
                after(visit, now)
            if undo is not None:
                visit.undo = Undo(
                    undo,
                    visit.id,
                    self.code_of(visit),
                    actor.user_id,
                    visit.updated_at,
                    visit.status,
                    before_move,
                    _undo_columns(visit),
                )
            if audit_it:
                audit.changed(now, actor.user_id, "update", "visit", visit, before)
            if event is not None:
                # every event tells stations the queue changed; one notification is enough.
                # ``officer``/``from_desk``/``from_status``: who held it before, so the holder's
                # window learns at once that a supervisor moved its visitor
                publish(
                    event,
                    office=actor.office_id,
                    visit=visit.id,
                    desk=visit.desk_id,
                    status=visit.status,
                    officer=previous[0],
                    from_desk=previous[1],
                    from_status=previous[2],
                    by=actor.user_id,
                )
        return visit

    # -- reading ------------------------------------------------------------------------------
    @staticmethod
    def code_of(visit: Visit) -> str:
        prefix = (
            ServiceType.select(ServiceType.prefix)
            .where(ServiceType.id == visit.ticket_service_id)
            .scalar()
        )
        return ticket_code(prefix or "?", visit.number)

    def _visit(self, actor: Actor, visit_id: int, lock: bool = False) -> Visit:
        query = Visit.select().where((Visit.id == visit_id) & (Visit.office == actor.office_id))
        if lock and not is_sqlite():
            query = query.for_update()
        visit = query.first()
        if visit is None:
            raise NotFound(QCoreApplication.translate("Queue", "This ticket does not exist."))
        return visit

    def _service(self, actor: Actor, service_id: int) -> ServiceType:
        service = ServiceType.get_or_none(
            (ServiceType.id == service_id) & (ServiceType.office == actor.office_id)
        )
        if service is None or not service.active:
            raise ValidationError(
                {"service": QCoreApplication.translate("Queue", "Choose an active service.")}
            )
        return service

    def _desk(self, actor: Actor, desk_id: int) -> Desk:
        desk = Desk.get_or_none((Desk.id == desk_id) & (Desk.office == actor.office_id))
        if desk is None or not desk.active:
            raise ValidationError(
                {"desk": QCoreApplication.translate("Queue", "Choose an active desk.")}
            )
        return desk
