"""F9 with a printer: issued at once, printed on a worker thread, and the truth told;
the ticket's read, render and QR run on that thread too, after the number is shown."""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from models.entities import Visit
from pst_desktop.frontdesk import ticket_pdf
from pst_desktop.frontdesk.ticket_printing import PrinterState, PrinterStatus
from tests.pst_desktop.frontdesk.test_printer_state import (
    QUEUE,
    _cups_pdf_folder,
    _has_cups_queue,
    _jobs,
)
from tests.ui.reception.conftest import lost_connection, type_visitor
from ui.calls import CONNECTION_ERRORS


def asked_of_helper(monkeypatch, window) -> list[tuple[str, threading.Thread]]:
    """What the window's print thread asks of the ticket printing helper process (the render,
    the print), and from which thread; the helper's own work runs in that process."""
    asked: list[tuple[str, threading.Thread]] = []
    helper = window.output.helper
    call = helper.call

    def spy(fn: Callable, *args, **kwargs):
        asked.append((fn.__name__, threading.current_thread()))
        return call(fn, *args, **kwargs)

    monkeypatch.setattr(helper, "call", spy)
    return asked


class FakePrinter:
    """A printer's state, with the thread each question came from."""

    def __init__(self, status: PrinterStatus) -> None:
        self.status = status
        self.threads: list[threading.Thread] = []

    def __call__(self, name: str) -> PrinterStatus:
        self.threads.append(threading.current_thread())
        return self.status


def test_a_stopped_printer_gets_nothing_and_the_receptionist_reads_why(
    qtbot, make_window, station, tmp_path
):
    station.printer = "PST_Tickets"
    printer_output = tmp_path / "printer-output.pdf"
    window = make_window(print_to_file=str(printer_output))
    window.output.status = FakePrinter(PrinterStatus(PrinterState.STOPPED, "paper out"))
    answers: list = []
    window.ticket_printed.connect(answers.append)
    type_visitor(qtbot, window)
    with qtbot.waitSignal(window.ticket_issued) as issued:
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    ticket, first = issued.args
    assert first.pending and not first.printed  # the ticket is issued before the printer answers
    assert Visit.get_by_id(ticket.visit_id).number == 1
    qtbot.waitUntil(lambda: len(answers) == 1)
    (result,) = answers
    assert not result.printed and not printer_output.exists()  # nothing was sent
    assert result.pdf_path is not None and result.pdf_path.exists()  # the PDF is kept
    line = window.last_output_label.text().replace("\u200b", "")  # (path breaks)
    assert window.last_output_label.isVisible()
    assert line.startswith("Printer PST_Tickets is stopped (paper out): ticket K-001 was NOT")
    assert "Ctrl+P" in line and str(result.pdf_path) in line


def test_printing_runs_off_the_gui_thread_and_a_ready_printer_prints(
    qtbot, make_window, station, tmp_path, monkeypatch
):
    station.printer = "PST_Tickets"
    printer_output = tmp_path / "printer-output.pdf"
    window = make_window(print_to_file=str(printer_output))
    fake = FakePrinter(PrinterStatus(PrinterState.READY))
    window.output.status = fake
    asked = asked_of_helper(monkeypatch, window)
    type_visitor(qtbot, window)
    with qtbot.waitSignal(window.ticket_printed) as printed:
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    (result,) = printed.args
    assert result.printed and result.message == "" and printer_output.exists()
    assert not window.last_output_label.isVisible()
    # the printer's state is asked on the print thread, before and after; the page is drawn
    # and sent in the helper process (its interpreter lock is not the window's)
    assert len(fake.threads) == 2 and [name for name, _ in asked][-1] == "send_to_printer"
    assert all(t is not threading.main_thread() for t in fake.threads + [t for _, t in asked])
    assert window.output.helper.pid() not in (None, os.getpid())


def test_f9_reads_and_renders_the_ticket_off_the_gui_thread(qtbot, window, monkeypatch):
    threads: dict[str, list[threading.Thread]] = {"read": [], "render": []}
    read = ticket_pdf.ticket_data_for

    def reading(*args, **kwargs):
        threads["read"].append(threading.current_thread())
        return read(*args, **kwargs)

    monkeypatch.setattr(ticket_pdf, "ticket_data_for", reading)
    asked = asked_of_helper(monkeypatch, window)  # the render: in the helper process
    type_visitor(qtbot, window)
    with qtbot.waitSignal(window.ticket_printed) as printed:
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    (result,) = printed.args
    assert result.code == "K-001" and result.pdf_path is not None and result.pdf_path.exists()
    threads["render"] = [thread for name, thread in asked if name == "render_ticket"]
    assert len(threads["read"]) == 1 and len(threads["render"]) == 1
    assert all(t is not threading.main_thread() for t in threads["read"] + threads["render"])


