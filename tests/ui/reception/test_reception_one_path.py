"""Cancelling a ticket, booking an appointment, loading a returning visitor and reading
the queue go the one way from the front desk to the services (``ui.calls``, ``ui.readers``): off
the GUI thread, a refusal in clean words where the receptionist looks, a lost connection to the
connection band, the typing kept."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from models.entities import Appointment, Visit, VisitStatus
from pst_desktop.frontdesk import reception
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.frontdesk.reception import FrontDesk
from pst_desktop.visits.queue import QueueService
from tests.support import wib
from tests.ui.reception.conftest import (
    answered,
    booked,
    booking_dialog,
    lost_connection,
    service_id_of,
    type_visitor,
)
from tests.ui.reception.test_reception_writes import off_gui_thread, recording


def waiting_ticket(window, clock, name="Dewi Lestari"):
    visitor = RegistrationService(clock).register(
        window.actor,
        VisitorForm(name=name, email="dewi@example.com", gender="female", consent=True),
    )
    ticket = QueueService(clock).issue_ticket(
        window.actor, visitor_id=visitor.id, service_id=service_id_of(window, "consultation")
    )
    window.refresh()
    return ticket


def cancel_dialog_for(qtbot, window, ticket):
    window.queue_reader.wait()
    assert window.select_visit(ticket.visit_id)
    window.open_cancel_dialog()
    dialog = window.cancel_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def confirm(qtbot, window, dialog, reason: str) -> None:
    dialog.reason.setCurrentText(reason)
    with answered(qtbot, window):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)


def test_a_ticket_is_cancelled_on_the_write_thread(qtbot, window, clock, monkeypatch):
    ticket = waiting_ticket(window, clock)
    cancels = recording(monkeypatch, FrontDesk, "cancel")
    dialog = cancel_dialog_for(qtbot, window, ticket)
    confirm(qtbot, window, dialog, "Salah pilih layanan")
    assert off_gui_thread(cancels)
    assert not dialog.isVisible()
    assert window.status_line.text() == "Ticket cancelled."
    assert Visit.get_by_id(ticket.visit_id).status == VisitStatus.CANCELLED.value


def test_a_refused_cancel_says_why_in_the_dialog_in_clean_words(qtbot, window, clock, make_actor):
    ticket = waiting_ticket(window, clock)
    dialog = cancel_dialog_for(qtbot, window, ticket)
    confirm(qtbot, window, dialog, "")
    assert dialog.isVisible() and dialog.error.text() == "Say why the ticket is cancelled."
    # another PC cancels it meanwhile: the service's sentence, no field name in front of it
    FrontDesk(clock).cancel(window.actor, ticket.visit_id, "Dobel")
    confirm(qtbot, window, dialog, "Salah pilih layanan")
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text() and not dialog.error.text().startswith("reason")
    assert not window.connection_banner.isVisible()
    assert Visit.get_by_id(ticket.visit_id).cancel_reason == "Dobel"


def test_a_cancel_while_the_connection_drops_shows_the_band(qtbot, window, clock, monkeypatch):
    ticket = waiting_ticket(window, clock)

    def dropped(*_args, **_kwargs):
        raise lost_connection()

    monkeypatch.setattr(FrontDesk, "cancel", dropped)
    dialog = cancel_dialog_for(qtbot, window, ticket)
    confirm(qtbot, window, dialog, "Salah pilih layanan")
    assert window.connection_monitor.is_lost and window.connection_banner.isVisible()
    assert window.notice.isVisible() and window.notice.property("kind") == "error"
    assert "server closed" not in window.notice_text.text()  # the driver's words: the tooltip
    assert "server closed" in window.notice_text.toolTip()
    assert dialog.isVisible() and dialog.reason.currentText() == "Salah pilih layanan"
    assert Visit.get_by_id(ticket.visit_id).status == VisitStatus.WAITING.value


def test_booking_saves_the_visitor_off_the_gui_thread_and_a_drop_shows_the_band(
    qtbot, window, clock, monkeypatch
):
    clock.set(wib(2026, 11, 24, 16, 0))  # Tuesday after hours
    registers = recording(monkeypatch, RegistrationService, "register")
    type_visitor(qtbot, window)
    dialog = booking_dialog(qtbot, window)
    assert off_gui_thread(registers)
    assert window.form.visitor_id is not None  # the form is that visitor now
    assert dialog.scheduled_at() == wib(2026, 11, 25, 8, 0)

    def dropped(*_args, **_kwargs):
        raise lost_connection()

    monkeypatch.setattr(FrontDesk, "book", dropped)
    booked(qtbot, window, dialog)
    assert window.connection_banner.isVisible()
    assert dialog.isVisible()  # nothing booked: the receptionist tries again when it is back
    assert Appointment.select().count() == 0


def test_a_refused_booking_keeps_the_typing_and_marks_the_fields(qtbot, window, clock):
    clock.set(wib(2026, 11, 24, 16, 0))
    type_visitor(qtbot, window, email="siti.aminah@")
    with answered(qtbot, window):
        window.open_appointment_dialog()
    assert window.appointment_dialog is None  # nothing to book for: the entry was refused
    assert window.form.errors["email"].isVisible()
    assert window.notice_text.text() == "Check the marked fields."
    assert window.form.email.text() == "siti.aminah@"


def test_a_visitor_gone_from_the_guest_book_is_said_in_the_message_line(
    qtbot, window, clock, make_actor
):
    from models.entities import Role

    visitor = RegistrationService(clock).register(
        window.actor,
        VisitorForm(name="Budi", email="budi@example.com", gender="male", consent=True),
    )
    RegistrationService(clock).delete(make_actor(Role.SUPERVISOR), visitor.id)
    window.load_visitor(visitor.id)
    qtbot.waitUntil(window.notice.isVisible)
    assert window.notice_text.text() == "This visitor is no longer in the guest book."
    assert window.form.visitor_id is None
    assert not window.connection_banner.isVisible()


def test_a_returning_visitor_is_loaded_off_the_gui_thread(qtbot, window, clock, monkeypatch):
    visitor = RegistrationService(clock).register(
        window.actor,
        VisitorForm(name="Budi", email="budi@example.com", gender="male", consent=True),
    )
    reads = recording(monkeypatch, RegistrationService, "entry")
    window.load_visitor(visitor.id)
    qtbot.waitUntil(lambda: window.form.visitor_id == visitor.id)
    assert off_gui_thread(reads)
    assert window.form.name.text() == "Budi" and window.returning_badge.isVisible()


def test_a_queue_read_that_finds_the_database_gone_shows_the_band(qtbot, window, monkeypatch):
    threads: list[threading.Thread] = []

    def gone(_office_id, _now):
        threads.append(threading.current_thread())
        raise lost_connection()

    monkeypatch.setattr(reception, "queue_snapshot", gone)
    window.refresh()
    qtbot.waitUntil(window.connection_banner.isVisible)
    assert "The queue could not be read" in window.status_line.text()
    assert not window.notice.isVisible()  # the receptionist's form is left alone
    assert threads and threading.main_thread() not in threads
    monkeypatch.undo()  # back: the monitor finds it and the queue is read again
    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: "Queue updated" in window.status_line.text(), timeout=5000)


def test_f9_right_after_a_visitor_is_picked_issues_for_them(qtbot, window, clock, monkeypatch):
    from models.entities import Visitor

    visitor = RegistrationService(clock).register(
        window.actor,
        VisitorForm(name="Budi", email="budi@example.com", gender="male", consent=True),
    )
    gate = threading.Event()
    real = RegistrationService.entry

    def slow_entry(self, actor, visitor_id):
        gate.wait(5)  # a slow network: the entry is not in the form yet when F9 comes
        return real(self, actor, visitor_id)

    monkeypatch.setattr(RegistrationService, "entry", slow_entry)
    window.load_visitor(visitor.id)
    window.form.service.setCurrentIndex(
        window.form.service.findData(service_id_of(window, "consultation"))
    )
    issued: list = []
    window.ticket_issued.connect(lambda ticket, _out: issued.append(ticket))
    qtbot.keyClick(window.form.name, Qt.Key.Key_F9)
    assert issued == [] and not window.calls.busy  # it waits for the visitor
    gate.set()
    qtbot.waitUntil(lambda: len(issued) == 1, timeout=5000)
    assert Visit.get_by_id(issued[0].visit_id).visitor_id == visitor.id
    assert Visitor.select().count() == 1  # nobody registered twice
