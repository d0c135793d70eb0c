"""The queue ticket as a PDF (ReportLab), for an 80 mm or 58 mm roll or an A6 sheet.

After ``QueueService.issue_ticket`` the receptionist window shows the number at once and its
print thread (``ui.reception.output``) does the equivalent of::

    data = tickets.ticket_data_for(issued.visit_id, clock)          # reads the database
    pdf = tickets.render_ticket(data, paper=settings.ticket_paper)  # bytes of a one-page PDF
    result = ui.printing.issue_output(pdf, settings, code=data.code, day=data.day)

A reprint is the same three calls with the same visit id: same number, same issue time, and the
people ahead / estimated wait as they are now. Nothing here touches widgets, so all three may
run on a worker thread (with that thread's own database connection for the read).

The ticket is printed for visitors, so its labels are Indonesian by default, or in the station's
ticket language: ``ticket_labels`` translates them (Qt's translation, context "TicketLabels")
through ``i18n.translation(language)``, not the staff's UI language; weekday and month names
come from that language's QLocale.
The font is DejaVu Sans from ``resources/fonts`` so every PC prints the same glyphs.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import black, white
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from models.entities import Office, ServiceType, Visit, VisitStatus
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import Conflict, NotFound
from pst_desktop.core.i18n import translation
from pst_desktop.core.paths import resource_path
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.sop.waiting import estimated_wait_minutes
from pst_desktop.visits.queue import people_ahead, ticket_code

FONT = "PST-DejaVuSans"
FONT_BOLD = "PST-DejaVuSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

#: Indonesia's three time zones by their usual names (tzdata agrees, but not every build)
ZONE_NAMES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


# -- paper ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Paper:
    width: float  # points
    printable: float  # the width the content may use, points
    height: float | None  # None: a roll, as long as the content


PAPERS: dict[str, Paper] = {
    "80mm": Paper(80 * mm, 72 * mm, None),
    "58mm": Paper(58 * mm, 48 * mm, None),
    "A6": Paper(105 * mm, 85 * mm, 148 * mm),
}
DEFAULT_PAPER = "80mm"


# -- data -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TicketData:
    """What one ticket shows; ``ticket_data_for`` reads it from the database."""

    office_name: str
    code: str  # "K-007"
    service_name: str
    issued_at: dt.datetime  # aware
    time_zone: str  # the office's, e.g. "Asia/Jakarta"
    ahead: int
    visit_id: int
    estimated_wait_minutes: int | None = None
    hours_text: str = ""  # "Senin–Kamis 08.00–15.30, Jumat 08.00–16.00 WIB"
    logo: bytes | None = None  # PNG or JPEG
    #: a priority ticket: a symbol under the number, never the reason
    priority: bool = False

    @property
    def local_issued_at(self) -> dt.datetime:
        return self.issued_at.astimezone(ZoneInfo(self.time_zone))

    @property
    def day(self) -> dt.date:
        """The office day of the ticket (ticket numbers reset per office day)."""
        return self.local_issued_at.date()

    @property
    def qr_value(self) -> str:
        return qr_value(self.visit_id)


def qr_value(visit_id: int) -> str:
    """What the ticket's QR code carries: ``PST:visit:<id>``."""
    return f"PST:visit:{visit_id}"


def parse_qr_value(text: str) -> int | None:
    """The visit id of a scanned ticket QR code, or None when it is not one."""
    prefix = "PST:visit:"
    text = text.strip()
    if text.startswith(prefix) and text[len(prefix) :].isdigit():
        return int(text[len(prefix) :])
    return None


def zone_name(time_zone: str, moment: dt.datetime | None = None) -> str:
    """WIB / WITA / WIT for Indonesia's zones, the tz abbreviation otherwise."""
    if time_zone in ZONE_NAMES:
        return ZONE_NAMES[time_zone]
    moment = moment or dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return moment.astimezone(ZoneInfo(time_zone)).tzname() or time_zone


def format_time(moment: dt.time | dt.datetime, language: str = DEFAULT_LANGUAGE) -> str:
    """08.00 in Indonesian (the usual way), 08:00 in English."""
    separator = "." if language == "id" else ":"
    return f"{moment.hour:02d}{separator}{moment.minute:02d}"


