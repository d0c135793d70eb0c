import dataclasses
import datetime as dt
import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm

from models.entities import Office, Role, ServiceType
from pst_desktop.core.errors import NotFound
from pst_desktop.frontdesk import ticket_pdf
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.frontdesk.ticket_pdf import (
    TicketData,
    format_date,
    hours_text,
    parse_qr_value,
    qr_modules,
    render_ticket,
    sample_ticket_data,
    ticket_data_for,
)
from pst_desktop.sop.office_calendar import SOP_HOURS
from pst_desktop.visits.queue import QueueService


def read(pdf: bytes) -> tuple[str, tuple[float, float]]:
    """The text of the one page and its size in points."""
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    return page.extract_text(), (float(page.mediabox.width), float(page.mediabox.height))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def data() -> TicketData:
    return sample_ticket_data("BPS Provinsi Bengkulu")


def png_logo() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (120, 60), (0, 80, 160, 255)).save(out, "PNG")
    return out.getvalue()


# -- rendering ------------------------------------------------------------------------------
def test_ticket_shows_number_service_office_and_people_ahead(data):
    text, _ = read(render_ticket(data))
    flat = squash(text)
    assert "K-007" in text
    assert "Konsultasi Statistik" in text
    assert "BPS Provinsi Bengkulu" in text
    assert "NOMOR ANTRIAN" in text
    assert re.search(r"^3$", text, re.MULTILINE)  # people ahead, in its own box
    assert "Antrian di depan Anda" in text
    assert "Perkiraan waktu tunggu" in text
    assert "± 45" in text and "menit" in text
    assert "Selasa, 24 November 2026 · 10.00 WIB" in flat
    assert "Senin–Kamis 08.00–15.30, Jumat 08.00–16.00 WIB" in flat
    assert "Jam layanan" in text
    assert "Data pribadi" in text


@pytest.mark.parametrize(
    ("paper", "width", "height"),
    [("80mm", 80 * mm, None), ("58mm", 58 * mm, None), ("A6", 105 * mm, 148 * mm)],
)
def test_page_sizes(data, paper, width, height):
    text, (w, h) = read(render_ticket(data, paper=paper))
    assert w == pytest.approx(width, abs=0.01)
    if height is None:
        assert 80 * mm < h < 180 * mm  # a roll: as long as the content
    else:
        assert h == pytest.approx(height, abs=0.01)
    assert "K-007" in text


def test_eighty_mm_is_226_77_points(data):
    assert read(render_ticket(data))[1][0] == pytest.approx(226.77, abs=0.01)


def test_unknown_paper_is_refused(data):
    with pytest.raises(ValueError, match="80mm"):
        render_ticket(data, paper="A4")


def test_english_labels(data):
    english = dataclasses.replace(data, hours_text=hours_text(SOP_HOURS, "Asia/Jakarta", "en"))
    text = squash(read(render_ticket(english, language="en"))[0])
    assert "QUEUE NUMBER" in text
    assert "People ahead of you" in text
    assert "Tuesday, 24 November 2026 · 10:00 WIB" in text
    assert "Monday–Thursday 08:00–15:30, Friday 08:00–16:00 WIB" in text
    assert "Antrian" not in text
    # an unknown language falls back to Indonesian
    assert "NOMOR ANTRIAN" in read(render_ticket(data, language="fr"))[0]


@pytest.mark.parametrize(
    ("minutes", "shown"), [(45, "± 45 menit"), (3, "± 5 menit"), (0, "Segera"), (None, "–")]
)
def test_wait_is_rounded_to_five_minutes(data, minutes, shown):
    ticket = dataclasses.replace(data, estimated_wait_minutes=minutes)
    assert shown in squash(read(render_ticket(ticket))[0])


def test_logo_is_drawn_and_a_broken_logo_is_skipped(data):
    with_logo = render_ticket(dataclasses.replace(data, logo=png_logo()))
    page = PdfReader(io.BytesIO(with_logo)).pages[0]
    assert len(page.images) == 1
    broken = render_ticket(dataclasses.replace(data, logo=b"not an image"))
    assert "K-007" in read(broken)[0]
    assert len(PdfReader(io.BytesIO(broken)).pages[0].images) == 0


