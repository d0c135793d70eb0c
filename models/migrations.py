"""Schema versions and the steps between them.

Every database, new or old, goes through the same numbered steps, so a fresh office database and
an upgraded one end up with the same schema.  Step N is recorded in ``schema_version`` in the same
transaction as its changes.  Before an SQLite file is upgraded it is copied beside itself
(``pst.db.before-v3-20261124T101500.bak``) with SQLite's backup API.

Rule for later steps: never change what an earlier step creates.  A NOT NULL column added by a
later step carries its default in the database too (``constraints=[SQL("DEFAULT …")]`` on the
field), so a fresh database (step 1 builds tables from the current models) and an upgraded one
accept the same inserts.  A step that adds a column or an index uses ``playhouse.migrate``
(``_add_columns``, ``_add_index``: skipped when step 1 already made it from today's models); a
step that adds a table creates it from its model (models added after a step must not be in that
step's table list).  Every step works on the database it is given (``_create_tables``,
``.execute(db)``), never on the one the models are bound to: the setup wizard upgrades a
server from a worker thread while the app's own database stays bound.  Only what
``playhouse.migrate`` cannot say is SQL: the full-text and trigram
search (SQLite FTS5 tables and their triggers, PostgreSQL GIN expression indexes, pg_trgm).
``tests/models/test_fresh_equals_upgraded.py`` checks that a fresh schema equals an upgraded one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import peewee as pw
from playhouse.migrate import SchemaMigrator, migrate

from models import entities as e
from models.database import write_transaction

HELD_INDEX = "visit_one_held_ticket_per_officer"

#: PostgreSQL advisory lock key: one upgrader at a time on the LAN, per schema (the second key
#: is the schema's name hashed: offices kept in separate schemas of one database, as the tests
#: are, upgrade independently)
UPGRADE_LOCK = 7310001
_LOCK_KEYS = f"{UPGRADE_LOCK}, hashtext(current_schema())"


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Step:
    version: int
    description: str
    apply: Callable[[pw.Database], None]


def _add_columns(db: pw.Database, columns: Iterable[tuple[str, pw.Field]]) -> None:
    """Add the model fields' columns a table lacks (``ALTER TABLE … ADD COLUMN``), each with the
    field's own DDL, so an upgraded column is the column step 1 makes on a fresh database.

    A NOT NULL column is added NOT NULL at once with its database default
    (``allow_not_null=True``): ``playhouse.migrate``'s other way (add nullable, fill, then
    ``add_not_null``) rebuilds the table on SQLite before 3.53, and dropping the old ``visit``
    table with foreign keys on cascades into ``consultation`` and ``rating`` (seen in
    ``tests/models/test_migration_v3.py``: the records were lost)."""
    migrator = SchemaMigrator.from_database(db)
    existing: dict[str, set[str]] = {}
    operations = []
    for table, field in columns:
        if table not in existing:
            existing[table] = {c.name for c in db.get_columns(table)}
        if field.column_name in existing[table]:
            continue
        defaults = [c for c in field.constraints or () if "DEFAULT" in str(getattr(c, "sql", ""))]
        if not field.null and not defaults:  # pragma: no cover - a rule for later steps
            raise TypeError(f"{field!r} is NOT NULL: give it constraints=[SQL('DEFAULT …')]")
        operations.append(
            migrator.add_column(table, field.column_name, field, allow_not_null=not field.null)
        )
    migrate(*operations)


def _create_tables(db: pw.Database, models: Sequence[type[pw.Model]], safe: bool = False) -> None:
    """Create the models' tables (and their indexes) on ``db`` itself, whatever database the
    models are bound to: ``Database.create_tables`` would use each model's own."""
    for model in pw.sort_models(models):
        pw.SchemaManager(model, database=db).create_all(safe=safe)


def _add_index(
    db: pw.Database,
    table: str,
    columns: Sequence[str],
    name: str,
    unique: bool = False,
    where: pw.Node | None = None,
) -> None:
    """Create an index unless ``table`` has one of that name (step 1 makes the models' own)."""
    migrator = SchemaMigrator.from_database(db)
    if name not in {i.name for i in db.get_indexes(table)}:
        migrate(migrator.add_index(table, tuple(columns), unique=unique, where=where, name=name))


