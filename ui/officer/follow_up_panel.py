"""Follow-ups (tindak lanjut), live: the office's list with its deadlines in working days, and
the one selected taken, written and closed.  The officer's "Follow-ups" tab and the supervisor's
are this panel.

- The list is read on the panel's reader thread (``ui.readers.BackgroundReader``) on every
  change any station makes (the window's ``ChangeWatcher`` calls ``refresh``) and every minute;
  only the newest answer shows.  Before it reads, at most once a minute, the same job opens the
  follow-ups recent visits call for (``FollowUpService.open_due``: a low rating, a comment, a
  need not met; idempotent, whichever station runs it first), since the visitor screens may not.
- Shown: open (taken or not), overdue, closed in the last 30 days, or all; overdue rows in the
  alert colour, those due today in the warning colour; the counts above the list.
- Take, write what was done, close: the window's writes (``ui.calls.ServiceCalls``), one
  at a time off the GUI thread.  Closing needs what was done: the service refuses without it,
  and the refusal shows under the note.  Another refusal (another officer took it) shows in the
  panel's message line; a lost connection there and in the window's connection band.
- "Record complaint…" opens ``ComplaintDialog``.

The rows (``FollowUpRow``) hold no visitor's name, phone or e-mail.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import peewee as pw
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.entities import FollowUpSource
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import DatabaseBusy, ServiceError, ValidationError, first_line
from pst_desktop.db.startup import connection_reason
from pst_desktop.frontdesk import guest_book_lists
from pst_desktop.officer.follow_ups import (
    FollowUpRow,
    FollowUpService,
    FollowUpState,
    follow_ups,
)
from pst_desktop.sop.permissions import Actor
from pst_desktop.visitor.instruments import IKM_ELEMENTS
from ui import style
from ui.calls import ServiceCalls, refusal_text
from ui.officer.complaint_dialog import ComplaintDialog
from ui.readers import BackgroundReader
from ui.style import ADMIN_SHEET, font_scale, scale_sheet
from ui.tables import Column, RowsModel, table_view
from ui.widgets import (
    ChoiceBox,
    MessageBand,
    VerticalScrollArea,
    field_error,
    field_label,
    set_field_error,
)

log = logging.getLogger(__name__)

# the list reads again (and opens what is due) at least this often
REFRESH_MS = 60_000
# ``open_due`` runs at most once in this many seconds on this station
OPEN_DUE_EVERY_S = 60.0
# closed follow-ups listed: those closed in the last days
CLOSED_DAYS = 30

SHOW_OPEN, SHOW_OVERDUE, SHOW_CLOSED, SHOW_ALL = "open", "overdue", "closed", "all"


class _FixedHeights(QWidget):
    """The panel's body: its height is what it is given (at least its minimum), not what its
    wrapped lines would like at its width; in the officer's scrolling tab the note and the
    buttons stay in view instead of the panel growing to its preferred height."""

    def hasHeightForWidth(self) -> bool:
        return False


@dataclass(frozen=True)
class FollowUpsRead:
    """One read of the list: the rows, and the "need met" labels to show them with."""

    rows: list[FollowUpRow]
    need_labels: dict[str, tuple[str, str]]  # code -> (Indonesian, English)


class FollowUpPanel(QWidget):
    """``counts_changed(open, overdue)`` after each read (the window's tab title);
    ``loaded`` once a read is shown; ``connection_trouble(exc)`` when the database did not
    answer (the window's band)."""

    counts_changed = Signal(int, int)
    loaded = Signal()
    connection_trouble = Signal(object)

    def __init__(
        self,
        *,
        actor: Actor,
        clock: Clock,
        zone: dt.tzinfo,
        db: pw.Database,
        calls: ServiceCalls,
        language: str,
        refresh_ms: int = REFRESH_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("followUpPanel")
        self.actor, self.clock, self.zone, self.calls = actor, clock, zone, calls
        self.language = language
        self.service = FollowUpService(clock)
        self.need_labels: dict[str, tuple[str, str]] = {}
        # the follow-up whose details and note show (kept across reads)
        self.shown_id: int | None = None
        self.complaint_dialog: ComplaintDialog | None = None
        self._last_open_due = -OPEN_DUE_EVERY_S
        self._stopped = False
        self.setStyleSheet(scale_sheet(ADMIN_SHEET, font_scale(), pixels=False))
        self.reader = BackgroundReader(db, self, skip_superseded=True)
        self.timer = QTimer(self)
        self.timer.setInterval(refresh_ms)
        self._build()
        self._connect_signals()
        self._show_details(None)

    # == building ================================================================================
    def _build(self) -> None:
        self.show_choice = ChoiceBox()
        for text, value in (
            (self.tr("Open"), SHOW_OPEN),
            (self.tr("Overdue"), SHOW_OVERDUE),
            (self.tr("Closed (last 30 days)"), SHOW_CLOSED),
            (self.tr("All"), SHOW_ALL),
        ):
            self.show_choice.addItem(text, value)
        self.counts = QLabel()
        self.counts.setObjectName("cardHint")
        self.counts.setWordWrap(True)  # (a narrow window: two lines rather than cut)
        self.complaint_button = QPushButton(self.tr("Record &complaint…"))
        self.tools = QHBoxLayout()
        self.tools.addWidget(field_label(self.tr("&Show"), self.show_choice))
        self.tools.addWidget(self.show_choice)
        self.tools.addWidget(self.counts, 1)
        self.tools.addWidget(self.complaint_button)
        self.model: RowsModel[FollowUpRow] = RowsModel(
            [
                Column(self.tr("Due"), self.due_text, 92, centre=True),
                Column(self.tr("Working days"), self.left_text, 188, bold=True),
                Column(self.tr("Cause"), self.source_text, 128),
                Column(self.tr("IKM element"), self.element_text, 0),
                Column(self.tr("Ticket"), lambda r: r.ticket or "–", 64, centre=True),
                Column(self.tr("Taken by"), self.taker_text, 130),
            ],
            background=self._background,
            foreground=self._foreground,
            tooltip=lambda r: r.said or None,
            key=lambda r: r.id,
            shown=self._shown_filter(SHOW_OPEN),
            parent=self,
        )
        self.table = table_view(self.model, "followUpTable")
        self.table.setAccessibleName(self.tr("Follow-ups"))
        self.table.setMinimumHeight(150)
        self.message = MessageBand(1)
        self.message.setObjectName("tabMessage")
        self.message.hide()
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.table, 3)
        row.addWidget(self._detail_card(), 2)
        body = _FixedHeights()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(self.tools)
        layout.addWidget(self.message)
        layout.addLayout(row, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(body)

    def _detail_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        card.setMaximumWidth(480)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.said = QLabel()
        self.said.setObjectName("cardHint")
        self.said.setWordWrap(True)
        self.said.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What was done: a call, an answer sent, a fix"))
        self.note.setMinimumHeight(48)
        self.note.setMaximumHeight(160)
        self.note_error = field_error()
        self.take_button = QPushButton(self.tr("&Take"))
        self.take_button.setToolTip(self.tr("Take this follow-up on: it is yours to close"))
        self.save_note_button = QPushButton(self.tr("Save &note"))
        self.close_button = QPushButton(self.tr("C&lose follow-up"))
        self.close_button.setObjectName("primaryButton")
        self.close_button.setToolTip(self.tr("Close it with what was done (required)"))
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.save_note_button)
        buttons.addWidget(self.close_button, 1)
        # the facts scroll when the window is short: the note and its buttons stay in view
        facts = QWidget()
        facts_layout = QVBoxLayout(facts)
        facts_layout.setContentsMargins(0, 0, 0, 0)
        facts_layout.setSpacing(4)
        facts_layout.addWidget(self.title)
        facts_layout.addWidget(self.details)
        facts_layout.addWidget(self.said)
        facts_layout.addStretch(1)
        self.facts = VerticalScrollArea(facts)
        self.facts.setMinimumHeight(60)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(14, 10, 14, 10)
        inner.setSpacing(6)
        inner.addWidget(self.facts, 2)
        inner.addWidget(field_label(self.tr("&What was done"), self.note))
        inner.addWidget(self.note, 1)
        inner.addWidget(self.note_error)
        inner.addLayout(buttons)
        return card

    def add_tool(self, button: QPushButton) -> None:
        """A window's own button beside "Record complaint…" (the supervisor's paper entry)."""
        self.tools.addWidget(button)

    def _connect_signals(self) -> None:
        self.reader.finished.connect(self._show_read)
        self.reader.failed.connect(self._read_failed)
        self.timer.timeout.connect(self.refresh)
        self.show_choice.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.take_button.clicked.connect(self.take)
        self.save_note_button.clicked.connect(self.save_note)
        self.close_button.clicked.connect(self.close_selected)
        self.complaint_button.clicked.connect(self.record_complaint)

    def start(self) -> None:
        """The first read (opening what is due) and the minute timer."""
        self.timer.start()
        self.refresh()

    def stop(self) -> None:
        """No more reads (the window is closing)."""
        self._stopped = True
        self.timer.stop()
        self.reader.cancel()
        self.reader.wait(30_000)

    # == texts ===================================================================================
    def _local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(self.zone)

    def due_text(self, row: FollowUpRow) -> str:
        return f"{self._local(row.due_at):%d/%m %H:%M}"

    def left_text(self, row: FollowUpRow) -> str:
        """The working days left, as the service counted them."""
        if row.state is FollowUpState.CLOSED:
            if row.closed_in_time:
                return self.tr("closed in time")
            return self.tr("closed late")
        if row.overdue:
            if row.days_left == -1:
                return self.tr("1 working day late")
            if row.days_left < 0:
                return self.tr("{n} working days late").format(n=-row.days_left)
            return self.tr("overdue today")
        if row.days_left == 0:
            return self.tr("due today")
        if row.days_left == 1:
            return self.tr("1 working day left")
        return self.tr("{n} working days left").format(n=row.days_left)

    def source_text(self, row: FollowUpRow) -> str:
        return {
            FollowUpSource.LOW_RATING: self.tr("Low rating"),
            FollowUpSource.COMMENT: self.tr("Comment"),
            FollowUpSource.NEED_NOT_MET: self.tr("Need not met"),
            FollowUpSource.COMPLAINT: self.tr("Complaint"),
        }.get(row.source, str(row.source))

    def element_text(self, row: FollowUpRow) -> str:
        element = next((e for e in IKM_ELEMENTS if e.code == row.element), None)
        if element is None:
            return self.tr("not classed")
        return f"{element.code} · {element.name(self.language)}"

    def taker_text(self, row: FollowUpRow) -> str:
        if row.taken_by_id is None:
            return self.tr("nobody yet")
        if row.taken_by_id == self.actor.user_id:
            return self.tr("you")
        return row.taken_by

    def state_text(self, row: FollowUpRow) -> str:
        return {
            FollowUpState.OPEN: self.tr("open, nobody took it"),
            FollowUpState.TAKEN: self.tr("taken"),
            FollowUpState.CLOSED: self.tr("closed"),
        }[row.state]

    @staticmethod
    def _background(row: FollowUpRow) -> str | None:
        if row.overdue:
            return style.ALERT_BACKGROUND
        if row.due_today:
            return style.WARNING_BACKGROUND
        return None

    @staticmethod
    def _foreground(row: FollowUpRow) -> str | None:
        if row.state is FollowUpState.CLOSED:
            return style.FAINT
        return style.ALERT if row.overdue else style.TEXT

    def _shown_filter(self, choice: str) -> Callable[[FollowUpRow], bool] | None:
        return {
            SHOW_OPEN: lambda r: r.state is not FollowUpState.CLOSED,
            SHOW_OVERDUE: lambda r: r.overdue,
            SHOW_CLOSED: lambda r: r.state is FollowUpState.CLOSED,
            SHOW_ALL: None,
        }[choice]

    # == reading =================================================================================
    def refresh(self) -> None:
        """Read the list again on the reader thread (opening what is due, at most once a
        minute); the newest answer shows."""
        if self._stopped:
            return
        office_id, clock, service = self.actor.office_id, self.clock, self.service
        opens = time.monotonic() - self._last_open_due >= OPEN_DUE_EVERY_S
        if opens:
            self._last_open_due = time.monotonic()
        labels_known = bool(self.need_labels)

        def read() -> FollowUpsRead:
            if opens:
                try:
                    service.open_due(office_id)
                except DatabaseBusy as exc:  # another PC writes: the next round opens them
                    log.info("opening follow-ups waits for the next round: %s", first_line(exc))
            now = clock.now()
            rows = follow_ups(office_id, now, closed_since=now - dt.timedelta(days=CLOSED_DAYS))
            labels = (
                {}
                if labels_known
                else {
                    o.code: (o.label_id, o.label_en)
                    for o in guest_book_lists.options("need_met", include_inactive=True)
                }
            )
            return FollowUpsRead(rows, labels)

        self.reader.submit(read)

    def _show_read(self, read: FollowUpsRead) -> None:
        if self._stopped:
            return
        if read.need_labels:
            self.need_labels = read.need_labels
        self.model.set_rows(read.rows)
        open_rows = [r for r in read.rows if r.state is not FollowUpState.CLOSED]
        overdue = sum(r.overdue for r in open_rows)
        due_today = sum(r.due_today for r in open_rows)
        closed = len(read.rows) - len(open_rows)
        self.counts.setText(
            self.tr("{open} open · {overdue} overdue · {today} due today · {closed} closed").format(
                open=len(open_rows), overdue=overdue, today=due_today, closed=closed
            )
        )
        self._reselect()
        self.counts_changed.emit(len(open_rows), overdue)
        self.loaded.emit()

    def _read_failed(self, exc: Exception) -> None:
        self.calls.read_failed(
            "follow-ups", exc, on_refused=self._refused_elsewhere, on_lost=self._lost_reading
        )

    def _lost_reading(self, exc: Exception) -> None:
        self._say(
            self.tr("The database did not answer ({reason}); the list is not up to date.").format(
                reason=connection_reason(exc)
            ),
            "error",
        )
        self.message.setToolTip(first_line(exc))
        self.connection_trouble.emit(exc)

    # == the list and the one selected ===========================================================
    def _filter_changed(self, _index: int) -> None:
        self.model.set_shown(self._shown_filter(str(self.show_choice.currentData())))
        self._reselect()

    def show_only(self, choice: str) -> None:
        """Show the open, overdue, closed or all follow-ups (``SHOW_*``)."""
        self.show_choice.setCurrentIndex(self.show_choice.findData(choice))

    def selected(self) -> FollowUpRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, follow_up_id: int) -> bool:
        row = self.model.row_of(follow_up_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def _reselect(self) -> None:
        """After a read or a filter: the follow-up shown before stays selected while listed."""
        if self.shown_id is not None and self.select(self.shown_id):
            self._show_details(self.selected(), keep_note=True)
            return
        self.table.clearSelection()
        self._show_details(None)

    def _selection_changed(self, *_args) -> None:
        row = self.selected()
        same = row is not None and row.id == self.shown_id
        self._show_details(row, keep_note=same)

    def _show_details(self, row: FollowUpRow | None, keep_note: bool = False) -> None:
        """The selected follow-up's facts and note; the note being typed is kept while the
        same follow-up stays selected."""
        self.shown_id = row.id if row is not None else None
        if not keep_note:
            set_field_error(self.note, self.note_error, "")
            self.note.setPlainText(row.action_note if row is not None else "")
        if row is None:
            self.title.setText(self.tr("Select a follow-up in the list"))
            self.details.setText(
                self.tr(
                    "A low rating, a comment, a need not met or a complaint opens one. Take "
                    "it, write what was done, and close it before it is due."
                )
            )
            self.said.clear()
            self.said.hide()
        else:
            ticket = row.ticket or self.tr("no visit")
            self.title.setText(f"{ticket} · {self.source_text(row)}")
            self.details.setText("\n".join(self._facts(row)))
            self.said.setText(self.tr("Said: “{words}”").format(words=row.said))
            self.said.setVisible(bool(row.said))
        can_act = row is not None and row.state is not FollowUpState.CLOSED
        self.take_button.setEnabled(can_act and row.taken_by_id != self.actor.user_id)
        self.save_note_button.setEnabled(can_act)
        self.close_button.setEnabled(can_act)
        self.note.setReadOnly(not can_act)

    def _facts(self, row: FollowUpRow) -> list[str]:
        due = f"{self._local(row.due_at):%d/%m/%Y %H:%M}"
        facts = [
            self.tr("Due {due} ({left})").format(due=due, left=self.left_text(row)),
            self.tr("Opened {opened} · {state}").format(
                opened=f"{self._local(row.opened_at):%d/%m/%Y %H:%M}", state=self.state_text(row)
            ),
            self.tr("IKM element: {element}").format(element=self.element_text(row)),
        ]
        if row.service_name or row.visit_officer:
            facts.append(
                self.tr("{service}, served by {officer}").format(
                    service=row.service_name or "–", officer=row.visit_officer or "–"
                )
            )
        if row.rating:
            facts.append(self.tr("Rating: {rating}").format(rating=row.rating))
        if row.need_met:
            labels = self.need_labels.get(row.need_met)
            need = (labels[1] if self.language == "en" else labels[0]) if labels else row.need_met
            facts.append(self.tr("Need met: {need}").format(need=need))
        if row.taken_by_id is not None:
            facts.append(self.tr("Taken by {name}").format(name=self.taker_text(row)))
        if row.closed_at is not None:
            facts.append(
                self.tr("Closed {closed} by {name}").format(
                    closed=f"{self._local(row.closed_at):%d/%m/%Y %H:%M}", name=row.closed_by
                )
            )
        return facts

    # == writing =================================================================================
    def take(self) -> None:
        row = self._chosen()
        if row is None:
            return
        service, actor, follow_up_id = self.service, self.actor, row.id
        self._write(
            "take follow-up",
            lambda: service.take(actor, follow_up_id),
            self.tr("{ticket}: the follow-up is yours.").format(ticket=row.ticket or "–"),
        )

    def save_note(self) -> None:
        row = self._chosen()
        if row is None:
            return
        service, actor, follow_up_id, note = self.service, self.actor, row.id, self._note()
        self._write(
            "write follow-up",
            lambda: service.write_action(actor, follow_up_id, note),
            self.tr("What was done is saved."),
        )

    def close_selected(self) -> None:
        row = self._chosen()
        if row is None:
            return
        service, actor, follow_up_id, note = self.service, self.actor, row.id, self._note()
        self._write(
            "close follow-up",
            lambda: service.close(actor, follow_up_id, note),
            self.tr("{ticket}: the follow-up is closed.").format(ticket=row.ticket or "–"),
        )

    def _note(self) -> str:
        return self.note.toPlainText()

    def _chosen(self) -> FollowUpRow | None:
        if self.calls.busy:
            return None  # a second press while the first is written
        row = self.selected()
        if row is None:
            self._say(self.tr("Select a follow-up in the list first."), "error")
        return row

    def _write(self, name: str, write: Callable[[], FollowUpRow], done: str) -> None:
        set_field_error(self.note, self.note_error, "")
        self.message.hide()

        def written(row: FollowUpRow) -> None:
            self._say(done, "ok")
            self.shown_id = row.id
            self.note.setPlainText(row.action_note)
            self.refresh()

        self.calls.submit(name, write, written, on_refused=self.refused, on_lost=self._lost)

    def refused(self, exc: ServiceError) -> None:
        """What was done is missing (or too long): under the note; the rest in the line."""
        if isinstance(exc, ValidationError) and "action_note" in exc.fields:
            set_field_error(self.note, self.note_error, exc.fields["action_note"])
            self.note.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._refused_elsewhere(exc)

    def _refused_elsewhere(self, exc: ServiceError) -> None:
        self._say(refusal_text(exc), "error")
        self.refresh()  # what changed meanwhile (another officer took it) shows

    def _lost(self, exc: Exception) -> None:
        self._say(
            self.tr(
                "The database did not answer ({reason}). Nothing was saved; what you typed "
                "stays here."
            ).format(reason=connection_reason(exc)),
            "error",
        )
        self.message.setToolTip(first_line(exc))
        self.connection_trouble.emit(exc)

    def _say(self, text: str, kind: str) -> None:
        self.message.setToolTip("")
        self.message.setProperty("kind", kind)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # == complaints ==============================================================================
    def record_complaint(self) -> ComplaintDialog:
        """Open the complaint dialog (not modal: the list keeps living behind it)."""
        dialog = ComplaintDialog(
            self.actor, self.clock, self.calls, self.zone, self.language, self.window()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(self._complaint_recorded)
        dialog.connection_trouble.connect(self.connection_trouble)
        self.complaint_dialog = dialog
        dialog.open()
        return dialog

    def _complaint_recorded(self, row: FollowUpRow) -> None:
        self._say(
            self.tr("The complaint is recorded; its follow-up is due {due}.").format(
                due=f"{self._local(row.due_at):%d/%m/%Y %H:%M}"
            ),
            "ok",
        )
        self.shown_id = row.id
        if self.show_choice.currentData() not in (SHOW_OPEN, SHOW_ALL):
            self.show_only(SHOW_OPEN)
        self.refresh()
