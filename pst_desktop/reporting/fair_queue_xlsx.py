"""The priority sheet of the XLSX report (``fair_queue.py``): waits by class, the reasons, and
the rule at work.  ``xlsx.export_report_xlsx`` adds it with its own writer."""

from __future__ import annotations

from pst_desktop.reporting.fair_queue import fair_queue_labels
from pst_desktop.reporting.figures import ReportData


def _r(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None


def add_sheet(w, data: ReportData) -> None:
    """One sheet (``w``: the spreadsheet's ``_Writer``); none when no walk-in ticket."""
    figures = data.fair_queue
    if figures is None or not figures.issued:
        return
    L = {**data.labels, **fair_queue_labels(data.language)}
    rows: list[tuple] = [
        (
            label,
            waits.issued,
            round(100.0 * waits.issued / figures.issued, 1),
            waits.called,
            _r(waits.median),
            _r(waits.p90),
        )
        for label, waits in (
            (L["normal_class"], figures.normal),
            (L["priority_class"], figures.first),
        )
    ]
    rows.append(())
    rows += [
        (L["priority_reason"] + ": " + L[reason], count) for reason, count in figures.by_reason
    ]
    rows.append(())
    rows += [
        (L[key], value)
        for key, value in (
            ("jumps", figures.jumps),
            ("turns", figures.turns),
            ("waited_past_m", figures.waited),
            ("assisted_calls", figures.assisted),
        )
    ]
    w.sheet(
        L["fair_queue"],
        [L["ticket_class"], L["issued"], "%", L["called"], L["wait_median"], L["wait_p90"]],
        rows,
        widths=[60, 10, 8, 10, 18, 22],
    )
