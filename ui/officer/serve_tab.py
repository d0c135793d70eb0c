"""The officer's Serve tab: the desk's queue, the search of past answers and the consultation
record of the ticket held (``RecordPanel``).

The search reads on a worker thread a moment after typing stops (or on Enter), the newest answer
shown. The tab says what was asked (``call_selected_asked``, ``answer_asked``); the window runs
the moves and keeps the keys (F9, Ctrl+F, Ctrl+U).
"""

from __future__ import annotations

import datetime as dt

import peewee as pw
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.core.clock import Clock
from pst_desktop.frontdesk import reception
from pst_desktop.frontdesk.reception import QueueRow, WaitLevel
from pst_desktop.officer.consultations import SearchHit, search
from pst_desktop.officer.workspace import DeskChoice, HeldTicket
from ui import style
from ui.officer.record_panel import UNREAD, RecordPanel
from ui.readers import BackgroundReader
from ui.tables import Column, RowsModel, table_view
from ui.widgets import WrapRow

SEARCH_DELAY_MS = 300

# a waiting ticket's row as its wait passes the front desk's thresholds
WAIT_BACKGROUND = {
    WaitLevel.WARNING: style.WARNING_BACKGROUND,
    WaitLevel.ALERT: style.ALERT_BACKGROUND,
}


