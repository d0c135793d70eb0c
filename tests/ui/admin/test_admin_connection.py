"""An admin's change while the database is gone: the connection band and a clean line in the tab,
never the crash handler (issue 13: a desk saved while the connection dropped crashed the window).

A refusal stays in the tab's message line (no band); anything else still reaches the crash
handler. The drop is what the driver raises (peewee's ``OperationalError`` with the server's
words); on PostgreSQL the window's own connection is also really ended by the server.
"""

from __future__ import annotations

import peewee as pw
import psycopg
import pytest
from PySide6.QtCore import Qt

from models.database import database_proxy
from models.entities import Desk
from tests.support import PG_URL
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


def desk_names() -> set[str]:
    return {desk.name for desk in Desk.select()}


@pytest.mark.qt_no_exception_capture
def test_a_desk_saved_while_the_connection_drops_shows_the_band(
    qtbot, window, crashes, monkeypatch
):
    tab = open_desks(window)

    def dropped(*_args, **_kwargs):
        raise pw.OperationalError(DROPPED)

    monkeypatch.setattr(tab.admin, "save_desk", dropped)
    assert not window.connection_banner.isVisible()
    tab.save_button.click()

    assert crashes == []
    assert window.connection_banner.isVisible()
    assert window.connection_monitor.is_lost
    assert tab.message.isVisible() and tab.message.property("kind") == "error"
    text = tab.message.text()
    assert "did not answer" in text and "Nothing was saved" in text
    assert "server closed" not in text  # the driver's English is for the tooltip (office IT)
    assert tab.message.toolTip() == "server closed the connection unexpectedly"
    assert tab.name.text() == "Meja 9"  # the typing stays
    assert "Meja 9" not in desk_names()

    monkeypatch.undo()  # the server is back: the monitor's probe finds it, the band goes
    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=10_000)
    tab.save_button.click()
    assert tab.message.text() == "The desk is saved."
    assert "Meja 9" in desk_names()
    assert crashes == []


@pytest.mark.qt_no_exception_capture
def test_a_refused_desk_stays_in_the_tab_without_the_band(window, crashes):
    tab = open_desks(window)
    tab.name.setText("")
    tab.save_button.click()
    assert tab.message.text().startswith("Enter the desk's name.")
    assert tab.message.property("kind") == "error"
    assert not window.connection_banner.isVisible()
    assert crashes == []


@pytest.mark.qt_no_exception_capture
def test_any_other_failure_reaches_the_crash_handler(window, crashes, monkeypatch):
    tab = open_desks(window)

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("desks per service")

    monkeypatch.setattr(tab.admin, "save_desk", broken)
    tab.save_button.click()
    assert len(crashes) == 1
    assert "ZeroDivisionError: desks per service" in crashes[0][0]
    assert not window.connection_banner.isVisible()
    assert not window.connection_monitor.is_lost


@pytest.mark.qt_no_exception_capture
def test_the_server_ends_the_admins_connection_mid_save(qtbot, window, crashes):
    db = database_proxy.obj
    if not isinstance(db, pw.PostgresqlDatabase):
        pytest.skip("the server ends a connection on PostgreSQL only")
    tab = open_desks(window)
    pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    with psycopg.connect(PG_URL, autocommit=True) as admin_connection:
        admin_connection.execute("SELECT pg_terminate_backend(%s)", (pid,))
    tab.save_button.click()

    assert crashes == []
    assert window.connection_banner.isVisible()
    assert "did not answer" in tab.message.text()
    # the monitor reconnects by itself; the same save then goes through
    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=15_000)
    tab.save_button.click()
    assert tab.message.text() == "The desk is saved."
    assert "Meja 9" in desk_names()
    assert crashes == []
