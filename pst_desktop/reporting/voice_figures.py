"""The report's sections on what visitors said and what the office did about it: IKM
respondents by channel, the SKD (importance, satisfaction, gap, quadrant), the reasons after a
low rating, follow-ups, and the data asked for and not had.  Plain frozen dataclasses, the
importance–performance quadrant rule, and the sections' words.

``voice_queries.py`` fills them, ``voice_pdf.py`` / ``voice_xlsx.py`` write them out.

Rules (tested by hand in ``tests/pst_desktop/reporting/test_voice.py``):

- Survey responses count by their day (``SurveyResponse.day``) in the range.  An IKM
  respondent is a complete response (all 9 elements); a started one is any response.
- SKD per attribute: the mean of the importance answers and of the satisfaction answers given
  (a blank is not a score); gap = mean satisfaction − mean importance (below 0: the attribute
  does less than it matters).  Quadrant (importance–performance analysis, the cross at the mean
  of the attributes' means): A importance ≥ mean and satisfaction < mean (top priority), B both
  ≥ (keep it up), C both < (low priority), D importance < mean and satisfaction ≥ (perhaps
  more than needed).
- Reasons: the reasons chosen after a low rating, per IKM element, for ratings of the range's
  visits; a visitor may choose several.
- Follow-ups opened in the range (their office day), by state when the report was made:
  closed in time (at or before the due moment), closed late, overdue (open past it), open and
  not yet due; per IKM element and per officer who took it.
- Unmet data demand: the data asked for in the range's finished consultation records whose
  need was not met or not yet ("Tidak", "Belum"), grouped by subject, region, level, period and
  years (the subject compared without case or extra spaces); count and latest day.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pst_desktop.core.i18n import translation
from pst_desktop.reporting.labels import report_language


@dataclass(frozen=True)
class ChannelCount:
    channel: str  # "screen", "paper", "" (not recorded)
    label: str
    respondents: int  # complete responses
    started: int  # every response, answered or not


@dataclass(frozen=True)
class SkdRow:
    code: str
    label: str
    importance: float | None
    satisfaction: float | None
    importance_n: int
    satisfaction_n: int
    quadrant: str  # "A".."D", "" without both means

    @property
    def gap(self) -> float | None:
        if self.importance is None or self.satisfaction is None:
            return None
        return self.satisfaction - self.importance


@dataclass(frozen=True)
class SkdSummary:
    respondents: int  # responses with at least one answer
    rows: tuple[SkdRow, ...]
    mean_importance: float | None  # the quadrant cross: the mean of the attributes' means
    mean_satisfaction: float | None


@dataclass(frozen=True)
class ReasonRow:
    element: str
    label: str
    count: int


@dataclass(frozen=True)
class ReasonSummary:
    low_ratings: int  # low ratings of the range's visits
    with_reason: int  # of which with at least one reason
    rows: tuple[ReasonRow, ...]  # every IKM element, in the regulation's order


@dataclass(frozen=True)
class FollowUpGroup:
    key: str  # the element code or the officer's id ("" none)
    label: str
    opened: int
    closed_in_time: int
    closed_late: int
    overdue: int
    open_not_due: int


@dataclass(frozen=True)
class FollowUpSummary:
    total: FollowUpGroup
    by_element: tuple[FollowUpGroup, ...]
    by_officer: tuple[FollowUpGroup, ...]


@dataclass(frozen=True)
class UnmetDemandRow:
    subject: str
    region: str
    level: str  # its label
    period: str  # its label
    years: str  # "2020–2024", "2023", ""
    count: int
    latest: dt.date


@dataclass(frozen=True)
class VisitorVoice:
    ikm_channels: tuple[ChannelCount, ...]
    skd: SkdSummary | None  # None: no SKD response in the range
    reasons: ReasonSummary
    follow_ups: FollowUpSummary
    unmet: tuple[UnmetDemandRow, ...]


def quadrant(
    importance: float | None,
    satisfaction: float | None,
    mean_importance: float | None,
    mean_satisfaction: float | None,
) -> str:
    """The importance–performance quadrant of an attribute (see the module's rules)."""
    if None in (importance, satisfaction, mean_importance, mean_satisfaction):
        return ""
    important = importance >= mean_importance
    performing = satisfaction >= mean_satisfaction
    if important:
        return "B" if performing else "A"
    return "D" if performing else "C"


def half_up(value: float | None, digits: int = 2) -> float | None:
    """``value`` rounded half up (7.125 → 7.13), as the IKM is; None stays None."""
    if value is None:
        return None
    step = Decimal(1).scaleb(-digits)
    return float(Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP))


