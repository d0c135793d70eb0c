"""Every window fits the screens offices have (issue 12 item 4).

From 1280×720 logical pixels (1366×768 at 100 %, 1600×900 at 125 %, 1920×1080 at 150 %) up, in
Indonesian and English, no label, button, check box or tab shows its text elided or clipped, and
no visible widget lies outside its window.  Seen before: "'anggil berikutnya (F2" on the
officer's call button at 1366×768, "Sang…puas" under both end faces of the rating screen, the
board's clock off a 1366×768 TV.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QToolButton,
    QWidget,
)

from models.database import database_proxy
from models.entities import Consultation, Desk, Role, ServiceType, UserAccount
from pst_desktop.accounts import AccountService, actor_for
from pst_desktop.clock import FixedClock
from pst_desktop.connection import open_database
from pst_desktop.i18n import install_translator
from pst_desktop.office import create_office
from pst_desktop.queue import QueueService
from pst_desktop.rating_desk import RatingOutbox
from pst_desktop.registration import RegistrationService, VisitorForm
from pst_desktop.settings import StationSettings
from tests.support import wib
from ui.session import Session
from ui.style import apply_style
from ui.widgets import breakable

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
#: a Windows taskbar at 150 % takes about this much of 1280×720 logical pixels: a window's
#: minimum leaves room for it, so its bottom row is never under the taskbar
TASKBAR = 40
LANGUAGES = ["id", "en"]
WINDOWS = [
    "login",
    "reception",
    "officer",
    "supervisor",
    "admin",
    "rating-idle",
    "rating-ask",
    "rating-comment",
    "rating-thanks",
    "rating-unlock",
    "board",
]


# -- the checks ---------------------------------------------------------------------------------
def _plain(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)  # a mnemonic's & is not drawn


def _inside_scroll_area(widget: QWidget, window: QWidget) -> bool:
    """Scrolled content may lie outside what shows: the scroll bar reaches it."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()
        ):
            return True
        parent = parent.parentWidget()
    return False


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.textFormat().name == "RichText" or ("<" in text and ">" in text):
        return None
    if label.buddy() is not None:
        text = _plain(text)
    rect = label.contentsRect().adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    metrics = label.fontMetrics()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return f"wrapped label needs {needed} px height, has {label.height()}"
        words = re.split(r"[\s\u200b]+", text)  # (a zero-width space is a break too)
        longest = max((metrics.horizontalAdvance(w) for w in words), default=0)
        if longest > rect.width():
            return f"a word needs {longest} px, has {rect.width()}"
        return None
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if widest > rect.width():
        return f"needs {widest} px, has {rect.width()}"
    lines = text.count("\n") + 1
    if metrics.height() * lines > rect.height() + 2:
        return f"needs {metrics.height() * lines} px height, has {rect.height()}"
    return None


def _button_problem(button: QPushButton) -> str | None:
    text = _plain(button.text())
    if not text:
        return None
    option = QStyleOptionButton()
    button.initStyleOption(option)
    contents = button.style().subElementRect(
        QStyle.SubElement.SE_PushButtonContents, option, button
    )
    needed = button.fontMetrics().horizontalAdvance(text)
    if not button.icon().isNull():
        needed += button.iconSize().width() + 4
    if needed > contents.width():
        return f"needs {needed} px, has {contents.width()}"
    return None


def _hint_problem(widget: QWidget) -> str | None:
    hint = widget.sizeHint()
    if hint.width() > widget.width() or hint.height() > widget.height() + 1:
        return f"needs {hint.width()}×{hint.height()}, has {widget.width()}×{widget.height()}"
    return None


def _tab_problem(bar: QTabBar) -> str | None:
    hint = bar.sizeHint().width()
    if hint > bar.width():
        return f"tabs need {hint} px, have {bar.width()}"
    return None


def fit_problems(window: QWidget) -> list[str]:
    """What does not fit in ``window`` as it is shown now."""
    QApplication.processEvents()
    problems = []
    area = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.isWindow():
            continue
        text = getattr(widget, "text", lambda: "")()
        name = f"{type(widget).__name__}({widget.objectName()}) {text!r}"
        scrolled = _inside_scroll_area(widget, window)
        where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not scrolled and not area.contains(where):
            problems.append(f"{name}: at {where.getRect()}, outside the window {area.getRect()}")
            continue
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QPushButton):
            problem = _button_problem(widget)
        elif isinstance(widget, QToolButton | QCheckBox):
            problem = _hint_problem(widget) if widget.text() else None
        elif isinstance(widget, QTabBar):
            problem = _tab_problem(widget)
        else:
            problem = None
        if problem:
            problems.append(f"{name}: {problem}")
    return problems


