"""The consultation record of the ticket the officer holds, saved as the officer types.

The record is saved a moment after typing stops (``autosave_ms``; later while a move of the
window is under way, since a move may end the ticket): in the database, or in a draft file on
this PC while the database cannot be reached; the drafts go back to the database on the next
start or when the connection is back (``restore_local_drafts``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import ServiceError
from pst_desktop.frontdesk.guest_book_lists import Option
from pst_desktop.officer.consultations import ConsultationRecord, ConsultationService, DraftFile
from pst_desktop.officer.workspace import HeldTicket
from pst_desktop.sop.permissions import Actor
from ui.calls import CONNECTION_ERRORS
from ui.officer.held_card import repolish
from ui.officer.record_form import RecordForm

#: what counts as a lost connection (the window's ``DB_ERRORS``)
DB_ERRORS = CONNECTION_ERRORS

#: "not read yet": the held ticket's record is read when it is shown
UNREAD = object()


class RecordPanel(QWidget):
    """``draft_saved(visit_id, "database" | "local")`` after each save; ``refused(text)`` when
    the service refused it; ``drafts_restored(count)`` when drafts kept on this PC went back."""

    draft_saved = Signal(int, str)
    refused = Signal(str)
    drafts_restored = Signal(int)

    def __init__(
        self,
        lists: dict[str, list[Option]],
        language: str,
        *,
        clock: Clock,
        zone: dt.tzinfo,
        actor: Actor,
        consultations: ConsultationService,
        drafts: DraftFile,
        autosave_ms: int,
        busy: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock, self.zone, self.actor = clock, zone, actor
        self.consultations = consultations
        self.drafts = drafts
        self._busy = busy
        self.held: HeldTicket | None = None
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._build(lists, language)
        self.form.edited.connect(self._edited)
        self._autosave.timeout.connect(self._autosave_due)
        self._load(UNREAD)  # no ticket held yet
        self.form.setEnabled(False)

    def _build(self, lists: dict[str, list[Option]], language: str) -> None:
        title = QLabel(self.tr("Consultation record"))
        title.setObjectName("sectionTitle")
        self.record_for = QLabel()
        self.record_for.setObjectName("cardHint")
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.form = RecordForm(lists, language)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 8, 8)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.record_for, 1)
        head.addWidget(self.save_state)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)

    # == the ticket held =========================================================================
    def hold(self, held: HeldTicket | None, saved: object = UNREAD) -> None:
        """The officer holds ``held`` now: its record in the form when it is another ticket
        (the draft kept on this PC, else ``saved`` when the caller read it, else read now)."""
        previous = self.held.visit_id if self.held else None
        self.held = held
        if (held.visit_id if held else None) != previous:
            self._autosave.stop()
            self._load(saved)
        self.form.setEnabled(held is not None)

    def _load(self, saved: object) -> None:
        held = self.held
        if held is None:
            self.form.clear()
            self.record_for.setText(self.tr("— call a ticket to record its consultation"))
            self.save_state.setText("")
            return
        record = self.drafts.read(held.visit_id)
        if record is None and saved is not UNREAD:
            record = saved
        elif record is None:
            try:
                record = self.consultations.load(held.visit_id)
            except DB_ERRORS:
                record = None
        self.form.set_record(record)
        self.record_for.setText(
            self.tr("for {code} · {visitor}").format(
                code=held.code, visitor=held.visitor_name or "—"
            )
        )

    def record(self) -> ConsultationRecord:
        return self.form.record()

    def finished(self, visit_id: int) -> None:
        """The visit is finished (and no longer held): its draft file goes, the form is
        empty."""
        self.drafts.remove(visit_id)
        self.form.clear()

    # == saving ==================================================================================
    def stop_autosave(self) -> None:
        self._autosave.stop()

    def _edited(self) -> None:
        if self.held is not None:
            self._show_state(self.tr("Typing…"))
            self._autosave.start()

    def _autosave_due(self) -> None:
        """Saved once no move is under way (a move may end the ticket)."""
        if self._busy():
            self._autosave.start()
            return
        self.save_now()

    def save_now(self) -> str | None:
        """Save the form of the held ticket: "database", or "local" (on this PC) when the
        database is down; None when nothing was saved."""
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
            self._show_state(
                self.tr("Saved on this PC at {time} (database unreachable)").format(time=now),
                "local",
            )
            self.draft_saved.emit(visit_id, "local")
            return "local"
        except ServiceError as exc:
            self.refused.emit(str(exc))
            return None
        self.drafts.remove(visit_id)
        self._show_state(self.tr("Saved at {time}").format(time=now))
        self.draft_saved.emit(visit_id, "database")
        return "database"

    def _show_state(self, text: str, kind: str = "") -> None:
        self.save_state.setText(text)
        self.save_state.setProperty("kind", kind)
        repolish(self.save_state)

    def restore_local_drafts(self) -> None:
        """Drafts kept on this PC while the database was down go back to the database."""
        try:
            saved = self.consultations.flush_local_drafts(self.actor, self.drafts)
        except DB_ERRORS:
            return
        if saved:
            self.drafts_restored.emit(len(saved))
