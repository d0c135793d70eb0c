"""The officer's Visit history tab: filter the office's consultation records, open one (an
officer edits only their own), export the filtered list to XLSX.

The list and the export are read and written on worker threads (up to 20 s on the GUI
thread with a year of records), the newest list shown. The tab says what was asked
(``save_asked``); the window runs the write and keeps the key (Ctrl+S).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import peewee as pw
from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.entities import Channel
from pst_desktop.core.clock import Clock
from pst_desktop.frontdesk.guest_book_lists import Option
from pst_desktop.frontdesk.reception import ServiceChoice
from pst_desktop.officer import history
from pst_desktop.officer.consultations import ConsultationService
from pst_desktop.officer.history import HistoryFilter, HistoryRow
from pst_desktop.officer.online import ONLINE_CHANNELS
from pst_desktop.sop.permissions import Actor
from ui import style
from ui.calls import CONNECTION_ERRORS
from ui.officer.record_form import RecordForm
from ui.readers import BackgroundReader
from ui.tables import Column, RowsModel, table_view

TEXT_DELAY_MS = 300  # the text filter reads once typing pauses

#: what counts as a lost connection (the window's ``DB_ERRORS``)
DB_ERRORS = CONNECTION_ERRORS


class HistoryTab(QWidget):
    """``loaded`` once the list shows the current filter; ``exported(path or None)`` when an
    export is written (None: it failed); ``save_asked`` for the opened record (the window
    saves it); ``message(text, kind)`` and ``read_failed(exc)`` for the window's message line."""

    loaded = Signal()
    exported = Signal(object)
    save_asked = Signal()
    message = Signal(str, str)
    read_failed = Signal(object)

    def __init__(
        self,
        *,
        actor: Actor,
        clock: Clock,
        zone: dt.tzinfo,
        db: pw.Database,
        consultations: ConsultationService,
        services: list[ServiceChoice],
        lists: dict[str, list[Option]],
        language: str,
        channel_labels: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.actor, self.clock, self.zone = actor, clock, zone
        self.consultations = consultations
        self.language = language
        self.channel_labels = channel_labels
        self.need_labels = {o.code: o.label(language) for o in lists["need_met"]}
        self.rows: list[HistoryRow] = []
        #: the visit of the record opened (None: none)
        self.open_visit: int | None = None
        self.reader = BackgroundReader(db, self)
        self.export_runner = BackgroundReader(db, self)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DELAY_MS)
        self._build(services, lists)
        self._connect_signals()

    def _office_day(self) -> dt.date:
        """Today in the office's time zone (no database read)."""
        return self.clock.now().astimezone(self.zone).date()

    def _build(self, services: list[ServiceChoice], lists: dict[str, list[Option]]) -> None:
        today = self._office_day()
        self.date_from = QDateEdit(QDate(today - dt.timedelta(days=30)))
        self.date_to = QDateEdit(QDate(today))
        #: the day the 'to' date was set to by the tab: it follows the clock's day while the
        #: officer leaves it there (a window left open overnight shows today's records)
        self._day = today
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.officer = QComboBox()
        self.officer.addItem(self.tr("All officers"), None)
        for officer_id, name in history.officers_of(self.actor.office_id):
            self.officer.addItem(name, officer_id)
        self.service = QComboBox()
        self.service.addItem(self.tr("All services"), None)
        for service in services:
            self.service.addItem(service.name, service.service_id)
        self.channel = QComboBox()
        self.channel.addItem(self.tr("All channels"), "")
        for code in [Channel.WALK_IN, *ONLINE_CHANNELS]:
            self.channel.addItem(self.channel_labels.get(code.value, code), code.value)
        self.need = QComboBox()
        self.need.addItem(self.tr("Need met: any"), "")
        for option in lists["need_met"]:
            self.need.addItem(option.label(self.language), option.code)
        self.words = QLineEdit()
        self.words.setClearButtonEnabled(True)
        self.words.setPlaceholderText(self.tr("Words in topic, question or answer"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("small")
        self.export_button.setToolTip(self.tr("Save the filtered list as an XLSX file"))
        # two rows, each list as wide as its longest choice (a chosen service is never cut),
        # the words get what is left
        dates = QHBoxLayout()
        dates.setSpacing(6)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to)
        first = QHBoxLayout()
        first.setSpacing(6)
        first.addLayout(dates)
        first.addWidget(self.officer, 1)
        first.addWidget(self.service, 1)
        second = QHBoxLayout()
        second.setSpacing(6)
        second.addWidget(self.channel)
        second.addWidget(self.need)
        self.words.setMinimumWidth(200)
        second.addWidget(self.words, 1)
        second.addWidget(self.export_button)
        filters = QVBoxLayout()
        filters.setSpacing(6)
        filters.addLayout(first)
        filters.addLayout(second)
        self.model: RowsModel[HistoryRow] = RowsModel(
            [
                Column(self.tr("Date"), lambda r: r.day.strftime("%d-%m-%Y"), 90),
                Column(self.tr("Number"), lambda r: r.code or "—", 70, bold=True),
                Column(self.tr("Channel"), lambda r: self.channel_labels.get(r.channel, ""), 130),
                Column(self.tr("Visitor / contact"), lambda r: r.visitor_name or r.contact, 150),
                Column(self.tr("Officer"), lambda r: r.officer_name, 130),
                Column(self.tr("Topic"), lambda r: r.topic, 150),
                Column(self.tr("Question"), lambda r: r.question.replace("\n", " "), 0),
                Column(self.tr("Need met"), lambda r: self.need_labels.get(r.need_met, ""), 110),
            ],
            foreground=lambda r: style.BLUE,
            tooltip=lambda r: r.answer or None,
            key=lambda r: r.visit_id,
            parent=self,
        )
        self.table = table_view(self.model, "historyTable")
        self.table.setMinimumHeight(190)
        self.count_label = QLabel()
        self.count_label.setObjectName("cardHint")
        # the opened record
        self.form = RecordForm(lists, self.language)
        self.form.set_editable(False)
        self.title = QLabel(self.tr("Open a record from the list (Enter)"))
        self.title.setObjectName("sectionTitle")
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(
            self.tr("Save the changes to your own record (kept in the audit log) (Ctrl+S)")
        )
        self.save_button.setEnabled(False)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.save_button)
        detail = QVBoxLayout()
        detail.addLayout(head)
        detail_scroll = QScrollArea()
        detail_scroll.setWidget(self.form)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail.addWidget(detail_scroll, 1)
        detail_widget = QWidget()
        detail_widget.setLayout(detail)
        list_widget = QWidget()
        list_layout = QVBoxLayout(list_widget)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(list_widget)
        splitter.addWidget(detail_widget)
        splitter.setSizes([300, 260])
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.refresh())
        for combo in (self.officer, self.service, self.channel, self.need):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.words.textEdited.connect(lambda _t: self._text_timer.start())
        self._text_timer.timeout.connect(self.refresh)
        self.words.returnPressed.connect(self.refresh)
        self.table.activated.connect(lambda index: self.open_record(index.row()))
        self.table.clicked.connect(lambda index: self.open_record(index.row()))
        self.save_button.clicked.connect(self.save_asked)
        self.export_button.clicked.connect(self._choose_export_file)
        self.reader.finished.connect(self._show)
        self.reader.failed.connect(self.read_failed)
        self.export_runner.finished.connect(self._exported)
        self.export_runner.failed.connect(self._export_failed)

    # == the list ================================================================================
    def filter(self) -> HistoryFilter:
        return HistoryFilter(
            date_from=self.date_from.date().toPython(),
            date_to=self.date_to.date().toPython(),
            officer_id=self.officer.currentData(),
            service_id=self.service.currentData(),
            channel=self.channel.currentData() or "",
            need_met=self.need.currentData() or "",
            text=self.words.text(),
        )

    def refresh(self) -> None:
        """Read the list for the current filters on the worker thread."""
        self._text_timer.stop()
        filters = self.filter()
        office_id = self.actor.office_id

        def read() -> tuple[list[HistoryRow], int]:
            rows = history.history(office_id, filters)
            if len(rows) < history.HISTORY_LIMIT:
                return rows, len(rows)
            return rows, history.count(office_id, filters)

        self.reader.submit(read)

    def _show(self, answer: tuple[list[HistoryRow], int]) -> None:
        rows, total = answer
        self.rows = rows
        self.model.set_rows(rows)
        if total > len(rows):  # the list shows the newest; the export holds every record
            self.count_label.setText(
                self.tr(
                    "%n record(s), the newest {shown} shown; export saves all", "", total
                ).format(shown=len(rows))
            )
        else:
            self.count_label.setText(self.tr("%n record(s)", "", total))
        self.loaded.emit()

    def follow_day(self) -> None:
        """A new office day: the 'to' date moves to it unless the officer chose another date
        (then the list reads again, through the date's own signal)."""
        today = self._office_day()
        if today == self._day:
            return
        left_alone = self.date_to.date().toPython() == self._day
        self._day = today
        if left_alone:
            self.date_to.setDate(QDate(today))

    # == the opened record =======================================================================
    def open_record(self, row_index: int) -> None:
        row = self.model.row_at(row_index)
        if row is None:
            return
        try:
            record = self.consultations.load(row.visit_id)
        except DB_ERRORS as exc:
            self.read_failed.emit(exc)
            return
        self.open_visit = row.visit_id
        self.form.set_record(record)
        own = row.officer_id == self.actor.user_id
        self.form.set_editable(own)
        self.save_button.setEnabled(own)
        title = f"{row.code or self.channel_labels.get(row.channel, '')} · {row.day:%d-%m-%Y}"
        self.title.setText(
            title
            if own
            else self.tr("{title} · recorded by {officer} (read only)").format(
                title=title, officer=row.officer_name
            )
        )

    def can_save(self) -> bool:
        """A record of the officer's own is open."""
        return self.open_visit is not None and self.save_button.isEnabled()

    # == export ==================================================================================
    def export(self, path: Path) -> None:
        """Write the XLSX on the worker thread; ``exported(path or None)`` when done."""
        office_id, filters, language = self.actor.office_id, self.filter(), self.language
        self.export_button.setEnabled(False)
        self.export_runner.submit(
            lambda: history.export_matching(office_id, filters, Path(path), language)[0]
        )

    def _exported(self, written: Path) -> None:
        self.export_button.setEnabled(True)
        self.message.emit(self.tr("Saved {path}").format(path=written), "ok")
        self.exported.emit(written)

    def _export_failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        if isinstance(exc, OSError):
            self.message.emit(
                self.tr("Could not save the file: {reason}").format(reason=exc), "error"
            )
        else:
            self.read_failed.emit(exc)
        self.exported.emit(None)

    def _choose_export_file(self) -> None:  # pragma: no cover - a native dialog
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export visit history"), "riwayat-kunjungan.xlsx", "Excel (*.xlsx)"
        )
        if name:
            self.export(Path(name))

    def stop(self) -> None:
        """No read any more (the window closes): those under way are waited for."""
        self._text_timer.stop()
        for reader in (self.reader, self.export_runner):
            reader.cancel()
            reader.wait(30_000)
