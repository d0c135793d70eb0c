"""Printing goes to a PDF file standing in for the printer (``print_to_file``)."""

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from reportlab.lib.units import mm

from pst_desktop.core.settings import StationSettings
from pst_desktop.frontdesk import ticket_printing as printing
from pst_desktop.frontdesk.ticket_pdf import render_ticket, sample_ticket_data
from pst_desktop.frontdesk.ticket_printing import default_ticket_folder, ticket_pdf_path
from ui import printing as print_path
from ui.printing import available_printers, issue_output, print_pdf, print_test_ticket

DAY = dt.date(2026, 11, 24)
#: Qt's page sizes are whole points
POINT = 1.0


@pytest.fixture
def station(tmp_path) -> StationSettings:
    return StationSettings(QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="module")
def ticket_pdf() -> bytes:
    return render_ticket(sample_ticket_data(code="K-001"))


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def source_size(pdf: bytes) -> tuple[float, float]:
    import io

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return float(page.mediabox.width), float(page.mediabox.height)


@pytest.mark.parametrize("paper", ["80mm", "58mm", "A6"])
def test_printing_to_a_pdf_printer_keeps_the_page_size(qapp, tmp_path, paper):
    pdf = render_ticket(sample_ticket_data(), paper=paper)
    out = tmp_path / "printed.pdf"
    result = print_pdf(pdf, "Stand-in", print_to_file=out)
    assert (result.ok, result.pages, result.error) == (True, 1, "")
    assert out.exists() and out.stat().st_size > 1000
    [(width, height)] = page_sizes(out)
    want_w, want_h = source_size(pdf)
    assert width == pytest.approx(want_w, abs=POINT)
    assert height == pytest.approx(want_h, abs=POINT)
    if paper == "80mm":
        assert width == pytest.approx(80 * mm, abs=POINT)


def test_printed_page_carries_the_ticket_image(qapp, tmp_path, ticket_pdf):
    out = tmp_path / "printed.pdf"
    assert print_pdf(ticket_pdf, "Stand-in", print_to_file=out).ok
    images = [i.image for i in PdfReader(out).pages[0].images]
    # handed over in strips (each call short: the window's thread gets its turn between them)
    assert len(images) > 1 and all(i.height <= print_path.STRIP_ROWS + 1 for i in images)
    # rendered at 203 dpi: 80 mm is 639 dots; the strips overlap by one row and cover the page
    assert all(i.width == pytest.approx(80 / 25.4 * 203, abs=1) for i in images)
    _, height_pt = source_size(ticket_pdf)
    rows = sum(i.height for i in images) - (len(images) - 1)
    assert rows == pytest.approx(height_pt / 72 * 203, abs=1)
    extremes = [i.convert("L").getextrema() for i in images]
    assert (min(e[0] for e in extremes), max(e[1] for e in extremes)) == (0, 255)  # black on white


def _grey_rows(image) -> list[bytes]:
    from PySide6.QtGui import QImage

    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride = bytes(grey.constBits()), grey.bytesPerLine()
    return [data[y * stride : y * stride + grey.width()] for y in range(grey.height())]


