"""Where should the held ticket go? The officer's transfer dialog (Ctrl+T).

A transfer used to move the ticket at once to whatever a combo showed (by default the first
service). The dialog offers every other service and desk, starts with nothing chosen and keeps
its confirm button disabled until a target is; it only reports the choice (``chosen``), the
window calls the service. Opened with ``open()``, never a blocking ``exec``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.frontdesk.reception import ServiceChoice
from pst_desktop.officer.workspace import DeskChoice
from ui.accessibility import name_controls
from ui.widgets import field_label


class TransferDialog(QDialog):
    """Asks where ticket ``code`` goes; emits ``chosen(kind, target_id, label)`` with ``kind``
    "service" or "desk". The ticket's own service and desk are not offered."""

    chosen = Signal(str, int, str)

    def __init__(
        self,
        code: str,
        services: list[ServiceChoice],
        desks: list[DeskChoice],
        current_service_id: int | None,
        current_desk_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer ticket {code}").format(code=code))
        self.setMinimumWidth(420)
        title = QLabel(self.tr("Where should {code} go?").format(code=code))
        title.setObjectName("cardTitle")
        hint = QLabel(self.tr("It keeps its number and its place in the queue."))
        hint.setWordWrap(True)
        self.target = QComboBox()
        self.target.setObjectName("transferTarget")
        self.target.setAccessibleName(self.tr("Transfer to"))
        self.target.addItem(self.tr("Choose a service or desk…"), None)
        for service in services:
            if not service.served or service.service_id == current_service_id:
                continue  # nobody would call it there, or it is there already
            self.target.addItem(
                self.tr("Service: {name}").format(name=service.name),
                f"service:{service.service_id}",
            )
        for desk in desks:
            if desk.desk_id == current_desk_id:
                continue
            self.target.addItem(
                self.tr("Desk: {name}").format(name=desk.name), f"desk:{desk.desk_id}"
            )
        self.confirm_button = QPushButton(self.tr("Transfer"))
        self.confirm_button.setObjectName("primaryButton")
        self.confirm_button.setDefault(True)
        self.confirm_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Keep it"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(field_label(self.tr("&To"), self.target))
        layout.addWidget(self.target)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.target.currentIndexChanged.connect(
            lambda _i: self.confirm_button.setEnabled(self.target.currentData() is not None)
        )
        self.confirm_button.clicked.connect(self._confirm)
        self.close_button.clicked.connect(self.reject)
        self.target.setFocus()
        name_controls(self)  # a screen reader's names

    def choose(self, kind: str, target_id: int) -> bool:
        """Select a target by kind and id (for the keyboard-free automation); False if absent."""
        index = self.target.findData(f"{kind}:{target_id}")
        if index < 0:
            return False
        self.target.setCurrentIndex(index)
        return True

    def _confirm(self) -> None:
        data = self.target.currentData()
        if data is None:
            return
        kind, target_id = str(data).split(":")
        self.chosen.emit(kind, int(target_id), self.target.currentText())
        self.accept()