# -- the office and its windows -----------------------------------------------------------------
class Office:
    """One throw-away SQLite office with a morning's data, for every window of this module."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = open_database("sqlite:///" + str(folder / "pst.db"))
        self.clock = FixedClock(wib(2026, 11, 24, 10, 12))
        self.office = create_office(self.clock, desks=3)
        accounts = AccountService(self.clock)
        self.accounts = accounts
        admin = accounts.create_first_admin(self.office.id, "admin", "Siti Rahma", "rahasia-adm")
        self.admin = actor_for(admin)
        make = accounts.create
        self.receptionist = actor_for(
            make(self.admin, "rina", "Rina Marlina", Role.RECEPTIONIST, "rahasia-123")
        )
        self.supervisor = actor_for(
            make(self.admin, "bambang", "Bambang Sutrisno", Role.SUPERVISOR, "rahasia-123")
        )
        self.officers = [
            actor_for(make(self.admin, f"petugas{i}", name, Role.OFFICER, "rahasia-123"))
            for i, name in enumerate(["Dewi Anggraini, S.St.", "Rudi Hartono, S.E."])
        ]
        self.desks = list(Desk.select().order_by(Desk.id))
        services = list(ServiceType.select().order_by(ServiceType.sort_order))
        queue = QueueService(self.clock)
        registration = RegistrationService(self.clock)
        for i, s in enumerate([0, 0, 1, 0, 2, 0, 1, 3]):
            visitor = registration.register(
                self.receptionist,
                VisitorForm(
                    name=f"Tamu Nomor {i}", email=f"t{i}@example.com", gender="male", consent=True
                ),
            )
            queue.issue_ticket(
                self.receptionist, visitor_id=visitor.id, service_id=services[s % len(services)].id
            )
            self.clock.advance(minutes=1)
        # desk 1 finished a visit: its rating screen asks
        visit = queue.call_next(self.officers[0], self.desks[0].id)
        Consultation.create(
            visit=visit.id,
            question="Data jumlah penduduk miskin per kabupaten/kota di Provinsi Bengkulu "
            "tahun 2020–2025, menurut jenis kelamin",
            officer=self.officers[0].user_id,
            created_at=self.clock.now(),
            updated_at=self.clock.now(),
        )
        queue.start(self.officers[0], visit.id)
        queue.finish(self.officers[0], visit.id)
        queue.call_next(self.officers[1], self.desks[1].id)
        self.windows: dict[tuple[str, str], QWidget] = {}

    def settings(self, name: str) -> StationSettings:
        ini = self.folder / f"{name}.ini"
        return StationSettings(QSettings(str(ini), QSettings.Format.IniFormat))

    def session(self, actor) -> Session:
        account = UserAccount.get_by_id(actor.user_id)
        return Session(account, actor, self.office, "postgresql://pst@10.0.0.5/pst", self.clock)

    def window(self, kind: str, language: str) -> QWidget:
        key = (kind.split("-")[0], language)
        if key not in self.windows:
            self.windows[key] = self._build(key[0], language)
        window = self.windows[key]
        if kind.startswith("rating-"):
            stage = kind.split("-")[1]
            window.pages.setCurrentWidget(getattr(window, f"{stage}_page"))
        return window

    def _build(self, kind: str, language: str) -> QWidget:
        app = QApplication.instance()
        install_translator(app, language)
        apply_style(app)
        if kind == "login":
            from ui.login import LoginWindow

            return LoginWindow(self.accounts, self.office.name, "postgresql://pst@10.0.0.5/pst")
        if kind == "reception":
            from ui.reception.window import ReceptionWindow

            window = ReceptionWindow(
                self.session(self.receptionist),
                settings=self.settings(f"reception-{language}"),
                ticket_folder=self.folder / "tickets",
                poll_ms=3_600_000,
            )
            # as after F9 with no printer set up: the last ticket and where its PDF went
            window.last_code.setText("D-012")
            window.last_service.setText("Pembelian Data Mikro/Peta & Publikasi")
            window.last_detail.setText("10:36 · 12")
            window.last_output_label.setText(
                breakable(
                    "Printer belum diatur; nomor antrian D-012 disimpan sebagai PDF: "
                    "C:/Users/Resepsionis/AppData/Local/PST/tiket/2026-11-24/D-012.pdf"
                )
            )
            window.last_output_label.show()
            window.last_reprint.setEnabled(True)
            return window
        if kind == "officer":
            from ui.officer.window import OfficerWindow

            settings = self.settings(f"officer-{language}")
            settings.desk_id = self.desks[1].id
            return OfficerWindow(
                self.session(self.officers[1]),
                settings=settings,
                draft_folder=self.folder / "drafts",
                poll_ms=3_600_000,
                housekeeping_ms=3_600_000,
            )
        if kind in ("supervisor", "admin"):
            from ui.admin.window import AdminWindow
            from ui.supervisor.window import SupervisorWindow

            cls, actor = (
                (SupervisorWindow, self.supervisor)
                if kind == "supervisor"
                else (AdminWindow, self.admin)
            )
            window = cls(
                self.session(actor),
                settings=self.settings(f"{kind}-{language}"),
                poll_ms=3_600_000,
                choose_path=lambda _s: self.folder / "report.pdf",
            )
            deadline = time.monotonic() + 10
            while window.live_day.summary is None and time.monotonic() < deadline:
                QApplication.processEvents()
            return window
        if kind == "rating":
            from ui.visitor.rating_screen import RatingScreen

            screen = RatingScreen(
                self.db,
                self.office,
                self.desks[0].id,
                self.clock,
                self.settings(f"rating-{language}"),
                RatingOutbox(self.folder / f"outbox-{language}.json", self.clock),
                desk_name=self.desks[0].name,
            )
            screen._unlocked = True
            screen.check()  # asks about desk 1's finished visit: fills the question
            assert screen.pages.currentWidget() is screen.ask_page
            return screen
        from ui.visitor.announcer import Announcer
        from ui.visitor.board import DisplayBoard

        board = DisplayBoard(
            self.db,
            self.office,
            self.clock,
            self.settings(f"board-{language}"),
            announcer=Announcer(sound=False, speech=False),
        )
        board.ticker.setText("Jam layanan PST: Senin–Kamis 08.00–15.30 WIB, Jumat 08.00–16.00 WIB")
        board.refresh()
        return board

    def close(self) -> None:
        for window in self.windows.values():
            for stop in ("shutdown", "stop"):
                if callable(getattr(window, stop, None)):
                    getattr(window, stop)()
            bus = getattr(window, "bus", None)
            if bus is not None:
                bus.stop()
            window.close()
            window.deleteLater()
        QApplication.processEvents()
        self.db.close()
        database_proxy.initialize(None)


@pytest.fixture(scope="module")
def office_day(qapp):
    with tempfile.TemporaryDirectory() as folder:
        office = Office(Path(folder))
        yield office
        office.close()
        install_translator(qapp, "en")
        qapp.setStyleSheet("")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", WINDOWS)
def test_every_window_fits(office_day, kind, language, size):
    window = office_day.window(kind, language)
    window.resize(*size)
    window.show()
    QApplication.processEvents()
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    problems = fit_problems(window)
    if minimum.width() > 1280 or minimum.height() > 720 - TASKBAR:
        problems.insert(0, f"the window needs at least {minimum.width()}×{minimum.height()}")
    elif (window.width(), window.height()) != size:
        problems.insert(0, f"shown at {window.width()}×{window.height()}")
    assert problems == []


# -- the checks themselves catch what they are named after -------------------------------------
def test_the_checks_see_a_clipped_button_label_and_a_widget_off_the_window(qapp):
    window = QWidget()
    button = QPushButton("Panggil berikutnya  (F2)", window)
    button.setGeometry(0, 0, 90, 30)
    label = QLabel("Sangat tidak puas", window)
    label.setGeometry(0, 40, 40, 20)
    wrapped = QLabel("Sangat tidak puas dengan layanan hari ini", window)
    wrapped.setWordWrap(True)
    wrapped.setGeometry(0, 70, 60, 16)
    off = QLabel("x", window)
    off.setGeometry(380, 0, 40, 20)
    window.resize(400, 300)
    window.show()
    found = "\n".join(fit_problems(window))
    assert "Panggil berikutnya" in found
    assert "'Sangat tidak puas'" in found
    assert "wrapped label needs" in found
    assert "outside the window" in found
    window.close()


def test_the_app_text_follows_the_system_text_size():
    from ui.style import app_point_size, scale_sheet

    assert app_point_size(9) == 10.5  # Windows at 100 % text size: the size designed for
    assert app_point_size(11.25) > 12.5  # 125 % text size: larger, not pinned
    assert scale_sheet("QLabel { font-size: 21pt; padding: 4px; }", 2 / 3) == (
        "QLabel { font-size: 14.0pt; padding: 3px; }"
    )
    assert scale_sheet("a { font-size: 21pt; padding: 4px; }", 2, pixels=False) == (
        "a { font-size: 42.0pt; padding: 4px; }"
    )