def _v1_core_tables(db: pw.Database) -> None:
    _create_tables(db, e.TABLES_V1)
    visit = pw.Table("visit")
    _add_index(
        db,
        "visit",
        ["officer_id"],
        name=HELD_INDEX,
        unique=True,
        where=visit.c.status.in_(list(e.HELD_STATUSES)) & visit.c.officer_id.is_null(False),
    )


def _v2_guest_book_lists(db: pw.Database) -> None:
    from models.catalog import GUEST_BOOK_LISTS

    _create_tables(db, [e.CategoryOption])
    rows = [
        {
            "list_name": list_name,
            "code": code,
            "label_id": label_id,
            "label_en": label_en,
            "sort_order": order,
        }
        for list_name, options in GUEST_BOOK_LISTS.items()
        for order, (code, label_id, label_en) in enumerate(options)
    ]
    e.CategoryOption.insert_many(rows).execute(db)


#: the full-text index over consultation records (topic, question, answer)
FTS_TABLE = "consultation_fts"  # SQLite FTS5 (external content, kept in sync by triggers)
FTS_INDEX = "consultation_fts_idx"  # PostgreSQL GIN expression index
#: the expression the PostgreSQL index covers; ``consultations.search`` queries exactly this
PG_FTS_DOCUMENT = (
    "to_tsvector('simple', coalesce(\"topic\", '') || ' ' || coalesce(\"question\", '') "
    "|| ' ' || coalesce(\"answer\", ''))"
)
ONLINE_INDEX = "visit_online_status_since"

#: the columns step 3 adds: (table, column name, model field)
_V3_COLUMNS = (
    ("visit", "contact", e.Visit.contact),
    ("visit", "online_status", e.Visit.online_status),
    ("visit", "opened_at", e.Visit.opened_at),
    ("visit", "first_answer_at", e.Visit.first_answer_at),
    ("visit", "waiting_for_user_since", e.Visit.waiting_for_user_since),
    ("visit", "closed_at", e.Visit.closed_at),
    ("visit", "closed_by_auto", e.Visit.closed_by_auto),
    ("consultation", "is_draft", e.Consultation.is_draft),
)


