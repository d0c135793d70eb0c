"""The first-run setup of a new PC: where the data lives, then what this PC does.

1. *Where*: "this PC only" (SQLite in the user's data folder, nothing to set up; the default,
   one Enter away) or "the office server" (PostgreSQL on the LAN).
2. *Server* (server only): host, port, database, user, password; "Test connection"
   (``pst_desktop.db.server.check_server``) runs on the page's ``ui.readers.BackgroundReader``
   and answers in one line; a newer test, or an edit of the fields, drops the answer of an
   older one.
3. *Database* (server only): creates or upgrades the schema (``server.prepare_database``:
   ``models.migrations.upgrade``) on the page's reader, on a database of the worker thread's own;
   the app's model binding is left as it was.  A database with no administrator gets one right
   after the wizard (the shell shows the first-administrator form).
4. *Station*: what this PC runs (staff sign-in, the display board, or the rating kiosk of a
   desk), which screen faces the visitor, which printer prints tickets.

``finish`` writes the settings: the URL *without* its password (the password goes into libpq's
own password file, see ``pst_desktop.db.credentials``), ``station/configured`` and the station
choices.  The wizard never blocks: the shell ``open()``s it and listens to ``accepted``.
"""

from __future__ import annotations

import functools
import html
import logging
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlparse

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pst_desktop.core.errors import first_line
from pst_desktop.core.settings import StationSettings
from pst_desktop.db import credentials
from pst_desktop.db.connection import describe
from pst_desktop.db.server import (
    LATEST_SCHEMA,
    DatabasePrepared,
    ServerFound,
    check_server,
    prepare_database,
)
from pst_desktop.db.startup import connection_reason
from ui.readers import BackgroundReader
from ui.style import FAINT, SETUP_WIZARD_SHEET, font_scale, scale_sheet

log = logging.getLogger(__name__)

PAGE_WHERE, PAGE_SERVER, PAGE_DATABASE, PAGE_STATION = range(4)

STYLE = SETUP_WIZARD_SHEET  # (ui.style)


@dataclass(frozen=True)
class ServerChoice:
    host: str
    port: int
    database: str
    user: str
    password: str
    schema: str = ""

    def url(self, with_password: bool = True) -> str:
        return credentials.server_url(
            self.host,
            self.port,
            self.database,
            self.user,
            self.password if with_password else "",
            self.schema,
        )


def save_server_choice(settings: StationSettings, choice: ServerChoice) -> str:
    """Keep a tested server in this PC's settings: the URL without its password (returned), the
    password in libpq's password file (``pst_desktop.db.credentials``)."""
    if choice.password:
        credentials.save_password(
            choice.host, choice.port, choice.database, choice.user, choice.password
        )
    url = choice.url(with_password=False)
    settings.database_url = url
    return url


def server_choice_from_url(url: str) -> ServerChoice | None:
    """The fields of a PostgreSQL URL (the password from the URL, else the password file), or
    None for another kind of URL."""
    parsed = urlparse(url)
    if parsed.scheme.lower() not in ("postgres", "postgresql"):
        return None
    try:
        port = parsed.port or 5432
    except ValueError:
        port = 5432
    host = parsed.hostname or "localhost"
    database = unquote(parsed.path.strip("/"))
    user = unquote(parsed.username or "")
    password = unquote(parsed.password or "")
    if not password and host and database and user:
        password = credentials.stored_password(host, port, database, user) or ""
    schema = parse_qs(parsed.query).get("schema", [""])[0]
    return ServerChoice(host, port, database, user, password, schema)


def _set_result(label: QLabel, text: str, state: str) -> None:
    label.setText(text)
    label.setProperty("state", state)
    label.setVisible(bool(text))
    label.style().unpolish(label)
    label.style().polish(label)


