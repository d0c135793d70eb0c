"""The report as a spreadsheet (openpyxl): one sheet per table, plus the raw visits and ratings.

    export_report_xlsx(data, "laporan-november.xlsx")

Sheets (Indonesian names by default): Ringkasan, Per hari, one per profile table (Jenis layanan,
Sarana, …), Waktu, Kepatuhan SOP, Penilaian, Per petugas, Per loket, Komentar, IKM (when the
range has survey responses), the visitor's-voice sheets (``voice_xlsx.py``: IKM channels, SKD,
reasons, follow-ups, unmet demand), Data kunjungan, Data penilaian, and the unmet demand's raw
rows.  The raw sheets hold no personal
data (no names, e-mails, phones, institution names or birth years) and are written in
openpyxl's streaming mode, so a month of 20k visits stays cheap in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from pst_desktop.core.files import write_atomically
from pst_desktop.core.text import clean_text, export_text
from pst_desktop.reporting import fair_queue_xlsx, voice_xlsx
from pst_desktop.reporting.figures import ReportData
from pst_desktop.reporting.ikm import ELEMENTS
from pst_desktop.reporting.raw_rows import (
    iter_raw_ratings,
    iter_raw_visits,
    raw_rating_columns,
    raw_visit_columns,
)

_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="E8EEF6")
_INVALID = set("[]:*?/\\")


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of ``[]:*?/\\``)."""
    text = clean_text(text)
    clean = "".join("-" if ch in _INVALID else ch for ch in text).strip()[:31] or "Sheet"
    title, n = clean, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title = clean[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title.casefold())
    return title


