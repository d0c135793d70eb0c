"""The first start on an empty database: create the administrator account."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.admin.accounts import MIN_PASSWORD_LENGTH, AccountService
from pst_desktop.admin.administration import OfficeProfile
from pst_desktop.core.errors import ConnectionLost, ValidationError
from pst_desktop.db.startup import connection_reason
from ui.widgets import Banner, field_error, field_label, set_field_error


class FirstAdminDialog(QDialog):
    """Asks for username, full name and password (twice), and calls
    ``AccountService.create_first_admin``; the service's field errors appear under each field.
    Emits ``created(account)`` and accepts when the account exists."""

    created = Signal(object)
    #: "Connection settings…": anyone may change the server while no administrator exists
    connection_settings_requested = Signal()

    def __init__(
        self, accounts: AccountService, office: OfficeProfile, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._office = office
        self.setObjectName("page")
        self.setWindowTitle(self.tr("PST Desktop — First administrator"))
        self.setMinimumWidth(600)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.banner = Banner(self._office.name, self.tr("PST Desktop · First start"))
        title = QLabel(self.tr("Create the first administrator"))
        title.setObjectName("cardTitle")
        intro = QLabel(
            self.tr(
                "This database has no administrator yet. The administrator signs in first, "
                "creates the accounts of the other staff and sets up the office."
            )
        )
        intro.setObjectName("cardHint")
        intro.setWordWrap(True)

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setMaxLength(60)
        self.username.setPlaceholderText(self.tr("e.g. admin or budi.santoso"))
        self.full_name = QLineEdit()
        self.full_name.setObjectName("full_name")
        self.full_name.setMaxLength(120)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("At least {count} characters").format(count=MIN_PASSWORD_LENGTH)
        )
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields: dict[str, QLineEdit] = {
            "username": self.username,
            "full_name": self.full_name,
            "password": self.password,
            "repeat": self.repeat,
        }
        self.errors: dict[str, QLabel] = {key: field_error() for key in self.fields}
        self.message = QLabel()
        self.message.setObjectName("errorLabel")
        self.message.setWordWrap(True)
        self.message.hide()

        labels = {
            "username": self.tr("&Username"),
            "full_name": self.tr("&Full name"),
            "password": self.tr("&Password"),
            "repeat": self.tr("&Repeat the password"),
        }

        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.create_button = QPushButton(self.tr("Create administrator"))
        self.create_button.setObjectName("primaryButton")
        self.create_button.setDefault(True)
        self.create_button.setAutoDefault(True)
        self.cancel_button.setAutoDefault(False)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.banner)
        layout = QVBoxLayout()
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(4)
        outer.addLayout(layout)
        layout.addWidget(title)
        layout.addSpacing(4)
        layout.addWidget(intro)
        layout.addSpacing(14)
        for key, field in self.fields.items():
            layout.addWidget(field_label(labels[key], field))
            layout.addWidget(field)
            layout.addWidget(self.errors[key])
            layout.addSpacing(8)
        layout.addWidget(self.message)
        layout.addSpacing(8)
        buttons = QHBoxLayout()
        self.connection_button = QPushButton(self.tr("Connection settings…"))
        self.connection_button.setObjectName("connectionSettingsButton")
        self.connection_button.setAutoDefault(False)
        buttons.addWidget(self.connection_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)
        self.username.setFocus()

    def _connect_signals(self) -> None:
        self.create_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.connection_button.clicked.connect(self.connection_settings_requested)

    def clear_errors(self) -> None:
        for key, field in self.fields.items():
            set_field_error(field, self.errors[key], "")
        self.message.hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        general = []
        for key, text in errors.items():
            if key in self.fields:
                set_field_error(self.fields[key], self.errors[key], text)
            else:
                general.append(text)
        self.message.setText("\n".join(general))
        self.message.setVisible(bool(general))
        first = next((key for key in self.fields if key in errors), None)
        if first:
            self.fields[first].setFocus()

    def submit(self) -> None:
        self.clear_errors()
        if self.password.text() != self.repeat.text():
            self.show_errors({"repeat": self.tr("The two passwords differ.")})
            return
        try:
            account = self._accounts.create_first_admin(
                self._office.id,
                self.username.text(),
                self.full_name.text(),
                self.password.text(),
            )
        except ValidationError as exc:
            self.show_errors(exc.fields)
            return
        except ConnectionLost as exc:
            reason = connection_reason(exc)
            self.show_errors(
                {"": self.tr("The database cannot be reached ({reason}).").format(reason=reason)}
            )
            return
        self.created.emit(account)
        self.accept()
