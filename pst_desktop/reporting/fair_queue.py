"""A fair queue in figures: priority service and the desks' states.

What counts (``tests/pst_desktop/reporting/test_fair_queue.py`` checks it on a hand count):

- ``fair_queue`` over the office days ``date_from``..``date_to`` (both included), walk-in
  tickets only:
  - priority share: the tickets issued priority (``Visit.priority`` not empty) among all issued,
    and how many per reason;
  - waits by class: issued → called (the latest call), over the tickets called, in minutes:
    median and 90th percentile (nearest rank), for normal and for priority tickets;
  - the rule's effect, from how each call was made (``Visit.call_reason``): priority tickets
    that went ahead of an older waiting normal ticket ("jumps"), normal tickets called because
    N priority tickets had gone ahead in a row ("turns"), and normal tickets called first
    because they had waited longer than M minutes (the starvation bound at work); and the
    assisted calls (a sensory disability: the board flashed and repeated them).
- the monthly report's section: ``fair_queue_pdf.section`` and ``fair_queue_xlsx.add_sheet``
  print ``ReportData.fair_queue`` with ``fair_queue_labels``;
- ``desk_times`` for one office day: each desk's time open, on a break and closed within the
  day's service hours (up to ``now`` for today), replayed from the log of its state changes
  (``DeskStateChange``); a desk without any change up to the end of the window was never given
  a state, counts as open (as the queue treats it) and is marked ``tracked`` False.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import statistics
from collections import Counter
from dataclasses import dataclass

from models.entities import (
    Channel,
    Desk,
    DeskStateChange,
    DeskStateKind,
    Visit,
)
from pst_desktop.core.i18n import translation
from pst_desktop.reporting.labels import report_language
from pst_desktop.reporting.sql import as_utc
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.visits.priority import CallReason, PriorityReason

K = DeskStateKind


@dataclass(frozen=True)
class ClassWaits:
    """The waits of one class of tickets (normal or priority)."""

    issued: int
    called: int
    median: float | None  # minutes, issued → called
    p90: float | None


@dataclass(frozen=True)
class FairQueue:
    issued: int
    priority: int
    by_reason: tuple[tuple[str, int], ...]  # (PriorityReason value, tickets), in its order
    normal: ClassWaits
    first: ClassWaits  # priority tickets
    jumps: int  # priority tickets called ahead of an older waiting normal ticket
    turns: int  # normal tickets called because N priority tickets had gone ahead in a row
    waited: int  # normal tickets called first because they waited longer than M minutes
    assisted: int  # calls the board flashed and repeated (a sensory disability)

    @property
    def priority_percent(self) -> float | None:
        return 100.0 * self.priority / self.issued if self.issued else None


def _median_p90(values: list[float]) -> tuple[float | None, float | None]:
    if not values:
        return None, None
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def _waits(rows: list[tuple]) -> ClassWaits:
    waits = [
        (as_utc(called) - as_utc(issued)).total_seconds() / 60.0
        for _, issued, called, _, _ in rows
        if called is not None
    ]
    median, p90 = _median_p90(waits)
    return ClassWaits(len(rows), len(waits), median, p90)


def fair_queue(office_id: int, date_from: dt.date, date_to: dt.date) -> FairQueue:
    """The priority figures of ``office_id`` over ``date_from``..``date_to`` (see the module
    doc).  Reads only: safe on a worker thread."""
    rows = list(
        Visit.select(
            Visit.priority,
            Visit.issued_at,
            Visit.called_at,
            Visit.call_reason,
            Visit.call_assist,
        )
        .where(
            (Visit.office == office_id)
            & (Visit.day >= date_from)
            & (Visit.day <= date_to)
            & (Visit.channel == Channel.WALK_IN.value)
            & Visit.number.is_null(False)
        )
        .tuples()
    )
    firsts = [r for r in rows if r[0]]
    normals = [r for r in rows if not r[0]]
    reasons = Counter(r[0] for r in firsts)
    how = Counter(r[3] for r in rows if r[2] is not None)
    return FairQueue(
        issued=len(rows),
        priority=len(firsts),
        by_reason=tuple((reason.value, reasons.get(reason.value, 0)) for reason in PriorityReason),
        normal=_waits(normals),
        first=_waits(firsts),
        jumps=how[CallReason.PRIORITY.value],
        turns=how[CallReason.TURN.value],
        waited=how[CallReason.WAITED.value],
        assisted=sum(1 for r in rows if r[2] is not None and r[4]),
    )


@functools.cache
def _fair_queue_labels(language: str) -> dict[str, str]:
    words = translation(language)
    return {
        "fair_queue": words.translate("ReportLabels", "Priority service"),
        "fair_queue_basis": words.translate(
            "ReportLabels",
            "Walk-in tickets of the period. Wait: ticket issued to called, in minutes. A "
            "priority ticket goes ahead of older normal tickets, at most N in a row while one "
            "waits; a normal ticket that waited longer than M minutes is overtaken by no one.",
        ),
        "ticket_class": words.translate("ReportLabels", "Class"),
        "normal_class": words.translate("ReportLabels", "Normal"),
        "priority_class": words.translate("ReportLabels", "Priority"),
        "priority_reason": words.translate("ReportLabels", "Reason for priority"),
        "rule_effect": words.translate("ReportLabels", "The rule at work"),
        "jumps": words.translate(
            "ReportLabels", "Priority tickets called ahead of an older waiting normal ticket"
        ),
        "turns": words.translate(
            "ReportLabels", "Normal tickets called on their turn after N priority calls"
        ),
        "waited_past_m": words.translate(
            "ReportLabels", "Normal tickets called first after waiting longer than M minutes"
        ),
        "assisted_calls": words.translate(
            "ReportLabels", "Calls flashed and repeated for a visitor with a sensory disability"
        ),
        # the reasons, as the front desk names them (context "Priority")
        "disability": words.translate("Priority", "disability"),
        "elderly": words.translate("Priority", "elderly"),
        "pregnant": words.translate("Priority", "pregnant"),
        "small_child": words.translate("Priority", "with a small child"),
        "other": words.translate("Priority", "other"),
    }


def fair_queue_labels(language: str) -> dict[str, str]:
    """The words of the report's priority section in ``language`` (unknown: Indonesian),
    beside the report's own (``labels.labels_for``: issued, called, wait median and p90)."""
    return dict(_fair_queue_labels(report_language(language)))


