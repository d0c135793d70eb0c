"""The receptionist's small dialogs: cancel a ticket (with a reason), book an appointment.

Both are opened with ``open()`` (never a blocking ``exec``) and only report what was entered;
the window calls the service and hands any refusal back with ``show_errors``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.core.i18n import format_moment
from pst_desktop.frontdesk.reception import AppointmentOffer, ServiceChoice
from ui.widgets import ChoiceBox, field_error, field_label, set_field_error


class CancelDialog(QDialog):
    """Asks why ticket ``code`` is cancelled; emits ``confirmed(visit_id, reason)``."""

    confirmed = Signal(int, str)

    def __init__(self, visit_id: int, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit_id = visit_id
        self.setWindowTitle(self.tr("Cancel ticket {code}").format(code=code))
        self.setMinimumWidth(460)
        title = QLabel(self.tr("Cancel ticket {code}").format(code=code))
        title.setObjectName("cardTitle")
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setObjectName("reason")
        self.reason.addItems(
            [
                "",
                self.tr("Wrong service chosen"),
                self.tr("Ticket issued twice"),
                self.tr("The visitor asked to cancel"),
            ]
        )
        self.reason.lineEdit().setPlaceholderText(self.tr("Why is the ticket cancelled?"))
        self.error = field_error()
        self.confirm_button = QPushButton(self.tr("Cancel the ticket"))
        self.confirm_button.setObjectName("primaryButton")
        self.confirm_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Keep it"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(field_label(self.tr("&Reason"), self.reason))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.confirm_button.clicked.connect(self._confirm)
        self.close_button.clicked.connect(self.reject)

    def _confirm(self) -> None:
        self.confirmed.emit(self.visit_id, self.reason.currentText())

    def show_errors(self, errors: dict[str, str]) -> None:
        message = errors.get("reason") or next(iter(errors.values()), "")
        set_field_error(self.reason.lineEdit(), self.error, message)


class AppointmentDialog(QDialog):
    """Books a visit outside service hours: the time (office time zone), service and a note.

    Emits ``book_requested(scheduled_at, service_id, note)`` with an aware datetime."""

    book_requested = Signal(object, int, str)

    def __init__(
        self,
        visitor_name: str,
        services: list[ServiceChoice],
        service_id: int | None,
        offer: AppointmentOffer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._zone = offer.suggested.tzinfo
        self.setWindowTitle(self.tr("Book an appointment"))
        self.setMinimumWidth(520)
        title = QLabel(self.tr("Book an appointment for {name}").format(name=visitor_name))
        title.setObjectName("cardTitle")
        title.setWordWrap(True)
        if offer.outside_hours:
            hint_text = self.tr(
                "Outside service hours a visitor is served by appointment, made at least "
                "1 hour ahead the same day or on a later day. The desk opens {opens}."
            ).format(opens=format_moment(offer.opens_at))
        else:  # the desk is open now: say only the notice rule
            hint_text = self.tr(
                "An appointment is made at least 1 hour ahead the same day or on a later day."
            )
        hint = QLabel(hint_text)
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        self.when = QDateTimeEdit()
        self.when.setObjectName("when")
        self.when.setDisplayFormat("ddd dd-MM-yyyy  HH:mm")
        self.when.setCalendarPopup(True)
        self.set_when(offer.suggested)
        self.service = ChoiceBox()  # (a long service name reads whole once picked)
        self.service.setObjectName("appointmentService")
        for choice in services:
            self.service.addItem(f"{choice.prefix} · {choice.name}", choice.service_id)
        if service_id is not None:
            self.service.setCurrentIndex(max(self.service.findData(service_id), 0))
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("e.g. wants inflation data by regency"))
        self.when_error = field_error()
        self.error = field_error()
        self.book_button = QPushButton(self.tr("Book appointment"))
        self.book_button.setObjectName("primaryButton")
        self.book_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.book_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(8)
        layout.addWidget(field_label(self.tr("&Date and time"), self.when))
        layout.addWidget(self.when)
        layout.addWidget(self.when_error)
        layout.addWidget(field_label(self.tr("&Service"), self.service))
        layout.addWidget(self.service)
        layout.addWidget(field_label(self.tr("N&ote"), self.note))
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.book_button.clicked.connect(self._book)
        self.close_button.clicked.connect(self.reject)

    def set_when(self, moment: dt.datetime) -> None:
        self.when.setDateTime(
            QDateTime(
                QDate(moment.year, moment.month, moment.day),
                QTime(moment.hour, moment.minute),
            )
        )

    def scheduled_at(self) -> dt.datetime:
        value = self.when.dateTime()
        day, time = value.date(), value.time()
        return dt.datetime(
            day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=self._zone
        )

    def _book(self) -> None:
        self.book_requested.emit(self.scheduled_at(), self.service.currentData(), self.note.text())

    def show_errors(self, errors: dict[str, str]) -> None:
        when = errors.get("scheduled_at", "")
        self.when_error.setText(when)
        self.when_error.setVisible(bool(when))
        other = " ".join(v for k, v in errors.items() if k != "scheduled_at")
        self.error.setText(other)
        self.error.setVisible(bool(other))
