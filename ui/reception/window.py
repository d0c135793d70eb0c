"""The receptionist station (SOP steps 2 and 4): find or register the visitor, issue the ticket,
watch the live queue.

The window asks the services (``registration``, ``front_desk``, ``tickets``/``printing``) and
shows their answers. The queue, the guest book and the office's set-up are read on worker
threads (``ui.readers.BackgroundReader``) as plain data and applied to the widgets only, so a
refresh never touches the form being typed in.

Never freeze: the receptionist's writes (F9 / Ctrl+Enter: save the guest-book
entry, then issue the number; Ctrl+K check-in; "visitor left" and its undo; cancelling a ticket;
booking an appointment) run one at a time on the window's write thread (``calls``,
``ui.calls.ServiceCalls``), and a read that fails goes the same way (``calls.read_failed``).
The answer comes back to the GUI thread: the number shows, the print thread gets the ticket,
the form is cleared for the next visitor; a refusal is shown where it belongs (the fields, a
dialog, the message line), a lost connection goes to the connection band. While a write is
under way F9, Ctrl+K, Ctrl+B… do nothing (a double F9 issues one ticket); the buttons stay
enabled so the keyboard stays where it is.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.core.errors import OutsideServiceHours, ServiceError, ValidationError
from pst_desktop.core.i18n import format_moment
from pst_desktop.core.settings import StationSettings
from pst_desktop.db.changes import ChangeWatcher, SettingsFollower
from pst_desktop.db.connection import app_database
from pst_desktop.db.reconnect import first_line
from pst_desktop.db.startup import connection_reason
from pst_desktop.frontdesk import guest_book_lists, reception
from pst_desktop.frontdesk.guest_book import (
    GuestBookEntry,
    RegistrationService,
    VisitorForm,
    form_from_visitor,
)
from pst_desktop.frontdesk.reception import (
    AppointmentOffer,
    AppointmentRow,
    DeskSetup,
    FrontDesk,
    QueueSnapshot,
)
from pst_desktop.sop.standards import Verdict
from pst_desktop.visits.priority import PriorityService, check_mark, proposal_for
from pst_desktop.visits.queue import UNDO_WINDOW, IssuedTicket, Undo
from ui.accessibility import name_controls
from ui.calls import CONNECTION_ERRORS, ServiceCalls, refusal_text
from ui.readers import BackgroundReader
from ui.reception.dialogs import AppointmentDialog, CancelDialog
from ui.reception.output import OutputResult, TicketOutput
from ui.reception.printer_settings import PrinterSettingsDialog
from ui.reception.priority import PriorityChoice, PriorityDialog
from ui.reception.queue_model import (
    COL_DESK,
    COL_ISSUED,
    COL_NUMBER,
    COL_SERVICE,
    COL_STATUS,
    COL_VISITOR,
    COL_WAITED,
    QueueTableModel,
)
from ui.reception.visitor_form import VisitorFormWidget
from ui.role_window import RoleWindow
from ui.session import Session
from ui.style import RECEPTION_SHEET, font_scale, scale_sheet
from ui.tables import Column, RowsModel, table_view
from ui.widgets import (
    VerticalScrollArea,
    WrappingLabel,
    WrapRow,
    breakable,
    fit_columns,
    scrolling,
)

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250
#: narrower than this (1280×720 logical, a 1366×768 laptop at 125 %: 1093), the counts name
#: each service by its ticket letter (the full name is its tooltip), the last ticket gets the
#: room, and the queue leaves out the service column (the ticket's letter says it)
COMPACT_WIDTH = 1320
TICK_MS = 1000

STYLE = RECEPTION_SHEET  # (ui.style)


class ElidedLabel(QLabel):
    """A label that ends in "…" when it is too narrow (the full text is its tooltip)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), text)


@dataclass
class _Issuing:
    """One F9 under way: what the write thread saved of the guest-book entry (plain data, read
    on the GUI thread once the answer is back)."""

    form_round: int  # the form it was typed in (see ``ReceptionWindow._form_round``)
    visitor_id: int | None
    loaded_form: VisitorForm | None
    saved: bool = False  # the guest-book entry was registered or updated
    issuing: bool = False  # the entry is saved (or was unchanged): the number was asked for
    kept: bool = False  # the saved entry was taken over by the form


@dataclass(frozen=True)
class _Booking:
    """The answer of Ctrl+B's write: the visitor saved in the guest book, and what to offer."""

    visitor_id: int
    offer: AppointmentOffer


