"""The services a visitor wants after the first (one visit, several services): a compact
button under "Service wanted" whose menu ticks them, in the office's order of services.

The ticket is numbered in the first service; the queue (``QueueService.issue_ticket``'s
``more_services``) checks the others. A service no open desk serves is listed, not tickable.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from pst_desktop.frontdesk.reception import ServiceChoice


class MoreServices(QToolButton):
    """ "Then also: none ▾"; its menu holds one checkable action per service."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moreServices")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName(self.tr("Further services of this visit"))
        self.setToolTip(
            self.tr(
                "The visitor also wants these services, after the first: the officer hands "
                "the visit on and it keeps its place in each queue"
            )
        )
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.actions_: dict[int, QAction] = {}
        self.first: int | None = None
        self.served: set[int] = set()  # the services an open desk serves: tickable
        self._show_text()

    def set_services(self, services: list[ServiceChoice]) -> None:
        """List ``services``, keeping what was ticked while it is still listed."""
        ticked = set(self.service_ids())
        self.menu_.clear()
        self.actions_ = {}
        self.served = {c.service_id for c in services if c.served}
        for choice in services:
            action = self.menu_.addAction(f"{choice.prefix} · {choice.name}")
            action.setCheckable(True)
            action.setData(choice.prefix)
            action.setEnabled(choice.served)
            action.setChecked(choice.served and choice.service_id in ticked)
            action.toggled.connect(lambda _on: self._show_text())
            self.actions_[choice.service_id] = action
        self.set_first(self.first)

    def set_first(self, service_id: int | None) -> None:
        """The service the ticket is numbered in cannot be ticked again."""
        self.first = service_id
        for sid, action in self.actions_.items():
            tickable = sid in self.served and sid != service_id
            if not tickable:
                action.setChecked(False)
            action.setEnabled(tickable)
        self._show_text()

    def tick(self, service_id: int, on: bool = True) -> None:
        action = self.actions_.get(service_id)
        if action is not None and action.isEnabled():
            action.setChecked(on)

    def service_ids(self) -> list[int]:
        """The ticked services, in the office's order."""
        return [sid for sid, action in self.actions_.items() if action.isChecked()]

    def clear(self) -> None:
        for action in self.actions_.values():
            action.setChecked(False)
        self._show_text()

    def _show_text(self) -> None:
        prefixes = [str(a.data()) for a in self.actions_.values() if a.isChecked()]
        # short: it shares the service's row, which must fit a laptop at 125 %
        self.setText("+ " + ", ".join(prefixes) if prefixes else self.tr("More…"))
        # the whole text beside the menu's arrow (the style's size hint leaves it cut)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.text()) + 34)
