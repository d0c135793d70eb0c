"""The receptionist's F9 (save the guest-book entry, issue the
number) and Ctrl+K check-in run on the window's write thread (``ui.calls``); the window keeps
answering meanwhile, a second F9 while the first is under way issues nothing, a refusal is shown
where the receptionist looks and a lost connection shows the band."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt

from models.entities import Visit, Visitor
from pst_desktop.frontdesk.guest_book import RegistrationService
from pst_desktop.frontdesk.reception import FrontDesk
from tests.support import wib
from tests.ui.reception.conftest import (
    answered,
    booked,
    booking_dialog,
    lost_connection,
    type_visitor,
)


def recording(monkeypatch, target, name, gate: threading.Event | None = None):
    """Wrap ``target.name``: returns the threads it ran on; with ``gate`` the call waits for
    it first (a slow network), at most 5 s."""
    real = getattr(target, name)
    threads: list[threading.Thread] = []

    def wrapper(*args, **kwargs):
        threads.append(threading.current_thread())
        if gate is not None:
            gate.wait(5)
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, wrapper)
    return threads


def off_gui_thread(threads: list[threading.Thread]) -> bool:
    return bool(threads) and all(t is not threading.main_thread() for t in threads)


def test_f9_saves_and_issues_on_the_write_thread(qtbot, window, monkeypatch):
    saves = recording(monkeypatch, RegistrationService, "register")
    issues = recording(monkeypatch, FrontDesk, "issue")
    type_visitor(qtbot, window)
    before = window.last_code.text()
    with qtbot.waitSignal(window.ticket_issued) as issued:
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
        assert window.calls.busy  # back from the key at once: the write is under way
        assert window.last_code.text() == before
    assert off_gui_thread(saves) and off_gui_thread(issues)
    assert issued.args[0].code == "K-001" and window.last_code.text() == "K-001"
    assert window.form.name.text() == "" and window.form.visitor_id is None  # the next visitor


def test_a_second_f9_while_the_first_is_under_way_issues_one_ticket(qtbot, window, monkeypatch):
    gate = threading.Event()
    issues = recording(monkeypatch, FrontDesk, "issue", gate)
    tickets: list = []
    window.ticket_issued.connect(lambda ticket, _out: tickets.append(ticket.code))
    type_visitor(qtbot, window)
    try:
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: len(issues) == 1)  # the first is at the database
        started = time.perf_counter()
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)  # nothing seems to happen: again
        qtbot.mouseClick(window.issue_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(window.form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert time.perf_counter() - started < 1  # the keys were answered at once
        assert window.issue_button.isEnabled()  # never off: the keyboard stays where it is
        assert window.form.name.text() == "Siti Aminah"  # nothing cleared before the answer
    finally:
        with answered(qtbot, window):
            gate.set()
    qtbot.wait(100)  # a second write would have been submitted by now
    assert not window.calls.busy
    assert tickets == ["K-001"] and len(issues) == 1
    assert Visit.select().count() == 1 and Visitor.select().count() == 1


def test_ctrl_k_checks_in_on_the_write_thread(qtbot, window, clock, monkeypatch):
    clock.set(wib(2026, 11, 24, 16, 0))  # Tuesday after hours: an appointment for tomorrow
    type_visitor(qtbot, window)
    dialog = booking_dialog(qtbot, window)
    dialog.set_when(wib(2026, 11, 25, 8, 0))
    booked(qtbot, window, dialog)
    clock.set(wib(2026, 11, 25, 8, 0))
    window.refresh()
    qtbot.waitUntil(lambda: window.appointments_model.rowCount() == 1)
    window.tabs.setCurrentIndex(1)
    window.appointments_table.selectRow(0)
    check_ins = recording(monkeypatch, FrontDesk, "check_in")
    said: list[str] = []  # the status line as the answer came (the queue's read follows)
    window.calls.settled.connect(lambda *_: said.append(window.status_line.text()))
    with qtbot.waitSignal(window.ticket_issued) as issued, answered(qtbot, window):
        window.check_in_selected()
        assert window.calls.busy
    assert off_gui_thread(check_ins)
    assert issued.args[0].code == "K-001" and window.last_code.text() == "K-001"
    assert said == ["Checked in: ticket K-001."]


def test_outside_hours_the_refusal_shows_and_the_saved_entry_is_kept(qtbot, window, clock):
    clock.set(wib(2026, 11, 24, 16, 0))  # Tuesday, the desk closed at 15:30
    type_visitor(qtbot, window)
    with answered(qtbot, window):
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    assert window.notice.isVisible() and window.notice.property("kind") == "warning"
    assert "Outside service hours" in window.notice_text.text()
    assert window.offer_button.isVisible()
    assert Visit.select().count() == 0
    # the guest-book entry was saved (its own transaction) and the form is that visitor now
    visitor = Visitor.get()
    assert window.form.visitor_id == visitor.id
    assert window.form.name.text() == "Siti Aminah"
    with answered(qtbot, window):  # F9 again: refused again, the visitor not registered twice
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    assert Visitor.select().count() == 1


def test_a_lost_connection_shows_the_band_and_keeps_the_form(qtbot, window, monkeypatch):
    def down(*_args, **_kwargs):
        raise lost_connection()

    monkeypatch.setattr(FrontDesk, "issue", down)
    tickets: list = []
    window.ticket_issued.connect(lambda ticket, _out: tickets.append(ticket))
    type_visitor(qtbot, window)
    with answered(qtbot, window):
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    assert window.connection_monitor.is_lost
    assert window.connection_banner.isVisible()
    assert window.notice.isVisible() and window.notice.property("kind") == "error"
    assert "server closed" in window.notice_text.toolTip()
    assert tickets == [] and Visit.select().count() == 0
    assert window.form.name.text() == "Siti Aminah" and window.form.consent.isChecked()
    assert window.form.visitor_id == Visitor.get().id  # saved before: F9 again updates it
