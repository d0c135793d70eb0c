"""Priority service (UU 25/2009 Article 29: people with a disability, the elderly,
pregnant women and people with a small child are served first), within a rule that never
starves the others.

A ticket is *priority* when it carries a reason (``Visit.priority``: ``PriorityReason``; "other"
with the receptionist's words), set when it is issued or while it waits
(``PriorityService.set_priority``); the visitor's guest-book record proposes one
(``proposal_for``: a recorded disability, or 60 years or more by the birth year).  The ticket
shows a symbol, never the reason; the board shows neither.

Which ticket "call next" takes at a desk (``next_to_call``, inside the call's transaction, after
the office's call lock, so it holds on several PCs exactly as the plain order did):

1. the desk's pool: today's waiting walk-in tickets it may call; in it, the oldest priority
   ticket and the oldest normal ticket (issue time, then id: number order within a class);
2. one class waiting, or the priority ticket issued before the normal one: the older one
   (``CallReason.ORDER``: nobody is overtaken);
3. else the priority ticket goes ahead of the normal one (``PRIORITY``), unless
   - the normal ticket has waited longer than M minutes (``WAITED``): a normal ticket past M is
     overtaken by no one any more, so its wait is bounded; or
   - N priority tickets have already gone ahead of a waiting normal ticket since a normal
     ticket was last called (``TURN``), counted over the day's calls of the desk's services
     and of the desk itself (``Visit.call_seq`` orders the calls; ``Visit.call_reason`` says
     how each was made).
   A ticket called out of order (``call_ticket``) is ``CHOSEN``.

N and M are the admin's (``priority_rule``; office settings ``priority_max_in_row`` and
``priority_normal_max_wait``, defaults 2 and 20 minutes: a normal ticket is never overtaken
once it is past amber at the front desk and before it turns red there).  A long queue where
every normal ticket waits past M falls back to plain issue order; priority tickets then keep
their place by number like everyone else (never worse than without priority).

The visitor's recorded disability being sensory makes the call *assisted*
(``Visit.call_assist``, set at each call): the board flashes and repeats it, the officer's
window says to fetch the visitor.  No Qt beyond QtCore; no personal data in the log.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import is_sqlite, write_transaction
from models.entities import Channel, OfficeSetting, Visit, Visitor, VisitStatus
from pst_desktop.admin import audit
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import Conflict, NotFound, ValidationError
from pst_desktop.core.text import clean_text
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.sop.permissions import Action, Actor, require
from pst_desktop.visits.events import Event, publish

log = logging.getLogger(__name__)


class PriorityReason(StrEnum):
    DISABILITY = "disability"
    ELDERLY = "elderly"
    PREGNANT = "pregnant"
    SMALL_CHILD = "small_child"
    OTHER = "other"  # with the receptionist's words (``Visit.priority_note``)


class CallReason(StrEnum):
    """Why a call took the ticket it took (``Visit.call_reason``)."""

    ORDER = "order"  # its turn by issue order: nobody was overtaken
    PRIORITY = "priority"  # a priority ticket went ahead of a waiting normal ticket
    TURN = "turn"  # a normal ticket, because N priority tickets had gone ahead in a row
    WAITED = "waited"  # a normal ticket that had waited longer than M minutes
    CHOSEN = "chosen"  # called out of order by the officer


# the rule's defaults (see the module doc) and the ranges the admin may choose from
DEFAULT_MAX_IN_ROW = 2
DEFAULT_NORMAL_MAX_WAIT_MINUTES = 20
MAX_IN_ROW_RANGE = (1, 10)
NORMAL_MAX_WAIT_RANGE = (5, 120)
# the office settings (``OfficeSetting.key``) of the rule
KEY_MAX_IN_ROW = "priority_max_in_row"
KEY_NORMAL_MAX_WAIT = "priority_normal_max_wait"

# the guest-book disability codes that mean "no disability recorded" (models/catalog.py)
NO_DISABILITY = ("", "none")
# the disability code whose call the board flashes and repeats
SENSORY = "sensory"
# lansia (UU 13/1998): 60 years and over; the guest book has the birth year only
ELDERLY_AGE = 60
NOTE_MAX = 120


# -- the rule ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class PriorityRule:
    """At most ``max_in_row`` priority calls in a row while a normal ticket waits; a normal
    ticket that waited longer than ``normal_max_wait_minutes`` goes first."""

    max_in_row: int = DEFAULT_MAX_IN_ROW
    normal_max_wait_minutes: int = DEFAULT_NORMAL_MAX_WAIT_MINUTES

    @property
    def normal_max_wait(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.normal_max_wait_minutes)


def _whole(text: object) -> int | None:
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        return text
    text = str(text or "").strip()
    return int(text) if text.isdigit() else None


def check_rule(max_in_row: object, normal_max_wait_minutes: object) -> PriorityRule:
    """The rule from the admin's two numbers; ``ValidationError`` (fields ``max_in_row``,
    ``normal_max_wait``) when either is not a whole number in its range."""
    errors: dict[str, str] = {}
    n, m = _whole(max_in_row), _whole(normal_max_wait_minutes)
    low, high = MAX_IN_ROW_RANGE
    if n is None or not low <= n <= high:
        errors["max_in_row"] = QCoreApplication.translate(
            "Priority",
            "Priority calls in a row: a whole number from {low} to {high}.",
        ).format(low=low, high=high)
    low, high = NORMAL_MAX_WAIT_RANGE
    if m is None or not low <= m <= high:
        errors["normal_max_wait"] = QCoreApplication.translate(
            "Priority",
            "Minutes after which a normal ticket goes first: a whole number from {low} to {high}.",
        ).format(low=low, high=high)
    if errors:
        raise ValidationError(errors)
    return PriorityRule(n, m)  # type: ignore[arg-type]


def priority_rule(office_id: int) -> PriorityRule:
    """The office's rule as the admin set it; the defaults for a setting never set (or one
    that is not valid, which the admin's save never writes)."""
    stored = dict(
        OfficeSetting.select(OfficeSetting.key, OfficeSetting.value)
        .where(
            (OfficeSetting.office == office_id)
            & OfficeSetting.key.in_((KEY_MAX_IN_ROW, KEY_NORMAL_MAX_WAIT))
        )
        .tuples()
    )
    n = _whole(stored.get(KEY_MAX_IN_ROW))
    m = _whole(stored.get(KEY_NORMAL_MAX_WAIT))
    if n is None or not MAX_IN_ROW_RANGE[0] <= n <= MAX_IN_ROW_RANGE[1]:
        n = DEFAULT_MAX_IN_ROW
    if m is None or not NORMAL_MAX_WAIT_RANGE[0] <= m <= NORMAL_MAX_WAIT_RANGE[1]:
        m = DEFAULT_NORMAL_MAX_WAIT_MINUTES
    return PriorityRule(n, m)


