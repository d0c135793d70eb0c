"""Build a report and write it to a file: the work a window runs off the GUI thread.

    reader.submit(functools.partial(write_report, office_id, first, last, Path("laporan.pdf")))

``write_report`` reads the database through the models (``build_report``) and writes the PDF
or, for a ``.xlsx`` target, the spreadsheet; it returns the file written and raises when the
report cannot be made.  The Reports tab (``ui/supervisor/reports.py``) runs it on its
``ui.readers.BackgroundReader`` (a connection of the worker thread, closed after the job) and
says what happened.  No Qt beyond QtCore here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pst_desktop.core.clock import Clock


def write_report(
    office_id: int,
    date_from: dt.date,
    date_to: dt.date,
    target: Path,
    clock: Clock | None = None,
    language: str = "id",
) -> Path:
    """The report of ``office_id`` for the days ``date_from``..``date_to`` in ``target`` (PDF,
    or XLSX when the name ends in ``.xlsx``), in ``language``; returns ``target``."""
    from pst_desktop.reporting.pdf import render_report_pdf
    from pst_desktop.reporting.reports import build_report
    from pst_desktop.reporting.xlsx import export_report_xlsx

    target = Path(target)
    data = build_report(office_id, date_from, date_to, clock=clock, language=language)
    if target.suffix.lower() == ".xlsx":
        export_report_xlsx(data, target)
    else:
        target.write_bytes(render_report_pdf(data))
    return target
