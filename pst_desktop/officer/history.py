"""The visit history (Silastik-style): list and filter consultation records, export to XLSX.

Filters: office date range, officer, service, channel, need met, text (the full-text search of
``consultations.search`` rules: every word, as a prefix, in topic, question or answer).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

# imported with the module, when the window opens: imported by the first export on its worker
# thread it held the window up to 107 ms (the import runs under the interpreter lock)
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from PySide6.QtCore import QCoreApplication

from models.database import database_proxy
from models.entities import Consultation, ServiceType, UserAccount, Visit, Visitor
from pst_desktop.core import helper_process
from pst_desktop.core.files import write_atomically
from pst_desktop.core.helper_process import DatabaseRecipe, HelperProcess
from pst_desktop.core.text import export_text
from pst_desktop.frontdesk import guest_book_lists
from pst_desktop.officer.consultations import full_text_filter, search_terms
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.visits.queue import ticket_code

HISTORY_LIMIT = 2000


@dataclass
class HistoryFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    officer_id: int | None = None
    service_id: int | None = None
    channel: str = ""
    need_met: str = ""
    text: str = ""
    include_drafts: bool = True


@dataclass(frozen=True)
class HistoryRow:
    consultation_id: int
    visit_id: int
    day: dt.date
    code: str
    channel: str
    service_name: str
    visitor_name: str
    contact: str
    officer_id: int | None
    officer_name: str
    topic: str
    question: str
    answer: str
    data_requested: str  # one line: "subject, region, 2020–2024, level, period"
    publications: str  # one line: "title (year); …"
    need_met: str
    follow_up: str
    notes: str
    is_draft: bool
    minutes: int | None  # service minutes (walk-in) when known


def _data_line(text: str) -> str:
    parts = []
    for item in _list(text):
        years = ""
        if item.get("year_from") or item.get("year_to"):
            years = "–".join(str(y) for y in (item.get("year_from"), item.get("year_to")) if y)
        fields = [item.get("subject"), item.get("region"), years, item.get("level")]
        fields.append(item.get("period"))
        parts.append(", ".join(str(f) for f in fields if f))
    return "; ".join(parts)


def _publications_line(text: str) -> str:
    parts = []
    for item in _list(text):
        title = str(item.get("title") or "")
        if item.get("year"):
            title = f"{title} ({item['year']})"
        parts.append(title)
    return "; ".join(parts)


def _list(text: str) -> list[dict]:
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _newest_first() -> tuple[pw.Ordering, ...]:
    return (Visit.day.desc(), Visit.issued_at.desc(), Visit.id.desc())


def history(
    office_id: int, filters: HistoryFilter, limit: int | None = HISTORY_LIMIT
) -> list[HistoryRow]:
    """Consultation records of the office, newest first: the first ``limit`` of them (the
    window's list), or every one matching when ``limit`` is None (the export)."""
    if limit is None:
        return _rows(_with_columns(_matching(office_id, filters)).order_by(*_newest_first()))
    # the newest ids first (a narrow sort), then the columns of those only: sorting every
    # matching record with its texts took several times as long on a year of records
    newest = _matching(office_id, filters).order_by(*_newest_first()).limit(limit)
    query = (
        _with_columns(Consultation.select().join(Visit, on=(Consultation.visit == Visit.id)))
        .where(Consultation.id.in_(newest))
        .order_by(*_newest_first())
    )
    return _rows(query)


def count(office_id: int, filters: HistoryFilter) -> int:
    """How many consultation records match ``filters`` (the window's list may show fewer)."""
    return _matching(office_id, filters).count()


_officer_of_record = Consultation.officer == UserAccount.id


def _with_columns(query: pw.Select) -> pw.Select:
    """``query`` (consultation joined to its visit) with every column a ``HistoryRow`` needs."""
    Ticketing = ServiceType.alias()
    return (
        query.select(
            Consultation.id,
            Visit.id,
            Visit.day,
            Visit.number,
            Ticketing.prefix,
            Visit.channel,
            ServiceType.name,
            Visitor.name,
            Visit.contact,
            Consultation.officer,
            UserAccount.full_name,
            Consultation.topic,
            Consultation.question,
            Consultation.answer,
            Consultation.data_requested,
            Consultation.publications,
            Consultation.need_met,
            Consultation.follow_up,
            Consultation.notes,
            Consultation.is_draft,
            Visit.service_started_at,
            Visit.finished_at,
        )
        .join_from(Visit, Ticketing, on=(Visit.ticket_service == Ticketing.id))
        .join_from(Visit, ServiceType, on=(Visit.service == ServiceType.id))
        .join_from(Visit, Visitor, pw.JOIN.LEFT_OUTER, on=(Visit.visitor == Visitor.id))
        .join_from(Consultation, UserAccount, pw.JOIN.LEFT_OUTER, on=_officer_of_record)
        .tuples()
    )


def _matching(office_id: int, filters: HistoryFilter) -> pw.Select:
    """The ids of the office's consultation records that match ``filters``."""
    query = (
        Consultation.select(Consultation.id)
        .join(Visit, on=(Consultation.visit == Visit.id))
        .where(Visit.office == office_id)
    )
    f = filters
    if f.date_from is not None:
        query = query.where(Visit.day >= f.date_from)
    if f.date_to is not None:
        query = query.where(Visit.day <= f.date_to)
    if f.officer_id is not None:
        query = query.where(Consultation.officer == f.officer_id)
    if f.service_id is not None:
        query = query.where(Visit.service == f.service_id)
    if f.channel:
        query = query.where(Visit.channel == f.channel)
    if f.need_met:
        query = query.where(Consultation.need_met == f.need_met)
    if not f.include_drafts:
        query = query.where(~Consultation.is_draft)
    # one full-text match per query, never one per record
    return full_text_filter(query, search_terms(f.text))


def _rows(query: pw.Query) -> list[HistoryRow]:
    rows = []
    for (
        cid,
        visit_id,
        day,
        number,
        prefix,
        channel,
        service_name,
        visitor_name,
        contact,
        officer_id,
        officer_name,
        topic,
        question,
        answer,
        data_requested,
        publications,
        need_met,
        follow_up,
        notes,
        is_draft,
        started,
        finished,
    ) in query:
        minutes = None
        if started is not None and finished is not None:
            minutes = max(0, round((finished - started).total_seconds() / 60))
        rows.append(
            HistoryRow(
                consultation_id=cid,
                visit_id=visit_id,
                day=day,
                code=ticket_code(prefix, number),
                channel=channel,
                service_name=service_name,
                visitor_name=visitor_name or "",
                contact=contact or "",
                officer_id=officer_id,
                officer_name=officer_name or "",
                topic=topic,
                question=question,
                answer=answer,
                data_requested=_data_line(data_requested),
                publications=_publications_line(publications),
                need_met=need_met,
                follow_up=follow_up,
                notes=notes,
                is_draft=bool(is_draft),
                minutes=minutes,
            )
        )
    return rows


def officers_of(office_id: int) -> list[tuple[int, str]]:
    query = (
        UserAccount.select(UserAccount.id, UserAccount.full_name)
        .where(UserAccount.office == office_id)
        .order_by(UserAccount.full_name)
        .tuples()
    )
    return list(query)


def _start_exports() -> None:
    """In the export helper, once: a Qt core application for the column titles' translation."""
    global _helper_app
    if QCoreApplication.instance() is None:
        _helper_app = QCoreApplication(["pst-desktop history export"])


_helper_app: QCoreApplication | None = None
_helper_language: str | None = None

# the helper process that reads and writes the history's exports (started by the first one):
# a month of records is seconds of Python that, on a thread, held up the officer's window
EXPORTS = HelperProcess("history export", initializer=_start_exports)


def export_matching(
    office_id: int, filters: HistoryFilter, path: Path, language: str = "id"
) -> tuple[Path, int]:
    """Every consultation record matching ``filters`` (not only the window's first
    ``HISTORY_LIMIT``) as one worksheet; returns the file and the number of records.

    Read and written in the export helper process (``EXPORTS``) with its own connection to the
    database of this one; the calling thread waits.  ``language``: the app's language (the
    column titles) and the lists' labels."""
    recipe = DatabaseRecipe.of(database_proxy.obj)
    if not recipe.shared:  # a database in memory: only this process sees it
        return _export(recipe, office_id, filters, Path(path), language)
    return EXPORTS.call(_export, recipe, office_id, filters, Path(path), language)


def _export(
    recipe: DatabaseRecipe, office_id: int, filters: HistoryFilter, path: Path, language: str
) -> tuple[Path, int]:
    """``export_matching`` in the helper (or, without one, in the calling thread and its
    connection)."""
    if not helper_process.IN_HELPER:
        rows = history(office_id, filters, limit=None)
        return export_xlsx(rows, path, office_id, language), len(rows)
    _speak(language)
    db = helper_process.database(recipe)
    with db.connection_context():
        rows = history(office_id, filters, limit=None)
        written = export_xlsx(rows, path, office_id, language)
    if hasattr(db, "close_idle"):
        db.close_idle()  # no pooled connection kept to the server between exports
    return written, len(rows)


def _speak(language: str) -> None:
    """In the helper: the app's translation of ``language`` installed, as in the window."""
    global _helper_language
    if language != _helper_language:
        from pst_desktop.core.i18n import install_translator

        app = QCoreApplication.instance()
        if app is not None:
            install_translator(app, language)
        _helper_language = language


def export_xlsx(rows: list[HistoryRow], path: Path, office_id: int, language: str = "id") -> Path:
    """Write the rows as one worksheet (headers bold, first row frozen, filters on)."""
    headers = [
        QCoreApplication.translate("History", "Date"),
        QCoreApplication.translate("History", "Number"),
        QCoreApplication.translate("History", "Channel"),
        QCoreApplication.translate("History", "Service"),
        QCoreApplication.translate("History", "Visitor"),
        QCoreApplication.translate("History", "Contact"),
        QCoreApplication.translate("History", "Officer"),
        QCoreApplication.translate("History", "Topic"),
        QCoreApplication.translate("History", "Question"),
        QCoreApplication.translate("History", "Answer"),
        QCoreApplication.translate("History", "Data requested"),
        QCoreApplication.translate("History", "Publications"),
        QCoreApplication.translate("History", "Need met"),
        QCoreApplication.translate("History", "Follow-up"),
        QCoreApplication.translate("History", "Notes"),
        QCoreApplication.translate("History", "Minutes"),
    ]
    channels = {o.code: o.label(language) for o in guest_book_lists.options("channel")}
    needs = {o.code: o.label(language) for o in guest_book_lists.options("need_met")}
    # write-only (streamed) workbook: a third of the time of a normal one for a month of an
    # office's records, and it is written on a worker thread that shares the GIL with the window
    book = Workbook(write_only=True)
    sheet = book.create_sheet(QCoreApplication.translate("History", "Visit history")[:31])
    widths = [12, 9, 16, 24, 22, 22, 20, 28, 48, 60, 36, 36, 18, 28, 28, 9]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def header(text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        return cell

    sheet.append([header(h) for h in headers])
    wrap = Alignment(wrap_text=True, vertical="top")
    for r in rows:
        values = [
            export_text(v)  # old records may hold control characters
            for v in (
                r.day,
                r.code,
                channels.get(r.channel, r.channel),
                r.service_name,
                r.visitor_name,
                r.contact,
                r.officer_name,
                r.topic,
                r.question,
                r.answer,
                r.data_requested,
                r.publications,
                needs.get(r.need_met, r.need_met),
                r.follow_up,
                r.notes,
                r.minutes,
            )
        ]
        day = WriteOnlyCell(sheet, value=values[0])
        day.number_format = "yyyy-mm-dd"
        texts = []
        for value in values[7:15]:
            cell = WriteOnlyCell(sheet, value=value)
            cell.alignment = wrap
            texts.append(cell)
        sheet.append([day, *values[1:7], *texts, values[15]])
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(path, book.save)


def default_range(office_id: int, now: dt.datetime, days: int = 30) -> tuple[dt.date, dt.date]:
    today = OfficeCalendar.for_office(office_id).office_day(now)
    return today - dt.timedelta(days=days), today
