"""The priority section of the PDF report (``fair_queue.py``): the share of priority tickets
and their reasons, waits by class, and the rule at work.  ``pdf.render_report_pdf`` places it;
the styles and tables are ``pdf.py``'s."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from pst_desktop.reporting.fair_queue import fair_queue_labels
from pst_desktop.reporting.figures import ReportData
from pst_desktop.reporting.pdf import FRAME_W, _esc, _grid, fmt_dec, fmt_int, fmt_pct


def section(data: ReportData, st: dict) -> list[Flowable]:
    """Nothing when the period has no walk-in ticket."""
    figures = data.fair_queue
    if figures is None or not figures.issued:
        return []
    L, lang = {**data.labels, **fair_queue_labels(data.language)}, data.language
    head = [L["ticket_class"], L["issued"], "%", L["called"], L["wait_median"]]
    head.append(L["wait_p90"])
    rows: list[list] = [[Paragraph(_esc(h), st["cell"]) for h in head]]
    for label, waits in ((L["normal_class"], figures.normal), (L["priority_class"], figures.first)):
        rows.append(
            [
                label,
                fmt_int(waits.issued, lang),
                fmt_pct(100.0 * waits.issued / figures.issued, lang),
                fmt_int(waits.called, lang),
                fmt_dec(waits.median, 1, lang),
                fmt_dec(waits.p90, 1, lang),
            ]
        )
    reasons: list[list] = [[L["priority_reason"], L["count"]]]
    reasons += [[L[reason], fmt_int(count, lang)] for reason, count in figures.by_reason]
    effect: list[list] = [[L["rule_effect"], L["count"]]]
    for key, value in (
        ("jumps", figures.jumps),
        ("turns", figures.turns),
        ("waited_past_m", figures.waited),
        ("assisted_calls", figures.assisted),
    ):
        effect.append([Paragraph(_esc(L[key]), st["cell"]), fmt_int(value, lang)])
    rest = (FRAME_W - 40 * mm) / 5
    return [
        CondPageBreak(60 * mm),
        Paragraph(_esc(L["fair_queue"]), st["h1"]),
        Paragraph(_esc(L["fair_queue_basis"]), st["muted"]),
        _grid(rows, [40 * mm, *[rest] * 5]),
        Spacer(1, 5),
        _grid(reasons, [FRAME_W - 30 * mm, 30 * mm]),
        Spacer(1, 5),
        _grid(effect, [FRAME_W - 30 * mm, 30 * mm]),
        Spacer(1, 5),
    ]
