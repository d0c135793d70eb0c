"""An admin's change while the database is gone: the connection band and a clean line in the tab,
never the crash handler (a desk saved while the connection dropped crashed the window).

The change runs on the window's write thread (``ui.calls``). A refusal stays in the tab's message
line (no band); anything else still reaches the crash handler. The drop is what the database
boundary makes of the driver's error (``ui.calls.CONNECTION_ERRORS``, with the server's words);
on PostgreSQL the write's own connection is also really ended by the server.
"""

from __future__ import annotations

import threading

import peewee as pw
import psycopg
import pytest
from PySide6.QtCore import Qt

from models.database import database_proxy
from models.entities import Desk
from pst_desktop.admin import administration
from tests.support import PG_URL
from tests.ui.admin.conftest import answered
from ui.calls import CONNECTION_ERRORS
from ui.crash import CrashHandler

DROPPED = (
    "server closed the connection unexpectedly\n"
    "\tThis probably means the server terminated abnormally\n"
    "\tbefore or while processing the request."
)


@pytest.fixture
def crashes(tmp_path, qapp):
    """What the app's crash handler was asked to show (a list of (report, log path))."""
    shown: list[tuple[str, object]] = []
    handler = CrashHandler(tmp_path / "logs", show=lambda report, log: shown.append((report, log)))
    handler.install()
    yield shown
    handler.uninstall()


def open_desks(window):
    tab = window.desks_tab
    window.tabs.setCurrentWidget(tab)
    tab.new_desk()
    tab.name.setText("Meja 9")
    tab.services.item(0).setCheckState(Qt.CheckState.Checked)
    return tab


def save(qtbot, window, tab) -> None:
    with answered(qtbot, window):
        tab.save_button.click()


def desk_names() -> set[str]:
    return {desk.name for desk in Desk.select()}


@pytest.mark.qt_no_exception_capture
def test_a_desk_saved_while_the_connection_drops_shows_the_band(
    qtbot, window, crashes, monkeypatch
):
    tab = open_desks(window)

    def dropped(*_args, **_kwargs):
        raise CONNECTION_ERRORS[0](DROPPED)

    monkeypatch.setattr(tab.admin, "save_desk", dropped)
    assert not window.connection_banner.isVisible()
    save(qtbot, window, tab)

    assert crashes == []
    assert window.connection_banner.isVisible()
    assert window.connection_monitor.is_lost
    assert tab.message.isVisible() and tab.message.property("kind") == "error"
    text = tab.message.text()
    assert "did not answer" in text and "Nothing was saved" in text
    assert "server closed" not in text  # the driver's English is for the tooltip (office IT)
    assert tab.message.toolTip() == "server closed the connection unexpectedly"
    assert tab.name.text() == "Meja 9"  # the typing stays
    assert tab.checked_services()
    assert "Meja 9" not in desk_names()

    monkeypatch.undo()  # the server is back: the monitor's probe finds it, the band goes
    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=10_000)
    assert tab.name.text() == "Meja 9" and tab.checked_services()  # still what was typed
    save(qtbot, window, tab)
    assert tab.message.text() == "The desk is saved."
    assert "Meja 9" in desk_names()
    assert "Meja 9" in [desk.name for desk in tab.model.rows]
    assert crashes == []


def test_the_desk_is_saved_off_the_gui_thread(qtbot, window, monkeypatch):
    tab = open_desks(window)
    threads: list[threading.Thread] = []
    real = tab.admin.save_desk

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(tab.admin, "save_desk", recorded)
    save(qtbot, window, tab)
    assert threads and threads[0] is not threading.main_thread()
    assert tab.message.text() == "The desk is saved."


@pytest.mark.qt_no_exception_capture
def test_a_refused_desk_stays_in_the_tab_without_the_band(qtbot, window, crashes):
    tab = open_desks(window)
    tab.name.setText("")
    save(qtbot, window, tab)
    assert tab.message.text().startswith("Enter the desk's name.")
    assert tab.message.property("kind") == "error"
    assert not window.connection_banner.isVisible()
    assert crashes == []


@pytest.mark.qt_no_exception_capture
def test_any_other_failure_reaches_the_crash_handler(qtbot, window, crashes, monkeypatch):
    tab = open_desks(window)

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("desks per service")

    monkeypatch.setattr(tab.admin, "save_desk", broken)
    save(qtbot, window, tab)
    qtbot.waitUntil(lambda: len(crashes) == 1)
    assert "ZeroDivisionError: desks per service" in crashes[0][0]
    assert not window.connection_banner.isVisible()
    assert not window.connection_monitor.is_lost
    assert not window.calls.busy  # the next change still goes through


@pytest.mark.qt_no_exception_capture
def test_a_list_read_while_the_connection_is_gone_shows_the_band(
    qtbot, window, crashes, monkeypatch
):
    tab = window.closures_tab
    window.tabs.setCurrentWidget(tab)

    def gone(*_args, **_kwargs):
        raise CONNECTION_ERRORS[0](DROPPED)

    monkeypatch.setattr(administration, "year_calendar", gone)
    tab.year.setValue(tab.year.value() + 1)  # the list of the next year is read
    qtbot.waitUntil(window.connection_banner.isVisible, timeout=5000)
    assert "the list is not up to date" in tab.message.text()
    assert crashes == []


@pytest.mark.qt_no_exception_capture
def test_the_server_ends_the_admins_connection_mid_save(qtbot, window, crashes, monkeypatch):
    db = database_proxy.obj
    if not isinstance(db, pw.PostgresqlDatabase):
        pytest.skip("the server ends a connection on PostgreSQL only")
    tab = open_desks(window)
    real = tab.admin.save_desk

    def ended_first(*args, **kwargs):
        """The server ends the write's own connection just before the desk is saved on it."""
        pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        with psycopg.connect(PG_URL, autocommit=True) as admin_connection:
            admin_connection.execute("SELECT pg_terminate_backend(%s)", (pid,))
        return real(*args, **kwargs)

    monkeypatch.setattr(tab.admin, "save_desk", ended_first)
    save(qtbot, window, tab)

    assert crashes == []
    assert window.connection_banner.isVisible()
    assert "did not answer" in tab.message.text()
    assert "Meja 9" not in desk_names()
    # the monitor reconnects by itself; the same save then goes through
    monkeypatch.undo()
    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=15_000)
    save(qtbot, window, tab)
    assert tab.message.text() == "The desk is saved."
    assert "Meja 9" in desk_names()
    assert crashes == []
