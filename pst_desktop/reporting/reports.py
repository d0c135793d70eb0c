"""The supervisor's report of a date range (a month, usually): ``build_report`` → ``ReportData``.

The data is computed in the database with aggregates (``GROUP BY``) over the range's visits; the
only per-visit values fetched are the SOP durations of the range's walk-in visits (three numbers
each, computed in SQL), because the medians need them.  The report of a month over a year of
250k visits takes well under a second (``bench/report_month.py``).

What counts, and how (these rules are tested in ``tests/pst_desktop/reporting/test_reports.py``):

- The range is of office days (``Visit.day``, the office-local date) from ``date_from`` to
  ``date_to``, both included.  A visit is every ticket issued or online request opened in the
  range, whatever became of it (served, skipped, cancelled); the status table shows which.
- The breakdowns (service, channel, purpose, gender, age group, education, occupation,
  institution category) count visits, not distinct visitors: a visitor who came twice counts
  twice, like in the guest book.  A visit without the field (or whose visitor was deleted)
  counts as "Tidak diisi".  Every option of the guest-book list is shown, even at zero.
- Age groups (``AGE_GROUPS``): the visit's year minus the visitor's birth year (the guest book
  asks the year only): < 20, 20–29, 30–39, 40–49, ≥ 50.
- Times (minutes): registration = form opened → ticket issued; wait = ticket issued → first
  call; service = service started → finished; walk-in visits only (an online request has no
  queue at the desk).  Mean, median and 90th percentile of the visits that have both moments.
- SOP compliance ("Mutu Baku", ``pst_desktop/sop/standards.py``), each as met / measured:
  registration ≤ 10 min over walk-ins with both moments; service ≤ 3 h over finished walk-ins;
  rating ≤ 5 min over **finished walk-in visits**: a visit whose visitor never rated did not
  complete SOP step 6 in time, so it counts as missed (the share of rated visits is shown
  beside it); online first answer ≤ 3 working days over online requests opened in the range
  and answered, or unanswered past the due time (still within it: not counted yet).
  A limit is met at exactly the limit (10:00 min is met, 10:01 is not), as in ``standards``.
- Ratings: of the range's visits.  Scales may differ between desks (1–4, 1–5, 1–6); averages
  are given on the most used scale, other scales mapped linearly onto it.  "Puas" (satisfied)
  is a score in the upper half of its scale (3–4 of 4, 4–5 of 5, 4–6 of 6).
- IKM: when the range holds 9-element survey responses (``IkmResponse.day`` in the range).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import database_proxy, is_sqlite
from models.entities import (
    Channel,
    Desk,
    IkmResponse,
    Office,
    Rating,
    ServiceType,
    UserAccount,
    Visit,
    Visitor,
    VisitStatus,
)
from pst_desktop.core.clock import Clock, SystemClock
from pst_desktop.core.errors import NotFound
from pst_desktop.core.i18n import translation
from pst_desktop.frontdesk.guest_book_lists import options
from pst_desktop.frontdesk.ticket_pdf import zone_name
from pst_desktop.reporting.ikm import ELEMENT_COUNT, SCORE_FIELDS, IkmResult, compute_ikm_from_sums
from pst_desktop.sop import standards
from pst_desktop.sop.office_calendar import OfficeCalendar

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
UNKNOWN = ""  # the code of "not filled in"

#: (code, lowest age, highest age); None: open-ended
AGE_GROUPS: tuple[tuple[str, int | None, int | None], ...] = (
    ("under_20", None, 19),
    ("20_29", 20, 29),
    ("30_39", 30, 39),
    ("40_49", 40, 49),
    ("50_plus", 50, None),
)


@functools.cache
def _labels(language: str) -> dict[str, str]:
    """The report's words in ``language``: Qt's translation, contexts "ReportLabels" and, for the
    spreadsheet's sheet names, "ReportSheets" (English sources, Indonesian in ``pst_id.ts``)."""
    words = translation(language)
    return {
        "title": words.translate("ReportLabels", "Integrated Statistical Services (PST) report"),
        "period": words.translate("ReportLabels", "Period"),
        "generated": words.translate("ReportLabels", "Generated"),
        "page": words.translate("ReportLabels", "Page"),
        "unknown": words.translate("ReportLabels", "Not filled in"),
        "total": words.translate("ReportLabels", "Total"),
        "share": "%",
        "count": words.translate("ReportLabels", "Count"),
        "summary": words.translate("ReportLabels", "Summary"),
        "visits": words.translate("ReportLabels", "Visits"),
        "walk_in": words.translate("ReportLabels", "Walk-in"),
        "online": words.translate("ReportLabels", "Online"),
        "served": words.translate("ReportLabels", "Served"),
        "skipped": words.translate("ReportLabels", "Skipped (no-show)"),
        "cancelled": words.translate("ReportLabels", "Cancelled"),
        "expired": words.translate("ReportLabels", "Not served (day ended)"),
        "open": words.translate("ReportLabels", "Not finished"),
        "visitors": words.translate("ReportLabels", "Visitors (people)"),
        "ratings": words.translate("ReportLabels", "Ratings"),
        "rated_share": words.translate("ReportLabels", "Walk-in visits rated"),
        "per_day": words.translate("ReportLabels", "Visits per day"),
        "per_month": words.translate("ReportLabels", "Visits per month"),
        "day": words.translate("ReportLabels", "Date"),
        "month": words.translate("ReportLabels", "Month"),
        "service": words.translate("ReportLabels", "Service"),
        "channel": words.translate("ReportLabels", "Channel"),
        "purpose": words.translate("ReportLabels", "Purpose of the visit"),
        "gender": words.translate("ReportLabels", "Gender"),
        "age_group": words.translate("ReportLabels", "Age group"),
        "education": words.translate("ReportLabels", "Highest education"),
        "occupation": words.translate("ReportLabels", "Main occupation"),
        "institution_category": words.translate("ReportLabels", "Institution category"),
        "by_category": words.translate("ReportLabels", "Visit profile"),
        "times": words.translate("ReportLabels", "Waiting and service times (minutes)"),
        "measure": words.translate("ReportLabels", "Measure"),
        "measured": words.translate("ReportLabels", "Measured"),
        "mean": words.translate("ReportLabels", "Mean"),
        "median": words.translate("ReportLabels", "Median"),
        "p90": words.translate("ReportLabels", "90th percentile"),
        "registration_time": words.translate("ReportLabels", "Registration (form → ticket)"),
        "wait_time": words.translate("ReportLabels", "Waiting (ticket → called)"),
        "service_time": words.translate("ReportLabels", "Service (started → finished)"),
        "compliance": words.translate("ReportLabels", "Compliance with the SOP time standards"),
        "standard": words.translate("ReportLabels", "Standard"),
        "limit": words.translate("ReportLabels", "Limit"),
        "met": words.translate("ReportLabels", "Met"),
        "registration": words.translate("ReportLabels", "Guest-book registration"),
        "service_std": words.translate("ReportLabels", "Information / consultation"),
        "rating": words.translate("ReportLabels", "Rating given"),
        "online_first_answer": words.translate("ReportLabels", "First answer to an online request"),
        "minutes_limit": words.translate("ReportLabels", "{n} min"),
        "hours_limit": words.translate("ReportLabels", "{n} h"),
        "working_days_limit": words.translate("ReportLabels", "{n} working days"),
        "rating_distribution": words.translate("ReportLabels", "Rating distribution"),
        "score": words.translate("ReportLabels", "Score"),
        "scale": words.translate("ReportLabels", "scale 1–{n}"),
        "average": words.translate("ReportLabels", "Average"),
        "satisfied": words.translate("ReportLabels", "Satisfied"),
        "by_officer": words.translate("ReportLabels", "Ratings per officer"),
        "by_desk": words.translate("ReportLabels", "Ratings per desk"),
        "officer": words.translate("ReportLabels", "Officer"),
        "desk": words.translate("ReportLabels", "Desk"),
        "no_officer": words.translate("ReportLabels", "(no officer)"),
        "no_desk": words.translate("ReportLabels", "(no desk)"),
        "comments": words.translate("ReportLabels", "Visitors' comments"),
        "ticket": words.translate("ReportLabels", "Ticket"),
        "comment": words.translate("ReportLabels", "Comment"),
        "more_comments": words.translate(
            "ReportLabels", "… and {n} more comments (see the XLSX export)."
        ),
        "no_comments": words.translate("ReportLabels", "No comments in this period."),
        "no_data": words.translate("ReportLabels", "No data in this period."),
        "ikm": words.translate("ReportLabels", "Public Satisfaction Index (IKM)"),
        "ikm_basis": words.translate(
            "ReportLabels", "Per PermenPANRB No. 14/2017, from {n} respondents."
        ),
        "element": words.translate("ReportLabels", "Service element"),
        "nrr": "NRR",
        "element_ikm": "NRR × 25",
        "ikm_value": words.translate("ReportLabels", "IKM"),
        "grade": words.translate("ReportLabels", "Service quality"),
        "age_under_20": words.translate("ReportLabels", "under 20"),
        "age_20_29": words.translate("ReportLabels", "20–29"),
        "age_30_39": words.translate("ReportLabels", "30–39"),
        "age_40_49": words.translate("ReportLabels", "40–49"),
        "age_50_plus": words.translate("ReportLabels", "50 and over"),
        "chart_per_day": words.translate("ReportLabels", "Visits per day"),
        "chart_services": words.translate("ReportLabels", "Visits per service"),
        "chart_channels": words.translate("ReportLabels", "Visits per channel"),
        "chart_ratings": words.translate("ReportLabels", "Rating distribution"),
        "status": words.translate("ReportLabels", "Status"),
        "issued": words.translate("ReportLabels", "Issued"),
        "called": words.translate("ReportLabels", "Called"),
        "started": words.translate("ReportLabels", "Service started"),
        "finished": words.translate("ReportLabels", "Finished"),
        "registration_minutes": words.translate("ReportLabels", "Registration (min)"),
        "wait_minutes": words.translate("ReportLabels", "Waiting (min)"),
        "service_minutes": words.translate("ReportLabels", "Service (min)"),
        "rated_at": words.translate("ReportLabels", "Rated"),
        "visit_id": words.translate("ReportLabels", "Visit ID"),
        "raw_visits": words.translate("ReportSheets", "Visits"),
        "raw_ratings": words.translate("ReportSheets", "Ratings"),
        "birth_year": words.translate("ReportLabels", "Birth year"),
        "ikm_sheet": words.translate("ReportSheets", "IKM"),
        "compliance_sheet": words.translate("ReportSheets", "SOP compliance"),
    }


