"""The administrator's window: accounts and office set-up, then the supervisor's live day and
reports.  Every change goes through ``pst_desktop.admin.administration`` / ``accounts`` (audited,
validated) on the window's write thread (``calls``, ``ui.calls.ServiceCalls``), and every tab
reads its rows on its reader thread; a refusal shows in the tab and nothing is saved; a lost
connection shows in the tab and in the connection band.  One module per tab
(``ui/admin/*_tab.py``) on ``ui/admin/base.py``."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pst_desktop.admin.accounts import AccountService
from pst_desktop.admin.administration import Administration
from pst_desktop.admin.survey_settings import SurveySettingsService
from ui.admin.accounts_tab import AccountsTab
from ui.admin.closures_tab import ClosuresTab
from ui.admin.desks_tab import DesksTab
from ui.admin.office_tab import FileChooser, OfficeTab
from ui.admin.rating_board_tab import RatingBoardTab
from ui.admin.services_tab import ServicesTab
from ui.admin.surveys_tab import SurveysTab
from ui.session import Session
from ui.supervisor.window import SupervisedWindow


class AdminWindow(SupervisedWindow):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        choose_logo: FileChooser | None = None,
        **kwargs,
    ) -> None:
        self._choose_logo = choose_logo
        super().__init__(session, parent, **kwargs)

    def _add_tabs(self) -> None:
        actor, clock, calls = self.actor, self.clock, self.calls
        admin = Administration(clock)
        today = self.reports.today()
        self.accounts_tab = AccountsTab(actor, admin, AccountService(clock), calls)
        self.services_tab = ServicesTab(actor, admin, calls)
        self.desks_tab = DesksTab(actor, admin, calls)
        self.office_tab = OfficeTab(actor, admin, calls, self._choose_logo)
        self.closures_tab = ClosuresTab(actor, admin, calls, today)
        self.rating_tab = RatingBoardTab(
            actor, admin, calls, self.settings.rating_scale, self.settings.board_running_text
        )
        self.surveys_tab = SurveysTab(
            actor, admin, calls, SurveySettingsService(clock), today, self.settings.language or "id"
        )
        self.admin_tabs = [
            (self.accounts_tab, self.tr("Accounts")),
            (self.services_tab, self.tr("Services")),
            (self.desks_tab, self.tr("Desks")),
            (self.office_tab, self.tr("Office && hours")),
            (self.closures_tab, self.tr("Closure days")),
            (self.rating_tab, self.tr("Rating && board")),
            (self.surveys_tab, self.tr("Surveys")),
        ]
        for tab, title in self.admin_tabs:
            self.tabs.addTab(tab, title)
        super()._add_tabs()

    def _connect_signals(self) -> None:
        super()._connect_signals()
        # a new service shows in the desks' lists; every change may move today's figures
        self.services_tab.changed.connect(self.desks_tab.reload)
        for tab, _title in self.admin_tabs:
            tab.changed.connect(self.live_day.refresh)
            tab.connection_trouble.connect(self._database_trouble)

    def shutdown(self) -> None:
        super().shutdown()
        for tab, _title in self.admin_tabs:
            tab.reader.cancel()
            tab.reader.wait(5000)