@dataclass(frozen=True)
class DeskTime:
    """One desk's day: time in each state within the service hours (up to now)."""

    desk_id: int
    name: str
    open: dt.timedelta
    on_break: dt.timedelta
    closed: dt.timedelta
    breaks: int  # breaks begun within the window (a changed return is the same break)
    closed_by_itself: int  # automatic closes within the window
    tracked: bool  # False: the desk never had a state (open, as the queue treats it)


def desk_times(office_id: int, day: dt.date, now: dt.datetime) -> list[DeskTime]:
    """Each desk's time open / on a break / closed on the office day ``day``, within its
    service hours and up to ``now``; every active desk, and an inactive one with changes that
    day.  Empty on a day the office is closed."""
    calendar = OfficeCalendar.for_office(office_id)
    hours = calendar.hours_on(day)
    if hours is None:
        return []
    start, end = hours
    end = max(start, min(end, now))
    changes: dict[int, list[DeskStateChange]] = {}
    for change in (
        DeskStateChange.select()
        .where((DeskStateChange.office == office_id) & (DeskStateChange.at < end))
        .order_by(DeskStateChange.at, DeskStateChange.id)
    ):
        changes.setdefault(change.desk_id, []).append(change)
    out = []
    for desk in Desk.select().where(Desk.office == office_id).order_by(Desk.name, Desk.id):
        log = changes.get(desk.id, [])
        within = [c for c in log if c.at >= start]
        if not desk.active and not within:
            continue
        before = [c for c in log if c.at < start]
        state = before[-1].state if before else K.OPEN.value
        spent = {kind.value: dt.timedelta(0) for kind in K}
        moment, breaks = start, 0
        for change in within:
            spent[state] += change.at - moment
            breaks += change.state == K.BREAK.value and state != K.BREAK.value
            state, moment = change.state, change.at
        spent[state] += end - moment
        out.append(
            DeskTime(
                desk_id=desk.id,
                name=desk.name,
                open=spent[K.OPEN.value],
                on_break=spent[K.BREAK.value],
                closed=spent[K.CLOSED.value],
                breaks=breaks,
                closed_by_itself=sum(1 for c in within if c.automatic),
                tracked=bool(log),
            )
        )
    return out
