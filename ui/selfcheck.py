"""The self-check's windows: a scratch office, every window built, a ticket printed.

``pst-desktop --self-check`` (``ui.launch``) runs the core's checks (``pst_desktop.selfcheck``:
resources, database, ticket, translations, modules, holidays) and then these, which need
widgets and the print path, so they live above the core:

- a scratch office in a temp folder: a new SQLite database, upgraded, with an office, its desk
  and services, and one account per role (through the app's own services);
- every role window (reception, officer, supervisor, admin) and both visitor screens (rating
  screen, display board) are built, shown offscreen and closed, signed in to the scratch office;
  the board's voice clips (``resources/voice``) are all there and a call is put together from them;
- the receptionist's F9: a visitor registered and a ticket issued on the scratch office's next
  working moment, printed through the front desk's own output (its print worker) to a PDF-file
  printer; a PDF of the ticket's page size arrives.

Nothing outside the temp folder is written: the windows get station settings in an ini file
there, and their ticket, draft and rating folders are there too.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from pst_desktop import selfcheck
from pst_desktop.selfcheck import Check, sqlite_url

# modules the ``pst-desktop`` command imports by name (PyInstaller cannot see them), and the Qt
# modules the windows import
WINDOW_MODULES = (
    "ui.app",
    "ui.visitor.app",
    "PySide6.QtMultimedia",
    "PySide6.QtTextToSpeech",
    "PySide6.QtPdf",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
)

#: the scratch accounts' password (a throw-away database, deleted at the end)
SCRATCH_PASSWORD = "self-check-123"

#: a printed page may differ from the ticket's by rounding to the printer's units
PAGE_TOLERANCE_PT = 1.5


# -- the scratch office ---------------------------------------------------------------------------
class Scratch:
    """A throw-away office in a temp folder: its database, station settings and folders."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.url = sqlite_url(folder / "office.db")
        self.db = None
        self.office = None
        self.sessions: dict = {}  # Role -> Session
        self._settings = None

    def settings(self):
        """Station settings in an ini file here (the user's own settings stay untouched)."""
        if self._settings is None:
            from PySide6.QtCore import QSettings

            from pst_desktop.core.settings import StationSettings

            ini = QSettings(str(self.folder / "station.ini"), QSettings.Format.IniFormat)
            self._settings = StationSettings(ini)
            self._settings.ticket_folder = str(self.folder / "tickets")
        return self._settings

    def set_up(self) -> str:
        """Create and upgrade the database; an office with a desk and services; one account per
        role, through the app's services (as ``db init``, the setup wizard and the admin do)."""
        from models import migrations
        from models.entities import Role, UserAccount
        from pst_desktop.admin.accounts import AccountService, actor_for
        from pst_desktop.admin.office_setup import create_office
        from pst_desktop.core.clock import SystemClock
        from pst_desktop.db.connection import describe, open_database
        from ui.session import Session

        clock = SystemClock()
        self.db = open_database(self.url, upgrade=False)
        migrations.upgrade(self.db)
        version = migrations.current_version(self.db)
        if version != migrations.LATEST:
            raise RuntimeError(f"the scratch database reached version {version}, not the latest")
        self.office = create_office(clock, name="PST self-check", desks=1)
        accounts = AccountService(clock)
        admin = accounts.create_first_admin(
            self.office.id, "selfcheck.admin", "Self-check Admin", SCRATCH_PASSWORD
        )
        made = {Role.ADMIN: admin}
        for role in Role:
            if role is not Role.ADMIN:
                made[role] = accounts.create(
                    actor_for(admin),
                    f"selfcheck.{role.value}",
                    f"Self-check {role.value}",
                    role,
                    SCRATCH_PASSWORD,
                )
        for role, account in made.items():
            signed_in = accounts.authenticate(account.username, SCRATCH_PASSWORD)
            self.sessions[role] = Session(
                UserAccount.get_by_id(signed_in.id),
                actor_for(signed_in),
                self.office,
                describe(self.url),
                clock,
            )
        from pst_desktop.admin import administration

        desks = administration.desks(self.office.id)
        services = administration.services(self.office.id)
        if not desks or not services:
            raise RuntimeError("the scratch office has no desk or no service")
        self.desk_id = desks[0].id
        return (
            f"schema version {version}, office {self.office.name!r}, {len(desks)} desk, "
            f"{len(services)} services, accounts: {', '.join(r.value for r in made)}"
        )

    def require(self) -> None:
        if self.office is None:
            raise RuntimeError("no scratch office (its check failed)")

    def close(self) -> None:
        from models.database import database_proxy

        if self.db is not None:
            self.db.close()
        if database_proxy.obj is self.db:
            database_proxy.initialize(None)


