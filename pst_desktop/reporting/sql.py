"""SQL pieces the report's reads share, written once for both databases (SQLite, PostgreSQL).

Timestamps are stored naive UTC on both; SQLite keeps them as text, PostgreSQL as
``timestamp``, so a difference of two moments or the year of a day is written per dialect.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw

from models.database import database_proxy, is_sqlite
from models.entities import Desk, Rating, ServiceType, UserAccount, Visit

#: a visit's service when its ticket was issued, and its service now (a transfer changes it)
TICKET_SERVICE = ServiceType.alias("ticket_service")
CURRENT_SERVICE = ServiceType.alias("current_service")


def visits_in_range(office_id: int, date_from: dt.date, date_to: dt.date) -> pw.Node:
    """The condition "a visit of ``office_id`` on an office day ``date_from``..``date_to``"."""
    return (Visit.office == office_id) & (Visit.day >= date_from) & (Visit.day <= date_to)


def seconds_between(start: pw.Node, end: pw.Node) -> pw.Node:
    """``end - start`` in seconds as a number, in SQL (NULL when either is NULL).

    SQLite's julianday gives days as a double (about 40 µs of precision at today's dates),
    rounded here to the millisecond so that exactly ten minutes compares equal to 600.
    """
    if is_sqlite(database_proxy.obj):
        return pw.fn.ROUND((pw.fn.julianday(end) - pw.fn.julianday(start)) * 86400.0, 3)
    return pw.fn.date_part(pw.SQL("'epoch'"), end - start)


def year_of(day: pw.Node) -> pw.Node:
    """The year of a date column, as an integer, in SQL."""
    if is_sqlite(database_proxy.obj):
        return pw.Cast(pw.fn.strftime("%Y", day), "INTEGER")
    return pw.Cast(pw.fn.date_part(pw.SQL("'year'"), day), "INTEGER")


def count_if(condition: pw.Node) -> pw.Node:
    """The aggregate "how many rows meet ``condition``" (``SUM(CASE WHEN … THEN 1 ELSE 0)``)."""
    return pw.fn.SUM(pw.Case(None, [(condition, 1)], 0))


def as_utc(moment: dt.datetime) -> dt.datetime:
    """A stored moment with its time zone: a naive one is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def ratings_with_visit(*columns: pw.Node) -> pw.ModelSelect:
    """Ratings joined to their visit, the ticket's and the current service, desk and officer
    (``TICKET_SERVICE`` / ``CURRENT_SERVICE`` name the two services in ``columns``)."""
    Ticket, Current = TICKET_SERVICE, CURRENT_SERVICE
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