def test_the_strips_meet_without_a_seam(qapp, tmp_path, ticket_pdf):
    """The printed page, seen at the printer's 203 dpi, is the ticket's own image: no white line
    where two strips meet (a QR code cut by one would not scan)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    def page_image(pdf: bytes):
        document, buffer = QPdfDocument(), QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        try:
            return print_path._render_page(document, 0, document.pagePointSize(0), 203)
        finally:
            document.close()

    out = tmp_path / "printed.pdf"
    assert print_pdf(ticket_pdf, "Stand-in", print_to_file=out).ok
    ticket, printed = _grey_rows(page_image(ticket_pdf)), _grey_rows(page_image(out.read_bytes()))
    assert abs(len(ticket) - len(printed)) <= 1

    def mean(row: bytes) -> float:
        return sum(row) / len(row)

    pairs = list(zip(ticket, printed, strict=False))
    seams = [y for y, (t, p) in enumerate(pairs) if mean(t) < 128 and mean(p) > 230]
    assert seams == []  # no dark row of the ticket comes out white
    cells = sum(len(t) for t, _ in pairs)
    difference = sum(abs(a - b) for t, p in pairs for a, b in zip(t, p, strict=False)) / cells
    assert difference < 12  # resampling at 203 dpi moves edges by under a dot


def test_missing_printer_is_reported_not_raised(qapp, ticket_pdf):
    result = print_pdf(ticket_pdf, "Tidak Ada Printer 42")
    assert not result.ok
    assert "not found" in result.error


def test_a_broken_pdf_is_reported(qapp, tmp_path):
    result = print_pdf(b"%PDF-garbage", "Stand-in", print_to_file=tmp_path / "x.pdf")
    assert not result.ok and "PDF" in result.error


def test_available_printers_names_the_cups_queue(qapp):
    """The printer list the receptionist picks from holds the system's queues by name (it
    asserted only "a list of strings" before, which an empty list passed)."""
    from tests.pst_desktop.frontdesk.test_printer_state import QUEUE, _has_cups_queue

    if not _has_cups_queue():
        pytest.skip(f"no CUPS queue {QUEUE} (tools/setup_cups_printer.sh)")
    assert QUEUE in available_printers()


# -- issue_output ---------------------------------------------------------------------------
def test_without_a_printer_the_ticket_is_saved_with_one_line(qapp, tmp_path, station, ticket_pdf):
    output = issue_output(ticket_pdf, station, tmp_path / "tickets", code="K-001", day=DAY)
    assert output.pdf_path == tmp_path / "tickets" / "2026-11-24" / "K-001.pdf"
    assert output.pdf_path.read_bytes() == ticket_pdf
    assert not output.printed and not output.ok
    assert output.message == (
        f"No ticket printer is set; ticket K-001 was saved as PDF: {output.pdf_path}"
    )
    assert "\n" not in output.message


def test_missing_printer_gives_the_clear_line_and_the_pdf(qapp, tmp_path, station, ticket_pdf):
    station.printer = "Printer Loket 9"
    output = issue_output(ticket_pdf, station, tmp_path, code="K-001", day=DAY)
    assert not output.printed
    assert output.pdf_path is not None and output.pdf_path.exists()
    assert output.message == (
        f"Printer Printer Loket 9 was not found: ticket K-001 was NOT printed. Its PDF is kept "
        f"({output.pdf_path}); reprint it with Ctrl+P once the printer is ready"
    )


def test_printed_and_saved(qapp, tmp_path, station, ticket_pdf):
    station.printer = "Stand-in"
    printed = tmp_path / "printer-output.pdf"
    output = issue_output(
        ticket_pdf, station, tmp_path / "tickets", code="K-001", day=DAY, print_to_file=printed
    )
    assert output.ok and output.printed and output.message == ""
    assert output.printer == "Stand-in"
    assert printed.exists() and output.pdf_path.exists()


def test_reprint_overwrites_the_same_file(qapp, tmp_path, station, ticket_pdf):
    first = issue_output(ticket_pdf, station, tmp_path, code="K-001", day=DAY)
    again = issue_output(ticket_pdf + b"\n", station, tmp_path, code="K-001", day=DAY)
    assert first.pdf_path == again.pdf_path
    assert again.pdf_path.read_bytes() == ticket_pdf + b"\n"
    assert [p.name for p in again.pdf_path.parent.iterdir()] == ["K-001.pdf"]  # no temp left


def test_unwritable_folder_still_prints(qapp, tmp_path, station, ticket_pdf):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    station.printer = "Stand-in"
    printed = tmp_path / "printer-output.pdf"
    output = issue_output(
        ticket_pdf, station, blocker, code="K-001", day=DAY, print_to_file=printed
    )
    assert output.printed and output.pdf_path is None
    assert output.message.startswith("Ticket K-001 was printed, but its PDF could not be saved")
    station.printer = ""
    output = issue_output(ticket_pdf, station, blocker, code="K-001", day=DAY)
    assert not output.printed and output.pdf_path is None
    assert output.message.startswith("No ticket printer is set, and ticket K-001 could not be")


def test_the_station_folder_and_its_default(qapp, tmp_path, station, ticket_pdf, monkeypatch):
    monkeypatch.setenv("PST_DATA_DIR", str(tmp_path / "data"))
    assert default_ticket_folder() == tmp_path / "data" / "tickets"
    assert printing.ticket_folder(station) == tmp_path / "data" / "tickets"
    output = issue_output(ticket_pdf, station, code="K-001", day=DAY)
    assert output.pdf_path == tmp_path / "data" / "tickets" / "2026-11-24" / "K-001.pdf"
    station.ticket_folder = str(tmp_path / "elsewhere")
    output = issue_output(ticket_pdf, station, code="K-001", day=DAY)
    assert output.pdf_path == tmp_path / "elsewhere" / "2026-11-24" / "K-001.pdf"


def test_file_names_are_safe():
    assert ticket_pdf_path(Path("t"), "K-001", DAY) == Path("t/2026-11-24/K-001.pdf")
    assert ticket_pdf_path(Path("t"), "../x", DAY) == Path("t/2026-11-24/___x.pdf")


def test_paper_setting(station):
    assert station.ticket_paper == "80mm"
    station.ticket_paper = "58mm"
    assert station.ticket_paper == "58mm"
    with pytest.raises(ValueError):
        station.ticket_paper = "A4"
    assert station.ticket_folder == ""


def test_test_ticket(qapp, tmp_path, station):
    station.ticket_paper = "58mm"
    out = tmp_path / "test.pdf"
    result = print_test_ticket(station, "BPS Kota Bengkulu", printer_name="X", print_to_file=out)
    assert result.ok
    [(width, _)] = page_sizes(out)
    assert width == pytest.approx(58 * mm, abs=POINT)
    assert not print_test_ticket(station).ok  # no printer set
    result = print_test_ticket(station, paper="A6", print_to_file=out)
    assert result.ok and page_sizes(out)[0][0] == pytest.approx(105 * mm, abs=POINT)


def test_printing_needs_a_gui_application(monkeypatch, ticket_pdf):
    monkeypatch.setattr(print_path.QCoreApplication, "instance", staticmethod(lambda: None))
    with pytest.raises(RuntimeError, match="QGuiApplication"):
        print_pdf(ticket_pdf, "x")