# -- windows --------------------------------------------------------------------------------------
@contextmanager
def _collecting_errors() -> Iterator[list[str]]:
    """Exceptions raised in Qt slots and event handlers while a window runs (Qt only prints
    them): collected here, so the check fails on them."""
    errors: list[str] = []
    previous = sys.excepthook

    def hook(kind, value, tb) -> None:
        errors.append(traceback.format_exception_only(kind, value)[-1].strip())

    sys.excepthook = hook
    try:
        yield errors
    finally:
        sys.excepthook = previous


def _settle() -> None:
    """Let the window load: its background reads finish, their results arrive, it paints."""
    from PySide6.QtCore import QThreadPool

    app = QCoreApplication.instance()
    for _ in range(3):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(10_000)
    app.processEvents()


def _exercise(build: Callable[[], object], close: Callable[[object], None] | None = None) -> str:
    """Build a window in Indonesian, show it offscreen, let it load, close it."""
    from pst_desktop.core.i18n import install_translator

    app = QCoreApplication.instance()
    install_translator(app, "id")
    window = None
    try:
        with _collecting_errors() as errors:
            window = build()
            window.show()
            _settle()
            title = window.windowTitle()
            (close or (lambda w: w.close()))(window)
            _settle()
        if errors:
            raise RuntimeError("; ".join(errors))
    finally:
        if window is not None:
            window.deleteLater()
            app.processEvents()
        install_translator(app, "en")
    return f"{type(window).__name__} built and shown ({title})"


def _role_window(scratch: Scratch, role_name: str) -> str:
    from models.entities import Role

    scratch.require()
    session = scratch.sessions[Role(role_name)]
    settings = scratch.settings()
    folder = scratch.folder

    def reception():
        from pst_desktop.frontdesk.reception import queue_snapshot
        from ui.reception.window import ReceptionWindow

        queue_snapshot(scratch.office.id, session.clock.now())  # what the window reads off-thread
        return ReceptionWindow(
            session,
            settings=settings,
            ticket_folder=folder / "tickets",
            print_to_file=str(folder / "reception-printer.pdf"),
        )

    def officer():
        from ui.officer.window import OfficerWindow

        return OfficerWindow(session, settings=settings, draft_folder=folder / "drafts")

    def supervisor():
        from ui.supervisor.window import SupervisorWindow

        return SupervisorWindow(session, settings=settings, choose_path=lambda *a, **k: None)

    def admin():
        from ui.admin.window import AdminWindow

        return AdminWindow(
            session,
            settings=settings,
            choose_path=lambda *a, **k: None,
            choose_logo=lambda *a, **k: None,
        )

    builders = {
        Role.RECEPTIONIST: reception,
        Role.OFFICER: officer,
        Role.SUPERVISOR: supervisor,
        Role.ADMIN: admin,
    }
    return _exercise(builders[Role(role_name)])


def _rating_screen(scratch: Scratch) -> str:
    from pst_desktop.core.clock import SystemClock
    from pst_desktop.visitor.rating_screen import OUTBOX_FILE, RatingOutbox
    from ui.visitor.rating_screen import RatingScreen

    scratch.require()

    def build():
        screen = RatingScreen(
            scratch.db,
            scratch.office,
            scratch.desk_id,
            SystemClock(),
            scratch.settings(),
            RatingOutbox(scratch.folder / OUTBOX_FILE, SystemClock()),
            desk_name="Meja 1",
            kiosk=False,
        )
        screen.start()
        return screen

    return _exercise(build, close=lambda screen: screen.release())


def _spoken_call(folder: Path) -> str:
    """The board's voice clips are all there and a call is put together from them."""
    from pst_desktop.visitor.spoken_call import CLIP_NAMES, Call, missing_clips, render_call_wav

    missing = missing_clips()
    if missing:
        raise RuntimeError("voice clips missing: " + ", ".join(missing))
    seconds = render_call_wav(Call("K-007", "Meja 2"), folder / "call.wav")
    return f"{len(CLIP_NAMES)} voice clips, the call 'K-007, Meja 2' {seconds:.1f} s"


def _display_board(scratch: Scratch) -> str:
    from pst_desktop.core.clock import SystemClock
    from ui.visitor.board import DisplayBoard

    scratch.require()
    spoken = _spoken_call(scratch.folder)

    def build():
        board = DisplayBoard(scratch.db, scratch.office, SystemClock(), scratch.settings())
        board.start()
        return board

    def close(board) -> None:
        board.stop()
        board.close()

    return f"{_exercise(build, close)}; {spoken}"


# -- printing -------------------------------------------------------------------------------------
def _page_size_pt(path: Path) -> tuple[float, float]:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
            raise RuntimeError(f"{path.name} is not a readable PDF ({error.name})")
        size = document.pagePointSize(0)
        return size.width(), size.height()
    finally:
        document.close()


