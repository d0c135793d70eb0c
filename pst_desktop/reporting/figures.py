"""What a report holds: its figures as plain frozen dataclasses (``ReportData`` and its parts),
the profile tables' keys and the age groups.

No database here: ``queries.py`` fills these from SQL, ``reports.py`` puts them together, and
``pdf.py`` / ``xlsx.py`` write them out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pst_desktop.reporting.fair_queue import FairQueue
from pst_desktop.reporting.ikm import IkmResult
from pst_desktop.reporting.labels import labels_for, period_text
from pst_desktop.reporting.voice_figures import VisitorVoice
from pst_desktop.reporting.who_did_what import WhoDidWhat

UNKNOWN = ""  # the code of "not filled in"

#: (code, lowest age, highest age); None: open-ended
AGE_GROUPS: tuple[tuple[str, int | None, int | None], ...] = (
    ("under_20", None, 19),
    ("20_29", 20, 29),
    ("30_39", 30, 39),
    ("40_49", 40, 49),
    ("50_plus", 50, None),
)

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
#: the profile tables whose field is the visitor's (the others are the visit's)
VISITOR_LISTS = ("gender", "education", "occupation", "institution_category")


def age_group(visit_year: int, birth_year: int | None) -> str:
    """The ``AGE_GROUPS`` code of a visitor born in ``birth_year``; ``UNKNOWN`` without one.

    The guest book asks the birth year only, so the age is the visit's year minus it.
    """
    if birth_year is None:
        return UNKNOWN
    age = visit_year - birth_year
    if age < 0:
        return UNKNOWN
    for code, low, high in AGE_GROUPS:
        if (low is None or age >= low) and (high is None or age <= high):
            return code
    return UNKNOWN  # pragma: no cover


def percent_of(part: int, whole: int) -> float | None:
    """``part`` as a percentage of ``whole``; None when ``whole`` is 0."""
    return 100.0 * part / whole if whole else None


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
class ServiceDelivered:
    """One service's row of the range: the tickets numbered in it, and the services it
    delivered (a visit handed on counts once in each service it received)."""

    service_id: int
    name: str
    tickets: int
    delivered: int


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
        return percent_of(self.rated_walk_in, self.finished_walk_in)


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
        return percent_of(self.met, self.measured)


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
    #: what visitors said and what was done about it (``voice_figures.py``)
    voice: VisitorVoice | None = None
    #: the range's work per officer and per desk (``who_did_what.py``)
    work: WhoDidWhat | None = None
    #: priority share, waits by class and the priority rule at work (``fair_queue.py``)
    fair_queue: FairQueue | None = None
    #: per service: tickets numbered in it and services delivered (``queries.services_delivered``)
    delivered: tuple[ServiceDelivered, ...] = ()

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