#: the visitor and visit fields the profile tables break visits down by, in report order
CATEGORY_KEYS = (
    "service",
    "channel",
    "purpose",
    "gender",
    "age_group",
    "education",
    "occupation",
    "institution_category",
)
_VISITOR_LISTS = ("gender", "education", "occupation", "institution_category")


def labels_for(language: str) -> dict[str, str]:
    """The report's words in ``language`` (an unknown one: Indonesian)."""
    return dict(_labels(language if language in LANGUAGES else DEFAULT_LANGUAGE))


# -- the data ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class CountRow:
    code: str
    label: str
    count: int
    percent: float | None  # of the table's total; None when the total is 0


@dataclass(frozen=True)
class CategoryTable:
    key: str  # "service", "gender", …
    title: str
    rows: tuple[CountRow, ...]
    total: int


@dataclass(frozen=True)
class DayRow:
    day: dt.date
    total: int
    walk_in: int
    online: int
    served: int
    skipped: int
    cancelled: int
    expired: int = 0  # still waiting or called when the office day ended: not served


@dataclass(frozen=True)
class Totals:
    visits: int
    walk_in: int
    online: int
    served: int
    skipped: int
    cancelled: int
    open: int  # still waiting, called, being served or awaiting a rating
    visitors: int  # distinct visitors
    ratings: int
    finished_walk_in: int
    rated_walk_in: int
    expired: int = 0  # still waiting or called when their office day ended: not served

    @property
    def rated_percent(self) -> float | None:
        return _percent(self.rated_walk_in, self.finished_walk_in)