def ticket_labels(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The printed labels in ``language`` (an unknown one: Indonesian), from the translation."""
    words = translation(_language(language))
    return {
        "desk": words.translate("TicketLabels", "Integrated Statistical Services (PST)"),
        "number": words.translate("TicketLabels", "Queue Number"),
        "service": words.translate("TicketLabels", "Service"),
        "ahead": words.translate("TicketLabels", "People ahead of you"),
        "wait": words.translate("TicketLabels", "Estimated waiting time"),
        "minutes": words.translate("TicketLabels", "min"),
        "soon": words.translate("TicketLabels", "Soon"),
        "unknown": "–",
        "keep": words.translate("TicketLabels", "Keep this ticket until your number is called."),
        "hours": words.translate("TicketLabels", "Service hours"),
        "privacy": words.translate(
            "TicketLabels", "Your personal data is kept confidential and used only to serve you."
        ),
        "title": words.translate("TicketLabels", "Queue ticket"),
        "priority": words.translate("TicketLabels", "Priority service"),
    }


def format_date(day: dt.date, language: str = DEFAULT_LANGUAGE) -> str:
    """Selasa, 24 November 2026 / Tuesday, 24 November 2026 (QLocale's names)."""
    return translation(_language(language)).date_text(day, "dddd, d MMMM yyyy")


def hours_text(
    hours: Mapping[int, tuple[dt.time, dt.time]], time_zone: str, language: str = DEFAULT_LANGUAGE
) -> str:
    """Weekday hours grouped: ``Senin–Kamis 08.00–15.30, Jumat 08.00–16.00 WIB``."""
    lang = _language(language)
    words = translation(lang)
    groups: list[tuple[int, int, tuple[dt.time, dt.time]]] = []
    for weekday in sorted(hours):
        span = hours[weekday]
        if groups and groups[-1][1] == weekday - 1 and groups[-1][2] == span:
            groups[-1] = (groups[-1][0], weekday, span)
        else:
            groups.append((weekday, weekday, span))
    if not groups:
        return ""
    parts = []
    for first, last, (opens, closes) in groups:
        days = words.weekday_name(first)
        if last != first:
            joiner = "–" if last > first + 1 else ", "
            days += joiner + words.weekday_name(last)
        parts.append(f"{days} {format_time(opens, lang)}–{format_time(closes, lang)}")
    return ", ".join(parts) + " " + zone_name(time_zone)


def _language(language: str) -> str:
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def ticket_data_for(visit_id: int, clock: Clock, language: str = DEFAULT_LANGUAGE) -> TicketData:
    """The ticket of a visit as it stands now (the number and issue time never change).

    ``ahead`` counts the walk-in tickets of the same service and day still waiting ahead of this
    one (``queue.people_ahead``: open online consultations do not count); the estimated wait
    comes from ``waiting.estimated_wait_minutes``.
    Raises ``NotFound`` for an unknown visit or one without a queue number (online), and
    ``Conflict`` for a cancelled ticket (it is not printed again).
    """
    visit = Visit.get_or_none(Visit.id == visit_id)
    if visit is None or visit.number is None:
        raise NotFound(QCoreApplication.translate("Tickets", "This visit has no queue ticket."))
    if visit.status == VisitStatus.CANCELLED.value:
        raise Conflict(
            QCoreApplication.translate(
                "Tickets", "This ticket was cancelled; it cannot be printed again."
            )
        )
    office = Office.get_by_id(visit.office_id)
    services = {
        s.id: s
        for s in ServiceType.select().where(
            ServiceType.id.in_({visit.service_id, visit.ticket_service_id})
        )
    }
    service = services[visit.service_id]
    prefix = services[visit.ticket_service_id].prefix
    calendar = OfficeCalendar.for_office(office.id)  # cached by the station for a minute
    ahead = 0
    wait = None
    if visit.status == VisitStatus.WAITING.value:
        now = clock.now()
        ahead = people_ahead(visit, now)
        wait = estimated_wait_minutes(office.id, visit.service_id, ahead, now, calendar=calendar)
    return TicketData(
        office_name=office.name,
        code=ticket_code(prefix, visit.number),
        service_name=service.name,
        issued_at=visit.issued_at,
        time_zone=office.time_zone,
        ahead=ahead,
        visit_id=visit.id,
        estimated_wait_minutes=wait,
        hours_text=hours_text(calendar.hours, office.time_zone, language),
        logo=bytes(office.logo) if office.logo else None,
        priority=bool(visit.priority),
    )


def sample_ticket_data(
    office_name: str = "BPS Provinsi Bengkulu",
    *,
    code: str = "K-007",
    language: str = DEFAULT_LANGUAGE,
) -> TicketData:
    """A made-up ticket: the settings page's test print, screenshots and benchmarks."""
    from pst_desktop.sop.office_calendar import SOP_HOURS

    return TicketData(
        office_name=office_name,
        code=code,
        service_name="Konsultasi Statistik",
        issued_at=dt.datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta")),
        time_zone="Asia/Jakarta",
        ahead=3,
        visit_id=1234,
        estimated_wait_minutes=45,
        hours_text=hours_text(SOP_HOURS, "Asia/Jakarta", language),
    )


# -- fonts ------------------------------------------------------------------------------------
_font_lock = threading.Lock()


def register_fonts() -> None:
    """Register the bundled DejaVu Sans with ReportLab (once; later calls are free)."""
    if FONT_BOLD in pdfmetrics.getRegisteredFontNames():
        return
    with _font_lock:
        for name, file in FONT_FILES.items():
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))


