"""The sign-in window: username and password, a plain message when it fails or locks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pst_desktop import __version__
from pst_desktop.admin.accounts import AccountService
from pst_desktop.core.errors import AuthenticationFailed, ConnectionLost
from pst_desktop.core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from pst_desktop.db.startup import connection_reason
from ui.accessibility import name_controls
from ui.widgets import Banner, VerticalScrollArea, field_label


class LoginWindow(QWidget):
    """Emits ``signed_in(account)`` once ``AccountService.authenticate`` accepts the user."""

    signed_in = Signal(object)
    #: the language code chosen in the sign-in window (the Shell switches and rebuilds it)
    language_chosen = Signal(str)
    #: "Connection settings…" pressed (the Shell checks who asks, then opens the settings)
    connection_settings_requested = Signal()

    def __init__(
        self,
        accounts: AccountService,
        office_name: str,
        database: str,
        parent: QWidget | None = None,
        language: str = DEFAULT_LANGUAGE,
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._language = language
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("PST Desktop — Sign in"))
        self.setMinimumSize(720, 560)
        self.resize(1366, 768)
        self._build(office_name, database)
        self._connect_signals()

    def _build(self, office_name: str, database: str) -> None:
        self.banner = Banner(
            office_name, self.tr("Integrated Statistical Services (PST) · Consultation desk")
        )

        self.card = QFrame()
        self.card.setObjectName("card")
        self.card.setFixedWidth(440)
        title = QLabel(self.tr("Sign in"))
        title.setObjectName("cardTitle")
        hint = QLabel(self.tr("Use the account your office administrator gave you."))
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("e.g. budi.santoso"))
        self.username.setMaxLength(60)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("errorLabel")
        self.message.setWordWrap(True)
        self.message.hide()
        self.submit_button = QPushButton(self.tr("Sign in"))
        self.submit_button.setObjectName("primaryButton")
        self.submit_button.setCursor(Qt.CursorShape.PointingHandCursor)

        # (compact enough for a 1366×768 laptop at 125 %: 1093×614 logical pixels, less a
        # taskbar, even with a message shown)
        card = QVBoxLayout(self.card)
        card.setContentsMargins(36, 24, 36, 24)
        card.setSpacing(6)
        card.addWidget(title)
        card.addWidget(hint)
        card.addSpacing(10)
        card.addWidget(field_label(self.tr("&Username"), self.username))
        card.addWidget(self.username)
        card.addSpacing(8)
        card.addWidget(field_label(self.tr("&Password"), self.password))
        card.addWidget(self.password)
        card.addSpacing(8)
        card.addWidget(self.message)
        card.addSpacing(4)
        card.addWidget(self.submit_button)
        card.addSpacing(8)
        forgot = QLabel(self.tr("Forgot your password? Ask the office administrator to reset it."))
        forgot.setObjectName("cardHint")
        forgot.setWordWrap(True)
        card.addWidget(forgot)
        card.addSpacing(8)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._language)))
        self.language.setToolTip(self.tr("The language of this PC's windows"))
        card.addWidget(field_label(self.tr("&Language"), self.language))
        self.connection_button = QPushButton(self.tr("Connection settings…"))
        self.connection_button.setObjectName("connectionSettingsButton")
        self.connection_button.setToolTip(
            self.tr("Change this PC's database server (administrators only)")
        )
        last_row = QHBoxLayout()  # the language and, beside it, the server's address
        last_row.addWidget(self.language, 1)
        last_row.addWidget(self.connection_button)
        card.addLayout(last_row)

        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(self.card)
        centre.addStretch(1)

        self.footer = QLabel(
            self.tr("PST Desktop {version} · Database: {database}").format(
                version=__version__, database=database
            )
        )
        self.footer.setObjectName("footer")
        self.footer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.footer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # the card scrolls where the screen is too short for it and a long message
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addStretch(2)
        middle_layout.addLayout(centre)
        middle_layout.addStretch(3)
        self.banner.layout().setContentsMargins(32, 12, 32, 12)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 10)
        page.setSpacing(0)
        page.addWidget(self.banner)
        page.addWidget(VerticalScrollArea(middle), 1)
        page.addWidget(self.footer)
        self.username.setFocus()
        name_controls(self)  # a screen reader's names

    def _connect_signals(self) -> None:
        self.username.returnPressed.connect(self._username_entered)
        self.password.returnPressed.connect(self.submit)
        self.submit_button.clicked.connect(self.submit)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.connection_button.clicked.connect(self.connection_settings_requested)

    def _language_changed(self, _index: int) -> None:
        code = self.language.currentData()
        if code and code != self._language:
            self.language_chosen.emit(code)

    def _username_entered(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def submit(self) -> None:
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            self.show_message(self.tr("Enter your username and password."))
            (self.username if not username else self.password).setFocus()
            return
        try:
            account = self._accounts.authenticate(username, password)
        except AuthenticationFailed as exc:  # also AccountLocked
            self.show_message(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        except ConnectionLost as exc:
            self.show_message(
                self.tr("The database cannot be reached ({reason}). Try again.").format(
                    reason=connection_reason(exc)
                )
            )
            return
        self.show_message("")
        self.password.clear()
        self.signed_in.emit(account)
