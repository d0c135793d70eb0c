"""The helper process: CPU-heavy work off the program's interpreter, its
answers and failures brought back, the database opened from a recipe; and the settled heap."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.entities import Office
from pst_desktop.core import heap, helper_process
from pst_desktop.core.helper_process import DatabaseRecipe, HelperProcess, HelperStopped

ROOT = Path(__file__).resolve().parents[3]


# -- jobs (top-level functions: they go to the helper by name) --------------------------------
def square(n: int) -> int:
    return n * n


def refuse(text: str) -> None:
    raise ValueError(text)


def die() -> None:
    os._exit(3)  # a printer driver's crash


def cannot_start() -> None:
    os._exit(1)  # as Qt does when the helper finds no display, say


def offices(recipe: DatabaseRecipe) -> tuple[int, list[str]]:
    db = helper_process.database(recipe)
    with db.connection_context():
        return os.getpid(), [o.name for o in Office.select().order_by(Office.id)]


@pytest.fixture
def helper():
    made = HelperProcess("test")
    yield made
    made.stop()


def test_a_job_runs_in_another_process_and_its_answer_comes_back(helper):
    assert helper.call(square, 7) == 49
    first = helper.pid()
    assert first not in (None, os.getpid())
    assert helper.call(os.getpid) == first  # the same helper for the next jobs


@pytest.mark.skipif(not hasattr(os, "nice"), reason="POSIX priorities")
def test_the_helper_runs_below_the_programs_priority(helper):
    """On a busy PC the window's thread gets the processor before the helper's render."""
    ours = os.nice(0)
    assert helper.call(os.nice, 0) == min(19, ours + helper_process.HELPER_NICENESS)
    # a session of its own: on Linux its work does not count against the window's share
    assert helper.call(os.getsid, 0) != os.getsid(0)


def test_a_jobs_exception_is_raised_in_the_caller(helper):
    with pytest.raises(ValueError, match="no such ticket"):
        helper.call(refuse, "no such ticket")
    assert helper.call(square, 3) == 9  # and the helper goes on


def test_a_helper_that_dies_under_a_job_says_so_and_the_next_call_starts_another(helper):
    first = helper.pid()
    with pytest.raises(HelperStopped):
        helper.call(die)
    second = helper.pid()
    assert second not in (None, first, os.getpid())
    assert helper.call(square, 5) == 25


def test_a_helper_that_cannot_start_leaves_the_work_to_this_process():
    made = HelperProcess("test", initializer=cannot_start)
    try:
        assert made.call(os.getpid) == os.getpid()
        assert made.in_process  # and so for the next jobs, without trying again
        assert made.call(square, 4) == 16
    finally:
        made.stop()


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_helper_ends_when_the_program_ends_without_a_word(tmp_path):
    """A program that crashes (or is ended from Task Manager) leaves no helper behind."""
    script = (
        "import os\n"
        "from pst_desktop.core.helper_process import HelperProcess\n"
        "print(HelperProcess('test').pid(), flush=True)\n"
        "os._exit(1)\n"  # no atexit, no goodbye to the helper
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    helper = int(done.stdout.split()[-1])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _alive(helper):
        time.sleep(0.1)
    assert not _alive(helper)


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended: only its parent's wait is missing


def test_without_helper_processes_the_job_runs_in_the_calling_thread(monkeypatch):
    monkeypatch.setattr(helper_process, "ENABLED", False)
    made = HelperProcess("test")
    assert made.in_process and made.pid() is None
    assert made.call(os.getpid) == os.getpid()
    made.start()  # nothing to start
    made.stop()


def test_a_helper_opens_the_programs_database_from_its_recipe(db, office, helper):
    recipe = DatabaseRecipe.of(db)
    assert recipe.shared and "password" not in repr(recipe)
    pid, names = helper.call(offices, recipe)
    assert pid != os.getpid() and names == [office.name]
    # in the program itself (a job run in-process) the bound database is used, never rebound
    assert helper_process.database(recipe) is db


def test_an_sqlite_database_in_memory_is_not_shared():
    import peewee as pw

    assert not DatabaseRecipe.of(pw.SqliteDatabase(":memory:")).shared


def test_settle_freezes_what_start_up_left():
    try:
        assert heap.settle() > 1000
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()