# -- a ticket's mark ---------------------------------------------------------------------------
@dataclass(frozen=True)
class PriorityMark:
    """A ticket's priority: the reason, and for "other" the receptionist's words."""

    reason: PriorityReason
    note: str = ""


def check_mark(reason: str | None, note: str = "") -> PriorityMark | None:
    """The mark from the front desk's choice; None for "" (a normal ticket).  "other" needs a
    few words; the words are kept for "other" only."""
    reason = (reason or "").strip()
    if not reason:
        return None
    if reason not in PriorityReason._value2member_map_:
        raise ValidationError(
            {
                "priority": QCoreApplication.translate(
                    "Priority", "Choose the reason for priority service from the list."
                )
            }
        )
    kind = PriorityReason(reason)
    note = clean_text(note) if kind is PriorityReason.OTHER else ""
    if kind is PriorityReason.OTHER and not note:
        raise ValidationError(
            {
                "priority_note": QCoreApplication.translate(
                    "Priority", "Say in a few words why this visitor is served first."
                )
            }
        )
    if len(note) > NOTE_MAX:
        raise ValidationError(
            {
                "priority_note": QCoreApplication.translate(
                    "Priority", "The reason is too long (at most {limit} characters)."
                ).format(limit=NOTE_MAX)
            }
        )
    return PriorityMark(kind, note)


