"""The administrator's tabs: accounts, services, desks, office and hours, closure days, rating and
board.  Each tab asks ``pst_desktop.administration`` / ``accounts`` and shows the answer; a
refusal appears in the tab's message line and nothing is saved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QRegularExpression, Qt, QTime, Signal
from PySide6.QtGui import QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from models.entities import Office, Role
from pst_desktop import administration as adm
from pst_desktop.accounts import AccountService
from pst_desktop.administration import KEEP_LOGO, Administration
from pst_desktop.errors import ServiceError, ValidationError
from pst_desktop.permissions import Actor
from ui.officer.tables import Column, RowsModel
from ui.roles import role_label
from ui.style import font_scale, scale_sheet
from ui.widgets import MessageBand, field_label, fit_columns

FileChooser = Callable[[], Path | None]
TIME_ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")

STYLE = """
QLabel#tabMessage { padding: 6px 10px; border-radius: 4px; border: 1px solid transparent; }
QLabel#tabMessage[kind="error"] {
    color: #b3261e; background: #fdecea; border: 1px solid #f3c1bd;
}
QLabel#tabMessage[kind="ok"] { color: #15803d; background: #e3f4e8; border: 1px solid #a6d9b5; }
QLabel#sectionTitle { font-size: 12pt; font-weight: bold; color: #1f2933; }
QTableView { background: white; gridline-color: #e3e8ee; }
QTableView::item:selected { background: #0b4a8b; color: white; }
QHeaderView::section {
    background: #e8f0f9; color: #1f2933; font-weight: bold; padding: 5px; border: none;
    border-bottom: 1px solid #c9d3dd;
}
QComboBox, QSpinBox, QDateEdit, QTimeEdit { padding: 3px 6px; min-height: 22px; }
QPlainTextEdit { background: white; border: 1px solid #c9d3dd; border-radius: 4px; }
QLabel#logoPreview { background: white; border: 1px dashed #c9d3dd; border-radius: 4px; }
"""


def _table(model: RowsModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    for column, spec in enumerate(model.columns):
        if spec.width:
            table.setColumnWidth(column, spec.width)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    fit_columns(table)  # titles whole in either language (issue 12 item 4)
    return table


class AdminTab(QWidget):
    """A tab with a message line; ``changed`` after every saved change."""

    changed = Signal()

    def __init__(self, actor: Actor, admin: Administration, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.admin = actor, admin
        self.setStyleSheet(scale_sheet(STYLE, font_scale(), pixels=False))  # system text size
        self.message = MessageBand()  # keeps its place: a message never moves the fields
        self.message.setObjectName("tabMessage")
        self.message.hide()

    def show_message(self, text: str, kind: str = "ok") -> None:
        self.message.setProperty("kind", kind)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def attempt(self, action: Callable[[], object], done: str) -> bool:
        """Run ``action``; show ``done`` or the refusal. True when it was saved."""
        try:
            action()
        except ValidationError as exc:
            self.show_message("\n".join(exc.fields.values()), "error")
            return False
        except ServiceError as exc:
            self.show_message(str(exc), "error")
            return False
        self.show_message(done)
        self.load()
        self.changed.emit()
        return True

    def load(self) -> None:  # pragma: no cover - every tab has its own
        raise NotImplementedError

    @staticmethod
    def selected(table: QTableView, model: RowsModel):
        rows = table.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None


def _two_cards(
    owner: QWidget, message: QLabel, left: QWidget, right: QWidget, stretch: tuple[int, int]
) -> None:
    """The tab's message line over two cards side by side."""
    row = QHBoxLayout()
    row.setSpacing(14)
    row.addWidget(left, stretch[0])
    row.addWidget(right, stretch[1])
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(10, 10, 10, 10)
    layout.addWidget(message)
    layout.addLayout(row, 1)


def _split(table: QWidget, form: QWidget, message: QLabel, title: str) -> QVBoxLayout:
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    row = QHBoxLayout()
    row.setSpacing(14)
    row.addWidget(table, 3)
    row.addWidget(form, 2)
    layout = QVBoxLayout()
    layout.setContentsMargins(10, 10, 10, 10)
    layout.setSpacing(8)
    layout.addWidget(heading)
    layout.addWidget(message)
    layout.addLayout(row, 1)
    return layout


def _card(grid: QGridLayout, buttons: list[QPushButton], title: str) -> QFrame:
    card = QFrame()
    card.setObjectName("card")
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    inner = QVBoxLayout(card)
    inner.setContentsMargins(16, 12, 16, 12)
    inner.setSpacing(10)
    inner.addWidget(heading)
    inner.addLayout(grid)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    inner.addLayout(row)
    inner.addStretch(1)
    return card


# == accounts ==============================================================================
class AccountsTab(AdminTab):
    def __init__(self, actor, admin, accounts: AccountService, parent=None):
        super().__init__(actor, admin, parent)
        self.accounts = accounts
        self.model = RowsModel(
            [
                Column(self.tr("Username"), lambda a: a.username, 140, bold=True),
                Column(self.tr("Name"), lambda a: a.full_name),
                Column(self.tr("Role"), lambda a: role_label(Role(a.role)), 130),
                Column(self.tr("Status"), self._status, 90),
            ],
            foreground=lambda a: None if a.active else "#8a96a3",
        )
        self.table = _table(self.model)
        self.table.setAccessibleName(self.tr("Accounts"))
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        # nothing chosen at first: a new account is never an administrator by default
        self.role.addItem(self.tr("Choose a role…"), None)
        for role in Role:
            self.role.addItem(role_label(role), role.value)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.create_button = QPushButton(self.tr("&Create account"))
        self.create_button.setObjectName("primaryButton")
        self.role_button = QPushButton(self.tr("Set r&ole"))
        self.reset_button = QPushButton(self.tr("Reset &password"))
        self.active_button = QPushButton(self.tr("&Deactivate"))
        grid = QGridLayout()
        grid.addWidget(field_label(self.tr("&Username"), self.username), 0, 0)
        grid.addWidget(self.username, 0, 1)
        grid.addWidget(field_label(self.tr("Full &name"), self.full_name), 1, 0)
        grid.addWidget(self.full_name, 1, 1)
        grid.addWidget(field_label(self.tr("Ro&le"), self.role), 2, 0)
        grid.addWidget(self.role, 2, 1)
        grid.addWidget(field_label(self.tr("Pass&word"), self.password), 3, 0)
        grid.addWidget(self.password, 3, 1)
        hint = QLabel(
            self.tr(
                "Select an account in the list to change its role, reset its password (type "
                "the new one above) or deactivate it."
            )
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        grid.addWidget(hint, 4, 0, 1, 2)
        card = _card(
            grid,
            [self.create_button],
            self.tr("Account"),
        )
        selected = QHBoxLayout()
        for button in (self.role_button, self.reset_button, self.active_button):
            selected.addWidget(button)
        card.layout().insertLayout(card.layout().count() - 1, selected)
        self.setLayout(_split(self.table, card, self.message, self.tr("Staff accounts")))
        self._connect_signals()
        self.load()

    def _status(self, account) -> str:
        return self.tr("active") if account.active else self.tr("inactive")

    def _connect_signals(self) -> None:
        self.create_button.clicked.connect(self.create_account)
        self.role_button.clicked.connect(self.set_role)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.table.selectionModel().selectionChanged.connect(self._picked)

    def load(self) -> None:
        self.model.set_rows(adm.accounts(self.actor.office_id))

    def _current(self):
        return self.selected(self.table, self.model)

    def _picked(self, *_args) -> None:
        account = self._current()
        if account is None:
            return
        self.role.setCurrentIndex(self.role.findData(account.role))
        self.active_button.setText(
            self.tr("&Deactivate") if account.active else self.tr("&Activate")
        )

    def select_username(self, username: str) -> None:
        for row, account in enumerate(self.model.rows):
            if account.username == username:
                self.table.selectRow(row)

    def _chosen_role(self) -> Role | None:
        if self.role.currentData() is None:
            self.show_message(self.tr("Choose the account's role first."), "error")
            self.role.setFocus()
            return None
        return Role(self.role.currentData())

    def create_account(self) -> None:
        username = self.username.text()
        role = self._chosen_role()
        if role is None:
            return

        def create():
            self.accounts.create(
                self.actor,
                username,
                self.full_name.text(),
                role,
                self.password.text(),
            )

        if self.attempt(create, self.tr("The account {name} is created.").format(name=username)):
            for field in (self.username, self.full_name, self.password):
                field.clear()
            self.select_username(username.strip().lower())

    def _with_selected(self, action, done: str) -> None:
        account = self._current()
        if account is None:
            self.show_message(self.tr("Select an account in the list first."), "error")
            return
        if self.attempt(lambda: action(account), done.format(name=account.username)):
            self.select_username(account.username)

    def set_role(self) -> None:
        role = self._chosen_role()
        if role is None:
            return
        self._with_selected(
            lambda a: self.accounts.set_role(self.actor, a.id, role),
            self.tr("The role of {name} is changed."),
        )

    def reset_password(self) -> None:
        password = self.password.text()
        self._with_selected(
            lambda a: self.accounts.reset_password(self.actor, a.id, password),
            self.tr("The password of {name} is reset."),
        )
        self.password.clear()

    def toggle_active(self) -> None:
        account = self._current()
        active = account is not None and not account.active
        self._with_selected(
            lambda a: self.accounts.set_active(self.actor, a.id, active),
            self.tr("{name} is active again.") if active else self.tr("{name} is deactivated."),
        )


# == services ==============================================================================
class ServicesTab(AdminTab):
    def __init__(self, actor, admin, parent=None):
        super().__init__(actor, admin, parent)
        self.editing: int | None = None
        self.model = RowsModel(
            [
                Column(self.tr("Order"), lambda s: str(s.sort_order), 60, centre=True),
                Column(self.tr("Prefix"), lambda s: s.prefix, 70, bold=True, centre=True),
                Column(self.tr("Code"), lambda s: s.code, 150),
                Column(self.tr("Name"), lambda s: s.name),
                Column(self.tr("Status"), self._status, 90),
            ],
            foreground=lambda s: None if s.active else "#8a96a3",
        )
        self.table = _table(self.model)
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
        self.card = _card(grid, [self.save_button, self.new_button], self.tr("Service"))
        self.setLayout(_split(self.table, self.card, self.message, self.tr("Services")))
        self._connect_signals()
        self.load()

    def _status(self, service) -> str:
        return self.tr("active") if service.active else self.tr("inactive")

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_service)
        self.save_button.clicked.connect(self.save)
        self.table.selectionModel().selectionChanged.connect(self._picked)

    def load(self) -> None:
        self.model.set_rows(adm.services(self.actor.office_id))
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
        def save():
            service = self.admin.save_service(
                self.actor,
                self.editing,
                code=self.code.text(),
                prefix=self.prefix.text(),
                name=self.name.text(),
                sort_order=self.order.value(),
                active=self.active.isChecked(),
            )
            self.editing = service.id

        self.attempt(save, self.tr("The service is saved."))


# == desks =================================================================================
class DesksTab(AdminTab):
    def __init__(self, actor, admin, parent=None):
        super().__init__(actor, admin, parent)
        self.editing: int | None = None
        self.service_names: dict[int, str] = {}
        self.model = RowsModel(
            [
                Column(self.tr("Desk"), lambda d: d.name, 140, bold=True),
                Column(self.tr("Services"), self._services_text),
                Column(self.tr("Status"), self._status, 90),
            ],
            foreground=lambda d: None if d.active else "#8a96a3",
        )
        self.table = _table(self.model)
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
        card = _card(grid, [self.save_button, self.new_button], self.tr("Desk"))
        self.setLayout(_split(self.table, card, self.message, self.tr("Desks")))
        self._connect_signals()
        self.load()

    def _status(self, desk) -> str:
        return self.tr("open") if desk.active else self.tr("closed")

    def _services_text(self, desk) -> str:
        return ", ".join(self.service_names.get(i, "?") for i in sorted(desk.service_ids))

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_desk)
        self.save_button.clicked.connect(self.save)
        self.table.selectionModel().selectionChanged.connect(self._picked)

    def load(self) -> None:
        services = adm.services(self.actor.office_id)
        self.service_names = {s.id: f"{s.prefix} {s.name}" for s in services}
        self.services.clear()
        for service in services:
            item = QListWidgetItem(f"{service.prefix} · {service.name}")
            item.setData(Qt.ItemDataRole.UserRole, service.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.services.addItem(item)
        self.model.set_rows(adm.desks(self.actor.office_id))
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
        def save():
            desk = self.admin.save_desk(
                self.actor,
                self.editing,
                name=self.name.text(),
                active=self.active.isChecked(),
                service_ids=self.checked_services(),
            )
            self.editing = desk.id

        self.attempt(save, self.tr("The desk is saved."))


# == office and hours ======================================================================
class OfficeTab(AdminTab):
    def __init__(self, actor, admin, choose_logo: FileChooser | None = None, parent=None):
        super().__init__(actor, admin, parent)
        self.choose_logo: FileChooser = choose_logo or self._ask_logo
        self.logo: bytes | object | None = KEEP_LOGO
        self.name = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(64)
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        for zone in TIME_ZONES:
            self.time_zone.addItem(zone)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(96, 96)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_button = QPushButton(self.tr("Choose &logo…"))
        self.remove_logo_button = QPushButton(self.tr("Remo&ve logo"))
        self.save_profile_button = QPushButton(self.tr("&Save office"))
        self.save_profile_button.setObjectName("primaryButton")
        grid = QGridLayout()
        grid.addWidget(field_label(self.tr("Office &name"), self.name), 0, 0)
        grid.addWidget(self.name, 0, 1, 1, 2)
        grid.addWidget(field_label(self.tr("&Address"), self.address), 1, 0)
        grid.addWidget(self.address, 1, 1, 1, 2)
        grid.addWidget(field_label(self.tr("&Time zone"), self.time_zone), 2, 0)
        grid.addWidget(self.time_zone, 2, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Logo")), 3, 0)
        grid.addWidget(self.logo_preview, 3, 1, 2, 1)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch(1)
        grid.addLayout(logo_buttons, 3, 2, 2, 1)
        logo_hint = QLabel(self.tr("PNG or JPEG, at most 512 KB; printed on tickets and reports."))
        logo_hint.setObjectName("cardHint")
        logo_hint.setWordWrap(True)
        grid.addWidget(logo_hint, 5, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        profile = _card(grid, [self.save_profile_button], self.tr("Office profile"))

        self.days: dict[int, tuple[QCheckBox, QTimeEdit, QTimeEdit]] = {}
        hours = QGridLayout()
        hours.addWidget(QLabel(self.tr("Opens")), 0, 1)
        hours.addWidget(QLabel(self.tr("Closes")), 0, 2)
        names = [
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        ]
        for weekday, name in enumerate(names):
            box = QCheckBox(name)
            opens, closes = QTimeEdit(), QTimeEdit()
            for edit in (opens, closes):
                edit.setDisplayFormat("HH:mm")
            opens.setAccessibleName(self.tr("{day}: opens at").format(day=name))
            closes.setAccessibleName(self.tr("{day}: closes at").format(day=name))
            hours.addWidget(box, weekday + 1, 0)
            hours.addWidget(opens, weekday + 1, 1)
            hours.addWidget(closes, weekday + 1, 2)
            self.days[weekday] = (box, opens, closes)
        hours_hint = QLabel(
            self.tr(
                "SOP: Mon–Thu 08:00–15:30, Fri 08:00–16:00, no break. Outside the hours "
                "visitors are served by appointment only."
            )
        )
        hours_hint.setObjectName("cardHint")
        hours_hint.setWordWrap(True)
        hours.addWidget(hours_hint, 8, 0, 1, 3)
        self.save_hours_button = QPushButton(self.tr("Save &hours"))
        self.save_hours_button.setObjectName("primaryButton")
        hours_card = _card(hours, [self.save_hours_button], self.tr("Service hours"))

        _two_cards(self, self.message, profile, hours_card, (3, 2))
        self._connect_signals()
        self.load()

    def _connect_signals(self) -> None:
        self.save_profile_button.clicked.connect(self.save_profile)
        self.save_hours_button.clicked.connect(self.save_hours)
        self.logo_button.clicked.connect(self.pick_logo)
        self.remove_logo_button.clicked.connect(self.remove_logo)
        for box, opens, closes in self.days.values():
            box.toggled.connect(opens.setEnabled)
            box.toggled.connect(closes.setEnabled)

    def load(self) -> None:
        office = Office.get_by_id(self.actor.office_id)
        self.name.setText(office.name)
        self.address.setPlainText(office.address or "")
        self.time_zone.setCurrentText(office.time_zone)
        self.logo = KEEP_LOGO
        self._preview(bytes(office.logo) if office.logo else None)
        week = adm.hours(self.actor.office_id)
        for weekday, (box, opens, closes) in self.days.items():
            span = week.get(weekday)
            box.setChecked(span is not None)
            opens.setEnabled(span is not None)
            closes.setEnabled(span is not None)
            first, last = span or (dt.time(8, 0), dt.time(15, 30))
            opens.setTime(QTime(first.hour, first.minute))
            closes.setTime(QTime(last.hour, last.minute))

    def _preview(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    88,
                    88,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("no logo"))

    def _ask_logo(self) -> Path | None:  # pragma: no cover - a real dialog
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), "", self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        return Path(name) if name else None

    def pick_logo(self) -> None:
        path = self.choose_logo()
        if path is None:
            return
        data = Path(path).read_bytes()
        try:
            adm.check_logo(data)
        except ValidationError as exc:
            self.show_message("\n".join(exc.fields.values()), "error")
            return
        self.logo = data
        self._preview(data)
        self.show_message(self.tr("Logo chosen; save the office to keep it."))

    def remove_logo(self) -> None:
        self.logo = None
        self._preview(None)

    def save_profile(self) -> None:
        self.attempt(
            lambda: self.admin.save_profile(
                self.actor,
                name=self.name.text(),
                address=self.address.toPlainText(),
                time_zone=self.time_zone.currentText(),
                logo=self.logo,
            ),
            self.tr("The office profile is saved."),
        )

    def week(self) -> dict[int, tuple[dt.time, dt.time] | None]:
        return {
            weekday: (opens.time().toPython(), closes.time().toPython())
            if box.isChecked()
            else None
            for weekday, (box, opens, closes) in self.days.items()
        }

    def save_hours(self) -> None:
        self.attempt(
            lambda: self.admin.save_hours(self.actor, self.week()),
            self.tr("The service hours are saved."),
        )


# == closure days ==========================================================================
class ClosuresTab(AdminTab):
    def __init__(self, actor, admin, today: dt.date, parent=None):
        super().__init__(actor, admin, parent)
        self.today = today
        self.model = RowsModel(
            [
                Column(self.tr("Date"), self._date, 150, bold=True),
                Column(self.tr("Holiday / cuti bersama"), lambda e: e.holiday),
                Column(self.tr("Office"), self._office, 150),
                Column(self.tr("Reason"), lambda e: e.reason, 200),
            ],
            background=lambda e: "#e3f4e8" if not e.closed else None,
            foreground=lambda e: "#0b4a8b" if e.office_override else None,
        )
        self.table = _table(self.model)
        self.table.setAccessibleName(self.tr("Closure days"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Office closed"), True)
        self.kind.addItem(self.tr("Office open (on a listed holiday)"), False)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. decree number or office event"))
        self.add_button = QPushButton(self.tr("&Add day"))
        self.add_button.setObjectName("primaryButton")
        self.remove_button = QPushButton(self.tr("&Remove selected"))
        grid = QGridLayout()
        grid.addWidget(field_label(self.tr("&Year shown"), self.year), 0, 0)
        grid.addWidget(self.year, 0, 1)
        grid.addWidget(field_label(self.tr("&Date"), self.day), 1, 0)
        grid.addWidget(self.day, 1, 1)
        grid.addWidget(field_label(self.tr("&The office is"), self.kind), 2, 0)
        grid.addWidget(self.kind, 2, 1)
        grid.addWidget(field_label(self.tr("Rea&son"), self.reason), 3, 0)
        grid.addWidget(self.reason, 3, 1)
        hint = QLabel(
            self.tr(
                "The list shows the year's national holidays and cuti bersama with the "
                "office's own days on top. Working days and the online 3-day limit follow it."
            )
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        grid.addWidget(hint, 4, 0, 1, 2)
        card = _card(grid, [self.add_button, self.remove_button], self.tr("Office day"))
        self.setLayout(_split(self.table, card, self.message, self.tr("Closure days")))
        self._connect_signals()
        self.load()

    def _date(self, entry) -> str:
        weekdays = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]
        return f"{weekdays[entry.day.weekday()]} {entry.day:%d/%m/%Y}"

    def _office(self, entry) -> str:
        if not entry.office_override:
            return self.tr("closed (national)")
        return self.tr("closed") if entry.closed else self.tr("open")

    def _connect_signals(self) -> None:
        self.year.valueChanged.connect(self.load)
        self.add_button.clicked.connect(self.add_day)
        self.remove_button.clicked.connect(self.remove_day)

    def load(self, *_args) -> None:
        self.model.set_rows(adm.year_calendar(self.actor.office_id, self.year.value()))

    def add_day(self) -> None:
        day = self.day.date().toPython()
        if day.year != self.year.value():
            self.year.setValue(day.year)
        if self.attempt(
            lambda: self.admin.add_closure(
                self.actor, day, self.reason.text(), closed=bool(self.kind.currentData())
            ),
            self.tr("{date} is added to the office's days.").format(date=f"{day:%d/%m/%Y}"),
        ):
            self.reason.clear()

    def remove_day(self) -> None:
        entry = self.selected(self.table, self.model)
        if entry is None or not entry.office_override:
            self.show_message(
                self.tr("Select one of the office's own days (in blue) to remove it."), "error"
            )
            return
        self.attempt(
            lambda: self.admin.remove_closure(self.actor, entry.day),
            self.tr("{date} is removed from the office's days.").format(
                date=f"{entry.day:%d/%m/%Y}"
            ),
        )


# == rating and board ======================================================================
class RatingBoardTab(AdminTab):
    def __init__(self, actor, admin, station_scale: int, station_text: str, parent=None):
        super().__init__(actor, admin, parent)
        self.station_scale, self.station_text = station_scale, station_text
        self.question = QLineEdit()
        self.scale = QSpinBox()
        self.scale.setRange(adm.RATING_SCALE_MIN, adm.RATING_SCALE_MAX)
        self.save_rating_button = QPushButton(self.tr("&Save rating"))
        self.save_rating_button.setObjectName("primaryButton")
        grid = QGridLayout()
        grid.addWidget(field_label(self.tr("&Question"), self.question), 0, 0)
        grid.addWidget(self.question, 0, 1)
        grid.addWidget(field_label(self.tr("S&cale: 1 to"), self.scale), 1, 0)
        grid.addWidget(self.scale, 1, 1, Qt.AlignmentFlag.AlignLeft)
        hint = QLabel(
            self.tr(
                "Offices use 1–4, 1–5 or 1–6. Ratings already given keep their own scale; "
                "reports map them onto the most used one."
            )
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        grid.addWidget(hint, 2, 0, 1, 2)
        self.kiosk_pin = QLineEdit()
        self.kiosk_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.kiosk_pin.setMaxLength(8)
        self.kiosk_pin.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9]{0,8}"), self.kiosk_pin)
        )
        self.kiosk_pin.setPlaceholderText(self.tr("4 to 8 digits; blank keeps it unchanged"))
        self.kiosk_pin_state = QLabel()
        self.kiosk_pin_state.setObjectName("cardHint")
        self.kiosk_pin_state.setWordWrap(True)
        self.save_pin_button = QPushButton(self.tr("Save kiosk P&IN"))
        grid.addWidget(field_label(self.tr("&Kiosk PIN"), self.kiosk_pin), 3, 0)
        grid.addWidget(self.kiosk_pin, 3, 1)
        grid.addWidget(self.kiosk_pin_state, 4, 0, 1, 2)
        rating = _card(
            grid, [self.save_rating_button, self.save_pin_button], self.tr("Rating screen")
        )

        self.running_text = QPlainTextEdit()
        self.running_text.setFixedHeight(90)
        self.counter = QLabel()
        self.counter.setObjectName("cardHint")
        self.save_text_button = QPushButton(self.tr("Save running &text"))
        self.save_text_button.setObjectName("primaryButton")
        board_grid = QGridLayout()
        board_grid.addWidget(field_label(self.tr("&Running text"), self.running_text), 0, 0)
        board_grid.addWidget(self.running_text, 1, 0)
        board_grid.addWidget(self.counter, 2, 0)
        board = _card(board_grid, [self.save_text_button], self.tr("Display board"))
        _two_cards(self, self.message, rating, board, (1, 1))
        self._connect_signals()
        self.load()

    def _connect_signals(self) -> None:
        self.save_rating_button.clicked.connect(self.save_rating)
        self.save_pin_button.clicked.connect(self.save_pin)
        self.kiosk_pin.returnPressed.connect(self.save_pin)
        self.save_text_button.clicked.connect(self.save_text)
        self.running_text.textChanged.connect(self._count)

    def load(self) -> None:
        current = adm.office_settings(
            self.actor.office_id,
            station_scale=self.station_scale,
            station_running_text=self.station_text,
        )
        self.question.setText(current.rating_question)
        self.scale.setValue(current.rating_scale)
        self.running_text.setPlainText(current.board_running_text)
        self._count()
        self.kiosk_pin.clear()
        self.kiosk_pin_state.setText(
            self.tr("A kiosk PIN is set; a supervisor types it to close the rating screen.")
            if adm.kiosk_pin_set(self.actor.office_id)
            else self.tr("No kiosk PIN is set yet: nobody can close the rating screen.")
        )

    def _count(self) -> None:
        n = len(" ".join(self.running_text.toPlainText().split()))
        self.counter.setText(
            self.tr("{n} of {max} characters").format(n=n, max=adm.RUNNING_TEXT_MAX)
        )

    def save_rating(self) -> None:
        self.attempt(
            lambda: self.admin.save_rating(
                self.actor, question=self.question.text(), scale=self.scale.value()
            ),
            self.tr("The rating question and scale are saved."),
        )

    def save_pin(self) -> None:
        pin = self.kiosk_pin.text()
        if not pin:  # blank: keep the PIN as it is
            self.show_message(self.tr("The kiosk PIN is unchanged."))
            return
        self.attempt(
            lambda: self.admin.save_kiosk_pin(self.actor, pin),
            self.tr("The kiosk PIN is saved; the rating screens ask for it."),
        )
        self.kiosk_pin.clear()

    def save_text(self) -> None:
        self.attempt(
            lambda: self.admin.save_running_text(self.actor, self.running_text.toPlainText()),
            self.tr("The running text is saved; the display boards show it."),
        )
