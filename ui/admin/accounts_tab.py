"""The accounts tab: staff accounts, their roles, passwords and whether they may sign in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from models.entities import Role
from pst_desktop.admin import administration as adm
from pst_desktop.admin.accounts import AccountService
from ui.admin.base import AdminTab, form_card, table_and_card, table_view
from ui.role_window import role_label
from ui.style import FAINT
from ui.tables import Column, RowsModel
from ui.widgets import field_label


class AccountsTab(AdminTab):
    def __init__(self, actor, admin, accounts: AccountService, calls, parent=None):
        super().__init__(actor, admin, calls, parent)
        self.accounts = accounts
        #: the account to select once the list read after a change comes
        self.select_after: str | None = None
        self.model = RowsModel(
            [
                Column(self.tr("Username"), lambda a: a.username, 140, bold=True),
                Column(self.tr("Name"), lambda a: a.full_name),
                Column(self.tr("Role"), lambda a: role_label(Role(a.role)), 130),
                Column(self.tr("Status"), self._status, 90),
            ],
            foreground=lambda a: None if a.active else FAINT,
        )
        self.table = table_view(self.model)
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
        card = form_card(
            grid,
            [self.create_button],
            self.tr("Account"),
        )
        selected = QHBoxLayout()
        for button in (self.role_button, self.reset_button, self.active_button):
            selected.addWidget(button)
        card.layout().insertLayout(card.layout().count() - 1, selected)
        self.setLayout(table_and_card(self.table, card, self.message, self.tr("Staff accounts")))
        self._connect_signals()
        self.reload()

    def _status(self, account) -> str:
        return self.tr("active") if account.active else self.tr("inactive")

    def _connect_signals(self) -> None:
        self.create_button.clicked.connect(self.create_account)
        self.role_button.clicked.connect(self.set_role)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.table.selectionModel().selectionChanged.connect(self._picked)

    def read(self):
        office_id = self.actor.office_id
        return lambda: adm.accounts(office_id)

    def show_read(self, accounts: list[adm.AccountRow]) -> None:
        self.model.set_rows(accounts)
        if self.select_after is not None:
            self.select_username(self.select_after)
            self.select_after = None

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
        full_name, password = self.full_name.text(), self.password.text()
        actor, accounts = self.actor, self.accounts

        def created(_account) -> None:
            for field in (self.username, self.full_name, self.password):
                field.clear()
            self.select_after = username.strip().lower()

        self.calls.submit(
            "create account",
            lambda: accounts.create(actor, username, full_name, role, password),
            self.saved(self.tr("The account {name} is created.").format(name=username), created),
            on_refused=self.refused,
            on_lost=self.lost,
        )

    def _with_selected(self, name: str, change, done: str) -> None:
        """``change(account_id)`` on the write thread for the account selected now."""
        account = self._current()
        if account is None:
            self.show_message(self.tr("Select an account in the list first."), "error")
            return

        def keep(_value) -> None:
            self.select_after = account.username

        self.calls.submit(
            name,
            lambda: change(account.id),
            self.saved(done.format(name=account.username), keep),
            on_refused=self.refused,
            on_lost=self.lost,
        )

    def set_role(self) -> None:
        role = self._chosen_role()
        if role is None:
            return
        actor, accounts = self.actor, self.accounts
        self._with_selected(
            "set role",
            lambda account_id: accounts.set_role(actor, account_id, role),
            self.tr("The role of {name} is changed."),
        )

    def reset_password(self) -> None:
        password = self.password.text()
        actor, accounts = self.actor, self.accounts
        self._with_selected(
            "reset password",
            lambda account_id: accounts.reset_password(actor, account_id, password),
            self.tr("The password of {name} is reset."),
        )
        self.password.clear()

    def toggle_active(self) -> None:
        account = self._current()
        active = account is not None and not account.active
        actor, accounts = self.actor, self.accounts
        self._with_selected(
            "activate account" if active else "deactivate account",
            lambda account_id: accounts.set_active(actor, account_id, active),
            self.tr("{name} is active again.") if active else self.tr("{name} is deactivated."),
        )
