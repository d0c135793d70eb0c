"""The display board's PIN prompt: Ctrl+Shift+Q closes the board only with the kiosk PIN, as
the rating screen does. Opened with ``open()``; ``unlocked`` when the PIN
is right."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from pst_desktop.core.errors import AuthenticationFailed, DatabaseTrouble
from pst_desktop.visitor.rating_screen import UnlockGuard, unlock
from ui.accessibility import announce_error, name_controls


class BoardUnlockDialog(QDialog):
    """Asks the kiosk PIN of office ``office_id``; emits ``unlocked`` when it is right."""

    unlocked = Signal()

    def __init__(self, office_id: int, guard: UnlockGuard, parent=None) -> None:
        super().__init__(parent)
        self.office_id = office_id
        self.guard = guard
        self.setWindowTitle(self.tr("Close the display board"))
        hint = QLabel(self.tr("Enter the kiosk PIN to close the display board."))
        hint.setWordWrap(True)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9]{0,8}"), self.pin)
        )
        self.pin.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
        )
        self.pin.setPlaceholderText(self.tr("Kiosk PIN"))
        self.pin.setAccessibleName(self.tr("Kiosk PIN"))
        self.error = QLabel()
        self.error.setObjectName("unlockError")
        self.error.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close the board"))
        self.close_button.setDefault(True)
        self.back_button = QPushButton(self.tr("Back"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        for widget in (hint, self.pin, self.error):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.close_button.clicked.connect(self.try_unlock)
        self.back_button.clicked.connect(self.reject)
        self.pin.setFocus()
        name_controls(self)  # a screen reader's names

    def try_unlock(self) -> None:
        try:
            unlock(self.office_id, self.pin.text(), self.guard)
        except AuthenticationFailed as exc:
            self._refuse(str(exc))
            return
        except DatabaseTrouble:
            self._refuse(self.tr("The server cannot be reached; the PIN cannot be checked now."))
            return
        self.accept()
        self.unlocked.emit()

    def _refuse(self, message: str) -> None:
        self.pin.clear()
        self.error.setText(message)
        announce_error(self.pin, message)
