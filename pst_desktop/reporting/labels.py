"""The report's words: labels in the report's own language and the period's text.

Labels come from Qt's translation (contexts "ReportLabels" and, for the spreadsheet's sheet
names, "ReportSheets"; English sources, Indonesian in ``resources/translations/pst_id.ts``),
looked up in the language chosen for the report, not the staff window's language.
"""

from __future__ import annotations

import datetime as dt
import functools

from pst_desktop.core.i18n import translation

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


def report_language(language: str) -> str:
    """``language`` when the report speaks it, else Indonesian."""
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


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
        "delivered_title": words.translate("ReportLabels", "Tickets and services delivered"),
        "tickets": words.translate("ReportLabels", "Tickets"),
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
        "work": words.translate("ReportLabels", "Who did what"),
        "work_basis": words.translate(
            "ReportLabels",
            "Walk-in visits per officer and desk that last held them. Wait: issued to first "
            "call; service: started to finished; median / 90th percentile in minutes. SOP: "
            "service within 3 hours, rating within 5 minutes of finishing.",
        ),
        "work_by_officer": words.translate("ReportLabels", "Work per officer"),
        "work_by_desk": words.translate("ReportLabels", "Work per desk"),
        "services_delivered": words.translate("ReportLabels", "Services delivered"),
        "wait_median_p90": words.translate("ReportLabels", "Wait (median / p90)"),
        "service_median_p90": words.translate("ReportLabels", "Service (median / p90)"),
        "wait_median": words.translate("ReportLabels", "Wait, median (min)"),
        "wait_p90": words.translate("ReportLabels", "Wait, p90 (min)"),
        "service_median": words.translate("ReportLabels", "Service, median (min)"),
        "service_p90": words.translate("ReportLabels", "Service, p90 (min)"),
        "sop_service": words.translate("ReportLabels", "Service within 3 h"),
        "sop_rating": words.translate("ReportLabels", "Rated within 5 min"),
        "follow_ups_opened": words.translate("ReportLabels", "Follow-ups opened"),
        "follow_ups_closed": words.translate("ReportLabels", "Follow-ups closed"),
        "follow_ups_opened_closed": words.translate("ReportLabels", "Follow-ups (opened / closed)"),
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


def labels_for(language: str) -> dict[str, str]:
    """The report's words in ``language`` (an unknown one: Indonesian)."""
    return dict(_labels(report_language(language)))


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
