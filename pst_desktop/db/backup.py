"""``pst-desktop db backup FILE`` and ``db restore FILE``.

Two kinds of backup file:
- **SQLite copy** (the default on SQLite): the database file copied with SQLite's backup API,
  consistent even while other connections write (WAL).  Open it with any SQLite tool.
- **Portable dump** (always on PostgreSQL; ``--portable`` on SQLite): a zip holding
  ``manifest.json`` (format, schema version, program version, row counts) and one JSON-lines
  file per table, written table by table in foreign-key order inside one repeatable-read
  snapshot.  Times are ISO 8601 (UTC), dates ``YYYY-MM-DD``, blobs (the office logo) base64.
  No ``pg_dump`` is needed, and the dump restores into either database.

``restore`` goes into an empty database (no schema yet, or only the rows the schema steps seed):
a database with data is refused unless ``force`` is given, which replaces its data.  The schema
is first brought to the backup's version, the rows are inserted with their ids, PostgreSQL's id
sequences are moved past the highest id, and the schema is then upgraded to this program's
version.  A SQLite copy restores into SQLite (backup API) or into PostgreSQL (row by row).
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import logging
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models import entities as e
from models import migrations
from models.database import write_transaction
from pst_desktop import __version__
from pst_desktop.core.clock import SystemClock
from pst_desktop.core.errors import DatabaseTrouble, first_line
from pst_desktop.core.text import max_length

logger = logging.getLogger(__name__)

FORMAT = "pst-desktop-dump"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_HEADER = b"SQLite format 3\x00"
BATCH = 500

# every table a backup holds, parents before children (``schema_version`` is not data: the
# manifest carries the version)
TABLES: list[type[pw.Model]] = list(e.ALL_TABLES)
# tables a fresh schema fills by itself (step 2 seeds the guest-book lists, step 9 the SKD
# attributes)
SEEDED = {e.CategoryOption._meta.table_name, e.SkdAttribute._meta.table_name}
#: the schema step that moved the IKM responses of step 4 into the survey tables
IKM_MOVED_AT = 9


class BackupError(RuntimeError):
    """A backup or restore refused or failed; the message is one plain line."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    kind: str  # "sqlite" or "portable"
    schema_version: int
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


