"""Follow-ups (tindak lanjut): what the office does about what a visitor said, with deadlines.

- ``FollowUpService.open_due``: opens one follow-up per visit whose rating is low (the lower
  half of its scale, ``instruments.is_low_rating``), whose comment is not empty, or whose need
  was not met or not yet (the consultation record's "need met").  A staff station runs it (the
  kiosk's database role may not write follow-ups); it is idempotent (one follow-up per cause,
  whichever PC opens it first) and looks back ``LOOK_BACK_DAYS`` office days.  Opened at the
  moment of its earliest cause (when the visitor rated, when the visit finished), not at the
  moment the station noticed, so the deadline is the same whenever it runs.
- ``FollowUpService.record_complaint``: a complaint (pengaduan) told to any staff member, for a
  visit or none, classed by IKM element; it opens its own follow-up.
- Due ``follow_up_days`` working days after it was opened (office calendar: weekends, national
  holidays and cuti bersama skipped; ``OfficeCalendar.add_working_days``; the admin's setting,
  default 3).  Overdue once that moment passed and it is not closed; "due today" warns the day
  it falls due.
- An officer takes one, writes what was done, and closes it; closing needs an action note.  A
  supervisor may act on any; an officer on the ones they took (or nobody took yet).

Reads (``follow_ups``, ``overdue``) return ``FollowUpRow`` for the supervisor's live list and
the officer's; no visitor's name, phone or e-mail is in them.  Every write that changes a
follow-up publishes ``Event.FOLLOW_UP_CHANGED``, so those lists read again at once.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from enum import StrEnum

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import write_transaction
from models.entities import (
    Complaint,
    Consultation,
    FollowUp,
    FollowUpSource,
    Rating,
    RatingReason,
    Role,
    ServiceType,
    UserAccount,
    Visit,
)
from pst_desktop.admin import audit
from pst_desktop.admin.survey_settings import follow_up_days
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from pst_desktop.core.text import clean_text
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.sop.permissions import Action, Actor, require
from pst_desktop.visitor.instruments import IKM_CODES, is_low_rating
from pst_desktop.visits.events import Event, publish
from pst_desktop.visits.queue import ticket_code

logger = logging.getLogger(__name__)

#: the "need met" answers that open a follow-up (guest-book list "need_met")
NEED_NOT_MET = ("no", "not_yet")
#: the IKM element a need not met is classed by: what the service delivers
NEED_NOT_MET_ELEMENT = "U5"
#: how far back (office days) ``open_due`` looks for causes
LOOK_BACK_DAYS = 7
NOTE_MAX = 2000


class FollowUpState(StrEnum):
    OPEN = "open"  # nobody took it yet
    TAKEN = "taken"  # an officer took it
    CLOSED = "closed"


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    source: FollowUpSource
    element: str  # "U1".."U9", "" not classed
    visit_id: int | None
    ticket: str  # "K-007", "" without a visit (or an online one)
    service_name: str
    visit_officer: str  # who served the visit
    opened_at: dt.datetime
    due_at: dt.datetime
    state: FollowUpState
    overdue: bool
    due_today: bool  # falls due today (office day) and is not closed: the warning
    taken_by_id: int | None
    taken_by: str
    taken_at: dt.datetime | None
    action_note: str
    closed_at: dt.datetime | None
    closed_by: str
    said: str  # the visitor's comment, or the complaint
    rating: str  # "2/4", "" when none
    need_met: str  # the "need met" code, "" when none
    #: working days from today to the day it falls due (0: due today; below 0: the working
    #: days it is overdue by, 0 while overdue today); closed: 0
    days_left: int = 0

    @property
    def closed_in_time(self) -> bool:
        return self.closed_at is not None and self.closed_at <= self.due_at


@dataclass(frozen=True)
class ComplaintEntry:
    element: str  # the IKM element it is about
    summary: str  # what the complaint says
    visit_id: int | None = None


def due_for(office_id: int, opened_at: dt.datetime) -> dt.datetime:
    """When a follow-up opened at ``opened_at`` is due: the admin's number of working days
    later (same time of day; opened on a closed day: counted from the next working day)."""
    calendar = OfficeCalendar.for_office(office_id)
    return calendar.add_working_days(opened_at, follow_up_days(office_id))


# -- reading ----------------------------------------------------------------------------------
_VisitOfficer = UserAccount.alias("visit_officer")
_Taker = UserAccount.alias("taker")
_Closer = UserAccount.alias("closer")


def _query(office_id: int) -> pw.ModelSelect:
    return (
        FollowUp.select(
            FollowUp,
            Visit.number,
            ServiceType.prefix,
            ServiceType.name.alias("service_name"),
            _VisitOfficer.full_name.alias("visit_officer_name"),
            _Taker.full_name.alias("taker_name"),
            _Closer.full_name.alias("closer_name"),
            Complaint.summary,
            Rating.score,
            Rating.scale_max,
            Rating.comment,
            Consultation.need_met,
        )
        .join(Visit, pw.JOIN.LEFT_OUTER, on=(FollowUp.visit == Visit.id))
        .join(ServiceType, pw.JOIN.LEFT_OUTER, on=(Visit.ticket_service == ServiceType.id))
        .switch(FollowUp)
        .join(_VisitOfficer, pw.JOIN.LEFT_OUTER, on=(Visit.officer == _VisitOfficer.id))
        .switch(FollowUp)
        .join(_Taker, pw.JOIN.LEFT_OUTER, on=(FollowUp.taken_by == _Taker.id))
        .switch(FollowUp)
        .join(_Closer, pw.JOIN.LEFT_OUTER, on=(FollowUp.closed_by == _Closer.id))
        .switch(FollowUp)
        .join(Complaint, pw.JOIN.LEFT_OUTER, on=(FollowUp.complaint == Complaint.id))
        .switch(FollowUp)
        .join(Rating, pw.JOIN.LEFT_OUTER, on=(Rating.visit == FollowUp.visit))
        .switch(FollowUp)
        .join(Consultation, pw.JOIN.LEFT_OUTER, on=(Consultation.visit == FollowUp.visit))
        .where(FollowUp.office == office_id)
        .order_by(FollowUp.due_at, FollowUp.id)
        .objects()
    )


def _row(found: FollowUp, now: dt.datetime, today: dt.date, calendar: OfficeCalendar):
    if found.closed_at is not None:
        state = FollowUpState.CLOSED
    elif found.taken_by_id is not None:
        state = FollowUpState.TAKEN
    else:
        state = FollowUpState.OPEN
    still_open = state is not FollowUpState.CLOSED
    due_day = calendar.office_day(found.due_at)
    if not still_open:
        days_left = 0
    elif due_day >= today:
        days_left = calendar.working_days_between(today, due_day)
    else:
        days_left = -calendar.working_days_between(due_day, today)
    number = getattr(found, "number", None)
    prefix = getattr(found, "prefix", None)
    score = getattr(found, "score", None)
    said = getattr(found, "summary", None) or getattr(found, "comment", None) or ""
    return FollowUpRow(
        id=found.id,
        source=FollowUpSource(found.source),
        element=found.element,
        visit_id=found.visit_id,
        ticket=ticket_code(prefix, number) if prefix and number is not None else "",
        service_name=getattr(found, "service_name", None) or "",
        visit_officer=getattr(found, "visit_officer_name", None) or "",
        opened_at=found.opened_at,
        due_at=found.due_at,
        state=state,
        overdue=still_open and now > found.due_at,
        due_today=still_open and now <= found.due_at and calendar.office_day(found.due_at) == today,
        taken_by_id=found.taken_by_id,
        taken_by=getattr(found, "taker_name", None) or "",
        taken_at=found.taken_at,
        action_note=found.action_note,
        closed_at=found.closed_at,
        closed_by=getattr(found, "closer_name", None) or "",
        said=said,
        rating=f"{score}/{found.scale_max}" if score is not None else "",
        need_met=getattr(found, "need_met", None) or "",
        days_left=days_left,
    )


def follow_ups(
    office_id: int, now: dt.datetime, closed_since: dt.datetime | None = None
) -> list[FollowUpRow]:
    """Every follow-up not closed (overdue first, then by due moment), and those closed since
    ``closed_since`` (none when None)."""
    calendar = OfficeCalendar.for_office(office_id)
    today = calendar.office_day(now)
    query = _query(office_id)
    if closed_since is None:
        query = query.where(FollowUp.closed_at.is_null())
    else:
        query = query.where(FollowUp.closed_at.is_null() | (FollowUp.closed_at >= closed_since))
    rows = [_row(f, now, today, calendar) for f in query]
    return sorted(rows, key=lambda r: (r.state is FollowUpState.CLOSED, not r.overdue, r.due_at))


def overdue(office_id: int, now: dt.datetime) -> list[FollowUpRow]:
    """The follow-ups past their due moment and not closed, the most overdue first."""
    return [r for r in follow_ups(office_id, now) if r.overdue]


def follow_up(office_id: int, follow_up_id: int, now: dt.datetime) -> FollowUpRow:
    calendar = OfficeCalendar.for_office(office_id)
    found = _query(office_id).where(FollowUp.id == follow_up_id).first()
    if found is None:
        raise NotFound(_not_found_sentence())
    return _row(found, now, calendar.office_day(now), calendar)


def _not_found_sentence() -> str:
    return QCoreApplication.translate("FollowUps", "This follow-up does not exist.")


# -- writing ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Cause:
    visit_id: int
    source: FollowUpSource
    opened_at: dt.datetime
    element: str


class FollowUpService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def open_due(self, office_id: int) -> int:
        """Open the follow-ups the recent visits call for; returns how many were opened."""
        with write_transaction():
            now = self.clock.now()
            calendar = OfficeCalendar.for_office(office_id)
            since = calendar.office_day(now) - dt.timedelta(days=LOOK_BACK_DAYS)
            causes = self._causes(office_id, since)
            if not causes:
                return 0
            origins = {f"visit:{c.visit_id}": c for c in causes}
            have = {
                o
                for (o,) in FollowUp.select(FollowUp.origin)
                .where(FollowUp.origin.in_(sorted(origins)))
                .tuples()
            }
            days = follow_up_days(office_id)
            rows = [
                {
                    "office": office_id,
                    "visit": c.visit_id,
                    "origin": origin,
                    "source": c.source.value,
                    "element": c.element,
                    "opened_at": c.opened_at,
                    "due_at": calendar.add_working_days(c.opened_at, days),
                }
                for origin, c in sorted(origins.items())
                if origin not in have
            ]
            if rows:
                FollowUp.insert_many(rows).on_conflict_ignore().execute()
                logger.info("%d follow-up(s) opened", len(rows))
                publish(Event.FOLLOW_UP_CHANGED, office=office_id, what="opened")
        return len(rows)

    @staticmethod
    def _causes(office_id: int, since: dt.date) -> list[_Cause]:
        low_or_said = (Rating.score * 2 <= Rating.scale_max) | (Rating.comment != "")
        unmet = Consultation.need_met.in_(NEED_NOT_MET) & (Consultation.is_draft == False)  # noqa: E712
        found = (
            Visit.select(
                Visit.id,
                Visit.finished_at,
                Visit.closed_at,
                Rating.id.alias("rating_id"),
                Rating.score,
                Rating.scale_max,
                Rating.comment,
                Rating.created_at.alias("rated_at"),
                Consultation.need_met,
                Consultation.created_at.alias("recorded_at"),
            )
            .join(Rating, pw.JOIN.LEFT_OUTER, on=(Rating.visit == Visit.id))
            .switch(Visit)
            .join(Consultation, pw.JOIN.LEFT_OUTER, on=(Consultation.visit == Visit.id))
            .where(
                (Visit.office == office_id)
                & (Visit.day >= since)
                & ((Rating.id.is_null(False) & low_or_said) | unmet)
            )
            .objects()
        )
        rows = list(found)
        reasons: dict[int, list[str]] = {}
        rating_ids = [r.rating_id for r in rows if r.rating_id is not None]
        if rating_ids:
            for rating_id, element in (
                RatingReason.select(RatingReason.rating, RatingReason.element)
                .where(RatingReason.rating.in_(rating_ids))
                .tuples()
            ):
                reasons.setdefault(rating_id, []).append(element)
        causes = []
        for r in rows:
            found_causes: list[tuple[FollowUpSource, dt.datetime]] = []
            rated = r.rating_id is not None
            if rated and is_low_rating(r.score, r.scale_max):
                found_causes.append((FollowUpSource.LOW_RATING, r.rated_at))
            need = getattr(r, "need_met", None) or ""
            if need in NEED_NOT_MET:
                moment = r.finished_at or r.closed_at or r.recorded_at
                found_causes.append((FollowUpSource.NEED_NOT_MET, moment))
            if rated and (r.comment or "").strip():
                found_causes.append((FollowUpSource.COMMENT, r.rated_at))
            if not found_causes:
                continue
            source = found_causes[0][0]  # low rating, then need not met, then comment
            chosen = sorted(reasons.get(r.rating_id, ()), key=IKM_CODES.index)
            if source is FollowUpSource.NEED_NOT_MET:
                element = NEED_NOT_MET_ELEMENT
            else:
                element = chosen[0] if chosen else ""
            opened = min(moment for _, moment in found_causes)
            causes.append(_Cause(r.id, source, opened, element))
        return causes

    # -- complaints -------------------------------------------------------------------------
    def record_complaint(self, actor: Actor, entry: ComplaintEntry) -> FollowUpRow:
        """Record a complaint and open its follow-up; the follow-up as the list shows it."""
        require(actor, Action.RECORD_COMPLAINT)
        summary = clean_text(entry.summary, multiline=True)
        errors: dict[str, str] = {}
        if entry.element not in IKM_CODES:
            errors["element"] = _element_sentence()
        if not summary:
            errors["summary"] = QCoreApplication.translate(
                "FollowUps", "Write what the complaint is about."
            )
        elif len(summary) > NOTE_MAX:
            errors["summary"] = _too_long_sentence()
        if errors:
            raise ValidationError(errors)
        with write_transaction():
            now = self.clock.now()
            if entry.visit_id is not None:
                visit = (
                    Visit.select(Visit.id)
                    .where((Visit.id == entry.visit_id) & (Visit.office == actor.office_id))
                    .first()
                )
                if visit is None:
                    raise NotFound(
                        QCoreApplication.translate("FollowUps", "This visit does not exist.")
                    )
            complaint = Complaint.create(
                office=actor.office_id,
                visit=entry.visit_id,
                element=entry.element,
                summary=summary,
                received_at=now,
                recorded_by=actor.user_id,
            )
            audit.changed(now, actor.user_id, "create", "complaint", complaint)
            created = FollowUp.create(
                office=actor.office_id,
                visit=entry.visit_id,
                complaint=complaint.id,
                origin=f"complaint:{complaint.id}",
                source=FollowUpSource.COMPLAINT.value,
                element=entry.element,
                opened_at=now,
                due_at=due_for(actor.office_id, now),
            )
            publish(Event.FOLLOW_UP_CHANGED, office=actor.office_id, what="complaint")
            return follow_up(actor.office_id, created.id, now)

    # -- working on one ---------------------------------------------------------------------
    def take(self, actor: Actor, follow_up_id: int) -> FollowUpRow:
        """The officer takes the follow-up on (a supervisor may take one another took)."""
        require(actor, Action.HANDLE_FOLLOW_UP)
        with write_transaction():
            found = self._open_one(actor, follow_up_id)
            now = self.clock.now()
            if found.taken_by_id != actor.user_id:
                FollowUp.update(taken_by=actor.user_id, taken_at=now).where(
                    FollowUp.id == found.id
                ).execute()
                publish(Event.FOLLOW_UP_CHANGED, office=actor.office_id, what="taken")
            return follow_up(actor.office_id, found.id, now)

    def write_action(self, actor: Actor, follow_up_id: int, note: str) -> FollowUpRow:
        """What was done (replaces the note written before); takes it when nobody had."""
        require(actor, Action.HANDLE_FOLLOW_UP)
        note = self._note(note)
        if not note:
            raise ValidationError({"action_note": _note_sentence()})
        with write_transaction():
            found = self._open_one(actor, follow_up_id)
            now = self.clock.now()
            changes: dict[str, object] = {"action_note": note}
            if found.taken_by_id is None:
                changes.update(taken_by=actor.user_id, taken_at=now)
            FollowUp.update(**changes).where(FollowUp.id == found.id).execute()
            publish(Event.FOLLOW_UP_CHANGED, office=actor.office_id, what="written")
            return follow_up(actor.office_id, found.id, now)

    def close(self, actor: Actor, follow_up_id: int, note: str = "") -> FollowUpRow:
        """Close it; the action note (given here, or written before) is required."""
        require(actor, Action.HANDLE_FOLLOW_UP)
        note = self._note(note)
        with write_transaction():
            found = self._open_one(actor, follow_up_id)
            note = note or found.action_note.strip()
            if not note:
                raise ValidationError({"action_note": _note_sentence()})
            now = self.clock.now()
            before = audit.snapshot(found)
            found.action_note = note
            found.closed_at, found.closed_by = now, actor.user_id
            if found.taken_by_id is None:
                found.taken_by, found.taken_at = actor.user_id, now
            found.save()
            audit.changed(now, actor.user_id, "update", "follow_up", found, before)
            publish(Event.FOLLOW_UP_CHANGED, office=actor.office_id, what="closed")
            return follow_up(actor.office_id, found.id, now)

    def classify(self, actor: Actor, follow_up_id: int, element: str) -> FollowUpRow:
        """Class the follow-up by an IKM element (a low rating without reasons has none)."""
        require(actor, Action.HANDLE_FOLLOW_UP)
        if element not in IKM_CODES:
            raise ValidationError({"element": _element_sentence()})
        with write_transaction():
            found = self._open_one(actor, follow_up_id)
            FollowUp.update(element=element).where(FollowUp.id == found.id).execute()
            publish(Event.FOLLOW_UP_CHANGED, office=actor.office_id, what="classed")
            return follow_up(actor.office_id, found.id, self.clock.now())

    @staticmethod
    def _note(note: str) -> str:
        note = clean_text(note, multiline=True)
        if len(note) > NOTE_MAX:
            raise ValidationError({"action_note": _too_long_sentence()})
        return note

    @staticmethod
    def _open_one(actor: Actor, follow_up_id: int) -> FollowUp:
        found = FollowUp.get_or_none(
            (FollowUp.id == follow_up_id) & (FollowUp.office == actor.office_id)
        )
        if found is None:
            raise NotFound(_not_found_sentence())
        if found.closed_at is not None:
            raise Conflict(
                QCoreApplication.translate("FollowUps", "This follow-up is closed already.")
            )
        mine = found.taken_by_id in (None, actor.user_id)
        if not mine and actor.role not in (Role.SUPERVISOR, Role.ADMIN):
            raise PermissionDenied(
                QCoreApplication.translate(
                    "FollowUps", "Another officer took this follow-up; ask the supervisor."
                )
            )
        return found


def _note_sentence() -> str:
    return QCoreApplication.translate(
        "FollowUps", "Write what was done before closing the follow-up."
    )


def _element_sentence() -> str:
    return QCoreApplication.translate("FollowUps", "Choose the IKM element it is about.")


def _too_long_sentence() -> str:
    return QCoreApplication.translate("FollowUps", "At most 2000 characters here.")
