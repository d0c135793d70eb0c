"""Several PCs starting at the same moment on a fresh database.

Every station of an office starts at 08:00: each process here opens the same empty database at
once (``open_database`` upgrades the schema, then the station makes the office when there is
none), or runs ``pst-desktop db init`` / ``db upgrade``. Afterwards there must be one office,
each schema step applied once, and no worker may have ended in a traceback.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing as mp
import os
import queue as queue_module
import time
import traceback

import pytest

from models import migrations
from models.database import database_proxy
from models.entities import Office, SchemaVersion, ServiceType
from pst_desktop.db.connection import open_database

WORKERS = 4
WORKER_TIMEOUT = 120  # seconds; far above the usual run time, only to avoid hanging CI


def _station(url: str, barrier, results) -> None:
    """A station's first start: open (and upgrade) the database, then find or make the office."""
    try:
        from pst_desktop.admin.office_setup import ensure_office
        from pst_desktop.core.clock import SystemClock

        barrier.wait(timeout=WORKER_TIMEOUT)
        db = open_database(url)
        office = ensure_office(SystemClock())
        db.close()
        results.put(("ok", office.id))
    except BaseException:
        results.put(("error", traceback.format_exc()))


def _command(url: str, command: str, data_dir: str, barrier, results) -> None:
    """``pst-desktop --db URL db init|upgrade``; reports the exit code and what it printed."""
    try:
        os.environ["PST_DATA_DIR"] = data_dir
        from pst_desktop import cli

        barrier.wait(timeout=WORKER_TIMEOUT)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["--db", url, "db", command])
        results.put(("exit", code, out.getvalue(), err.getvalue()))
    except BaseException:
        results.put(("error", traceback.format_exc()))


def _run(target, args_of, count: int) -> list[tuple]:
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    barrier = ctx.Barrier(count)
    procs = [ctx.Process(target=target, args=(*args_of(i), barrier, results)) for i in range(count)]
    for proc in procs:
        proc.start()
    got: list[tuple] = []
    deadline = time.monotonic() + WORKER_TIMEOUT
    try:
        while len(got) < count and time.monotonic() < deadline:
            try:
                got.append(results.get(timeout=max(0.1, deadline - time.monotonic())))
            except queue_module.Empty:
                break
        for proc in procs:
            proc.join(timeout=max(0.1, deadline - time.monotonic()))
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.kill()
                proc.join()
        results.close()
        results.join_thread()
    assert len(got) == count, f"workers did not report in time: {got!r}"
    return got


def _database_holds_one_office_and_each_step_once(url: str) -> None:
    db = open_database(url, upgrade=False)
    try:
        assert migrations.current_version(db) == migrations.LATEST
        versions = [row.version for row in SchemaVersion.select().order_by(SchemaVersion.version)]
        assert versions == [step.version for step in migrations.STEPS]
        offices = list(Office.select())
        assert len(offices) == 1, f"{len(offices)} offices were created"
        assert ServiceType.select().where(ServiceType.office == offices[0].id).count() > 0
    finally:
        db.close()
        database_proxy.initialize(None)


@pytest.mark.slow
def test_stations_starting_together_make_one_schema_and_one_office(db_url: str) -> None:
    reports = _run(_station, lambda _i: (db_url,), WORKERS)
    errors = [r[1] for r in reports if r[0] == "error"]
    assert not errors, "\n\n".join(errors)
    assert len({office_id for _, office_id in reports}) == 1
    _database_holds_one_office_and_each_step_once(db_url)


@pytest.mark.slow
def test_db_init_run_together_makes_one_office(db_url: str, tmp_path) -> None:
    reports = _run(_command, lambda i: (db_url, "init", str(tmp_path / f"pc{i}")), WORKERS)
    errors = [r[1] for r in reports if r[0] == "error"]
    assert not errors, "\n\n".join(errors)
    for _, code, out, err in reports:
        assert code == 0, out + err
        assert "Traceback" not in out + err
        assert "already at version 0" not in out, out
    _database_holds_one_office_and_each_step_once(db_url)


@pytest.mark.slow
def test_db_upgrade_run_together_applies_each_step_once(db_url: str, tmp_path) -> None:
    reports = _run(_command, lambda i: (db_url, "upgrade", str(tmp_path / f"pc{i}")), WORKERS)
    errors = [r[1] for r in reports if r[0] == "error"]
    assert not errors, "\n\n".join(errors)
    outputs = []
    for _, code, out, err in reports:
        assert code == 0, out + err
        assert "Traceback" not in out + err
        assert out.strip().splitlines()[-1].endswith(f" {migrations.LATEST}"), out
        outputs.append(out)
    # one of them did the upgrade (on PostgreSQL exactly one); the others found it done
    assert any("upgraded from version 0" in out for out in outputs), outputs
    db = open_database(db_url, upgrade=False)
    try:
        versions = [row.version for row in SchemaVersion.select().order_by(SchemaVersion.version)]
        assert versions == [step.version for step in migrations.STEPS]
    finally:
        db.close()
        database_proxy.initialize(None)