def _v3_officer_workspace(db: pw.Database) -> None:
    """Online-consultation columns on ``visit``, the draft flag of a consultation record, and
    the full-text index over consultation records.

    Step 1 creates its tables from the current models, so on a fresh database the columns are
    there already; on an older database they are added here (``_add_columns``).  The full-text
    index is SQL: ``playhouse.migrate`` has no FTS5 table, trigger or expression index.
    """
    sqlite = isinstance(db, pw.SqliteDatabase)
    _add_columns(db, [(table, field) for table, _column, field in _V3_COLUMNS])
    _add_index(
        db, "visit", ["office_id", "online_status", "waiting_for_user_since"], name=ONLINE_INDEX
    )
    if sqlite:
        db.execute_sql(
            f'CREATE VIRTUAL TABLE "{FTS_TABLE}" USING fts5(topic, question, answer, '
            "content='consultation', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        new = "new.id, new.topic, new.question, new.answer"
        old = "'delete', old.id, old.topic, old.question, old.answer"
        columns = f'"{FTS_TABLE}"(rowid, topic, question, answer)'
        db.execute_sql(
            f'CREATE TRIGGER "{FTS_TABLE}_ai" AFTER INSERT ON consultation BEGIN '
            f"INSERT INTO {columns} VALUES ({new}); END"
        )
        db.execute_sql(
            f'CREATE TRIGGER "{FTS_TABLE}_ad" AFTER DELETE ON consultation BEGIN '
            f'INSERT INTO "{FTS_TABLE}"("{FTS_TABLE}", rowid, topic, question, answer) '
            f"VALUES ({old}); END"
        )
        db.execute_sql(
            f'CREATE TRIGGER "{FTS_TABLE}_au" AFTER UPDATE OF topic, question, answer '
            f"ON consultation BEGIN "
            f'INSERT INTO "{FTS_TABLE}"("{FTS_TABLE}", rowid, topic, question, answer) '
            f"VALUES ({old}); INSERT INTO {columns} VALUES ({new}); END"
        )
        db.execute_sql(f'INSERT INTO "{FTS_TABLE}"("{FTS_TABLE}") VALUES (\'rebuild\')')
    else:
        db.execute_sql(
            f'CREATE INDEX IF NOT EXISTS "{FTS_INDEX}" ON "consultation" '
            f"USING GIN (({PG_FTS_DOCUMENT}))"
        )


def _v4_ikm_survey(db: pw.Database) -> None:
    """The 9-element IKM survey responses (PermenPANRB 14/2017) for the reports."""
    _create_tables(db, [e.IkmResponse])


def _v5_office_settings(db: pw.Database) -> None:
    """Office-wide settings the admin edits (rating question and scale, board running text)."""
    _create_tables(db, [e.OfficeSetting])


def _v6_session_version(db: pw.Database) -> None:
    """``user_account.session_version``: bumped by deactivation, a role change or a password
    reset; a session signed in with an older version is refused
    (``pst_desktop.sop.permissions``)."""
    _add_columns(db, [("user_account", e.UserAccount.session_version)])


#: the guest-book search index: SQLite FTS5 trigram table over name, e-mail and phone
VISITOR_FTS_TABLE = "visitor_fts"
#: PostgreSQL pg_trgm GIN indexes: (index name, indexed expression); ``registration.find``
#: filters by exactly these expressions
VISITOR_TRGM_INDEXES = (
    ("visitor_name_trgm", 'lower("name")'),
    ("visitor_email_trgm", 'lower("email")'),
    ("visitor_phone_trgm", '"phone"'),
)


def _v7_guest_book_search(db: pw.Database) -> None:
    """An index for the guest-book search (any part of the name or phone, the start of the
    e-mail): an FTS5 trigram table on SQLite; pg_trgm GIN indexes on PostgreSQL.

    Without it the search read every visitor (0.3 s at 210k on each pause in typing).  Where the
    trigram tokenizer (SQLite < 3.34) or the pg_trgm extension is not available the step leaves
    the search as it was (slower, same rows) and says so in the log."""
    log = logging.getLogger(__name__)
    if isinstance(db, pw.SqliteDatabase):
        try:
            with db.atomic():
                db.execute_sql(
                    f'CREATE VIRTUAL TABLE "{VISITOR_FTS_TABLE}" USING fts5(name, email, phone, '
                    "content='visitor', content_rowid='id', tokenize='trigram')"
                )
        except pw.OperationalError as exc:  # pragma: no cover - SQLite older than 3.34
            log.warning("guest-book search index not created (%s); searching without it", exc)
            return
        t = VISITOR_FTS_TABLE
        new = "new.id, new.name, new.email, new.phone"
        old = "'delete', old.id, old.name, old.email, old.phone"
        db.execute_sql(
            f'CREATE TRIGGER "{t}_ai" AFTER INSERT ON visitor BEGIN '
            f'INSERT INTO "{t}"(rowid, name, email, phone) VALUES ({new}); END'
        )
        db.execute_sql(
            f'CREATE TRIGGER "{t}_ad" AFTER DELETE ON visitor BEGIN '
            f'INSERT INTO "{t}"("{t}", rowid, name, email, phone) VALUES ({old}); END'
        )
        db.execute_sql(
            f'CREATE TRIGGER "{t}_au" AFTER UPDATE OF name, email, phone ON visitor BEGIN '
            f'INSERT INTO "{t}"("{t}", rowid, name, email, phone) VALUES ({old}); '
            f'INSERT INTO "{t}"(rowid, name, email, phone) VALUES ({new}); END'
        )
        db.execute_sql(f'INSERT INTO "{t}"("{t}") VALUES (\'rebuild\')')
        return
    schema = _pg_trgm_schema(db)
    if schema is None:
        return
    for name, expression in VISITOR_TRGM_INDEXES:
        db.execute_sql(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "visitor" '
            f'USING GIN (({expression}) "{schema}".gin_trgm_ops)'
        )


def _v8_open_tickets_index(db: pw.Database) -> None:
    """An index on (office, status, day) for the day-end check that every F9 and F2 makes
    (``QueueService._close_earlier_days``: any ticket of an earlier day still open?).

    With only (office, day, status) SQLite read a whole year of visits for it: 31-72 ms of
    each F9 on the GUI thread; with this index 0.1 ms.  Named as peewee names the model's
    index, which step 1 makes on a fresh database."""
    _add_index(db, "visit", ["office_id", "status", "day"], name="visit_office_id_status_day")


#: the SKD attributes a new database starts with (code, Indonesian, English): the service
#: quality and anti-corruption attributes BPS offices score in the SKD, 1–10 for importance and
#: for satisfaction; the admin edits them (``pst_desktop.admin.survey_settings``)
SKD_DEFAULT_ATTRIBUTES: tuple[tuple[str, str, str], ...] = (
    (
        "skd01",
        "Informasi pelayanan tersedia melalui media elektronik maupun nonelektronik",
        "Information on the service is available in electronic and printed media",
    ),
    (
        "skd02",
        "Persyaratan pelayanan mudah dipenuhi",
        "The service's requirements are easy to meet",
    ),
    (
        "skd03",
        "Prosedur/alur pelayanan mudah diikuti",
        "The service's procedure is easy to follow",
    ),
    (
        "skd04",
        "Jangka waktu penyelesaian pelayanan sesuai dengan yang ditetapkan",
        "The service is completed within the time set for it",
    ),
    (
        "skd05",
        "Biaya pelayanan sesuai dengan biaya yang ditetapkan",
        "What the service costs is what was set",
    ),
    (
        "skd06",
        "Produk pelayanan yang diterima sesuai dengan yang ditetapkan",
        "What the service delivered is what it promises",
    ),
    (
        "skd07",
        "Sarana dan prasarana pendukung pelayanan memberikan kenyamanan",
        "The facilities make the visit comfortable",
    ),
    ("skd08", "Data BPS mudah dicari dan diakses", "BPS data are easy to find and to get"),
    (
        "skd09",
        "Petugas pelayanan atau aplikasi pelayanan daring merespons dengan baik",
        "The staff or the online service respond well",
    ),
    (
        "skd10",
        "Petugas pelayanan atau aplikasi pelayanan daring memberikan informasi yang jelas",
        "The staff or the online service give clear information",
    ),
    ("skd11", "Fasilitas pengaduan mudah diketahui", "It is easy to find where to complain"),
    (
        "skd12",
        "Penanganan pengaduan jelas dan tidak berbelit-belit",
        "Complaints are handled clearly and simply",
    ),
    ("skd13", "Tidak ada diskriminasi dalam pelayanan", "No one is treated unfairly"),
    (
        "skd14",
        "Tidak ada pelayanan di luar prosedur atau kecurangan",
        "There is no service outside the procedure, no cheating",
    ),
    ("skd15", "Tidak ada penerimaan gratifikasi", "No gifts are taken"),
    (
        "skd16",
        "Tidak ada pungutan liar atau percaloan",
        "There are no unofficial fees and no brokers",
    ),
)
IKM_RESPONSE_ELEMENTS = 9


def _v9_visitor_surveys(db: pw.Database) -> None:
    """The visitor's voice: which survey runs (``survey_plan``), the SKD attributes (seeded),
    survey responses and their answers (IKM and SKD, one answer a row so that an abandoned
    response keeps what was answered), the reasons after a low rating, complaints, and
    follow-ups with their deadlines.

    The IKM responses of step 4 (``ikm_response``, 9 score columns) move into the new tables as
    instrument "ikm" with their channel not recorded (""), and leave ``ikm_response`` (kept,
    empty, for backups made before this step: a restore brings them here again)."""
    _create_tables(db, e.TABLES_V9)
    e.SkdAttribute.insert_many(
        [
            {"code": code, "label_id": label_id, "label_en": label_en, "sort_order": order}
            for order, (code, label_id, label_en) in enumerate(SKD_DEFAULT_ATTRIBUTES)
        ]
    ).execute(db)
    move_ikm_responses(db)


#: the columns step 10 adds to ``visit``: a ticket's priority and how its call was made
_V10_COLUMNS = (
    ("visit", e.Visit.priority),
    ("visit", e.Visit.priority_note),
    ("visit", e.Visit.call_reason),
    ("visit", e.Visit.call_seq),
    ("visit", e.Visit.call_assist),
)


def _v10_fair_queue(db: pw.Database) -> None:
    """A fair queue: a ticket's priority and its reason (disability, elderly,
    pregnant, with a small child, other), why "call next" took it and its place among the day's
    calls (the rule that lets priority tickets go first but never starves the others), whether
    its call needs the board's flash and repeat (a sensory disability); and desks that open and
    close: each desk's state now (open, on a break with a reason and an expected return,
    closed) with the latest sign of life of its officer's window, and the log of its changes
    for the day report.  A desk without a state row is open, as every desk was before."""
    _add_columns(db, _V10_COLUMNS)
    _create_tables(db, e.TABLES_V10)


def _v11_visit_services(db: pw.Database) -> None:
    """One visit, several services: the services a visit carries in order (the receptionist
    ticks several), each pending, in service or done with who delivered it, where and when; the
    officer hands the visit on to the next one, which takes it in its queue by the time its
    ticket was first issued."""
    _create_tables(db, e.TABLES_V11)


def move_ikm_responses(db: pw.Database) -> int:
    """Move the rows of ``ikm_response`` (step 4) into ``survey_response`` / ``survey_answer``;
    returns how many.  Step 9 does it once; a restore of a backup made before step 9 into a
    database already past it must do it again (its rows land in ``ikm_response``)."""
    old = e.IkmResponse
    moved = 0
    for row in old.select().order_by(old.id).execute(db):
        moved += 1
        response_id = e.SurveyResponse.insert(
            office=row.office_id,
            visit=row.visit_id,
            instrument=e.SurveyInstrument.IKM.value,
            channel="",
            day=row.day,
            key=f"ikm-response-{row.id}",
            created_at=row.created_at,
        ).execute(db)
        e.SurveyAnswer.insert_many(
            [
                {
                    "response": response_id,
                    "item": f"U{i}",
                    "aspect": "score",
                    "value": getattr(row, f"u{i}"),
                    "answered_at": row.created_at,
                }
                for i in range(1, IKM_RESPONSE_ELEMENTS + 1)
            ]
        ).execute(db)
    old.delete().execute(db)
    return moved


def _pg_trgm_schema(db: pw.Database) -> str | None:
    """The schema holding pg_trgm, created in ``public`` when missing (a trusted extension since
    PostgreSQL 13: the database owner or a user with CREATE on it may); None when it cannot be
    had.  Never in the office's own schema: dropping that schema would take the extension, and
    every index on it in other schemas, along."""
    log = logging.getLogger(__name__)
    found = db.execute_sql(
        "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'"
    ).fetchone()
    if found:
        return found[0].strip('"')
    try:
        with db.atomic():  # a savepoint: a refusal must not end the upgrade's transaction
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
    except pw.DatabaseError as exc:
        found = db.execute_sql(  # another database's upgrader may have made it meanwhile
            "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'"
        ).fetchone()
        if found:
            return found[0].strip('"')
        first = str(exc).strip().splitlines()
        log.warning(
            "guest-book search index not created: pg_trgm is not available (%s); searching "
            "without it. A database superuser can run CREATE EXTENSION pg_trgm SCHEMA public",
            first[0] if first else type(exc).__name__,
        )
        return None
    return "public"


STEPS: list[Step] = [
    Step(
        1,
        "core tables: office, services, desks, accounts, visitors, visits, ratings",
        _v1_core_tables,
    ),
    Step(2, "guest-book lists (SKD categories) as editable data", _v2_guest_book_lists),
    Step(
        3,
        "officer workspace: online consultations, consultation drafts, full-text search",
        _v3_officer_workspace,
    ),
    Step(4, "IKM survey responses (9 elements, PermenPANRB 14/2017)", _v4_ikm_survey),
    Step(
        5,
        "office-wide settings: rating question and scale, board running text",
        _v5_office_settings,
    ),
    Step(6, "account session version: an admin's change ends open sessions", _v6_session_version),
    Step(7, "guest-book search index (trigram)", _v7_guest_book_search),
    Step(8, "index for open tickets of earlier days", _v8_open_tickets_index),
    Step(
        9,
        "visitor surveys (IKM, SKD), rating reasons, complaints and follow-ups",
        _v9_visitor_surveys,
    ),
    Step(
        10,
        "fair queue: ticket priority and call reasons; desk states and their log",
        _v10_fair_queue,
    ),
    Step(11, "one visit, several services: the services of a visit in order", _v11_visit_services),
]
LATEST = STEPS[-1].version


def current_version(db: pw.Database) -> int:
    """The schema version of ``db``; 0 for an empty database.  ``db`` need not be the database
    the models are bound to (a backup file, the setup wizard's test connection)."""
    if not db.table_exists(e.SchemaVersion._meta.table_name):
        return 0
    row = e.SchemaVersion.select(pw.fn.MAX(e.SchemaVersion.version)).scalar(db)
    return int(row or 0)


def backup_sqlite(db: pw.SqliteDatabase, target: Path) -> Path:
    """Copy the SQLite database into ``target`` (replacing its content) with SQLite's backup
    API: consistent even while other connections write (WAL)."""
    dest = sqlite3.connect(str(target))
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    return target


def _backup_before_upgrade(db: pw.SqliteDatabase, label: str) -> Path | None:
    """``pst.db.before-v3-20261124T101500.bak`` beside the file; None for ``:memory:``."""
    if db.database == ":memory:":
        return None
    source = Path(db.database)
    stamp = _utcnow().strftime("%Y%m%dT%H%M%S")
    return backup_sqlite(db, source.with_name(f"{source.name}.{label}-{stamp}.bak"))


def upgrade(db: pw.Database, target: int = LATEST, backup: bool = True) -> list[int]:
    """Apply the missing steps up to ``target``; returns the versions applied."""
    if target > LATEST:
        raise ValueError(f"unknown schema version {target}; this program knows up to {LATEST}")
    with db.connection_context() if db.is_closed() else contextlib.nullcontext():
        # an up-to-date database needs no DDL and no lock: staff and kiosk roles may not create
        # tables, and every station of an office checks this at start
        if current_version(db) == target:
            return []
        with _upgrade_lock(db):
            return _upgrade_locked(db, target, backup)


@contextlib.contextmanager
def _upgrade_lock(db: pw.Database) -> Iterator[None]:
    """One upgrader at a time, taken before anything is read or created: two stations starting
    at the same moment on a fresh PostgreSQL database both found no ``schema_version`` table and
    both created it (``duplicate key … pg_type_typname_nsp_index``).  SQLite: the version table
    is created in an IMMEDIATE transaction and each step re-checks the version in its own."""
    if isinstance(db, pw.SqliteDatabase):
        yield
        return
    outer = db.in_transaction()  # a restore upgrades inside its own transaction: keep it
    db.execute_sql(f"SELECT pg_advisory_lock({_LOCK_KEYS})")
    try:
        yield
    finally:
        if db.in_transaction() and not outer:  # pragma: no cover - every step's has ended
            db.rollback()
        db.execute_sql(f"SELECT pg_advisory_unlock({_LOCK_KEYS})")


def _upgrade_locked(db: pw.Database, target: int, backup: bool) -> list[int]:
    if not db.table_exists(e.SchemaVersion._meta.table_name):
        with write_transaction(db):
            _create_tables(db, [e.SchemaVersion], safe=True)
    version = current_version(db)
    if version > LATEST:
        raise RuntimeError(
            f"the database is at schema version {version}, newer than this program "
            f"({LATEST}); install the newer PST Desktop on this PC"
        )
    pending = [s for s in STEPS if version < s.version <= target]
    if pending and version > 0 and backup and isinstance(db, pw.SqliteDatabase):
        _backup_before_upgrade(db, f"before-v{pending[0].version}")
    applied = []
    for step in pending:
        with write_transaction(db):
            if current_version(db) >= step.version:  # another PC did it meanwhile
                continue
            step.apply(db)
            e.SchemaVersion.insert(
                version=step.version, description=step.description, applied_at=_utcnow()
            ).execute(db)
        applied.append(step.version)
    if applied:
        logging.getLogger(__name__).info("schema upgraded from v%d to v%d", version, applied[-1])
    return applied