def reason_label(reason: str) -> str:
    """The reason as staff say it, in the chosen language ("" for a normal ticket)."""
    labels = {
        PriorityReason.DISABILITY: QCoreApplication.translate("Priority", "disability"),
        PriorityReason.ELDERLY: QCoreApplication.translate("Priority", "elderly"),
        PriorityReason.PREGNANT: QCoreApplication.translate("Priority", "pregnant"),
        PriorityReason.SMALL_CHILD: QCoreApplication.translate("Priority", "with a small child"),
        PriorityReason.OTHER: QCoreApplication.translate("Priority", "other"),
    }
    if reason in PriorityReason._value2member_map_:
        return labels[PriorityReason(reason)]
    return reason


@dataclass(frozen=True)
class PriorityProposal:
    """What the guest book proposes for a visitor's ticket."""

    reason: PriorityReason | None  # None: nothing to propose
    assisted_call: bool  # the recorded disability is sensory: the call needs fetching


def proposal_for(
    visitor_id: int, now: dt.datetime, office_id: int | None = None
) -> PriorityProposal:
    """The priority the visitor's guest-book record proposes: "disability" for a recorded
    disability (any but "none"), else "elderly" at 60 years or more in the year of ``now``
    (the guest book has the birth year only); the receptionist confirms or drops it."""
    row = (
        Visitor.select(Visitor.disability, Visitor.birth_year, Visitor.office)
        .where(Visitor.id == visitor_id)
        .tuples()
        .first()
    )
    if row is None:
        return PriorityProposal(None, False)
    disability, birth_year, visitor_office = row
    disability = (disability or "").strip()
    if disability not in NO_DISABILITY:
        return PriorityProposal(PriorityReason.DISABILITY, disability == SENSORY)
    year = OfficeCalendar.for_office(office_id or visitor_office).office_day(now).year
    if birth_year and year - int(birth_year) >= ELDERLY_AGE:
        return PriorityProposal(PriorityReason.ELDERLY, False)
    return PriorityProposal(None, False)


def assisted_call() -> pw.Node:
    """SQL for ``Visit.call_assist`` at a call: whether the visit's visitor has a sensory
    disability recorded now (an ``UPDATE visit`` expression)."""
    return pw.fn.EXISTS(
        Visitor.select(Visitor.id).where(
            (Visitor.id == Visit.visitor) & (Visitor.disability == SENSORY)
        )
    )


def next_call_seq() -> pw.Node:
    """SQL for ``Visit.call_seq`` at a call: one more than the office day's latest call (an
    ``UPDATE visit`` expression; the office's call lock makes it unique)."""
    Other = Visit.alias("call_other")
    return Other.select(pw.fn.COALESCE(pw.fn.MAX(Other.call_seq), 0) + 1).where(
        (Other.office == Visit.office) & (Other.day == Visit.day)
    )


# -- call next ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Choice:
    """The ticket "call next" takes, and why."""

    visit_id: int
    issued_at: dt.datetime
    reason: CallReason


def _first(condition: pw.Node) -> Visit | None:
    query = (
        Visit.select(Visit.id, Visit.issued_at)
        .where(condition)
        .order_by(Visit.issued_at, Visit.id)
        .limit(1)
    )
    if not is_sqlite():
        query = query.for_update(skip_locked=True)
    return query.first()


def jumps_in_a_row(office_id: int, day: dt.date, desk_id: int, served: object) -> int:
    """How many priority tickets went ahead of a waiting normal ticket since a normal ticket
    was last called, over the day's calls of the services ``served`` (ids, or a query of
    them) and of the desk ``desk_id``."""
    calls = (
        (Visit.office == office_id)
        & (Visit.day == day)
        & (Visit.call_seq > 0)
        & Visit.called_at.is_null(False)
        & ((Visit.desk == desk_id) | Visit.service.in_(served))
    )
    last_normal = (
        Visit.select(pw.fn.MAX(Visit.call_seq)).where(calls & (Visit.priority == "")).scalar()
    )
    return (
        Visit.select(Visit.id)
        .where(
            calls
            & (Visit.call_seq > (last_normal or 0))
            & (Visit.call_reason == CallReason.PRIORITY.value)
        )
        .count()
    )