@dataclass(frozen=True)
class DurationStats:
    key: str  # "registration", "wait", "service"
    label: str
    measured: int
    mean: float | None  # minutes
    median: float | None
    p90: float | None


@dataclass(frozen=True)
class Compliance:
    key: str  # "registration", "service", "rating", "online_first_answer"
    label: str
    limit: str  # "10 menit"
    measured: int
    met: int

    @property
    def percent(self) -> float | None:
        return _percent(self.met, self.measured)


@dataclass(frozen=True)
class RatingGroup:
    id: int | None
    name: str
    count: int
    average: float | None  # on ``RatingSummary.scale_max``
    satisfied_percent: float | None


@dataclass(frozen=True)
class RatingSummary:
    count: int
    scale_max: int  # the most used scale; averages are on it
    average: float | None
    satisfied_percent: float | None
    #: (scale_max, score, count), every score of every scale used
    distribution: tuple[tuple[int, int, int], ...]
    by_officer: tuple[RatingGroup, ...]
    by_desk: tuple[RatingGroup, ...]


@dataclass(frozen=True)
class Comment:
    day: dt.date
    rated_at: dt.datetime  # office-local
    ticket: str
    service: str
    desk: str
    officer: str
    score: int
    scale_max: int
    text: str


@dataclass(frozen=True)
class ReportData:
    office_id: int
    office_name: str
    office_address: str
    time_zone: str
    logo: bytes | None
    date_from: dt.date
    date_to: dt.date
    generated_at: dt.datetime  # office-local
    language: str
    totals: Totals
    per_day: tuple[DayRow, ...]
    categories: tuple[CategoryTable, ...]
    durations: tuple[DurationStats, ...]
    compliance: tuple[Compliance, ...]
    ratings: RatingSummary
    comments: tuple[Comment, ...]
    ikm: IkmResult | None
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def labels(self) -> dict[str, str]:
        return labels_for(self.language)

    def category(self, key: str) -> CategoryTable:
        for table in self.categories:
            if table.key == key:
                return table
        raise KeyError(key)

    def compliance_of(self, key: str) -> Compliance:
        for item in self.compliance:
            if item.key == key:
                return item
        raise KeyError(key)

    def duration(self, key: str) -> DurationStats:
        for item in self.durations:
            if item.key == key:
                return item
        raise KeyError(key)

    @property
    def period_text(self) -> str:
        return period_text(self.date_from, self.date_to, self.language)