def years_text(year_from: int | None, year_to: int | None) -> str:
    if year_from and year_to and year_from != year_to:
        return f"{year_from}–{year_to}"
    return str(year_from or year_to or "")


@functools.cache
def _voice_labels(language: str) -> dict[str, str]:
    words = translation(language)
    return {
        "ikm_channels": words.translate("ReportLabels", "IKM respondents by channel"),
        "answered_on": words.translate("ReportLabels", "Answered on"),
        "channel_screen": words.translate("ReportLabels", "Visitor screen"),
        "channel_paper": words.translate("ReportLabels", "Paper"),
        "channel_unknown": words.translate("ReportLabels", "Not recorded"),
        "respondents": words.translate("ReportLabels", "Respondents (complete)"),
        "started": words.translate("ReportLabels", "Responses started"),
        "skd": words.translate("ReportLabels", "Data Needs Survey (SKD)"),
        "skd_basis": words.translate(
            "ReportLabels",
            "Importance and satisfaction scored 1–10 by {n} respondents; gap = satisfaction − "
            "importance.",
        ),
        "attribute": words.translate("ReportLabels", "Attribute"),
        "importance": words.translate("ReportLabels", "Importance"),
        "satisfaction": words.translate("ReportLabels", "Satisfaction"),
        "gap": words.translate("ReportLabels", "Gap"),
        "quadrant": words.translate("ReportLabels", "Quadrant"),
        "quadrant_A": words.translate("ReportLabels", "A: top priority"),
        "quadrant_B": words.translate("ReportLabels", "B: keep it up"),
        "quadrant_C": words.translate("ReportLabels", "C: low priority"),
        "quadrant_D": words.translate("ReportLabels", "D: more than needed"),
        "ipa_chart": words.translate("ReportLabels", "Importance–performance quadrants"),
        "mean_line": words.translate("ReportLabels", "Means: importance {i}, satisfaction {s}"),
        "reasons": words.translate("ReportLabels", "Reasons given after a low rating"),
        "reasons_basis": words.translate(
            "ReportLabels",
            "{low} low ratings, {with_reason} of them with a reason; a visitor may choose several.",
        ),
        "times_chosen": words.translate("ReportLabels", "Times chosen"),
        "follow_ups": words.translate("ReportLabels", "Follow-ups"),
        "follow_ups_basis": words.translate(
            "ReportLabels", "Opened in the period; their state when the report was made."
        ),
        "opened": words.translate("ReportLabels", "Opened"),
        "closed_in_time": words.translate("ReportLabels", "Closed in time"),
        "closed_late": words.translate("ReportLabels", "Closed late"),
        "overdue": words.translate("ReportLabels", "Overdue"),
        "open_not_due": words.translate("ReportLabels", "Open, not yet due"),
        "per_element": words.translate("ReportLabels", "Per IKM element"),
        "per_officer": words.translate("ReportLabels", "Per officer who took it"),
        "not_classed": words.translate("ReportLabels", "(not classed)"),
        "not_taken": words.translate("ReportLabels", "(not taken)"),
        "unmet": words.translate("ReportLabels", "Unmet data demand"),
        "unmet_basis": words.translate(
            "ReportLabels",
            "Data asked for whose need was not met or not yet met, for the data production plan.",
        ),
        "subject": words.translate("ReportLabels", "Subject"),
        "region": words.translate("ReportLabels", "Region"),
        "level": words.translate("ReportLabels", "Level"),
        "data_period": words.translate("ReportLabels", "Period of the data"),
        "years": words.translate("ReportLabels", "Years"),
        "requests": words.translate("ReportLabels", "Requests"),
        "latest": words.translate("ReportLabels", "Latest request"),
        "need_met": words.translate("ReportLabels", "Need met"),
        "topic": words.translate("ReportLabels", "Topic"),
        "year_from": words.translate("ReportLabels", "From year"),
        "year_to": words.translate("ReportLabels", "To year"),
        "no_unmet": words.translate("ReportLabels", "No unmet data demand in this period."),
        "more_unmet": words.translate("ReportLabels", "… and {n} more (see the XLSX export)."),
        "sheet_ikm_channels": words.translate("ReportSheets", "IKM channels"),
        "sheet_skd": words.translate("ReportSheets", "SKD"),
        "sheet_reasons": words.translate("ReportSheets", "Low-rating reasons"),
        "sheet_follow_ups": words.translate("ReportSheets", "Follow-ups"),
        "sheet_unmet": words.translate("ReportSheets", "Unmet demand"),
        "sheet_unmet_raw": words.translate("ReportSheets", "Unmet demand (raw)"),
    }


def voice_labels(language: str) -> dict[str, str]:
    """The words of these sections in ``language`` (an unknown one: Indonesian)."""
    return dict(_voice_labels(report_language(language)))
