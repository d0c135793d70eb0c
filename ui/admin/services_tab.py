"""The services tab: the office's services, their ticket prefixes and order."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from pst_desktop.admin import administration as adm
from ui.admin.base import AdminTab, form_card, table_and_card, table_view
from ui.style import FAINT
from ui.tables import Column, RowsModel
from ui.widgets import field_label


class ServicesTab(AdminTab):
    def __init__(self, actor, admin, calls, parent=None):
        super().__init__(actor, admin, calls, parent)
        self.editing: int | None = None
        self.model = RowsModel(
            [
                Column(self.tr("Order"), lambda s: str(s.sort_order), 60, centre=True),
                Column(self.tr("Prefix"), lambda s: s.prefix, 70, bold=True, centre=True),
                Column(self.tr("Code"), lambda s: s.code, 150),
                Column(self.tr("Name"), lambda s: s.name),
                Column(self.tr("Status"), self._status, 90),
            ],
            foreground=lambda s: None if s.active else FAINT,
        )
        self.table = table_view(self.model)
        self.table.setAccessibleName(self.tr("Services"))
        self.code = QLineEdit()
        self.prefix = QLineEdit()
        self.prefix.setMaxLength(5)
        self.name = QLineEdit()
        self.order = QSpinBox()
        self.order.setRange(0, 999)
        self.active = QCheckBox(self.tr("&Active (tickets can be issued)"))
        self.active.setChecked(True)
        self.new_button = QPushButton(self.tr("&New service"))
        self.save_button = QPushButton(self.tr("&Save service"))
        self.save_button.setObjectName("primaryButton")
        grid = QGridLayout()
        grid.addWidget(field_label(self.tr("&Code"), self.code), 0, 0)
        grid.addWidget(self.code, 0, 1)
        grid.addWidget(field_label(self.tr("&Prefix"), self.prefix), 1, 0)
        grid.addWidget(self.prefix, 1, 1)
        grid.addWidget(field_label(self.tr("Na&me"), self.name), 2, 0)
        grid.addWidget(self.name, 2, 1)
        grid.addWidget(field_label(self.tr("&Order"), self.order), 3, 0)
        grid.addWidget(self.order, 3, 1)
        grid.addWidget(self.active, 4, 1)
        hint = QLabel(
            self.tr("The prefix starts each ticket number (K-001): 1 to 3 capital letters.")
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        grid.addWidget(hint, 5, 0, 1, 2)
        self.card = form_card(grid, [self.save_button, self.new_button], self.tr("Service"))
        self.setLayout(table_and_card(self.table, self.card, self.message, self.tr("Services")))
        self._connect_signals()
        self.reload()

    def _status(self, service) -> str:
        return self.tr("active") if service.active else self.tr("inactive")

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_service)
        self.save_button.clicked.connect(self.save)
        self.table.selectionModel().selectionChanged.connect(self._picked)

    def read(self):
        office_id = self.actor.office_id
        return lambda: adm.services(office_id)

    def show_read(self, services) -> None:
        self.model.set_rows(services)
        self.select(self.editing)

    def select(self, service_id: int | None) -> None:
        for row, service in enumerate(self.model.rows):
            if service.id == service_id:
                self.table.selectRow(row)

    def _picked(self, *_args) -> None:
        service = self.selected(self.table, self.model)
        if service is None:
            return
        self.editing = service.id
        self.code.setText(service.code)
        self.prefix.setText(service.prefix)
        self.name.setText(service.name)
        self.order.setValue(service.sort_order)
        self.active.setChecked(bool(service.active))

    def new_service(self) -> None:
        self.editing = None
        self.table.clearSelection()
        for field in (self.code, self.prefix, self.name):
            field.clear()
        self.order.setValue(len(self.model.rows))
        self.active.setChecked(True)
        self.code.setFocus()

    def save(self) -> None:
        actor, admin, editing = self.actor, self.admin, self.editing
        values = dict(
            code=self.code.text(),
            prefix=self.prefix.text(),
            name=self.name.text(),
            sort_order=self.order.value(),
            active=self.active.isChecked(),
        )

        def keep(service) -> None:
            self.editing = service.id

        self.calls.submit(
            "save service",
            lambda: admin.save_service(actor, editing, **values),
            self.saved(self.tr("The service is saved."), keep),
            on_refused=self.refused,
            on_lost=self.lost,
        )
