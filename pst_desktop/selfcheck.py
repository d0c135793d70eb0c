"""``pst-desktop --self-check``: does this installation work? One line per check, exit 0 or 1.

Made for the built (PyInstaller) program, where a missing resource, hidden import, data file or
Qt plugin only shows when the program runs: CI starts ``dist/pst-desktop/pst-desktop --self-check``
offscreen after every build. It does what staff do, on a scratch database:

- the bundled resources exist (fonts, the chime, the Indonesian ``.qm``);
- the database: without ``--db`` a throw-away SQLite file in a temp folder is created and
  upgraded to the latest schema (the user's own database is never touched); with ``--db URL``
  that database is only opened and its schema version read (nothing is written or upgraded);
- a sample ticket renders as a PDF (ReportLab + the bundled fonts);
- the Indonesian translator loads and translates a known string;
- the modules the program imports by name import;
- this year's Indonesian holidays and cuti bersama, with their Indonesian names, through the
  office calendar (the ``holidays`` package reads them from its bundled ``.mo`` files);
- a scratch office in a temp folder: a new SQLite database, upgraded, with an office, its desk
  and services, and one account per role (through the app's own services);
- every role window (reception, officer, supervisor, admin) and both visitor screens (rating
  screen, display board) are built, shown offscreen and closed, signed in to the scratch office;
- the receptionist's F9: a visitor registered and a ticket issued on the scratch office's next
  working moment, printed through the front desk's own output (its print worker) to a PDF-file
  printer; a PDF of the ticket's page size arrives.

Nothing outside the temp folder is written: the windows get station settings in an ini file
there, and their ticket, draft and rating folders are there too.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from pst_desktop.paths import resource_path

# the resources every installation needs (relative to ``resources/``)
REQUIRED_RESOURCES = (
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("sounds", "chime.wav"),
    ("translations", "pst_id.qm"),
    ("translations", "qtbase_id.qm"),  # Qt's own buttons, menus and file dialog
)

# modules the ``pst-desktop`` command imports by name (PyInstaller cannot see them), and the Qt
# modules the windows import
LAZY_MODULES = (
    "ui.app",
    "ui.visitor.app",
    "pst_desktop.report_pdf",
    "pst_desktop.report_xlsx",
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

Check = Callable[[], str]


# -- the existing checks ------------------------------------------------------------------------
def _check_resources() -> str:
    missing = [str(Path(*p)) for p in REQUIRED_RESOURCES if not resource_path(*p).is_file()]
    if missing:
        raise RuntimeError("missing: " + ", ".join(missing))
    return str(resource_path())


def _check_database(url: str | None) -> str:
    from models import migrations
    from models.database import database_proxy
    from pst_desktop.connection import describe, open_database

    if url:
        db = open_database(url, upgrade=False)
        try:
            version = migrations.current_version(db)
        finally:
            db.close()
            database_proxy.initialize(None)
        return f"{describe(url)}, schema version {version} (this program: {migrations.LATEST})"
    with tempfile.TemporaryDirectory(
        prefix="pst-self-check-", ignore_cleanup_errors=True
    ) as folder:
        db = open_database(_sqlite_url(Path(folder) / "self-check.db"))
        try:
            version = migrations.current_version(db)
        finally:
            db.close()
            database_proxy.initialize(None)
    if version != migrations.LATEST:
        raise RuntimeError(f"a new SQLite database reached version {version}, not the latest")
    return f"new SQLite database upgraded to schema version {version}"


def _check_ticket() -> str:
    from pst_desktop.tickets import render_ticket, sample_ticket_data

    pdf = render_ticket(sample_ticket_data())
    if not pdf.startswith(b"%PDF") or b"%%EOF" not in pdf[-64:]:
        raise RuntimeError("the ticket is not a PDF")
    return f"sample ticket rendered, {len(pdf)} bytes of PDF"


def _check_translations() -> str:
    from pst_desktop.i18n import install_translator

    app = QCoreApplication.instance() or QCoreApplication([])
    try:
        if not install_translator(app, "id"):
            raise RuntimeError("the Indonesian translation does not load")
        source = "The self-check passed."
        translated = QCoreApplication.translate("SelfCheck", "The self-check passed.")
        if translated == source:
            raise RuntimeError("a known string is not translated")
        # Qt's own string, not ours: a context lupdate does not read keeps it out of pst_id.ts
        qt_context = "QPlatformTheme"
        cancel = QCoreApplication.translate(qt_context, "Cancel")
        if cancel == "Cancel":
            raise RuntimeError("Qt's own strings are not translated (qtbase_id.qm)")
    finally:
        install_translator(app, "en")
    return f"Indonesian loaded: {translated!r}, Qt's Cancel: {cancel!r}"


def _check_modules() -> str:
    for name in LAZY_MODULES:
        importlib.import_module(name)
    # psycopg finds its libpq wrapper by name: the bundled binary one (office PCs have no libpq)
    import psycopg

    return (
        ", ".join(LAZY_MODULES)
        + f"; PostgreSQL driver psycopg {psycopg.__version__} "
        + (f"({psycopg.pq.__impl__}, libpq {psycopg.pq.version()})")
    )


# -- holidays -------------------------------------------------------------------------------------
def _check_holidays(year: int) -> str:
    """This year's holidays and cuti bersama with Indonesian names, as the office calendar
    computes them (a build without holidays' ``.mo`` files fails here, as F9 did)."""
    from pst_desktop.calendar import OfficeCalendar, national_holidays

    national_holidays.cache_clear()  # computed now, not remembered from an earlier call
    found = national_holidays(year)
    new_year = found.get(dt.date(year, 1, 1), "")
    if "Tahun Baru" not in new_year:
        raise RuntimeError(f"1 January {year} is {new_year!r}, not its Indonesian name")
    cuti = [day for day, name in found.items() if "cuti bersama" in name.lower()]
    if not cuti:
        raise RuntimeError(
            f"no cuti bersama in {year}: this release of holidays does not know the year"
        )
    calendar = OfficeCalendar("Asia/Jakarta", {})
    if calendar.is_working_day(cuti[0]):
        raise RuntimeError(f"cuti bersama {cuti[0]} counts as a working day")
    return f"{year}: {len(found)} days, {len(cuti)} of them cuti bersama; 1 January: {new_year}"


# -- the scratch office ---------------------------------------------------------------------------
def _sqlite_url(path: Path) -> str:
    return "sqlite:///" + str(path).replace("\\", "/")


class Scratch:
    """A throw-away office in a temp folder: its database, station settings and folders."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.url = _sqlite_url(folder / "office.db")
        self.db = None
        self.office = None
        self.sessions: dict = {}  # Role -> Session
        self._settings = None

    def settings(self):
        """Station settings in an ini file here (the user's own settings stay untouched)."""
        if self._settings is None:
            from PySide6.QtCore import QSettings

            from pst_desktop.settings import StationSettings

            ini = QSettings(str(self.folder / "station.ini"), QSettings.Format.IniFormat)
            self._settings = StationSettings(ini)
            self._settings.ticket_folder = str(self.folder / "tickets")
        return self._settings

    def set_up(self) -> str:
        """Create and upgrade the database; an office with a desk and services; one account per
        role, through the app's services (as ``db init``, the setup wizard and the admin do)."""
        from models import migrations
        from models.entities import Role, UserAccount
        from pst_desktop.accounts import AccountService, actor_for
        from pst_desktop.clock import SystemClock
        from pst_desktop.connection import describe, open_database
        from pst_desktop.office import create_office
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
        from pst_desktop import administration

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
    from pst_desktop.i18n import install_translator

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
        from pst_desktop.front_desk import queue_snapshot
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
    from pst_desktop.clock import SystemClock
    from pst_desktop.rating_desk import OUTBOX_FILE, RatingOutbox
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


def _display_board(scratch: Scratch) -> str:
    from pst_desktop.clock import SystemClock
    from ui.visitor.board import DisplayBoard

    scratch.require()

    def build():
        board = DisplayBoard(scratch.db, scratch.office, SystemClock(), scratch.settings())
        board.start()
        return board

    def close(board) -> None:
        board.stop()
        board.close()

    return _exercise(build, close)


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
    from pst_desktop import administration
    from pst_desktop.calendar import OfficeCalendar
    from pst_desktop.clock import FixedClock, SystemClock
    from pst_desktop.front_desk import FrontDesk
    from pst_desktop.registration import RegistrationService, VisitorForm
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


def run_self_check(db_url: str | None = None, out: Callable[[str], None] = print) -> int:
    """Run every check, print ``ok``/``FAILED`` per line; 0 when all passed, else 1."""
    failed = 0
    total = 0

    def run(name: str, check: Check) -> None:
        nonlocal failed, total
        total += 1
        try:
            detail = check()
        except Exception as exc:
            failed += 1
            last = traceback.format_exception_only(exc)[-1].strip()
            out(f"self-check {name}: FAILED: {last}")
        else:
            out(f"self-check {name}: ok: {detail}")

    try:
        app = ensure_application()
    except Exception as exc:
        out(f"self-check application: FAILED: {exc}")
        out("self-check: 1 of 1 checks FAILED")
        return 1
    with tempfile.TemporaryDirectory(prefix="pst-self-check-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        scratch = Scratch(folder)
        try:
            run("resources", _check_resources)
            run("database", lambda: _check_database(db_url))
            run("ticket", _check_ticket)
            run("translations", _check_translations)
            run("modules", _check_modules)
            run("holidays", lambda: _check_holidays(dt.date.today().year))
            run("office", scratch.set_up)
            for role in ("receptionist", "officer", "supervisor", "admin"):
                run(f"window {role}", lambda role=role: _role_window(scratch, role))
            run("rating screen", lambda: _rating_screen(scratch))
            run("display board", lambda: _display_board(scratch))
            run("printing", lambda: _check_printing(scratch))
        finally:
            scratch.close()
            app.processEvents()
    if failed:
        out(f"self-check: {failed} of {total} checks FAILED")
        return 1
    out(f"self-check: all {total} checks passed")
    return 0