# -- values ---------------------------------------------------------------------------------
def _to_json(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return {"b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _from_json(field: pw.Field, value):
    if value is None:
        return None
    if isinstance(field, pw.BlobField):
        return base64.b64decode(value["b64"])
    if isinstance(field, pw.DateTimeField):
        moment = dt.datetime.fromisoformat(value)
        return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment
    if isinstance(field, pw.DateField):
        return dt.date.fromisoformat(value)
    if isinstance(field, pw.TimeField):
        return dt.time.fromisoformat(value)
    return value


def _fields(model: type[pw.Model], columns: set[str] | None = None) -> list[pw.Field]:
    fields = list(model._meta.sorted_fields)
    if columns is not None:
        fields = [f for f in fields if f.column_name in columns]
    return fields


def _read_rows(
    db: pw.Database, model: type[pw.Model]
) -> tuple[list[pw.Field], Iterator[list[object]]]:
    """The rows of ``model``'s table in ``db`` (any database, bound or not), by id, as Python
    values; only the columns the table has (an older schema may lack some)."""
    table = model._meta.table_name
    fields = _fields(model, {c.name for c in db.get_columns(table)})
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    cursor = db.execute_sql(f'SELECT {columns} FROM "{table}" ORDER BY "id"')

    def rows() -> Iterator[list[object]]:
        for raw in cursor:
            yield [f.python_value(v) for f, v in zip(fields, raw, strict=True)]

    return fields, rows()


# -- backup ---------------------------------------------------------------------------------
def backup(db: pw.Database, target: Path, portable: bool = False) -> BackupResult:
    """Write a backup of ``db`` to ``target`` (replaced atomically when it exists)."""
    target = Path(target)
    if not target.parent.is_dir():
        raise BackupError(
            QCoreApplication.translate("Backup", "The folder {folder} does not exist.").format(
                folder=target.parent
            )
        )
    version = migrations.current_version(db)
    if version == 0:
        raise BackupError(
            QCoreApplication.translate(
                "Backup", "The database has no schema yet: nothing to back up."
            )
        )
    fd, temp_name = tempfile.mkstemp(prefix=".pst-backup-", dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        if isinstance(db, pw.SqliteDatabase) and not portable:
            temp.unlink(missing_ok=True)
            migrations.backup_sqlite(db, temp)
            rows = _count_file_rows(temp)
            kind = "sqlite"
        else:
            rows = _backup_portable(db, temp, version)
            kind = "portable"
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return BackupResult(target, kind, version, rows)


def _count_rows(db: pw.Database) -> dict[str, int]:
    counts = {}
    for model in TABLES:
        table = model._meta.table_name
        if db.table_exists(table):
            counts[table] = db.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    return counts


def _count_file_rows(path: Path) -> dict[str, int]:
    """The row counts of the SQLite file ``path`` (a backup just written)."""
    copy = pw.SqliteDatabase(str(path))
    try:
        return _count_rows(copy)
    finally:
        copy.close()


def _backup_portable(db: pw.Database, temp: Path, version: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    with db.atomic():
        if not isinstance(db, pw.SqliteDatabase):  # one consistent snapshot of every table
            db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
            for model in TABLES:
                table = model._meta.table_name
                if not db.table_exists(table):
                    continue
                fields, rows = _read_rows(db, model)
                names = [f.column_name for f in fields]
                count = 0
                with (
                    archive.open(f"tables/{table}.jsonl", "w") as raw,
                    io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as out,
                ):
                    out.write(json.dumps({"columns": names}) + "\n")
                    for row in rows:
                        out.write(json.dumps([_to_json(v) for v in row], ensure_ascii=False))
                        out.write("\n")
                        count += 1
                counts[table] = count
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "schema_version": version,
                "program_version": __version__,
                "source": "sqlite" if isinstance(db, pw.SqliteDatabase) else "postgresql",
                "created_at": SystemClock().now().isoformat(timespec="seconds"),
                "tables": list(counts),
                "rows": counts,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
    return counts


# -- restore --------------------------------------------------------------------------------
TableSource = Callable[[], tuple[list[pw.Field], Iterator[list[object]]]]


def has_data(db: pw.Database) -> bool:
    """True when ``db`` holds any row a restore would replace (seeded lists do not count)."""
    if migrations.current_version(db) == 0:
        return False
    return any(count and table not in SEEDED for table, count in _count_rows(db).items())


def restore(db: pw.Database, source: Path, force: bool = False) -> BackupResult:
    """Restore the backup ``source`` into ``db`` (bound to the models); see the module doc."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(
            QCoreApplication.translate("Backup", "There is no backup file {path}.").format(
                path=source
            )
        )
    with source.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header == SQLITE_HEADER:
        return _restore_sqlite_copy(db, source, force)
    if not zipfile.is_zipfile(source):
        raise BackupError(
            QCoreApplication.translate(
                "Backup", "{path} is not a PST Desktop backup (neither SQLite nor a dump)."
            ).format(path=source)
        )
    return _restore_portable(db, source, force)


def _check_target(db: pw.Database, version: int, force: bool) -> None:
    if version > migrations.LATEST:
        raise BackupError(
            QCoreApplication.translate(
                "Backup",
                "The backup has schema version {version}, newer than this program ({latest}); "
                "install the newer PST Desktop first.",
            ).format(version=version, latest=migrations.LATEST)
        )
    if version < 1:
        raise BackupError(QCoreApplication.translate("Backup", "The backup holds no schema."))
    if not force and has_data(db):
        raise BackupError(
            QCoreApplication.translate(
                "Backup",
                "The database already holds data; restore into an empty database, or add "
                "--force to replace its data.",
            )
        )


def _restore_sqlite_copy(db: pw.Database, source: Path, force: bool) -> BackupResult:
    copy = pw.SqliteDatabase(str(source))
    try:
        try:
            version = migrations.current_version(copy)
        except pw.DatabaseError as exc:
            raise BackupError(
                QCoreApplication.translate("Backup", "{path} cannot be read: {error}").format(
                    path=source, error=exc
                )
            ) from exc
        _check_target(db, version, force)
        if isinstance(db, pw.SqliteDatabase) and db.database != ":memory:":
            src = sqlite3.connect(str(source))
            try:
                src.backup(db.connection())
            finally:
                src.close()
            rows = _count_rows(db)
        else:
            tables = {
                m._meta.table_name: (lambda m=m: _read_rows(copy, m))
                for m in TABLES
                if copy.table_exists(m._meta.table_name)
            }
            rows = _load(db, version, tables)
    finally:
        copy.close()
    if isinstance(db, pw.SqliteDatabase) and db.database != ":memory:":
        migrations.upgrade(db, backup=False)
    return BackupResult(source, "sqlite", version, rows)


def _restore_portable(db: pw.Database, source: Path, force: bool) -> BackupResult:
    with zipfile.ZipFile(source) as archive:
        try:
            manifest = json.loads(archive.read(MANIFEST))
        except (KeyError, ValueError) as exc:
            raise BackupError(
                QCoreApplication.translate(
                    "Backup", "{path} is not a PST Desktop backup (no manifest)."
                ).format(path=source)
            ) from exc
        if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
            raise BackupError(
                QCoreApplication.translate(
                    "Backup", "{path} is a backup format this program does not know."
                ).format(path=source)
            )
        version = int(manifest["schema_version"])
        _check_target(db, version, force)
        models = {m._meta.table_name: m for m in TABLES}

        def reader(model: type[pw.Model]) -> TableSource:
            def read() -> tuple[list[pw.Field], Iterator[list[object]]]:
                table = model._meta.table_name
                text = io.TextIOWrapper(
                    archive.open(f"tables/{table}.jsonl"), encoding="utf-8", newline="\n"
                )
                header = json.loads(text.readline())
                by_column = {f.column_name: f for f in model._meta.sorted_fields}
                unknown = [c for c in header["columns"] if c not in by_column]
                if unknown:
                    raise BackupError(f"table {table}: unknown columns {', '.join(unknown)}")
                fields = [by_column[c] for c in header["columns"]]

                def rows() -> Iterator[list[object]]:
                    with text:
                        for line in text:
                            values = json.loads(line)
                            yield [_from_json(f, v) for f, v in zip(fields, values, strict=True)]

                return fields, rows()

            return read

        tables = {t: reader(models[t]) for t in manifest["tables"] if t in models}
        expected = {t: int(n) for t, n in manifest.get("rows", {}).items()}
        rows = _load(db, version, tables, expected)
    return BackupResult(source, "portable", version, rows)


def _fitting(fields: list[pw.Field]) -> Callable[[list[object]], list[object]]:
    """What makes a stored row fit the target's columns: PostgreSQL refuses a NUL character
    and a text longer than its ``VARCHAR(n)``, which SQLite stored for older versions of this
    program.  Other values pass unchanged."""
    kinds = pw.CharField | pw.TextField
    text = [(i, max_length(f)) for i, f in enumerate(fields) if isinstance(f, kinds)]

    def fit(row: list[object]) -> list[object]:
        for i, limit in text:
            value = row[i]
            if isinstance(value, str):
                fitted = value.replace("\x00", "")
                if limit is not None and len(fitted) > limit:
                    fitted = fitted[:limit]
                if fitted != value:
                    row = list(row)
                    row[i] = fitted
        return row

    return fit


def _load(
    db: pw.Database,
    version: int,
    tables: dict[str, TableSource],
    expected: dict[str, int] | None = None,
) -> dict[str, int]:
    """In one transaction: bring ``db`` to schema ``version``, replace the rows of ``tables``,
    move PostgreSQL's sequences past the restored ids, and upgrade to this program's schema.

    Any failure rolls everything back (PostgreSQL and SQLite both undo schema changes in a
    transaction), so the target is left as it was, and is reported as one line."""
    order = [m for m in TABLES if m._meta.table_name in tables]
    counts: dict[str, int] = {}
    fitted: dict[str, int] = {}
    try:
        with write_transaction(db):
            if migrations.current_version(db) < version:
                migrations.upgrade(db, target=version, backup=False)
            for model in reversed(order):
                db.execute_sql(f'DELETE FROM "{model._meta.table_name}"')
            for model in order:
                table = model._meta.table_name
                fields, rows = tables[table]()
                fit = _fitting(fields)
                count = 0
                batch: list[list[object]] = []
                for row in rows:
                    fixed = fit(row)
                    if fixed is not row:
                        fitted[table] = fitted.get(table, 0) + 1
                    batch.append(fixed)
                    if len(batch) >= BATCH:
                        model.insert_many(batch, fields=fields).execute(db)
                        count += len(batch)
                        batch = []
                if batch:
                    model.insert_many(batch, fields=fields).execute(db)
                    count += len(batch)
                counts[table] = count
            if not isinstance(db, pw.SqliteDatabase):
                for model in order:
                    table = model._meta.table_name
                    db.execute_sql(
                        f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                        f'COALESCE(MAX("id"), 1), MAX("id") IS NOT NULL) FROM "{table}"'
                    )
            if expected and any(counts.get(t) != n for t, n in expected.items()):
                raise BackupError(
                    QCoreApplication.translate(
                        "Backup",
                        "The restored row counts differ from the backup's; nothing was changed.",
                    )
                )
            if version < IKM_MOVED_AT <= migrations.current_version(db):
                # a backup made before the move, into a database past it: its IKM responses
                # landed in the old table, where no report reads them
                migrations.move_ikm_responses(db)
            migrations.upgrade(db, backup=False)
    except (pw.DatabaseError, pw.InterfaceError, DatabaseTrouble) as exc:
        reason = str(exc) if isinstance(exc, DatabaseTrouble) else first_line(exc)
        raise BackupError(
            QCoreApplication.translate(
                "Backup", "The restore failed and changed nothing: {reason}"
            ).format(reason=reason)
        ) from exc
    for table, n in fitted.items():  # counts only: the values may be personal data
        logger.warning("restore: %d row(s) of %s had a NUL or an over-long text fitted", n, table)
    return counts
