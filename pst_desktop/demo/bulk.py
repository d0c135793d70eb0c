"""Writing many demo rows fast: ids reserved up front (``MAX(id)`` inside SQLite's
``BEGIN IMMEDIATE``, ``nextval`` on PostgreSQL), rows as plain values in the column order below,
inserted with ``executemany`` (SQLite) or ``COPY`` (PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Sequence

import peewee as pw

from models.database import is_sqlite
from models.entities import Consultation, Rating, TicketCounter, Visit, Visitor


def _columns(fields: Sequence[pw.Field]) -> str:
    return ", ".join(f'"{f.column_name}"' for f in fields)


def bulk_insert(
    db: pw.Database, model: type[pw.Model], fields: Sequence[pw.Field], rows: list[tuple]
) -> None:
    """Insert plain-value rows fast: ``executemany`` on SQLite, ``COPY`` on PostgreSQL."""
    if not rows:
        return
    table = model._meta.table_name
    columns = _columns(fields)
    if is_sqlite(db):
        marks = ", ".join("?" * len(fields))
        db.cursor().executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', rows)
        return
    cursor = db.cursor()
    if hasattr(cursor, "copy"):  # psycopg 3
        with cursor.copy(f'COPY "{table}" ({columns}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        return
    for start in range(0, len(rows), 1000):  # any other driver
        model.insert_many(rows[start : start + 1000], fields=list(fields)).execute()


def reserve_ids(db: pw.Database, model: type[pw.Model], count: int) -> list[int]:
    """``count`` fresh primary keys of ``model``, inside the current write transaction."""
    if count <= 0:
        return []
    table = model._meta.table_name
    if is_sqlite(db):
        top = db.execute_sql(f'SELECT COALESCE(MAX("id"), 0) FROM "{table}"').fetchone()[0]
        return list(range(top + 1, top + 1 + count))
    rows = db.execute_sql(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        (table, count),
    ).fetchall()
    return sorted(int(r[0]) for r in rows)


#: the columns of the rows the day writer builds, in the order of their values
VISITOR_FIELDS = (
    Visitor.id,
    Visitor.office,
    Visitor.name,
    Visitor.email,
    Visitor.phone,
    Visitor.gender,
    Visitor.birth_year,
    Visitor.education,
    Visitor.occupation,
    Visitor.occupation_other,
    Visitor.institution_category,
    Visitor.institution_name,
    Visitor.disability,
    Visitor.consent,
    Visitor.consent_at,
    Visitor.created_at,
    Visitor.updated_at,
)
VISIT_FIELDS = (
    Visit.id,
    Visit.office,
    Visit.visitor,
    Visit.service,
    Visit.ticket_service,
    Visit.purpose,
    Visit.channel,
    Visit.day,
    Visit.number,
    Visit.status,
    Visit.desk,
    Visit.officer,
    Visit.issued_by,
    Visit.registration_started_at,
    Visit.issued_at,
    Visit.called_at,
    Visit.service_started_at,
    Visit.finished_at,
    Visit.call_count,
    Visit.cancel_reason,
    Visit.updated_at,
)
COUNTER_FIELDS = (TicketCounter.service, TicketCounter.day, TicketCounter.last)
CONSULTATION_FIELDS = (
    Consultation.visit,
    Consultation.officer,
    Consultation.topic,
    Consultation.question,
    Consultation.answer,
    Consultation.data_requested,
    Consultation.publications,
    Consultation.need_met,
    Consultation.follow_up,
    Consultation.notes,
    Consultation.created_at,
    Consultation.updated_at,
)
RATING_FIELDS = (
    Rating.visit,
    Rating.officer,
    Rating.score,
    Rating.scale_max,
    Rating.comment,
    Rating.created_at,
)
