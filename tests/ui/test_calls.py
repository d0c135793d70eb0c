"""A window's writes on their own thread (ui.calls): each outcome goes where the window
says, in the order the writes were asked for, and nothing runs on the GUI thread."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time

import peewee as pw
import pytest

from models.database import write_transaction
from pst_desktop.core.errors import Conflict, ConnectionLost, DatabaseBusy, ValidationError
from ui.calls import DONE, ERROR, LOST, REFUSED, ServiceCalls
from ui.crash import CrashHandler


class Window:
    """What a window gives the calls: its message line and its connection handling."""

    def __init__(self) -> None:
        self.refusals: list[str] = []
        self.lost: list[Exception] = []
        self.threads: list[threading.Thread] = []

    def show_refusal(self, text: str) -> None:
        self.threads.append(threading.current_thread())
        self.refusals.append(text)

    def connection_lost(self, exc: Exception) -> None:
        self.threads.append(threading.current_thread())
        self.lost.append(exc)


@pytest.fixture
def window():
    return Window()


@pytest.fixture
def calls(qapp, db, window):
    made = ServiceCalls(db, window.show_refusal, window.connection_lost)
    yield made
    made.wait()
    made.deleteLater()


def settled(qtbot, calls, action, timeout=5000):
    """Run ``action`` (which submits one write) and wait for its outcome: (name, outcome)."""
    with qtbot.waitSignal(calls.settled, timeout=timeout) as got:
        action()
    return tuple(got.args)


def test_the_value_goes_to_on_done_on_the_gui_thread(qtbot, calls, window, caplog):
    ran_on: list[threading.Thread] = []
    done: list[tuple[object, threading.Thread]] = []

    def write() -> int:
        ran_on.append(threading.current_thread())
        return 7

    caplog.set_level(logging.INFO, logger="ui.calls")
    outcome = settled(
        qtbot,
        calls,
        lambda: calls.submit(
            "count", write, lambda v: done.append((v, threading.current_thread()))
        ),
    )
    assert outcome == ("count", DONE)
    assert done == [(7, threading.main_thread())]
    assert window.refusals == [] and window.lost == []
    assert "write count done" in caplog.text


def test_the_write_runs_on_a_worker_thread_inside_its_own_connection(qtbot, calls, db):
    seen: list[tuple[threading.Thread, bool]] = []

    def write() -> int:
        seen.append((threading.current_thread(), not db.is_closed()))
        return db.execute_sql("SELECT 1").fetchone()[0]

    values: list[int] = []
    settled(qtbot, calls, lambda: calls.submit("select", write, values.append))
    assert values == [1]
    [(thread, connected)] = seen
    assert thread is not threading.main_thread() and connected


def test_a_refusal_goes_to_the_message_line_in_clean_words(qtbot, calls, window, caplog):
    done: list[object] = []
    failed: list[bool] = []

    def write() -> None:
        raise ValidationError({"service": "Choose an active service."})

    caplog.set_level(logging.INFO, logger="ui.calls")
    outcome = settled(
        qtbot,
        calls,
        lambda: calls.submit("transfer", write, done.append, on_failed=lambda: failed.append(1)),
    )
    assert outcome == ("transfer", REFUSED)
    assert window.refusals == ["Choose an active service."]  # no field key in front
    assert window.threads == [threading.main_thread()]
    assert done == [] and failed == [1] and window.lost == []
    assert "write transfer refused (ValidationError)" in caplog.text
    settled(qtbot, calls, lambda: calls.submit("call", _raise(Conflict("Taken already."))))
    assert window.refusals[-1] == "Taken already."


def _raise(exc: Exception):
    def write() -> None:
        raise exc

    return write


def test_a_lost_connection_goes_to_the_windows_connection_handling(qtbot, calls, window, caplog):
    failed: list[bool] = []
    lost = ConnectionLost("server closed the connection unexpectedly")  # what the boundary says
    caplog.set_level(logging.INFO, logger="ui.calls")
    outcome = settled(
        qtbot,
        calls,
        lambda: calls.submit("finish", _raise(lost), on_failed=lambda: failed.append(1)),
    )
    assert outcome == ("finish", LOST)
    assert window.lost == [lost] and window.refusals == [] and failed == [1]
    assert window.threads == [threading.main_thread()]
    assert (
        "write finish: database not reachable (ConnectionLost: server closed the connection "
        "unexpectedly)" in caplog.text  # the driver's words for the log
    )


def test_a_busy_database_goes_to_the_message_line_not_the_band(qtbot, calls, window):
    """A lock held by another PC is no lost connection: a clean sentence, try again."""
    failed: list[bool] = []
    busy = DatabaseBusy("canceling statement due to lock timeout")
    outcome = settled(
        qtbot,
        calls,
        lambda: calls.submit("issue", _raise(busy), on_failed=lambda: failed.append(1)),
    )
    assert outcome == ("issue", REFUSED)
    assert window.lost == [] and failed == [1]
    assert window.refusals == [
        "The database is busy with another PC's work. Nothing was saved; try again in a moment."
    ]


@pytest.mark.qt_no_exception_capture
def test_anything_else_reaches_the_crash_handler_on_the_gui_thread(qtbot, calls, window, tmp_path):
    shown: list[tuple[str, bool]] = []
    handler = CrashHandler(
        tmp_path / "logs",
        show=lambda report, path: shown.append(
            (report, threading.current_thread() is threading.main_thread())
        ),
    ).install()
    try:
        done: list[object] = []
        failed: list[bool] = []
        outcome = settled(
            qtbot,
            calls,
            lambda: calls.submit(
                "start",
                _raise(KeyError("visit 7")),
                done.append,
                on_failed=lambda: failed.append(1),
            ),
        )
        qtbot.waitUntil(lambda: len(shown) == 1)
    finally:
        handler.uninstall()
    assert outcome == ("start", ERROR)
    report, on_gui_thread = shown[0]
    assert on_gui_thread and "KeyError: 'visit 7'" in report
    assert "KeyError" in handler.log_path.read_text(encoding="utf-8")
    assert done == [] and failed == [] and window.refusals == [] and window.lost == []
    assert not calls.busy  # the next write still runs
    settled(qtbot, calls, lambda: calls.submit("next", lambda: 1, done.append))
    assert done == [1]


def test_two_writes_run_and_answer_in_the_order_asked(qtbot, calls):
    ran: list[str] = []
    answers: list[str] = []

    def slow() -> str:
        time.sleep(0.2)
        ran.append("first")
        return "first"

    def fast() -> str:
        ran.append("second")
        return "second"

    calls.submit("first", slow, answers.append)
    calls.submit("second", fast, answers.append)
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=5000)
    assert ran == ["first", "second"] and answers == ["first", "second"]


def test_busy_while_a_write_is_under_way(qtbot, calls):
    changes: list[bool] = []
    calls.busy_changed.connect(changes.append)
    release = threading.Event()
    assert not calls.busy
    calls.submit("slow", lambda: release.wait(5))
    calls.submit("after", lambda: None)
    assert calls.busy and changes == [True]
    release.set()
    qtbot.waitUntil(lambda: not calls.busy, timeout=5000)
    assert changes == [True, False]  # once for both writes


def test_a_sqlite_write_on_the_worker_takes_the_immediate_lock(qtbot, calls, db, db_url):
    """peewee keeps connections and transactions per thread: the worker's write_transaction is
    its own BEGIN IMMEDIATE, so another writer waits from its first statement on."""
    if not isinstance(db, pw.SqliteDatabase):
        pytest.skip("SQLite's write lock")
    path = db.database
    other_writer: list[str] = []

    def write() -> bool:
        with write_transaction():
            other = sqlite3.connect(path, timeout=0)
            try:
                other.execute("BEGIN IMMEDIATE")
                other_writer.append("got the lock")
                other.rollback()
            except sqlite3.OperationalError as exc:
                other_writer.append(str(exc))
            finally:
                other.close()
            return db.in_transaction()

    values: list[bool] = []
    settled(qtbot, calls, lambda: calls.submit("locked", write, values.append))
    assert values == [True]
    assert other_writer == ["database is locked"]


def test_wait_hands_over_the_outcomes_before_it_returns(calls):
    """A window closing (or a script) waits for its writes: their outcomes are delivered by
    ``wait`` itself, with no event loop turning after it."""
    done: list[object] = []
    calls.submit("quick", lambda: 42, done.append)
    assert calls.wait(5000)
    assert done == [42] and not calls.busy
