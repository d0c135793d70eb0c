"""The report's reads: each section of ``ReportData`` computed in the database.

Every function takes the range's condition (``sql.visits_in_range``) and returns figures of
``figures.py``; counts are aggregates (``GROUP BY``), and the only per-visit values fetched are
the walk-ins' three durations, which the medians need.  What counts, and how, is written at the
top of ``reports.py``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from zoneinfo import ZoneInfo

import peewee as pw

from models.entities import (
    Channel,
    Desk,
    Rating,
    ServiceType,
    UserAccount,
    Visit,
    Visitor,
    VisitService,
    VisitStatus,
)
from pst_desktop.core.clock import Clock
from pst_desktop.frontdesk.guest_book_lists import options
from pst_desktop.reporting import voice_queries
from pst_desktop.reporting.figures import (
    AGE_GROUPS,
    CATEGORY_KEYS,
    UNKNOWN,
    VISITOR_LISTS,
    CategoryTable,
    Comment,
    Compliance,
    CountRow,
    DayRow,
    DurationStats,
    RatingGroup,
    RatingSummary,
    ReportData,
    ServiceDelivered,
    age_group,
    percent_of,
)
from pst_desktop.reporting.ikm import IkmResult
from pst_desktop.reporting.sql import (
    CURRENT_SERVICE,
    TICKET_SERVICE,
    as_utc,
    count_if,
    ratings_with_visit,
    seconds_between,
    visits_in_range,
    year_of,
)
from pst_desktop.sop import standards
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.visits import visit_services
from pst_desktop.visits.queue import ticket_code


def distinct_visitors(in_range: pw.Node) -> int:
    """How many people the range's visits were (a visitor who came twice counts once)."""
    return int(Visit.select(pw.fn.COUNT(Visit.visitor.distinct())).where(in_range).scalar() or 0)


def per_day(in_range: pw.Node) -> tuple[tuple[DayRow, ...], dict[str, int]]:
    S = VisitStatus
    query = (
        Visit.select(
            Visit.day,
            pw.fn.COUNT(Visit.id),
            count_if(Visit.channel == Channel.WALK_IN.value),
            count_if(Visit.status == S.DONE.value),
            count_if(Visit.status == S.SKIPPED.value),
            count_if(Visit.status == S.CANCELLED.value),
            count_if(Visit.status == S.EXPIRED.value),
        )
        .where(in_range)
        .group_by(Visit.day)
        .order_by(Visit.day)
        .tuples()
    )
    rows = []
    for day, total, walk_in, served, skipped, cancelled, expired in query:
        if isinstance(day, str):  # pragma: no cover - peewee converts, but be sure
            day = dt.date.fromisoformat(day)
        rows.append(
            DayRow(
                day,
                int(total),
                int(walk_in or 0),
                int(total) - int(walk_in or 0),
                int(served or 0),
                int(skipped or 0),
                int(cancelled or 0),
                int(expired or 0),
            )
        )
    # an "open" visit is any status other than the four final ones
    visits = sum(r.total for r in rows)
    served = sum(r.served for r in rows)
    skipped = sum(r.skipped for r in rows)
    cancelled = sum(r.cancelled for r in rows)
    expired = sum(r.expired for r in rows)
    counts = {
        "visits": visits,
        "walk_in": sum(r.walk_in for r in rows),
        "online": sum(r.online for r in rows),
        "served": served,
        "skipped": skipped,
        "cancelled": cancelled,
        "expired": expired,
        "open": visits - served - skipped - cancelled - expired,
    }
    return tuple(rows), counts


def _table(
    key: str,
    title: str,
    counts: Counter[str],
    ordered: Sequence[tuple[str, str]],
    unknown_label: str,
) -> CategoryTable:
    """Rows in the list's order (zeros included), then codes not in the list, then unknown."""
    total = sum(counts.values())
    rows = []
    seen = set()
    for code, label in ordered:
        seen.add(code)
        rows.append(
            CountRow(code, label, counts.get(code, 0), percent_of(counts.get(code, 0), total))
        )
    for code in sorted(c for c in counts if c not in seen and c != UNKNOWN):
        rows.append(CountRow(code, code, counts[code], percent_of(counts[code], total)))
    if counts.get(UNKNOWN):
        rows.append(
            CountRow(UNKNOWN, unknown_label, counts[UNKNOWN], percent_of(counts[UNKNOWN], total))
        )
    return CategoryTable(key, title, tuple(rows), total)


