"""An unhandled exception ends in the log file and the crash dialog, never a silent exit."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from pst_desktop import __version__
from ui.crash import CrashDialog, CrashHandler, crash_report


@pytest.fixture
def shown():
    return []


@pytest.fixture
def handler(tmp_path, shown, qapp):
    crash = CrashHandler(tmp_path / "logs", show=lambda report, path: shown.append((report, path)))
    crash.install()
    yield crash
    crash.uninstall()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, handler, shown):
    button = QPushButton("boom")
    qtbot.addWidget(button)

    def explode():
        raise ZeroDivisionError("tickets per minute")

    button.clicked.connect(explode)
    button.click()
    assert len(shown) == 1
    report, path = shown[0]
    assert path == handler.log_path
    assert "ZeroDivisionError: tickets per minute" in report
    assert f"PST Desktop {__version__}" in report and "platform:" in report
    assert "in explode" in report
    logged = handler.log_path.read_text(encoding="utf-8")
    assert "ZeroDivisionError: tickets per minute" in logged


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_reaches_the_dialog_in_the_gui_thread(qtbot, handler, shown):
    seen_in: list[bool] = []

    def record(report, path):
        seen_in.append(threading.current_thread() is threading.main_thread())
        shown.append((report, path))

    handler._show = record

    def work():
        raise KeyError("visit 7")

    thread = threading.Thread(target=work, name="report-worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert seen_in == [True]
    assert "thread report-worker" in shown[0][0] and "KeyError: 'visit 7'" in shown[0][0]
    assert "KeyError" in handler.log_path.read_text(encoding="utf-8")


def test_the_dialog_shows_the_report_and_copies_it(qtbot, tmp_path):
    try:
        raise ValueError("bad ticket")
    except ValueError as exc:
        report = crash_report(type(exc), exc, exc.__traceback__)
    dialog = CrashDialog(report, tmp_path / "pst-desktop.log")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.isModal()
    assert dialog.text.isReadOnly() and dialog.text.toPlainText() == report
    assert str(tmp_path / "pst-desktop.log") in dialog.log_label.text()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report


def test_uninstall_restores_the_hooks(tmp_path, qapp):
    import sys

    before = (sys.excepthook, threading.excepthook)
    crash = CrashHandler(tmp_path, show=lambda *_: None).install()
    assert sys.excepthook == crash.excepthook
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