class _Writer:
    def __init__(self) -> None:
        self.book = Workbook(write_only=True)
        self.taken: set[str] = set()

    def sheet(
        self,
        title: str,
        header: Sequence[str],
        rows: Iterable[Sequence],
        widths: Sequence[int] | None = None,
        number_formats: dict[int, str] | None = None,
    ) -> None:
        from openpyxl.cell import WriteOnlyCell

        ws = self.book.create_sheet(sheet_title(title, self.taken))
        ws.freeze_panes = "A2"
        widths = widths or [max(12, min(40, len(h) + 4)) for h in header]
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        cells = []
        for text in header:
            cell = WriteOnlyCell(ws, value=export_text(text))
            cell.font = _BOLD
            cell.fill = _HEAD_FILL
            cells.append(cell)
        ws.append(cells)
        formats = number_formats or {}
        for row in rows:
            # text stored before input was cleaned may hold control characters openpyxl refuses
            row = [export_text(value) for value in row]
            if formats:
                out = []
                for i, value in enumerate(row):
                    if i in formats and value is not None:
                        cell = WriteOnlyCell(ws, value=value)
                        cell.number_format = formats[i]
                        out.append(cell)
                    else:
                        out.append(value)
                ws.append(out)
            else:
                ws.append(row)

    def save(self, path: str | os.PathLike[str]) -> None:
        self.book.save(str(path))


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _num(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def export_report_xlsx(
    data: ReportData, path: str | os.PathLike[str], include_raw: bool = True
) -> Path:
    """Write the report to ``path`` (.xlsx).  The raw sheets are read from the bound database.

    The workbook is built only once its temporary file exists in the target folder, so a
    folder that cannot be written fails at once and leaves nothing behind."""
    return write_atomically(Path(path), lambda temp: _build(data, include_raw).save(temp))


def _build(data: ReportData, include_raw: bool) -> _Writer:
    L = data.labels
    w = _Writer()
    t = data.totals
    r = data.ratings
    summary = [
        (L["period"], data.period_text),
        (L["visits"], t.visits),
        (L["walk_in"], t.walk_in),
        (L["online"], t.online),
        (L["visitors"], t.visitors),
        (L["served"], t.served),
        (L["skipped"], t.skipped),
        (L["cancelled"], t.cancelled),
        (L["expired"], t.expired),
        (L["open"], t.open),
        (L["ratings"], r.count),
        (f"{L['average']} ({L['scale'].format(n=r.scale_max)})", _num(r.average)),
        (f"{L['satisfied']} (%)", _pct(r.satisfied_percent)),
        (f"{L['rated_share']} (%)", _pct(t.rated_percent)),
    ]
    if data.ikm is not None:
        summary += [
            (L["ikm_value"], float(data.ikm.index)),
            (L["grade"], f"{data.ikm.grade} ({data.ikm.grade_label})"),
        ]
    w.sheet(L["summary"], [data.office_name, ""], summary, widths=[44, 24])
    w.sheet(
        L["per_day"],
        [
            L["day"],
            L["visits"],
            L["walk_in"],
            L["online"],
            L["served"],
            L["skipped"],
            L["cancelled"],
        ],
        [
            (d.day, d.total, d.walk_in, d.online, d.served, d.skipped, d.cancelled)
            for d in data.per_day
        ],
        widths=[12, 10, 14, 10, 16, 20, 10],
        number_formats={0: "yyyy-mm-dd"},
    )
    for table in data.categories:
        w.sheet(
            table.title,
            [table.title, L["count"], L["share"]],
            [
                *((row.label, row.count, _pct(row.percent)) for row in table.rows),
                (L["total"], table.total, 100.0 if table.total else None),
            ],
            widths=[42, 10, 8],
        )
    if data.delivered:
        w.sheet(
            L["services_delivered"][:31],
            [L["service"], L["tickets"], L["services_delivered"]],
            [
                *((r.name, r.tickets, r.delivered) for r in data.delivered),
                (
                    L["total"],
                    sum(r.tickets for r in data.delivered),
                    sum(r.delivered for r in data.delivered),
                ),
            ],
            widths=[42, 10, 18],
        )
    w.sheet(
        L["times"][:31],
        [L["measure"], L["measured"], L["mean"], L["median"], L["p90"]],
        [(d.label, d.measured, _num(d.mean), _num(d.median), _num(d.p90)) for d in data.durations],
        widths=[42, 10, 12, 12, 14],
    )
    w.sheet(
        L["compliance_sheet"],
        [L["standard"], L["limit"], L["measured"], L["met"], "%"],
        [(c.label, c.limit, c.measured, c.met, _pct(c.percent)) for c in data.compliance],
        widths=[40, 14, 10, 10, 8],
    )
    w.sheet(
        L["rating_distribution"],
        [L["scale"].format(n="n"), L["score"], L["count"]],
        [(f"1–{sc}", s, c) for sc, s, c in r.distribution],
        widths=[12, 8, 10],
    )
    for key, groups in (("by_officer", r.by_officer), ("by_desk", r.by_desk)):
        w.sheet(
            L[key],
            [
                L["officer"] if key == "by_officer" else L["desk"],
                L["ratings"],
                f"{L['average']} ({L['scale'].format(n=r.scale_max)})",
                f"{L['satisfied']} (%)",
            ],
            [(g.name, g.count, _num(g.average), _pct(g.satisfied_percent)) for g in groups],
            widths=[32, 10, 18, 12],
        )
    w.sheet(
        L["comments"],
        [
            L["day"],
            L["rated_at"],
            L["ticket"],
            L["service"],
            L["desk"],
            L["officer"],
            L["score"],
            L["scale"].format(n="n"),
            L["comment"],
        ],
        [
            (
                c.day,
                c.rated_at.replace(tzinfo=None),
                c.ticket,
                c.service,
                c.desk,
                c.officer,
                c.score,
                c.scale_max,
                c.text,
            )
            for c in data.comments
        ],
        widths=[12, 17, 8, 26, 14, 22, 6, 8, 80],
        number_formats={0: "yyyy-mm-dd", 1: "yyyy-mm-dd hh:mm"},
    )
    if data.ikm is not None:
        ikm = data.ikm
        w.sheet(
            L["ikm_sheet"],
            ["", L["element"], L["nrr"], L["element_ikm"]],
            [
                *(
                    (code, name, round(nrr, 4), float(value))
                    for (code, name), nrr, value in zip(
                        ELEMENTS, ikm.nrr_float, ikm.element_index, strict=True
                    )
                ),
                ("", L["ikm_value"], None, float(ikm.index)),
                ("", L["grade"], None, f"{ikm.grade} ({ikm.grade_label})"),
                ("", "n", None, ikm.respondents),
            ],
            widths=[5, 42, 10, 12],
        )
    if data.work is not None:
        for key, rows_of, none in (
            ("work_by_officer", data.work.by_officer, L["no_officer"]),
            ("work_by_desk", data.work.by_desk, L["no_desk"]),
        ):
            w.sheet(
                L[key],
                [
                    L["officer"] if key == "work_by_officer" else L["desk"],
                    L["called"],
                    L["served"],
                    L["services_delivered"],
                    L["wait_median"],
                    L["wait_p90"],
                    L["service_median"],
                    L["service_p90"],
                    f"{L['sop_service']} (%)",
                    f"{L['sop_rating']} (%)",
                    L["ratings"],
                    f"{L['average']} ({L['scale'].format(n=data.work.scale_max)})",
                    L["follow_ups_opened"],
                    L["follow_ups_closed"],
                ],
                [
                    (
                        r.name or none,
                        r.called,
                        r.served,
                        r.services_delivered,
                        _num(r.wait_median, 1),
                        _num(r.wait_p90, 1),
                        _num(r.service_median, 1),
                        _num(r.service_p90, 1),
                        _pct(r.service_percent),
                        _pct(r.rating_percent),
                        r.ratings,
                        _num(r.rating_average),
                        r.follow_ups_opened,
                        r.follow_ups_closed,
                    )
                    for r in rows_of
                ],
                widths=[28, 9, 9, 10, 12, 12, 12, 12, 12, 12, 9, 12, 12, 12],
            )
    fair_queue_xlsx.add_sheet(w, data)  # priority share, waits by class, the rule at work
    voice_xlsx.add_sheets(w, data)  # IKM channels, SKD, reasons, follow-ups, unmet demand
    if include_raw:
        stamp = "yyyy-mm-dd hh:mm:ss"
        w.sheet(
            L["raw_visits"],
            raw_visit_columns(data.language),
            iter_raw_visits(data.office_id, data.date_from, data.date_to, data.language),
            number_formats={1: "yyyy-mm-dd", 14: stamp, 15: stamp, 16: stamp, 17: stamp},
        )
        w.sheet(
            L["raw_ratings"],
            raw_rating_columns(data.language),
            iter_raw_ratings(data.office_id, data.date_from, data.date_to),
            number_formats={1: "yyyy-mm-dd", 6: stamp, 7: stamp},
        )
        voice_xlsx.add_raw_sheets(w, data)
    return w


__all__ = ["export_report_xlsx", "sheet_title"]