def next_to_call(
    waiting: pw.Node,
    *,
    office_id: int,
    day: dt.date,
    desk_id: int,
    served: object,
    now: dt.datetime,
    rule: PriorityRule | None = None,
) -> Choice | None:
    """The ticket "call next" takes from the pool ``waiting`` (a condition on ``Visit``: the
    day's waiting walk-in tickets the desk may call), by the rule of the module doc; None when
    the pool is empty.  Call inside the call's transaction after the office's call lock: the
    heads are row-locked (``FOR UPDATE SKIP LOCKED`` on PostgreSQL) as the plain order was."""
    rule = rule or priority_rule(office_id)
    first_priority = _first(waiting & (Visit.priority != ""))
    first_normal = _first(waiting & (Visit.priority == ""))
    if first_priority is None and first_normal is None:
        return None
    if first_priority is None or first_normal is None:
        only = first_priority or first_normal
        return Choice(only.id, only.issued_at, CallReason.ORDER)
    if (first_priority.issued_at, first_priority.id) < (first_normal.issued_at, first_normal.id):
        return Choice(first_priority.id, first_priority.issued_at, CallReason.ORDER)
    if now - first_normal.issued_at > rule.normal_max_wait:
        return Choice(first_normal.id, first_normal.issued_at, CallReason.WAITED)
    if jumps_in_a_row(office_id, day, desk_id, served) >= rule.max_in_row:
        return Choice(first_normal.id, first_normal.issued_at, CallReason.TURN)
    return Choice(first_priority.id, first_priority.issued_at, CallReason.PRIORITY)


def expected_order(
    tickets: Sequence[tuple[dt.datetime, int, bool]],
    rule: PriorityRule,
    now: dt.datetime,
    jumps: int = 0,
) -> list[int]:
    """The ids of ``tickets`` (waiting: issue time, id, priority) in the order successive
    "call next" at one desk would take them if nothing else happened meanwhile and the calls
    came at ``now``; ``jumps``: ``jumps_in_a_row`` now.  What the officer's queue shows."""
    firsts = sorted(t for t in tickets if t[2])
    normals = sorted(t for t in tickets if not t[2])
    order: list[int] = []
    i = j = 0
    while i < len(firsts) or j < len(normals):
        take_normal = i == len(firsts) or (
            j < len(normals)
            and (firsts[i][0], firsts[i][1]) > (normals[j][0], normals[j][1])
            and (now - normals[j][0] > rule.normal_max_wait or jumps >= rule.max_in_row)
        )
        if take_normal:
            order.append(normals[j][1])
            j += 1
            jumps = 0
        else:
            if j < len(normals) and (firsts[i][0], firsts[i][1]) > (normals[j][0], normals[j][1]):
                jumps += 1  # it goes ahead of a waiting normal ticket
            order.append(firsts[i][1])
            i += 1
    return order


