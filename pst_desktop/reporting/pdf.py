"""The report as a PDF (ReportLab platypus, charts with ``reportlab.graphics``).

    data = build_report(office_id, date(2026, 11, 1), date(2026, 11, 30))   # reports.py
    pdf = render_report_pdf(data)        # bytes of an A4 PDF

The words come from ``labels.labels_for`` (Qt's translation) and the month names from QLocale,
in the report's language (Indonesian by default); numbers are written the Indonesian way (1.234
and 83,33), and the font is the bundled DejaVu Sans so every PC prints the same glyphs.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from pst_desktop.core.i18n import translation
from pst_desktop.frontdesk.ticket_pdf import FONT, FONT_BOLD, register_fonts, zone_name
from pst_desktop.reporting.figures import CategoryTable, DayRow, ReportData
from pst_desktop.reporting.ikm import ELEMENTS

#: comments printed in the PDF (the XLSX export has all of them)
PDF_COMMENTS = 40
#: a range longer than this is charted and tabulated per month instead of per day
DAILY_LIMIT = 62

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#0b5394")  # BPS-like blue
ACCENT_2 = colors.HexColor("#e69138")
ACCENT_3 = colors.HexColor("#6aa84f")
BAD = colors.HexColor("#cc0000")
RULE = colors.HexColor("#c8d1dc")
HEAD_BG = colors.HexColor("#e8eef6")
STRIPE = colors.HexColor("#f6f8fb")

PAGE_W, PAGE_H = A4
MARGIN = 16 * mm
FRAME_W = PAGE_W - 2 * MARGIN


# -- numbers the Indonesian way ----------------------------------------------------------------
def fmt_int(value: int, language: str = "id") -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if language == "id" else text


def fmt_dec(value: float | None, digits: int = 1, language: str = "id") -> str:
    if value is None:
        return "–"
    text = f"{value:,.{digits}f}"
    if language == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_pct(value: float | None, language: str = "id") -> str:
    return "–" if value is None else fmt_dec(value, 1, language) + "%"


# -- styles ------------------------------------------------------------------------------------
def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=8.5, leading=11, textColor=INK)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "muted": ParagraphStyle("muted", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=15, leading=19, textColor=ACCENT
        ),
        "office": ParagraphStyle(
            "office", parent=base, fontName=FONT_BOLD, fontSize=11, leading=14
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=9,
            spaceAfter=4,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=9,
            leading=12,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.2),
        "cell_r": ParagraphStyle(
            "cell_r", parent=base, fontSize=7.5, leading=9.2, alignment=TA_RIGHT
        ),
        "big": ParagraphStyle(
            "big", parent=base, fontName=FONT_BOLD, fontSize=15, leading=18, textColor=ACCENT
        ),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _grid(
    rows: list[list],
    widths: Sequence[float],
    right_from: int = 1,
    total_row: bool = False,
    header: bool = True,
) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 7.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("ALIGN", (right_from, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
    ]
    if header:
        style += [
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, 7.5),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
        ]
    first = 1 if header else 0
    for i in range(first, len(rows)):
        if (i - first) % 2 == 1:
            style.append(("BACKGROUND", (0, i), (-1, i), STRIPE))
    if total_row:
        style += [
            ("FONT", (0, -1), (-1, -1), FONT_BOLD, 7.5),
            ("LINEABOVE", (0, -1), (-1, -1), 0.6, MUTED),
            ("BACKGROUND", (0, -1), (-1, -1), colors.white),
        ]
    table.setStyle(TableStyle(style))
    return table


def _category_table(table: CategoryTable, width: float, language: str, L: dict) -> Table:
    st = _styles()
    rows: list[list] = [[table.title, L["count"], L["share"]]]
    for row in table.rows:
        rows.append(
            [
                Paragraph(_esc(row.label), st["cell"]),
                fmt_int(row.count, language),
                fmt_pct(row.percent, language),
            ]
        )
    rows.append(
        [
            L["total"],
            fmt_int(table.total, language),
            fmt_pct(100.0 if table.total else None, language),
        ]
    )
    return _grid(rows, [width - 86, 42, 44], total_row=True)


# -- charts ------------------------------------------------------------------------------------
def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(String(0, height - 10, text, fontName=FONT_BOLD, fontSize=8.5, fillColor=INK))


def _nice_max(value: float) -> float:
    if value <= 5:
        return 5
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= value:
            return top
    return value  # pragma: no cover


def visits_chart(data: ReportData, width: float = FRAME_W, height: float = 58 * mm) -> Drawing:
    """Stacked bars: walk-in and online visits per day (per month for long ranges)."""
    L = data.labels
    rows, names = _chart_periods(data)
    drawing = Drawing(width, height)
    _title(
        drawing,
        L["chart_per_day"] if len(rows) and names[0].isdigit() else L["per_month"],
        width,
        height,
    )
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 22
    chart.width, chart.height = width - 40, height - 46
    walk = [r[0] for r in rows] or [0]
    online = [r[1] for r in rows] or [0]
    chart.data = [walk, online]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = names or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6 if len(names) > 25 else 7
    chart.categoryAxis.labels.dy = -2
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max((a + b for a, b in rows), default=0))
    chart.valueAxis.valueSteps = None
    chart.valueAxis.labelTextFormat = lambda v: fmt_int(int(v), data.language)
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = ACCENT
    chart.bars[1].fillColor = ACCENT_2
    chart.bars.strokeColor = None
    chart.barSpacing = 0
    chart.groupSpacing = 2 if len(rows) > 25 else 4
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 170, height - 6
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = FONT
    legend.fontSize = 7
    legend.boxAnchor = "ne"
    legend.dx = legend.dy = 7
    legend.deltax = 80
    legend.colorNamePairs = [(ACCENT, L["walk_in"]), (ACCENT_2, L["online"])]
    drawing.add(legend)
    return drawing


def _chart_periods(data: ReportData) -> tuple[list[tuple[int, int]], list[str]]:
    span = (data.date_to - data.date_from).days + 1
    if span <= DAILY_LIMIT:
        by_day = {r.day: r for r in data.per_day}
        rows, names = [], []
        day = data.date_from
        while day <= data.date_to:
            row = by_day.get(day)
            if row is not None or day.weekday() < 5:
                rows.append((row.walk_in, row.online) if row else (0, 0))
                names.append(str(day.day))
            day += dt.timedelta(days=1)
        return rows, names
    months = _per_month(data.per_day)
    words = translation(data.language)
    names = [f"{words.month_name(m, short=True)} {str(y)[2:]}" for (y, m), _ in months]
    return [(r.walk_in, r.online) for _, r in months], names


def _per_month(per_day: Sequence[DayRow]) -> list[tuple[tuple[int, int], DayRow]]:
    months: dict[tuple[int, int], list[int]] = {}
    for r in per_day:
        acc = months.setdefault((r.day.year, r.day.month), [0] * 6)
        for i, v in enumerate((r.total, r.walk_in, r.online, r.served, r.skipped, r.cancelled)):
            acc[i] += v
    return [
        ((y, m), DayRow(dt.date(y, m, 1), *values)) for (y, m), values in sorted(months.items())
    ]


def bars_chart(
    title: str, items: Sequence[tuple[str, int]], width: float, language: str, color=ACCENT
) -> Drawing:
    """Horizontal bars with the labels on the left (services, channels)."""
    items = list(items) or [("–", 0)]
    row_h = 12
    height = 18 + row_h * len(items) + 14
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    label_w = min(width * 0.48, 150)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 12
    chart.width, chart.height = width - label_w - 34, row_h * len(items)
    chart.data = [[v for _, v in reversed(items)]]
    chart.categoryAxis.categoryNames = [_clip(label, 34) for label, _ in reversed(items)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.visibleTicks = False
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max(v for _, v in items))
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 6
    chart.valueAxis.labelTextFormat = lambda v: fmt_int(int(v), language)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = color
    chart.bars.strokeColor = None
    chart.barLabelFormat = lambda v: fmt_int(int(v), language)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.3
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    return drawing


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def ratings_chart(data: ReportData, width: float, height: float = 48 * mm) -> Drawing:
    L = data.labels
    scale = data.ratings.scale_max
    counts = [c for sc, _, c in data.ratings.distribution if sc == scale]
    names = [str(s) for sc, s, _ in data.ratings.distribution if sc == scale]
    drawing = Drawing(width, height)
    _title(drawing, f"{L['chart_ratings']} ({L['scale'].format(n=scale)})", width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 16
    chart.width, chart.height = width - 40, height - 38
    chart.data = [counts or [0]]
    chart.categoryAxis.categoryNames = names or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max(counts, default=0))
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labelTextFormat = lambda v: fmt_int(int(v), data.language)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars.strokeColor = None
    palette = [BAD, ACCENT_2, colors.HexColor("#f1c232"), ACCENT_3, colors.HexColor("#38761d")]
    for i in range(len(counts)):
        position = i / max(1, len(counts) - 1)
        chart.bars[(0, i)].fillColor = palette[round(position * (len(palette) - 1))]
    chart.barLabelFormat = lambda v: fmt_int(int(v), data.language)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


# -- page furniture ----------------------------------------------------------------------------
class _Header(Flowable):
    """The office header of page 1: logo, office name and address, title and period."""

    def __init__(self, data: ReportData) -> None:
        super().__init__()
        self.data = data
        self.height = 25 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.height

    def draw(self) -> None:
        c = self.canv
        d = self.data
        L = d.labels
        x = 0.0
        if d.logo:
            try:
                image = ImageReader(io.BytesIO(d.logo))
                iw, ih = image.getSize()
                side = 20 * mm
                scale = min(side / iw, side / ih)
                c.drawImage(
                    image, 0, self.height - ih * scale - 1 * mm, iw * scale, ih * scale, mask="auto"
                )
                x = iw * scale + 4 * mm
            except Exception:  # a broken logo must not stop the report
                x = 0.0
        top = self.height - 5 * mm
        c.setFillColor(INK)
        c.setFont(FONT_BOLD, 11.5)
        c.drawString(x, top, d.office_name)
        c.setFont(FONT, 8)
        c.setFillColor(MUTED)
        for i, line in enumerate((d.office_address or "").splitlines()[:2]):
            c.drawString(x, top - 10 - 9.5 * i, line)
        c.setFillColor(ACCENT)
        c.setFont(FONT_BOLD, 14)
        c.drawString(x, 6.5 * mm, L["title"])
        c.setFillColor(INK)
        c.setFont(FONT, 9)
        c.drawString(x, 1.5 * mm, f"{L['period']}: {d.period_text}")
        c.setFont(FONT, 7)
        c.setFillColor(MUTED)
        zone = zone_name(d.time_zone, d.generated_at)
        stamp = f"{L['generated']}: {d.generated_at:%d-%m-%Y %H:%M} {zone}"
        c.drawRightString(self.width, 1.5 * mm, stamp)
        c.setStrokeColor(ACCENT)
        c.setLineWidth(1.4)
        c.line(0, -1.5 * mm, self.width, -1.5 * mm)


def _on_page(data: ReportData):
    L = data.labels

    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 9 * mm, f"{data.office_name} · {L['title']} · {data.period_text}")
        canvas.drawRightString(PAGE_W - MARGIN, 9 * mm, f"{L['page']} {doc.page}")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 12 * mm, PAGE_W - MARGIN, 12 * mm)
        canvas.restoreState()

    return draw


# -- the document ------------------------------------------------------------------------------
def _summary(data: ReportData, st: dict) -> Table:
    L = data.labels
    lang = data.language
    t = data.totals
    r = data.ratings
    cells = [
        (L["visits"], fmt_int(t.visits, lang)),
        (L["walk_in"], fmt_int(t.walk_in, lang)),
        (L["online"], fmt_int(t.online, lang)),
        (L["visitors"], fmt_int(t.visitors, lang)),
        (L["served"], fmt_int(t.served, lang)),
        (L["skipped"], fmt_int(t.skipped, lang)),
        (L["cancelled"], fmt_int(t.cancelled, lang)),
        (L["expired"], fmt_int(t.expired, lang)),  # still waiting when the day ended
        (
            f"{L['average']} {L['ratings'].lower()} ({L['scale'].format(n=r.scale_max)})",
            fmt_dec(r.average, 2, lang),
        ),
    ]
    if data.ikm is not None:
        cells[-1] = (
            L["ikm_value"],
            f"{fmt_dec(float(data.ikm.index), 2, lang)} ({data.ikm.grade})",
        )
    boxes = []
    for label, value in cells:
        boxes.append([Paragraph(value, st["big"]), Paragraph(_esc(label), st["muted"])])
    per_row = 3 if len(boxes) % 4 else 4  # 9 boxes: three rows of three
    rows = []
    for i in range(0, len(boxes), per_row):
        chunk = boxes[i : i + per_row]
        row = [Table([[v], [lab]], colWidths=[FRAME_W / per_row - 6]) for v, lab in chunk]
        rows.append(row + [""] * (per_row - len(row)))
    table = Table(rows, colWidths=[FRAME_W / per_row] * per_row)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), STRIPE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _times_and_compliance(data: ReportData, st: dict) -> list[Flowable]:
    L = data.labels
    lang = data.language
    rows: list[list] = [[L["standard"], L["limit"], L["measured"], L["met"], L["share"]]]
    for item in data.compliance:
        rows.append(
            [
                Paragraph(_esc(item.label), st["cell"]),
                item.limit,
                fmt_int(item.measured, lang),
                fmt_int(item.met, lang),
                fmt_pct(item.percent, lang),
            ]
        )
    compliance = _grid(rows, [FRAME_W - 236, 62, 58, 58, 58], right_from=2)
    rated = data.totals.rated_percent
    note = Paragraph(
        _esc(
            f"{L['rated_share']}: {fmt_int(data.totals.rated_walk_in, lang)} / "
            f"{fmt_int(data.totals.finished_walk_in, lang)} ({fmt_pct(rated, lang)})."
        ),
        st["muted"],
    )
    rows = [[L["measure"], L["measured"], L["mean"], L["median"], L["p90"]]]
    for d in data.durations:
        rows.append(
            [
                Paragraph(_esc(d.label), st["cell"]),
                fmt_int(d.measured, lang),
                fmt_dec(d.mean, 1, lang),
                fmt_dec(d.median, 1, lang),
                fmt_dec(d.p90, 1, lang),
            ]
        )
    times = _grid(rows, [FRAME_W - 236, 58, 58, 58, 62])
    return [
        Paragraph(_esc(L["compliance"]), st["h1"]),
        compliance,
        Spacer(1, 2),
        note,
        Paragraph(_esc(L["times"]), st["h1"]),
        times,
    ]


def _per_day_table(data: ReportData, st: dict) -> list[Flowable]:
    L = data.labels
    lang = data.language
    span = (data.date_to - data.date_from).days + 1
    if span <= DAILY_LIMIT:
        title = L["per_day"]
        rows_src = [(f"{r.day:%d-%m-%Y}", r) for r in data.per_day]
    else:
        words = translation(lang)
        title = L["per_month"]
        rows_src = [(f"{words.month_name(m)} {y}", r) for (y, m), r in _per_month(data.per_day)]
    head = [
        L["day"] if span <= DAILY_LIMIT else L["month"],
        L["visits"],
        L["walk_in"],
        L["online"],
        L["served"],
        L["skipped"],
        L["cancelled"],
    ]
    rows: list[list] = [
        [Paragraph(_esc(h), st["cell"] if i == 0 else st["cell_r"]) for i, h in enumerate(head)]
    ]
    for label, r in rows_src:
        rows.append(
            [label]
            + [
                fmt_int(v, lang)
                for v in (r.total, r.walk_in, r.online, r.served, r.skipped, r.cancelled)
            ]
        )
    t = data.totals
    rows.append(
        [L["total"]]
        + [
            fmt_int(v, lang)
            for v in (t.visits, t.walk_in, t.online, t.served, t.skipped, t.cancelled)
        ]
    )
    width = (FRAME_W - 80) / 6
    return [
        CondPageBreak(45 * mm),
        Paragraph(_esc(title), st["h1"]),
        _grid(rows, [80] + [width] * 6, total_row=True),
    ]


def _delivered(data: ReportData, st: dict) -> list[Flowable]:
    """Per service: the tickets numbered in it and the services it delivered (a visit handed
    on from one service to the next counts in each)."""
    if not data.delivered:
        return []
    L = data.labels
    lang = data.language
    head = [L["service"], L["tickets"], L["services_delivered"]]
    rows: list[list] = [
        [Paragraph(_esc(h), st["cell"] if i == 0 else st["cell_r"]) for i, h in enumerate(head)]
    ]
    for r in data.delivered:
        name = Paragraph(_esc(r.name), st["cell"])
        rows.append([name, fmt_int(r.tickets, lang), fmt_int(r.delivered, lang)])
    rows.append(
        [
            L["total"],
            fmt_int(sum(r.tickets for r in data.delivered), lang),
            fmt_int(sum(r.delivered for r in data.delivered), lang),
        ]
    )
    width = (FRAME_W - 120) / 2
    return [
        CondPageBreak(35 * mm),
        Paragraph(_esc(L["delivered_title"]), st["h1"]),
        _grid(rows, [120, width, width], total_row=True),
    ]


def _categories(data: ReportData, st: dict) -> list[Flowable]:
    L = data.labels
    lang = data.language
    out: list[Flowable] = [CondPageBreak(70 * mm), Paragraph(_esc(L["by_category"]), st["h1"])]
    half = (FRAME_W - 8) / 2
    services = data.category("service")
    channels = data.category("channel")
    charts = Table(
        [
            [
                bars_chart(
                    L["chart_services"], [(r.label, r.count) for r in services.rows], half, lang
                ),
                bars_chart(
                    L["chart_channels"],
                    [(r.label, r.count) for r in channels.rows if r.count or r.code == "walk_in"],
                    half,
                    lang,
                    ACCENT_2,
                ),
            ]
        ],
        colWidths=[half + 4, half + 4],
    )
    charts.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    out += [charts, Spacer(1, 4)]
    tables = [_category_table(t, half, lang, L) for t in data.categories]
    for i in range(0, len(tables), 2):
        pair = tables[i : i + 2] + ([""] if len(tables[i : i + 2]) == 1 else [])
        grid = Table([pair], colWidths=[half + 4, half + 4])
        grid.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        out.append(grid)
    return out


def _ratings(data: ReportData, st: dict) -> list[Flowable]:
    L = data.labels
    lang = data.language
    r = data.ratings
    out: list[Flowable] = [
        CondPageBreak(80 * mm),
        Paragraph(_esc(L["rating_distribution"]), st["h1"]),
    ]
    if not r.count:
        return [*out, Paragraph(_esc(L["no_data"]), st["muted"])]
    half = (FRAME_W - 8) / 2
    rows: list[list] = [[L["score"], L["count"], L["share"]]]
    multi = len({sc for sc, _, _ in r.distribution}) > 1
    for scale, score, count in r.distribution:
        label = f"{score}" + (f" ({L['scale'].format(n=scale)})" if multi else "")
        rows.append([label, fmt_int(count, lang), fmt_pct(100.0 * count / r.count, lang)])
    rows.append([L["total"], fmt_int(r.count, lang), fmt_pct(100.0, lang)])
    summary = Paragraph(
        _esc(
            f"{L['average']}: {fmt_dec(r.average, 2, lang)} ({L['scale'].format(n=r.scale_max)}); "
            f"{L['satisfied']}: {fmt_pct(r.satisfied_percent, lang)}"
        ),
        st["small"],
    )
    left = [_grid(rows, [half - 90, 45, 45], total_row=True), Spacer(1, 3), summary]
    grid = Table([[left, ratings_chart(data, half)]], colWidths=[half + 8, half])
    grid.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    out.append(grid)
    for key, groups in (("by_officer", r.by_officer), ("by_desk", r.by_desk)):
        rows = [
            [
                L["officer"] if key == "by_officer" else L["desk"],
                L["ratings"],
                L["average"],
                L["satisfied"],
            ]
        ]
        for g in groups:
            rows.append(
                [
                    Paragraph(_esc(g.name), st["cell"]),
                    fmt_int(g.count, lang),
                    fmt_dec(g.average, 2, lang),
                    fmt_pct(g.satisfied_percent, lang),
                ]
            )
        out += [
            Paragraph(_esc(L[key]), st["h2"]),
            _grid(rows, [FRAME_W - 150, 50, 50, 50]),
            Spacer(1, 5),
        ]
    return out


def _work(data: ReportData, st: dict) -> list[Flowable]:
    """Who did what: one table per officer and one per desk (``who_did_what.py``)."""
    work, L, lang = data.work, data.labels, data.language
    if work is None or not (work.by_officer or work.by_desk):
        return []
    out: list[Flowable] = [
        CondPageBreak(70 * mm),
        Paragraph(_esc(L["work"]), st["h1"]),
        Paragraph(_esc(L["work_basis"]), st["muted"]),
    ]

    def pair(first: float | None, second: float | None) -> str:
        return f"{fmt_dec(first, 0, lang)} / {fmt_dec(second, 0, lang)}"

    for key, rows_of, none in (
        ("work_by_officer", work.by_officer, L["no_officer"]),
        ("work_by_desk", work.by_desk, L["no_desk"]),
    ):
        if not rows_of:
            continue
        head = [
            L["officer"] if key == "work_by_officer" else L["desk"],
            L["served"],
            L["wait_median_p90"],
            L["service_median_p90"],
            L["sop_service"],
            L["sop_rating"],
            f"{L['ratings']} ({L['average']})",
            L["follow_ups_opened_closed"],
        ]
        rows: list[list] = [[Paragraph(_esc(h), st["cell"]) for h in head]]
        for w in rows_of:
            rows.append(
                [
                    Paragraph(_esc(w.name or none), st["cell"]),
                    fmt_int(w.served, lang),
                    pair(w.wait_median, w.wait_p90),
                    pair(w.service_median, w.service_p90),
                    fmt_pct(w.service_percent, lang),
                    fmt_pct(w.rating_percent, lang),
                    f"{fmt_int(w.ratings, lang)} ({fmt_dec(w.rating_average, 2, lang)})",
                    f"{fmt_int(w.follow_ups_opened, lang)} / {fmt_int(w.follow_ups_closed, lang)}",
                ]
            )
        rest = (FRAME_W - 40 * mm) / 7
        out += [
            Paragraph(_esc(L[key]), st["h2"]),
            _grid(rows, [40 * mm, *[rest] * 7]),
            Spacer(1, 5),
        ]
    return out


def _ikm(data: ReportData, st: dict) -> list[Flowable]:
    ikm = data.ikm
    if ikm is None:
        return []
    L = data.labels
    lang = data.language
    rows: list[list] = [["", L["element"], L["nrr"], L["element_ikm"]]]
    for (code, name), nrr, value in zip(ELEMENTS, ikm.nrr_float, ikm.element_index, strict=True):
        rows.append(
            [
                code,
                Paragraph(_esc(name), st["cell"]),
                fmt_dec(nrr, 3, lang),
                fmt_dec(float(value), 2, lang),
            ]
        )
    rows.append(
        [
            "",
            f"{L['ikm_value']} — {L['grade']}: {ikm.grade} ({ikm.grade_label})",
            "",
            fmt_dec(float(ikm.index), 2, lang),
        ]
    )
    return [
        KeepTogether(
            [
                Paragraph(_esc(L["ikm"]), st["h1"]),
                Paragraph(
                    _esc(L["ikm_basis"].format(n=fmt_int(ikm.respondents, lang))), st["muted"]
                ),
                Spacer(1, 3),
                _grid(rows, [24, FRAME_W - 144, 60, 60], right_from=2, total_row=True),
            ]
        )
    ]


def _comments(data: ReportData, st: dict, total: int | None) -> list[Flowable]:
    L = data.labels
    lang = data.language
    out: list[Flowable] = [CondPageBreak(40 * mm), Paragraph(_esc(L["comments"]), st["h1"])]
    comments = data.comments[-PDF_COMMENTS:]
    if not comments:
        return [*out, Paragraph(_esc(L["no_comments"]), st["muted"])]
    rows: list[list] = [[L["day"], L["ticket"], L["desk"], L["score"], L["comment"]]]
    for c in comments:
        rows.append(
            [
                f"{c.day:%d-%m-%Y}",
                c.ticket or "–",
                Paragraph(_esc(c.desk or "–"), st["cell"]),
                f"{c.score}/{c.scale_max}",
                Paragraph(_esc(c.text), st["cell"]),
            ]
        )
    table = _grid(rows, [50, 38, 62, 30, FRAME_W - 180], right_from=99)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    out.append(table)
    shown = len(comments)
    everything = total if total is not None else len(data.comments)
    if everything > shown:
        out.append(Spacer(1, 2))
        out.append(
            Paragraph(
                _esc(L["more_comments"].format(n=fmt_int(everything - shown, lang))), st["muted"]
            )
        )
    return out


def render_report_pdf(data: ReportData, comment_total: int | None = None) -> bytes:
    """The report as an A4 PDF.  ``comment_total``: all comments of the range, when
    ``data.comments`` holds only the latest (``build_report(comment_limit=…)``)."""
    from pst_desktop.reporting import fair_queue_pdf, voice_pdf  # they build on its tables

    register_fonts()
    st = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=16 * mm,
        title=f"{data.labels['title']} — {data.period_text}",
        author=data.office_name,
        subject=data.labels["title"],
        creator="PST Desktop",
    )
    story: list[Flowable] = [_Header(data), Spacer(1, 6 * mm)]
    story += [_summary(data, st), Spacer(1, 4 * mm), visits_chart(data)]
    story += _times_and_compliance(data, st)
    story += _ikm(data, st)
    story += voice_pdf.ikm_channels(data, st)
    story += _per_day_table(data, st)
    story += _categories(data, st)
    story += _delivered(data, st)
    story += _ratings(data, st)
    story += _work(data, st)
    story += fair_queue_pdf.section(data, st)  # priority share, waits by class, the rule
    story += voice_pdf.sections(data, st)  # SKD, reasons, follow-ups, unmet data demand
    story += _comments(data, st, comment_total)
    page = _on_page(data)
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buffer.getvalue()