def _result_label() -> QLabel:
    label = QLabel()
    label.setObjectName("setupResult")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class WherePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Where does this PC keep the data?"))
        self.setSubTitle(
            self.tr("Choose once; the office IT administrator can change it later in the settings.")
        )
        self.local = QRadioButton(self.tr("This PC only"))
        self.local.setObjectName("choiceLocal")
        self.local.setChecked(True)
        local_hint = QLabel(
            self.tr(
                "The guest book and the queue are kept on this PC. Nothing to set up: press "
                "Finish (or Enter) to start. Right for an office with one PST computer."
            )
        )
        self.server = QRadioButton(self.tr("Connect to the office server"))
        self.server.setObjectName("choiceServer")
        server_hint = QLabel(
            self.tr(
                "Several PCs (front desk, consultation desks, display board) share one "
                "PostgreSQL database on the office network. You need the server's address, "
                "the database name, a user and its password."
            )
        )
        for hint in (local_hint, server_hint):
            hint.setObjectName("choiceHint")
            hint.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.group.addButton(self.local)
        self.group.addButton(self.server)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.local)
        layout.addWidget(local_hint)
        layout.addWidget(self.server)
        layout.addWidget(server_hint)
        layout.addStretch(1)
        self.setFinalPage(True)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.local.toggled.connect(self._choice_changed)

    def _choice_changed(self, local: bool) -> None:
        self.setFinalPage(local)
        wizard = self.wizard()
        if isinstance(wizard, SetupWizard):
            wizard.prefer_finish()

    def nextId(self) -> int:
        return PAGE_STATION if self.local.isChecked() else PAGE_SERVER