def _percent(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


def period_text(first: dt.date, last: dt.date, language: str = DEFAULT_LANGUAGE) -> str:
    """``1–30 November 2026``, ``28 Oktober – 3 November 2026``, ``1 Januari 2026``."""
    words = translation(language)

    def full(day: dt.date) -> str:
        return f"{day.day} {words.month_name(day.month)} {day.year}"

    if first == last:
        return full(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {words.month_name(last.month)} {last.year}"
    if first.year == last.year:
        return f"{first.day} {words.month_name(first.month)} – {full(last)}"
    return f"{full(first)} – {full(last)}"


def age_group(visit_year: int, birth_year: int | None) -> str:
    """The ``AGE_GROUPS`` code of a visitor born in ``birth_year``; ``UNKNOWN`` without one."""
    if birth_year is None:
        return UNKNOWN
    age = visit_year - birth_year
    if age < 0:
        return UNKNOWN
    for code, low, high in AGE_GROUPS:
        if (low is None or age >= low) and (high is None or age <= high):
            return code
    return UNKNOWN  # pragma: no cover


# -- SQL helpers: the two dialects -------------------------------------------------------------
def seconds_between(start: pw.Node, end: pw.Node) -> pw.Node:
    """``end - start`` in seconds as a number, in SQL (NULL when either is NULL).

    Timestamps are stored naive UTC on both databases.  SQLite keeps them as text: julianday
    gives days as a double (about 40 µs of precision at today's dates), rounded here to the
    millisecond so that exactly ten minutes compares equal to 600.
    """
    if is_sqlite(database_proxy.obj):
        return pw.fn.ROUND((pw.fn.julianday(end) - pw.fn.julianday(start)) * 86400.0, 3)
    return pw.fn.date_part(pw.SQL("'epoch'"), end - start)


def year_of(day: pw.Node) -> pw.Node:
    if is_sqlite(database_proxy.obj):
        return pw.Cast(pw.fn.strftime("%Y", day), "INTEGER")
    return pw.Cast(pw.fn.date_part(pw.SQL("'year'"), day), "INTEGER")


def _case(condition: pw.Node) -> pw.Node:
    return pw.fn.SUM(pw.Case(None, [(condition, 1)], 0))


# -- building ----------------------------------------------------------------------------------
def build_report(
    office_id: int,
    date_from: dt.date,
    date_to: dt.date,
    *,
    clock: Clock | None = None,
    language: str = DEFAULT_LANGUAGE,
    comment_limit: int | None = None,
) -> ReportData:
    """The report of ``office_id`` over the office days ``date_from``..``date_to`` (inclusive).

    Needs a bound database (``open_database``); safe to call from a worker thread (peewee keeps
    one connection per thread).  ``comment_limit`` keeps only the latest comments.
    """
    import time

    if date_to < date_from:
        raise ValueError(
            QCoreApplication.translate(
                "Reports", "The report's end date lies before its start date."
            )
        )
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    L = labels_for(language)
    clock = clock or SystemClock()
    office = Office.get_or_none(Office.id == office_id)
    if office is None:
        raise NotFound(
            QCoreApplication.translate("Reports", "Office {office} does not exist.").format(
                office=office_id
            )
        )
    zone = ZoneInfo(office.time_zone)
    timings: dict[str, float] = {}
    mark = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        timings[name] = now - mark
        mark = now

    in_range = (Visit.office == office_id) & (Visit.day >= date_from) & (Visit.day <= date_to)
    with database_proxy.connection_context() if database_proxy.is_closed() else _null():
        per_day, totals_counts = _per_day(in_range)
        lap("per_day")
        categories = _categories(office_id, in_range, L, language)
        lap("categories")
        durations, compliance, walk_counts = _times(in_range, L)
        lap("times")
        online = _online_compliance(office_id, in_range, L, clock)
        compliance = (*compliance, online)
        lap("online")
        ratings = _ratings(in_range, L)
        lap("ratings")
        comments = _comments(in_range, zone, comment_limit)
        lap("comments")
        ikm = _ikm(office_id, date_from, date_to)
        visitors = Visit.select(pw.fn.COUNT(Visit.visitor.distinct())).where(in_range).scalar() or 0
        lap("ikm")
    totals = Totals(
        visitors=int(visitors),
        ratings=ratings.count,
        finished_walk_in=walk_counts[0],
        rated_walk_in=walk_counts[1],
        **totals_counts,
    )
    return ReportData(
        office_id=office.id,
        office_name=office.name,
        office_address=office.address or "",
        time_zone=office.time_zone,
        logo=bytes(office.logo) if office.logo else None,
        date_from=date_from,
        date_to=date_to,
        generated_at=clock.now().astimezone(zone),
        language=language,
        totals=totals,
        per_day=per_day,
        categories=categories,
        durations=durations,
        compliance=compliance,
        ratings=ratings,
        comments=comments,
        ikm=ikm,
        timings=timings,
    )


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


def _per_day(in_range: pw.Node) -> tuple[tuple[DayRow, ...], dict[str, int]]:
    S = VisitStatus
    query = (
        Visit.select(
            Visit.day,
            pw.fn.COUNT(Visit.id),
            _case(Visit.channel == Channel.WALK_IN.value),
            _case(Visit.status == S.DONE.value),
            _case(Visit.status == S.SKIPPED.value),
            _case(Visit.status == S.CANCELLED.value),
            _case(Visit.status == S.EXPIRED.value),
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
            CountRow(code, label, counts.get(code, 0), _percent(counts.get(code, 0), total))
        )
    for code in sorted(c for c in counts if c not in seen and c != UNKNOWN):
        rows.append(CountRow(code, code, counts[code], _percent(counts[code], total)))
    if counts.get(UNKNOWN):
        rows.append(
            CountRow(UNKNOWN, unknown_label, counts[UNKNOWN], _percent(counts[UNKNOWN], total))
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


def _categories(
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
    for key in _VISITOR_LISTS:
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


def _stats(key: str, label: str, seconds: list[float]) -> DurationStats:
    if not seconds:
        return DurationStats(key, label, 0, None, None, None)
    minutes = sorted(s / 60.0 for s in seconds)
    p90 = minutes[max(0, math.ceil(0.9 * len(minutes)) - 1)]  # nearest-rank
    return DurationStats(
        key, label, len(minutes), statistics.fmean(minutes), statistics.median(minutes), p90
    )


def _times(
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


def _online_compliance(
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
        opened = _aware(opened)
        answered = _aware(answered) if answered is not None else None
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


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def natural_key(text: str) -> tuple:
    """Sort "Meja 2" before "Meja 10"."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"(\d+)", text)
        if part
    )


def _is_satisfied(score: int, scale_max: int) -> bool:
    return scale_max > 1 and (score - 1) / (scale_max - 1) > 0.5


def _ratings(in_range: pw.Node, L: dict[str, str]) -> RatingSummary:
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
    satisfied = _case(((Rating.score - 1) * 2) > (Rating.scale_max - 1))

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
                _percent(int(happy or 0), int(count)),
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
        satisfied_percent = _percent(happy, count)
    else:
        average = satisfied_percent = None
    return RatingSummary(
        count, main, average, satisfied_percent, tuple(distribution), by_officer, by_desk
    )


_TICKET_SERVICE = ServiceType.alias("ticket_service")
_CURRENT_SERVICE = ServiceType.alias("current_service")


def _ratings_with_visit(*columns: pw.Node) -> pw.ModelSelect:
    """Ratings joined to their visit, the ticket's and the current service, desk and officer
    (``_TICKET_SERVICE`` / ``_CURRENT_SERVICE`` name the two services in ``columns``)."""
    Ticket, Current = _TICKET_SERVICE, _CURRENT_SERVICE
    return (
        Rating.select(*columns)
        .join(Visit, on=(Rating.visit == Visit.id))
        .join(Ticket, on=(Visit.ticket_service == Ticket.id))
        .switch(Visit)
        .join(Current, on=(Visit.service == Current.id))
        .switch(Visit)
        .join(Desk, pw.JOIN.LEFT_OUTER, on=(Visit.desk == Desk.id))
        .switch(Rating)
        .join(UserAccount, pw.JOIN.LEFT_OUTER, on=(Rating.officer == UserAccount.id))
    )


def _comments(in_range: pw.Node, zone: ZoneInfo, limit: int | None) -> tuple[Comment, ...]:
    Ticket, Current = _TICKET_SERVICE, _CURRENT_SERVICE
    query = (
        _ratings_with_visit(
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
            _aware(created).astimezone(zone),
            f"{prefix}-{number:03d}" if number is not None else "",
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
    in_range = (
        (Visit.office == data.office_id)
        & (Visit.day >= data.date_from)
        & (Visit.day <= data.date_to)
    )
    return (
        Rating.select(pw.fn.COUNT(Rating.id))
        .join(Visit, on=(Rating.visit == Visit.id))
        .where(in_range & (Rating.comment != ""))
        .scalar()
        or 0
    )


def _ikm(office_id: int, date_from: dt.date, date_to: dt.date) -> IkmResult | None:
    row = (
        IkmResponse.select(pw.fn.COUNT(IkmResponse.id), *[pw.fn.SUM(f) for f in SCORE_FIELDS])
        .where(
            (IkmResponse.office == office_id)
            & (IkmResponse.day >= date_from)
            & (IkmResponse.day <= date_to)
        )
        .tuples()
        .first()
    )
    if not row or not row[0]:
        return None
    return compute_ikm_from_sums([int(v) for v in row[1 : 1 + ELEMENT_COUNT]], int(row[0]))


# -- raw rows for the spreadsheet ---------------------------------------------------------------
def raw_visit_columns(language: str = DEFAULT_LANGUAGE) -> list[str]:
    L = labels_for(language)
    return [
        L["visit_id"],
        L["day"],
        L["ticket"],
        L["service"],
        L["channel"],
        L["purpose"],
        L["status"],
        L["desk"],
        L["officer"],
        L["gender"],
        L["age_group"],
        L["education"],
        L["occupation"],
        L["institution_category"],
        L["issued"],
        L["called"],
        L["started"],
        L["finished"],
        L["registration_minutes"],
        L["wait_minutes"],
        L["service_minutes"],
        L["score"],
    ]


def iter_raw_visits(
    office_id: int, date_from: dt.date, date_to: dt.date, language: str = DEFAULT_LANGUAGE
) -> Iterator[tuple]:
    """One row per visit of the range, without personal data: no name, e-mail, phone,
    institution name or birth year (the age group is enough for a report). Times are
    office-local and naive (spreadsheets have no time zones)."""
    L = labels_for(language)
    office = Office.get_by_id(office_id)
    zone = ZoneInfo(office.time_zone)
    lookups = {
        key: {o.code: o.label(language) for o in options(key, include_inactive=True)}
        for key in ("channel", "purpose", *_VISITOR_LISTS)
    }
    Ticket = ServiceType.alias("ticket_service")
    Current = ServiceType.alias("current_service")
    in_range = (Visit.office == office_id) & (Visit.day >= date_from) & (Visit.day <= date_to)
    query = (
        Visit.select(
            Visit.id,
            Visit.day,
            Ticket.prefix,
            Visit.number,
            Current.name,
            Visit.channel,
            Visit.purpose,
            Visit.status,
            Desk.name,
            UserAccount.full_name,
            Visitor.gender,
            Visitor.birth_year,
            Visitor.education,
            Visitor.occupation,
            Visitor.institution_category,
            Visit.registration_started_at,
            Visit.issued_at,
            Visit.called_at,
            Visit.service_started_at,
            Visit.finished_at,
            Rating.score,
        )
        .join(Ticket, on=(Visit.ticket_service == Ticket.id))
        .switch(Visit)
        .join(Current, on=(Visit.service == Current.id))
        .switch(Visit)
        .join(Desk, pw.JOIN.LEFT_OUTER, on=(Visit.desk == Desk.id))
        .switch(Visit)
        .join(UserAccount, pw.JOIN.LEFT_OUTER, on=(Visit.officer == UserAccount.id))
        .switch(Visit)
        .join(Visitor, pw.JOIN.LEFT_OUTER, on=(Visit.visitor == Visitor.id))
        .switch(Visit)
        .join(Rating, pw.JOIN.LEFT_OUTER, on=(Rating.visit == Visit.id))
        .where(in_range)
        .order_by(Visit.day, Visit.issued_at, Visit.id)
        .tuples()
    )
    age_labels = {code: L[f"age_{code}"] for code, _, _ in AGE_GROUPS}

    def local(moment: dt.datetime | None) -> dt.datetime | None:
        if moment is None:
            return None
        return _aware(moment).astimezone(zone).replace(tzinfo=None)

    def minutes(start: dt.datetime | None, end: dt.datetime | None) -> float | None:
        if start is None or end is None:
            return None
        return round((end - start).total_seconds() / 60.0, 2)

    def label(key: str, code: str | None) -> str:
        if not code:
            return ""
        return lookups[key].get(code, code)

    for row in query.iterator():
        (
            vid, day, prefix, number, service, channel, purpose, status, desk, officer,
            gender, birth_year, education, occupation, institution,
            registered, issued, called, started, finished, score,
        ) = row  # fmt: skip
        group = age_group(day.year, birth_year)
        yield (
            vid,
            day,
            f"{prefix}-{number:03d}" if number is not None else "",
            service,
            label("channel", channel),
            label("purpose", purpose),
            status,
            desk or "",
            officer or "",
            label("gender", gender),
            age_labels.get(group, ""),
            label("education", education),
            label("occupation", occupation),
            label("institution_category", institution),
            local(issued),
            local(called),
            local(started),
            local(finished),
            minutes(registered, issued),
            minutes(issued, called),
            minutes(started, finished),
            score,
        )


def raw_rating_columns(language: str = DEFAULT_LANGUAGE) -> list[str]:
    L = labels_for(language)
    return [
        L["visit_id"],
        L["day"],
        L["ticket"],
        L["service"],
        L["desk"],
        L["officer"],
        L["finished"],
        L["rated_at"],
        L["score"],
        L["scale"].format(n="n"),
        L["comment"],
    ]


def iter_raw_ratings(office_id: int, date_from: dt.date, date_to: dt.date) -> Iterator[tuple]:
    office = Office.get_by_id(office_id)
    zone = ZoneInfo(office.time_zone)
    Ticket, Current = _TICKET_SERVICE, _CURRENT_SERVICE
    in_range = (Visit.office == office_id) & (Visit.day >= date_from) & (Visit.day <= date_to)
    query = (
        _ratings_with_visit(
            Visit.id,
            Visit.day,
            Ticket.prefix,
            Visit.number,
            Current.name,
            Desk.name,
            UserAccount.full_name,
            Visit.finished_at,
            Rating.created_at,
            Rating.score,
            Rating.scale_max,
            Rating.comment,
        )
        .where(in_range)
        .order_by(Rating.created_at, Rating.id)
        .tuples()
    )

    def local(moment: dt.datetime | None) -> dt.datetime | None:
        return None if moment is None else _aware(moment).astimezone(zone).replace(tzinfo=None)

    for (
        vid,
        day,
        prefix,
        number,
        service,
        desk,
        officer,
        finished,
        rated,
        score,
        scale,
        text,
    ) in query.iterator():
        yield (
            vid,
            day,
            f"{prefix}-{number:03d}" if number is not None else "",
            service,
            desk or "",
            officer or "",
            local(finished),
            local(rated),
            score,
            scale,
            text,
        )


def zone_label(data: ReportData) -> str:
    return zone_name(data.time_zone)
