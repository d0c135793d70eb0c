"""The window a station shows while its database server does not answer yet.

One calm line ("Waiting for the database server… retrying in 5 s") and the server's name, in
the whole window; no driver text, no dialog to dismiss.  When retrying cannot help (a wrong
password, a missing database, a newer schema) the line says so plainly and the "Connection
settings…" button is the way out; the station keeps trying meanwhile.  It follows a
``pst_desktop.db.startup.StationStarter``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pst_desktop.db.startup import Problem, ProblemKind, StationStarter
from ui.style import WAITING_SCREEN_SHEET, font_scale, scale_sheet

STYLE = WAITING_SCREEN_SHEET  # (ui.style)


class WaitingScreen(QWidget):
    """Says what the station waits for; ``settings_requested`` / ``retry_requested`` from its
    two buttons."""

    settings_requested = Signal()
    retry_requested = Signal()

    def __init__(self, server: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitingScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(scale_sheet(STYLE, font_scale(), pixels=False))  # system text size
        self.setWindowTitle(self.tr("PST Desktop — Waiting for the database server"))
        self.setMinimumSize(640, 400)
        self.resize(1366, 768)
        self.problem: Problem | None = None
        self.seconds = 0
        self.connecting = True
        self._build(server)
        self._connect_signals()
        self._refresh()

    def _build(self, server: str) -> None:
        product = QLabel(self.tr("PST Desktop"))
        product.setObjectName("waitingProduct")
        self.line = QLabel()
        self.line.setObjectName("waitingLine")
        self.line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.line.setWordWrap(True)
        self.server = QLabel(self.tr("Server: {server}").format(server=server))
        self.server.setObjectName("waitingServer")
        self.server.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setObjectName("waitingHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("waitingDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Try now"))
        self.retry_button.setObjectName("retryButton")
        self.settings_button = QPushButton(self.tr("Connection settings…"))
        self.settings_button.setObjectName("connectionSettingsButton")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        page = QVBoxLayout(self)
        page.setContentsMargins(48, 24, 48, 32)
        page.addWidget(product)
        page.addStretch(3)
        page.addWidget(self.line)
        page.addSpacing(12)
        page.addWidget(self.server)
        page.addSpacing(8)
        page.addWidget(self.hint)
        page.addSpacing(24)
        page.addLayout(buttons)
        page.addStretch(4)
        page.addWidget(self.detail)

    def _connect_signals(self) -> None:
        self.retry_button.clicked.connect(self.retry_requested)
        self.settings_button.clicked.connect(self.settings_requested)

    def follow(self, starter: StationStarter) -> None:
        starter.attempting.connect(self.show_connecting)
        starter.waiting.connect(self.show_problem)
        starter.countdown.connect(self.show_countdown)

    def set_server(self, server: str) -> None:
        self.server.setText(self.tr("Server: {server}").format(server=server))

    # --- states ----------------------------------------------------------------------------------
    def show_connecting(self) -> None:
        self.connecting = True
        self._refresh()

    def show_problem(self, problem: Problem) -> None:
        self.connecting = False
        self.problem = problem
        self._refresh()

    def show_countdown(self, seconds: int) -> None:
        self.connecting = False
        self.seconds = seconds
        self._refresh()

    def _problem_text(self, kind: ProblemKind) -> str:
        if kind is ProblemKind.ACCOUNT:
            return self.tr("The database server refused this PC's user name or password.")
        if kind is ProblemKind.NO_DATABASE:
            return self.tr("The database server has no database of this name.")
        if kind is ProblemKind.NEWER_SCHEMA:
            return self.tr(
                "The database was upgraded by a newer PST Desktop: install that version on this PC."
            )
        if kind is ProblemKind.ADDRESS:
            return self.tr("The database address in this PC's settings cannot be used.")
        return self.tr("The database cannot be used by this PC.")

    def _refresh(self) -> None:
        problem = self.problem
        lasting = problem is not None and not problem.unreachable
        if lasting:
            line = self._problem_text(problem.kind)
            if self.connecting:
                hint = self.tr("Trying again now…")
            else:
                hint = self.tr(
                    "Change the connection settings, or ask the office IT administrator. "
                    "Trying again in {seconds} s."
                ).format(seconds=self.seconds)
            self.detail.setText(problem.detail)
        else:
            if self.connecting or problem is None:
                line = self.tr("Waiting for the database server… connecting")
            else:
                line = self.tr("Waiting for the database server… retrying in {seconds} s").format(
                    seconds=self.seconds
                )
            hint = self.tr(
                "This station carries on by itself as soon as the server answers. If this "
                "lasts, check the network cable and whether the server is switched on."
            )
            self.detail.setText("")
        self.line.setText(line)
        self.line.setProperty("state", "problem" if lasting else "")
        self.line.style().unpolish(self.line)
        self.line.style().polish(self.line)
        self.hint.setText(hint)
        self.retry_button.setEnabled(not self.connecting)
