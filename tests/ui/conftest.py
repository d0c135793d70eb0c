"""UI fixtures: QSettings in a temp folder, and a Shell driven without an event loop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from pst_desktop.core.settings import StationSettings


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path):
    """No UI test reads or writes the real user's settings."""
    folder = str(tmp_path / "settings")
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, folder)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    yield folder


@pytest.fixture
def station(tmp_path):
    """This PC's settings, in a temp ini file."""
    return StationSettings(QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def errors():
    """Stands in for the message box: collects (title, text)."""
    shown: list[tuple[str, str]] = []

    def show(title: str, text: str) -> None:
        shown.append((title, text))

    show.shown = shown
    return show


@pytest.fixture
def make_shell(qtbot, db, db_url, station, clock, errors):
    """A Shell on the test database (already open), with the fixed clock.

    The shell opens its database on a pool thread; its ``start()`` here also waits until the
    first window is shown (``start_shell``), so a test reads on as before."""
    from ui.app import Shell

    shells = []

    def make(**kwargs):
        options = {
            "db_url": db_url,
            "settings": station,
            "clock": clock,
            "show_error": errors,
            "open_db": lambda url: db,
        }
        options.update(kwargs)
        shell = Shell(**options)
        shells.append(shell)
        start = shell.start
        shell.start = lambda: start_shell(qtbot, shell, start)
        return shell

    yield make
    for shell in shells:
        shell.close()


def start_shell(qtbot, shell, start=None) -> bool:
    """``shell.start()``, then wait until the database answered and the first window shows."""
    started = (start or shell.start)()
    qtbot.waitUntil(lambda: not shell.is_opening, timeout=15_000)
    return started


@pytest.fixture(autouse=True)
def windows_deleted_after_each_test(request, qapp):
    """Every window a test opened is closed and deleted before the next test: live widgets
    slow every later style and layout pass (2,604 after 12 officer tests; the officer window's
    tests took 26 s, 11 s with this) and were destroyed only at the interpreter's exit.

    A module whose windows live across its tests (built once by a module fixture, on demand)
    says so with ``pytestmark = pytest.mark.keep_windows``; its fixture deletes them."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    before = set(QApplication.topLevelWidgets())
    yield
    if request.node.get_closest_marker("keep_windows") is None:
        for widget in QApplication.topLevelWidgets():
            if widget not in before:
                widget.close()
                widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