def test_long_names_wrap_and_stay_on_the_ticket(data):
    long = dataclasses.replace(
        data,
        office_name="Badan Pusat Statistik Kabupaten Bengkulu Selatan " * 3,
        service_name="Pembelian Data Mikro/Peta & Publikasi",
        code="D-1234",
    )
    for paper in ticket_pdf.PAPERS:
        text = squash(read(render_ticket(long, paper=paper))[0])
        assert "D-1234" in text
        assert "Pembelian Data Mikro/Peta & Publikasi" in text
        assert "…" in text  # the office name is cut at three lines


def test_same_data_gives_the_same_pdf(data):
    assert render_ticket(data) == render_ticket(data)


def test_qr_code_carries_the_visit_id(data):
    assert data.qr_value == "PST:visit:1234"
    assert parse_qr_value(" PST:visit:1234\n") == 1234
    assert parse_qr_value("PST:visit:x") is None
    assert parse_qr_value("https://example.com") is None
    modules = qr_modules(data.qr_value)
    size = len(modules)
    assert size in (21, 25) and all(len(row) == size for row in modules)
    finder = [row[:7] for row in modules[:7]]  # the top-left finder pattern
    assert finder[0] == (True,) * 7 and finder[3] == (True, False, True, True, True, False, True)
    assert modules[0][-7:] == (True,) * 7 and modules[-1][:7] == (True,) * 7
    # drawn as filled rectangles: one per dark run of a row
    content = PdfReader(io.BytesIO(render_ticket(data))).pages[0].get_contents().get_data()
    runs = sum(
        sum(1 for i, dark in enumerate(row) if dark and (i == 0 or not row[i - 1]))
        for row in modules
    )
    assert content.count(b" re") >= runs


# -- text helpers ---------------------------------------------------------------------------
def test_hours_text_groups_weekdays():
    assert hours_text(SOP_HOURS, "Asia/Jakarta") == (
        "Senin–Kamis 08.00–15.30, Jumat 08.00–16.00 WIB"
    )
    split = {0: SOP_HOURS[0], 1: SOP_HOURS[1], 3: SOP_HOURS[3]}
    assert hours_text(split, "Asia/Makassar") == "Senin, Selasa 08.00–15.30, Kamis 08.00–15.30 WITA"
    assert hours_text({}, "Asia/Jayapura") == ""
    assert hours_text({4: SOP_HOURS[4]}, "Asia/Jayapura", "en") == "Friday 08:00–16:00 WIT"


def test_dates_in_indonesian_and_english():
    assert format_date(dt.date(2026, 8, 17)) == "Senin, 17 Agustus 2026"
    assert format_date(dt.date(2026, 8, 17), "en") == "Monday, 17 August 2026"


# -- from the database ----------------------------------------------------------------------
@pytest.fixture
def receptionist(make_actor):
    return make_actor(Role.RECEPTIONIST)


@pytest.fixture
def issue(receptionist, clock):
    queue = QueueService(clock)
    visitor = RegistrationService(clock).register(
        receptionist,
        VisitorForm(name="Siti Aminah", email="siti@example.com", gender="female", consent=True),
    )

    def issue_one(code: str = "consultation"):
        service = ServiceType.get(ServiceType.code == code)
        return queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=service.id)

    issue_one.queue = queue
    return issue_one


def test_ticket_data_for_an_issued_ticket(office, issue, clock):
    issued = [issue() for _ in range(4)]
    issue("library")  # another service: not ahead
    data = ticket_data_for(issued[-1].visit_id, clock)
    assert data.code == "K-004" == issued[-1].code
    assert data.ahead == 3 == issued[-1].ahead
    assert data.service_name == "Konsultasi Statistik"
    assert data.office_name == office.name
    assert data.issued_at == clock.now()
    assert data.day == dt.date(2026, 11, 24)
    assert data.time_zone == "Asia/Jakarta"
    assert data.estimated_wait_minutes == 23  # no history: 15 min × 3 ÷ 2 desks
    assert data.hours_text == "Senin–Kamis 08.00–15.30, Jumat 08.00–16.00 WIB"
    assert data.qr_value == f"PST:visit:{issued[-1].visit_id}"
    assert data.logo is None
    text = read(render_ticket(data))[0]
    assert "K-004" in text and office.name in text and re.search(r"^3$", text, re.MULTILINE)


