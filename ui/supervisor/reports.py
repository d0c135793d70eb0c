"""The Reports tab: a date range to a PDF or spreadsheet, made off the GUI thread
(``pst_desktop.reporting.writer.write_report`` on the tab's ``ui.readers.BackgroundReader``).
A report that cannot be made says why in the tab's message: a refusal in the service's words, a
file that cannot be written in the system's, a lost connection there and in the band; anything
else goes the window's one way to the crash handler (``ui.calls.ServiceCalls.read_failed``).

Where to save is asked by ``choose_path(suggested: Path) -> Path | None``; the default opens the
save dialog, tests put their own function there.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import peewee as pw
from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import first_line
from pst_desktop.db.startup import connection_reason
from pst_desktop.reporting.writer import write_report
from pst_desktop.sop.office_calendar import OfficeCalendar
from ui.calls import ServiceCalls, refusal_text
from ui.readers import BackgroundReader
from ui.widgets import field_label

log = logging.getLogger(__name__)

PathChooser = Callable[[Path], Path | None]


class ReportsWidget(QWidget):
    """Pick a range and a format, then "Make report"; ``finished(path)`` / ``failed(text)``;
    ``connection_trouble(exc)`` when the database did not answer (the window's band)."""

    finished = Signal(str)
    failed = Signal(str)
    connection_trouble = Signal(object)

    def __init__(
        self,
        db: pw.Database,
        office_id: int,
        clock: Clock,
        calls: ServiceCalls,
        language: str = "id",
        choose_path: PathChooser | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.office_id, self.clock, self.language = office_id, clock, language
        self.calls = calls
        self.choose_path: PathChooser = choose_path or self._ask_path
        #: the office's time zone, for "this month" (the live day keeps it up to date)
        self.zone: ZoneInfo = OfficeCalendar.for_office(office_id).zone
        # every report asked for is written (the button waits for the one under way)
        self._reader = BackgroundReader(db, self)
        self._build()
        self._connect_signals()

    def today(self) -> dt.date:
        """The office's day now (in its time zone)."""
        return self.clock.now().astimezone(self.zone).date()

    def set_time_zone(self, name: str) -> None:
        self.zone = ZoneInfo(name)

    def _build(self) -> None:
        today = self.today()
        self.date_from = QDateEdit(QDate(today.year, today.month, 1))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF report"), "pdf")
        self.format.addItem(self.tr("Spreadsheet (XLSX)"), "xlsx")
        self.this_month = QPushButton(self.tr("This &month"))
        self.last_month = QPushButton(self.tr("&Last month"))
        self.make_button = QPushButton(self.tr("Make &report…"))
        self.make_button.setObjectName("primaryButton")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(
            self.tr(
                "The report counts visits, services, visitors' profiles, waiting and service "
                "times, the SOP standards, ratings, comments and the IKM of the chosen days. "
                "It is made in the background: the live day keeps updating meanwhile."
            )
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        card = QFrame()
        card.setObjectName("card")
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.addWidget(field_label(self.tr("&From"), self.date_from), 0, 0)
        grid.addWidget(self.date_from, 0, 1)
        grid.addWidget(field_label(self.tr("&To"), self.date_to), 0, 2)
        grid.addWidget(self.date_to, 0, 3)
        grid.addWidget(self.this_month, 0, 4)
        grid.addWidget(self.last_month, 0, 5)
        grid.addWidget(field_label(self.tr("F&ormat"), self.format), 1, 0)
        grid.addWidget(self.format, 1, 1, 1, 3)
        grid.setColumnStretch(6, 1)
        title = QLabel(self.tr("Monthly report"))
        title.setObjectName("cardTitle")
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addStretch(1)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 18, 24, 18)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(hint)
        inner.addLayout(grid)
        inner.addLayout(buttons)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card)
        layout.addStretch(1)

    def _connect_signals(self) -> None:
        self.make_button.clicked.connect(self.make_report)
        self.this_month.clicked.connect(self._pick_this_month)
        self.last_month.clicked.connect(self._pick_last_month)
        self._reader.finished.connect(self._done)
        self._reader.failed.connect(self._failed)

    def _pick_this_month(self) -> None:
        today = self.today()
        self.set_range(today.replace(day=1), today)

    def _pick_last_month(self) -> None:
        today = self.today()
        last = today.replace(day=1) - dt.timedelta(days=1)
        self.set_range(last.replace(day=1), last)

    def set_range(self, first: dt.date, last: dt.date) -> None:
        self.date_from.setDate(QDate(first.year, first.month, first.day))
        self.date_to.setDate(QDate(last.year, last.month, last.day))

    def range(self) -> tuple[dt.date, dt.date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def _ask_path(self, suggested: Path) -> Path | None:  # pragma: no cover - a real dialog
        kind = suggested.suffix.lstrip(".").upper()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(suggested), f"{kind} (*{suggested.suffix})"
        )
        return Path(name) if name else None

    def make_report(self) -> Path | None:
        """Ask where, then write the report of the chosen days off the GUI thread; returns the
        file it will be written to (None: nothing asked)."""
        first, last = self.range()
        if last < first:
            self._show(self.tr("The last day lies before the first; choose the days again."), True)
            return None
        suffix = ".xlsx" if self.format.currentData() == "xlsx" else ".pdf"
        suggested = Path.home() / f"laporan-pst-{first:%Y%m%d}-{last:%Y%m%d}{suffix}"
        target = self.choose_path(suggested)
        if target is None:
            return None
        target = Path(target)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        self.make_button.setEnabled(False)
        self._show(self.tr("Making the report of the chosen days…"))
        self._reader.submit(
            functools.partial(
                write_report, self.office_id, first, last, target, self.clock, self.language
            )
        )
        return target

    def _done(self, written: Path) -> None:
        path = str(written)
        self.make_button.setEnabled(True)
        self._show(self.tr("The report is saved: {path}").format(path=path))
        self.finished.emit(path)

    def _failed(self, exc: Exception) -> None:
        self.make_button.setEnabled(True)
        if isinstance(exc, OSError):  # the file: a folder that is gone, a full disk, no rights
            log.warning("report not written: %s", type(exc).__name__)
            self._not_made(exc.strerror or first_line(exc))
            return
        self.calls.read_failed(
            "report",
            exc,
            on_refused=lambda refused: self._not_made(refusal_text(refused)),
            on_lost=self._lost,
        )

    def _lost(self, exc: Exception) -> None:
        self._not_made(connection_reason(exc))
        self.message.setToolTip(first_line(exc))  # the driver's words, for the office IT
        self.connection_trouble.emit(exc)

    def _not_made(self, reason: str) -> None:
        text = QCoreApplication.translate(
            "Reports", "The report could not be made: {error}"
        ).format(error=reason)
        self._show(text, True)
        self.failed.emit(text)

    def _show(self, text: str, error: bool = False) -> None:
        self.message.setToolTip("")
        self.message.setObjectName("errorLabel" if error else "cardHint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def shutdown(self) -> None:
        self._reader.wait(60_000)