# -- rendering --------------------------------------------------------------------------------
def render_ticket(
    data: TicketData, paper: str = DEFAULT_PAPER, language: str = DEFAULT_LANGUAGE
) -> bytes:
    """The ticket as a one-page PDF: ``paper`` is "80mm", "58mm" or "A6".

    Roll paper (80/58 mm) gets a page exactly as long as the content; A6 is a fixed sheet with
    the content scaled to fit and centred. The same data gives the same bytes.
    """
    if paper not in PAPERS:
        raise ValueError(f"unknown ticket paper {paper!r}; choose one of {', '.join(PAPERS)}")
    register_fonts()
    spec = PAPERS[paper]
    labels = ticket_labels(language)
    scale = spec.printable / (72 * mm)
    layout = _Layout(spec.printable, scale)
    _compose(layout, data, labels, _language(language))
    height = spec.height or layout.height
    if spec.height is not None and layout.height > spec.height:
        scale *= spec.height / layout.height * 0.98
        layout = _Layout(spec.printable * 0.98, scale)
        _compose(layout, data, labels, _language(language))
    top = height - max(0.0, (height - layout.height) / 2) if spec.height else height
    left = (spec.width - layout.width) / 2

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(spec.width, height), invariant=1, pageCompression=1)
    canvas.setTitle(f"{labels['title']} {data.code}")
    canvas.setAuthor(data.office_name)
    canvas.setCreator("PST Desktop")
    canvas.setSubject(data.qr_value)
    layout.draw(canvas, left, top)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


Op = Callable[[Canvas, float, float], None]  # (canvas, left x, top y of the block)


