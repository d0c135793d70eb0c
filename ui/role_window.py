"""The frame every staff role's window shares (``RoleWindow``), and the honest placeholder for a
role with no window of its own (``PlaceholderWindow``).

A role's window builds on ``RoleWindow`` and imports only this module of the shell: which
window a role opens is the registry's business (``ui.roles``, which imports the windows; a
window never imports it, ``tests/ui/test_roles.py`` checks).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.database import database_proxy
from models.entities import Role
from pst_desktop.db.reconnect import ConnectionMonitor
from ui.connection_banner import ConnectionBanner
from ui.session import Session
from ui.widgets import Banner

logger = logging.getLogger(__name__)


def role_label(role: Role) -> str:
    """The role as staff call it, translated."""
    labels = {
        Role.ADMIN: QCoreApplication.translate("Roles", "Administrator"),
        Role.SUPERVISOR: QCoreApplication.translate("Roles", "Supervisor"),
        Role.RECEPTIONIST: QCoreApplication.translate("Roles", "Receptionist"),
        Role.OFFICER: QCoreApplication.translate("Roles", "Service officer"),
    }
    return labels.get(Role(role), str(role))


class RoleWindow(QMainWindow):
    """The frame every role window shares: the office banner with the signed-in user and a
    logout button. Subclasses fill ``self.body``; the shell listens to ``logout_requested``.

    Under the office banner sits the calm connection banner: it shows while
    ``connection_monitor`` says the database is lost.  A window feeds the monitor with
    ``watch_connection(watcher)`` (its ``ChangeWatcher``) and ``report_connection_error(exc)``
    (an action that failed); when the database is back the window's ``refresh()`` runs."""

    logout_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(
            QCoreApplication.translate("RoleWindow", "PST Desktop — {role}").format(
                role=role_label(session.role)
            )
        )
        self.setMinimumSize(960, 600)
        self.resize(1366, 768)
        page = QWidget()
        page.setObjectName("page")
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.banner = Banner(
            session.office.name,
            QCoreApplication.translate(
                "RoleWindow", "Integrated Statistical Services (PST) · {role}"
            ).format(role=role_label(session.role)),
        )
        self.user_label = QLabel(
            QCoreApplication.translate("RoleWindow", "{name} ({role})").format(
                name=session.name, role=role_label(session.role)
            )
        )
        self.user_label.setObjectName("bannerUser")
        self.logout_button = QPushButton(QCoreApplication.translate("RoleWindow", "Log out"))
        self.logout_button.setObjectName("bannerButton")
        self.logout_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.banner.side.addWidget(self.user_label)
        self.banner.side.addWidget(self.logout_button)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(32, 24, 32, 24)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.connection_monitor = ConnectionMonitor(database_proxy.obj, self)
        self.connection_banner = ConnectionBanner(self.connection_monitor)
        layout.addWidget(self.banner)
        layout.addWidget(self.connection_banner)
        layout.addLayout(self.body, 1)
        self.setCentralWidget(page)
        self._connect_role_signals()

    def _connect_role_signals(self) -> None:
        self.logout_button.clicked.connect(self.logout_requested)
        self.connection_monitor.restored.connect(self._connection_back)

    def watch_connection(self, watcher) -> None:
        """Show the connection banner whenever ``watcher`` (a ``ChangeWatcher``) loses the
        database, hide it when it is back."""
        self.connection_monitor.follow(watcher)

    def report_connection_error(self, exc: BaseException) -> bool:
        """An action failed with ``exc``; True (banner shown, retrying) for a lost connection."""
        return self.connection_monitor.report(exc)

    def _connection_back(self) -> None:
        refresh = getattr(self, "refresh", None)
        if callable(refresh):
            refresh()

    def closeEvent(self, event) -> None:
        self.connection_monitor.stop()
        super().closeEvent(event)


class PlaceholderWindow(RoleWindow):
    """Says plainly that this role's window is not in this version, and who is signed in."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._build()
        self._connect_signals()

    def _not_available(self) -> str:
        texts = {
            Role.ADMIN: self.tr("The administrator window is not available in this version yet."),
            Role.SUPERVISOR: self.tr("The supervisor window is not available in this version yet."),
            Role.RECEPTIONIST: self.tr(
                "The receptionist window is not available in this version yet."
            ),
            Role.OFFICER: self.tr(
                "The service officer window is not available in this version yet."
            ),
        }
        return texts[self.session.role]

    def _build(self) -> None:
        card = QFrame()
        card.setObjectName("card")
        card.setMaximumWidth(860)
        self.title = QLabel(self._not_available())
        self.title.setObjectName("placeholderTitle")
        self.title.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "You are signed in, but this version of PST Desktop has no window for your "
                "role yet. Log out to let a colleague sign in."
            )
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        details = QGridLayout()
        details.setHorizontalSpacing(24)
        details.setVerticalSpacing(8)
        rows = [
            (self.tr("Signed in as"), self.session.name),
            (self.tr("Role"), role_label(self.session.role)),
            (self.tr("Office"), self.session.office.name),
            (self.tr("Database"), self.session.database),
        ]
        self.detail_values: list[QLabel] = []
        for row, (key, value) in enumerate(rows):
            key_label = QLabel(key)
            key_label.setObjectName("detailKey")
            value_label = QLabel(value)
            value_label.setObjectName("detailValue")
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            details.addWidget(key_label, row, 0)
            details.addWidget(value_label, row, 1)
            self.detail_values.append(value_label)
        details.setColumnStretch(1, 1)
        self.logout_big = QPushButton(self.tr("Log out"))
        self.logout_big.setObjectName("primaryButton")
        self.logout_big.setCursor(Qt.CursorShape.PointingHandCursor)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.logout_big)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 32, 36, 32)
        inner.setSpacing(10)
        inner.addWidget(self.title)
        inner.addWidget(hint)
        inner.addSpacing(12)
        inner.addLayout(details)
        inner.addSpacing(16)
        inner.addLayout(buttons)

        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(card, 3)
        centre.addStretch(1)
        self.body.addStretch(1)
        self.body.addLayout(centre)
        self.body.addStretch(2)

    def _connect_signals(self) -> None:
        self.logout_big.clicked.connect(self.logout_requested)
