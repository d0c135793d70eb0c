"""The visitor's-voice sheets of the XLSX report (``voice_figures.py``): IKM channels, SKD,
reasons after a low rating, follow-ups, unmet data demand, and its raw rows (one per data
request, no personal data).  ``xlsx.export_report_xlsx`` adds them with its own writer."""

from __future__ import annotations

from pst_desktop.reporting.figures import ReportData, percent_of
from pst_desktop.reporting.voice_figures import half_up, voice_labels
from pst_desktop.reporting.voice_queries import iter_unmet_raw, unmet_raw_columns


def _r(value: float | None, digits: int = 2) -> float | None:
    return half_up(value, digits)


def add_sheets(w, data: ReportData) -> None:
    """The summary sheets, after the IKM sheet (``w``: the spreadsheet's ``_Writer``)."""
    voice = data.voice
    if voice is None:
        return
    L = {**data.labels, **voice_labels(data.language)}
    if any(c.started for c in voice.ikm_channels):
        w.sheet(
            L["sheet_ikm_channels"],
            [L["answered_on"], L["respondents"], L["started"]],
            [(c.label, c.respondents, c.started) for c in voice.ikm_channels],
            widths=[24, 22, 20],
        )
    if voice.skd is not None:
        skd = voice.skd
        w.sheet(
            L["sheet_skd"],
            ["", L["attribute"], L["importance"], "n", L["satisfaction"], "n", L["gap"],
             L["quadrant"]],
            [
                *(
                    (r.code, r.label, _r(r.importance), r.importance_n, _r(r.satisfaction),
                     r.satisfaction_n, _r(r.gap), r.quadrant)
                    for r in skd.rows
                ),
                ("", L["mean"], _r(skd.mean_importance), None, _r(skd.mean_satisfaction), None,
                 None, None),
                ("", "n", skd.respondents, None, None, None, None, None),
            ],
            widths=[7, 60, 12, 6, 12, 6, 8, 10],
        )  # fmt: skip
    reasons = voice.reasons
    basis = L["reasons_basis"].format(low=reasons.low_ratings, with_reason=reasons.with_reason)
    w.sheet(
        L["sheet_reasons"],
        ["", L["element"], L["times_chosen"], "%"],
        [
            *(
                (r.element, r.label, r.count, _r(percent_of(r.count, reasons.with_reason)))
                for r in reasons.rows
            ),
            ("", basis, None, None),
        ],
        widths=[5, 44, 14, 8],
    )  # fmt: skip
    summary = voice.follow_ups
    header = [L["opened"], L["closed_in_time"], L["closed_late"], L["overdue"], L["open_not_due"]]

    def counts(g):
        return (g.opened, g.closed_in_time, g.closed_late, g.overdue, g.open_not_due)

    w.sheet(
        L["sheet_follow_ups"],
        ["", "", *header],
        [
            *((L["per_element"], g.label, *counts(g)) for g in summary.by_element),
            *((L["per_officer"], g.label, *counts(g)) for g in summary.by_officer),
            (L["total"], "", *counts(summary.total)),
        ],
        widths=[22, 40, 10, 14, 12, 10, 16],
    )
    w.sheet(
        L["sheet_unmet"],
        [L["subject"], L["region"], L["level"], L["data_period"], L["years"], L["requests"],
         L["latest"]],
        [(r.subject, r.region, r.level, r.period, r.years, r.count, r.latest) for r in voice.unmet],
        widths=[40, 22, 16, 14, 12, 10, 14],
        number_formats={6: "yyyy-mm-dd"},
    )  # fmt: skip


def add_raw_sheets(w, data: ReportData) -> None:
    """The unmet data demand's raw rows, after the report's other raw sheets."""
    if data.voice is None:
        return
    w.sheet(
        voice_labels(data.language)["sheet_unmet_raw"],
        unmet_raw_columns(data.language),
        iter_unmet_raw(data.office_id, data.date_from, data.date_to, data.language),
        number_formats={0: "yyyy-mm-dd"},
    )
