"""The supervisor's window: the live day (tiles, charts, tables), the reports, and the
follow-ups (``ui.officer.follow_up_panel``: live, with complaints) with the paper
questionnaires' entry beside them (``paper_entry.PaperEntryDialog``, Ctrl+K).

The live day is computed on a reader thread on every change any station makes (the window's
``ChangeWatcher``) and every 30 s, so the window never stalls.  The window's ``calls``
(``ui.calls.ServiceCalls``) is its one way to the services: the admin's changes are written on
its thread, and a read or write that fails goes where it belongs (a refusal to the tab's message
line, a lost connection to the connection band, anything else to the crash handler).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

from pst_desktop.core.settings import StationSettings
from pst_desktop.db.changes import ChangeWatcher
from pst_desktop.db.connection import app_database
from ui.accessibility import name_controls
from ui.calls import ServiceCalls
from ui.officer.follow_up_panel import FollowUpPanel
from ui.role_window import RoleWindow
from ui.session import Session
from ui.style import SUPERVISOR_TABS_SHEET
from ui.supervisor.live_day import LiveDayWidget
from ui.supervisor.paper_entry import PaperEntryDialog
from ui.supervisor.reports import PathChooser, ReportsWidget

TAB_STYLE = SUPERVISOR_TABS_SHEET  # (ui.style)


def make_watcher(parent, poll_ms: int | None) -> ChangeWatcher:
    db = app_database()
    return ChangeWatcher(db, parent, poll_ms=poll_ms) if poll_ms else ChangeWatcher(db, parent)


class SupervisedWindow(RoleWindow):
    """A role window with the live day and reports tabs (supervisor; the admin adds more)."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        settings: StationSettings | None = None,
        watcher: ChangeWatcher | None = None,
        poll_ms: int | None = None,
        choose_path: PathChooser | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.clock = session.clock
        self.actor = session.actor
        self.settings = settings or StationSettings()
        self._db = app_database()
        self.watcher = watcher or make_watcher(self, poll_ms)
        # the window's one way to the services: writes in order on their own thread, and
        # where a failed read or write goes
        self.calls = ServiceCalls(self._db, self._refused, self._database_trouble, self)
        self.banner.layout().setContentsMargins(24, 8, 24, 8)
        self.body.setContentsMargins(14, 8, 14, 10)
        self.tabs = QTabWidget()
        self.tabs.setStyleSheet(TAB_STYLE)
        self.tabs.setDocumentMode(True)
        self.live_day = LiveDayWidget(self._db, self.actor.office_id, self.clock, self.calls)
        self.reports = ReportsWidget(
            self._db,
            self.actor.office_id,
            self.clock,
            self.calls,
            self.settings.language or "id",
            choose_path,
        )
        self.zone = ZoneInfo(session.office.time_zone)
        self.follow_ups = FollowUpPanel(
            actor=self.actor,
            clock=self.clock,
            zone=self.zone,
            db=self._db,
            calls=self.calls,
            language=self.settings.language or "id",
        )
        self.paper_button = QPushButton(self.tr("&Paper questionnaires… (Ctrl+K)"))
        self.follow_ups.add_tool(self.paper_button)
        self.paper_entry: PaperEntryDialog | None = None
        self._add_tabs()
        self.body.addWidget(self.tabs, 1)
        self.refresh_shortcut = QShortcut(QKeySequence("F5"), self)
        self.paper_shortcut = QShortcut(QKeySequence("Ctrl+K"), self)
        self._connect_signals()
        self.watcher.start()
        self.live_day.start()
        self.follow_ups.start()
        name_controls(self)  # a screen reader's names

    def _add_tabs(self) -> None:
        self.tabs.addTab(self.live_day, self.tr("Today"))
        self.tabs.addTab(self.reports, self.tr("Reports"))
        self.tabs.addTab(self.follow_ups, self.tr("Follow-ups"))

    def _connect_signals(self) -> None:
        self.watcher.changed.connect(self.live_day.refresh)
        self.watch_connection(self.watcher)
        self.refresh_shortcut.activated.connect(self.refresh)
        self.live_day.connection_trouble.connect(self._database_trouble)
        self.live_day.updated.connect(lambda summary: self.reports.set_time_zone(summary.time_zone))
        self.reports.connection_trouble.connect(self._database_trouble)
        # follow-ups: live on every change, every minute; a lost connection to the band
        self.watcher.changed.connect(self.follow_ups.refresh)
        self.follow_ups.connection_trouble.connect(self._database_trouble)
        self.follow_ups.counts_changed.connect(self._show_follow_up_counts)
        self.paper_button.clicked.connect(self.open_paper_entry)
        self.paper_shortcut.activated.connect(self.open_paper_entry)

    def refresh(self) -> None:
        self.live_day.refresh()
        self.follow_ups.refresh()

    def _show_follow_up_counts(self, _open: int, overdue: int) -> None:
        """The tab says how many are overdue, as the officer's online tab does."""
        index = self.tabs.indexOf(self.follow_ups)
        title = self.tr("Follow-ups")
        self.tabs.setTabText(index, f"{title} ({overdue}!)" if overdue else title)

    def open_paper_entry(self) -> PaperEntryDialog:
        """The paper questionnaires' entry (one window, kept while this one lives)."""
        if self.paper_entry is None:
            self.paper_entry = PaperEntryDialog(
                self.actor,
                self.clock,
                self.calls,
                self._db,
                self.zone,
                self.settings.language or "id",
                self,
            )
            self.paper_entry.connection_trouble.connect(self._database_trouble)
        if self.paper_entry.isVisible():  # open behind another window: brought forward
            self.paper_entry.raise_()
        else:
            self.paper_entry.show()
        self.paper_entry.activateWindow()
        return self.paper_entry

    def _refused(self, text: str) -> None:
        """A refusal no tab took in its own place (each write and read names one): the live
        day's status line."""
        self.live_day.status.setText(text)

    def _database_trouble(self, exc: BaseException) -> None:
        """A read or change found the database gone (the tab said so in its line): the
        connection band, and the monitor reconnects; ``refresh`` runs when it is back."""
        self.report_connection_error(exc)

    def shutdown(self) -> None:
        """Let a write under way end, stop the watcher and timers and wait for running work
        (idempotent)."""
        self.calls.wait(30_000)
        self.watcher.stop()
        self.live_day.shutdown()
        self.reports.shutdown()
        self.follow_ups.stop()
        if self.paper_entry is not None:
            self.paper_entry.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)


class SupervisorWindow(SupervisedWindow):
    """The supervisor: the live day and the reports."""
