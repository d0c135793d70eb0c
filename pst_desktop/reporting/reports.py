"""The supervisor's report of a date range (a month, usually): ``build_report`` → ``ReportData``.

This module puts the report together; its parts live beside it: ``figures.py`` (the
dataclasses), ``queries.py`` (each section's read), ``sql.py`` (the two dialects), ``labels.py``
(the words), ``raw_rows.py`` (the spreadsheet's raw sheets), ``pdf.py`` and ``xlsx.py`` (the
files).

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
- IKM: when the range holds complete 9-element survey responses (``SurveyResponse.day`` in the
  range); the visitor's-voice sections (SKD, reasons, follow-ups, unmet data demand) follow
  the rules in ``voice_figures.py``.
- Services delivered (per service, beside the tickets numbered in it): a visit may carry
  several services; each one it received counts in its service (``queries.services_delivered``).
- Who did what (per officer and per desk): the rules in ``who_did_what.py``.
- Priority service (share, waits by class, the rule at work): the rules in ``fair_queue.py``.
"""

from __future__ import annotations

import datetime as dt
import time
from contextlib import nullcontext
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from models.database import database_proxy
from models.entities import Office
from pst_desktop.core.clock import Clock, SystemClock
from pst_desktop.core.errors import NotFound
from pst_desktop.reporting import queries, voice_queries
from pst_desktop.reporting.fair_queue import fair_queue
from pst_desktop.reporting.figures import ReportData, Totals
from pst_desktop.reporting.labels import DEFAULT_LANGUAGE, labels_for, report_language
from pst_desktop.reporting.sql import visits_in_range
from pst_desktop.reporting.who_did_what import who_did_what


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
    if date_to < date_from:
        raise ValueError(
            QCoreApplication.translate(
                "Reports", "The report's end date lies before its start date."
            )
        )
    language = report_language(language)
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

    in_range = visits_in_range(office_id, date_from, date_to)
    with database_proxy.connection_context() if database_proxy.is_closed() else nullcontext():
        per_day, totals_counts = queries.per_day(in_range)
        lap("per_day")
        categories = queries.category_tables(office_id, in_range, L, language)
        delivered = queries.services_delivered(office_id, in_range)
        lap("categories")
        durations, compliance, walk_counts = queries.walk_in_times(in_range, L)
        lap("times")
        online = queries.online_compliance(office_id, in_range, L, clock)
        compliance = (*compliance, online)
        lap("online")
        ratings = queries.rating_summary(in_range, L)
        lap("ratings")
        comments = queries.latest_comments(in_range, zone, comment_limit)
        lap("comments")
        ikm = queries.ikm_of_range(office_id, date_from, date_to)
        visitors = queries.distinct_visitors(in_range)
        lap("ikm")
        voice = voice_queries.visitor_voice(office_id, date_from, date_to, clock.now(), language, L)
        lap("voice")
        work = who_did_what(office_id, date_from, date_to, clock.now())
        lap("work")
        priority = fair_queue(office_id, date_from, date_to)
        lap("fair_queue")
    totals = Totals(
        visitors=visitors,
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
        voice=voice,
        work=work,
        fair_queue=priority,
        delivered=delivered,
    )