class _Layout:
    """A column of blocks, each with a height and a drawing function, top to bottom."""

    def __init__(self, width: float, scale: float) -> None:
        self.width = width
        self.s = scale
        self.blocks: list[tuple[float, Op]] = []

    @property
    def height(self) -> float:
        return sum(h for h, _ in self.blocks)

    def add(self, height: float, op: Op | None = None) -> None:
        self.blocks.append((height, op or (lambda c, x, y: None)))

    def gap(self, millimetres: float) -> None:
        self.add(millimetres * mm * self.s)

    def draw(self, canvas: Canvas, left: float, top: float) -> None:
        y = top
        for height, op in self.blocks:
            op(canvas, left, y)
            y -= height

    # -- building blocks ---------------------------------------------------------------------
    def text(
        self,
        text: str,
        size: float,
        *,
        bold: bool = False,
        leading: float = 1.2,
        spacing: float = 0.0,
        max_lines: int | None = None,
    ) -> None:
        """Centred text, wrapped to the width; ``size`` in points before scaling."""
        font = FONT_BOLD if bold else FONT
        size *= self.s
        spacing *= self.s
        lines = _balanced_lines(text, font, size, self.width)
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = _ellipsize(lines[-1], font, size, self.width)
        ascent = pdfmetrics.getAscentDescent(font, size)[0]
        line_height = size * leading

        for i, line in enumerate(lines):

            def op(c: Canvas, x: float, y: float, line: str = line, first: bool = i == 0) -> None:
                baseline = y - (ascent if first else line_height)
                width = pdfmetrics.stringWidth(line, font, size) + spacing * max(0, len(line) - 1)
                c.saveState()  # the character spacing must not leak into later text
                t = c.beginText(x + (self.width - width) / 2, baseline)
                t.setFont(font, size)
                t.setCharSpace(spacing)
                t.textOut(line)
                c.drawText(t)
                c.restoreState()

            self.add(ascent if i == 0 else line_height, op)

    def big_number(self, code: str, max_size: float) -> None:
        """The queue number: bold, as large as fits (cap height is what the eye sees)."""
        size = max_size * self.s
        width = pdfmetrics.stringWidth(code, FONT_BOLD, size)
        room = self.width * 0.94  # a little white either side
        if width > room:
            size *= room / width
            width = room
        cap = size * 0.73  # DejaVu Sans Bold capitals and digits

        def op(c: Canvas, x: float, y: float) -> None:
            c.setFont(FONT_BOLD, size)
            c.drawString(x + (self.width - width) / 2, y - cap, code)

        self.add(cap, op)

    def rule(self, dashed: bool = False, weight: float = 0.6) -> None:
        def op(c: Canvas, x: float, y: float) -> None:
            c.saveState()
            c.setLineWidth(weight * self.s)
            if dashed:
                c.setDash(2 * self.s, 1.6 * self.s)
            c.line(x, y, x + self.width, y)
            c.restoreState()

        self.add(0, op)

    def boxes(self, cells: list[tuple[str, str, str]]) -> None:
        """Side-by-side framed cells: (value, small unit, label) each."""
        s = self.s
        gap = 2.5 * mm * s
        cell_w = (self.width - gap * (len(cells) - 1)) / len(cells)
        value_size, unit_size, label_size = 19 * s, 8 * s, 6.8 * s
        pad = 2.6 * mm * s
        label_lines = [
            simpleSplit(label, FONT, label_size, cell_w - 2 * pad) for _, _, label in cells
        ]
        n_label = max(len(lines) for lines in label_lines)
        value_cap = value_size * 0.73
        height = pad + value_cap + 2.6 * mm * s + n_label * label_size * 1.2 + pad * 0.8

        def op(c: Canvas, x: float, y: float) -> None:
            c.saveState()
            c.setLineWidth(0.8 * s)
            for i, (value, unit, _) in enumerate(cells):
                cx = x + i * (cell_w + gap)
                c.roundRect(cx, y - height, cell_w, height, 1.8 * mm * s, stroke=1, fill=0)
                value_w = pdfmetrics.stringWidth(value, FONT_BOLD, value_size)
                unit_w = pdfmetrics.stringWidth(" " + unit, FONT, unit_size) if unit else 0
                vx = cx + (cell_w - value_w - unit_w) / 2
                baseline = y - pad - value_cap
                c.setFont(FONT_BOLD, value_size)
                c.drawString(vx, baseline, value)
                if unit:
                    c.setFont(FONT, unit_size)
                    c.drawString(vx + value_w, baseline, " " + unit)
                c.setFont(FONT, label_size)
                ly = baseline - 2.6 * mm * s - label_size * 0.76
                for line in label_lines[i]:
                    c.drawCentredString(cx + cell_w / 2, ly, line)
                    ly -= label_size * 1.2
            c.restoreState()

        self.add(height, op)

    def qr(self, value: str, side_mm: float) -> None:
        """A QR code of ``value`` (error correction M), drawn as one path of dark runs."""
        modules = qr_modules(value)
        side = side_mm * mm * self.s
        box = side / len(modules)

        def op(c: Canvas, x: float, y: float) -> None:
            x0 = x + (self.width - side) / 2
            path = c.beginPath()
            for r, row in enumerate(modules):
                col = 0
                for dark, run in itertools.groupby(row):
                    count = len(list(run))
                    if dark:
                        path.rect(x0 + col * box, y - (r + 1) * box, count * box, box)
                    col += count
            c.saveState()
            c.setFillColor(black)
            c.drawPath(path, stroke=0, fill=1)
            c.restoreState()

        self.add(side, op)

    def logo(self, image: bytes, max_height_mm: float) -> bool:
        """The office logo, centred; False (and nothing drawn) when it is not a usable image."""
        try:
            reader = ImageReader(io.BytesIO(image))
            iw, ih = reader.getSize()
        except Exception:  # a broken logo must never stop a ticket
            return False
        if iw <= 0 or ih <= 0:
            return False
        height = max_height_mm * mm * self.s
        width = iw * height / ih
        if width > self.width:
            width, height = self.width, ih * self.width / iw

        def op(c: Canvas, x: float, y: float) -> None:
            c.drawImage(
                reader,
                x + (self.width - width) / 2,
                y - height,
                width,
                height,
                mask="auto",
                preserveAspectRatio=True,
            )

        self.add(height, op)
        return True

    def inverted_band(self, text: str, size: float) -> None:
        """White bold text on a black band across the width (the service name)."""
        s = self.s
        size *= s
        pad = 1.6 * mm * s
        lines = simpleSplit(text, FONT_BOLD, size, self.width - 2 * pad) or [""]
        ascent = pdfmetrics.getAscentDescent(FONT_BOLD, size)[0]
        line_h = size * 1.22
        height = 2 * pad + ascent + (len(lines) - 1) * line_h + size * 0.08

        def op(c: Canvas, x: float, y: float) -> None:
            c.saveState()
            c.setFillColor(black)
            c.roundRect(x, y - height, self.width, height, 1.5 * mm * s, stroke=0, fill=1)
            c.setFillColor(white)
            c.setFont(FONT_BOLD, size)
            baseline = y - pad - ascent
            for line in lines:
                c.drawCentredString(x + self.width / 2, baseline, line)
                baseline -= line_h
            c.restoreState()

        self.add(height, op)


