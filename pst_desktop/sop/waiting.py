"""The estimated wait printed on a ticket: how long until the people ahead have been served.

    minutes = average service time × people ahead ÷ desks serving the service

The average service time (``finished_at - service_started_at``) is taken, in this order, from

1. today's finished visits of the service, when there are at least ``MIN_SAMPLES`` of them;
2. the finished visits of the last ``RECENT_WORKING_DAYS`` working days (today included, the most
   recent ``RECENT_LIMIT`` visits), again when there are at least ``MIN_SAMPLES``;
3. ``DEFAULT_MINUTES_PER_VISITOR``.

Each service time counts at most ``MAX_SERVICE`` (the SOP's 3 hours), so a visit left open over
lunch does not blow the estimate up. The desks are the active desks linked to the service that
are open now (``visits.desk_state``).  With none open but some on a break, the wait is counted
from the earliest expected return, over the desks on a break; with none open or on a break the
wait cannot be estimated (``None``). No Qt here: a plain service with unit tests.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import StrEnum

from models.entities import Channel, Visit
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.visits.desk_state import desks_for_service

DEFAULT_MINUTES_PER_VISITOR = 15.0
MIN_SAMPLES = 3
RECENT_WORKING_DAYS = 20
RECENT_LIMIT = 300
#: SOP: a service takes at most 3 hours; longer records are counted as 3 hours
MAX_SERVICE = dt.timedelta(hours=3)


class Basis(StrEnum):
    TODAY = "today"
    RECENT = "recent"
    DEFAULT = "default"


@dataclass(frozen=True)
class WaitEstimate:
    minutes: int | None  # None when no desk serving the service is open or on a break
    minutes_per_visitor: float
    desks: int  # open now (or, with none open, on a break)
    basis: Basis
    samples: int  # service times the average was taken from (0 for the default)


def estimated_wait_minutes(
    office_id: int,
    service_id: int,
    ahead: int,
    now: dt.datetime,
    calendar: OfficeCalendar | None = None,
) -> int | None:
    """Whole minutes (rounded up) until the people ``ahead`` are served; None without a desk.

    ``calendar`` saves the queries that build the office calendar when the caller has one.
    """
    return estimate_wait(office_id, service_id, ahead, now, calendar).minutes


def estimate_wait(
    office_id: int,
    service_id: int,
    ahead: int,
    now: dt.datetime,
    calendar: OfficeCalendar | None = None,
) -> WaitEstimate:
    """The estimate with how it was made (average, desks, basis); see the module doc."""
    if now.tzinfo is None:
        raise ValueError("estimate_wait needs an aware datetime")
    calendar = calendar or OfficeCalendar.for_office(office_id)
    today = calendar.office_day(now)
    available = desks_for_service(office_id, service_id)
    per_visitor, basis, samples = DEFAULT_MINUTES_PER_VISITOR, Basis.DEFAULT, 0
    durations = _durations(office_id, service_id, today, today, now)
    if len(durations) >= MIN_SAMPLES:
        per_visitor, basis, samples = _mean_minutes(durations), Basis.TODAY, len(durations)
    else:
        start = _working_days_back(calendar, today, RECENT_WORKING_DAYS)
        durations = _durations(office_id, service_id, start, today, now, RECENT_LIMIT)
        if len(durations) >= MIN_SAMPLES:
            per_visitor, basis, samples = _mean_minutes(durations), Basis.RECENT, len(durations)
    lead = 0.0  # minutes until a desk serves again
    desks = available.open
    if desks == 0 and available.on_break_until:
        desks = len(available.on_break_until)
        back = [t for t in available.on_break_until if t is not None]
        if back:
            lead = max(0.0, (min(back) - now).total_seconds() / 60)
    if desks == 0:
        return WaitEstimate(None, per_visitor, 0, basis, samples)
    minutes = math.ceil(round(lead + per_visitor * max(0, ahead) / desks, 6))
    return WaitEstimate(minutes, per_visitor, desks, basis, samples)


def _durations(
    office_id: int,
    service_id: int,
    first_day: dt.date,
    last_day: dt.date,
    now: dt.datetime,
    limit: int | None = None,
) -> list[dt.timedelta]:
    query = (
        Visit.select(Visit.service_started_at, Visit.finished_at)
        .where(
            (Visit.office == office_id)
            & (Visit.service == service_id)
            & (Visit.channel == Channel.WALK_IN.value)
            & (Visit.day >= first_day)
            & (Visit.day <= last_day)
            & Visit.service_started_at.is_null(False)
            & Visit.finished_at.is_null(False)
            & (Visit.finished_at <= now)
        )
        .order_by(Visit.finished_at.desc())
        .tuples()
    )
    if limit is not None:
        query = query.limit(limit)
    spans = (finished - started for started, finished in query)
    return [min(span, MAX_SERVICE) for span in spans if span > dt.timedelta(0)]


def _mean_minutes(durations: list[dt.timedelta]) -> float:
    return sum(d.total_seconds() for d in durations) / len(durations) / 60


def _working_days_back(calendar: OfficeCalendar, today: dt.date, days: int) -> dt.date:
    """The first day of the ``days`` working days ending with ``today`` (today counts if open)."""
    day, counted = today, 0
    for _ in range(days * 3 + 30):  # weekends and holidays, with room to spare
        if calendar.is_working_day(day):
            counted += 1
            if counted >= days:
                return day
        day -= dt.timedelta(days=1)
    return day
