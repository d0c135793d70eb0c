"""A complaint (pengaduan) told to a staff member: for a visit (its ticket code and day) or
none, classed by one of the IKM's nine elements, in the complaint's own words.  Recording it
opens its follow-up, due in the admin's working days (``FollowUpService.record_complaint``).

The write goes through the window's ``calls`` (``ui.calls.ServiceCalls``); a refusal shows in
place, under the field it is about (a ticket not found, no element chosen, no words), and
nothing is recorded; a lost connection keeps what was typed and tells the window's band.
Opened with ``open()``: the window behind it keeps working.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import ServiceError, ValidationError
from pst_desktop.db.startup import connection_reason
from pst_desktop.officer.follow_ups import ComplaintEntry, FollowUpRow, FollowUpService
from pst_desktop.sop.permissions import Actor
from pst_desktop.visitor.instruments import IKM_ELEMENTS
from pst_desktop.visitor.surveys import find_visit
from ui.accessibility import name_controls
from ui.calls import ServiceCalls, refusal_text
from ui.style import ADMIN_SHEET, font_scale, scale_sheet
from ui.widgets import ChoiceBox, MessageBand, field_error, field_label, set_field_error

log = logging.getLogger(__name__)


class DayEdit(QDateEdit):
    """A day typed as dd/mm/yyyy whose Tab leaves the field (a plain date field's Tab goes
    from the day to the month to the year first): a form typed in by keyboard moves on."""

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(QDate(day.year, day.month, day.day), parent)
        self.setDisplayFormat("dd/MM/yyyy")

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)  # the window's next field, not a section


class TicketNotFound(ValidationError):
    """The ticket code typed names no visit of that day (said under the ticket field)."""


def visit_of_ticket(office_id: int, day: dt.date, code: str, not_found: str) -> int | None:
    """The visit of ``code`` on ``day`` (None for no code); ``TicketNotFound(not_found)`` when
    the code names none.  Runs on a worker thread."""
    if not code.strip():
        return None
    visit_id = find_visit(office_id, day, code)
    if visit_id is None:
        raise TicketNotFound({"ticket": not_found})
    return visit_id


class ComplaintDialog(QDialog):
    """``recorded(FollowUpRow)`` once the complaint and its follow-up are written; then it
    closes."""

    recorded = Signal(object)
    # the database did not answer (the exception): the window's connection band
    connection_trouble = Signal(object)

    def __init__(
        self,
        actor: Actor,
        clock: Clock,
        calls: ServiceCalls,
        zone: dt.tzinfo,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.actor, self.clock, self.calls, self.zone = actor, clock, calls, zone
        self.service = FollowUpService(clock)
        self.setWindowTitle(self.tr("Record a complaint"))
        self.setStyleSheet(scale_sheet(ADMIN_SHEET, font_scale(), pixels=False))
        self._build(language)
        self._connect_signals()
        name_controls(self)

    def _build(self, language: str) -> None:
        title = QLabel(self.tr("A complaint (pengaduan)"))
        title.setObjectName("sectionTitle")
        hint = QLabel(
            self.tr(
                "Told to any staff member, about a visit or none. It opens a follow-up with "
                "the same deadline as the others."
            )
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        self.ticket = QLineEdit()
        self.ticket.setPlaceholderText(self.tr("e.g. K-007; blank: no visit"))
        self.ticket.setMaxLength(12)
        self.ticket_error = field_error()
        today = self.clock.now().astimezone(self.zone).date()
        self.day = DayEdit(today)
        self.day.setCalendarPopup(True)
        self.element = ChoiceBox()
        self.element.addItem(self.tr("— choose the IKM element —"), "")
        for element in IKM_ELEMENTS:
            self.element.addItem(f"{element.code} · {element.name(language)}", element.code)
        self.element_error = field_error()
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("What the complaint says"))
        self.summary.setMinimumHeight(90)
        self.summary_error = field_error()
        self.message = MessageBand(1)
        self.message.setObjectName("tabMessage")
        self.message.hide()
        self.record_button = QPushButton(self.tr("&Record complaint"))
        self.record_button.setObjectName("primaryButton")
        self.record_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        grid = QGridLayout()
        grid.setVerticalSpacing(4)
        grid.addWidget(field_label(self.tr("&Ticket"), self.ticket), 0, 0)
        grid.addWidget(self.ticket, 0, 1)
        grid.addWidget(field_label(self.tr("&Day"), self.day), 0, 2)
        grid.addWidget(self.day, 0, 3)
        grid.addWidget(self.ticket_error, 1, 1, 1, 3)
        grid.addWidget(field_label(self.tr("IKM &element"), self.element), 2, 0)
        grid.addWidget(self.element, 2, 1, 1, 3)
        grid.addWidget(self.element_error, 3, 1, 1, 3)
        grid.addWidget(
            field_label(self.tr("&What was said"), self.summary), 4, 0, Qt.AlignmentFlag.AlignTop
        )
        grid.addWidget(self.summary, 4, 1, 1, 3)
        grid.addWidget(self.summary_error, 5, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

    def _connect_signals(self) -> None:
        self.record_button.clicked.connect(self.record)
        self.cancel_button.clicked.connect(self.reject)
        self.ticket.returnPressed.connect(self.record)

    # -- recording --------------------------------------------------------------------------
    def record(self) -> None:
        if self.calls.busy:
            return  # a second press while the first is written
        self._clear_errors()
        actor, service = self.actor, self.service
        code = self.ticket.text().strip().upper()
        day = self.day.date().toPython()
        entry_element = str(self.element.currentData() or "")
        summary = self.summary.toPlainText()
        not_found = self.tr("No ticket {code} on {day}.").format(code=code, day=f"{day:%d/%m/%Y}")

        def write() -> FollowUpRow:
            visit_id = visit_of_ticket(actor.office_id, day, code, not_found)
            return service.record_complaint(actor, ComplaintEntry(entry_element, summary, visit_id))

        self.record_button.setEnabled(False)
        self.calls.submit(
            "record complaint",
            write,
            self._recorded,
            on_refused=self.refused,
            on_lost=self._lost,
            on_failed=lambda: self.record_button.setEnabled(True),
        )

    def _recorded(self, row: FollowUpRow) -> None:
        log.info("a complaint was recorded")
        self.record_button.setEnabled(True)
        self.recorded.emit(row)
        self.accept()

    def refused(self, exc: ServiceError) -> None:
        """The service's words under the field they are about; the rest in the line."""
        if not isinstance(exc, ValidationError):
            self._say(refusal_text(exc))
            return
        places = {
            "ticket": (self.ticket, self.ticket_error),
            "element": (self.element, self.element_error),
            "summary": (self.summary, self.summary_error),
        }
        rest = []
        first = None
        for name, text in exc.fields.items():
            if name in places:
                field, label = places[name]
                set_field_error(field, label, text)
                first = first or field
            else:
                rest.append(text)
        if rest:
            self._say(" ".join(rest))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _lost(self, exc: Exception) -> None:
        self._say(
            self.tr(
                "The database did not answer ({reason}). Nothing was recorded; what you "
                "typed stays here."
            ).format(reason=connection_reason(exc))
        )
        self.connection_trouble.emit(exc)

    def _say(self, text: str) -> None:
        self.message.setProperty("kind", "error")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _clear_errors(self) -> None:
        for field, label in (
            (self.ticket, self.ticket_error),
            (self.element, self.element_error),
            (self.summary, self.summary_error),
        ):
            set_field_error(field, label, "")
        self.message.hide()
