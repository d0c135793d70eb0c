"""The spreadsheet's raw sheets: one row per visit and one per rating of a report's range.

No personal data leaves here: no name, e-mail, phone, institution name or birth year (the age
group is enough for a report).  Rows are produced one at a time (``iterator()``), so the
spreadsheet writes a month of 20k visits in openpyxl's streaming mode without holding them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import peewee as pw

from models.entities import Desk, Office, Rating, UserAccount, Visit, Visitor
from pst_desktop.frontdesk.guest_book_lists import options
from pst_desktop.reporting.figures import AGE_GROUPS, VISITOR_LISTS, age_group
from pst_desktop.reporting.labels import DEFAULT_LANGUAGE, labels_for
from pst_desktop.reporting.sql import (
    CURRENT_SERVICE,
    TICKET_SERVICE,
    as_utc,
    ratings_with_visit,
    visits_in_range,
)
from pst_desktop.visits.queue import ticket_code


def _office_local(moment: dt.datetime | None, zone: ZoneInfo) -> dt.datetime | None:
    """A stored moment in the office's time, without zone (spreadsheets have no time zones)."""
    return None if moment is None else as_utc(moment).astimezone(zone).replace(tzinfo=None)


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
        for key in ("channel", "purpose", *VISITOR_LISTS)
    }
    Ticket, Current = TICKET_SERVICE, CURRENT_SERVICE
    in_range = visits_in_range(office_id, date_from, date_to)
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
        return _office_local(moment, zone)

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
            ticket_code(prefix, number),
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
    """One row per rating of the range's visits, oldest first; times office-local and naive."""
    office = Office.get_by_id(office_id)
    zone = ZoneInfo(office.time_zone)
    Ticket, Current = TICKET_SERVICE, CURRENT_SERVICE
    in_range = visits_in_range(office_id, date_from, date_to)
    query = (
        ratings_with_visit(
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
        return _office_local(moment, zone)

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
            ticket_code(prefix, number),
            service,
            desk or "",
            officer or "",
            local(finished),
            local(rated),
            score,
            scale,
            text,
        )