def _count_by(column: pw.Node, in_range: pw.Node, join_visitor: bool = False) -> Counter[str]:
    query = Visit.select(column, pw.fn.COUNT(Visit.id))
    if join_visitor:
        query = query.join(Visitor, pw.JOIN.LEFT_OUTER, on=(Visit.visitor == Visitor.id))
    counts: Counter[str] = Counter()
    for value, count in query.where(in_range).group_by(column).tuples():
        counts[value if value not in (None, "") else UNKNOWN] += int(count)
    return counts


def category_tables(
    office_id: int, in_range: pw.Node, L: dict[str, str], language: str
) -> tuple[CategoryTable, ...]:
    tables: dict[str, CategoryTable] = {}
    unknown = L["unknown"]
    services = list(
        ServiceType.select(ServiceType.id, ServiceType.name)
        .where(ServiceType.office == office_id)
        .order_by(ServiceType.sort_order, ServiceType.id)
        .tuples()
    )
    by_service = _count_by(Visit.service, in_range)
    tables["service"] = _table(
        "service",
        L["service"],
        Counter({str(k): v for k, v in by_service.items()}),
        [(str(sid), name) for sid, name in services],
        unknown,
    )
    for key in ("channel", "purpose"):
        tables[key] = _table(
            key,
            L[key],
            _count_by(getattr(Visit, key), in_range),
            [(o.code, o.label(language)) for o in options(key, include_inactive=True)],
            unknown,
        )
    for key in VISITOR_LISTS:
        tables[key] = _table(
            key,
            L[key],
            _count_by(getattr(Visitor, key), in_range, join_visitor=True),
            [(o.code, o.label(language)) for o in options(key, include_inactive=True)],
            unknown,
        )
    ages: Counter[str] = Counter()
    query = (
        Visit.select(year_of(Visit.day), Visitor.birth_year, pw.fn.COUNT(Visit.id))
        .join(Visitor, pw.JOIN.LEFT_OUTER, on=(Visit.visitor == Visitor.id))
        .where(in_range)
        .group_by(year_of(Visit.day), Visitor.birth_year)
        .tuples()
    )
    for year, birth_year, count in query:
        ages[age_group(int(year), birth_year)] += int(count)
    tables["age_group"] = _table(
        "age_group",
        L["age_group"],
        ages,
        [(code, L[f"age_{code}"]) for code, _, _ in AGE_GROUPS],
        unknown,
    )
    return tuple(tables[key] for key in CATEGORY_KEYS)


def services_delivered(office_id: int, in_range: pw.Node) -> tuple[ServiceDelivered, ...]:
    """Per service of the office (its order, zeros included): the range's tickets numbered in
    it (walk-ins and online requests, by the service that issued them), and the services it
    delivered: the range's finished visits (awaiting the rating or done) count in their last
    service, and each service a visit received before it was handed on counts in that service
    (``visit_services``): a visit of a consultation then the library counts once in each."""
    finished = Visit.status.in_((VisitStatus.AWAITING_RATING.value, VisitStatus.DONE.value))
    tickets = dict(
        Visit.select(Visit.ticket_service, pw.fn.COUNT(Visit.id))
        .where(in_range)
        .group_by(Visit.ticket_service)
        .tuples()
    )
    delivered: Counter[int] = Counter(
        dict(
            Visit.select(Visit.service, pw.fn.COUNT(Visit.id))
            .where(in_range & finished)
            .group_by(Visit.service)
            .tuples()
        )
    )
    handed_on = (
        VisitService.select(VisitService.service, pw.fn.COUNT(VisitService.id))
        .join(Visit, on=(VisitService.visit == Visit.id))
        .where(in_range & visit_services.handed_on_condition())
        .group_by(VisitService.service)
        .tuples()
    )
    for service_id, count in handed_on:
        delivered[service_id] += int(count)
    services = (
        ServiceType.select(ServiceType.id, ServiceType.name)
        .where(ServiceType.office == office_id)
        .order_by(ServiceType.sort_order, ServiceType.id)
        .tuples()
    )
    return tuple(
        ServiceDelivered(sid, name, int(tickets.get(sid, 0)), int(delivered.get(sid, 0)))
        for sid, name in services
    )


