"""Every window fits the screens offices have.

From 1280×720 logical pixels (1366×768 at 100 %, 1600×900 at 125 %, 1920×1080 at 150 %) up, in
Indonesian and English, no label, button, check box or tab shows its text elided or clipped, and
no visible widget lies outside its window.  Seen before: "'anggil berikutnya (F2" on the
officer's call button at 1366×768, "Sang…puas" under both end faces of the rating screen, the
board's clock off a 1366×768 TV.
"""

from __future__ import annotations

import functools
import re
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionHeader,
    QTabBar,
    QTableWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.database import database_proxy
from models.entities import Consultation, Desk, Role, ServiceType, UserAccount
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.i18n import install_translator
from pst_desktop.core.settings import StationSettings
from pst_desktop.db.connection import open_database
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visitor.rating_screen import RatingOutbox
from pst_desktop.visits.queue import QueueService
from tests.support import wib
from ui.session import Session
from ui.style import apply_style
from ui.widgets import ChoiceBox, FieldRows, WrapRow, breakable, fit_columns

pytestmark = pytest.mark.keep_windows  # built once per module, on demand

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
#: a 1366×768 laptop at 125 % scaling: the receptionist's and the officer's laptop
LAPTOP = (1093, 614)
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
    "paper-ikm",
    "paper-skd",
    "complaint",
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


@functools.cache
def _fusion() -> QStyle:
    return QStyleFactory.create("Fusion")


def _combo_problem(combo: QComboBox) -> str | None:
    """Every choice that can be picked, and the current one, is drawn whole in the combo's
    text area, not only the one shown now (seen: "Layanan: Konsultas…"; "Kementerian &
    Lembaga Pem…" once the receptionist picked it).  A disabled item cannot be picked: it
    is measured only while it is the current one."""
    if combo.count() == 0 and not combo.currentText():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox,
        option,
        QStyle.SubControl.SC_ComboBoxEditField,
        combo,
    )
    # Fusion draws the label 1 px in from each side of its field; a style sheet that gives
    # combo boxes a box (padding, border) draws it in the whole field it makes
    plain = _fusion().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    room = field.width() if field != plain else field.width() - 2
    metrics = combo.fontMetrics()
    model = combo.model()
    choices = [
        (combo.itemText(row), combo.itemIcon(row))
        for row in range(combo.count())
        if row == combo.currentIndex()
        or model.flags(model.index(row, combo.modelColumn(), combo.rootModelIndex()))
        & Qt.ItemFlag.ItemIsEnabled
    ]
    if combo.currentIndex() < 0 and combo.currentText():
        choices.append((combo.currentText(), option.currentIcon))  # (an editable combo's own text)
    cut = []
    for text, icon in choices:
        if not text:
            continue
        needed = metrics.horizontalAdvance(text)
        if not icon.isNull():
            needed += combo.iconSize().width() + 4
        if needed > room:
            cut.append(f"{text!r} needs {needed} px")
    if cut:
        return f"{'; '.join(cut)}, has {room}"
    return None


