"""What the benchmark scripts share: throwaway databases, an office to work in, tables."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as ``python bench/<name>.py`` from anywhere
    sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
WIB = ZoneInfo("Asia/Jakarta")
#: Tuesday 24 November 2026, 10:00 WIB: a working day, inside service hours
BENCH_MOMENT = dt.datetime(2026, 11, 24, 10, 0, tzinfo=WIB)


def pg_base_url(cli_value: str | None) -> str:
    return cli_value or os.environ.get("PST_TEST_DATABASE_URL") or DEFAULT_PG_URL


def with_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}schema={schema}"


@contextlib.contextmanager
def pg_schema(base_url: str) -> Iterator[tuple[str, str]]:
    """A fresh schema ``bench_…``, dropped afterwards; yields (app URL, schema name)."""
    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield with_schema(base_url, schema), schema
    finally:
        with psycopg.connect(base_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@contextlib.contextmanager
def sqlite_file() -> Iterator[tuple[str, Path]]:
    """A temp SQLite file (removed afterwards); yields (app URL, path)."""
    folder = Path(tempfile.mkdtemp(prefix="pst-bench-"))
    path = folder / "pst.db"
    try:
        yield "sqlite:///" + str(path), path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def pg_connect(base_url: str, schema: str) -> psycopg.Connection:
    """A bare psycopg connection with ``search_path`` on the bench schema."""
    return psycopg.connect(base_url, options=f"-c search_path={schema}")


@dataclass(frozen=True)
class BenchOffice:
    office_id: int
    receptionist_ids: list[int]
    officer_ids: list[int]
    desk_ids: list[int]
    service_ids: list[int]
    visitor_ids: list[int]


def set_up_office(url: str, receptionists: int = 1, officers: int = 0) -> BenchOffice:
    """Open ``url`` (creating the schema), and add an office with staff, desks and visitors.

    Each officer gets a desk of their own; every desk serves every service.
    """
    from models.entities import Desk, Role, ServiceType
    from pst_desktop.admin.accounts import AccountService, actor_for
    from pst_desktop.admin.office_setup import create_office
    from pst_desktop.core.clock import FixedClock
    from pst_desktop.db.connection import open_database
    from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm

    clock = FixedClock(BENCH_MOMENT)
    db = open_database(url)
    try:
        office = create_office(clock, desks=max(1, officers))
        accounts = AccountService(clock)
        admin = actor_for(accounts.create_first_admin(office.id, "admin", "Admin", "rahasia-admin"))
        recs = [
            accounts.create(admin, f"rec{i}", f"Resepsionis {i}", Role.RECEPTIONIST, "rahasia-123")
            for i in range(receptionists)
        ]
        offs = [
            accounts.create(admin, f"off{i}", f"Petugas {i}", Role.OFFICER, "rahasia-123").id
            for i in range(officers)
        ]
        desks = [d.id for d in Desk.select().where(Desk.office == office.id).order_by(Desk.id)]
        services = [
            s.id
            for s in ServiceType.select()
            .where(ServiceType.office == office.id)
            .order_by(ServiceType.sort_order)
        ]
        registration = RegistrationService(clock)
        visitors = [
            registration.register(
                actor_for(recs[0]),
                VisitorForm(
                    name=f"Tamu {i}", email=f"tamu{i}@example.com", gender="male", consent=True
                ),
            ).id
            for i in range(5)
        ]
    finally:
        db.close()
    return BenchOffice(office.id, [r.id for r in recs], offs, desks, services, visitors)


class QueryCounter(logging.Handler):
    """Counts the SQL statements peewee logs (logger ``peewee``, level DEBUG)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.msg
        self.statements.append(str(msg[0]) if isinstance(msg, tuple) else str(msg))

    @contextlib.contextmanager
    def counting(self) -> Iterator[list[str]]:
        logger = logging.getLogger("peewee")
        old_level = logger.level
        self.statements = []
        logger.addHandler(self)
        logger.setLevel(logging.DEBUG)
        try:
            yield self.statements
        finally:
            logger.removeHandler(self)
            logger.setLevel(old_level)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (``pct`` in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain fixed-width table; numbers right-aligned."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            return f"{value:,.2f}"
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}"
        return str(value)

    texts = [[cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in texts)) for i, h in enumerate(headers)]
    numeric = [all(isinstance(row[i], int | float) for row in rows) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    print(line(list(headers)))
    print("  ".join("-" * w for w in widths))
    for row in texts:
        print(line(row))


def demo_office(url: str, days: int, per_day: int, end: dt.date) -> None:
    """Fill ``url`` with the demo office (``pst-desktop demo-data``), ending on ``end``."""
    subprocess.run(
        [sys.executable, "-m", "pst_desktop", "--db", url, "demo-data", "--days", str(days),
         "--visits-per-day", str(per_day), "--end", end.isoformat()],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
