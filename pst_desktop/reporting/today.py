"""The supervisor's live day: today at a glance, as plain data (``today_summary``).

Read-only and quick (one day holds a few hundred visits at most, read in a handful of
queries), so the supervisor window calls it on a pool thread on every change.

What counts (``tests/pst_desktop/reporting/test_today.py``):

- Walk-in tickets of the office day (``Visit.day``); online consultations only in the online
  figures.  Waiting per service is by the service a ticket waits for now (a transfer moves
  it); every active service is listed, even at zero.
- Longest wait: the oldest ticket still waiting, issued → now.
- In service per desk: every active desk with the ticket it holds (called or being served) and
  its officer; ``served`` counts the desk's finished tickets of the day.
- Done: finished tickets (awaiting a rating or done); no-shows: skipped tickets.
- Average wait: issued → first call, over tickets called today; average service time: service
  started → finished, over finished tickets.
- Ratings so far: ratings of today's visits, on the most used scale (others mapped linearly),
  with the distribution of that scale's scores.
- SOP compliance today, each as met / measured plus how many are still running:
  registration ≤ 10 min (tickets with a registration start); service ≤ 3 h (finished tickets;
  one being served past 3 h counts as missed already); rating ≤ 5 min (finished tickets: rated
  in time is met, rated late or unrated past 5 min is missed, unrated within 5 min is running);
  online first answer ≤ 3 working days (first answers given today, and unanswered requests past
  their due moment, which count as missed).
- Overdue online consultations: open, unanswered and past the due moment (``OnlineService``).
- The day's work per officer and per desk: ``who_did_what`` over today (its own rules).
- Desks and priority: each desk's state now (open, on a break with its return,
  closed; ``visits.desk_state``), its time in each state within today's hours so far, and the
  day's priority share, waits by class and the rule's effect (``reporting.fair_queue``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import peewee as pw

from models.entities import (
    Channel,
    Desk,
    Rating,
    ServiceType,
    UserAccount,
    Visit,
    VisitStatus,
)
from pst_desktop.core.clock import Clock
from pst_desktop.officer.online import OnlineService
from pst_desktop.reporting.fair_queue import DeskTime, FairQueue, desk_times, fair_queue
from pst_desktop.reporting.who_did_what import WhoDidWhat, who_did_what
from pst_desktop.sop import standards
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.visitor.ratings import on_scale
from pst_desktop.visits.desk_state import DeskStatus, desk_states
from pst_desktop.visits.queue import ticket_code

S = VisitStatus
STANDARD_KEYS = ("registration", "service", "rating", "online_first_answer")


@dataclass(frozen=True)
class ServiceWaiting:
    service_id: int
    prefix: str
    name: str
    waiting: int
    longest_wait: dt.timedelta | None


@dataclass(frozen=True)
class DeskNow:
    desk_id: int
    name: str
    status: str  # "" idle, "called", "serving"
    code: str  # the ticket held ("" when idle)
    officer: str
    since: dt.datetime | None  # called / service started
    served: int  # finished today at this desk


@dataclass(frozen=True)
class RatingsToday:
    count: int
    scale_max: int
    average: float | None  # on ``scale_max``
    satisfied_percent: float | None  # upper half of the scale
    distribution: tuple[tuple[int, int], ...]  # (score, count) of the main scale, 1..scale_max


@dataclass(frozen=True)
class StandardToday:
    key: str  # one of ``STANDARD_KEYS``
    limit: dt.timedelta | None  # None for the working-day standard
    measured: int
    met: int
    running: int

    @property
    def percent(self) -> float | None:
        return 100.0 * self.met / self.measured if self.measured else None


@dataclass(frozen=True)
class OverdueOnline:
    visit_id: int
    channel: str
    contact: str
    visitor_name: str
    officer: str
    opened_at: dt.datetime
    due: dt.datetime


@dataclass(frozen=True)
class TodaySummary:
    day: dt.date
    taken_at: dt.datetime
    time_zone: str  # the office's, for showing times
    is_open: bool
    issued: int
    waiting_total: int
    waiting: tuple[ServiceWaiting, ...]
    longest_wait: dt.timedelta | None
    longest_wait_code: str
    desks: tuple[DeskNow, ...]
    in_service: int
    done: int
    no_shows: int
    cancelled: int
    average_wait: dt.timedelta | None
    average_service: dt.timedelta | None
    ratings: RatingsToday
    standards: tuple[StandardToday, ...]
    overdue_online: tuple[OverdueOnline, ...]
    #: the day's work per officer and per desk (``who_did_what``)
    work: WhoDidWhat = field(default_factory=lambda: WhoDidWhat(4))
    desk_states: tuple[DeskStatus, ...] = ()  # each desk's state now
    desk_times: tuple[DeskTime, ...] = ()  # each desk's time per state today so far
    fair_queue: FairQueue | None = None  # priority share, waits by class, the rule's effect

    def standard(self, key: str) -> StandardToday:
        for item in self.standards:
            if item.key == key:
                return item
        raise KeyError(key)


def _mean(values: list[dt.timedelta]) -> dt.timedelta | None:
    if not values:
        return None
    return sum(values, dt.timedelta()) / len(values)


def today_summary(office_id: int, clock: Clock) -> TodaySummary:
    """Today at a glance for ``office_id``; needs a bound database (any thread)."""
    now = clock.now()
    calendar = OfficeCalendar.for_office(office_id)
    day = calendar.office_day(now)
    Ticketing = ServiceType.alias()
    rows = list(
        Visit.select(
            Visit.id,
            Visit.number,
            Visit.status,
            Visit.service,
            Visit.desk,
            Visit.registration_started_at,
            Visit.issued_at,
            Visit.called_at,
            Visit.service_started_at,
            Visit.finished_at,
            Ticketing.prefix.alias("prefix"),
            UserAccount.full_name.alias("officer_name"),
            Rating.created_at.alias("rated_at"),
            Rating.score.alias("score"),
            Rating.scale_max.alias("scale_max"),
        )
        .join(Ticketing, on=(Visit.ticket_service == Ticketing.id))
        .switch(Visit)
        .join(UserAccount, pw.JOIN.LEFT_OUTER, on=(Visit.officer == UserAccount.id))
        .switch(Visit)
        .join(Rating, pw.JOIN.LEFT_OUTER, on=(Rating.visit == Visit.id))
        .where(
            (Visit.office == office_id)
            & (Visit.day == day)
            & (Visit.channel == Channel.WALK_IN.value)
        )
        .order_by(Visit.issued_at, Visit.id)
        .dicts()
    )

    # -- the queue ------------------------------------------------------------------------
    per_service: dict[int, list[dt.timedelta]] = {}
    longest: tuple[dt.timedelta, str] | None = None
    for r in rows:
        if r["status"] == S.WAITING.value:
            waited = max(now - r["issued_at"], dt.timedelta())
            per_service.setdefault(r["service"], []).append(waited)
            if longest is None or waited > longest[0]:
                longest = (waited, ticket_code(r["prefix"], r["number"]))
    waiting = []
    listed = set()
    for service in (
        ServiceType.select()
        .where(ServiceType.office == office_id)
        .order_by(ServiceType.sort_order, ServiceType.id)
    ):
        waits = per_service.get(service.id, [])
        if not service.active and not waits:
            continue
        listed.add(service.id)
        waiting.append(
            ServiceWaiting(
                service.id, service.prefix, service.name, len(waits), max(waits, default=None)
            )
        )

    # -- desks ----------------------------------------------------------------------------
    finished_statuses = (S.AWAITING_RATING.value, S.DONE.value)
    served = Counter(r["desk"] for r in rows if r["status"] in finished_statuses and r["desk"])
    held = {
        r["desk"]: r
        for r in rows
        if r["status"] in (S.CALLED.value, S.SERVING.value) and r["desk"] is not None
    }
    desks = []
    for desk in Desk.select().where(Desk.office == office_id).order_by(Desk.name, Desk.id):
        r = held.get(desk.id)
        if not desk.active and r is None:
            continue
        desks.append(
            DeskNow(
                desk_id=desk.id,
                name=desk.name,
                status=r["status"] if r else "",
                code=ticket_code(r["prefix"], r["number"]) if r else "",
                officer=(r["officer_name"] or "") if r else "",
                since=((r["service_started_at"] or r["called_at"]) if r is not None else None),
                served=served.get(desk.id, 0),
            )
        )

    # -- counts and times -------------------------------------------------------------------
    status_count = Counter(r["status"] for r in rows)
    waits = [r["called_at"] - r["issued_at"] for r in rows if r["called_at"] is not None]
    services = [
        r["finished_at"] - r["service_started_at"]
        for r in rows
        if r["finished_at"] is not None and r["service_started_at"] is not None
    ]

    return TodaySummary(
        day=day,
        taken_at=now,
        time_zone=calendar.zone.key,
        is_open=calendar.is_open(now),
        issued=len(rows),
        waiting_total=status_count[S.WAITING.value],
        waiting=tuple(waiting),
        longest_wait=longest[0] if longest else None,
        longest_wait_code=longest[1] if longest else "",
        desks=tuple(desks),
        in_service=status_count[S.CALLED.value] + status_count[S.SERVING.value],
        done=sum(status_count[s] for s in finished_statuses),
        no_shows=status_count[S.SKIPPED.value],
        cancelled=status_count[S.CANCELLED.value],
        average_wait=_mean(waits),
        average_service=_mean(services),
        ratings=_ratings(rows),
        standards=(*_walk_in_standards(rows, now), _online_standard(office_id, calendar, now)),
        overdue_online=_overdue_online(office_id, clock),
        work=who_did_what(office_id, day, day, now),
        desk_states=tuple(desk_states(office_id, now)),
        desk_times=tuple(desk_times(office_id, day, now)),
        fair_queue=fair_queue(office_id, day, day),
    )


def _ratings(rows: list[dict]) -> RatingsToday:
    rated = [(r["score"], r["scale_max"]) for r in rows if r["score"] is not None]
    if not rated:
        return RatingsToday(0, 4, None, None, tuple((s, 0) for s in range(1, 5)))
    scale = Counter(m for _, m in rated).most_common(1)[0][0]

    counts = Counter(score for score, m in rated if m == scale)
    satisfied = sum(1 for score, m in rated if score > m / 2)
    return RatingsToday(
        count=len(rated),
        scale_max=scale,
        average=sum(on_scale(s, m, scale) for s, m in rated) / len(rated),
        satisfied_percent=100.0 * satisfied / len(rated),
        distribution=tuple((s, counts.get(s, 0)) for s in range(1, scale + 1)),
    )


def _walk_in_standards(rows: list[dict], now: dt.datetime) -> list[StandardToday]:
    tallies = {
        key: [0, 0, 0] for key in ("registration", "service", "rating")
    }  # measured, met, running

    def count(key: str, measure: standards.Measure) -> None:
        tally = tallies[key]
        if measure.verdict == standards.Verdict.RUNNING:
            tally[2] += 1
        elif measure.verdict in (standards.Verdict.MET, standards.Verdict.MISSED):
            tally[0] += 1
            tally[1] += measure.verdict == standards.Verdict.MET
        elif measure.verdict == standards.Verdict.OVERDUE:
            tally[0] += 1  # past the limit and not done: missed already

    for r in rows:
        if r["registration_started_at"] is not None:
            count(
                "registration",
                standards.registration(r["registration_started_at"], r["issued_at"], now),
            )
        if r["service_started_at"] is not None:
            count("service", standards.service(r["service_started_at"], r["finished_at"], now))
        if r["finished_at"] is not None:
            count("rating", standards.rating(r["finished_at"], r["rated_at"], now))
    limits = {
        "registration": standards.REGISTRATION_LIMIT,
        "service": standards.SERVICE_LIMIT,
        "rating": standards.RATING_LIMIT,
    }
    return [StandardToday(key, limits[key], *tallies[key]) for key in limits]


def _online_standard(office_id: int, calendar: OfficeCalendar, now: dt.datetime) -> StandardToday:
    day = calendar.office_day(now)
    start = dt.datetime.combine(day, dt.time(0), calendar.zone)
    end = start + dt.timedelta(days=1)
    measured = met = running = 0
    query = (
        Visit.select(Visit.opened_at, Visit.first_answer_at, Visit.online_status)
        .where(
            (Visit.office == office_id)
            & (Visit.online_status > "")  # uses the index; "!=" read the year
            & Visit.opened_at.is_null(False)
            & (
                ((Visit.first_answer_at >= start) & (Visit.first_answer_at < end))
                | (Visit.first_answer_at.is_null() & (Visit.online_status != "closed"))
            )
        )
        .tuples()
    )
    for opened, answered, _status in query:
        measure = standards.online_first_answer(calendar, opened, answered, now)
        if measure.verdict == standards.Verdict.RUNNING:
            running += 1
        else:
            measured += 1
            met += measure.verdict == standards.Verdict.MET
    return StandardToday("online_first_answer", None, measured, met, running)


def _overdue_online(office_id: int, clock: Clock) -> tuple[OverdueOnline, ...]:
    return tuple(
        OverdueOnline(
            visit_id=r.visit_id,
            channel=r.channel,
            contact=r.contact,
            visitor_name=r.visitor_name,
            officer=r.officer_name,
            opened_at=r.opened_at,
            due=r.first_answer_due,
        )
        for r in OnlineService(clock).rows(office_id)
        if r.overdue
    )
