"""Priority service at the front desk (UU 25/2009 Article 29): the reason chosen for
the ticket being issued (``PriorityChoice``, in the guest-book card, F10), and the dialog that
marks a ticket already waiting (``PriorityDialog``, F10 on the queue).

The reasons and their checks are the service's (``pst_desktop.visits.priority``); the
visitor's guest-book record proposes one (``proposal_for``, read by the window on its worker
thread), which the receptionist keeps or drops.  The queue shows a symbol, never the reason.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.visits.priority import NOTE_MAX, PriorityReason, reason_label

#: the queue's mark for a priority ticket (no reason, no personal detail)
SYMBOL = "★"


class PriorityChoice(QWidget):
    """Normal, or priority with its reason (and for "other" a few words)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Priority (F10)"))
        self.reason = QComboBox()
        self.reason.setObjectName("priorityReason")
        self.reason.addItem(self.tr("Normal ticket"), "")
        for kind in PriorityReason:
            self.reason.addItem(reason_label(kind.value).capitalize(), kind.value)
        self.reason.setToolTip(
            self.tr("Serve this visitor first, with the reason (F10); the ticket shows a mark only")
        )
        self.reason.setAccessibleName(self.tr("Priority service"))
        self.label.setBuddy(self.reason)
        self.note = QLineEdit()
        self.note.setObjectName("priorityNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(self.tr("Why, in a few words"))
        self.note.setAccessibleName(self.tr("Reason for priority, in words"))
        self.note.hide()
        #: the reason came from the guest book, not from the receptionist
        self.proposed = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.label)
        row.addWidget(self.reason)
        row.addWidget(self.note, 1)
        row.addStretch(0)
        self.reason.activated.connect(self._chosen)
        self.reason.currentIndexChanged.connect(lambda _i: self._show_note())
        self.note.textEdited.connect(lambda _t: self.edited.emit())

    def _chosen(self, _index: int) -> None:
        self.proposed = False
        self.edited.emit()

    def _show_note(self) -> None:
        self.note.setVisible(self.reason_code() == PriorityReason.OTHER.value)

    def reason_code(self) -> str:
        return self.reason.currentData() or ""

    def values(self) -> tuple[str, str]:
        """The reason ("" normal) and the words (for "other")."""
        return self.reason_code(), self.note.text().strip()

    def set_reason(self, reason: str, note: str = "", *, proposed: bool = False) -> None:
        self.reason.setCurrentIndex(max(0, self.reason.findData(reason or "")))
        self.note.setText(note)
        self.proposed = proposed and bool(reason)
        self._show_note()

    def clear(self) -> None:
        self.set_reason("")

    def open_choice(self) -> None:
        """F10: the choice takes the keyboard (the first letters or the arrow keys pick the
        reason, as in the form's lists)."""
        self.reason.setFocus(Qt.FocusReason.ShortcutFocusReason)


class PriorityDialog(QDialog):
    """Mark a waiting ticket priority (or normal again): ``chosen(visit_id, reason, note)``."""

    chosen = Signal(int, str, str)

    def __init__(
        self, visit_id: int, code: str, reason: str, note: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("priorityDialog")
        self.visit_id = visit_id
        self.setWindowTitle(self.tr("Priority service"))
        self.intro = QLabel(self.tr("Ticket {code}: serve this visitor first?").format(code=code))
        self.choice = PriorityChoice()
        self.choice.label.hide()
        self.choice.set_reason(reason, note)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.choice)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.choice.reason.setFocus()

    def _save(self) -> None:
        reason, note = self.choice.values()
        self.chosen.emit(self.visit_id, reason, note)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