def _header_problems(header: QHeaderView) -> list[str]:
    """Every shown section's title fits its section (not "Menungg…"): the text with the
    section's margins (the style sheet's padding) against the section's width."""
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    problems = []
    font = QFont(header.font())
    font.setBold(True)  # a header's title may be drawn bold: measure the wider
    metrics = QFontMetrics(font)
    wraps = bool(header.defaultAlignment().value & Qt.TextFlag.TextWordWrap.value)
    for logical in range(header.count()):
        if header.isSectionHidden(logical) or header.sectionSize(logical) <= 0:
            continue
        text = model.headerData(logical, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        text = str(text)
        option = QStyleOptionHeader()
        header.initStyleOption(option)
        option.section = logical
        option.text = text
        option.rect = QRect(0, 0, header.sectionSize(logical), header.height())
        label = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
        pieces = re.split(r"\s+", text) if wraps else text.split("\n")
        needed = max(metrics.horizontalAdvance(piece) for piece in pieces)
        if needed > label.width():
            problems.append(
                f"header section {text!r} needs {needed} px, has {label.width()}"
                f" (section {header.sectionSize(logical)} px)"
            )
    return problems


def fit_problems(window: QWidget) -> list[str]:
    """What does not fit in ``window`` as it is shown now."""
    for _ in range(2):  # (a text set by the last event is laid out by the next)
        QApplication.processEvents()
    problems = []
    area = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.isWindow():
            continue
        if widget.window() is not window:
            continue  # a dialog of this window's (its own check measures it)
        text = getattr(widget, "text", getattr(widget, "currentText", lambda: ""))()
        name = f"{type(widget).__name__}({widget.objectName()}) {text!r}"
        if isinstance(widget, QHeaderView):
            owner = widget.parentWidget()
            name = f"{type(owner).__name__}({owner.objectName()})'s header"
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
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
        elif isinstance(widget, QHeaderView):
            problems.extend(f"{name}: {problem}" for problem in _header_problems(widget))
            problem = None
        else:
            problem = None
        if problem:
            problems.append(f"{name}: {problem}")
    return problems


def every_tab_problems(window: QWidget) -> list[str]:
    """``fit_problems`` with each tab of each tab widget shown in turn (a combo or a table on
    a tab not shown first is checked too); the tabs shown before are shown again after."""
    problems = fit_problems(window)
    seen = set(problems)
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisibleTo(window):
            continue
        shown = tabs.currentIndex()
        for index in range(tabs.count()):
            if index == shown or not tabs.isTabEnabled(index) or not tabs.isTabVisible(index):
                continue
            tabs.setCurrentIndex(index)
            tab = _plain(tabs.tabText(index))
            for problem in fit_problems(window):
                if problem not in seen:
                    seen.add(problem)
                    problems.append(f"[tab {tab!r}] {problem}")
        tabs.setCurrentIndex(shown)
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
        """A station's settings; ``<window>-<language>`` is a station signed in in that
        language (as the sign-in window saves it: the catalog's lists follow it)."""
        ini = self.folder / f"{name}.ini"
        settings = StationSettings(QSettings(str(ini), QSettings.Format.IniFormat))
        language = name.rsplit("-", 1)[-1]
        if language in LANGUAGES:
            settings.language = language
        return settings

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
        if kind.startswith("paper-"):
            from models.entities import SurveyInstrument

            window.choose(SurveyInstrument(kind.split("-")[1]))
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
            window = OfficerWindow(
                self.session(self.officers[1]),
                settings=settings,
                draft_folder=self.folder / "drafts",
                poll_ms=3_600_000,
                housekeeping_ms=3_600_000,
            )
            # the held ticket comes from a worker thread: measured once it shows
            deadline = time.monotonic() + 10
            while window.held is None and time.monotonic() < deadline:
                QApplication.processEvents()
            return window
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
        if kind == "paper":  # the supervisor's paper questionnaires (its own window)
            entry = self.window("supervisor", language).open_paper_entry()
            deadline = time.monotonic() + 10
            while not entry.fields[entry.current_instrument()] and time.monotonic() < deadline:
                QApplication.processEvents()
            return entry
        if kind == "complaint":  # a complaint recorded from the officer's follow-ups
            return self.window("officer", language).follow_up_panel.record_complaint()
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
    problems = every_tab_problems(window)
    if minimum.width() > 1280 or minimum.height() > 720 - TASKBAR:
        problems.insert(0, f"the window needs at least {minimum.width()}×{minimum.height()}")
    elif (window.width(), window.height()) != size:
        problems.insert(0, f"shown at {window.width()}×{window.height()}")
    assert problems == []


#: the staff windows a receptionist or an officer opens on a laptop, the buttons of each that
#: must show whole there, and whether they may sit in a part that scrolls (the sign-in card
#: may; F9 and the officer's actions never scroll away)
LAPTOP_WINDOWS: dict[str, tuple[list[str], bool]] = {
    "login": (["submit_button"], True),
    "reception": (["issue_button", "new_button", "book_button"], False),
    "officer": (
        [
            "call_button",
            "recall_button",
            "start_button",
            "finish_button",
            "skip_button",
            "return_button",
            "transfer_button",
        ],
        False,
    ),
}


def _button_hidden(window: QWidget, button: QWidget, may_scroll: bool) -> str | None:
    """Why ``button`` is not all there to click: not shown, in a part that scrolls, outside
    the window or cut by the edge of a parent (a scrolled view's included)."""
    if not button.isVisibleTo(window):
        return "not shown"
    if not may_scroll and _inside_scroll_area(button, window):
        return "inside a scroll area (it may be scrolled away)"
    where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
    if not window.rect().contains(where):
        return f"at {where.getRect()}, outside the window {window.rect().getRect()}"
    visible = button.visibleRegion().boundingRect()
    if visible != button.rect():
        return f"only {visible.getRect()} of {button.rect().getRect()} shows"
    return None


@pytest.mark.parametrize("height", [LAPTOP[1], LAPTOP[1] - TASKBAR], ids=["full", "taskbar"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(LAPTOP_WINDOWS))
def test_staff_windows_fit_a_laptop_at_125_percent(office_day, kind, language, height):
    """1366×768 at 125 % leaves 1093×614 logical pixels, a taskbar some 40 of them (the
    window maximised above it): the window is not larger, nothing is cut, what does not fit
    scrolls, and the main buttons are all there."""
    window = office_day.window(kind, language)
    window.resize(LAPTOP[0], height)
    window.show()
    QApplication.processEvents()
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    problems = every_tab_problems(window)
    if minimum.width() > LAPTOP[0] or minimum.height() > LAPTOP[1] - TASKBAR:
        problems.insert(0, f"the window needs at least {minimum.width()}×{minimum.height()}")
    elif (window.width(), window.height()) != (LAPTOP[0], height):
        problems.insert(0, f"shown at {window.width()}×{window.height()}")
    buttons, may_scroll = LAPTOP_WINDOWS[kind]
    for attribute in buttons:
        hidden = _button_hidden(window, getattr(window, attribute), may_scroll)
        if hidden:
            problems.append(f"{attribute}: {hidden}")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_transfer_dialog_shows_every_choice_whole(office_day, language):
    """Ctrl+T's list of services and desks: each choice reads whole in the closed list (seen:
    "Layanan: Konsultas…", a combo capped at 200 px by the officer window's style)."""
    window = office_day.window("officer", language)
    window.resize(*LAPTOP)
    window.show()
    deadline = time.monotonic() + 10
    while window.held is None and time.monotonic() < deadline:
        QApplication.processEvents()
    window.transfer()
    dialog = window.transfer_dialog
    QApplication.processEvents()
    problems = []
    try:
        for index in range(dialog.target.count()):
            dialog.target.setCurrentIndex(index)
            problems += fit_problems(dialog)
    finally:
        dialog.reject()
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_receptionists_dialogs_show_every_choice_whole(office_day, language):
    """Booking an appointment (its list of services) and cancelling a ticket (its reasons):
    every choice reads whole once picked."""
    from pst_desktop.frontdesk import reception
    from ui.reception.dialogs import AppointmentDialog, CancelDialog

    window = office_day.window("reception", language)
    window.resize(*LAPTOP)
    window.show()
    offer = reception.appointment_offer(window.actor.office_id, window.clock.now())
    dialogs = [
        AppointmentDialog("Tamu Nomor 1", window.services, None, offer, window),
        CancelDialog(1, "K-002", window),
    ]
    problems = []
    try:
        for dialog in dialogs:
            dialog.open()
            problems += [f"{type(dialog).__name__}: {p}" for p in fit_problems(dialog)]
    finally:
        for dialog in dialogs:
            dialog.reject()
            dialog.deleteLater()
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fair_queue_controls_show_whole(office_day, language):
    """The officer's desk state and its break dialog, the receptionist's priority
    choice (each reason picked) and the dialog that marks a waiting ticket, on a laptop."""
    from ui.officer.desk_state_bar import BreakDialog
    from ui.reception.priority import PriorityDialog

    officer = office_day.window("officer", language)
    officer.resize(*LAPTOP)
    officer.show()
    QApplication.processEvents()
    bar = officer.desk_state_bar
    problems = [
        f"{name}: {hidden}"
        for name, button in (
            ("open", bar.open_button),
            ("break", bar.break_button),
            ("close", bar.close_button),
        )
        if button.isVisibleTo(officer)  # the move to the state it is in is hidden
        and (hidden := _button_hidden(officer, button, False))
    ]
    reception = office_day.window("reception", language)
    reception.resize(*LAPTOP)
    reception.show()
    QApplication.processEvents()
    choice = reception.priority
    for index in range(choice.reason.count()):
        choice.reason.setCurrentIndex(index)
        QApplication.processEvents()
        problems += fit_problems(reception)
    choice.clear()
    dialogs = [
        BreakDialog(officer.clock.now(), officer.zone, officer),
        PriorityDialog(1, "K-002", "other", "lengan cedera", reception),
    ]
    try:
        for dialog in dialogs:
            dialog.open()
            problems += [f"{type(dialog).__name__}: {p}" for p in fit_problems(dialog)]
    finally:
        for dialog in dialogs:
            dialog.reject()
            dialog.deleteLater()
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


def test_the_checks_see_a_clipped_combo_choice_and_a_clipped_column_title(qapp):
    window = QWidget()
    combo = QComboBox(window)
    combo.addItems(["Layanan: Konsultasi Statistik"])
    combo.setGeometry(0, 0, 120, 30)
    fits = QComboBox(window)
    fits.addItems(["Meja 2"])
    fits.setGeometry(0, 40, 120, 30)
    # the current choice fits, a longer one would be cut once picked
    later = QComboBox(window)
    later.addItems(["Meja 1", "Kementerian & Lembaga Pemerintah"])
    later.setGeometry(130, 0, 120, 30)
    table = QTableWidget(1, 2, window)
    table.setHorizontalHeaderLabels(["Menunggu", "Nomor"])
    table.setColumnWidth(0, 40)
    table.setColumnWidth(1, 120)
    table.setGeometry(0, 80, 300, 120)
    window.resize(400, 300)
    window.show()
    found = "\n".join(fit_problems(window))
    assert "'Layanan: Konsultasi Statistik' needs" in found
    assert "Meja 2" not in found
    assert "'Kementerian & Lembaga Pemerintah' needs" in found
    assert "'Meja 1' needs" not in found
    assert "header section 'Menunggu' needs" in found
    assert "'Nomor'" not in found
    window.close()


def test_fit_columns_widens_a_column_to_its_title_and_a_squeezed_stretched_one(qapp):
    window = QWidget()
    table = QTableWidget(1, 3, window)
    table.setHorizontalHeaderLabels(["Menunggu", "Pengunjung / kontak", "Kebutuhan terpenuhi"])
    table.setColumnWidth(0, 40)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    fit_columns(table)
    table.setGeometry(0, 0, 220, 120)  # too narrow for both stretched titles
    window.resize(800, 300)
    window.show()
    assert fit_problems(window) == []  # (the table scrolls sideways instead)
    table.setGeometry(0, 0, 790, 120)  # wide enough: the stretched ones stretch again
    QApplication.processEvents()
    header = table.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert fit_problems(window) == []
    window.close()


def test_a_wrap_row_puts_the_main_button_under_the_others_where_it_is_narrow(qapp):
    window = QWidget()
    row = WrapRow(window)
    buttons = [QPushButton(text) for text in ("Pengunjung baru", "Janji temu…", "Ambil (F9)")]
    row.addWidget(buttons[0])
    row.addWidget(buttons[1])
    row.addStretch()
    row.addWidget(buttons[2])
    wide = row.sizeHint().width()
    assert row.minimumSize().width() < wide
    window.resize(wide + 40, 100)
    window.show()
    QApplication.processEvents()
    assert buttons[2].y() == buttons[0].y()  # one line
    assert buttons[2].geometry().right() == window.width() - 1  # at the right
    window.resize(row.minimumSize().width() + 20, 100)
    QApplication.processEvents()
    assert buttons[2].y() > buttons[0].geometry().bottom()  # under the others
    assert buttons[2].geometry().right() == window.width() - 1
    assert fit_problems(window) == []
    window.close()


def test_a_choice_box_is_never_narrower_than_its_longest_choice(qapp):
    window = QWidget()
    layout = QVBoxLayout(window)
    combo = ChoiceBox()
    combo.addItems(["— pilih —", "Kementerian & Lembaga Pemerintah", "Swasta"])
    layout.addWidget(combo)
    window.show()
    window.resize(window.minimumSizeHint())
    QApplication.processEvents()
    assert fit_problems(window) == []  # every choice reads whole at the least width
    least = combo.minimumSizeHint().width()
    # a choice that cannot be picked does not widen it while it is not the current one
    combo.addItem("K · Konsultasi Statistik (belum ada meja yang melayani)")
    item = combo.model().item(combo.count() - 1)
    item.setEnabled(False)
    assert combo.minimumSizeHint().width() == least
    # a longer choice added later widens it, and the layout hears of it
    combo.addItem("D · Pembelian Data Mikro/Peta & Publikasi")
    QApplication.processEvents()
    assert combo.minimumSizeHint().width() > least
    assert window.minimumSizeHint().width() > least
    window.resize(window.minimumSizeHint())
    QApplication.processEvents()
    assert fit_problems(window) == []
    window.close()


def test_field_rows_give_a_long_choice_a_row_of_its_own_where_the_form_is_narrow(qapp):
    window = QWidget()
    rows = FieldRows(window)
    fields = []
    for name, choices in [
        ("education", ["S2"]),
        ("occupation", ["Swasta"]),
        ("institution_category", ["Kementerian & Lembaga Pemerintah"]),
        ("disability", ["Tidak"]),
    ]:
        combo = ChoiceBox()
        combo.setObjectName(name)
        combo.addItems(choices)
        rows.add_field(combo)
        fields.append(combo)
    education, occupation, category, disability = fields
    wide = 2 * category.minimumSizeHint().width() + rows.column_spacing + 20
    window.resize(wide, 200)
    window.show()
    QApplication.processEvents()
    assert education.y() == occupation.y() < category.y() == disability.y()  # two to a row
    assert category.width() < wide / 2
    window.resize(window.minimumSizeHint().width(), 200)  # as narrow as it may be
    QApplication.processEvents()
    assert education.y() == occupation.y() < category.y() < disability.y()
    assert category.width() == window.width()  # a row of its own
    assert fit_problems(window) == []
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
