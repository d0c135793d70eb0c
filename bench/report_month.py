"""How long does a month's report take over a year of visits?  Target: ≤ 2 s.

    python bench/report_month.py                          # SQLite: build a year, then measure
    python bench/report_month.py --db sqlite:////tmp/year.db    # reuse (or build once) a file
    python bench/report_month.py --postgres               # the same on PostgreSQL (a bench schema)

The database holds ``demo.generate(days=250, visits_per_day=1000, seed=1)`` (a year of working
days, ~250k visits) ending on 2026-11-24 (the demo's fixed clock), plus 600 IKM survey responses
in the month, so the report has every section.  Timed: ``build_report`` for 1–30 November 2026
(each of its queries), ``render_report_pdf``, and the XLSX export; best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import BENCH_MOMENT, pg_base_url, pg_schema

FIRST = dt.date(2026, 11, 1)
LAST = dt.date(2026, 11, 30)
END = dt.date(2026, 11, 24)


def prepare(url: str, days: int, per_day: int) -> None:
    from models.entities import SurveyInstrument, SurveyResponse, Visit
    from pst_desktop import demo
    from pst_desktop.admin.office_setup import first_office
    from pst_desktop.core.clock import FixedClock
    from pst_desktop.db.connection import open_database
    from pst_desktop.reporting.ikm import IkmService

    open_database(url)
    clock = FixedClock(BENCH_MOMENT)
    if Visit.select().count() == 0:
        started = time.perf_counter()
        summary = demo.generate(days=days, seed=1, visits_per_day=per_day, end=END, clock=clock)
        print(f"built: {summary.visits:,} visits in {time.perf_counter() - started:.1f} s")
    office = first_office()
    ikm = SurveyResponse.select().where(SurveyResponse.instrument == SurveyInstrument.IKM.value)
    if ikm.count() == 0:
        rng = random.Random(1)
        service = IkmService(clock)
        for i in range(600):
            scores = [min(4, max(1, round(rng.gauss(3.3, 0.6)))) for _ in range(9)]
            service.record(office.id, scores, day=FIRST + dt.timedelta(days=i % 24))
    print(f"database: {Visit.select().count():,} visits, {ikm.count()} IKM responses")


def measure(url: str, repeat: int) -> dict[str, float]:
    from pst_desktop.admin.office_setup import first_office
    from pst_desktop.core.clock import FixedClock
    from pst_desktop.db.connection import open_database
    from pst_desktop.reporting.pdf import render_report_pdf
    from pst_desktop.reporting.reports import build_report
    from pst_desktop.reporting.xlsx import export_report_xlsx

    open_database(url)
    office = first_office()
    clock = FixedClock(BENCH_MOMENT)
    runs: dict[str, list[float]] = {}
    pdf = b""
    data = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        data = build_report(office.id, FIRST, LAST, clock=clock)
        t1 = time.perf_counter()
        pdf = render_report_pdf(data)
        t2 = time.perf_counter()
        runs.setdefault("build_report", []).append(t1 - t0)
        runs.setdefault("render_report_pdf", []).append(t2 - t1)
        runs.setdefault("build + PDF", []).append(t2 - t0)
        for name, seconds in data.timings.items():
            runs.setdefault(f"  query {name}", []).append(seconds)
    with tempfile.TemporaryDirectory() as folder:
        t0 = time.perf_counter()
        export_report_xlsx(data, Path(folder) / "report.xlsx")
        runs["export_report_xlsx (incl. raw rows)"] = [time.perf_counter() - t0]
    assert data is not None
    print(
        f"report {FIRST}..{LAST}: {data.totals.visits:,} visits, {data.ratings.count:,} ratings, "
        f"{len(data.comments):,} comments, IKM {data.ikm.index if data.ikm else '-'}; "
        f"PDF {len(pdf) / 1024:.0f} KiB"
    )
    best = {name: min(values) for name, values in runs.items()}
    for name, values in runs.items():
        best_ms, median_ms = min(values) * 1000, statistics.median(values) * 1000
        print(f"{name:40s} best {best_ms:8.1f} ms   median {median_ms:8.1f} ms")
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL to reuse (built there when empty)")
    parser.add_argument("--postgres", action="store_true", help="run on a PostgreSQL bench schema")
    parser.add_argument("--pg-url", help="PostgreSQL base URL (default PST_TEST_DATABASE_URL)")
    parser.add_argument("--days", type=int, default=250)
    parser.add_argument("--visits-per-day", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.postgres:
        with pg_schema(pg_base_url(args.pg_url)) as (url, _schema):
            prepare(url, args.days, args.visits_per_day)
            best = measure(url, args.repeat)
    else:
        if args.db:
            url = args.db
        else:
            folder = tempfile.mkdtemp(prefix="pst-report-bench-")
            url = f"sqlite:///{folder}/pst.db"
        prepare(url, args.days, args.visits_per_day)
        best = measure(url, args.repeat)
    verdict = "OK" if best["build + PDF"] <= 2.0 else "TOO SLOW"
    print(f"month report (build + PDF): {best['build + PDF']:.2f} s (target ≤ 2 s): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
