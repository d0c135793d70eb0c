"""The consultation record (Silastik-style visit history) and the search of past answers.

- ``ConsultationRecord``: what the officer records for a visit (SOP steps 5 and 6): topic,
  question, answer, data asked for, publications referred to, need met, follow-up, notes.
- ``ConsultationService.save_draft``: saved as the officer types (the window debounces about a
  second); a draft is an ordinary ``consultation`` row with ``is_draft`` set, so it survives a
  restart of the PC. ``finalize`` clears the flag when the visit is finished.
- ``ConsultationService.save``: an officer edits one of their own finished records; audited.
- ``DraftFile``: the local fallback when the database cannot be reached (one JSON file per visit
  in the app data folder), written back by ``flush_local_drafts`` on the next start.
- ``search``: full-text search over earlier records (FTS5 on SQLite, ``to_tsvector('simple')``
  on PostgreSQL); both filter by the same rule (every word, as a prefix) and rank in Python, so
  the order is the same on both databases.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import database_proxy, is_sqlite, write_transaction
from models.entities import HELD_STATUSES, Consultation, ServiceType, UserAccount, Visit, Visitor
from models.migrations import FTS_TABLE, PG_FTS_DOCUMENT
from pst_desktop.admin import audit
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import Conflict, ConnectionLost, NotFound, ValidationError
from pst_desktop.core.text import check_length, clean_text
from pst_desktop.sop.permissions import Action, Actor, require
from pst_desktop.visits.queue import ticket_code

#: the fields of a record that ``save``/``save_draft`` write
TEXT_FIELDS = ("topic", "question", "answer", "need_met", "follow_up", "notes")
ONE_LINE_FIELDS = ("topic", "need_met")
SEARCH_LIMIT = 20
_CANDIDATES = 500  # rows the full-text filter hands to the ranking


@dataclass
class DataRequest:
    """The data asked for: subject, region, years from–to, level, period (DOMAIN.md)."""

    subject: str = ""
    region: str = ""
    year_from: int | None = None
    year_to: int | None = None
    level: str = ""  # list "data_level"
    period: str = ""  # list "data_period"

    def is_empty(self) -> bool:
        return not any(asdict(self).values())


@dataclass
class Publication:
    kind: str = ""  # e.g. "Publikasi", "Berita Resmi Statistik", "Tabel dinamis"
    title: str = ""
    year: int | None = None


@dataclass
class ConsultationRecord:
    topic: str = ""
    question: str = ""
    answer: str = ""
    data_requested: list[DataRequest] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    need_met: str = ""  # list "need_met"
    follow_up: str = ""
    notes: str = ""

    def is_empty(self) -> bool:
        return (
            not any(getattr(self, name).strip() for name in TEXT_FIELDS)
            and not [d for d in self.data_requested if not d.is_empty()]
            and not [p for p in self.publications if p.title.strip()]
        )

    # -- JSON (the local fallback file, and the two JSON columns) ------------------------------
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConsultationRecord:
        record = cls(**{k: str(data.get(k) or "") for k in TEXT_FIELDS})
        record.data_requested = [
            DataRequest(**_known(DataRequest, d)) for d in data.get("data_requested") or []
        ]
        record.publications = [
            Publication(**_known(Publication, p)) for p in data.get("publications") or []
        ]
        return record

    def columns(self) -> dict[str, Any]:
        # typed text without control characters, within its column; topic and the
        # need-met code are one line, the rest keeps its line breaks
        values: dict[str, Any] = {
            name: clean_text(getattr(self, name), multiline=name not in ONE_LINE_FIELDS)
            for name in TEXT_FIELDS
        }
        errors: dict[str, str] = {}
        for name in TEXT_FIELDS:
            check_length(errors, name, values[name], getattr(Consultation, name))
        if errors:
            raise ValidationError(errors)
        data = [asdict(d) for d in self.data_requested if not d.is_empty()]
        pubs = [asdict(p) for p in self.publications if p.title.strip()]
        values["data_requested"] = json.dumps(data, ensure_ascii=False) if data else ""
        values["publications"] = json.dumps(pubs, ensure_ascii=False) if pubs else ""
        return values

    @classmethod
    def from_row(cls, row: Consultation) -> ConsultationRecord:
        return cls.from_dict(
            {
                **{name: getattr(row, name) for name in TEXT_FIELDS},
                "data_requested": _loads(row.data_requested),
                "publications": _loads(row.publications),
            }
        )


def _known(kind: type, data: dict[str, Any]) -> dict[str, Any]:
    names = set(kind.__dataclass_fields__)
    return {k: v for k, v in dict(data).items() if k in names}


def _loads(text: str) -> list[dict[str, Any]]:
    if not text:
        return []
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return value if isinstance(value, list) else []


# -- the local fallback ------------------------------------------------------------------------
class DraftFile:
    """Drafts kept on this PC while the database is unreachable: ``<folder>/draft-<visit>.json``."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, visit_id: int) -> Path:
        return self.folder / f"draft-{visit_id}.json"

    def write(self, visit_id: int, record: ConsultationRecord, saved_at: dt.datetime) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path(visit_id)
        temporary = target.with_suffix(".tmp")
        payload = {"visit": visit_id, "saved_at": saved_at.isoformat(), **record.to_dict()}
        temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        temporary.replace(target)  # atomic: a crash never leaves half a file
        return target

    def read(self, visit_id: int) -> ConsultationRecord | None:
        try:
            data = json.loads(self.path(visit_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return ConsultationRecord.from_dict(data)

    def remove(self, visit_id: int) -> None:
        self.path(visit_id).unlink(missing_ok=True)

    def pending(self) -> list[int]:
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("draft-*.json")):
            number = path.stem.removeprefix("draft-")
            if number.isdigit():
                found.append(int(number))
        return found


# -- search results ----------------------------------------------------------------------------
@dataclass(frozen=True)
class SearchHit:
    consultation_id: int
    visit_id: int
    topic: str
    question: str
    answer: str
    officer_name: str
    recorded_at: dt.datetime
    score: int


def search_terms(text: str) -> list[str]:
    """The words of a query, lower case, each at least 2 characters, at most 8 of them."""
    words = []
    for word in re.findall(r"\w+", (text or "").lower()):
        if len(word) >= 2 and word not in words:
            words.append(word)
    return words[:8]


def _score(terms: list[str], topic: str, question: str, answer: str) -> int:
    """Topic hits weigh 3, question 2, answer 1; a word matches at a word start (prefix)."""
    patterns = [_word_start(term) for term in terms]
    score = 0
    for text, weight in ((topic, 3), (question, 2), (answer, 1)):
        lower = text.lower()
        score += weight * sum(len(pattern.findall(lower)) for pattern in patterns)
    return score


@functools.lru_cache(maxsize=64)
def _word_start(term: str) -> re.Pattern[str]:
    """Where a word (``\\w+``) starts with ``term``: one match per such word."""
    return re.compile(r"(?<!\w)" + re.escape(term))


class ConsultationText(pw.Model):
    """The SQLite FTS5 table over consultation records (``models.migrations.FTS_TABLE``), only
    to be joined: triggers keep it in step with ``consultation``."""

    rowid = pw.IntegerField(primary_key=True, column_name="rowid")
    #: FTS5's hidden column named like the table: ``<table> MATCH 'query'`` searches every column
    document = pw.BareField(column_name=FTS_TABLE)

    class Meta:
        database = database_proxy
        table_name = FTS_TABLE


def full_text_filter(query: pw.Select, terms: list[str]) -> pw.Select:
    """``query`` (over ``Consultation``) narrowed to records holding every word of ``terms``, each
    as a word prefix, in topic, question or answer.

    SQLite: the match runs once, into a materialised CTE the query joins (with
    ``id IN (SELECT rowid … MATCH …)``, and with the FTS table joined directly, SQLite ran the
    whole match again for every consultation it looked at: 18 s at 10k records).
    PostgreSQL: the expression the GIN index ``FTS_INDEX`` covers."""
    if not terms:
        return query
    if is_sqlite():
        match = " ".join(f'"{term}"*' for term in terms)
        found = (
            ConsultationText.select(ConsultationText.rowid.alias("id"))
            .where(pw.Expression(ConsultationText.document, "MATCH", match))
            .cte("consultation_match", materialized=True)
        )
        return query.join_from(Consultation, found, on=(found.c.id == Consultation.id)).with_cte(
            found
        )
    tsquery = " & ".join(f"{term}:*" for term in terms)
    return query.where(pw.SQL(f"{PG_FTS_DOCUMENT} @@ to_tsquery('simple', %s)", [tsquery]))


def search(
    office_id: int,
    text: str,
    *,
    exclude_visit: int | None = None,
    limit: int = SEARCH_LIMIT,
) -> list[SearchHit]:
    """Earlier consultation records with an answer that contain every word of ``text``.

    Ordered by relevance (topic > question > answer), then newest first, then id."""
    terms = search_terms(text)
    if not terms:
        return []
    # the newest matching ids first (a narrow sort), then their columns: sorting every matching
    # record with its texts took twice as long for a common word
    newest = full_text_filter(
        Consultation.select(Consultation.id)
        .join(Visit, on=(Consultation.visit == Visit.id))
        .where((Visit.office == office_id) & (Consultation.answer != ""))
        .order_by(Consultation.updated_at.desc(), Consultation.id.desc())
        .limit(_CANDIDATES),
        terms,
    )
    rows = (
        Consultation.select(
            Consultation.id,
            Consultation.visit,
            Consultation.topic,
            Consultation.question,
            Consultation.answer,
            Consultation.updated_at,
            UserAccount.full_name,
        )
        .join(UserAccount, pw.JOIN.LEFT_OUTER, on=(Consultation.officer == UserAccount.id))
        .where(Consultation.id.in_(newest))
        .tuples()
    )
    hits = []
    for cid, visit_id, topic, question, answer, updated_at, officer_name in rows:
        if visit_id == exclude_visit:
            continue
        score = _score(terms, topic, question, answer)
        hits.append(
            SearchHit(cid, visit_id, topic, question, answer, officer_name or "", updated_at, score)
        )
    hits.sort(key=lambda h: (-h.score, -h.recorded_at.timestamp(), -h.consultation_id))
    return hits[:limit]


# -- the service -------------------------------------------------------------------------------
class ConsultationService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def load(self, visit_id: int) -> ConsultationRecord | None:
        row = Consultation.get_or_none(Consultation.visit == visit_id)
        return ConsultationRecord.from_row(row) if row is not None else None

    def row(self, visit_id: int) -> Consultation | None:
        return Consultation.get_or_none(Consultation.visit == visit_id)

    def save_draft(self, actor: Actor, visit_id: int, record: ConsultationRecord) -> Consultation:
        """Save what the officer typed so far (no audit: the record is still being written).

        A record already final (the visit was finished) is kept final: later typing goes
        through ``save`` and is audited."""
        require(actor, Action.SERVE)
        with write_transaction():
            now = self.clock.now()
            visit = self._visit(actor, visit_id)
            if visit.status in HELD_STATUSES and visit.officer_id not in (None, actor.user_id):
                raise Conflict(
                    QCoreApplication.translate(
                        "Consultations", "Another officer is serving this visit now."
                    )
                )
            existing = (
                Consultation.select().where(Consultation.visit == visit.id).for_update().first()
                if not is_sqlite()
                else Consultation.get_or_none(Consultation.visit == visit.id)
            )
            if existing is not None and not existing.is_draft:
                return self._update(actor, existing, record, now)
            # a draft belongs to the officer typing it: an officer who took over a ticket another
            # returned to the queue takes over that officer's draft too
            values = {
                **record.columns(),
                "updated_at": now,
                "is_draft": True,
                "officer": actor.user_id,
            }
            if existing is None:
                return Consultation.create(visit=visit.id, created_at=now, **values)
            Consultation.update(**values).where(Consultation.id == existing.id).execute()
            return Consultation.get_by_id(existing.id)

    def finalize(self, actor: Actor, visit_id: int, record: ConsultationRecord | None) -> None:
        """The visit ended: the draft becomes the record (saved first when ``record`` is given),
        credited to the officer who served the visit."""
        require(actor, Action.SERVE)
        with write_transaction():
            now = self.clock.now()
            if record is not None and not record.is_empty():
                self.save_draft(actor, visit_id, record)
            served_by = Visit.select(Visit.officer).where(Visit.id == visit_id).scalar()
            Consultation.update(
                is_draft=False, updated_at=now, officer=served_by or actor.user_id
            ).where((Consultation.visit == visit_id) & Consultation.is_draft).execute()

    def save(self, actor: Actor, visit_id: int, record: ConsultationRecord) -> Consultation:
        """Edit a record: only its own officer may (audited with before and after)."""
        require(actor, Action.SERVE)
        with write_transaction():
            now = self.clock.now()
            self._visit(actor, visit_id)
            existing = Consultation.get_or_none(Consultation.visit == visit_id)
            if existing is None:
                return self.save_draft(actor, visit_id, record)
            return self._update(actor, existing, record, now)

    def _update(
        self, actor: Actor, existing: Consultation, record: ConsultationRecord, now: dt.datetime
    ) -> Consultation:
        if existing.officer_id not in (None, actor.user_id):
            raise Conflict(
                QCoreApplication.translate(
                    "Consultations", "Only the officer who recorded this consultation may edit it."
                )
            )
        values = record.columns()
        before = audit.snapshot(existing)
        if all(before.get(k) == v for k, v in values.items()):
            return existing
        Consultation.update(**values, updated_at=now).where(
            Consultation.id == existing.id
        ).execute()
        updated = Consultation.get_by_id(existing.id)
        if not existing.is_draft:
            audit.changed(now, actor.user_id, "update", "consultation", updated, before)
        return updated

    def flush_local_drafts(self, actor: Actor, drafts: DraftFile) -> list[int]:
        """Write drafts kept on this PC (the database was down) back; returns the visits saved.

        A draft whose visit is gone, or that another officer holds, stays on disk."""
        saved = []
        for visit_id in drafts.pending():
            record = drafts.read(visit_id)
            if record is None:
                drafts.remove(visit_id)
                continue
            try:
                self.save_draft(actor, visit_id, record)
            except (NotFound, Conflict):
                continue
            drafts.remove(visit_id)
            saved.append(visit_id)
        return saved

    @staticmethod
    def _visit(actor: Actor, visit_id: int) -> Visit:
        visit = Visit.get_or_none((Visit.id == visit_id) & (Visit.office == actor.office_id))
        if visit is None:
            raise NotFound(
                QCoreApplication.translate("Consultations", "This visit does not exist.")
            )
        return visit


def describe_visit(visit_id: int) -> str:
    """``K-007 · Konsultasi Statistik · Siti Aminah`` (for titles; no query when missing)."""
    row = (
        Visit.select(Visit.number, ServiceType.prefix, ServiceType.name, Visitor.name)
        .join(ServiceType, on=(Visit.ticket_service == ServiceType.id))
        .switch(Visit)
        .join(Visitor, pw.JOIN.LEFT_OUTER, on=(Visit.visitor == Visitor.id))
        .where(Visit.id == visit_id)
        .tuples()
        .first()
    )
    if row is None:
        return ""
    number, prefix, service_name, visitor_name = row
    parts = [ticket_code(prefix, number), service_name, visitor_name or ""]
    return " · ".join(p for p in parts if p)


def database_reachable() -> bool:
    """A cheap probe the window uses before it falls back to the local draft file."""
    try:
        database_proxy.execute_sql("SELECT 1")
    except ConnectionLost:
        return False
    return True