def test_f9_shows_the_number_before_the_ticket_is_printed(
    qtbot, make_window, station, tmp_path, monkeypatch
):
    station.printer = "PST_Tickets"
    printer_output = tmp_path / "printer-output.pdf"
    window = make_window(print_to_file=str(printer_output))
    window.output.status = FakePrinter(PrinterStatus(PrinterState.READY))
    helper = window.output.helper
    call = helper.call
    go_on, rendered = threading.Event(), threading.Event()

    def slow_render(fn: Callable, *args, **kwargs):  # the render as slow as it likes
        if fn.__name__ != "render_ticket":
            return call(fn, *args, **kwargs)
        go_on.wait(5)
        pdf = call(fn, *args, **kwargs)
        rendered.set()
        return pdf

    monkeypatch.setattr(helper, "call", slow_render)
    answers: list = []
    window.ticket_printed.connect(answers.append)
    said: list[str] = []  # the status line as the answer came (a queue refresh may follow)
    window.ticket_printed.connect(lambda _result: said.append(window.status_line.text()))
    try:
        type_visitor(qtbot, window)
        with qtbot.waitSignal(window.ticket_issued):  # the number, from the write thread
            qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
        # the number is on screen while the print thread still renders
        assert not rendered.is_set()
        assert window.last_code.text() == "K-001"
        assert window.status_line.text() == "Printing ticket K-001 on PST_Tickets…"
        assert window.form.name.text() == ""  # and the form is ready for the next visitor
        qtbot.wait(50)
        assert answers == [] and not printer_output.exists()
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: len(answers) == 1)
    assert answers[0].printed and printer_output.exists()
    assert said == ["Ticket K-001 printed."]


def test_a_ticket_that_cannot_be_read_says_so_and_reports_the_connection(
    qtbot, window, monkeypatch
):
    def lost(*_args, **_kwargs):
        raise lost_connection()

    reported: list[BaseException] = []
    monkeypatch.setattr(ticket_pdf, "ticket_data_for", lost)
    monkeypatch.setattr(window, "report_connection_error", reported.append)
    said: list[str] = []  # the status line as the answer came (a queue refresh may follow)
    window.ticket_printed.connect(lambda _result: said.append(window.status_line.text()))
    type_visitor(qtbot, window)
    with qtbot.waitSignal(window.ticket_printed) as printed:
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    (result,) = printed.args
    assert isinstance(result.failure, CONNECTION_ERRORS) and not result.printed
    assert Visit.select().count() == 1  # the ticket is issued: only its print-out is missing
    assert window.last_code.text() == "K-001"
    assert window.last_output_label.isVisible()
    assert window.last_output_label.text().startswith("The ticket could not be printed: ")
    assert said == ["Ticket K-001 was not printed."]
    assert reported == [result.failure]


def test_the_test_print_tells_the_truth(qtbot, window, station, tmp_path):
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.printer_dialog
    dialog._print_to_file = str(tmp_path / "test-print.pdf")
    dialog.printer_status = FakePrinter(PrinterStatus(PrinterState.STOPPED, "paper out"))
    dialog.printer.addItem("PST_Tickets", "PST_Tickets")
    dialog.printer.setCurrentIndex(dialog.printer.findData("PST_Tickets"))
    with qtbot.waitSignal(dialog.test_finished) as finished:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert not finished.args[0].ok and not (tmp_path / "test-print.pdf").exists()
    assert dialog.result.text() == (
        "Printer PST_Tickets is stopped (paper out): the test ticket was not sent."
    )


@pytest.mark.skipif(not _has_cups_queue(), reason=f"no CUPS queue {QUEUE} (setup_cups_printer.sh)")
def test_f9_prints_on_a_real_cups_queue_and_a_stopped_one_gets_nothing(qtbot, make_window, station):
    station.printer = QUEUE
    window = make_window()  # the real printer state reader, the real print system
    folder = _cups_pdf_folder()
    before = set(folder.glob("K-001*.pdf"))
    answers: list = []
    window.ticket_printed.connect(answers.append)
    type_visitor(qtbot, window)
    qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: len(answers) == 1, timeout=30_000)
    assert answers[0].printed, answers[0].message
    qtbot.waitUntil(lambda: bool(set(folder.glob("K-001*.pdf")) - before), timeout=30_000)
    qtbot.waitUntil(lambda: not _jobs(), timeout=30_000)

    subprocess.run(["cupsdisable", "-r", "paper out", QUEUE], check=True)
    try:
        type_visitor(qtbot, window, name="Budi Santoso", email="budi@example.com")
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: len(answers) == 2, timeout=30_000)
        assert not answers[1].printed and not _jobs()  # nothing waits to print in a burst
        assert window.last_output_label.text().startswith(
            f"Printer {QUEUE} is stopped (paper out): ticket K-002 was NOT printed"
        )
    finally:
        subprocess.run(["cupsenable", QUEUE], check=True)
