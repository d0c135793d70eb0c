"""Who did what: one row per officer and one per desk, for the live day and the report.

What counts (``tests/pst_desktop/reporting/test_who_did_what.py`` checks it on a hand count):

- The walk-in visits of the office days ``date_from``..``date_to`` that an officer (a desk)
  called: the visit's officer and desk are the last ones that held it (a transfer to another
  desk moves it there).  Online consultations are not desk work and are left out.
- Served: visits finished (awaiting the rating or done).  Services delivered: the last service
  of each of those visits, plus every service the officer (the desk) delivered to a visit of
  the range before handing it on to its next service (``visit_services``), wherever that visit
  ended.
- Wait before the call (issued → first call) and service time (service started → finished):
  median and 90th percentile (nearest rank) in minutes, over the visits that have both moments.
- SOP: service ≤ 3 h over finished visits that were started; rating ≤ 5 min over finished
  visits (unrated counts as missed once 5 minutes have passed, as in the report), each as met /
  measured (``pst_desktop/sop/standards.py``).
- Ratings: the ratings of those visits; the average on the most used scale of the rows in the
  range, other scales mapped linearly onto it (``ratings.on_scale``).
- Follow-ups: those opened for the row's visits (a low rating, a comment, a need not met),
  and, for an officer, those they closed in the range.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import peewee as pw

from models.entities import (
    Channel,
    Desk,
    FollowUp,
    Office,
    Rating,
    UserAccount,
    Visit,
    VisitService,
    VisitStatus,
)
from pst_desktop.reporting.sql import as_utc
from pst_desktop.sop import standards
from pst_desktop.visitor.ratings import on_scale
from pst_desktop.visits import visit_services

FINISHED = (VisitStatus.AWAITING_RATING.value, VisitStatus.DONE.value)


@dataclass(frozen=True)
class WorkRow:
    """One officer's (or one desk's) part of the range."""

    id: int | None
    name: str
    called: int
    served: int
    services_delivered: int
    wait_median: float | None  # minutes, issued → first call
    wait_p90: float | None
    service_median: float | None  # minutes, service started → finished
    service_p90: float | None
    service_measured: int
    service_met: int  # ≤ 3 h
    rating_measured: int
    rating_met: int  # rated ≤ 5 min after finishing
    ratings: int
    rating_average: float | None  # on ``WhoDidWhat.scale_max``
    follow_ups_opened: int  # for this row's visits
    follow_ups_closed: int  # closed by this officer (0 for a desk)

    @property
    def service_percent(self) -> float | None:
        return 100.0 * self.service_met / self.service_measured if self.service_measured else None

    @property
    def rating_percent(self) -> float | None:
        return 100.0 * self.rating_met / self.rating_measured if self.rating_measured else None


@dataclass(frozen=True)
class WhoDidWhat:
    scale_max: int  # the scale rating averages are on
    by_officer: tuple[WorkRow, ...] = field(default_factory=tuple)
    by_desk: tuple[WorkRow, ...] = field(default_factory=tuple)


@dataclass
class _Tally:
    called: int = 0
    served: int = 0
    waits: list[float] = field(default_factory=list)
    services: list[float] = field(default_factory=list)
    service_met: int = 0
    rating_measured: int = 0
    rating_met: int = 0
    rated: list[tuple[int, int]] = field(default_factory=list)
    follow_ups_opened: int = 0
    follow_ups_closed: int = 0
    handed_on: int = 0  # services delivered before a hand-on to the visit's next service


def _minutes(start: dt.datetime | None, end: dt.datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return (as_utc(end) - as_utc(start)).total_seconds() / 60.0


def _median_p90(values: list[float]) -> tuple[float | None, float | None]:
    if not values:
        return None, None
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def who_did_what(
    office_id: int, date_from: dt.date, date_to: dt.date, now: dt.datetime
) -> WhoDidWhat:
    """The officer and desk rows of ``office_id`` over ``date_from``..``date_to`` (office days,
    both included), as of ``now`` (for the rating standard of visits finished moments ago)."""
    rows = list(
        Visit.select(
            Visit.id,
            Visit.officer,
            Visit.desk,
            Visit.status,
            Visit.issued_at,
            Visit.called_at,
            Visit.service_started_at,
            Visit.finished_at,
            Rating.score,
            Rating.scale_max,
            Rating.created_at.alias("rated_at"),
        )
        .join(Rating, pw.JOIN.LEFT_OUTER, on=(Rating.visit == Visit.id))
        .where(
            (Visit.office == office_id)
            & (Visit.day >= date_from)
            & (Visit.day <= date_to)
            & (Visit.channel == Channel.WALK_IN.value)
            & Visit.called_at.is_null(False)
        )
        .dicts()
    )
    visit_ids = [r["id"] for r in rows]
    opened: Counter[int] = Counter()
    for chunk in _chunks(visit_ids, 500):
        opened.update(
            f.visit_id for f in FollowUp.select(FollowUp.visit).where(FollowUp.visit.in_(chunk))
        )
    start, end = _utc_bounds(office_id, date_from, date_to)
    closed_by: Counter[int] = Counter(
        officer_id
        for (officer_id,) in FollowUp.select(FollowUp.taken_by)
        .where(
            (FollowUp.office == office_id)
            & FollowUp.closed_at.is_null(False)
            & (FollowUp.closed_at >= start)
            & (FollowUp.closed_at < end)
            & FollowUp.taken_by.is_null(False)
        )
        .tuples()
    )
    officers: dict[int | None, _Tally] = defaultdict(_Tally)
    desks: dict[int | None, _Tally] = defaultdict(_Tally)
    now = as_utc(now)
    for r in rows:
        for tally in (officers[r["officer"]], desks[r["desk"]]):
            _count(tally, r, now, opened[r["id"]])
    for officer_id, count in closed_by.items():
        officers[officer_id].follow_ups_closed += count
    handed_on = (
        VisitService.select(VisitService.officer, VisitService.desk)
        .join(Visit, on=(VisitService.visit == Visit.id))
        .where(
            (Visit.office == office_id)
            & (Visit.day >= date_from)
            & (Visit.day <= date_to)
            & (Visit.channel == Channel.WALK_IN.value)
            & visit_services.handed_on_condition()
        )
        .tuples()
    )
    for officer_id, desk_id in handed_on:
        officers[officer_id].handed_on += 1
        desks[desk_id].handed_on += 1
    rated = [pair for t in officers.values() for pair in t.rated]
    scale_max = Counter(m for _, m in rated).most_common(1)[0][0] if rated else 4
    officer_names = _names(UserAccount, UserAccount.full_name, officers)
    desk_names = _names(Desk, Desk.name, desks)
    return WhoDidWhat(
        scale_max,
        _rows(officers, officer_names, scale_max),
        _rows(desks, desk_names, scale_max),
    )


def _count(tally: _Tally, r: dict, now: dt.datetime, follow_ups: int) -> None:
    tally.called += 1
    tally.follow_ups_opened += follow_ups
    wait = _minutes(r["issued_at"], r["called_at"])
    if wait is not None:
        tally.waits.append(wait)
    if r["status"] not in FINISHED:
        return
    tally.served += 1
    service = _minutes(r["service_started_at"], r["finished_at"])
    if service is not None:
        tally.services.append(service)
        tally.service_met += service * 60 <= standards.SERVICE_LIMIT.total_seconds()
    rating = standards.rating(
        as_utc(r["finished_at"]) if r["finished_at"] else None,
        as_utc(r["rated_at"]) if r["rated_at"] else None,
        now,
    )
    if rating.verdict in (standards.Verdict.MET, standards.Verdict.MISSED):
        tally.rating_measured += 1
        tally.rating_met += rating.verdict is standards.Verdict.MET
    elif rating.verdict is standards.Verdict.OVERDUE:  # unrated past the 5 minutes
        tally.rating_measured += 1
    if r["score"] is not None:
        tally.rated.append((int(r["score"]), int(r["scale_max"])))


def _rows(tallies: dict[int | None, _Tally], names: dict[int, str], scale_max: int):
    out = []
    for key, t in tallies.items():
        if not t.called and not t.follow_ups_closed and not t.handed_on:
            continue
        wait_median, wait_p90 = _median_p90(t.waits)
        service_median, service_p90 = _median_p90(t.services)
        average = (
            sum(on_scale(score, scale, scale_max) for score, scale in t.rated) / len(t.rated)
            if t.rated
            else None
        )
        out.append(
            WorkRow(
                id=key,
                name=names.get(key, "") if key is not None else "",
                called=t.called,
                served=t.served,
                services_delivered=t.served + t.handed_on,
                wait_median=wait_median,
                wait_p90=wait_p90,
                service_median=service_median,
                service_p90=service_p90,
                service_measured=len(t.services),
                service_met=t.service_met,
                rating_measured=t.rating_measured,
                rating_met=t.rating_met,
                ratings=len(t.rated),
                rating_average=average,
                follow_ups_opened=t.follow_ups_opened,
                follow_ups_closed=t.follow_ups_closed,
            )
        )
    # the busiest first; ties by name, the row without an officer or desk last
    return tuple(sorted(out, key=lambda w: (w.id is None, -w.served, w.name.casefold())))


def _names(model: type[pw.Model], column: pw.Field, tallies: dict) -> dict[int, str]:
    ids = [key for key in tallies if key is not None]
    if not ids:
        return {}
    return dict(model.select(model.id, column).where(model.id.in_(ids)).tuples())


def _chunks(values: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _utc_bounds(
    office_id: int, date_from: dt.date, date_to: dt.date
) -> tuple[dt.datetime, dt.datetime]:
    """The range's office days as moments: the start of the first day to the start of the day
    after the last, in the office's time zone."""
    zone = ZoneInfo(Office.get_by_id(office_id).time_zone)
    start = dt.datetime.combine(date_from, dt.time(), zone)
    return start, dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), zone)