def _check_printing(scratch: Scratch) -> str:
    """The receptionist's F9 on the scratch office: a visitor registered, a ticket issued (the
    queue and the holiday calendar), then read, rendered, kept and printed through the front
    desk's own ``TicketOutput`` on its print worker thread (with that thread's own database
    connection) on a PDF-file printer; the answer comes back queued, the PDF arrives, and its
    page is the ticket's."""
    from models.entities import Role
    from pst_desktop.admin import administration
    from pst_desktop.core.clock import FixedClock, SystemClock
    from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
    from pst_desktop.frontdesk.reception import FrontDesk
    from pst_desktop.sop.office_calendar import OfficeCalendar
    from ui.reception.output import TicketOutput

    scratch.require()
    actor = scratch.sessions[Role.RECEPTIONIST].actor
    calendar = OfficeCalendar.for_office(scratch.office.id)
    now = SystemClock().now()
    opening = calendar.next_opening(now)  # the next working moment: skips holidays and cuti
    clock = FixedClock(now if opening == now else opening + dt.timedelta(minutes=5))
    visitor = RegistrationService(clock).register(
        actor,
        VisitorForm(name="Pengunjung Uji", email="uji@example.com", gender="female", consent=True),
    )
    service = administration.services(scratch.office.id)[0]
    ticket = FrontDesk(clock).issue(actor, visitor_id=visitor.id, service_id=service.id)

    settings = scratch.settings()
    settings.printer = "self-check PDF printer"
    printed_file = scratch.folder / "printer" / f"{ticket.code}.pdf"
    printed_file.parent.mkdir(parents=True, exist_ok=True)
    output = TicketOutput(settings, clock, scratch.folder / "tickets", print_to_file=printed_file)
    answers: list = []
    output.printed.connect(answers.append)
    output.output(ticket.visit_id, ticket.code)  # returns at once: the work is queued
    output.wait()
    QCoreApplication.instance().processEvents()  # the worker's answer arrives queued
    output.deleteLater()
    if not answers:
        raise RuntimeError(f"ticket {ticket.code}: the print thread never answered")
    result = answers[-1]
    if result.failure is not None:
        raise RuntimeError(f"ticket {ticket.code} not read or rendered: {result.message}")
    if not result.printed:
        raise RuntimeError(f"ticket {ticket.code} not printed: {result.message}")
    if result.pdf_path is None or not result.pdf_path.is_file():
        raise RuntimeError(f"ticket {ticket.code}: its PDF was not kept ({result.message})")
    if not printed_file.is_file() or not printed_file.read_bytes().startswith(b"%PDF"):
        raise RuntimeError("no PDF arrived from the PDF printer")
    want, got = _page_size_pt(result.pdf_path), _page_size_pt(printed_file)
    if any(abs(w - g) > PAGE_TOLERANCE_PT for w, g in zip(want, got, strict=True)):
        raise RuntimeError(
            f"the printed page is {got[0]:.1f} × {got[1]:.1f} pt, the ticket's "
            f"{want[0]:.1f} × {want[1]:.1f} pt"
        )
    mm = 25.4 / 72
    return (
        f"ticket {ticket.code} issued for {clock.now():%Y-%m-%d %H:%M} and printed to a PDF "
        f"file, page {got[0] * mm:.1f} × {got[1] * mm:.1f} mm like the ticket"
    )


# -- running -------------------------------------------------------------------------------------
def ensure_application():
    """The QApplication the windows need: offscreen when no platform was given and there is no
    display (a server, CI); an existing one is reused."""
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance()
    if app is not None:
        if not isinstance(app, QApplication):
            raise RuntimeError("a QCoreApplication exists; the windows need a QApplication")
        return app
    no_display = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if no_display and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication(["pst-desktop", "--self-check"])


@contextmanager
def window_checks() -> Iterator[list[tuple[str, Check]]]:
    """The checks above the core, on a scratch office in a temp folder removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="pst-self-check-", ignore_cleanup_errors=True) as tmp:
        scratch = Scratch(Path(tmp))
        checks: list[tuple[str, Check]] = [("office", scratch.set_up)]
        for role in ("receptionist", "officer", "supervisor", "admin"):
            checks.append((f"window {role}", lambda role=role: _role_window(scratch, role)))
        checks.append(("rating screen", lambda: _rating_screen(scratch)))
        checks.append(("display board", lambda: _display_board(scratch)))
        checks.append(("printing", lambda: _check_printing(scratch)))
        try:
            yield checks
        finally:
            scratch.close()
            QCoreApplication.instance().processEvents()


def run_self_check(db_url: str | None = None, out: Callable[[str], None] = print) -> int:
    """``pst-desktop --self-check``: the core's checks, then the windows' and the print path's."""
    return selfcheck.run_self_check(
        db_url, out, application=ensure_application, modules=WINDOW_MODULES, more=window_checks
    )