# -- people ahead ------------------------------------------------------------------------------
def ahead_in(
    ticket: tuple[dt.datetime, int, bool],
    others: Sequence[tuple[dt.datetime, int, bool]],
    rule: PriorityRule,
    now: dt.datetime,
) -> int:
    """How many of ``others`` (waiting tickets: issue time, id, priority) will be called before
    ``ticket``, as near as the rule lets one say ahead of time:

    - a normal ticket: every ticket issued before it, and while it has waited M minutes or
      less the priority tickets issued after it, at most N for each normal ticket ahead of it
      and for itself;
    - a priority ticket: the priority tickets issued before it, the normal tickets issued
      before it that waited longer than M (overtaken by no one), and of the other normal
      tickets before it one for every N priority tickets ahead (their turns)."""
    issued_at, visit_id, is_priority = ticket
    key = (issued_at, visit_id)
    before = [o for o in others if (o[0], o[1]) < key]
    after = [o for o in others if (o[0], o[1]) > key]
    if not is_priority:
        count = len(before)
        if now - issued_at <= rule.normal_max_wait:
            normals_ahead = sum(1 for o in before if not o[2])
            jumpers = sum(1 for o in after if o[2])
            count += min(jumpers, rule.max_in_row * (normals_ahead + 1))
        return count
    priority_ahead = sum(1 for o in before if o[2])
    normals = [o for o in before if not o[2]]
    overdue = sum(1 for o in normals if now - o[0] > rule.normal_max_wait)
    turns = min(len(normals) - overdue, priority_ahead // rule.max_in_row)
    return priority_ahead + overdue + turns


def people_ahead(visit: Visit, now: dt.datetime | None = None) -> int:
    """Walk-in tickets of the visit's service and day still waiting that will be called before
    it (``ahead_in``); ``now`` defaults to the visit's issue time (the count on a new ticket).
    Open online consultations are not in this queue and do not count."""
    now = now or visit.issued_at
    rows = [
        (issued_at, visit_id, bool(priority))
        for visit_id, issued_at, priority in Visit.select(Visit.id, Visit.issued_at, Visit.priority)
        .where(
            (Visit.service == visit.service_id)
            & (Visit.day == visit.day)
            & (Visit.channel == Channel.WALK_IN.value)
            & (Visit.status == VisitStatus.WAITING.value)
            & (Visit.id != visit.id)
        )
        .tuples()
    ]
    if not rows:
        return 0
    if not any(priority for _, _, priority in rows) and not visit.priority:
        key = (visit.issued_at, visit.id)
        return sum(1 for issued_at, visit_id, _ in rows if (issued_at, visit_id) < key)
    rule = priority_rule(visit.office_id)
    return ahead_in((visit.issued_at, visit.id, bool(visit.priority)), rows, rule, now)


# -- marking a ticket --------------------------------------------------------------------------
class PriorityService:
    """The front desk marks a waiting ticket priority (or normal again)."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def set_priority(self, actor: Actor, visit_id: int, mark: PriorityMark | None) -> Visit:
        """Mark today's waiting walk-in ticket ``visit_id`` priority with ``mark``, or normal
        (None); audited, and every station hears of it.  Refused once the ticket was called."""
        require(actor, Action.ISSUE_TICKET)
        from pst_desktop.visits.queue import QueueService, status_label

        calendar = OfficeCalendar.for_office(actor.office_id)
        with write_transaction():
            query = Visit.select().where((Visit.id == visit_id) & (Visit.office == actor.office_id))
            if not is_sqlite():
                query = query.for_update()
            visit = query.first()
            now = self.clock.now()  # after the row lock
            if visit is None or visit.channel != Channel.WALK_IN.value or visit.number is None:
                raise NotFound(
                    QCoreApplication.translate("Priority", "This ticket does not exist.")
                )
            code = QueueService.code_of(visit)
            if visit.day != calendar.office_day(now):
                raise Conflict(
                    QCoreApplication.translate(
                        "Priority", "Ticket {code} is from an earlier office day."
                    ).format(code=code)
                )
            if visit.status != VisitStatus.WAITING.value:
                raise Conflict(
                    QCoreApplication.translate(
                        "Priority",
                        "Ticket {code} is {status} now; priority is set only while it waits.",
                    ).format(code=code, status=status_label(visit.status))
                )
            reason = mark.reason.value if mark is not None else ""
            note = mark.note if mark is not None else ""
            if (visit.priority, visit.priority_note) == (reason, note):
                return visit
            before = audit.snapshot(visit)
            Visit.update(priority=reason, priority_note=note).where(Visit.id == visit.id).execute()
            visit.priority, visit.priority_note = reason, note
            audit.changed(now, actor.user_id, "update", "visit", visit, before)
            # no ``visit``: the log's line for a visit would call an unmoved ticket "issued"
            publish(Event.QUEUE_CHANGED, office=actor.office_id, what="priority")
        log.info("visit %s: %s", visit.id, "priority" if reason else "normal again")
        return visit
