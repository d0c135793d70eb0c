"""The desks tab: the office's desks and the services each one serves."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from pst_desktop.admin import administration as adm
from ui.admin.base import AdminTab, form_card, table_and_card, table_view
from ui.style import FAINT
from ui.tables import Column, RowsModel
from ui.widgets import field_label


@dataclass(frozen=True)
class _DesksRead:
    services: list
    desks: list[adm.DeskRow]


class DesksTab(AdminTab):
    def __init__(self, actor, admin, calls, parent=None):
        super().__init__(actor, admin, calls, parent)
        self.editing: int | None = None
        self.service_names: dict[int, str] = {}
        self.model = RowsModel(
            [
                Column(self.tr("Desk"), lambda d: d.name, 140, bold=True),
                Column(self.tr("Services"), self._services_text),
                Column(self.tr("Status"), self._status, 90),
            ],
            foreground=lambda d: None if d.active else FAINT,
        )
        self.table = table_view(self.model)
        self.table.setAccessibleName(self.tr("Desks"))
        self.name = QLineEdit()
        self.active = QCheckBox(self.tr("&Open (officers can call tickets here)"))
        self.active.setChecked(True)
        self.services = QListWidget()
        self.new_button = QPushButton(self.tr("&New desk"))
        self.save_button = QPushButton(self.tr("&Save desk"))
        self.save_button.setObjectName("primaryButton")
        grid = QGridLayout()
        grid.addWidget(field_label(self.tr("Na&me"), self.name), 0, 0)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.active, 1, 1)
        grid.addWidget(field_label(self.tr("Ser&vices served"), self.services), 2, 0)
        grid.addWidget(self.services, 2, 1)
        card = form_card(grid, [self.save_button, self.new_button], self.tr("Desk"))
        self.setLayout(table_and_card(self.table, card, self.message, self.tr("Desks")))
        self._connect_signals()
        self.reload()

    def _status(self, desk) -> str:
        return self.tr("open") if desk.active else self.tr("closed")

    def _services_text(self, desk) -> str:
        return ", ".join(self.service_names.get(i, "?") for i in sorted(desk.service_ids))

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_desk)
        self.save_button.clicked.connect(self.save)
        self.table.selectionModel().selectionChanged.connect(self._picked)

    def read(self):
        office_id = self.actor.office_id
        return lambda: _DesksRead(adm.services(office_id), adm.desks(office_id))

    def show_read(self, read: _DesksRead) -> None:
        services = read.services
        self.service_names = {s.id: f"{s.prefix} {s.name}" for s in services}
        self.services.clear()
        for service in services:
            item = QListWidgetItem(f"{service.prefix} · {service.name}")
            item.setData(Qt.ItemDataRole.UserRole, service.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.services.addItem(item)
        self.model.set_rows(read.desks)
        for row, desk in enumerate(self.model.rows):
            if desk.id == self.editing:
                self.table.selectRow(row)

    def _picked(self, *_args) -> None:
        desk = self.selected(self.table, self.model)
        if desk is None:
            return
        self.editing = desk.id
        self.name.setText(desk.name)
        self.active.setChecked(desk.active)
        self.check_services(desk.service_ids)

    def check_services(self, service_ids) -> None:
        for i in range(self.services.count()):
            item = self.services.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in service_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked_services(self) -> list[int]:
        return [
            self.services.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.services.count())
            if self.services.item(i).checkState() == Qt.CheckState.Checked
        ]

    def new_desk(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.name.clear()
        self.active.setChecked(True)
        self.check_services(set())
        self.name.setFocus()

    def save(self) -> None:
        actor, admin, editing = self.actor, self.admin, self.editing
        values = dict(
            name=self.name.text(),
            active=self.active.isChecked(),
            service_ids=self.checked_services(),
        )

        def keep(desk) -> None:
            self.editing = desk.id

        self.calls.submit(
            "save desk",
            lambda: admin.save_desk(actor, editing, **values),
            self.saved(self.tr("The desk is saved."), keep),
            on_refused=self.refused,
            on_lost=self.lost,
        )
