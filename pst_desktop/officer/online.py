"""Online consultations: requests by the portal, e-mail, WhatsApp, phone or letter (SOP 3 and 5).

An online consultation is a ``Visit`` with a non-walk-in channel and no queue number; its own
status (``OnlineStatus``) goes open → answered → waiting for user → closed, and back to open
when the user writes again.

The SOP clock:
- the first answer is due within 3 working days of opening (``standards.online_first_answer_due``,
  weekends, public holidays, cuti bersama and office closures skipped);
- a consultation waiting for the user closes by itself 3 days after the last message to them.
  ``auto_close`` is one guarded ``UPDATE … WHERE online_status = 'waiting_for_user' AND
  waiting_for_user_since <= now − 3 days``: every running station may call it; the first one
  closes each consultation (and writes its audit row), the others update nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import is_sqlite, write_transaction
from models.entities import (
    Channel,
    Consultation,
    OnlineStatus,
    ServiceType,
    UserAccount,
    Visit,
    Visitor,
    VisitStatus,
)
from pst_desktop.admin import audit
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import Conflict, NotFound, ValidationError
from pst_desktop.core.text import check_length, clean_text
from pst_desktop.sop import standards
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.sop.permissions import Action, Actor, require
from pst_desktop.visits.events import Event, publish

O = OnlineStatus  # noqa: E741
ONLINE_CHANNELS = (
    Channel.PORTAL,
    Channel.EMAIL,
    Channel.WHATSAPP,
    Channel.PHONE,
    Channel.LETTER,
)
#: a first answer due within this long turns amber in the officer's list
DUE_SOON = dt.timedelta(hours=24)

#: from → the statuses an officer may move an online consultation to
_MOVES = {
    O.OPEN: {O.ANSWERED, O.WAITING_FOR_USER, O.CLOSED},
    O.ANSWERED: {O.WAITING_FOR_USER, O.CLOSED, O.OPEN},
    O.WAITING_FOR_USER: {O.OPEN, O.CLOSED, O.ANSWERED},
    O.CLOSED: {O.OPEN},
}


@dataclass(frozen=True)
class OnlineRow:
    visit_id: int
    channel: str
    contact: str
    visitor_name: str
    topic: str
    question: str
    status: str
    officer_name: str
    opened_at: dt.datetime
    first_answer_due: dt.datetime
    first_answer_at: dt.datetime | None
    waiting_for_user_since: dt.datetime | None
    auto_close_at: dt.datetime | None
    closed_at: dt.datetime | None
    closed_by_auto: bool
    overdue: bool  # no first answer and past the due moment
    due_soon: bool  # no first answer, due within ``DUE_SOON``


class OnlineService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def open(
        self,
        actor: Actor,
        *,
        channel: str,
        contact: str,
        question: str,
        topic: str = "",
        service_id: int | None = None,
        visitor_id: int | None = None,
        opened_at: dt.datetime | None = None,
    ) -> Visit:
        """Record a consultation that came by another channel than a walk-in."""
        require(actor, Action.SERVE)
        contact = clean_text(contact)
        question = clean_text(question, multiline=True)
        topic = clean_text(topic)
        errors: dict[str, str] = {}
        check_length(errors, "contact", contact, Visit.contact)
        check_length(errors, "topic", topic, Consultation.topic)
        if channel not in {c.value for c in ONLINE_CHANNELS}:
            errors["channel"] = QCoreApplication.translate(
                "Online", "Choose how the consultation came in."
            )
        if not contact:
            errors["contact"] = QCoreApplication.translate(
                "Online", "Give the user's contact: e-mail, phone or WhatsApp number, or address."
            )
        if not question:
            errors["question"] = QCoreApplication.translate("Online", "Write the user's question.")
        if errors:
            raise ValidationError(errors)
        now = self.clock.now()
        opened = min(opened_at or now, now)
        calendar = OfficeCalendar.for_office(actor.office_id)
        service = self._service(actor, service_id)
        with write_transaction():
            visit = Visit.create(
                office=actor.office_id,
                visitor=visitor_id,
                service=service.id,
                ticket_service=service.id,
                channel=channel,
                day=calendar.office_day(opened),
                number=None,
                status=VisitStatus.WAITING.value,
                officer=actor.user_id,
                issued_by=actor.user_id,
                issued_at=opened,
                updated_at=now,
                contact=contact,
                online_status=O.OPEN.value,
                opened_at=opened,
            )
            Consultation.create(
                visit=visit.id,
                officer=actor.user_id,
                topic=topic,
                question=question,
                created_at=now,
                updated_at=now,
            )
            publish(Event.QUEUE_CHANGED, office=actor.office_id, visit=visit.id)
        return visit

    def answer(self, actor: Actor, visit_id: int, answer: str) -> Visit:
        """The officer answered: the text goes into the record, the first answer is stamped."""
        answer = clean_text(answer, multiline=True)
        if not answer:
            raise ValidationError(
                {"answer": QCoreApplication.translate("Online", "Write the answer first.")}
            )
        now = self.clock.now()
        with write_transaction():
            visit = self._move(actor, visit_id, O.ANSWERED, now)
            Consultation.update(answer=answer, updated_at=now, officer=actor.user_id).where(
                Consultation.visit == visit.id
            ).execute()
        return Visit.get_by_id(visit_id)

    def wait_for_user(self, actor: Actor, visit_id: int) -> Visit:
        """Asked the user something (or sent the answer): the 3-day auto-close clock starts."""
        return self._move(actor, visit_id, O.WAITING_FOR_USER, self.clock.now())

    def user_replied(self, actor: Actor, visit_id: int) -> Visit:
        return self._move(actor, visit_id, O.OPEN, self.clock.now())

    def close(self, actor: Actor, visit_id: int) -> Visit:
        return self._move(actor, visit_id, O.CLOSED, self.clock.now())

    def _move(self, actor: Actor, visit_id: int, target: OnlineStatus, now: dt.datetime) -> Visit:
        require(actor, Action.SERVE)
        with write_transaction():
            query = Visit.select().where(
                (Visit.id == visit_id)
                & (Visit.office == actor.office_id)
                & (Visit.online_status > "")  # uses the index; "!=" read the year
            )
            if not is_sqlite():
                query = query.for_update()
            visit = query.first()
            if visit is None:
                raise NotFound(
                    QCoreApplication.translate("Online", "This online consultation does not exist.")
                )
            current = O(visit.online_status)
            if target not in _MOVES[current]:
                raise Conflict(
                    QCoreApplication.translate(
                        "Online", "This consultation is {status} now; this action does not apply."
                    ).format(status=current.value)
                )
            values: dict[str, object] = {"online_status": target.value, "updated_at": now}
            if target is O.ANSWERED and visit.first_answer_at is None:
                values["first_answer_at"] = now
            if target is O.WAITING_FOR_USER:
                values["waiting_for_user_since"] = now
                if visit.first_answer_at is None:
                    values["first_answer_at"] = now
            else:
                values["waiting_for_user_since"] = None
            if target is O.CLOSED:
                values.update(
                    closed_at=now,
                    closed_by_auto=False,
                    status=VisitStatus.DONE.value,
                    finished_at=now,
                )
            elif current is O.CLOSED:  # reopened
                values.update(
                    closed_at=None, closed_by_auto=False, status=VisitStatus.WAITING.value
                )
            if visit.officer_id is None:
                values["officer"] = actor.user_id
            before = audit.snapshot(visit)
            Visit.update(**values).where(Visit.id == visit.id).execute()
            visit = Visit.get_by_id(visit.id)
            audit.changed(now, actor.user_id, "update", "visit", visit, before)
            publish(Event.QUEUE_CHANGED, office=actor.office_id, visit=visit.id)
        return visit

    def auto_close(self, office_id: int) -> list[int]:
        """Close every consultation whose user has not replied for 3 days; returns their ids.

        Safe to run on every station at once: the guarded update closes each one exactly once."""
        now = self.clock.now()
        cutoff = now - standards.ONLINE_AUTO_CLOSE
        with write_transaction():
            closed = [
                row[0]
                for row in Visit.update(
                    online_status=O.CLOSED.value,
                    closed_at=now,
                    closed_by_auto=True,
                    status=VisitStatus.DONE.value,
                    finished_at=now,
                    updated_at=now,
                )
                .where(
                    (Visit.office == office_id)
                    & (Visit.online_status == O.WAITING_FOR_USER.value)
                    & (Visit.waiting_for_user_since <= cutoff)
                )
                .returning(Visit.id)
                .tuples()
                .execute()
            ]
            for visit_id in closed:
                audit.record(
                    now,
                    None,
                    "auto_close",
                    "visit",
                    visit_id,
                    {"online_status": O.WAITING_FOR_USER.value},
                    {"online_status": O.CLOSED.value, "closed_by_auto": True},
                )
            if closed:
                publish(Event.QUEUE_CHANGED, office=office_id)
        return sorted(closed)

    def rows(self, office_id: int, *, include_closed: bool = False) -> list[OnlineRow]:
        """The office's online consultations: overdue first, then by due moment."""
        now = self.clock.now()
        calendar = OfficeCalendar.for_office(office_id)
        query = (
            Visit.select(
                Visit.id,
                Visit.channel,
                Visit.contact,
                Visitor.name,
                Consultation.topic,
                Consultation.question,
                Visit.online_status,
                UserAccount.full_name,
                Visit.opened_at,
                Visit.first_answer_at,
                Visit.waiting_for_user_since,
                Visit.closed_at,
                Visit.closed_by_auto,
            )
            .join(Visitor, pw.JOIN.LEFT_OUTER, on=(Visit.visitor == Visitor.id))
            .switch(Visit)
            .join(Consultation, pw.JOIN.LEFT_OUTER, on=(Consultation.visit == Visit.id))
            .switch(Visit)
            .join(UserAccount, pw.JOIN.LEFT_OUTER, on=(Visit.officer == UserAccount.id))
            .where((Visit.office == office_id) & (Visit.online_status > ""))  # uses the index
            .order_by(Visit.opened_at, Visit.id)
            .tuples()
        )
        if not include_closed:
            query = query.where(Visit.online_status != O.CLOSED.value)
        rows = []
        for (
            visit_id,
            channel,
            contact,
            visitor_name,
            topic,
            question,
            status,
            officer_name,
            opened_at,
            first_answer_at,
            waiting_since,
            closed_at,
            closed_by_auto,
        ) in query:
            due = standards.online_first_answer_due(calendar, opened_at)
            unanswered = first_answer_at is None and status != O.CLOSED.value
            rows.append(
                OnlineRow(
                    visit_id=visit_id,
                    channel=channel,
                    contact=contact or "",
                    visitor_name=visitor_name or "",
                    topic=topic or "",
                    question=question or "",
                    status=status,
                    officer_name=officer_name or "",
                    opened_at=opened_at,
                    first_answer_due=due,
                    first_answer_at=first_answer_at,
                    waiting_for_user_since=waiting_since,
                    auto_close_at=(
                        standards.online_auto_close_at(waiting_since) if waiting_since else None
                    ),
                    closed_at=closed_at,
                    closed_by_auto=bool(closed_by_auto),
                    overdue=unanswered and now > due,
                    due_soon=unanswered and due - DUE_SOON <= now <= due,
                )
            )
        rows.sort(key=lambda r: (not r.overdue, r.status == O.CLOSED.value, r.first_answer_due))
        return rows

    @staticmethod
    def _service(actor: Actor, service_id: int | None) -> ServiceType:
        query = ServiceType.select().where(
            (ServiceType.office == actor.office_id) & ServiceType.active
        )
        if service_id is not None:
            query = query.where(ServiceType.id == service_id)
        else:  # the consultation service (or the first one)
            query = query.order_by(
                (ServiceType.code != "consultation"), ServiceType.sort_order, ServiceType.id
            )
        service = query.first()
        if service is None:
            raise ValidationError(
                {"service": QCoreApplication.translate("Online", "Choose an active service.")}
            )
        return service