def _stats(key: str, label: str, seconds: list[float]) -> DurationStats:
    if not seconds:
        return DurationStats(key, label, 0, None, None, None)
    minutes = sorted(s / 60.0 for s in seconds)
    p90 = minutes[max(0, math.ceil(0.9 * len(minutes)) - 1)]  # nearest-rank
    return DurationStats(
        key, label, len(minutes), statistics.fmean(minutes), statistics.median(minutes), p90
    )


def walk_in_times(
    in_range: pw.Node, L: dict[str, str]
) -> tuple[tuple[DurationStats, ...], tuple[Compliance, ...], tuple[int, int]]:
    """Durations and the three walk-in standards from one pass over the range's walk-ins."""
    registration = seconds_between(Visit.registration_started_at, Visit.issued_at)
    wait = seconds_between(Visit.issued_at, Visit.called_at)
    service = seconds_between(Visit.service_started_at, Visit.finished_at)
    rating_delay = seconds_between(Visit.finished_at, Rating.created_at)
    query = (
        Visit.select(registration, wait, service, Visit.finished_at.is_null(False), rating_delay)
        .join(Rating, pw.JOIN.LEFT_OUTER, on=(Rating.visit == Visit.id))
        .where(in_range & (Visit.channel == Channel.WALK_IN.value))
        .tuples()
    )
    regs: list[float] = []
    waits: list[float] = []
    services: list[float] = []
    finished = rated = rated_in_time = 0
    reg_limit = standards.REGISTRATION_LIMIT.total_seconds()
    service_limit = standards.SERVICE_LIMIT.total_seconds()
    rating_limit = standards.RATING_LIMIT.total_seconds()
    for reg, wt, svc, is_finished, delay in query:
        if reg is not None:
            regs.append(float(reg))
        if wt is not None:
            waits.append(float(wt))
        if svc is not None:
            services.append(float(svc))
        if is_finished:
            finished += 1
            if delay is not None:
                rated += 1
                rated_in_time += float(delay) <= rating_limit
    durations = (
        _stats("registration", L["registration_time"], regs),
        _stats("wait", L["wait_time"], waits),
        _stats("service", L["service_time"], services),
    )
    minutes = L["minutes_limit"]
    compliance = (
        Compliance(
            "registration",
            L["registration"],
            minutes.format(n=int(reg_limit // 60)),
            len(regs),
            sum(1 for s in regs if s <= reg_limit),
        ),
        Compliance(
            "service",
            L["service_std"],
            L["hours_limit"].format(n=int(service_limit // 3600)),
            len(services),
            sum(1 for s in services if s <= service_limit),
        ),
        Compliance(
            "rating",
            L["rating"],
            minutes.format(n=int(rating_limit // 60)),
            finished,
            rated_in_time,
        ),
    )
    return durations, compliance, (finished, rated)


def online_compliance(
    office_id: int, in_range: pw.Node, L: dict[str, str], clock: Clock
) -> Compliance:
    """SOP step 3: an online request gets its first answer within 3 working days."""
    calendar = OfficeCalendar.for_office(office_id)
    now = clock.now()
    measured = met = 0
    query = (
        Visit.select(Visit.opened_at, Visit.first_answer_at)
        .where(in_range & (Visit.channel != Channel.WALK_IN.value) & Visit.opened_at.is_null(False))
        .tuples()
    )
    for opened, answered in query:
        opened = as_utc(opened)
        answered = as_utc(answered) if answered is not None else None
        verdict = standards.online_first_answer(calendar, opened, answered, now).verdict
        if verdict is standards.Verdict.RUNNING:
            continue
        measured += 1
        met += verdict is standards.Verdict.MET
    return Compliance(
        "online_first_answer",
        L["online_first_answer"],
        L["working_days_limit"].format(n=standards.ONLINE_FIRST_ANSWER_WORKING_DAYS),
        measured,
        met,
    )


def natural_key(text: str) -> tuple:
    """Sort "Meja 2" before "Meja 10"."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"(\d+)", text)
        if part
    )


def _is_satisfied(score: int, scale_max: int) -> bool:
    return scale_max > 1 and (score - 1) / (scale_max - 1) > 0.5


def rating_summary(in_range: pw.Node, L: dict[str, str]) -> RatingSummary:
    distribution = [
        (int(scale), int(score), int(count))
        for scale, score, count in Rating.select(
            Rating.scale_max, Rating.score, pw.fn.COUNT(Rating.id)
        )
        .join(Visit, on=(Rating.visit == Visit.id))
        .where(in_range)
        .group_by(Rating.scale_max, Rating.score)
        .order_by(Rating.scale_max, Rating.score)
        .tuples()
    ]
    per_scale: Counter[int] = Counter()
    for scale, _, count in distribution:
        per_scale[scale] += count
    main = max(per_scale, key=lambda s: (per_scale[s], -s)) if per_scale else 4
    # every score of the main scale, zeros included (a chart needs the empty bars too)
    present = {(scale, score) for scale, score, _ in distribution}
    distribution += [(main, s, 0) for s in range(1, main + 1) if (main, s) not in present]
    distribution.sort()

    def on_main(score: pw.Node, scale: pw.Node) -> pw.Node:
        # 1 + (score - 1) × (main - 1) / (scale - 1): the identity when scale == main
        return 1.0 + (score - 1) * float(main - 1) / pw.fn.NULLIF(scale - 1, 0)

    normalised = on_main(Rating.score, Rating.scale_max)
    satisfied = count_if(((Rating.score - 1) * 2) > (Rating.scale_max - 1))

    def groups(
        key: pw.Node, name: pw.Node, join: type[pw.Model], on: pw.Node, missing: str
    ) -> tuple[RatingGroup, ...]:
        query = (
            Rating.select(key, name, pw.fn.COUNT(Rating.id), pw.fn.AVG(normalised), satisfied)
            .join(Visit, on=(Rating.visit == Visit.id))
            .join(join, pw.JOIN.LEFT_OUTER, on=on)
            .where(in_range)
            .group_by(key, name)
            .tuples()
        )
        rows = [
            RatingGroup(
                ident,
                label or missing,
                int(count),
                float(average) if average is not None else None,
                percent_of(int(happy or 0), int(count)),
            )
            for ident, label, count, average, happy in query
        ]
        rows.sort(key=lambda r: (r.id is None, natural_key(r.name), r.id or 0))
        return tuple(rows)

    by_officer = groups(
        Rating.officer,
        UserAccount.full_name,
        UserAccount,
        Rating.officer == UserAccount.id,
        L["no_officer"],
    )
    by_desk = groups(Visit.desk, Desk.name, Desk, Visit.desk == Desk.id, L["no_desk"])
    count = sum(c for _, _, c in distribution)
    if count:
        total = sum(
            c * (1 + (s - 1) * (main - 1) / (sc - 1)) for sc, s, c in distribution if sc > 1
        )
        average = total / count
        happy = sum(c for sc, s, c in distribution if _is_satisfied(s, sc))
        satisfied_percent = percent_of(happy, count)
    else:
        average = satisfied_percent = None
    return RatingSummary(
        count, main, average, satisfied_percent, tuple(distribution), by_officer, by_desk
    )


def latest_comments(in_range: pw.Node, zone: ZoneInfo, limit: int | None) -> tuple[Comment, ...]:
    Ticket, Current = TICKET_SERVICE, CURRENT_SERVICE
    query = (
        ratings_with_visit(
            Visit.day,
            Rating.created_at,
            Ticket.prefix,
            Visit.number,
            Current.name,
            Desk.name,
            UserAccount.full_name,
            Rating.score,
            Rating.scale_max,
            Rating.comment,
        )
        .where(in_range & (Rating.comment != ""))
        .order_by(Rating.created_at.desc(), Rating.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    rows = [
        Comment(
            day,
            as_utc(created).astimezone(zone),
            ticket_code(prefix, number),
            service or "",
            desk or "",
            officer or "",
            int(score),
            int(scale),
            text,
        )
        for day, created, prefix, number, service, desk, officer, score, scale, text in (
            query.tuples()
        )
    ]
    rows.reverse()  # oldest first
    return tuple(rows)


def comment_count(data: ReportData) -> int:
    """All comments of the report's range (``data.comments`` may hold only the latest)."""
    in_range = visits_in_range(data.office_id, data.date_from, data.date_to)
    return (
        Rating.select(pw.fn.COUNT(Rating.id))
        .join(Visit, on=(Rating.visit == Visit.id))
        .where(in_range & (Rating.comment != ""))
        .scalar()
        or 0
    )


def ikm_of_range(office_id: int, date_from: dt.date, date_to: dt.date) -> IkmResult | None:
    """The IKM of the range's complete survey responses (``voice_queries.ikm_of_range``)."""
    return voice_queries.ikm_of_range(office_id, date_from, date_to)