class ServeTab(QWidget):
    """``search_done(hits)`` once the past answers found are shown; ``read_failed(exc)`` when
    the search could not read."""

    call_selected_asked = Signal()
    answer_asked = Signal()  # use the selected past answer
    search_done = Signal(list)
    read_failed = Signal(object)

    def __init__(
        self,
        record: RecordPanel,
        *,
        clock: Clock,
        office_id: int,
        zone: dt.tzinfo,
        db: pw.Database,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record = record
        self.clock, self.office_id, self.zone = clock, office_id, zone
        # (up to 20 s on the GUI thread with a year of records)
        self.search_reader = BackgroundReader(db, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        # the desk's queue
        self.queue_title = QLabel(self.tr("Queue"))
        self.queue_title.setObjectName("sectionTitle")
        self.queue_model: RowsModel[QueueRow] = RowsModel(
            [
                # a priority ticket's mark, never its reason
                Column(
                    self.tr("Number"),
                    lambda r: f"{r.code} ★" if r.priority else r.code,
                    90,
                    bold=True,
                ),
                Column(self.tr("Service"), lambda r: r.service_name, 0),
                Column(self.tr("Visitor"), lambda r: r.visitor_name, 0),
                Column(self.tr("Waited"), self._waited_text, 84, centre=True),
            ],
            background=self._queue_background,
            foreground=lambda r: style.WAITING,
            key=lambda r: r.visit_id,
            parent=self,
        )
        self.queue_table = table_view(self.queue_model, "officerQueue")
        self.queue_table.setToolTip(
            self.tr("Tickets this desk may call, oldest first; Enter calls the selected one")
        )
        self.call_selected_button = QPushButton(self.tr("Call selected  (F9)"))
        self.call_selected_button.setObjectName("small")
        self.call_selected_button.setToolTip(
            self.tr("Call the selected ticket out of order (F9, or Enter in the list)")
        )
        # search of past answers
        search_title = QLabel(self.tr("Search past answers"))
        search_title.setObjectName("sectionTitle")
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Words from a topic, question or answer"))
        self.search_edit.setToolTip(self.tr("Search earlier consultation records (Ctrl+F)"))
        self.hits = QListWidget()
        self.hits.setObjectName("hits")
        self.hits.setWordWrap(True)
        self.hits.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.use_answer_button = QPushButton(self.tr("Use this answer"))
        self.use_answer_button.setObjectName("small")
        self.use_answer_button.setToolTip(
            self.tr("Add the selected answer to the answer of the current record (Ctrl+U)")
        )
        left = QVBoxLayout()
        left.setContentsMargins(8, 8, 4, 8)
        queue_head = WrapRow()  # (the button under the title where the list is narrow)
        queue_head.addWidget(self.queue_title)
        queue_head.addStretch()
        queue_head.addWidget(self.call_selected_button)
        left.addLayout(queue_head)
        left.addWidget(self.queue_table, 3)
        search_head = WrapRow()
        search_head.addWidget(search_title)
        search_head.addStretch()
        search_head.addWidget(self.use_answer_button)
        left.addLayout(search_head)
        left.addWidget(self.search_edit)
        left.addWidget(self.hits, 2)
        left_widget = QWidget()
        left_widget.setLayout(left)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_widget)
        splitter.addWidget(self.record)
        # the queue keeps its width (its title and F9 on one line), the record takes the rest
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _connect_signals(self) -> None:
        self.call_selected_button.clicked.connect(self.call_selected_asked)
        self.queue_table.activated.connect(lambda _index: self.call_selected_asked.emit())
        self.search_edit.textEdited.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.run_search)
        self._search_timer.timeout.connect(self.run_search)
        self.search_reader.finished.connect(self._show_hits)
        self.search_reader.failed.connect(self.read_failed)
        self.use_answer_button.clicked.connect(self.answer_asked)
        self.hits.itemActivated.connect(lambda _item: self.answer_asked.emit())

    # == the queue ===============================================================================
    def _waited_text(self, row: QueueRow) -> str:
        return reception.minutes_text(row.waited(self.clock.now()))

    def _queue_background(self, row: QueueRow) -> str | None:
        return WAIT_BACKGROUND.get(row.level(self.clock.now()))

    def show_queue(self, rows: list[QueueRow], desk: DeskChoice | None) -> None:
        """The desk's waiting tickets; the one selected stays selected while it waits."""
        selected = self.selected_ticket()
        self.queue_model.set_rows(rows)
        if selected is not None and (index := self.queue_model.row_of(selected.visit_id)) >= 0:
            self.queue_table.selectRow(index)
        self.queue_title.setText(
            self.tr("Queue at {desk}: {count} waiting").format(desk=desk.name, count=len(rows))
            if desk
            else self.tr("Queue: choose your desk")
        )

    def selected_ticket(self) -> QueueRow | None:
        return self.queue_model.row_at(self.queue_table.currentIndex().row())

    def tick(self) -> None:
        """The waits move on (no read)."""
        self.queue_model.refresh_all()

    def enable_calls(self, on: bool) -> None:
        self.call_selected_button.setEnabled(on)

    # == the record ==============================================================================
    def hold(self, held: HeldTicket | None, saved: object = UNREAD) -> None:
        self.record.hold(held, saved)

    # == past answers ============================================================================
    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def run_search(self) -> None:
        """Search past answers on the worker thread; ``search_done(hits)`` once shown."""
        self._search_timer.stop()
        text = self.search_edit.text()
        held = self.record.held
        exclude = held.visit_id if held else None
        office_id = self.office_id
        self.search_reader.submit(lambda: (text, search(office_id, text, exclude_visit=exclude)))

    def _show_hits(self, answer: tuple[str, list[SearchHit]]) -> None:
        text, hits = answer
        self.hits.clear()
        for hit in hits:
            when = hit.recorded_at.astimezone(self.zone).strftime("%d-%m-%Y")
            answer_text = " ".join(hit.answer.split())
            if len(answer_text) > 160:
                answer_text = answer_text[:157] + "…"
            item = QListWidgetItem(
                f"{hit.topic or '—'} · {when} · {hit.officer_name}\n{answer_text}"
            )
            item.setData(Qt.ItemDataRole.UserRole, hit)
            item.setToolTip(f"{hit.question}\n\n{hit.answer}")
            self.hits.addItem(item)
        if hits:
            self.hits.setCurrentRow(0)
        elif text.strip():
            item = QListWidgetItem(self.tr("No earlier answer found."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.hits.addItem(item)
        self.search_done.emit(hits)

    def selected_hit(self) -> SearchHit | None:
        item = self.hits.currentItem()
        hit = item.data(Qt.ItemDataRole.UserRole) if item else None
        return hit if isinstance(hit, SearchHit) else None

    def stop(self) -> None:
        """No search any more (the window closes): the one under way is waited for."""
        self._search_timer.stop()
        self.search_reader.cancel()
        self.search_reader.wait(30_000)