class ServerPage(QWizardPage):
    """Host, port, database, user and password, and "Test connection" (off the GUI thread)."""

    def __init__(self, schema: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The office database server"))
        self.setSubTitle(
            self.tr(
                "Ask the office IT administrator for these. The password is kept in this "
                "user's PostgreSQL password file, not in the settings."
            )
        )
        self._schema = schema
        self.host = QLineEdit()
        self.host.setObjectName("host")
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10 or pst-server"))
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("pst")
        self.database.setObjectName("database")
        self.user = QLineEdit("pst")
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testButton")
        self.result = _result_label()
        form = QFormLayout()
        form.setSpacing(8)
        form.addRow(self.tr("Server (host)"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.tested: ServerChoice | None = None
        self.schema_version = -1
        self._testing: ServerChoice | None = None
        # a server of its own (not the app's database); a newer test drops an older answer
        self._reader = BackgroundReader(None, self, skip_superseded=True)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.test_button.clicked.connect(self.test_connection)
        for edit in (self.host, self.database, self.user, self.password):
            edit.textEdited.connect(self._edited)
        self.port.valueChanged.connect(self._edited)
        self._reader.finished.connect(self._found)
        self._reader.failed.connect(self._not_found)

    def choice(self) -> ServerChoice:
        return ServerChoice(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.password.text(),
            self._schema,
        )

    def fill(self, choice: ServerChoice) -> None:
        """Start from a known server (the connection settings of a PC already set up)."""
        self.host.setText(choice.host)
        self.port.setValue(choice.port)
        self.database.setText(choice.database)
        self.user.setText(choice.user)
        self.password.setText(choice.password)
        self._schema = choice.schema or self._schema
        self._edited()

    def _edited(self, *_args) -> None:
        if self._testing is not None:  # that answer would be about another server: drop it
            self._reader.cancel()
            self._testing = None
            self.test_button.setEnabled(True)
            _set_result(self.result, "", "")
        if self.tested is not None:
            self.tested = None
            _set_result(self.result, "", "")
            self.completeChanged.emit()

    def test_connection(self) -> None:
        choice = self.choice()
        missing = [
            name
            for name, value in (
                (self.tr("the server"), choice.host),
                (self.tr("the database"), choice.database),
                (self.tr("the user"), choice.user),
            )
            if not value
        ]
        if missing:
            _set_result(
                self.result,
                self.tr("Fill in {fields}.").format(fields=", ".join(missing)),
                "error",
            )
            return
        self._testing = choice
        self.tested = None
        self.test_button.setEnabled(False)
        _set_result(
            self.result,
            self.tr("Connecting to {server}…").format(server=f"{choice.host}:{choice.port}"),
            "busy",
        )
        self.completeChanged.emit()
        self._reader.submit(functools.partial(check_server, choice.url()))

    def _answered(self) -> ServerChoice | None:
        """The server the delivered answer is about (None: the fields changed meanwhile)."""
        self.test_button.setEnabled(True)
        choice, self._testing = self._testing, None
        if choice is None or choice != self.choice():
            return None
        return choice

    def _not_found(self, exc: BaseException) -> None:
        choice = self._answered()
        if choice is not None:
            detail = first_line(exc)
            log.info("connection test to %s failed: %s", describe(choice.url()), detail)
            sentence = self.tr("Cannot connect to {server}: {reason}").format(
                server=f"{choice.host}:{choice.port}/{choice.database}",
                reason=connection_reason(detail),
            )
            # the driver's own line stays as a small grey detail for the office IT
            _set_result(
                self.result,
                f"{html.escape(sentence)}<br><span style='color:{FAINT}; font-size:small'>"
                f"{html.escape(detail)}</span>",
                "error",
            )

    def _found(self, found: ServerFound) -> None:
        choice = self._answered()
        if choice is None:
            return
        self.tested = choice
        schema_version = self.schema_version = found.schema_version
        if schema_version <= 0:
            state = self.tr("the database is empty; the next step creates the tables.")
        elif schema_version < LATEST_SCHEMA:
            state = self.tr(
                "its schema is version {old}; the next step upgrades it to {new}."
            ).format(old=schema_version, new=LATEST_SCHEMA)
        else:
            state = self.tr("its schema is up to date.")
        _set_result(
            self.result,
            self.tr("Connected to PostgreSQL {version} on {server}: {state}").format(
                version=found.version,
                server=f"{choice.host}:{choice.port}/{choice.database}",
                state=state,
            ),
            "ok",
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.tested is not None and self.tested == self.choice()

    def shutdown(self) -> None:
        self._reader.wait(15_000)


class DatabasePage(QWizardPage):
    """Creates or upgrades the schema on the server, then says whether an admin exists."""

    def __init__(self, server: ServerPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Prepare the database"))
        self.setSubTitle(
            self.tr("PST Desktop creates its tables, or upgrades them without losing data.")
        )
        self.server = server
        self.result = _result_label()
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.result)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.done = False
        self.has_admin = False
        self._busy = False
        self._reader = BackgroundReader(None, self)  # the server's own database, not the app's
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.retry_button.clicked.connect(self.upgrade)
        self._reader.finished.connect(self._prepared)
        self._reader.failed.connect(self._not_prepared)

    def initializePage(self) -> None:
        if not self.done:
            self.upgrade()

    def upgrade(self) -> None:
        choice = self.server.tested
        if choice is None or self._busy:
            return
        self._busy = True
        self.retry_button.hide()
        _set_result(self.result, self.tr("Creating or upgrading the tables…"), "busy")
        self._reader.submit(functools.partial(prepare_database, choice.url()))

    def _not_prepared(self, exc: BaseException) -> None:
        self._busy = False
        log.warning("the server database could not be prepared: %s", first_line(exc))
        _set_result(
            self.result,
            self.tr("The database could not be prepared: {reason}").format(reason=first_line(exc)),
            "error",
        )
        self.retry_button.show()

    def _prepared(self, prepared: DatabasePrepared) -> None:
        self._busy = False
        applied, version = prepared.applied, prepared.version
        self.done = True
        self.has_admin = prepared.has_admin
        what = (
            self.tr("{count} schema step(s) applied, now at version {version}.").format(
                count=applied, version=version
            )
            if applied
            else self.tr("The tables are up to date (version {version}).").format(version=version)
        )
        then = (
            self.tr("Staff sign in with their accounts as before.")
            if self.has_admin
            else self.tr(
                "The database has no administrator yet: after this wizard you create the first one."
            )
        )
        log.info("server database prepared: %d step(s) applied, version %d", applied, version)
        _set_result(self.result, f"{what} {then}", "ok")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.done

    def shutdown(self) -> None:
        self._reader.wait(60_000)


class StationPage(QWizardPage):
    """What this PC runs, which screen faces the visitor, which printer prints tickets."""

    def __init__(self, settings: StationSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("This PC's job"))
        self.setSubTitle(self.tr("You can change these later; the defaults suit most desks."))
        self.role = QComboBox()
        self.role.setObjectName("role")
        self.role.addItem(
            self.tr("Staff sign-in (reception, consultation desk, supervisor)"), "staff"
        )
        self.role.addItem(self.tr("Waiting-room display board"), "board")
        self.role.addItem(self.tr("Rating kiosk of one desk"), "rating")
        self.desk = QSpinBox()
        self.desk.setObjectName("desk")
        self.desk.setRange(1, 99)
        self.desk.setValue(settings.desk_id or 1)
        self.desk.setPrefix(self.tr("Desk "))
        self.screen = QComboBox()
        self.screen.setObjectName("screen")
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        for screen in screens:
            size = screen.geometry()
            label = self.tr("{name} ({width}×{height})").format(
                name=screen.name() or self.tr("screen"), width=size.width(), height=size.height()
            )
            if screen is primary:
                label = self.tr("{screen} — this PC's main screen").format(screen=label)
            self.screen.addItem(label, screen.name())
        others = [index for index, screen in enumerate(screens) if screen is not primary]
        wanted = self.screen.findData(settings.visitor_screen) if settings.visitor_screen else -1
        self.screen.setCurrentIndex(wanted if wanted >= 0 else (others[0] if others else 0))
        self.screen_hint = QLabel()
        self.screen_hint.setObjectName("choiceHint")
        self.screen_hint.setWordWrap(True)
        if len(screens) < 2:
            self.screen_hint.setText(
                self.tr(
                    "Only one screen is connected: the rating screen opens in a window until a "
                    "second monitor faces the visitor."
                )
            )
        self.printer = QComboBox()
        self.printer.setObjectName("printer")
        self.printer.addItem(self.tr("The system's default printer"), "")
        for name in self._printers():
            self.printer.addItem(name, name)
        found = self.printer.findData(settings.printer) if settings.printer else -1
        self.printer.setCurrentIndex(max(found, 0))
        form = QFormLayout(self)
        form.setSpacing(10)
        form.addRow(self.tr("This PC runs"), self.role)
        form.addRow(self.tr("Rating kiosk for"), self.desk)
        form.addRow(self.tr("Screen facing the visitor"), self.screen)
        form.addRow("", self.screen_hint)
        form.addRow(self.tr("Ticket printer"), self.printer)
        current = self.role.findData(settings.station_role)
        self.role.setCurrentIndex(max(current, 0))
        self._role_changed()
        self._connect_signals()

    @staticmethod
    def _printers() -> list[str]:
        try:
            from ui.printing import available_printers

            return available_printers()
        except Exception:  # no print support on this machine: the default printer only
            return []

    def _connect_signals(self) -> None:
        self.role.currentIndexChanged.connect(self._role_changed)

    def _role_changed(self, *_args) -> None:
        self.desk.setEnabled(self.role.currentData() == "rating")


class SetupWizard(QWizard):
    """The first-run wizard; ``finish()`` (on accept) writes the settings.  ``schema`` (tests and
    shared servers) puts the tables in a PostgreSQL schema of that name."""

    def __init__(
        self,
        settings: StationSettings,
        schema: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("PST Desktop — Setting up this PC"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setStyleSheet(scale_sheet(STYLE, font_scale(), pixels=False))  # system text size
        self.setMinimumSize(760, 520)
        self.where = WherePage()
        self.server = ServerPage(schema)
        self.database = DatabasePage(self.server)
        self.station = StationPage(settings)
        self.setPage(PAGE_WHERE, self.where)
        self.setPage(PAGE_SERVER, self.server)
        self.setPage(PAGE_DATABASE, self.database)
        self.setPage(PAGE_STATION, self.station)
        self.setStartId(PAGE_WHERE)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.url = ""
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.currentIdChanged.connect(lambda _id: self.prefer_finish())
        self.accepted.connect(self.finish)

    def prefer_finish(self) -> None:
        """On the first page with "this PC only" chosen, Enter means Finish, not Next."""
        if self.currentId() == PAGE_WHERE and self.where.local.isChecked():
            self.button(QWizard.WizardButton.FinishButton).setDefault(True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.prefer_finish()

    @property
    def uses_server(self) -> bool:
        return self.where.server.isChecked()

    def finish(self) -> None:
        """Write this PC's settings (called when the wizard is accepted)."""
        settings = self.settings
        if self.uses_server and self.server.tested is not None:
            self.url = save_server_choice(settings, self.server.tested)
        else:
            self.url = ""  # the embedded SQLite default in the user's data folder
        settings.database_url = self.url
        visited = self.hasVisitedPage(PAGE_STATION)
        role = self.station.role.currentData() if visited else "staff"
        settings.station_role = role
        if visited:
            if role == "rating":
                settings.desk_id = self.station.desk.value()
            settings.visitor_screen = self.station.screen.currentData() or ""
            settings.printer = self.station.printer.currentData() or ""
        settings.configured = True

    def description(self) -> str:
        return describe(self.url) if self.url else self.tr("this PC only")

    def shutdown(self) -> None:
        """Wait for a connection test or an upgrade under way (before closing the app)."""
        self.server.shutdown()
        self.database.shutdown()
