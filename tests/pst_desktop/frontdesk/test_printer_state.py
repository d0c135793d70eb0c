"""Printing asks the printer's state before and after sending.

The state is read through an injected function, so these tests fake "stopped" and "ready"
printers with no print system; one test at the end uses a real CUPS queue when there is one
(``tools/setup_cups_printer.sh`` makes it).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from pst_desktop.core.settings import StationSettings
from pst_desktop.frontdesk import ticket_printing as printing
from pst_desktop.frontdesk.ticket_pdf import render_ticket, sample_ticket_data
from pst_desktop.frontdesk.ticket_printing import PrinterState, PrinterStatus
from ui import printing as print_path
from ui.printing import issue_output, print_pdf

DAY = dt.date(2026, 11, 24)
READY = PrinterStatus(PrinterState.READY)
PAPER_OUT = PrinterStatus(PrinterState.STOPPED, "paper out")
QUEUE = "PST_Tickets"


class FakePrinter:
    """Answers the state questions in turn (the last answer repeats) and counts them."""

    def __init__(self, *answers: PrinterStatus) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, name: str) -> PrinterStatus:
        self.asked.append(name)
        return self.answers[min(len(self.asked), len(self.answers)) - 1]


@pytest.fixture
def station(tmp_path) -> StationSettings:
    settings = StationSettings(QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat))
    settings.printer = "Loket"
    return settings


@pytest.fixture(scope="module")
def ticket_pdf() -> bytes:
    return render_ticket(sample_ticket_data(code="K-001"))


def test_a_stopped_printer_gets_nothing_and_the_receptionist_one_clear_line(
    qapp, tmp_path, station, ticket_pdf
):
    printer_output = tmp_path / "printer-output.pdf"
    fake = FakePrinter(PAPER_OUT)
    output = issue_output(
        ticket_pdf,
        station,
        tmp_path / "tickets",
        code="K-001",
        day=DAY,
        print_to_file=printer_output,
        status=fake,
    )
    assert fake.asked == ["Loket"]  # asked once, before sending
    assert not printer_output.exists()  # nothing was sent
    assert not output.printed
    assert output.pdf_path is not None and output.pdf_path.read_bytes() == ticket_pdf
    assert output.message == (
        "Printer Loket is stopped (paper out): ticket K-001 was NOT printed. Its PDF is kept "
        f"({output.pdf_path}); reprint it with Ctrl+P once the printer is ready"
    )
    assert "\n" not in output.message


def test_an_error_without_a_reason_still_names_the_printer(qapp, tmp_path, station, ticket_pdf):
    fake = FakePrinter(PrinterStatus(PrinterState.STOPPED))
    output = issue_output(
        ticket_pdf, station, tmp_path, code="K-002", day=DAY, print_to_file=tmp_path / "p.pdf"
    )
    assert output.printed  # the stand-in printer with no state reader prints
    output = issue_output(
        ticket_pdf,
        station,
        tmp_path,
        code="K-002",
        day=DAY,
        print_to_file=tmp_path / "q.pdf",
        status=fake,
    )
    assert not output.printed and not (tmp_path / "q.pdf").exists()
    assert output.message.startswith("Printer Loket is stopped or reports an error")
    assert "Ctrl+P" in output.message


def test_a_printer_that_fails_after_sending_is_reported(qapp, tmp_path, ticket_pdf):
    printer_output = tmp_path / "printer-output.pdf"
    fake = FakePrinter(READY, PAPER_OUT)
    result = print_pdf(ticket_pdf, "Loket", print_to_file=printer_output, status=fake)
    assert fake.asked == ["Loket", "Loket"]  # before and after
    assert printer_output.exists() and result.sent
    assert not result.ok and result.status == PAPER_OUT
    message = printing.output_message("K-001", tmp_path / "K-001.pdf", "", "Loket", result)
    assert message.startswith("Printer Loket is stopped (paper out) after ticket K-001 was sent")


def test_a_ready_printer_prints(qapp, tmp_path, ticket_pdf):
    printer_output = tmp_path / "printer-output.pdf"
    result = print_pdf(ticket_pdf, "Loket", print_to_file=printer_output, status=FakePrinter(READY))
    assert result.ok and result.sent and printer_output.exists()


def test_an_unknown_printer_is_not_found_by_the_real_state_reader(qapp):
    assert print_path.printer_status("Tidak Ada Printer 42").state is PrinterState.NOT_FOUND
    assert print_path.printer_status("").state is PrinterState.NOT_FOUND


# -- a real print system ------------------------------------------------------------------------
def _has_cups_queue() -> bool:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return False
    done = subprocess.run([lpstat, "-p", QUEUE], capture_output=True, text=True, check=False)
    return done.returncode == 0


def _cups_pdf_folder() -> Path:
    text = Path("/etc/cups/cups-pdf.conf").read_text()
    match = re.search(r"^Out\s+(\S+)", text, re.MULTILINE)
    folder = match.group(1) if match else "${HOME}/PDF"
    return Path(folder.replace("${HOME}", os.path.expanduser("~")))


@pytest.mark.skipif(not _has_cups_queue(), reason=f"no CUPS queue {QUEUE} (setup_cups_printer.sh)")
def test_printing_for_real_on_cups(qapp, qtbot, tmp_path):
    pdf = render_ticket(sample_ticket_data(code="K-042"))
    title = f"pst-test-{uuid.uuid4().hex[:8]}"
    assert print_path.printer_status(QUEUE).state is PrinterState.READY
    result = print_pdf(pdf, QUEUE, title=title)
    assert result.ok and result.sent, result.error
    folder = _cups_pdf_folder()
    qtbot.waitUntil(lambda: any(folder.glob(f"{title}*.pdf")), timeout=30_000)
    qtbot.waitUntil(lambda: not _jobs(), timeout=30_000)  # the job's end sets the state too

    # a stopped queue: Qt says Error, CUPS says why, and the job is not sent
    subprocess.run(["cupsdisable", "-r", "paper out", QUEUE], check=True)
    try:
        status = print_path.printer_status(QUEUE)
        assert status.state is PrinterState.STOPPED and "paper out" in status.detail
        stopped_title = f"pst-stopped-{uuid.uuid4().hex[:8]}"
        result = print_pdf(pdf, QUEUE, title=stopped_title)
        assert not result.ok and not result.sent
        assert stopped_title not in _jobs()
    finally:
        subprocess.run(["cupsenable", QUEUE], check=True)


def _jobs() -> str:
    return subprocess.run(
        ["lpstat", "-o", QUEUE], capture_output=True, text=True, check=False
    ).stdout
