"""The service officer's workspace (SOP steps 5 and 6).

Three tabs: **Serve** (the desk's queue, the held ticket with its service timer, the consultation
record saved as the officer types, the search of past answers), **Online consultations** (portal,
e-mail, WhatsApp, phone, letter, with the SOP clock) and **Visit history** (filter, open, edit own
records, export to XLSX).

The window asks services (``queue``, ``consultations``, ``online``, ``history``, ``workspace``) and
shows their answers; it never decides a rule itself. No modal dialog in any path the tests drive.

Never freeze (issue 12 item 9): what the window shows of the queue (the held ticket, the desk's
waiting tickets, the online consultations) is read on a worker thread (``refresh`` → the
``snapshot_reader`` → ``refreshed``), on every action and every change from another station;
only the newest answer is shown. The officer's own moves (call, start, finish…, the online
consultations and the history's Save) are one short transaction each, run in order on the
window's write thread (``calls``, ``ui.calls.ServiceCalls``): the answer comes back to the GUI
thread, a refusal to the message line, a lost connection to the connection band. What the
officer holds after a move is read with it and shown at once, so F8 right after F2 finishes the
ticket just called without waiting for the list. While a move is under way the move keys do
nothing and the move buttons are off (a double F2 calls one ticket). Housekeeping runs on a
worker thread too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee as pw
from PySide6.QtCore import QDate, QEvent, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.database import database_proxy
from models.entities import Channel, OnlineStatus, Visit
from pst_desktop.core.errors import ServiceError, ValidationError, first_line
from pst_desktop.core.settings import StationSettings
from pst_desktop.db.changes import ChangeWatcher, SettingsFollower
from pst_desktop.db.startup import connection_reason
from pst_desktop.frontdesk import guest_book_lists, reception
from pst_desktop.frontdesk.reception import QueueRow
from pst_desktop.officer import history, workspace
from pst_desktop.officer.consultations import (
    ConsultationRecord,
    ConsultationService,
    DraftFile,
    SearchHit,
    search,
)
from pst_desktop.officer.history import HistoryFilter, HistoryRow
from pst_desktop.officer.online import ONLINE_CHANNELS, OnlineRow, OnlineService
from pst_desktop.officer.workspace import DeskChoice, DeskSnapshot, HeldTicket
from pst_desktop.sop.finishing import check_record_complete
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.sop.standards import Verdict
from pst_desktop.visits.queue import UNDO_WINDOW, QueueService, Undo
from ui.accessibility import announce_error, name_controls
from ui.calls import ServiceCalls
from ui.officer.record_form import RecordForm
from ui.officer.tables import Column, RowsModel
from ui.officer.transfer_dialog import TransferDialog
from ui.readers import BackgroundReader
from ui.roles import RoleWindow
from ui.session import Session
from ui.style import font_scale, scale_sheet
from ui.widgets import ChoiceBox, MessageBand, WrapRow, fit_columns, scrolling

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1000
TICK_MS = 1000
HOUSEKEEPING_MS = 30_000
SEARCH_DELAY_MS = 300
HISTORY_TEXT_DELAY_MS = 300  # the history's text filter reads once typing pauses
DB_ERRORS = (pw.OperationalError, pw.InterfaceError)

OVERDUE_BACKGROUND = "#f9c7c3"
DUE_SOON_BACKGROUND = "#ffe8b3"

STYLE = """
QLabel#sectionTitle { font-size: 12.5pt; font-weight: bold; color: #1f2933; }
QFrame#heldCard { background: #0b4a8b; border-radius: 8px; }
QLabel#heldCode { color: white; font-size: 30pt; font-weight: bold; }
QLabel#heldCode[idle="true"] { color: #8fb0d3; font-size: 20pt; }
QLabel#heldDetail { color: #d6e4f3; font-size: 10.5pt; }
QLabel#heldStatus {
    color: #0b4a8b; background: white; border-radius: 4px; padding: 2px 8px; font-weight: bold;
}
QLabel#timer { color: white; font-size: 20pt; font-weight: bold; font-family: monospace; }
QLabel#timer[level="warning"] { color: #ffd28a; }
QLabel#timer[level="overdue"] { color: #ffb4ab; }
QLabel#timerHint { color: #d6e4f3; font-size: 9pt; }
QPushButton#action {
    background: white; color: #0b4a8b; font-weight: bold; padding: 8px 10px; border: none;
}
QPushButton#action:disabled { background: #3d6fa3; color: #9fbad6; }
QPushButton#callButton {
    background: #f28c28; color: white; font-size: 12.5pt; font-weight: bold;
    padding: 10px 18px; border: 1px solid #c96d12;
}
QPushButton#callButton:hover { background: #d9771a; }
QPushButton#callButton:disabled { background: #c9a27c; color: #f3e3d3; }
QComboBox { padding: 5px 8px; min-height: 22px; }
QPlainTextEdit { background: white; border: 1px solid #c9d3dd; border-radius: 4px; }
QPlainTextEdit:focus { border: 2px solid #0b4a8b; }
QSpinBox, QDateEdit { padding: 4px 6px; min-height: 22px; }
QTableView { background: white; gridline-color: #e3e8ee; font-size: 10.5pt; }
QTableView::item:selected { background: #0b4a8b; color: white; }
QHeaderView::section {
    background: #e8f0f9; color: #1f2933; font-weight: bold; padding: 5px; border: none;
    border-bottom: 1px solid #c9d3dd;
}
QTabWidget::pane { border: 1px solid #c9d3dd; background: white; border-radius: 4px; }
QTabBar::tab { padding: 8px 18px; font-weight: bold; color: #5b6773; }
QTabBar::tab:selected { color: #0b4a8b; border-bottom: 3px solid #f28c28; }
QLabel#notice {
    background: #fff4e0; border: 1px solid #f2c27a; border-radius: 4px; padding: 6px 10px;
}
QLabel#notice[kind="error"] { background: #fdecea; border: 1px solid #f3c1bd; }
QLabel#notice[kind="ok"] { background: #e3f4e8; border: 1px solid #a6d9b5; }
QLabel#saveState { color: #5b6773; font-size: 9pt; }
QLabel#saveState[kind="local"] { color: #b45309; font-weight: bold; }
QListWidget#hits { background: white; border: 1px solid #c9d3dd; font-size: 10pt; }
QListWidget#hits::item { padding: 4px 6px; border-bottom: 1px solid #eef2f6; }
QListWidget#hits::item:selected { background: #0b4a8b; color: white; }
QLabel#statusLine { color: #5b6773; font-size: 9.5pt; }
QPushButton#small { padding: 5px 12px; }
"""


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


@dataclass(frozen=True)
class Moved:
    """The answer of an officer's move: the visit as the move left it (``None``: nothing moved,
    e.g. nobody waits) and what the officer holds after it, read with it on the write thread."""

    visit: Visit | None
    held: HeldTicket | None
    #: the record saved for ``held`` (read with it; ``None``: none saved yet)
    record: ConsultationRecord | None = None


#: "not read yet": the held ticket's record is read when it is shown
_UNREAD = object()


def default_draft_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".pst-desktop") / "drafts"


class OfficerWindow(RoleWindow):
    """Emits ``rating_requested(visit_id)`` after a walk-in visit is finished (the core also
    publishes ``Event.RATING_REQUESTED`` for the visitor-facing screen)."""

    rating_requested = Signal(int)
    held_changed = Signal()
    refreshed = Signal()  # the held ticket, queue and online list read by ``refresh`` are shown
    draft_saved = Signal(int, str)  # visit id, "database" or "local"
    search_done = Signal(list)  # the past-answer hits shown
    history_loaded = Signal()  # the history list shows the current filter
    history_exported = Signal(object)  # the file written, or None when the export failed

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        settings: StationSettings | None = None,
        watcher: ChangeWatcher | None = None,
        draft_folder: Path | None = None,
        poll_ms: int | None = None,
        autosave_ms: int = AUTOSAVE_MS,
        housekeeping_ms: int = HOUSEKEEPING_MS,
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("officerWindow")
        self.clock = session.clock
        self.actor = session.actor
        self.settings = settings or StationSettings()
        self.language = self.settings.language or "id"
        self._db = database_proxy.obj
        self.queue = QueueService(self.clock)
        self.consultations = ConsultationService(self.clock)
        self.online = OnlineService(self.clock)
        self.drafts = DraftFile(draft_folder or default_draft_folder())
        self.zone = OfficeCalendar.for_office(self.actor.office_id).zone
        self.lists = {
            name: guest_book_lists.options(name)
            for name in ("need_met", "data_level", "data_period")
        }
        self.channel_labels = {
            o.code: o.label(self.language) for o in guest_book_lists.options("channel")
        }
        self.need_labels = {o.code: o.label(self.language) for o in self.lists["need_met"]}
        # admin changes from any PC: the revision first, then the lists (reload_settings)
        self.settings_follower = SettingsFollower(self._db, self.actor.office_id, self)
        self.settings_follower.refresh()
        self.desks = workspace.desks_of(self.actor.office_id)
        self.services = reception.services_of(self.actor.office_id)
        self.held: HeldTicket | None = None
        #: the last ticket this window marked as a no-show: F7 puts it back if the visitor comes
        self.last_no_show: HeldTicket | None = None
        # the last transfer or no-show, while the message line offers to take it back
        self.pending_undo: Undo | None = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self.transfer_dialog: TransferDialog | None = None
        #: the rating prompt that took the keyboard before F8's answer (see finish)
        self._call_next_after_prompt: QWidget | None = None
        self._keyboard_to_call_next_when_on = False
        self.queue_rows: list[QueueRow] = []
        self.history_rows: list[HistoryRow] = []
        self.open_record_visit: int | None = None
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._history_timer = QTimer(self)
        self._history_timer.setSingleShot(True)
        self._history_timer.setInterval(HISTORY_TEXT_DELAY_MS)
        # search, history and export read on worker threads (issue 12: up to 20 s on the GUI
        # thread with a year of records); each keeps only its newest answer
        self.search_reader = BackgroundReader(self._db, self)
        self.history_reader = BackgroundReader(self._db, self)
        self.export_runner = BackgroundReader(self._db, self)
        # the held ticket, the desk's queue and the online list: one read, the newest shown
        self.snapshot_reader = BackgroundReader(self._db, self, skip_superseded=True)
        self.housekeeping_runner = BackgroundReader(self._db, self, skip_superseded=True)
        # the officer's moves: one at a time, in order, on their own thread (issue 13)
        self.calls = ServiceCalls(
            self._db, self._refused, self._database_trouble, self, connection_errors=DB_ERRORS
        )
        #: the online consultation to select once the list holding it arrives
        self._select_online_after: int | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._housekeeping = QTimer(self)
        self._housekeeping.setInterval(housekeeping_ms)
        if watcher is None:
            watcher = ChangeWatcher(self._db, self, poll_ms=poll_ms or 1000)
        self.watcher = watcher
        self._closed = False
        self.setStyleSheet(scale_sheet(STYLE, font_scale(), pixels=False))  # system text size
        self._build()
        self._build_shortcuts()
        self._connect_signals()
        self._restore_desk()
        self._load_record_for_held()  # the idle card and record until the first read arrives
        self._show_held()
        self._restore_local_drafts()
        self.watcher.start()
        self._tick.start()
        self._housekeeping.start()
        self.refresh()
        self.refresh_history()
        self._name_controls()

    def _name_controls(self) -> None:
        """What a screen reader says for the controls that show no name of their own; the
        rest are named by the text they show (issue 12 item 10)."""
        for widget, name in (
            (self.desk_combo, self.tr("Your desk")),
            (self.queue_table, self.tr("Waiting tickets")),
            (self.search_edit, self.tr("Search past answers")),
            (self.hits, self.tr("Past answers found")),
            (self.online_table, self.tr("Online consultations")),
            (self.online_channel, self.tr("Channel of the new online consultation")),
            (self.history_from, self.tr("History from")),
            (self.history_to, self.tr("History to")),
            (self.history_officer, self.tr("Officer")),
            (self.history_service, self.tr("Service")),
            (self.history_channel, self.tr("Channel")),
            (self.history_need, self.tr("Need met")),
            (self.history_text, self.tr("Words in topic, question or answer")),
            (self.history_table, self.tr("Visit history")),
        ):
            widget.setAccessibleName(name)
        name_controls(self)

    # == building ================================================================================
    def _build(self) -> None:
        # the layout's own minimum, not the role windows' 960×600: a 1366×768 laptop at 125 %
        # leaves 1093×614 logical pixels, a taskbar some 40 of them (issue 12 item 4)
        self.setMinimumSize(0, 0)
        self.banner.layout().setContentsMargins(24, 8, 24, 8)
        self.body.setContentsMargins(14, 10, 14, 8)
        self.body.setSpacing(8)
        self.body.addWidget(self._build_held_card())
        self.notice = MessageBand()  # keeps its place: a message never moves the fields
        self.notice.setObjectName("notice")
        self.notice.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.notice.setOpenExternalLinks(False)
        self.notice.hide()
        self.body.addWidget(self.notice)
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(self._build_serve_tab()), self.tr("Serve"))
        self.tabs.addTab(scrolling(self._build_online_tab()), self.tr("Online consultations"))
        self.tabs.addTab(scrolling(self._build_history_tab()), self.tr("Visit history"))
        self.body.addWidget(self.tabs, 1)
        self.status_line = QLabel()
        self.status_line.setObjectName("statusLine")
        self.status_line.setWordWrap(True)
        self._show_status("–:––:––")  # its place is taken before the first read arrives
        self.body.addWidget(self.status_line)

    def _action(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("action")
        button.setToolTip(tip)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def _build_held_card(self) -> QWidget:
        card = QFrame()
        card.setObjectName("heldCard")
        self.held_code = QLabel()
        self.held_code.setObjectName("heldCode")
        self.held_status = QLabel()
        self.held_status.setObjectName("heldStatus")
        self.held_detail = QLabel()
        self.held_detail.setObjectName("heldDetail")
        self.timer_label = QLabel()
        self.timer_label.setObjectName("timer")
        self.timer_label.setToolTip(
            self.tr("SOP: the service, from start to finish, takes at most 3 hours")
        )
        self.timer_hint = QLabel(self.tr("service time / standard"))
        self.timer_hint.setObjectName("timerHint")
        self.desk_combo = QComboBox()
        self.desk_combo.setMaximumWidth(230)
        self.desk_combo.setToolTip(self.tr("The desk this PC serves (saved on this PC)"))
        self._fill_desks()

        self.call_button = QPushButton(self.tr("Call next  (F2)"))
        self.call_button.setObjectName("callButton")
        self.call_button.setToolTip(self.tr("Call the next waiting ticket of this desk (F2)"))
        self.recall_button = self._action(self.tr("Recall"), self.tr("Announce again (F3)"))
        self.start_button = self._action(
            self.tr("Start"), self.tr("The visitor is at the desk: start the service (F4)")
        )
        self.skip_button = self._action(
            self.tr("No-show"), self.tr("The visitor did not come: skip the ticket (F6)")
        )
        self.return_button = self._action(
            self.tr("Return"), self.tr("Put the ticket back in the queue, keeping its place (F7)")
        )
        self.finish_button = self._action(
            self.tr("Finish"), self.tr("End the service and ask the visitor to rate it (F8)")
        )
        self.transfer_button = self._action(
            self.tr("Transfer"),
            self.tr("Send the ticket to another service or desk; it keeps its place (Ctrl+T)"),
        )

        left = QVBoxLayout()
        left.setSpacing(2)
        code_row = QHBoxLayout()
        code_row.addWidget(self.held_code)
        code_row.addWidget(self.held_status, 0, Qt.AlignmentFlag.AlignVCenter)
        code_row.addStretch(1)
        left.addLayout(code_row)
        left.addWidget(self.held_detail)
        # the service clock under the ticket (not a column of its own): fits 1280 px
        clock_box = QHBoxLayout()
        clock_box.setSpacing(10)
        clock_box.addWidget(self.timer_label, 0, Qt.AlignmentFlag.AlignBaseline)
        clock_box.addWidget(self.timer_hint, 0, Qt.AlignmentFlag.AlignBaseline)
        clock_box.addStretch(1)
        left.addLayout(clock_box)
        actions = QGridLayout()
        actions.setHorizontalSpacing(6)
        actions.setVerticalSpacing(6)
        actions.addWidget(self.desk_combo, 0, 0, 1, 2)
        actions.addWidget(self.call_button, 1, 0, 1, 2)
        actions.addWidget(self.recall_button, 0, 2)
        actions.addWidget(self.start_button, 0, 3)
        actions.addWidget(self.finish_button, 0, 4)
        actions.addWidget(self.skip_button, 1, 2)
        actions.addWidget(self.return_button, 1, 3)
        actions.addWidget(self.transfer_button, 1, 4)  # (five columns: fits 1093 px)
        row = QHBoxLayout(card)
        row.setContentsMargins(18, 10, 18, 10)
        row.setSpacing(18)
        row.addLayout(left, 4)
        row.addLayout(actions, 5)
        return card

    def _table(self, model: RowsModel, name: str) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(30)
        table.setShowGrid(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for index, column in enumerate(model.columns):
            if column.width:
                table.setColumnWidth(index, column.width)
            else:
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
        fit_columns(table)  # titles whole in either language (issue 12 item 4)
        return table

    def _build_serve_tab(self) -> QWidget:
        page = QWidget()
        # the desk's queue
        self.queue_title = QLabel(self.tr("Queue"))
        self.queue_title.setObjectName("sectionTitle")
        self.queue_model = RowsModel(
            [
                Column(self.tr("Number"), lambda r: r.code, 74, bold=True),
                Column(self.tr("Service"), lambda r: r.service_name, 0),
                Column(self.tr("Visitor"), lambda r: r.visitor_name, 0),
                Column(self.tr("Waited"), self._waited_text, 84, centre=True),
            ],
            background=self._queue_background,
            foreground=lambda r: "#0b4a8b",
            parent=self,
        )
        self.queue_table = self._table(self.queue_model, "officerQueue")
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

        # the consultation record
        record_title = QLabel(self.tr("Consultation record"))
        record_title.setObjectName("sectionTitle")
        self.record_for = QLabel()
        self.record_for.setObjectName("cardHint")
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.form = RecordForm(self.lists, self.language)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        right = QVBoxLayout()
        right.setContentsMargins(4, 8, 8, 8)
        head = QHBoxLayout()
        head.addWidget(record_title)
        head.addWidget(self.record_for, 1)
        head.addWidget(self.save_state)
        right.addLayout(head)
        right.addWidget(scroll, 1)
        right_widget = QWidget()
        right_widget.setLayout(right)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        # the queue keeps its width (its title and F9 on one line), the record takes the rest
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 800])
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        return page

    def _build_online_tab(self) -> QWidget:
        page = QWidget()
        self.online_model = RowsModel(
            [
                Column(self.tr("Channel"), lambda r: self.channel_labels.get(r.channel, ""), 110),
                Column(self.tr("Contact"), lambda r: r.contact, 140),
                Column(self.tr("Topic / question"), self._online_subject, 0),
                Column(self.tr("Status"), self._online_status_text, 178, bold=True),
                Column(self.tr("Opened"), lambda r: self._local(r.opened_at), 92, centre=True),
                Column(self.tr("Answer due"), self._due_text, 112, centre=True),
                Column(self.tr("Auto-close"), self._auto_close_text, 112, centre=True),
            ],
            background=self._online_background,
            foreground=lambda r: "#b3261e" if r.overdue else "#1f2933",
            tooltip=self._online_tip,
            parent=self,
        )
        self.online_table = self._table(self.online_model, "onlineTable")
        self.show_closed = QCheckBox(self.tr("Show closed"))
        self.online_summary = QLabel()
        self.online_summary.setObjectName("cardHint")
        # a new online consultation
        new_title = QLabel(self.tr("New online consultation"))
        new_title.setObjectName("sectionTitle")
        # as wide as its longest channel: a chat app's name reads whole once picked
        self.online_channel = ChoiceBox()
        for channel in ONLINE_CHANNELS:
            self.online_channel.addItem(
                self.channel_labels.get(channel.value, channel.value), channel.value
            )
        self.online_contact = QLineEdit()
        self.online_contact.setPlaceholderText(self.tr("E-mail, phone or WhatsApp number"))
        self.online_topic = QLineEdit()
        self.online_topic.setPlaceholderText(self.tr("Topic"))
        self.online_question = QPlainTextEdit()
        self.online_question.setTabChangesFocus(True)
        self.online_question.setPlaceholderText(self.tr("The user's question"))
        self.online_record_button = QPushButton(self.tr("Record"))
        self.online_record_button.setObjectName("primaryButton")
        self.online_record_button.setToolTip(self.tr("Record the online consultation"))
        form = QGridLayout()
        form.addWidget(new_title, 0, 0, 1, 2)
        # (the channel a row of its own: its longest name does not leave room for the contact
        # in a 390 px side panel)
        form.addWidget(self.online_channel, 1, 0, 1, 2)
        form.addWidget(self.online_contact, 2, 0, 1, 2)
        form.addWidget(self.online_topic, 3, 0, 1, 2)
        form.addWidget(self.online_question, 4, 0, 1, 2)
        form.addWidget(self.online_record_button, 5, 1, Qt.AlignmentFlag.AlignRight)
        # acting on the selected one
        act_title = QLabel(self.tr("Selected consultation"))
        act_title.setObjectName("sectionTitle")
        self.online_answer = QPlainTextEdit()
        self.online_answer.setTabChangesFocus(True)
        self.online_answer.setPlaceholderText(self.tr("The answer sent to the user"))
        self.online_answer_button = QPushButton(self.tr("Answered"))
        self.online_answer_button.setObjectName("primaryButton")
        self.online_answer_button.setToolTip(self.tr("Record the answer sent to the user"))
        self.online_wait_button = QPushButton(self.tr("Waiting for user"))
        self.online_wait_button.setToolTip(
            self.tr("Waiting for the user's reply: closes by itself after 3 days without one")
        )
        self.online_replied_button = QPushButton(self.tr("User replied"))
        self.online_close_button = QPushButton(self.tr("Close"))
        buttons = QGridLayout()
        for button in (
            self.online_wait_button,
            self.online_replied_button,
            self.online_close_button,
        ):
            button.setObjectName("small")
        buttons.addWidget(self.online_wait_button, 0, 0)
        buttons.addWidget(self.online_replied_button, 0, 1)
        buttons.addWidget(self.online_close_button, 1, 0)
        buttons.addWidget(self.online_answer_button, 1, 1)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addSpacing(10)
        side.addWidget(act_title)
        side.addWidget(self.online_answer, 1)
        side.addLayout(buttons)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setMaximumWidth(390)
        tools = QHBoxLayout()
        tools.addWidget(self.online_summary, 1)
        tools.addWidget(self.show_closed)
        left = QVBoxLayout()
        left.addLayout(tools)
        left.addWidget(self.online_table, 1)
        layout = QHBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(left, 1)
        layout.addWidget(side_widget)
        return page

    def _build_history_tab(self) -> QWidget:
        page = QWidget()
        today = self._office_day()
        self.history_from = QDateEdit(QDate(today - dt.timedelta(days=30)))
        self.history_to = QDateEdit(QDate(today))
        #: the day the 'to' date was set to by the window: it follows the clock's day while the
        #: officer leaves it there (a window left open overnight shows today's records)
        self._history_day = today
        for edit in (self.history_from, self.history_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.history_officer = QComboBox()
        self.history_officer.addItem(self.tr("All officers"), None)
        for officer_id, name in history.officers_of(self.actor.office_id):
            self.history_officer.addItem(name, officer_id)
        self.history_service = QComboBox()
        self.history_service.addItem(self.tr("All services"), None)
        for service in self.services:
            self.history_service.addItem(service.name, service.service_id)
        self.history_channel = QComboBox()
        self.history_channel.addItem(self.tr("All channels"), "")
        for code in [Channel.WALK_IN, *ONLINE_CHANNELS]:
            self.history_channel.addItem(self.channel_labels.get(code.value, code), code.value)
        self.history_need = QComboBox()
        self.history_need.addItem(self.tr("Need met: any"), "")
        for option in self.lists["need_met"]:
            self.history_need.addItem(option.label(self.language), option.code)
        self.history_text = QLineEdit()
        self.history_text.setClearButtonEnabled(True)
        self.history_text.setPlaceholderText(self.tr("Words in topic, question or answer"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("small")
        self.export_button.setToolTip(self.tr("Save the filtered list as an XLSX file"))
        # two rows, each list as wide as its longest choice (a chosen service is never cut),
        # the words get what is left (issue 12 item 4)
        dates = QHBoxLayout()
        dates.setSpacing(6)
        dates.addWidget(self.history_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.history_to)
        first = QHBoxLayout()
        first.setSpacing(6)
        first.addLayout(dates)
        first.addWidget(self.history_officer, 1)
        first.addWidget(self.history_service, 1)
        second = QHBoxLayout()
        second.setSpacing(6)
        second.addWidget(self.history_channel)
        second.addWidget(self.history_need)
        self.history_text.setMinimumWidth(200)
        second.addWidget(self.history_text, 1)
        second.addWidget(self.export_button)
        filters = QVBoxLayout()
        filters.setSpacing(6)
        filters.addLayout(first)
        filters.addLayout(second)
        self.history_model = RowsModel(
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
            foreground=lambda r: "#0b4a8b",
            tooltip=lambda r: r.answer or None,
            parent=self,
        )
        self.history_table = self._table(self.history_model, "historyTable")
        self.history_table.setMinimumHeight(190)
        self.history_count = QLabel()
        self.history_count.setObjectName("cardHint")
        # the opened record
        self.history_form = RecordForm(self.lists, self.language)
        self.history_form.set_editable(False)
        self.history_title = QLabel(self.tr("Open a record from the list (Enter)"))
        self.history_title.setObjectName("sectionTitle")
        self.history_save_button = QPushButton(self.tr("Save changes"))
        self.history_save_button.setObjectName("primaryButton")
        self.history_save_button.setToolTip(
            self.tr("Save the changes to your own record (kept in the audit log) (Ctrl+S)")
        )
        self.history_save_button.setEnabled(False)
        head = QHBoxLayout()
        head.addWidget(self.history_title, 1)
        head.addWidget(self.history_save_button)
        detail = QVBoxLayout()
        detail.addLayout(head)
        detail_scroll = QScrollArea()
        detail_scroll.setWidget(self.history_form)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail.addWidget(detail_scroll, 1)
        detail_widget = QWidget()
        detail_widget.setLayout(detail)
        list_widget = QWidget()
        list_layout = QVBoxLayout(list_widget)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.history_table, 1)
        list_layout.addWidget(self.history_count)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(list_widget)
        splitter.addWidget(detail_widget)
        splitter.setSizes([300, 260])
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        return page

    def _build_shortcuts(self) -> None:
        def shortcut(keys, slot) -> QShortcut:
            made = QShortcut(QKeySequence(keys), self)
            made.setContext(Qt.ShortcutContext.WindowShortcut)
            made.activated.connect(slot)
            return made

        self.shortcuts = {
            "call_next": shortcut(Qt.Key.Key_F2, self.call_next),
            "recall": shortcut(Qt.Key.Key_F3, self.recall),
            "start": shortcut(Qt.Key.Key_F4, self.start),
            "skip": shortcut(Qt.Key.Key_F6, self.skip),
            "return": shortcut(Qt.Key.Key_F7, self.return_to_queue),
            "finish": shortcut(Qt.Key.Key_F8, self.finish),
            "call_selected": shortcut(Qt.Key.Key_F9, self.call_selected),
            "transfer": shortcut("Ctrl+T", self.transfer),
            "undo": shortcut("Ctrl+Z", self.undo_last),
            "search": shortcut("Ctrl+F", self.focus_search),
            "use_answer": shortcut("Ctrl+U", self.use_selected_answer),
            "save_history": shortcut("Ctrl+S", self.save_history_record),
            "refresh": shortcut(Qt.Key.Key_F5, self.refresh),
        }

    def _connect_signals(self) -> None:
        self.desk_combo.currentIndexChanged.connect(self._desk_chosen)
        self.call_button.clicked.connect(self.call_next)
        self.recall_button.clicked.connect(self.recall)
        self.start_button.clicked.connect(self.start)
        self.skip_button.clicked.connect(self.skip)
        self.return_button.clicked.connect(self.return_to_queue)
        self.finish_button.clicked.connect(self.finish)
        self.transfer_button.clicked.connect(self.transfer)
        self.notice.linkActivated.connect(lambda _link: self.undo_last())
        self._undo_timer.timeout.connect(self._forget_undo)
        self.call_selected_button.clicked.connect(self.call_selected)
        self.queue_table.activated.connect(lambda _index: self.call_selected())
        self.form.edited.connect(self._form_edited)
        self._autosave.timeout.connect(self._autosave_due)
        self.calls.busy_changed.connect(lambda _busy: self._enable_moves())
        self.search_edit.textEdited.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.run_search)
        self._search_timer.timeout.connect(self.run_search)
        self.snapshot_reader.finished.connect(self._show_snapshot)
        self.snapshot_reader.failed.connect(self._read_failed)
        self.housekeeping_runner.finished.connect(self._housekeeping_done)
        self.housekeeping_runner.failed.connect(self._housekeeping_failed)
        self.search_reader.finished.connect(self._show_hits)
        self.search_reader.failed.connect(self._read_failed)
        self.history_reader.finished.connect(self._show_history)
        self.history_reader.failed.connect(self._read_failed)
        self.export_runner.finished.connect(self._exported)
        self.export_runner.failed.connect(self._export_failed)
        self._history_timer.timeout.connect(self.refresh_history)
        self.use_answer_button.clicked.connect(self.use_selected_answer)
        self.hits.itemActivated.connect(lambda _item: self.use_selected_answer())
        self._tick.timeout.connect(self._on_tick)
        self._housekeeping.timeout.connect(self.run_housekeeping)
        self.settings_follower.listen(self.watcher)  # before refresh: new desks, then the queue
        self.settings_follower.settings_changed.connect(self.reload_settings)
        self.watcher.changed.connect(self.refresh)
        self.watch_connection(self.watcher)  # the calm connection banner (ui.roles)
        self.watcher.connection_lost.connect(self._connection_lost)
        self.watcher.connection_restored.connect(self._connection_restored)
        # online
        self.online_record_button.clicked.connect(self.record_online)
        self.online_answer_button.clicked.connect(self.answer_online)
        self.online_wait_button.clicked.connect(lambda: self._online_move("wait_for_user"))
        self.online_replied_button.clicked.connect(lambda: self._online_move("user_replied"))
        self.online_close_button.clicked.connect(lambda: self._online_move("close"))
        self.show_closed.toggled.connect(lambda _on: self.refresh())
        # history
        for edit in (self.history_from, self.history_to):
            edit.dateChanged.connect(lambda _d: self.refresh_history())
        for combo in (
            self.history_officer,
            self.history_service,
            self.history_channel,
            self.history_need,
        ):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_history())
        self.history_text.textEdited.connect(lambda _t: self._history_timer.start())
        # records finished since the last read (here or at another desk) show when the tab does
        self.tabs.currentChanged.connect(self._history_tab_shown)
        self.history_text.returnPressed.connect(self.refresh_history)
        self.history_table.activated.connect(lambda index: self.open_history_record(index.row()))
        self.history_table.clicked.connect(lambda index: self.open_history_record(index.row()))
        self.history_save_button.clicked.connect(self.save_history_record)
        self.export_button.clicked.connect(self._choose_export_file)

    # == desk ====================================================================================
    def _fill_desks(self) -> None:
        self.desk_combo.clear()
        self.desk_combo.addItem(self.tr("Choose your desk…"), None)
        for desk in self.desks:
            self.desk_combo.addItem(desk.name, desk.desk_id)

    def reload_settings(self, what: str = "") -> None:
        """An admin changed desks or services on some PC: reread them, keep this PC's desk
        while it still exists, then the queue."""
        if what not in ("", "service", "desk", "office"):
            return  # hours, closures, the rating scale…: nothing this window lists
        try:
            desks = workspace.desks_of(self.actor.office_id)
            services = reception.services_of(self.actor.office_id)
        except DB_ERRORS as exc:
            self._database_trouble(exc)
            return
        if desks != self.desks or services != self.services:
            desk_id = self.desk_combo.currentData()
            self.desks, self.services = desks, services
            self.desk_combo.blockSignals(True)
            try:
                self._fill_desks()
                self.desk_combo.setCurrentIndex(max(0, self.desk_combo.findData(desk_id)))
            finally:
                self.desk_combo.blockSignals(False)
            if self.desk_combo.currentData() != desk_id:  # the admin closed this desk
                self._desk_chosen(self.desk_combo.currentIndex())
                return
        self.refresh()

    @property
    def desk(self) -> DeskChoice | None:
        desk_id = self.desk_combo.currentData()
        return next((d for d in self.desks if d.desk_id == desk_id), None)

    def _restore_desk(self) -> None:
        index = self.desk_combo.findData(self.settings.desk_id)
        self.desk_combo.setCurrentIndex(max(0, index))

    def _desk_chosen(self, _index: int) -> None:
        desk = self.desk
        self.settings.desk_id = desk.desk_id if desk else None
        self.refresh()

    def choose_desk(self, desk_id: int) -> None:
        self.desk_combo.setCurrentIndex(max(0, self.desk_combo.findData(desk_id)))

    # == notices =================================================================================
    def show_notice(self, text: str, kind: str = "warning") -> None:
        self._undo_timer.stop()
        self.pending_undo = None
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setText(text)
        self.notice.setToolTip("")
        self.notice.setProperty("kind", kind)
        _repolish(self.notice)
        self.notice.show()

    def hide_notice(self) -> None:
        self._undo_timer.stop()
        self.pending_undo = None
        self.notice.hide()
        self.notice.setText("")

    def _refused(self, text: str) -> None:
        """A service refused a move: its words in the message line."""
        self.show_notice(text, "error")

    def _write(
        self,
        name: str,
        write: Callable[[], Any],
        on_done: Callable[[Any], None],
        *,
        on_failed: Callable[[], None] | None = None,
    ) -> None:
        """Run ``write`` (one service call) on the write thread; on its answer the message line
        is cleared and ``on_done(answer)`` runs. A refusal goes to the message line, a lost
        connection to ``_database_trouble``; then ``on_failed()``."""

        def done(value: Any) -> None:
            self.hide_notice()
            on_done(value)

        self.calls.submit(name, write, done, on_failed=on_failed)

    def _move(
        self,
        name: str,
        move: Callable[[], Visit | None],
        on_done: Callable[[Moved], None] | None = None,
    ) -> None:
        """An officer's move on a ticket: ``move()`` and the read of what the officer holds
        after it, on the write thread; ``on_done(moved)`` (default: ``_held_after``) on its
        answer; refused or not done, the window reads again what is."""
        actor, consultations = self.actor, self.consultations

        def write() -> Moved:
            visit = move()
            held = workspace.holding(actor, visit) if isinstance(visit, Visit) else None
            record = consultations.load(held.visit_id) if held is not None else None
            return Moved(visit, held, record)

        self._write(name, write, on_done or self._held_after, on_failed=self.refresh)

    def _moving(self) -> bool:
        """A move is under way: a move key pressed meanwhile does nothing (a double F2 calls
        one ticket; the buttons are off until the answer is back)."""
        if self.calls.busy:
            log.debug("a move is under way: the key waits for nothing and does nothing")
            return True
        return False

    # == calling and serving =====================================================================
    def call_next(self) -> None:
        if self._moving():
            return
        desk = self.desk
        if desk is None:
            self.show_notice(self.tr("Choose your desk first (top right)."), "error")
            self.desk_combo.setFocus()
            return
        # the service refuses a second call while the officer holds a ticket (a double F2)
        queue, actor, desk_id = self.queue, self.actor, desk.desk_id

        def called(moved: Moved) -> None:
            if moved.visit is None:  # nobody waits
                self.show_notice(self.tr("Nobody is waiting for this desk."))
            self._held_after(moved)

        self._move("call_next", lambda: queue.call_next(actor, desk_id), called)

    def call_selected(self) -> None:
        if self._moving():
            return
        desk = self.desk
        row = self.queue_model.row_at(self.queue_table.currentIndex().row())
        if desk is None or row is None:
            self.show_notice(self.tr("Choose your desk and a ticket in the queue first."), "error")
            return
        queue, actor, visit_id, desk_id = self.queue, self.actor, row.visit_id, desk.desk_id
        self._move("call_ticket", lambda: queue.call_ticket(actor, visit_id, desk_id))

    def _held_action(
        self,
        name: str,
        method: Callable[..., Visit],
        on_done: Callable[[Moved], None] | None = None,
    ) -> None:
        if self.held is None:
            self.show_notice(self.tr("You hold no ticket. Call one first (F2)."), "error")
            return
        actor, visit_id = self.actor, self.held.visit_id
        self._move(name, lambda: method(actor, visit_id), on_done)

    def recall(self) -> None:
        if self._moving():
            return

        def recalled(moved: Moved) -> None:
            self._held_after(moved)
            if self.held is not None:
                self.show_notice(
                    self.tr("{code} announced again.").format(code=self.held.code), "ok"
                )

        self._held_action("recall", self.queue.recall, recalled)

    def start(self) -> None:
        if self._moving():
            return
        self._held_action("start", self.queue.start)

    def skip(self) -> None:
        """F6, one key: the ticket is released at once; the message offers Undo for a few
        minutes (issue 12 item 6) and F7 still puts it back in the queue."""
        if self._moving():
            return
        self.save_draft_now()
        skipped = self.held
        if skipped is None:
            self.show_notice(self.tr("You hold no ticket. Call one first (F2)."), "error")
            return
        queue, actor, visit_id = self.queue, self.actor, skipped.visit_id

        def released(moved: Moved) -> None:
            self.last_no_show = skipped
            self._held_after(moved)
            self.offer_undo(
                moved.visit.undo,
                self.tr("{code}: the visitor did not come.").format(code=skipped.code),
            )

        self._move("skip", lambda: queue.skip(actor, visit_id), released)

    def return_to_queue(self) -> None:
        """F7: the held ticket back to the queue; holding none, the last no-show (it came)."""
        if self._moving():
            return
        no_show = self.last_no_show
        if self.held is None and no_show is not None:
            self.last_no_show = None
            queue, actor = self.queue, self.actor

            def returned(moved: Moved) -> None:
                self.show_notice(
                    self.tr("{code} is back in the queue.").format(code=no_show.code), "ok"
                )
                self._held_after(moved)

            self._move(
                "return_no_show", lambda: queue.return_to_queue(actor, no_show.visit_id), returned
            )
            return
        self.save_draft_now()
        self._held_action("return_to_queue", self.queue.return_to_queue)

    def transfer(self) -> None:
        """Ctrl+T: ask where the held ticket goes (``transfer_dialog``); nothing moves until
        the officer chose and confirmed (issue 12 item 5)."""
        if self._moving():
            return
        held = self.held
        if held is None:
            self.show_notice(self.tr("You hold no ticket. Call one first (F2)."), "error")
            return
        if self.transfer_dialog is not None:
            self.transfer_dialog.close()
            self.transfer_dialog.deleteLater()
        desk = self.desk
        self.transfer_dialog = TransferDialog(
            held.code,
            self.services,
            self.desks,
            held.service_id,
            desk.desk_id if desk else None,
            self,
        )
        visit_id = held.visit_id
        self.transfer_dialog.chosen.connect(
            lambda kind, target_id, label: self._transfer_to(visit_id, kind, target_id, label)
        )
        self.transfer_dialog.open()
        self.transfer_dialog.target.setFocus()

    def _transfer_to(self, visit_id: int, kind: str, target_id: int, label: str) -> None:
        """The officer confirmed where the ticket goes (queued behind any move under way)."""
        self.save_draft_now()
        queue, actor = self.queue, self.actor
        if kind == "service":

            def move() -> Visit:
                return queue.transfer(actor, visit_id, service_id=target_id)
        else:

            def move() -> Visit:
                return queue.transfer(actor, visit_id, desk_id=target_id)

        def sent(moved: Moved) -> None:
            self._held_after(moved)
            undo = moved.visit.undo
            self.offer_undo(
                undo, self.tr("{code} sent to {target}.").format(code=undo.code, target=label)
            )

        self._move("transfer", move, sent)

    # == undo ====================================================================================
    def offer_undo(self, undo: Undo, text: str) -> None:
        """Say what just happened with an "Undo" link (Ctrl+Z) while it can be taken back."""
        self.pending_undo = undo
        link = self.tr("Undo")
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setText(f'{html.escape(text)} <a href="undo">{html.escape(link)}</a> (Ctrl+Z)')
        self.notice.setProperty("kind", "ok")
        _repolish(self.notice)
        self.notice.show()
        if undo.kind != "transfer":  # a transfer: until the ticket moves (the service says)
            self._undo_timer.start(int(UNDO_WINDOW.total_seconds() * 1000))

    def _forget_undo(self) -> None:
        self._undo_timer.stop()
        if self.pending_undo is not None:
            self.pending_undo = None
            self.notice.setTextFormat(Qt.TextFormat.PlainText)
            self.notice.hide()

    def undo_last(self) -> None:
        """Take back the last transfer or no-show (the message's Undo, Ctrl+Z)."""
        undo = self.pending_undo
        if undo is None or self._moving():
            return
        self._forget_undo()
        queue, actor = self.queue, self.actor

        def taken_back(moved: Moved) -> None:
            if undo.kind == "skip":
                self.last_no_show = None
            self.show_notice(self.tr("{code} is back with you.").format(code=undo.code), "ok")
            self._held_after(moved)

        self._move("undo_" + undo.kind, lambda: queue.undo(actor, undo), taken_back)

    def finish(self) -> None:
        """Save the record, end the service; the visit waits for the visitor's rating."""
        if self._moving():
            return
        if self.held is None:
            self.show_notice(self.tr("You hold no ticket. Call one first (F2)."), "error")
            return
        visit_id, code = self.held.visit_id, self.held.code
        record = self.form.record()
        try:
            check_record_complete(record)  # no answer or "need met" unset: say so, keep it
        except ValidationError as exc:
            self.show_notice(" ".join(exc.fields.values()), "error")
            field = self.form.answer if "answer" in exc.fields else self.form.need_met
            announce_error(field, " ".join(exc.fields.values()))
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._autosave.stop()
        queue, consultations, actor = self.queue, self.consultations, self.actor

        def finished(_visit: Visit) -> None:
            self.drafts.remove(visit_id)
            self._set_held(None)  # released: F2 calls the next one at once
            self.form.clear()
            self.show_notice(
                self.tr("{code} finished. The visitor is asked to rate the service.").format(
                    code=code
                ),
                "ok",
            )
            # (before the rating request: a one-screen desk's prompt then takes the keyboard)
            self._keyboard_to_call_next()
            self.rating_requested.emit(visit_id)
            self.refresh()

        # refused or not done: what changed meanwhile (another desk, a supervisor) shows
        self._write(
            "finish",
            lambda: workspace.finish(queue, consultations, actor, visit_id, record),
            finished,
            on_failed=self.refresh,
        )

    def _keyboard_to_call_next(self) -> None:
        """After F8 the record's fields are cleared and off: without this the keyboard fell to
        the next focusable widget, the banner's "Log out", where a Space signed the officer
        out. A one-screen desk's rating prompt that took the keyboard before F8's answer came
        back (its request can arrive first) keeps it and leaves it on Call next when it goes."""
        prompt = self._rating_prompt()
        if prompt is None:
            self.call_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._call_next_after_prompt = prompt
        prompt.installEventFilter(self)

    def _rating_prompt(self) -> QWidget | None:
        """The rating prompt laid over this window, while it has the keyboard."""
        screen = getattr(self, "rating_screen", None)
        focus = QApplication.focusWidget()
        if screen is None or screen.isWindow() or not screen.isVisible() or focus is None:
            return None
        return screen if focus is screen or screen.isAncestorOf(focus) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._call_next_after_prompt and event.type() == QEvent.Type.Hide:
            watched.removeEventFilter(self)
            self._call_next_after_prompt = None
            # before Qt moves the keyboard off the hidden prompt; the prompt then gives it
            # back to where it was only if that field is still on. A write under way (an
            # autosave) has the button off for a moment: it gets the keyboard when it is on.
            if self.call_button.isEnabled():
                self.call_button.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self._keyboard_to_call_next_when_on = True
        return super().eventFilter(watched, event)

    def _give_call_next_the_keyboard(self) -> None:
        """The keyboard the hidden prompt left on the window itself goes to Call next once
        that button is on again (not when the officer has moved it elsewhere meanwhile)."""
        if not self._keyboard_to_call_next_when_on or not self.call_button.isEnabled():
            return
        self._keyboard_to_call_next_when_on = False
        focus = QApplication.focusWidget()
        if focus is None or focus is self or not focus.isEnabled():
            self.call_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # == the record ==============================================================================
    def _autosave_due(self) -> None:
        """The autosave timer: saved once no move is under way (a move may end the ticket)."""
        if self.calls.busy:
            self._autosave.start()
            return
        self.save_draft_now()

    def _form_edited(self) -> None:
        if self.held is not None:
            self.save_state.setText(self.tr("Typing…"))
            self.save_state.setProperty("kind", "")
            _repolish(self.save_state)
            self._autosave.start()

    def save_draft_now(self) -> str | None:
        """Save the form of the held ticket: in the database, or on this PC when it is down."""
        self._autosave.stop()
        if self.held is None:
            return None
        visit_id = self.held.visit_id
        record = self.form.record()
        now = self.clock.now().astimezone(self.zone).strftime("%H:%M:%S")
        try:
            self.consultations.save_draft(self.actor, visit_id, record)
        except DB_ERRORS:
            self.drafts.write(visit_id, record, self.clock.now())
            self.save_state.setText(
                self.tr("Saved on this PC at {time} (database unreachable)").format(time=now)
            )
            self.save_state.setProperty("kind", "local")
            _repolish(self.save_state)
            self.draft_saved.emit(visit_id, "local")
            return "local"
        except ServiceError as exc:
            self.show_notice(str(exc), "error")
            return None
        self.drafts.remove(visit_id)
        self.save_state.setText(self.tr("Saved at {time}").format(time=now))
        self.save_state.setProperty("kind", "")
        _repolish(self.save_state)
        self.draft_saved.emit(visit_id, "database")
        return "database"

    def _restore_local_drafts(self) -> None:
        """Drafts kept on this PC while the database was down go back to the database."""
        try:
            saved = self.consultations.flush_local_drafts(self.actor, self.drafts)
        except DB_ERRORS:
            return
        if saved:
            self.show_notice(
                self.tr(
                    "Restored %n draft(s) saved on this PC while the database was down.",
                    "",
                    len(saved),
                ),
                "ok",
            )

    def _load_record_for_held(self, saved: object = _UNREAD) -> None:
        """The held ticket's record in the form: the draft kept on this PC, else ``saved``
        (read with a move on the write thread), else read now."""
        if self.held is None:
            self.form.clear()
            self.record_for.setText(self.tr("— call a ticket to record its consultation"))
            self.save_state.setText("")
            return
        record = self.drafts.read(self.held.visit_id)
        if record is None and saved is not _UNREAD:
            record = saved
        elif record is None:
            try:
                record = self.consultations.load(self.held.visit_id)
            except DB_ERRORS:
                record = None
        self.form.set_record(record)
        self.record_for.setText(
            self.tr("for {code} · {visitor}").format(
                code=self.held.code, visitor=self.held.visitor_name or "—"
            )
        )

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def run_search(self) -> None:
        """Search past answers on the worker thread; ``search_done(hits)`` once shown."""
        self._search_timer.stop()
        text = self.search_edit.text()
        exclude = self.held.visit_id if self.held else None
        office_id = self.actor.office_id
        self.search_reader.submit(lambda: (text, search(office_id, text, exclude_visit=exclude)))

    def _read_failed(self, exc: Exception) -> None:
        if isinstance(exc, DB_ERRORS):
            self._database_trouble(exc)
        else:
            self.show_notice(str(exc) or type(exc).__name__, "error")

    def _show_hits(self, answer: tuple[str, list[SearchHit]]) -> None:
        text, hits = answer
        self.hits.clear()
        for hit in hits:
            when = hit.recorded_at.astimezone(self.zone).strftime("%d-%m-%Y")
            answer = " ".join(hit.answer.split())
            if len(answer) > 160:
                answer = answer[:157] + "…"
            item = QListWidgetItem(f"{hit.topic or '—'} · {when} · {hit.officer_name}\n{answer}")
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

    def use_selected_answer(self) -> None:
        item = self.hits.currentItem()
        hit = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not isinstance(hit, SearchHit):
            return
        if self.held is None:
            self.show_notice(self.tr("Call a ticket first; the answer goes into its record."))
            return
        current = self.form.answer.toPlainText().rstrip()
        self.form.answer.setPlainText(f"{current}\n\n{hit.answer}" if current else hit.answer)
        self.form.answer.setFocus()

    # == refreshing ==============================================================================
    def refresh(self) -> None:
        """Read the held ticket, the desk's queue and the online list again on the worker
        thread (F5, every change from any station, after every action); ``refreshed`` once
        they are shown. An answer asked for before a newer one is never shown."""
        if self._closed:
            return
        clock, actor, desk = self.clock, self.actor, self.desk
        include_closed = self.show_closed.isChecked()
        self.snapshot_reader.submit(
            lambda: workspace.desk_snapshot(clock, actor, desk, include_closed=include_closed)
        )

    def refresh_online(self) -> None:
        """The online list is read with the rest of the window's snapshot."""
        self.refresh()

    def _show_snapshot(self, snapshot: DeskSnapshot) -> None:
        if self._closed:
            return
        desk = self.desk
        if snapshot.desk_id != (desk.desk_id if desk else None):
            return  # the desk changed meanwhile: its own read follows
        self._set_held(snapshot.held)
        rows = snapshot.queue
        self.queue_rows = rows
        selected = self.queue_model.row_at(self.queue_table.currentIndex().row())
        self.queue_model.set_rows(rows)
        if selected is not None:
            for index, row in enumerate(rows):
                if row.visit_id == selected.visit_id:
                    self.queue_table.selectRow(index)
        self.queue_title.setText(
            self.tr("Queue at {desk}: {count} waiting").format(desk=desk.name, count=len(rows))
            if desk
            else self.tr("Queue: choose your desk")
        )
        self._show_online(snapshot.online)
        self._show_status(snapshot.taken_at.astimezone(self.zone).strftime("%H:%M:%S"))
        self.refreshed.emit()

    def _show_status(self, time: str) -> None:
        self.status_line.setText(
            self.tr(
                "Updated {time} · F2 call next · F3 recall · F4 start · F6 no-show · "
                "F7 return · F8 finish · F9 call selected · Ctrl+T transfer"
            ).format(time=time)
        )

    def _set_held(self, held: HeldTicket | None, record: object = _UNREAD) -> None:
        """Show ``held`` as the ticket the officer holds (its record when it is another:
        ``record`` when the caller read it already)."""
        previous = self.held.visit_id if self.held else None
        if previous is not None and (held is None or held.visit_id != previous):
            self._autosave.stop()
        self.held = held
        if (held.visit_id if held else None) != previous:
            self._load_record_for_held(record)
            self.held_changed.emit()
        self._show_held()

    def _held_after(self, moved: Moved) -> None:
        """After the officer's own move: what they hold now, from the move's answer (read with
        it on the write thread; nothing moved: unchanged), then the rest read again. Set at
        once: F8 right after F2 must find the ticket just called."""
        if moved.visit is not None:
            self._set_held(moved.held, moved.record)
        self.refresh()  # also drops any answer read before this move

    def _enable_moves(self) -> None:
        """The move buttons that fit the held ticket; all off while a move is under way."""
        held = self.held
        has = held is not None
        free = not self.calls.busy  # a move under way: its buttons wait for its answer
        called = has and held.status == "called"
        self.call_button.setEnabled(free and not has and self.desk is not None)
        self.call_selected_button.setEnabled(free and not has and self.desk is not None)
        self.recall_button.setEnabled(free and called)
        self.start_button.setEnabled(free and called)
        self.skip_button.setEnabled(free and called)
        self.return_button.setEnabled(
            free and (called or (not has and self.last_no_show is not None))
        )
        self.finish_button.setEnabled(free and has)
        self.transfer_button.setEnabled(free and has)
        self._give_call_next_the_keyboard()

    def _show_held(self) -> None:
        held = self.held
        has = held is not None
        self._enable_moves()
        self.form.setEnabled(has)
        if not has:
            self.held_code.setText(self.tr("No ticket"))
            self.held_status.hide()
            self.held_detail.setText(
                self.tr("Press F2 to call the next visitor")
                if self.desk
                else self.tr("Choose your desk to start")
            )
        else:
            self.held_code.setText(held.code)
            self.held_status.setText(
                self.tr("In service") if held.status == "serving" else self.tr("Called")
            )
            self.held_status.show()
            parts = [held.visitor_name or "—", held.service_name]
            if held.call_count > 1:
                parts.append(self.tr("called {n} times").format(n=held.call_count))
            self.held_detail.setText(" · ".join(parts))
        if self.held_code.property("idle") != (not has):  # restyled only when it changes
            self.held_code.setProperty("idle", not has)
            _repolish(self.held_code)
        self._show_timer()

    def _show_timer(self) -> None:
        now = self.clock.now()
        timer = workspace.service_clock(self.held, now) if self.held else None
        if timer is None:
            self.timer_label.setText("–:–– / 3:00")
            level = ""
        else:
            self.timer_label.setText(timer.text())
            level = (
                "overdue"
                if timer.verdict is Verdict.OVERDUE
                else ("warning" if timer.warning else "")
            )
        if self.timer_label.property("level") != level:
            self.timer_label.setProperty("level", level)
            _repolish(self.timer_label)

    def _on_tick(self) -> None:
        self._show_timer()
        self.queue_model.refresh_all()
        self._follow_history_day()

    def _office_day(self) -> dt.date:
        """Today in the office's time zone (no database read)."""
        return self.clock.now().astimezone(self.zone).date()

    def _follow_history_day(self) -> None:
        """A new office day: the history's 'to' date moves to it unless the officer chose
        another date (then the list reads again, through the date's own signal)."""
        today = self._office_day()
        if today == self._history_day:
            return
        left_alone = self.history_to.date().toPython() == self._history_day
        self._history_day = today
        if left_alone:
            self.history_to.setDate(QDate(today))

    def run_housekeeping(self) -> None:
        """End rating waits, close earlier days' tickets and silent online consultations, on
        the worker thread (guarded updates: any station may run them; a failure waits for the
        next round)."""
        if self._closed:
            return
        clock, office_id = self.clock, self.actor.office_id
        self.housekeeping_runner.submit(lambda: workspace.housekeeping(clock, office_id))

    def _housekeeping_done(self, answer: tuple[int, list[int]]) -> None:
        expired, closed = answer
        if expired or closed:
            self.refresh()

    @staticmethod
    def _housekeeping_failed(exc: Exception) -> None:
        log.warning("housekeeping failed, tried again next round: %s", first_line(exc))

    def _waited_text(self, row: QueueRow) -> str:
        return reception.minutes_text(row.waited(self.clock.now()))

    def _queue_background(self, row: QueueRow) -> str | None:
        level = row.level(self.clock.now())
        return {"warning": "#ffe8b3", "alert": "#f9c7c3"}.get(level.value)

    # == online ==================================================================================
    def _local(self, moment: dt.datetime | None) -> str:
        return moment.astimezone(self.zone).strftime("%d-%m %H:%M") if moment else ""

    def _online_subject(self, row: OnlineRow) -> str:
        question = " ".join(row.question.split())
        return f"{row.topic} — {question}" if row.topic else question

    def _online_status_text(self, row: OnlineRow) -> str:
        texts = {
            OnlineStatus.OPEN: self.tr("Open"),
            OnlineStatus.ANSWERED: self.tr("Answered"),
            OnlineStatus.WAITING_FOR_USER: self.tr("Waiting for user"),
            OnlineStatus.CLOSED: self.tr("Closed"),
        }
        text = texts.get(OnlineStatus(row.status), row.status)
        if row.overdue:
            text = self.tr("{status} · OVERDUE").format(status=text)
        elif row.closed_by_auto:
            text = self.tr("{status} (automatically)").format(status=text)
        return text

    def _due_text(self, row: OnlineRow) -> str:
        if row.first_answer_at is not None:
            return "✓ " + self._local(row.first_answer_at)
        return self._local(row.first_answer_due)

    def _auto_close_text(self, row: OnlineRow) -> str:
        return self._local(row.auto_close_at) if row.auto_close_at else ""

    @staticmethod
    def _online_background(row: OnlineRow) -> str | None:
        if row.overdue:
            return OVERDUE_BACKGROUND
        if row.due_soon:
            return DUE_SOON_BACKGROUND
        return None

    def _online_tip(self, row: OnlineRow) -> str:
        lines = [row.question]
        if row.overdue:
            lines.append(self.tr("The first answer was due within 3 working days."))
        return "\n".join(lines)

    def _show_online(self, rows: list[OnlineRow]) -> None:
        selected = self.selected_online()
        wanted = self._select_online_after or (selected.visit_id if selected else None)
        self.online_model.set_rows(rows)
        if wanted is not None:
            for index, row in enumerate(rows):
                if row.visit_id == wanted:
                    self.online_table.selectRow(index)
                    if wanted == self._select_online_after:
                        self._select_online_after = None
        overdue = sum(1 for r in rows if r.overdue)
        open_count = sum(1 for r in rows if r.status != OnlineStatus.CLOSED)
        self.online_summary.setText(
            self.tr("{open} open, {overdue} overdue").format(open=open_count, overdue=overdue)
        )
        label = self.tr("Online consultations")
        self.tabs.setTabText(1, f"{label} ({overdue}!)" if overdue else label)

    def selected_online(self) -> OnlineRow | None:
        return self.online_model.row_at(self.online_table.currentIndex().row())

    def select_online(self, visit_id: int) -> bool:
        for index, row in enumerate(self.online_model.rows):
            if row.visit_id == visit_id:
                self.online_table.selectRow(index)
                return True
        return False

    def record_online(self) -> None:
        """Record a new online consultation (on the write thread); selected once listed."""
        if self._moving():
            return
        online, actor = self.online, self.actor
        channel = str(self.online_channel.currentData() or "")
        contact, topic = self.online_contact.text(), self.online_topic.text()
        question = self.online_question.toPlainText()

        def recorded(visit: Visit) -> None:
            for edit in (self.online_contact, self.online_topic):
                edit.clear()
            self.online_question.clear()
            self._select_online_after = visit.id  # selected once the list holding it is shown
            self.refresh()
            self.show_notice(self.tr("Online consultation recorded."), "ok")

        self._write(
            "online_open",
            lambda: online.open(
                actor, channel=channel, contact=contact, question=question, topic=topic
            ),
            recorded,
        )

    def answer_online(self) -> None:
        if self._moving():
            return
        row = self.selected_online()
        if row is None:
            self.show_notice(self.tr("Select a consultation in the list first."), "error")
            return
        online, actor, visit_id = self.online, self.actor, row.visit_id
        text = self.online_answer.toPlainText()

        def read_again() -> None:
            self.refresh()
            self.refresh_history()

        def answered(_visit: Visit) -> None:
            self.online_answer.clear()
            read_again()

        self._write(
            "online_answer",
            lambda: online.answer(actor, visit_id, text),
            answered,
            on_failed=read_again,
        )

    def _online_move(self, name: str) -> None:
        if self._moving():
            return
        row = self.selected_online()
        if row is None:
            self.show_notice(self.tr("Select a consultation in the list first."), "error")
            return
        method, actor, visit_id = getattr(self.online, name), self.actor, row.visit_id
        self._write(
            "online_" + name,
            lambda: method(actor, visit_id),
            lambda _visit: self.refresh(),
            on_failed=self.refresh,
        )

    # == history =================================================================================
    def history_filter(self) -> HistoryFilter:
        return HistoryFilter(
            date_from=self.history_from.date().toPython(),
            date_to=self.history_to.date().toPython(),
            officer_id=self.history_officer.currentData(),
            service_id=self.history_service.currentData(),
            channel=self.history_channel.currentData() or "",
            need_met=self.history_need.currentData() or "",
            text=self.history_text.text(),
        )

    def _history_tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is not None and page.isAncestorOf(self.history_table):
            self.refresh_history()

    def refresh_history(self) -> None:
        """Read the history list for the current filters on the worker thread."""
        self._history_timer.stop()
        filters = self.history_filter()
        office_id = self.actor.office_id

        def read() -> tuple[list[HistoryRow], int]:
            rows = history.history(office_id, filters)
            if len(rows) < history.HISTORY_LIMIT:
                return rows, len(rows)
            return rows, history.count(office_id, filters)

        self.history_reader.submit(read)

    def _show_history(self, answer: tuple[list[HistoryRow], int]) -> None:
        rows, total = answer
        self.history_rows = rows
        self.history_model.set_rows(rows)
        if total > len(rows):  # the list shows the newest; the export holds every record
            self.history_count.setText(
                self.tr(
                    "%n record(s), the newest {shown} shown; export saves all", "", total
                ).format(shown=len(rows))
            )
        else:
            self.history_count.setText(self.tr("%n record(s)", "", total))
        self.history_loaded.emit()

    def open_history_record(self, row_index: int) -> None:
        row = self.history_model.row_at(row_index)
        if row is None:
            return
        try:
            record = self.consultations.load(row.visit_id)
        except DB_ERRORS as exc:
            self._database_trouble(exc)
            return
        self.open_record_visit = row.visit_id
        self.history_form.set_record(record)
        own = row.officer_id == self.actor.user_id
        self.history_form.set_editable(own)
        self.history_save_button.setEnabled(own)
        title = f"{row.code or self.channel_labels.get(row.channel, '')} · {row.day:%d-%m-%Y}"
        self.history_title.setText(
            title
            if own
            else self.tr("{title} · recorded by {officer} (read only)").format(
                title=title, officer=row.officer_name
            )
        )

    def save_history_record(self) -> bool:
        """Save the opened record (on the write thread); False when there is nothing to save."""
        if self.open_record_visit is None or not self.history_save_button.isEnabled():
            return False
        if self._moving():
            return False
        consultations, actor = self.consultations, self.actor
        visit_id, record = self.open_record_visit, self.history_form.record()

        def saved(_value: object) -> None:
            self.show_notice(self.tr("Changes saved."), "ok")
            self.refresh_history()

        self._write("history_save", lambda: consultations.save(actor, visit_id, record), saved)
        return True

    def export_history(self, path: Path) -> None:
        """Write the XLSX on the worker thread; ``history_exported(path or None)`` when done."""
        office_id, filters, language = self.actor.office_id, self.history_filter(), self.language
        self.export_button.setEnabled(False)
        self.export_runner.submit(
            lambda: history.export_matching(office_id, filters, Path(path), language)[0]
        )

    def _exported(self, written: Path) -> None:
        self.export_button.setEnabled(True)
        self.show_notice(self.tr("Saved {path}").format(path=written), "ok")
        self.history_exported.emit(written)

    def _export_failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        if isinstance(exc, OSError):
            self.show_notice(
                self.tr("Could not save the file: {reason}").format(reason=exc), "error"
            )
        else:
            self._read_failed(exc)
        self.history_exported.emit(None)

    def _choose_export_file(self) -> None:  # pragma: no cover - a native dialog
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export visit history"), "riwayat-kunjungan.xlsx", "Excel (*.xlsx)"
        )
        if name:
            self.export_history(Path(name))

    # == connection trouble and closing ==========================================================
    def _database_trouble(self, exc: Exception) -> None:
        self.show_notice(
            self.tr(
                "The database cannot be reached ({reason}). Your typing is kept on this PC."
            ).format(reason=connection_reason(exc)),
            "error",
        )
        self.notice.setToolTip(first_line(exc))  # the driver's words, for the office IT
        self.report_connection_error(exc)
        with contextlib.suppress(Exception):  # closing a broken connection
            self._db.close()

    def _connection_lost(self, reason: str) -> None:
        self.status_line.setText(
            self.tr("Connection lost: {reason}").format(reason=connection_reason(reason))
        )
        self.status_line.setToolTip(reason)

    def _connection_restored(self) -> None:
        self._restore_local_drafts()
        self.refresh()

    def shutdown(self) -> None:
        """Let a move under way end (its answer shown), save the draft, stop the watcher and
        timers (idempotent)."""
        if self._closed:
            return
        self.calls.wait(30_000)
        self.save_draft_now()
        self._closed = True
        for timer in (self._autosave, self._search_timer, self._tick, self._housekeeping):
            timer.stop()
        self._history_timer.stop()
        for reader in (
            self.snapshot_reader,
            self.housekeeping_runner,
            self.search_reader,
            self.history_reader,
            self.export_runner,
        ):
            reader.cancel()
            reader.wait(30_000)
        self.watcher.stop()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