@lru_cache(maxsize=256)
def qr_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light modules of the QR code of ``value``, no quiet zone (rows top to bottom).

    ReportLab's own encoder (the one ``QrCodeWidget`` wraps), called once; the widget encodes
    twice and builds a shape per run, which costs ~20 ms a ticket.
    """
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


def _balanced_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap ``text`` into as few lines as fit ``width``, as even in length as possible.

    A centred block reads better as two similar lines than as a long line and an orphan word.
    """
    lines = simpleSplit(text, font, size, width) or [""]
    if len(lines) < 2:
        return lines
    low, high = width / len(lines), width
    for _ in range(12):  # binary search the narrowest width giving the same number of lines
        middle = (low + high) / 2
        if len(simpleSplit(text, font, size, middle)) > len(lines):
            low = middle
        else:
            high = middle
    return simpleSplit(text, font, size, high)


def _ellipsize(line: str, font: str, size: float, width: float) -> str:
    while line and pdfmetrics.stringWidth(line + "…", font, size) > width:
        line = line[:-1]
    return line.rstrip() + "…"


def _wait_value(minutes: int | None, labels: Mapping[str, str]) -> tuple[str, str]:
    """(value, unit) for the wait cell: rounded to 5 minutes, "Segera" for none."""
    if minutes is None:
        return labels["unknown"], ""
    if minutes <= 0:
        return labels["soon"], ""
    return f"± {max(5, 5 * math.ceil(minutes / 5))}", labels["minutes"]


def _compose(layout: _Layout, data: TicketData, labels: Mapping[str, str], language: str) -> None:
    local = data.local_issued_at
    layout.gap(3)
    if data.logo and layout.logo(data.logo, 13):
        layout.gap(2.2)
    layout.text(data.office_name, 11.5, bold=True, max_lines=3)
    layout.gap(1.3)
    layout.text(labels["desk"], 7.5)
    layout.gap(3)
    layout.rule()
    layout.gap(4)
    layout.text(labels["number"].upper(), 9, bold=True, spacing=1.6)
    layout.gap(3.2)
    layout.big_number(data.code, 62)
    if data.priority:  # the symbol only: the reason stays at the front desk
        layout.gap(3)
        layout.text(f"\u2605 {labels['priority']} \u2605", 10, bold=True)
    layout.gap(4.5)
    layout.inverted_band(data.service_name, 11)
    layout.gap(3)
    when = f"{format_date(local.date(), language)}  ·  {format_time(local, language)} "
    layout.text(when + zone_name(data.time_zone, local), 8.5)
    layout.gap(3.5)
    wait, unit = _wait_value(data.estimated_wait_minutes, labels)
    layout.boxes([(str(data.ahead), "", labels["ahead"]), (wait, unit, labels["wait"])])
    layout.gap(4.5)
    layout.qr(data.qr_value, 22)
    layout.gap(2.5)
    layout.text(labels["keep"], 7)
    layout.gap(3.2)
    layout.rule(dashed=True, weight=0.5)
    layout.gap(2.8)
    if data.hours_text:
        layout.text(labels["hours"], 6.8, bold=True)
        layout.gap(1.1)
        layout.text(data.hours_text, 6.8, leading=1.3)
        layout.gap(1.8)
    layout.text(labels["privacy"], 6.3, leading=1.3)
    layout.gap(6)
