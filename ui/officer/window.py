"""The service officer's workspace (SOP steps 5 and 6): the window that puts its panels together.

Under the held card (``held_card.HeldCard``: the ticket held, its service clock, the desk and
the moves) sit three tabs: **Serve** (``serve_tab.ServeTab``: the desk's queue, the search of
past answers and the consultation record, ``record_panel.RecordPanel``, saved as the officer
types), **Online consultations** (``online_tab.OnlineTab``: portal, e-mail, WhatsApp, phone,
letter, with the SOP clock) and **Visit history** (``history_tab.HistoryTab``: filter, open,
edit own records, export to XLSX), and **Follow-ups** (``follow_up_panel.FollowUpPanel``: the
office's follow-ups, live; take one, write what was done, close it; record a complaint). Each
panel shows what it is given and says what was pressed;
this window keeps the keys (F2 … F9, Ctrl+T, Ctrl+Z, Ctrl+F, Ctrl+U, Ctrl+S, F5), runs the
moves and wires the panels together.

The window asks services (``queue``, ``consultations``, ``online``, ``history``, ``workspace``) and
shows their answers; it never decides a rule itself. No modal dialog in any path the tests drive.

Never freeze: what the window shows of the queue (the held ticket, the desk's
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
import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QWidget

from models.database import database_proxy
from models.entities import Visit
from pst_desktop.core.errors import ValidationError, first_line
from pst_desktop.core.settings import StationSettings
from pst_desktop.db.changes import ChangeWatcher, SettingsFollower
from pst_desktop.db.startup import connection_reason
from pst_desktop.frontdesk import guest_book_lists, reception
from pst_desktop.officer import workspace
from pst_desktop.officer.consultations import ConsultationRecord, ConsultationService, DraftFile
from pst_desktop.officer.online import OnlineService
from pst_desktop.officer.workspace import DeskChoice, DeskSnapshot, HeldTicket
from pst_desktop.sop.finishing import check_record_complete
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.visits.desk_state import DeskStateService
from pst_desktop.visits.queue import UNDO_WINDOW, QueueService, Undo
from ui.accessibility import announce_error, name_controls
from ui.calls import CONNECTION_ERRORS, ServiceCalls
from ui.officer.desk_state_bar import DeskStateBar
from ui.officer.follow_up_panel import FollowUpPanel
from ui.officer.held_card import HeldCard, repolish
from ui.officer.history_tab import HistoryTab
from ui.officer.online_tab import OnlineTab
from ui.officer.record_panel import UNREAD, RecordPanel
from ui.officer.serve_tab import ServeTab
from ui.officer.transfer_dialog import TransferDialog
from ui.readers import BackgroundReader
from ui.role_window import RoleWindow
from ui.session import Session
from ui.style import OFFICER_SHEET, font_scale, scale_sheet
from ui.widgets import MessageBand, scrolling

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1000
TICK_MS = 1000
HOUSEKEEPING_MS = 30_000
#: what the window counts as a lost connection (``ui.calls``' one definition)
DB_ERRORS = CONNECTION_ERRORS

SERVE_TAB, ONLINE_TAB, HISTORY_TAB = range(3)
FOLLOW_UPS_TAB = 3


@dataclass(frozen=True)
class Moved:
    """The answer of an officer's move: the visit as the move left it (``None``: nothing moved,
    e.g. nobody waits) and what the officer holds after it, read with it on the write thread."""

    visit: Visit | None
    held: HeldTicket | None
    #: the record saved for ``held`` (read with it; ``None``: none saved yet)
    record: ConsultationRecord | None = None


def default_draft_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".pst-desktop") / "drafts"


class OfficerWindow(RoleWindow):
    """Emits ``rating_requested(visit_id)`` after a walk-in visit is finished (the core also
    publishes ``Event.RATING_REQUESTED`` for the visitor-facing screen).

    Its panels: ``held_card``, ``serve_tab`` (with ``record``, the consultation record),
    ``online_tab``, ``history_tab``.  The names the office day (``tools/office_day.py``), the fit
    test and the benches drive it by stay on the window: the held card's ``desk_combo``,
    ``held_code``, ``timer_label`` and move buttons, the record's ``form``."""

    rating_requested = Signal(int)
    held_changed = Signal()
    refreshed = Signal()  # the held ticket, queue and online list read by ``refresh`` are shown
    desk_changed = Signal()  # the officer chose another desk (or the admin closed theirs)

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
        # the held ticket, the desk's queue and the online list: one read, the newest shown
        self.snapshot_reader = BackgroundReader(self._db, self, skip_superseded=True)
        self.housekeeping_runner = BackgroundReader(self._db, self, skip_superseded=True)
        # the officer's moves: one at a time, in order, on their own thread
        self.calls = ServiceCalls(
            self._db, self._refused, self._database_trouble, self, connection_errors=DB_ERRORS
        )
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._housekeeping = QTimer(self)
        self._housekeeping.setInterval(housekeeping_ms)
        if watcher is None:
            watcher = ChangeWatcher(self._db, self, poll_ms=poll_ms or 1000)
        self.watcher = watcher
        self._closed = False
        self.setStyleSheet(scale_sheet(OFFICER_SHEET, font_scale(), pixels=False))  # text size
        self._build(autosave_ms)
        self._build_shortcuts()
        self._connect_signals()
        self._restore_desk()
        self._show_held()  # the idle card and record until the first read arrives
        self.record.restore_local_drafts()
        self.watcher.start()
        self._tick.start()
        self._housekeeping.start()
        self.refresh()
        self.refresh_history()
        self.follow_up_panel.start()
        self._name_controls()

    def _name_controls(self) -> None:
        """What a screen reader says for the controls that show no name of their own; the
        rest are named by the text they show."""
        serve, online, history = self.serve_tab, self.online_tab, self.history_tab
        for widget, name in (
            (self.desk_combo, self.tr("Your desk")),
            (serve.queue_table, self.tr("Waiting tickets")),
            (serve.search_edit, self.tr("Search past answers")),
            (serve.hits, self.tr("Past answers found")),
            (online.table, self.tr("Online consultations")),
            (online.channel, self.tr("Channel of the new online consultation")),
            (history.date_from, self.tr("History from")),
            (history.date_to, self.tr("History to")),
            (history.officer, self.tr("Officer")),
            (history.service, self.tr("Service")),
            (history.channel, self.tr("Channel")),
            (history.need, self.tr("Need met")),
            (history.words, self.tr("Words in topic, question or answer")),
            (history.table, self.tr("Visit history")),
        ):
            widget.setAccessibleName(name)
        name_controls(self)

    # == building ================================================================================
    def _build(self, autosave_ms: int) -> None:
        # the layout's own minimum, not the role windows' 960×600: a 1366×768 laptop at 125 %
        # leaves 1093×614 logical pixels, a taskbar some 40 of them
        self.setMinimumSize(0, 0)
        self.banner.layout().setContentsMargins(24, 8, 24, 8)
        self.body.setContentsMargins(14, 10, 14, 8)
        self.body.setSpacing(8)
        self.held_card = HeldCard()
        self.held_card.fill_desks(self.desks)
        self.body.addWidget(self.held_card)
        # the desk's state (open, on a break, closed) and its three moves
        self.desk_state_bar = DeskStateBar(self.zone, self.clock.now)
        self.body.addWidget(self.desk_state_bar)
        self.notice = MessageBand()  # keeps its place: a message never moves the fields
        self.notice.setObjectName("notice")
        self.notice.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.notice.setOpenExternalLinks(False)
        self.notice.hide()
        self.body.addWidget(self.notice)
        self.record = RecordPanel(
            self.lists,
            self.language,
            clock=self.clock,
            zone=self.zone,
            actor=self.actor,
            consultations=self.consultations,
            drafts=self.drafts,
            autosave_ms=autosave_ms,
            busy=lambda: self.calls.busy,
        )
        self.serve_tab = ServeTab(
            self.record,
            clock=self.clock,
            office_id=self.actor.office_id,
            zone=self.zone,
            db=self._db,
        )
        self.online_tab = OnlineTab(self.channel_labels, self.zone)
        self.history_tab = HistoryTab(
            actor=self.actor,
            clock=self.clock,
            zone=self.zone,
            db=self._db,
            consultations=self.consultations,
            services=self.services,
            lists=self.lists,
            language=self.language,
            channel_labels=self.channel_labels,
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(self.serve_tab), self.tr("Serve"))
        self.tabs.addTab(scrolling(self.online_tab), self.tr("Online consultations"))
        self.tabs.addTab(scrolling(self.history_tab), self.tr("Visit history"))
        self.follow_up_panel = FollowUpPanel(
            actor=self.actor,
            clock=self.clock,
            zone=self.zone,
            db=self._db,
            calls=self.calls,
            language=self.language,
        )
        self.tabs.addTab(scrolling(self.follow_up_panel), self.tr("Follow-ups"))
        self.body.addWidget(self.tabs, 1)
        self.status_line = QLabel()
        self.status_line.setObjectName("statusLine")
        self.status_line.setWordWrap(True)
        self._show_status("–:––:––")  # its place is taken before the first read arrives
        self.body.addWidget(self.status_line)
        # the names the office day, the fit test and the benches drive the window by
        card = self.held_card
        self.desk_combo, self.held_code, self.timer_label = (
            card.desk_combo,
            card.held_code,
            card.timer_label,
        )
        self.call_button, self.recall_button, self.start_button = (
            card.call_button,
            card.recall_button,
            card.start_button,
        )
        self.skip_button, self.return_button = card.skip_button, card.return_button
        self.finish_button, self.transfer_button = card.finish_button, card.transfer_button
        self.form = self.record.form

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
            "hand_on": shortcut("Shift+F8", self.hand_on),
            "call_selected": shortcut(Qt.Key.Key_F9, self.call_selected),
            "transfer": shortcut("Ctrl+T", self.transfer),
            "undo": shortcut("Ctrl+Z", self.undo_last),
            "search": shortcut("Ctrl+F", self.focus_search),
            "use_answer": shortcut("Ctrl+U", self.use_selected_answer),
            "save_history": shortcut("Ctrl+S", self.save_history_record),
            "refresh": shortcut(Qt.Key.Key_F5, self.refresh),
        }

    def _connect_signals(self) -> None:
        card = self.held_card
        card.desk_chosen.connect(self._desk_chosen)
        card.call_asked.connect(self.call_next)
        card.recall_asked.connect(self.recall)
        card.start_asked.connect(self.start)
        card.skip_asked.connect(self.skip)
        card.return_asked.connect(self.return_to_queue)
        card.finish_asked.connect(self.finish)
        card.transfer_asked.connect(self.transfer)
        card.hand_on_asked.connect(self.hand_on)
        self.desk_state_bar.state_asked.connect(self.set_desk_state)
        self.notice.linkActivated.connect(lambda _link: self.undo_last())
        self._undo_timer.timeout.connect(self._forget_undo)
        self.calls.busy_changed.connect(lambda _busy: self._enable_moves())
        # the serve tab and its record
        self.serve_tab.call_selected_asked.connect(self.call_selected)
        self.serve_tab.answer_asked.connect(self.use_selected_answer)
        self.serve_tab.read_failed.connect(self._read_failed)
        self.record.refused.connect(lambda text: self.show_notice(text, "error"))
        self.record.drafts_restored.connect(self._drafts_restored)
        # the snapshot, housekeeping, the connection
        self.snapshot_reader.finished.connect(self._show_snapshot)
        self.snapshot_reader.failed.connect(self._read_failed)
        self.housekeeping_runner.finished.connect(self._housekeeping_done)
        self.housekeeping_runner.failed.connect(self._housekeeping_failed)
        self._tick.timeout.connect(self._on_tick)
        self._housekeeping.timeout.connect(self.run_housekeeping)
        self.settings_follower.listen(self.watcher)  # before refresh: new desks, then the queue
        self.settings_follower.settings_changed.connect(self.reload_settings)
        self.watcher.changed.connect(self.refresh)
        self.watch_connection(self.watcher)  # the calm connection banner (ui.role_window)
        self.watcher.connection_lost.connect(self._connection_lost)
        self.watcher.connection_restored.connect(self._connection_restored)
        # online
        online = self.online_tab
        online.record_asked.connect(self.record_online)
        online.answer_asked.connect(self.answer_online)
        online.wait_asked.connect(lambda: self._online_move("wait_for_user"))
        online.replied_asked.connect(lambda: self._online_move("user_replied"))
        online.close_asked.connect(lambda: self._online_move("close"))
        online.show_closed_toggled.connect(lambda _on: self.refresh())
        # history: records finished since the last read (here or at another desk) show when
        # the tab does
        self.tabs.currentChanged.connect(self._history_tab_shown)
        self.history_tab.save_asked.connect(self.save_history_record)
        self.history_tab.message.connect(self.show_notice)
        self.history_tab.read_failed.connect(self._read_failed)
        # follow-ups: live on every change from any station (and every minute)
        self.watcher.changed.connect(self.follow_up_panel.refresh)
        self.follow_up_panel.connection_trouble.connect(self._database_trouble)
        self.follow_up_panel.counts_changed.connect(self._show_follow_up_counts)

    # == desk ====================================================================================
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
            self.desks, self.services = desks, services
            if self.held_card.fill_desks(desks, self.held_card.desk_id):
                return  # the admin closed this desk: chosen again (and read) through its signal
        self.refresh()

    @property
    def desk(self) -> DeskChoice | None:
        desk_id = self.held_card.desk_id
        return next((d for d in self.desks if d.desk_id == desk_id), None)

    def _restore_desk(self) -> None:
        self.held_card.choose_desk(self.settings.desk_id)

    def _desk_chosen(self) -> None:
        desk = self.desk
        self.settings.desk_id = desk.desk_id if desk else None
        self.refresh()
        self.desk_changed.emit()

    def choose_desk(self, desk_id: int) -> None:
        self.held_card.choose_desk(desk_id)

    # == notices =================================================================================
    def show_notice(self, text: str, kind: str = "warning") -> None:
        self._undo_timer.stop()
        self.pending_undo = None
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setText(text)
        self.notice.setToolTip("")
        self.notice.setProperty("kind", kind)
        repolish(self.notice)
        self.notice.show()

    def hide_notice(self) -> None:
        self._undo_timer.stop()
        self.pending_undo = None
        self.notice.hide()
        self.notice.setText("")

    def _refused(self, text: str) -> None:
        """A service refused a move: its words in the message line."""
        self.show_notice(text, "error")

    def _drafts_restored(self, count: int) -> None:
        self.show_notice(
            self.tr(
                "Restored %n draft(s) saved on this PC while the database was down.", "", count
            ),
            "ok",
        )

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
        row = self.serve_tab.selected_ticket()
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
        minutes and F7 still puts it back in the queue."""
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
        the officer chose and confirmed."""
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
        repolish(self.notice)
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
        self.record.stop_autosave()
        queue, consultations, actor = self.queue, self.consultations, self.actor

        def finished(_visit: Visit) -> None:
            self._set_held(None)  # released: F2 calls the next one at once
            self.record.finished(visit_id)
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

    def hand_on(self) -> None:
        """This service of the visit is done: the visit goes on to its next service, keeping
        its place there (the record typed so far stays its draft for the next desk)."""
        if self._moving():
            return
        if self.held is None or not self.held.next_service:
            self.show_notice(self.tr("The ticket you hold has no next service."), "error")
            return
        visit_id, code, service = self.held.visit_id, self.held.code, self.held.next_service
        record = self.form.record()
        self.record.stop_autosave()
        queue, consultations, actor = self.queue, self.consultations, self.actor

        def handed(_visit: Visit) -> None:
            self._set_held(None)  # released: F2 calls the next one at once
            self.record.finished(visit_id)
            self.show_notice(
                self.tr("{code} goes on to {service}, keeping its place in the queue.").format(
                    code=code, service=service
                ),
                "ok",
            )
            self.call_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.refresh()

        self._write(
            "hand_on",
            lambda: workspace.hand_on(queue, consultations, actor, visit_id, record),
            handed,
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

    # == the record and past answers =============================================================
    def save_draft_now(self) -> str | None:
        """Save the form of the held ticket: in the database, or on this PC when it is down."""
        return self.record.save_now()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(SERVE_TAB)
        self.serve_tab.focus_search()

    def use_selected_answer(self) -> None:
        hit = self.serve_tab.selected_hit()
        if hit is None:
            return
        if self.held is None:
            self.show_notice(self.tr("Call a ticket first; the answer goes into its record."))
            return
        current = self.form.answer.toPlainText().rstrip()
        self.form.answer.setPlainText(f"{current}\n\n{hit.answer}" if current else hit.answer)
        self.form.answer.setFocus()

    def _read_failed(self, exc: Exception) -> None:
        if isinstance(exc, DB_ERRORS):
            self._database_trouble(exc)
        else:
            self.show_notice(str(exc) or type(exc).__name__, "error")

    # == refreshing ==============================================================================
    def refresh(self) -> None:
        """Read the held ticket, the desk's queue and the online list again on the worker
        thread (F5, every change from any station, after every action); ``refreshed`` once
        they are shown. An answer asked for before a newer one is never shown."""
        if self._closed:
            return
        clock, actor, desk = self.clock, self.actor, self.desk
        include_closed = self.online_tab.include_closed()
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
        self.desk_state_bar.show_state(snapshot.desk_state, free=not self.calls.busy)
        self.serve_tab.show_queue(snapshot.queue, desk)
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

    def _set_held(self, held: HeldTicket | None, record: object = UNREAD) -> None:
        """Show ``held`` as the ticket the officer holds (its record when it is another:
        ``record`` when the caller read it already)."""
        previous = self.held.visit_id if self.held else None
        self.held = held
        self.record.hold(held, record)
        if (held.visit_id if held else None) != previous:
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
        free = not self.calls.busy  # a move under way: its buttons wait for its answer
        desk_chosen = self.desk is not None
        self.held_card.enable_moves(
            self.held,
            free=free,
            desk_chosen=desk_chosen,
            no_show_to_return=self.last_no_show is not None,
        )
        self.serve_tab.enable_calls(free and self.held is None and desk_chosen)
        self.desk_state_bar.enable(free)
        self._give_call_next_the_keyboard()

    def _show_held(self) -> None:
        self._enable_moves()
        self.held_card.show_held(self.held, desk_chosen=self.desk is not None)
        self._show_timer()

    def _show_timer(self) -> None:
        now = self.clock.now()
        self.held_card.show_clock(workspace.service_clock(self.held, now) if self.held else None)

    def _on_tick(self) -> None:
        self._show_timer()
        self.serve_tab.tick()
        self.history_tab.follow_day()

    def run_housekeeping(self) -> None:
        """End rating waits, close earlier days' tickets and silent online consultations, on
        the worker thread (guarded updates: any station may run them; a failure waits for the
        next round); close desks nobody attends and say this window is at its desk."""
        if self._closed:
            return
        clock, office_id, actor, desk = self.clock, self.actor.office_id, self.actor, self.desk
        desk_id = desk.desk_id if desk else None
        # with the desk, also this window's sign of life there (a desk nobody attends closes)
        self.housekeeping_runner.submit(
            lambda: workspace.housekeeping(clock, office_id, actor, desk_id)
        )

    def _housekeeping_done(self, answer: tuple[int, list[int]]) -> None:
        expired, closed = answer
        if expired or closed:
            self.refresh()

    @staticmethod
    def _housekeeping_failed(exc: Exception) -> None:
        log.warning("housekeeping failed, tried again next round: %s", first_line(exc))

    # == the desk's state ========================================================================
    def set_desk_state(self, state: str, reason: str = "", expected_back: object = None) -> None:
        """Open the desk, put it on a break (reason, expected return) or close it; the
        service's refusal (a ticket still held, another officer at the desk…) goes to the
        message line."""
        desk = self.desk
        if desk is None or self._moving():
            return
        actor, desk_id = self.actor, desk.desk_id
        service = DeskStateService(self.clock)

        def write():
            return service.set_state(
                actor, desk_id, state, reason=reason, expected_back=expected_back
            )

        def done(status) -> None:
            self.desk_state_bar.show_state(status, free=not self.calls.busy)
            self.refresh()

        self._write("set desk state", write, done, on_failed=self.refresh)

    # == online ==================================================================================
    def _show_online(self, rows) -> None:
        overdue = self.online_tab.show_rows(rows)
        label = self.tr("Online consultations")
        self.tabs.setTabText(ONLINE_TAB, f"{label} ({overdue}!)" if overdue else label)

    def selected_online(self):
        return self.online_tab.selected()

    def select_online(self, visit_id: int) -> bool:
        return self.online_tab.select(visit_id)

    def record_online(self) -> None:
        """Record a new online consultation (on the write thread); selected once listed."""
        if self._moving():
            return
        online, actor = self.online, self.actor
        channel, contact, topic, question = self.online_tab.new_consultation()

        def recorded(visit: Visit) -> None:
            self.online_tab.recorded(visit.id)  # selected once the list holding it is shown
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
        text = self.online_tab.answer.toPlainText()

        def read_again() -> None:
            self.refresh()
            self.refresh_history()

        def answered(_visit: Visit) -> None:
            self.online_tab.answer.clear()
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
    def _history_tab_shown(self, index: int) -> None:
        if index == HISTORY_TAB:
            self.refresh_history()

    def refresh_history(self) -> None:
        """Read the history list for the current filters on the worker thread."""
        self.history_tab.refresh()

    def save_history_record(self) -> bool:
        """Save the opened record (on the write thread); False when there is nothing to save."""
        if not self.history_tab.can_save():
            return False
        if self._moving():
            return False
        consultations, actor = self.consultations, self.actor
        visit_id, record = self.history_tab.open_visit, self.history_tab.form.record()

        def saved(_value: object) -> None:
            self.show_notice(self.tr("Changes saved."), "ok")
            self.refresh_history()

        self._write("history_save", lambda: consultations.save(actor, visit_id, record), saved)
        return True

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
        self.record.restore_local_drafts()
        self.refresh()
        self.follow_up_panel.refresh()

    def _show_follow_up_counts(self, _open: int, overdue: int) -> None:
        label = self.tr("Follow-ups")
        self.tabs.setTabText(FOLLOW_UPS_TAB, f"{label} ({overdue}!)" if overdue else label)

    def shutdown(self) -> None:
        """Let a move under way end (its answer shown), save the draft, stop the watcher and
        timers (idempotent)."""
        if self._closed:
            return
        self.calls.wait(30_000)
        self.save_draft_now()
        self._closed = True
        for timer in (self._tick, self._housekeeping):
            timer.stop()
        self.record.stop_autosave()
        self.serve_tab.stop()
        self.history_tab.stop()
        self.follow_up_panel.stop()
        for reader in (self.snapshot_reader, self.housekeeping_runner):
            reader.cancel()
            reader.wait(30_000)
        self.watcher.stop()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
