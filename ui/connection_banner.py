"""The calm band a window shows while its database cannot be reached.

One line ("Connection to the database lost, retrying…"), amber, not red: nothing the user typed
is lost, and the station carries on by itself when the server is back.  It follows a
``pst_desktop.db.reconnect.ConnectionMonitor``, which hears of a lost connection from the
database boundary (``ConnectionLost``) and the change watcher; its tooltip says why in a
sentence, while the driver's own words stay in the log.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pst_desktop.db.reconnect import ConnectionMonitor
from pst_desktop.db.startup import connection_reason
from ui.style import CONNECTION_BANNER_SHEET, font_scale, scale_sheet

STYLE = CONNECTION_BANNER_SHEET  # (ui.style)


class ConnectionBanner(QWidget):
    """Hidden while the database answers; one calm line while it does not."""

    def __init__(self, monitor: ConnectionMonitor | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(scale_sheet(STYLE, font_scale(), pixels=False))  # system text size
        self.text = QLabel(self.tr("Connection to the database lost, retrying…"))
        self.text.setObjectName("connectionBannerText")
        self.hint = QLabel(
            self.tr("What you typed stays here; carry on when the connection is back.")
        )
        self.hint.setObjectName("connectionBannerHint")
        self.hint.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 8, 24, 8)
        row.setSpacing(16)
        row.addWidget(self.text)
        row.addWidget(self.hint, 1)
        self.hide()
        self.monitor: ConnectionMonitor | None = None
        if monitor is not None:
            self.follow(monitor)

    def follow(self, monitor: ConnectionMonitor) -> None:
        self.monitor = monitor
        self._connect_signals()
        if monitor.is_lost:
            self.show_lost(monitor.reason)

    def _connect_signals(self) -> None:
        assert self.monitor is not None
        self.monitor.lost.connect(self.show_lost)
        self.monitor.restored.connect(self.hide)

    def show_lost(self, reason: str = "") -> None:
        """``reason``: the driver's words (the monitor logs them); staff read a sentence."""
        self.setToolTip(connection_reason(reason) if reason else "")
        self.show()
