"""The visitor's-voice sections of the PDF report (``voice_figures.py``): IKM respondents by
channel (under the IKM), then the SKD with its importance–performance quadrant chart, the
reasons after a low rating, follow-ups per IKM element and per officer, and the unmet data
demand.  ``pdf.render_report_pdf`` places them; the styles and tables are ``pdf.py``'s."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    TableStyle,
)

from pst_desktop.frontdesk.ticket_pdf import FONT, FONT_BOLD
from pst_desktop.reporting.figures import ReportData, percent_of
from pst_desktop.reporting.pdf import (
    ACCENT,
    ACCENT_2,
    BAD,
    FRAME_W,
    INK,
    MUTED,
    RULE,
    _esc,
    _grid,
    fmt_dec,
    fmt_int,
    fmt_pct,
)
from pst_desktop.reporting.voice_figures import FollowUpGroup, SkdSummary, half_up, voice_labels

#: unmet data demand rows printed in the PDF (the XLSX has them all)
PDF_UNMET = 30
QUADRANT_FILL = {
    "A": colors.HexColor("#fde2e1"),
    "B": colors.HexColor("#e3f1df"),
    "C": colors.HexColor("#f6f8fb"),
    "D": colors.HexColor("#fff2cc"),
}


def _words(data: ReportData) -> dict[str, str]:
    return {**data.labels, **voice_labels(data.language)}


def _head(texts: list[str], st: dict, right_from: int = 1) -> list:
    """A header row whose words wrap in narrow columns (numbers' headers to the right)."""
    return [
        Paragraph(_esc(t), st["cell"] if i < right_from else st["cell_r"]) if t else ""
        for i, t in enumerate(texts)
    ]


def ikm_channels(data: ReportData, st: dict) -> list[Flowable]:
    """Respondents by channel, under the IKM table (when any IKM response was started)."""
    voice = data.voice
    if voice is None or not any(c.started for c in voice.ikm_channels):
        return []
    L, lang = _words(data), data.language
    rows: list[list] = [_head([L["answered_on"], L["respondents"], L["started"]], st)]
    for c in voice.ikm_channels:
        rows.append([c.label, fmt_int(c.respondents, lang), fmt_int(c.started, lang)])
    rows.append(
        [
            L["total"],
            fmt_int(sum(c.respondents for c in voice.ikm_channels), lang),
            fmt_int(sum(c.started for c in voice.ikm_channels), lang),
        ]
    )
    return [
        Spacer(1, 3),
        KeepTogether(
            [
                Paragraph(_esc(L["ikm_channels"]), st["h2"]),
                _grid(rows, [FRAME_W - 220, 110, 110], total_row=True),
            ]
        ),
    ]


def sections(data: ReportData, st: dict) -> list[Flowable]:
    """The SKD, the reasons, the follow-ups and the unmet demand, in that order."""
    if data.voice is None:
        return []
    return [*_skd(data, st), *_reasons(data, st), *_follow_ups(data, st), *_unmet(data, st)]


# -- SKD ----------------------------------------------------------------------------------------
def _skd(data: ReportData, st: dict) -> list[Flowable]:
    skd = data.voice.skd
    if skd is None:
        return []
    L, lang = _words(data), data.language
    head = ["", L["attribute"], L["importance"], L["satisfaction"], L["gap"], L["quadrant"]]
    rows: list[list] = [_head(head, st, right_from=2)]

    def two(value: float | None) -> str:  # half up, as in the spreadsheet
        return fmt_dec(half_up(value), 2, lang)

    for n, row in enumerate(skd.rows, start=1):
        rows.append(
            [
                str(n),
                Paragraph(_esc(row.label), st["cell"]),
                two(row.importance),
                two(row.satisfaction),
                two(row.gap),
                row.quadrant or "–",
            ]
        )
    rows.append(
        [
            "",
            L["mean"],
            two(skd.mean_importance),
            two(skd.mean_satisfaction),
            "",
            "",
        ]
    )
    legend = "   ".join(L[f"quadrant_{q}"] for q in "ABCD")
    return [
        CondPageBreak(60 * mm),
        Paragraph(_esc(L["skd"]), st["h1"]),
        Paragraph(_esc(L["skd_basis"].format(n=fmt_int(skd.respondents, lang))), st["muted"]),
        Spacer(1, 3),
        _grid(rows, [16, FRAME_W - 254, 58, 56, 60, 64], right_from=2, total_row=True),
        Spacer(1, 4),
        KeepTogether([quadrant_chart(skd, L, lang), Paragraph(_esc(legend), st["muted"])]),
    ]


def _span(values: list[float]) -> tuple[float, float, float]:
    """The axis from a little below the lowest value to a little above the highest, on
    half-points (SKD means often lie within one point of each other), and its tick step."""
    low = max(1.0, math.floor((min(values) - 0.2) * 2) / 2)
    high = min(10.0, math.ceil((max(values) + 0.2) * 2) / 2)
    if high - low < 1:
        low, high = max(1.0, high - 1), min(10.0, max(high, low + 1))
    return low, high, 0.5 if high - low <= 3 else 1.0


def _ticks(low: float, high: float, step: float) -> list[float]:
    count = round((high - low) / step)
    return [low + i * step for i in range(count + 1)]


def quadrant_chart(
    skd: SkdSummary, L: dict[str, str], language: str, width: float = FRAME_W, height=88 * mm
) -> Drawing:
    """The importance–performance chart: importance across, satisfaction up, the cross at the
    means; each attribute a numbered dot (its row in the table), the quadrants A–D shaded."""
    drawing = Drawing(width, height)
    drawing.add(
        String(0, height - 10, L["ipa_chart"], fontName=FONT_BOLD, fontSize=8.5, fillColor=INK)
    )
    points = [
        (n, r.importance, r.satisfaction)
        for n, r in enumerate(skd.rows, start=1)
        if r.importance is not None and r.satisfaction is not None
    ]
    if not points or skd.mean_importance is None or skd.mean_satisfaction is None:
        return drawing
    x_low, x_high, x_step = _span([p[1] for p in points] + [skd.mean_importance])
    y_low, y_high, y_step = _span([p[2] for p in points] + [skd.mean_satisfaction])
    left, bottom = 34.0, 26.0
    plot_w, plot_h = width - left - 12, height - bottom - 32

    def x(value: float) -> float:
        return left + (value - x_low) / (x_high - x_low) * plot_w

    def y(value: float) -> float:
        return bottom + (value - y_low) / (y_high - y_low) * plot_h

    cx, cy = x(skd.mean_importance), y(skd.mean_satisfaction)
    right, top = left + plot_w, bottom + plot_h
    for q, (x0, y0, x1, y1) in {
        "A": (cx, bottom, right, cy),
        "B": (cx, cy, right, top),
        "C": (left, bottom, cx, cy),
        "D": (left, cy, cx, top),
    }.items():
        drawing.add(Rect(x0, y0, x1 - x0, y1 - y0, fillColor=QUADRANT_FILL[q], strokeColor=None))
        corner_x = x1 - 10 if x0 == cx else x0 + 4
        corner_y = y0 + 4 if y0 == bottom else y1 - 12
        drawing.add(String(corner_x, corner_y, q, fontName=FONT_BOLD, fontSize=10, fillColor=MUTED))
    drawing.add(
        Rect(left, bottom, plot_w, plot_h, fillColor=None, strokeColor=RULE, strokeWidth=0.6)
    )
    for value in _ticks(x_low, x_high, x_step):
        text = fmt_dec(value, 0 if value.is_integer() else 1, language)
        drawing.add(
            Line(x(value), bottom, x(value), bottom - 3, strokeColor=MUTED, strokeWidth=0.5)
        )
        drawing.add(String(x(value), bottom - 11, text, fontName=FONT, fontSize=6.5,
                           fillColor=MUTED, textAnchor="middle"))  # fmt: skip
    for value in _ticks(y_low, y_high, y_step):
        text = fmt_dec(value, 0 if value.is_integer() else 1, language)
        drawing.add(Line(left, y(value), left - 3, y(value), strokeColor=MUTED, strokeWidth=0.5))
        drawing.add(String(left - 5, y(value) - 2, text, fontName=FONT, fontSize=6.5,
                           fillColor=MUTED, textAnchor="end"))  # fmt: skip
    dash = {"strokeColor": ACCENT_2, "strokeWidth": 0.8, "strokeDashArray": [3, 2]}
    drawing.add(Line(cx, bottom, cx, top, **dash))
    drawing.add(Line(left, cy, right, cy, **dash))
    drawing.add(String(left + plot_w / 2, 4, L["importance"], fontName=FONT, fontSize=7.5,
                       fillColor=INK, textAnchor="middle"))  # fmt: skip
    drawing.add(String(2, top + 4, L["satisfaction"], fontName=FONT, fontSize=7.5, fillColor=INK))
    means = L["mean_line"].format(
        i=fmt_dec(half_up(skd.mean_importance), 2, language),
        s=fmt_dec(half_up(skd.mean_satisfaction), 2, language),
    )
    drawing.add(String(right, top + 4, means, fontName=FONT, fontSize=6.5, fillColor=MUTED,
                       textAnchor="end"))  # fmt: skip
    for n, importance, satisfaction in points:
        px, py = x(importance), y(satisfaction)
        drawing.add(
            Circle(px, py, 2.4, fillColor=ACCENT, strokeColor=colors.white, strokeWidth=0.5)
        )
        drawing.add(String(px + 3.5, py + 2, str(n), fontName=FONT, fontSize=6.5, fillColor=INK))
    return drawing


# -- reasons ------------------------------------------------------------------------------------
def _reasons(data: ReportData, st: dict) -> list[Flowable]:
    reasons = data.voice.reasons
    if not reasons.low_ratings and not reasons.with_reason:
        return []
    L, lang = _words(data), data.language
    rows: list[list] = [_head(["", L["element"], L["times_chosen"], L["share"]], st, 2)]
    for r in reasons.rows:
        rows.append(
            [
                r.element,
                Paragraph(_esc(r.label), st["cell"]),
                fmt_int(r.count, lang),
                fmt_pct(percent_of(r.count, reasons.with_reason), lang),
            ]
        )
    basis = L["reasons_basis"].format(
        low=fmt_int(reasons.low_ratings, lang), with_reason=fmt_int(reasons.with_reason, lang)
    )
    return [
        KeepTogether(
            [
                Paragraph(_esc(L["reasons"]), st["h1"]),
                Paragraph(_esc(basis), st["muted"]),
                Spacer(1, 3),
                _grid(rows, [24, FRAME_W - 134, 60, 50], right_from=2),
            ]
        )
    ]


# -- follow-ups ---------------------------------------------------------------------------------
def _follow_up_rows(groups: tuple[FollowUpGroup, ...], total: FollowUpGroup, L, lang, st, head):
    rows: list[list] = [
        _head(
            [head, L["opened"], L["closed_in_time"], L["closed_late"], L["overdue"],
             L["open_not_due"]],
            st,
        )
    ]  # fmt: skip
    for g in (*groups, total):
        rows.append(
            [
                Paragraph(_esc(g.label), st["cell"]),
                fmt_int(g.opened, lang),
                fmt_int(g.closed_in_time, lang),
                fmt_int(g.closed_late, lang),
                fmt_int(g.overdue, lang),
                fmt_int(g.open_not_due, lang),
            ]
        )
    return rows


def _follow_ups(data: ReportData, st: dict) -> list[Flowable]:
    summary = data.voice.follow_ups
    L, lang = _words(data), data.language
    out: list[Flowable] = [
        CondPageBreak(40 * mm),
        Paragraph(_esc(L["follow_ups"]), st["h1"]),
        Paragraph(_esc(L["follow_ups_basis"]), st["muted"]),
        Spacer(1, 3),
    ]
    if not summary.total.opened:
        return [*out, Paragraph(_esc(L["no_data"]), st["muted"])]
    widths = [FRAME_W - 290, 50, 60, 60, 56, 64]
    for key, groups in (("per_element", summary.by_element), ("per_officer", summary.by_officer)):
        head = L["element"] if key == "per_element" else L["officer"]
        rows = _follow_up_rows(groups, summary.total, L, lang, st, head)
        table = _grid(rows, widths, total_row=True)
        late = [i for i, g in enumerate((*groups, summary.total), start=1) if g.overdue]
        table.setStyle(TableStyle([("TEXTCOLOR", (4, i), (4, i), BAD) for i in late]))
        out += [Paragraph(_esc(L[key]), st["h2"]), table, Spacer(1, 5)]
    return out


# -- unmet data demand --------------------------------------------------------------------------
def _unmet(data: ReportData, st: dict) -> list[Flowable]:
    unmet = data.voice.unmet
    L, lang = _words(data), data.language
    out: list[Flowable] = [
        CondPageBreak(40 * mm),
        Paragraph(_esc(L["unmet"]), st["h1"]),
        Paragraph(_esc(L["unmet_basis"]), st["muted"]),
        Spacer(1, 3),
    ]
    if not unmet:
        return [*out, Paragraph(_esc(L["no_unmet"]), st["muted"])]
    rows: list[list] = [
        [
            L["subject"],
            L["region"],
            L["level"],
            L["data_period"],
            L["years"],
            L["requests"],
            L["latest"],
        ]
    ]
    for r in unmet[:PDF_UNMET]:
        rows.append(
            [
                Paragraph(_esc(r.subject or "–"), st["cell"]),
                Paragraph(_esc(r.region or "–"), st["cell"]),
                Paragraph(_esc(r.level or "–"), st["cell"]),
                Paragraph(_esc(r.period or "–"), st["cell"]),
                r.years or "–",
                fmt_int(r.count, lang),
                f"{r.latest:%d-%m-%Y}",
            ]
        )
    out.append(_grid(rows, [FRAME_W - 362, 78, 70, 62, 46, 48, 58], right_from=5))
    if len(unmet) > PDF_UNMET:
        out += [
            Spacer(1, 2),
            Paragraph(
                _esc(L["more_unmet"].format(n=fmt_int(len(unmet) - PDF_UNMET, lang))), st["muted"]
            ),
        ]
    return out


__all__ = ["ikm_channels", "quadrant_chart", "sections"]
