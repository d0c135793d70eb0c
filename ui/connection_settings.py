"""Changing this PC's database server after the first-run setup.

``ConnectionSettingsWizard`` is the setup wizard's server page on its own (host, port, database,
user, password, "Test connection" off the GUI thread); Finish is possible once the test
connected, and keeps the server as the setup wizard does (URL in the settings, password in the
password file).  ``AdminCheckDialog`` asks an administrator's username and password first when
it is opened from the sign-in window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from pst_desktop.core.errors import DatabaseTrouble, ServiceError
from pst_desktop.core.settings import StationSettings
from ui.setup_wizard import STYLE, ServerPage, save_server_choice, server_choice_from_url
from ui.widgets import field_label

# checks an administrator's username and password; raises ``ServiceError`` with a plain
# message when the person may not (``pst_desktop.db.startup.authorize_connection_change``)
AdminCheck = Callable[[str, str], object]


class AdminCheckDialog(QDialog):
    """Username and password of an administrator; accepted once ``check`` lets them through."""

    def __init__(self, check: AdminCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self.setObjectName("adminCheck")
        self.setWindowTitle(self.tr("PST Desktop — Connection settings"))
        self.setMinimumWidth(420)
        hint = QLabel(
            self.tr("Only an administrator may change this PC's database server. Sign in as one.")
        )
        hint.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("adminUsername")
        self.username.setMaxLength(60)
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("errorLabel")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addSpacing(8)
        layout.addWidget(field_label(self.tr("Administrator's &username"), self.username))
        layout.addWidget(self.username)
        layout.addWidget(field_label(self.tr("&Password"), self.password))
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.username.setFocus()

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._say(self.tr("Enter the administrator's username and password."))
            return
        try:
            self._check(username, password)
        except DatabaseTrouble:
            self._say(self.tr("The database cannot be reached. Try again."))
            return
        except ServiceError as exc:  # wrong password, locked, not an administrator
            self._say(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class ConnectionSettingsWizard(QWizard):
    """The server page of the setup wizard; on accept the tested server is kept in
    ``settings`` (``url`` then holds it, without the password)."""

    def __init__(
        self,
        settings: StationSettings,
        current_url: str = "",
        schema: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.url = ""
        self.setObjectName("connectionSettings")
        self.setWindowTitle(self.tr("PST Desktop — Connection settings"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setStyleSheet(STYLE)
        self.setMinimumSize(720, 480)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.server = ServerPage(schema)
        known = server_choice_from_url(current_url) if current_url else None
        if known is not None:
            self.server.fill(known)
        self.addPage(self.server)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Save and connect"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.accepted.connect(self.finish)

    def finish(self) -> None:
        choice = self.server.tested
        if choice is not None:
            self.url = save_server_choice(self.settings, choice)
            self.settings.configured = True

    def shutdown(self) -> None:
        self.server.shutdown()