class ReceptionWindow(RoleWindow):
    """The front desk. Emits ``ticket_issued(IssuedTicket, OutputResult)`` after each ticket,
    and ``ticket_printed(OutputResult)`` when the printer answered (printing runs off this thread).
    """

    ticket_issued = Signal(object, object)
    ticket_printed = Signal(object)
    queue_refreshed = Signal()

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        settings: StationSettings | None = None,
        watcher: ChangeWatcher | None = None,
        ticket_folder: Path | None = None,
        print_to_file: str | None = None,
        poll_ms: int | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("receptionWindow")
        # (no minimum of its own: 1366×768 at 125 % leaves 1093×614 logical pixels; the form and
        # the queue scroll instead)
        self.clock = session.clock
        self.actor = session.actor
        self.settings = settings or StationSettings()
        self.language = self.settings.language or "id"
        self._db = app_database()
        self.registration = RegistrationService(self.clock)
        self.desk = FrontDesk(self.clock)
        self.output = TicketOutput(self.settings, self.clock, ticket_folder, print_to_file, self)
        self.output.printed.connect(self._printed)
        # admin changes (services, desks, hours) from any PC: the revision first, then the lists
        self.settings_follower = SettingsFollower(self._db, self.actor.office_id, self)
        self.settings_follower.refresh()
        setup = reception.desk_setup(self.actor.office_id)
        self.calendar_zone, self.services = setup.zone, setup.services
        self.purpose_labels = {
            o.code: o.label(self.language) for o in guest_book_lists.options("purpose")
        }
        self.registration_started_at: dt.datetime | None = None
        #: counts the form's visitors (cleared or loaded): a write's answer for an earlier one
        #: does not bind the form to its visitor
        self._form_round = 0
        self.last_ticket: IssuedTicket | None = None
        self.last_output: OutputResult | None = None
        self.snapshot: QueueSnapshot | None = None
        self.cancel_dialog: CancelDialog | None = None
        self.appointment_dialog: AppointmentDialog | None = None
        self.printer_dialog: PrinterSettingsDialog | None = None
        # the queue (F5, every change from any PC) and the office's set-up (an admin's change):
        # a burst of changes reads once
        self.queue_reader = BackgroundReader(self._db, self, skip_superseded=True)
        self.setup_reader = BackgroundReader(self._db, self, skip_superseded=True)
        # a returning visitor's guest-book entry, read again when it is loaded into the form
        self.entry_reader = BackgroundReader(self._db, self)
        # what that visitor's record proposes for priority service
        self.proposal_reader = BackgroundReader(self._db, self)
        self.priority_dialog: PriorityDialog | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        # the guest-book search reads on a worker thread (0.3 s of frozen typing on a
        # year of visitors); Enter before the answer came picks its first row when it comes
        self.search_reader = BackgroundReader(self._db, self)
        self._enter_pending = False
        #: F9 pressed while a picked visitor's entry was being read: issue once it is in
        self._issue_pending = False
        # the receptionist's writes: one at a time, in order, on their own thread
        self.calls = ServiceCalls(
            self._db, lambda text: self.show_notice(text, "error"), self._database_trouble, self
        )
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)
        if watcher is None:
            watcher = (
                ChangeWatcher(self._db, self, poll_ms=poll_ms)
                if poll_ms
                else ChangeWatcher(self._db, self)
            )
        self.watcher = watcher
        self.setStyleSheet(scale_sheet(STYLE, font_scale(), pixels=False))  # system text size
        self._build()
        self._build_shortcuts()
        self._connect_signals()
        self.watcher.start()
        self._tick_timer.start()
        self.refresh()
        self.search.setFocus()
        self._name_controls()

    def _name_controls(self) -> None:
        """What a screen reader says for the controls that show no name of their own; the
        rest are named by the text they show."""
        for widget, name in (
            (self.search, self.tr("Search the guest book")),
            (self.search_results, self.tr("Visitors found")),
            (self.queue_table, self.tr("Today's queue")),
            (self.appointments_table, self.tr("Appointments")),
        ):
            widget.setAccessibleName(name)
        name_controls(self)

    # == building ======================================================================
    def _build(self) -> None:
        # 1366×768 is the common office monitor: a slimmer banner, no footer row; the layout's
        # own minimum, not the role windows' 960×600: 1366×768 at 125 % leaves 1093×614
        # logical pixels, a taskbar some 40 of them
        self.setMinimumSize(0, 0)
        self._compact: bool | None = None  # see _fit_size
        self.banner.layout().setContentsMargins(24, 8, 24, 8)
        self.body.setContentsMargins(14, 10, 14, 10)
        self.printer_button = QPushButton(self.tr("Ticket printer…"))
        self.printer_button.setObjectName("bannerButton")
        self.printer_button.setToolTip(self.tr("Choose this station's ticket printer (Ctrl+,)"))
        self.banner.side.insertWidget(1, self.printer_button)
        self.status_line = QLabel()
        self.status_line.setObjectName("statusLine")
        self.status_line.setWordWrap(True)
        self.status_line.setMinimumHeight(self.status_line.fontMetrics().height())  # one line
        self.status_line.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.status_line.setOpenExternalLinks(False)
        self.status_line.linkActivated.connect(lambda _link: self.undo_left())
        # the last "visitor left", while the status line offers to take it back
        self.pending_undo: Undo | None = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._forget_undo)
        columns = QHBoxLayout()
        columns.setSpacing(14)
        columns.addWidget(self._build_guest_book(), 47)  # (F9 on the line of the others at 1366)
        columns.addLayout(self._build_queue_side(), 53)
        self.body.addLayout(columns, 1)

    def _build_guest_book(self) -> QWidget:
        card = QFrame()
        card.setObjectName("card")
        self.guest_card = card
        title = QLabel(self.tr("Guest book"))
        title.setObjectName("sectionTitle")
        self.returning_badge = QLabel(self.tr("Returning visitor"))
        self.returning_badge.setObjectName("returningBadge")
        self.returning_badge.hide()
        self.registration_timer = QLabel()
        self.registration_timer.setObjectName("regTimer")
        self.registration_timer.setToolTip(
            self.tr("SOP: registration, from opening the form to the ticket, takes ≤ 10 minutes")
        )
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.returning_badge)
        head.addStretch(1)
        head.addWidget(self.registration_timer)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Find a returning visitor: phone, e-mail or name  (F2)")
        )
        self.search.setToolTip(self.tr("Find a returning visitor (F2); ↓ and Enter to pick"))
        self.search_results = QListWidget(card)
        self.search_results.setObjectName("searchResults")
        self.search_results.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.search_results.hide()

        self.form = VisitorFormWidget(self.services, self.language)
        # up and down only, never narrower than the fields: on a short screen the form scrolls
        # while the search, the message and F9 stay where they are
        scroll = VerticalScrollArea(self.form)
        self.form_scroll = scroll

        self.notice = QFrame()
        self.notice.setObjectName("notice")
        self.notice_text = QLabel()
        self.notice_text.setObjectName("noticeText")
        self.notice_text.setWordWrap(True)
        self.offer_button = QPushButton(self.tr("Book appointment… (Ctrl+B)"))
        self.offer_button.setObjectName("primaryButton")
        self.offer_button.hide()
        notice_row = QHBoxLayout(self.notice)
        notice_row.setContentsMargins(10, 8, 10, 8)
        notice_row.addWidget(self.notice_text, 1)
        notice_row.addWidget(self.offer_button)
        self.notice.hide()

        self.new_button = QPushButton(self.tr("New visitor"))
        self.new_button.setToolTip(self.tr("Clear the form for the next visitor (Ctrl+N)"))
        self.book_button = QPushButton(self.tr("Appointment…"))
        self.book_button.setToolTip(self.tr("Book an appointment for this visitor (Ctrl+B)"))
        self.issue_button = QPushButton(self.tr("Issue ticket  (F9)"))
        self.issue_button.setObjectName("issueButton")
        self.issue_button.setToolTip(
            self.tr(
                "Save the guest-book entry, issue the queue number and print it (F9, Ctrl+Enter)"
            )
        )
        self.issue_button.setCursor(Qt.CursorShape.PointingHandCursor)
        # on a laptop (1366×768 at 125 %) F9 goes under the other two instead of widening
        # the window; it is never inside the scrolled form
        buttons = WrapRow()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.book_button)
        buttons.addStretch()
        buttons.addWidget(self.issue_button)

        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 12, 14, 12)  # (fits 1280 px in Indonesian)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.search)
        layout.addWidget(scroll, 1)
        # priority service for this visitor's ticket (F10), outside the scrolled form
        self.priority = PriorityChoice()
        layout.addWidget(self.priority)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.search, self.form.name)
        QWidget.setTabOrder(self.form.consent, self.issue_button)
        return card

    def _build_queue_side(self) -> QVBoxLayout:
        side = QVBoxLayout()
        self.queue_side = side
        side.setSpacing(10)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self._build_last_ticket(), 4)
        top.addWidget(self._build_counts(), 7)
        self.top_row = top
        side.addLayout(top)

        self.tabs = QTabWidget()
        queue_page = QWidget()
        self.show_closed = QCheckBox(self.tr("Show done and cancelled"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("small")
        self.refresh_button.setToolTip(self.tr("Read the queue again (F5)"))
        self.reprint_button = QPushButton(self.tr("Reprint"))
        self.reprint_button.setObjectName("small")
        self.reprint_button.setToolTip(self.tr("Print the selected ticket again (Ctrl+P)"))
        self.left_button = QPushButton(self.tr("Visitor left"))
        self.left_button.setObjectName("small")
        self.left_button.setToolTip(self.tr("The visitor went away before being served (Ctrl+L)"))
        self.cancel_button = QPushButton(self.tr("Cancel ticket…"))
        self.cancel_button.setObjectName("small")
        self.cancel_button.setToolTip(self.tr("Cancel the selected ticket, with a reason (Del)"))
        tools = WrapRow()  # the buttons go under the check box where the width is short
        tools.addWidget(self.show_closed)
        tools.addStretch()
        for button in (
            self.refresh_button,
            self.reprint_button,
            self.left_button,
            self.cancel_button,
        ):
            tools.addWidget(button)
        self.queue_model = QueueTableModel(self.calendar_zone, self.purpose_labels, self)
        self.queue_table = QTableView()
        self.queue_table.setObjectName("queueTable")
        self.queue_table.setModel(self.queue_model)
        self.queue_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue_table.setAlternatingRowColors(False)
        self.queue_table.verticalHeader().hide()
        self.queue_table.verticalHeader().setDefaultSectionSize(34)
        self.queue_table.setShowGrid(False)
        self.queue_table.setToolTip(self.tr("Today's queue (F3)"))
        header = self.queue_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_VISITOR, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SERVICE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_NUMBER, 104),  # room for a priority ticket's ★
            (COL_ISSUED, 62),
            (COL_WAITED, 70),
            (COL_STATUS, 112),
            (COL_DESK, 72),
        ):
            self.queue_table.setColumnWidth(column, width)
        fit_columns(self.queue_table)  # titles whole in either language
        queue_layout = QVBoxLayout(queue_page)
        queue_layout.setContentsMargins(8, 8, 8, 8)
        queue_layout.addLayout(tools)
        queue_layout.addWidget(self.queue_table, 1)
        self.tabs.addTab(scrolling(queue_page), self.tr("Queue today"))

        appointments_page = QWidget()
        self.appointments_model: RowsModel[AppointmentRow] = RowsModel(
            [
                Column(self.tr("Time"), self._appointment_time, 100),
                Column(self.tr("Visitor"), lambda a: a.visitor_name),
                Column(self.tr("Service"), lambda a: a.service_name, 220),
                Column(self.tr("Status"), self._appointment_status, 100),
            ],
            tooltip=lambda a: a.note or None,
            key=lambda a: a.appointment_id,
            parent=self,
        )
        self.appointments_table = table_view(self.appointments_model, "appointmentsTable")
        self.check_in_button = QPushButton(self.tr("Check in"))
        self.check_in_button.setObjectName("primaryButton")
        self.check_in_button.setToolTip(
            self.tr(
                "The visitor of the selected appointment has arrived: issue their ticket (Ctrl+K)"
            )
        )
        appointment_tools = QHBoxLayout()
        self.appointments_hint = QLabel(
            self.tr("Appointments booked for today. Check a visitor in when they arrive.")
        )
        self.appointments_hint.setObjectName("cardHint")
        appointment_tools.addWidget(self.appointments_hint, 1)
        appointment_tools.addWidget(self.check_in_button)
        appointments_layout = QVBoxLayout(appointments_page)
        appointments_layout.setContentsMargins(8, 8, 8, 8)
        appointments_layout.addLayout(appointment_tools)
        appointments_layout.addWidget(self.appointments_table, 1)
        self.tabs.addTab(scrolling(appointments_page), self.tr("Appointments today"))
        side.addWidget(self.tabs, 1)
        # under the tabs, not inside the scrolled queue page: its message and its Undo link
        # stay in view on a short screen, whichever tab shows
        side.addWidget(self.status_line)
        return side

    def _build_last_ticket(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("lastTicket")
        panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        caption = WrappingLabel(self.tr("Last ticket"))  # (two lines where it is narrow)
        caption.setObjectName("lastDetail")
        self.last_code = QLabel("—")
        self.last_code.setObjectName("lastCode")
        self.last_service = QLabel(self.tr("No ticket issued yet"))
        self.last_service.setObjectName("lastService")
        self.last_service.setWordWrap(True)
        self.last_detail = QLabel()
        self.last_detail.setObjectName("lastDetail")
        self.last_detail.setWordWrap(True)
        self.last_output_label = QLabel()
        self.last_output_label.setObjectName("lastOutput")
        self.last_output_label.setWordWrap(True)
        self.last_output_label.hide()
        self.last_reprint = QPushButton(self.tr("Reprint"))
        self.last_reprint.setObjectName("onBlue")
        self.last_reprint.setToolTip(self.tr("Print this ticket again (Ctrl+P)"))
        self.last_reprint.setEnabled(False)
        layout = QVBoxLayout(panel)
        self.last_ticket_layout = layout
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(0)
        layout.addWidget(caption)
        layout.addWidget(self.last_code)
        layout.addWidget(self.last_service)
        layout.addWidget(self.last_detail)
        layout.addWidget(self.last_output_label)
        layout.addStretch(1)
        layout.addSpacing(6)
        # under the ticket, not beside it: the panel stays narrow enough for 1280 px
        layout.addWidget(self.last_reprint, 0, Qt.AlignmentFlag.AlignLeft)
        return panel

    def _build_counts(self) -> QWidget:
        card = QFrame()
        card.setObjectName("card")
        grid = QGridLayout(card)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        heads = [
            self.tr("Service"),
            self.tr("Waiting"),
            self.tr("Called"),
            self.tr("In service"),
            self.tr("Done"),
        ]
        for column, text in enumerate(heads):
            label = QLabel(text)
            label.setObjectName("countHead")
            if column:
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(label, 0, column)
        self.count_labels: dict[int, dict[str, QLabel]] = {}
        self.counts_grid = grid
        self._fill_count_rows()
        grid.setColumnStretch(0, 1)
        return card

    def _fill_count_rows(self) -> None:
        """One row of counts per service (again after the admin changed the services)."""
        grid = self.counts_grid
        for row in range(1, grid.rowCount()):
            for column in range(grid.columnCount()):
                item = grid.itemAtPosition(row, column)
                if item is not None and item.widget() is not None:
                    widget = item.widget()
                    grid.removeWidget(widget)
                    widget.deleteLater()
        self.count_labels = {}
        self.count_names: list[tuple[QLabel, str, str]] = []  # label, full name, letter
        for row, choice in enumerate(self.services, start=1):
            # wraps on a narrow screen rather than hide the end of a service's name
            full = f"{choice.prefix} · {choice.name}"
            name = WrappingLabel(choice.prefix if self._compact else full)
            name.setObjectName("countService")
            name.setToolTip(full)
            self.count_names.append((name, full, choice.prefix))
            grid.addWidget(name, row, 0)
            cells = {}
            for column, stage in enumerate(("waiting", "called", "serving", "done"), start=1):
                value = QLabel("0")
                value.setObjectName("countValue")
                value.setProperty("stage", stage)
                value.setProperty("zero", True)
                value.setAlignment(Qt.AlignmentFlag.AlignCenter)
                grid.addWidget(value, row, column)
                cells[stage] = value
            self.count_labels[choice.service_id] = cells

    def _build_shortcuts(self) -> None:
        def shortcut(keys, slot, parent: QWidget | None = None, *, widget_only=False):
            made = QShortcut(QKeySequence(keys), parent or self)
            made.setContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
                if widget_only
                else Qt.ShortcutContext.WindowShortcut
            )
            made.activated.connect(slot)
            return made

        self.shortcuts = {
            "search": shortcut("F2", self.focus_search),
            "queue": shortcut("F3", self.focus_queue),
            "refresh": shortcut("F5", self.refresh),
            "issue": shortcut("F9", self.issue_ticket),
            "priority": shortcut("F10", self.priority_key),
            "issue_ctrl_return": shortcut("Ctrl+Return", self.issue_ticket),
            "issue_ctrl_enter": shortcut("Ctrl+Enter", self.issue_ticket),
            "new": shortcut("Ctrl+N", self.new_visitor),
            "reprint": shortcut("Ctrl+P", self.reprint),
            "left": shortcut("Ctrl+L", self.mark_left),
            "undo": shortcut("Ctrl+Z", self.undo_left),
            "book": shortcut("Ctrl+B", self.open_appointment_dialog),
            "check_in": shortcut("Ctrl+K", self.check_in_selected),
            "printer": shortcut("Ctrl+,", self.open_printer_settings),
            # Del only in the queue table: in a text field it deletes a character
            "cancel": shortcut("Del", self.open_cancel_dialog, self.queue_table, widget_only=True),
        }

    def _connect_signals(self) -> None:
        self.search.textEdited.connect(self._search_edited)
        self.search.returnPressed.connect(self._search_enter)
        self._search_timer.timeout.connect(self._run_search)
        self.search_results.itemActivated.connect(self._result_chosen)
        self.search.installEventFilter(self)
        self.search_results.installEventFilter(self)
        self.form.edited.connect(self._form_edited)
        self.issue_button.clicked.connect(self.issue_ticket)
        self.new_button.clicked.connect(self.new_visitor)
        self.book_button.clicked.connect(self.open_appointment_dialog)
        self.offer_button.clicked.connect(self.open_appointment_dialog)
        self.refresh_button.clicked.connect(self.refresh)
        self.reprint_button.clicked.connect(self.reprint)
        self.last_reprint.clicked.connect(self.reprint_last)
        self.left_button.clicked.connect(self.mark_left)
        self.cancel_button.clicked.connect(self.open_cancel_dialog)
        self.check_in_button.clicked.connect(self.check_in_selected)
        self.show_closed.toggled.connect(self._show_closed_toggled)
        self.printer_button.clicked.connect(self.open_printer_settings)
        self.settings_follower.listen(self.watcher)  # before refresh: new hours, then the queue
        self.settings_follower.settings_changed.connect(self.reload_settings)
        self.watcher.changed.connect(self.refresh)
        self.watch_connection(self.watcher)  # the calm connection banner (ui.roles)
        self.watcher.connection_lost.connect(self._connection_lost)
        self.watcher.connection_restored.connect(self._connection_restored)
        self.search_reader.finished.connect(self._show_found)
        self.search_reader.failed.connect(self._search_failed)
        self.queue_reader.finished.connect(self._apply)
        self.queue_reader.failed.connect(self._queue_failed)
        self.setup_reader.finished.connect(self._setup_read)
        self.setup_reader.failed.connect(
            lambda exc: self.calls.read_failed("office set-up", exc, on_lost=self._queue_lost)
        )
        self.entry_reader.finished.connect(self._entry_read)
        self.entry_reader.failed.connect(self._entry_failed)
        self.proposal_reader.finished.connect(self._proposal_read)
        self.proposal_reader.failed.connect(lambda exc: self.calls.read_failed("priority", exc))
        self._tick_timer.timeout.connect(self._tick)

    # == search ========================================================================
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_edited(self, _text: str) -> None:
        self._start_registration_clock()
        self._enter_pending = False
        self._search_timer.start()

    def _run_search(self) -> None:
        """Look the typed text up in the guest book on the worker thread."""
        self._search_timer.stop()
        text, actor, registration = self.search.text(), self.actor, self.registration
        self.search_reader.submit(lambda: registration.look_up(actor, text, limit=8))

    def _search_failed(self, exc: Exception) -> None:
        self._enter_pending = False
        self.calls.read_failed("guest book search", exc)

    def _show_found(self, found: list[GuestBookEntry]) -> None:
        self.search_results.clear()
        for entry in found:
            visitor = entry.form
            detail = " · ".join(part for part in (visitor.phone, visitor.email) if part)
            institution = f" — {visitor.institution_name}" if visitor.institution_name else ""
            item = QListWidgetItem(f"{visitor.name}{institution}\n{detail}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.search_results.addItem(item)
        if found:
            self.search_results.setCurrentRow(0)
            self._place_results()
            self.search_results.show()
            self.search_results.raise_()
        else:
            self.search_results.hide()
        if self._enter_pending:  # Enter was pressed before this answer came
            self._enter_pending = False
            if found:
                self._result_chosen(self.search_results.currentItem())

    def _place_results(self) -> None:
        geometry = self.search.geometry()
        rows = min(self.search_results.count(), 5)
        height = rows * 52 + 6
        self.search_results.setGeometry(geometry.x(), geometry.bottom(), geometry.width(), height)

    def _search_enter(self) -> None:
        if self._search_timer.isActive():
            self._run_search()
        if self.search_reader.busy():  # the answer is on its way: take its first row then
            self._enter_pending = True
            return
        item = self.search_results.currentItem() if self.search_results.isVisible() else None
        if item is not None:
            self._result_chosen(item)

    def _result_chosen(self, item: QListWidgetItem) -> None:
        """A visitor found is picked: the search read their entry, the form takes it now."""
        self.load_entry(item.data(Qt.ItemDataRole.UserRole))

    def load_visitor(self, visitor_id: int) -> None:
        """Fill the form with a returning visitor from the guest book, read on the worker
        thread (a visitor gone meanwhile: the words in the message line)."""
        self.search_results.hide()
        self._start_registration_clock()
        actor, registration, form_round = self.actor, self.registration, self._form_round
        self.entry_reader.submit(lambda: (form_round, registration.entry(actor, visitor_id)))

    def _entry_read(self, answer: tuple[int, GuestBookEntry]) -> None:
        form_round, entry = answer
        if form_round != self._form_round:  # the form moved on to another visitor
            self._issue_pending = False
            return
        self.load_entry(entry)
        if self._issue_pending:  # F9 came before the entry: it is for this visitor
            self._issue_pending = False
            self.issue_ticket()

    def _entry_failed(self, exc: Exception) -> None:
        self._issue_pending = False
        self.calls.read_failed("guest book", exc)

    def load_entry(self, entry: GuestBookEntry) -> None:
        """Fill the form with a returning visitor's guest-book entry."""
        self.search_results.hide()
        self._start_registration_clock()
        self._form_round += 1
        self.form.load(entry.visitor_id, entry.form)
        self.priority.clear()
        self._read_proposal(entry.visitor_id)
        self.returning_badge.show()
        self.hide_notice()
        self.form.purpose.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched, event):
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.search and self.search_results.isVisible():
                if key == Qt.Key.Key_Down:
                    self.search_results.setFocus()
                    row = min(self.search_results.currentRow() + 1, self.search_results.count() - 1)
                    self.search_results.setCurrentRow(max(row, 0))
                    return True
                if key == Qt.Key.Key_Escape:
                    self.search_results.hide()
                    return True
            if watched is self.search_results:
                if key == Qt.Key.Key_Escape:
                    self.search_results.hide()
                    self.search.setFocus()
                    return True
                if key == Qt.Key.Key_Up and self.search_results.currentRow() <= 0:
                    self.search.setFocus()
                    return True
        if event.type() == QEvent.Type.FocusOut and watched is self.search_results:
            QTimer.singleShot(0, self._hide_results_unless_focused)
        return super().eventFilter(watched, event)

    def _hide_results_unless_focused(self) -> None:
        if not (self.search.hasFocus() or self.search_results.hasFocus()):
            self.search_results.hide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_size()
        if self.search_results.isVisible():
            self._place_results()

    def _fit_size(self) -> None:
        """On a laptop at 125 % (1093×614 logical pixels) the counts take little room and
        the last ticket's panel the rest, so neither needs many lines, and the queue keeps as
        many rows in view as it can (the banner's subtitle steps aside in a
        low window by itself)."""
        compact = self.width() < COMPACT_WIDTH
        if compact == self._compact:
            return
        self._compact = compact
        for label, full, letter in self.count_names:
            label.setText(letter if compact else full)
        self.top_row.setStretch(0, 1 if compact else 4)
        self.top_row.setStretch(1, 0 if compact else 7)
        # the print outcome (a PDF's path may take lines): under the panel, the whole width
        label = self.last_output_label
        inside = self.last_ticket_layout.indexOf(label) >= 0
        if compact == inside:
            hidden = label.isHidden()
            (self.last_ticket_layout if inside else self.queue_side).removeWidget(label)
            if compact:
                self.queue_side.insertWidget(1, label)
            else:
                self.last_ticket_layout.insertWidget(4, label)  # under the ticket's details
            label.setHidden(hidden)  # (moved, it keeps showing or not)
        label.setProperty("outside", compact)
        label.style().unpolish(label)
        label.style().polish(label)
        self.queue_table.setColumnHidden(COL_SERVICE, compact)
        fit_columns(self.queue_table)

    # == the form ======================================================================
    def _form_edited(self) -> None:
        self._start_registration_clock()

    def _start_registration_clock(self) -> None:
        if self.registration_started_at is None:
            self.registration_started_at = self.clock.now()
            self._update_registration_timer()

    def _update_registration_timer(self) -> None:
        measure = reception.registration_measure(self.registration_started_at, self.clock.now())
        if measure.elapsed is None:
            self.registration_timer.setText(self.tr("Registration ≤ 10 min"))
            verdict = ""
        else:
            seconds = int(measure.elapsed.total_seconds())
            self.registration_timer.setText(
                self.tr("Registration {minutes}:{seconds:02d} / 10:00").format(
                    minutes=seconds // 60, seconds=seconds % 60
                )
            )
            verdict = "overdue" if measure.verdict is Verdict.OVERDUE else "running"
        if self.registration_timer.property("verdict") != verdict:
            self.registration_timer.setProperty("verdict", verdict)
            self.registration_timer.style().unpolish(self.registration_timer)
            self.registration_timer.style().polish(self.registration_timer)

    def new_visitor(self) -> None:
        """Clear the form for the next visitor; the registration clock restarts."""
        self._form_round += 1
        self._issue_pending = False
        self.form.clear()
        self.priority.clear()
        self.search.clear()
        self.search_results.hide()
        self.returning_badge.hide()
        self.registration_started_at = None
        self._update_registration_timer()
        self.hide_notice()
        self.search.setFocus()

    def show_notice(self, text: str, kind: str = "warning", offer: bool = False) -> None:
        self.notice_text.setText(text)
        self.notice_text.setToolTip("")
        self.notice.setProperty("kind", kind)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.offer_button.setVisible(offer)
        self.notice.show()

    def hide_notice(self) -> None:
        self.notice.hide()
        self.offer_button.hide()

    # == issuing =======================================================================
    def _writing(self) -> bool:
        """A write is under way: F9, Ctrl+K… pressed meanwhile do nothing (a double F9 issues
        one ticket; the buttons stay enabled, so the keyboard stays where it is)."""
        if self.calls.busy:
            log.debug("a write is under way: the key does nothing")
            return True
        if self.entry_reader.busy():  # the visitor picked is not in the form yet
            log.debug("a guest-book entry is being read: the key waits for it or does nothing")
            return True
        return False

    def issue_ticket(self) -> None:
        """Save the guest-book entry, issue the number, print it (F9 / Ctrl+Enter).

        Both writes run on the write thread, each its own transaction (a refused number keeps
        the saved entry); the answer comes to ``_issued`` or ``_issue_refused``. What is typed
        while they run (some 20–40 ms) is cleared with the form when the number comes. F9
        while a visitor just picked is still being read issues for them once they are in."""
        if self.entry_reader.busy() and not self.calls.busy:
            self._issue_pending = True
            return
        if self._writing():
            return
        service_id = self.form.service_id()
        if service_id is None:
            self.show_notice(self.tr("This office has no active service to issue for."), "error")
            return
        try:  # the reason chosen for priority service: checked before any write
            mark = check_mark(*self.priority.values())
        except ValidationError as exc:
            self.show_notice(" ".join(exc.fields.values()), "error")
            self.priority.note.setFocus()
            return
        form = self.form.form()
        issuing = _Issuing(self._form_round, self.form.visitor_id, self.form.loaded_form)
        actor, registration, desk = self.actor, self.registration, self.desk
        purpose, started = self.form.purpose_code(), self.registration_started_at
        more = self.form.more_service_ids()  # the services after the first, if any

        def write() -> IssuedTicket:
            visitor = None
            if issuing.visitor_id is None:
                visitor = registration.register(actor, form)
            elif form != issuing.loaded_form:
                visitor = registration.update(actor, issuing.visitor_id, form)
            if visitor is not None:
                issuing.loaded_form = form_from_visitor(visitor)
                issuing.visitor_id, issuing.saved = visitor.id, True
            issuing.issuing = True
            return desk.issue(
                actor,
                visitor_id=issuing.visitor_id,
                service_id=service_id,
                purpose=purpose,
                registration_started_at=started,
                priority_mark=mark,
                more_services=more,
            )

        self.calls.submit(
            "issue ticket",
            write,
            lambda ticket: self._issued(issuing, ticket),
            on_refused=lambda exc: self._issue_refused(issuing, exc),
            on_failed=lambda: self._keep_saved_visitor(issuing),
        )

    def _keep_saved_visitor(self, issuing: _Issuing) -> None:
        """The entry was saved though the number was not issued: the form is that visitor now
        (F9 again updates them, never registers them twice), unless it moved on meanwhile."""
        if issuing.kept or not issuing.saved or issuing.form_round != self._form_round:
            return
        issuing.kept = True
        self.form.show_errors({})
        self.form.visitor_id = issuing.visitor_id
        self.form.loaded_form = issuing.loaded_form

    def _issued(self, issuing: _Issuing, ticket: IssuedTicket) -> None:
        self._keep_saved_visitor(issuing)
        self._ticket_done(ticket)
        self.new_visitor()
        if ticket.also_active:  # the queue issued it, and says the visitor already waits
            self.show_notice(
                self.tr(
                    "This visitor already has ticket {codes} today; cancel one of them if it "
                    "was a mistake."
                ).format(codes=", ".join(ticket.also_active)),
                "warning",
            )

    def _issue_refused(self, issuing: _Issuing, exc: ServiceError) -> None:
        """The guest-book entry or the number was refused: the words where they belong."""
        self._keep_saved_visitor(issuing)
        same_form = issuing.form_round == self._form_round
        if isinstance(exc, OutsideServiceHours):
            self.show_notice(str(exc), "warning", offer=True)
        elif isinstance(exc, ValidationError):
            if same_form:
                self.form.show_errors(exc.fields)
            if not issuing.issuing:  # what was typed: each field says what is wrong
                self.show_notice(self.tr("Check the marked fields."), "error")
            else:
                self.show_notice(" ".join(exc.fields.values()), "error")
        else:
            self.show_notice(refusal_text(exc), "error")

    def _ticket_done(self, ticket: IssuedTicket) -> None:
        """The number is issued: show it now; the ticket is read, rendered and printed on the
        print thread, and its answer comes to ``_printed``."""
        self.last_ticket = ticket
        self.last_code.setText(ticket.code)
        self.last_service.setText(ticket.service_name)
        ahead = (
            self.tr("Nobody ahead")
            if ticket.ahead == 0
            else self.tr("{count} ahead").format(count=ticket.ahead)
        )
        when = self.calendar_local(ticket.issued_at).strftime("%H:%M")
        self.last_detail.setText(self.tr("Issued {time} · {ahead}").format(time=when, ahead=ahead))
        self.last_reprint.setEnabled(True)
        result = self._print(ticket.visit_id, ticket.code)
        self.refresh()
        self.ticket_issued.emit(ticket, result)

    def _print(self, visit_id: int, code: str, *, reprint: bool = False) -> OutputResult:
        """Ask the print thread for the ticket (read, render, keep the PDF, print); returns the
        pending result at once, the answer follows in ``_printed``."""
        result = self.output.output(visit_id, code, reprint=reprint)
        self.last_output = result
        self.last_output_label.hide()  # the previous ticket's line; this one's follows
        self.last_output_label.setText("")
        self.last_output_label.setToolTip("")
        if result.to_printer:
            self.status_line.setText(
                self.tr("Printing ticket {code} on {printer}…").format(
                    code=result.code, printer=result.printer
                )
            )
        return result

    def _printed(self, result: OutputResult) -> None:
        """The print thread is done with a ticket: the truth goes to the message lines."""
        if result.failure is not None:  # not even read or rendered: nothing kept, nothing sent
            self.last_output = None
            failure = result.failure
            lost = isinstance(failure, CONNECTION_ERRORS)
            reason = connection_reason(failure) if lost else result.message
            self.last_output_label.setText(
                self.tr("The ticket could not be printed: {reason}").format(reason=reason)
            )
            self.last_output_label.setToolTip(first_line(failure) if lost else "")
            self.last_output_label.show()
            if result.code:
                self.status_line.setText(
                    self.tr("Ticket {code} was not printed.").format(code=result.code)
                )
            if lost:
                self.report_connection_error(failure)
            self.ticket_printed.emit(result)
            return
        self.last_output = result
        self.last_output_label.setText(breakable(result.message))
        self.last_output_label.setVisible(bool(result.message))
        self.last_output_label.setToolTip(str(result.pdf_path or ""))
        if result.printed:
            self.status_line.setText(self.tr("Ticket {code} printed.").format(code=result.code))
        elif result.to_printer:
            self.status_line.setText(
                self.tr("Ticket {code} was not printed.").format(code=result.code)
            )
        elif result.reprint and result.pdf_path is not None:
            self.status_line.setText(
                self.tr("Ticket {code} saved again as PDF.").format(code=result.code)
            )
        self.ticket_printed.emit(result)

    def calendar_local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(self.calendar_zone)

    # == the queue =====================================================================
    def refresh(self) -> None:
        """Read the queue again on the worker thread (F5; also on every change from any PC);
        the newest answer is shown (``_apply``)."""
        office_id, now = self.actor.office_id, self.clock.now()
        self.queue_reader.submit(lambda: reception.queue_snapshot(office_id, now))

    @property
    def _loading(self) -> bool:
        """A queue read is under way (``bench/stall.py`` waits for it)."""
        return self.queue_reader.busy()

    def reload_settings(self, what: str = "") -> None:
        """An admin changed the office's set-up on some PC: reread the services (which a desk
        serves) and the time zone on the worker thread, then the queue (open or closed by the
        new hours)."""
        if what not in ("", "service", "desk", "office", "hours", "closure"):
            return  # the rating scale, the running text, the kiosk PIN: not shown here
        office_id = self.actor.office_id
        self.setup_reader.submit(lambda: reception.desk_setup(office_id))

    def _setup_read(self, setup: DeskSetup) -> None:
        self.calendar_zone = setup.zone
        if setup.services != self.services:
            self.services = setup.services
            self.form.set_services(setup.services)
            self._fill_count_rows()  # counted again by the read below
        self.refresh()

    def _queue_failed(self, exc: Exception) -> None:
        """The queue was not read: a lost connection says so in the status line and the band
        (the queue is read again once the database is back); anything else as any read."""
        self.calls.read_failed(
            "queue",
            exc,
            on_lost=self._queue_lost,
            on_refused=lambda refused: self.status_line.setText(refusal_text(refused)),
        )

    def _queue_lost(self, exc: Exception) -> None:
        self.status_line.setText(
            self.tr("The queue could not be read ({reason}); retrying on the next change.").format(
                reason=connection_reason(exc)
            )
        )
        self.status_line.setToolTip(first_line(exc))
        self.report_connection_error(exc)

    def _apply(self, snapshot: QueueSnapshot) -> None:
        self.snapshot = snapshot
        selected = self.selected_row()
        selected_id = selected.visit_id if selected else None
        self.queue_model.set_rows(snapshot.rows, self.clock.now())
        if selected_id is not None:
            row = self.queue_model.row_of_visit(selected_id)
            if row >= 0:
                self.queue_table.selectRow(row)
        for count in snapshot.counts:
            cells = self.count_labels.get(count.service_id)
            if not cells:
                continue
            for stage, label in cells.items():
                value = getattr(count, stage)
                label.setText(str(value))
                if label.property("zero") != (value == 0):
                    label.setProperty("zero", value == 0)
                    label.style().unpolish(label)
                    label.style().polish(label)
        self._fill_appointments(snapshot)
        state = self.tr("open") if snapshot.is_open else self.tr("closed — appointments only")
        self.status_line.setText(
            self.tr("Queue updated {time} · service desk {state}").format(
                time=self.calendar_local(snapshot.taken_at).strftime("%H:%M:%S"), state=state
            )
        )
        self.queue_refreshed.emit()

    def _appointment_time(self, appointment: AppointmentRow) -> str:
        return self.calendar_local(appointment.scheduled_at).strftime("%H:%M")

    def _appointment_status(self, appointment: AppointmentRow) -> str:
        if appointment.status == "checked_in":
            return self.tr("Checked in")
        return self.tr("Can check in now") if appointment.can_check_in else self.tr("Booked")

    def _fill_appointments(self, snapshot: QueueSnapshot) -> None:
        current = self.selected_appointment()
        self.appointments_model.set_rows(snapshot.appointments)
        if current is not None and (row := self.appointments_model.row_of(current)) >= 0:
            self.appointments_table.selectRow(row)
        waiting = sum(1 for a in snapshot.appointments if a.status == "booked")
        label = self.tr("Appointments today")
        self.tabs.setTabText(1, f"{label} ({waiting})" if waiting else label)

    def _show_closed_toggled(self, show: bool) -> None:
        self.queue_model.set_show_closed(show)

    def _tick(self) -> None:
        now = self.clock.now()
        self.queue_model.set_now(now)
        self._update_registration_timer()

    def focus_queue(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.queue_table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.queue_model.rowCount() and not self.queue_table.selectionModel().hasSelection():
            self.queue_table.selectRow(0)

    def selected_row(self):
        indexes = self.queue_table.selectionModel().selectedRows()
        return self.queue_model.row_at(indexes[0].row()) if indexes else None

    def select_visit(self, visit_id: int) -> bool:
        row = self.queue_model.row_of_visit(visit_id)
        if row >= 0:
            self.queue_table.selectRow(row)
        return row >= 0

    def selected_appointment(self) -> int | None:
        indexes = self.appointments_table.selectionModel().selectedRows()
        row = self.appointments_model.row_at(indexes[0].row()) if indexes else None
        return row.appointment_id if row else None

    # == priority service ==============================================================
    def _read_proposal(self, visitor_id: int) -> None:
        """Ask the guest book what it proposes for this visitor (a recorded disability,
        60 years or more), on the worker thread."""
        clock, office_id, form_round = self.clock, self.actor.office_id, self._form_round
        self.proposal_reader.submit(
            lambda: (form_round, proposal_for(visitor_id, clock.now(), office_id))
        )

    def _proposal_read(self, answer) -> None:
        form_round, proposal = answer
        if form_round != self._form_round or proposal.reason is None:
            return
        if not self.priority.reason_code():  # the receptionist's own choice stays
            self.priority.set_reason(proposal.reason.value, proposed=True)

    def priority_key(self) -> None:
        """F10: on the queue, mark the selected waiting ticket priority (or normal again);
        elsewhere, choose the priority of the ticket being issued."""
        if self.queue_table.hasFocus():
            self.open_priority_dialog()
        else:
            self.priority.open_choice()

    def open_priority_dialog(self) -> None:
        row = self.selected_row()
        if row is None:
            self.status_line.setText(self.tr("Select a ticket in the queue first (F3)."))
            return
        dialog = PriorityDialog(row.visit_id, row.code, row.priority, "", self)
        dialog.chosen.connect(self._priority_chosen)
        self.priority_dialog = dialog
        dialog.open()

    def _priority_chosen(self, visit_id: int, reason: str, note: str) -> None:
        dialog = self.priority_dialog
        if dialog is None or self._writing():
            return
        try:
            mark = check_mark(reason, note)
        except ValidationError as exc:
            dialog.show_error(" ".join(exc.fields.values()))
            return
        actor, service = self.actor, PriorityService(self.clock)

        def saved(visit) -> None:
            dialog.accept()
            self.status_line.setText(
                self.tr("Priority service set.") if visit.priority else self.tr("Normal ticket.")
            )
            self.refresh()

        self.calls.submit(
            "set priority",
            lambda: service.set_priority(actor, visit_id, mark),
            saved,
            on_refused=lambda exc: dialog.show_error(refusal_text(exc)),
        )

    # == queue actions =================================================================
    def reprint(self) -> None:
        """Print the selected ticket again, or the last one issued here (Ctrl+P)."""
        row = self.selected_row()
        if row is None:
            self.reprint_last()
            return
        self._print(row.visit_id, row.code, reprint=True)

    def reprint_last(self) -> None:
        if self.last_ticket is not None:
            self._print(self.last_ticket.visit_id, self.last_ticket.code, reprint=True)

    def mark_left(self) -> None:
        """The selected visitor went away before being served (Ctrl+L)."""
        row = self.selected_row()
        if row is None:
            self.status_line.setText(self.tr("Select a ticket in the queue first (F3)."))
            return
        if self._writing():
            return
        actor, desk, code = self.actor, self.desk, row.code

        def left(moved) -> None:
            self.refresh()
            self.pending_undo = moved.undo
            text = self.tr("{code}: the visitor left.").format(code=code)
            link = self.tr("Undo")
            self.status_line.setTextFormat(Qt.TextFormat.RichText)
            self.status_line.setText(
                f'{html.escape(text)} <a href="undo">{html.escape(link)}</a> (Ctrl+Z)'
            )
            self._undo_timer.start(int(UNDO_WINDOW.total_seconds() * 1000))

        self.calls.submit(
            "visitor left",
            lambda: desk.mark_left(actor, row.visit_id),
            left,
            on_refused=self._refused_in_status,
        )

    def undo_left(self) -> None:
        """Take back the last "visitor left" (the status line's Undo, Ctrl+Z): it waits again
        in its place, for a few minutes after."""
        undo = self.pending_undo
        if undo is None or self._writing():
            return
        self._forget_undo()
        actor, desk = self.actor, self.desk

        def waiting_again(_visit) -> None:
            self.refresh()
            self.status_line.setText(self.tr("{code} is waiting again.").format(code=undo.code))

        self.calls.submit(
            "undo visitor left",
            lambda: desk.undo(actor, undo),
            waiting_again,
            on_refused=self._refused_in_status,
        )

    def _refused_in_status(self, exc: ServiceError) -> None:
        """A move on the queue was refused: its words in the status line under the queue."""
        self.status_line.setTextFormat(Qt.TextFormat.PlainText)
        self.status_line.setText(refusal_text(exc))

    def _forget_undo(self) -> None:
        self._undo_timer.stop()
        if self.pending_undo is not None:
            self.pending_undo = None
            if 'href="undo"' in self.status_line.text():
                self.status_line.setText("")
            self.status_line.setTextFormat(Qt.TextFormat.PlainText)

    def open_cancel_dialog(self) -> None:
        """Cancel the selected ticket, asking the reason (Del in the queue)."""
        row = self.selected_row()
        if row is None:
            self.status_line.setText(self.tr("Select a ticket in the queue first (F3)."))
            return
        if self.cancel_dialog is not None:
            self.cancel_dialog.close()
            self.cancel_dialog.deleteLater()
        self.cancel_dialog = CancelDialog(row.visit_id, row.code, self)
        self.cancel_dialog.confirmed.connect(self._cancel_confirmed)
        self.cancel_dialog.finished.connect(lambda _r: self._back_from_dialog(self.queue_table))
        self.cancel_dialog.open()
        self.cancel_dialog.reason.setFocus()

    def _cancel_confirmed(self, visit_id: int, reason: str) -> None:
        """The dialog's "Cancel the ticket", on the write thread; a refusal (no reason, a
        ticket already called) shows in the dialog, which stays open."""
        dialog = self.cancel_dialog
        if dialog is None or self._writing():
            return
        actor, desk = self.actor, self.desk

        def cancelled(_none) -> None:
            dialog.accept()
            self.status_line.setText(self.tr("Ticket cancelled."))
            self.refresh()

        def refused(exc: ServiceError) -> None:
            fields = exc.fields if isinstance(exc, ValidationError) else {}
            dialog.show_errors(fields or {"reason": refusal_text(exc)})

        self.calls.submit(
            "cancel ticket",
            lambda: desk.cancel(actor, visit_id, reason),
            cancelled,
            on_refused=refused,
        )

    # == appointments ==================================================================
    def open_appointment_dialog(self) -> None:
        """Book an appointment for the visitor in the form (Ctrl+B): the write thread saves
        them in the guest book first (what is typed is refused per field as for F9) and reads
        what to offer; then the dialog opens."""
        if self._writing():
            return
        form = self.form.form()
        issuing = _Issuing(self._form_round, self.form.visitor_id, self.form.loaded_form)
        actor, registration, clock = self.actor, self.registration, self.clock

        def write() -> _Booking:
            visitor = None
            if issuing.visitor_id is None:
                visitor = registration.register(actor, form)
            elif form != issuing.loaded_form:
                visitor = registration.update(actor, issuing.visitor_id, form)
            if visitor is not None:
                issuing.loaded_form = form_from_visitor(visitor)
                issuing.visitor_id, issuing.saved = visitor.id, True
            assert issuing.visitor_id is not None
            offer = reception.appointment_offer(actor.office_id, clock.now())
            return _Booking(issuing.visitor_id, offer)

        self.calls.submit(
            "save visitor for an appointment",
            write,
            lambda booking: self._show_appointment_dialog(issuing, booking),
            on_refused=lambda exc: self._issue_refused(issuing, exc),
            on_failed=lambda: self._keep_saved_visitor(issuing),
        )

    def _show_appointment_dialog(self, issuing: _Issuing, booking: _Booking) -> None:
        self._keep_saved_visitor(issuing)
        if issuing.form_round != self._form_round:
            return  # the form moved on to another visitor meanwhile
        self.form.show_errors({})
        if self.appointment_dialog is not None:
            self.appointment_dialog.close()
            self.appointment_dialog.deleteLater()
        self.appointment_dialog = AppointmentDialog(
            self.form.name.text().strip(),
            self.services,
            self.form.service_id(),
            booking.offer,
            self,
        )
        self.appointment_dialog.book_requested.connect(
            lambda when, service_id, note, visitor_id=booking.visitor_id: self._book(
                visitor_id, when, service_id, note
            )
        )
        self.appointment_dialog.finished.connect(lambda _r: self._back_from_dialog(self.search))
        self.appointment_dialog.open()
        self.appointment_dialog.when.setFocus()

    def _book(self, visitor_id: int, when: dt.datetime, service_id: int, note: str) -> None:
        """The dialog's "Book appointment", on the write thread; a refusal shows in the
        dialog, which stays open."""
        dialog = self.appointment_dialog
        if dialog is None or self._writing():
            return
        actor, desk = self.actor, self.desk

        def booked(appointment) -> None:
            dialog.accept()
            local = self.calendar_local(appointment.scheduled_at)
            self.new_visitor()
            self.show_notice(
                self.tr(
                    "Appointment booked for {when}. Check the visitor in when they arrive."
                ).format(when=format_moment(local)),
                "ok",
            )
            self.refresh()

        def refused(exc: ServiceError) -> None:
            fields = exc.fields if isinstance(exc, ValidationError) else {}
            dialog.show_errors(fields or {"": refusal_text(exc)})

        self.calls.submit(
            "book appointment",
            lambda: desk.book(
                actor,
                visitor_id=visitor_id,
                service_id=service_id,
                scheduled_at=when,
                note=note,
            ),
            booked,
            on_refused=refused,
        )

    def check_in_selected(self) -> None:
        """Issue the ticket of the selected appointment's visitor, who has arrived (Ctrl+K), on
        the write thread; a refusal goes to the message line."""
        if self._writing():
            return
        appointment_id = self.selected_appointment()
        if appointment_id is None:
            self.tabs.setCurrentIndex(1)
            # the status line sits on the queue tab: say it where the receptionist looks
            self.show_notice(self.tr("Select an appointment first."), "warning")
            return
        actor, desk = self.actor, self.desk
        self.calls.submit(
            "check in", lambda: desk.check_in(actor, appointment_id), self._checked_in
        )

    def _checked_in(self, ticket: IssuedTicket) -> None:
        self._ticket_done(ticket)
        self.status_line.setText(self.tr("Checked in: ticket {code}.").format(code=ticket.code))

    # == settings ======================================================================
    def open_printer_settings(self) -> None:
        if self.printer_dialog is not None:
            self.printer_dialog.close()
            self.printer_dialog.deleteLater()
        self.printer_dialog = PrinterSettingsDialog(self.settings, self.session.office.name, self)
        self.printer_dialog.finished.connect(lambda _r: self._back_from_dialog(self.search))
        self.printer_dialog.open()

    def _back_from_dialog(self, focus: QWidget) -> None:
        """A dialog closed: the keyboard belongs to this window again."""
        self.activateWindow()
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # == the connection ================================================================
    def _database_trouble(self, exc: Exception) -> None:
        """The database did not answer: say so, and reconnect on the next action."""
        self.show_notice(
            self.tr(
                "The database did not answer ({reason}). Nothing was lost; try again in a moment."
            ).format(reason=connection_reason(exc)),
            "error",
        )
        self.notice_text.setToolTip(first_line(exc))  # the driver's words, for the office IT
        self.report_connection_error(exc)

    def _connection_lost(self, reason: str) -> None:
        self.status_line.setText(
            self.tr("Live updates interrupted ({reason}); reconnecting…").format(
                reason=connection_reason(reason)
            )
        )
        self.status_line.setToolTip(reason)

    def _connection_restored(self) -> None:
        self.refresh()

    # == closing =======================================================================
    def shutdown(self) -> None:
        """Let a write under way end (its answer shown), stop the watcher and timers and wait
        for a running queue read (idempotent)."""
        self.calls.wait(30_000)
        self._tick_timer.stop()
        self._search_timer.stop()
        for reader in (self.search_reader, self.entry_reader, self.setup_reader):
            reader.cancel()
            reader.wait(5000)
        self.watcher.stop()
        self.queue_reader.wait(5000)
        self.output.wait(5000)

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
