"""The officer's desk state: one line under the held card that says whether the desk
is open, on a break (with its reason and expected return) or closed, and three buttons to
change it.  A break asks its reason and expected return in a small dialog (``BreakDialog``).

The bar shows what it is given (``show_state``: ``desk_state.DeskStatus``) and says what was
asked (``state_asked(state, reason, expected_back)``); the window sends the change through its
``ServiceCalls`` and the service's refusals go to the window's message line.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from models.entities import DeskStateKind
from pst_desktop.visits.desk_state import DeskStatus


def repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class BreakDialog(QDialog):
    """The break's reason (a few common ones, or the officer's words) and expected return."""

    def __init__(self, now: dt.datetime, zone, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breakDialog")
        self.setWindowTitle(self.tr("Desk on a break"))
        self._now = now.astimezone(zone)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(
            [self.tr("Prayer"), self.tr("Lunch"), self.tr("Meeting"), self.tr("Short break")]
        )
        self.reason.setAccessibleName(self.tr("Reason for the break"))
        self.back = QTimeEdit()
        self.back.setDisplayFormat("HH:mm")
        later = self._now + dt.timedelta(minutes=30)
        self.back.setTime(QTime(later.hour, later.minute))
        self.back.setAccessibleName(self.tr("Expected back at"))
        form = QFormLayout(self)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Expected back at"), self.back)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start the break"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def expected_back(self) -> dt.datetime:
        """The expected return today (the office's time zone); a time before now means
        tomorrow's, which the service refuses as a break longer than it allows."""
        time = self.back.time()
        back = self._now.replace(hour=time.hour(), minute=time.minute(), second=0, microsecond=0)
        if back <= self._now:
            back += dt.timedelta(days=1)
        return back


class DeskStateBar(QFrame):
    """The desk's state and the three moves: open, on a break…, closed."""

    state_asked = Signal(str, str, object)  # state, reason, expected return (None)

    def __init__(self, zone, now=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskStateBar")
        self._zone = zone
        self._now = now  # () -> the clock's now, for the break dialog
        self.status: DeskStatus | None = None
        self.state_label = QLabel()
        self.state_label.setObjectName("deskState")
        self.open_button = QPushButton(self.tr("Open desk"))
        self.break_button = QPushButton(self.tr("Break…"))
        self.close_button = QPushButton(self.tr("Close desk"))
        self.open_button.setToolTip(self.tr("Open the desk: visitors can be called here"))
        self.break_button.setToolTip(
            self.tr("Put the desk on a break, with its reason and expected return")
        )
        self.close_button.setToolTip(self.tr("Close the desk for today"))
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        row.setSpacing(8)
        row.addWidget(self.state_label, 1)
        for button in (self.open_button, self.break_button, self.close_button):
            row.addWidget(button)
        self.open_button.clicked.connect(
            lambda: self.state_asked.emit(DeskStateKind.OPEN.value, "", None)
        )
        self.close_button.clicked.connect(
            lambda: self.state_asked.emit(DeskStateKind.CLOSED.value, "", None)
        )
        self.break_button.clicked.connect(self.ask_break)
        self.show_state(None)

    def ask_break(self) -> None:
        now = self._now() if self._now else dt.datetime.now(dt.UTC)
        dialog = BreakDialog(now, self._zone, self)
        self.break_dialog = dialog
        dialog.accepted.connect(
            lambda: self.state_asked.emit(
                DeskStateKind.BREAK.value, dialog.reason_text(), dialog.expected_back()
            )
        )
        dialog.open()

    def text_of(self, status: DeskStatus | None) -> str:
        if status is None:
            return self.tr("Choose your desk to see its state")
        if status.state is DeskStateKind.BREAK:
            back = (
                status.expected_back.astimezone(self._zone).strftime("%H:%M")
                if status.expected_back
                else "–"
            )
            return self.tr("{desk} is on a break ({reason}), back at {time}").format(
                desk=status.name, reason=status.reason, time=back
            )
        if status.state is DeskStateKind.CLOSED:
            if status.automatic:
                return self.tr("{desk} is closed (closed by itself: nobody attended it)").format(
                    desk=status.name
                )
            return self.tr("{desk} is closed").format(desk=status.name)
        return self.tr("{desk} is open").format(desk=status.name)

    def show_state(self, status: DeskStatus | None, *, free: bool = True) -> None:
        self.status = status
        self.state_label.setText(self.text_of(status))
        state = status.state.value if status is not None else ""
        if self.state_label.property("state") != state:
            self.state_label.setProperty("state", state)
            repolish(self.state_label)
        self.enable(free)

    def enable(self, free: bool) -> None:
        """The moves away from the state now, shown and live (while no move is under way);
        the one to the state it is in is hidden (a disabled button looks like a live one)."""
        state = self.status.state if self.status is not None else None
        known = state is not None and free
        for button, kind in (
            (self.open_button, DeskStateKind.OPEN),
            (self.break_button, DeskStateKind.BREAK),
            (self.close_button, DeskStateKind.CLOSED),
        ):
            button.setVisible(state is not kind)
            button.setEnabled(known and state is not kind)