def test_reprint_keeps_the_number_and_counts_who_is_still_ahead(issue, clock, make_actor):
    issued = [issue() for _ in range(3)]
    first = ticket_data_for(issued[2].visit_id, clock)
    officer = make_actor(Role.OFFICER)
    clock.advance(minutes=5)
    desk = issue.queue.call_next(officer, desk_id=_first_desk())
    assert desk.id == issued[0].visit_id
    again = ticket_data_for(issued[2].visit_id, clock)
    assert (again.code, again.issued_at) == (first.code, first.issued_at)
    assert (first.ahead, again.ahead) == (2, 1)
    called = ticket_data_for(issued[0].visit_id, clock)
    assert (called.code, called.ahead, called.estimated_wait_minutes) == ("K-001", 0, None)


def test_ticket_data_uses_the_office_logo_and_language(office, issue, clock):
    Office.update(logo=png_logo()).where(Office.id == office.id).execute()
    data = ticket_data_for(issue().visit_id, clock, language="en")
    assert data.logo == png_logo()
    assert data.hours_text.startswith("Monday–Thursday 08:00–15:30")
    assert "K-001" in read(render_ticket(data, language="en"))[0]


def test_a_transferred_ticket_keeps_its_number(issue, clock, admin):
    issued = issue()
    library = ServiceType.get(ServiceType.code == "library")
    issue.queue.transfer(admin, issued.visit_id, service_id=library.id)
    data = ticket_data_for(issued.visit_id, clock)
    assert (data.code, data.service_name) == ("K-001", "Perpustakaan")


def test_unknown_visit(db):
    with pytest.raises(NotFound):
        ticket_data_for(999_999, None)


def _first_desk() -> int:
    from models.entities import Desk

    return Desk.select().order_by(Desk.id).first().id


# -- the ticket's language (Qt's translation and QLocale, not the staff's UI language) -------
@pytest.mark.parametrize("staff_language", ["id", "en"])
def test_ticket_labels_follow_the_ticket_language_not_the_staff_one(qapp, data, staff_language):
    from PySide6.QtCore import QLocale

    from pst_desktop.core.i18n import install_translator

    locale = QLocale()
    install_translator(qapp, staff_language)
    try:
        indonesian = render_ticket(data, language="id")
        english = render_ticket(
            dataclasses.replace(data, hours_text=hours_text(SOP_HOURS, "Asia/Jakarta", "en")),
            language="en",
        )
    finally:
        install_translator(qapp, "en")
        QLocale.setDefault(locale)
    text = squash(read(indonesian)[0])
    for label in (
        "Pelayanan Statistik Terpadu (PST)",
        "NOMOR ANTRIAN",
        "Antrian di depan Anda",
        "Perkiraan waktu tunggu",
        "± 45 menit",
        "Simpan tiket ini sampai nomor Anda dipanggil.",
        "Jam layanan",
        "Senin–Kamis 08.00–15.30, Jumat 08.00–16.00 WIB",
        "Data pribadi Anda dijaga kerahasiaannya",
        "Selasa, 24 November 2026 · 10.00 WIB",
    ):
        assert label in text, label
    assert "Queue" not in text and "Service hours" not in text
    assert PdfReader(io.BytesIO(indonesian)).metadata.title == "Tiket antrian K-007"
    text = squash(read(english)[0])
    for label in (
        "Integrated Statistical Services (PST)",
        "QUEUE NUMBER",
        "People ahead of you",
        "Estimated waiting time",
        "± 45 min",
        "Keep this ticket until your number is called.",
        "Service hours",
        "Monday–Thursday 08:00–15:30, Friday 08:00–16:00 WIB",
        "Your personal data is kept confidential",
        "Tuesday, 24 November 2026 · 10:00 WIB",
    ):
        assert label in text, label
    assert "Antrian" not in text and "Jam layanan" not in text
    assert PdfReader(io.BytesIO(english)).metadata.title == "Queue ticket K-007"


def test_month_and_weekday_names_come_from_qlocale():
    from PySide6.QtCore import QLocale

    for language, locale in (
        ("id", QLocale(QLocale.Language.Indonesian)),
        ("en", QLocale(QLocale.Language.English)),
    ):
        for month in range(1, 13):
            day = dt.date(2026, month, 1)
            expected = f"{locale.dayName(day.isoweekday())}, 1 {locale.monthName(month)} 2026"
            assert format_date(day, language) == expected
    assert format_date(dt.date(2026, 12, 31)) == "Kamis, 31 Desember 2026"
    assert format_date(dt.date(2026, 5, 1), "en") == "Friday, 1 May 2026"
    assert hours_text({6: SOP_HOURS[0]}, "Asia/Jakarta") == "Minggu 08.00–15.30 WIB"
