"""Build and write a report off the GUI thread, so the live windows never stall.

    job = ReportJob(office_id, first, last, Path("laporan.pdf"))
    job.signals.finished.connect(on_done)   # (path: str)
    job.signals.failed.connect(on_error)    # (message: str)
    QThreadPool.globalInstance().start(job)

The job runs in a pool thread with its own database connection (peewee keeps one per thread),
closed when the job ends.  QtCore only: the admin window (``ui/``) decides what to show.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from models.database import database_proxy
from pst_desktop.clock import Clock


class ReportSignals(QObject):
    finished = Signal(str)  # the written file
    failed = Signal(str)  # one sentence


class ReportJob(QRunnable):
    def __init__(
        self,
        office_id: int,
        date_from: dt.date,
        date_to: dt.date,
        target: Path,
        clock: Clock | None = None,
        language: str = "id",
    ) -> None:
        super().__init__()
        self.office_id = office_id
        self.date_from = date_from
        self.date_to = date_to
        self.target = Path(target)
        self.clock = clock
        self.language = language
        self.signals = ReportSignals()
        self.setAutoDelete(False)  # the caller keeps the job (and its signals) alive

    def run(self) -> None:
        from pst_desktop.report_pdf import render_report_pdf
        from pst_desktop.report_xlsx import export_report_xlsx
        from pst_desktop.reports import build_report

        try:
            try:
                data = build_report(
                    self.office_id,
                    self.date_from,
                    self.date_to,
                    clock=self.clock,
                    language=self.language,
                )
                if self.target.suffix.lower() == ".xlsx":
                    export_report_xlsx(data, self.target)
                else:
                    self.target.write_bytes(render_report_pdf(data))
            finally:
                if database_proxy.obj is not None and not database_proxy.is_closed():
                    database_proxy.close()  # this thread's connection only
        except Exception as exc:
            self.signals.failed.emit(
                QCoreApplication.translate(
                    "Reports", "The report could not be made: {error}"
                ).format(error=exc)
            )
            return
        self.signals.finished.emit(str(self.target))
