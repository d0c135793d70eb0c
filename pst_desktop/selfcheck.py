"""``pst-desktop --self-check``: does this installation work? One line per check, exit 0 or 1.

Made for the built (PyInstaller) program, where a missing resource, hidden import, data file or
Qt plugin only shows when the program runs: CI starts ``dist/pst-desktop/pst-desktop --self-check``
offscreen after every build. It does what staff do, on a scratch database. The checks here need
nothing but QtCore:

- the bundled resources exist (fonts, the chime, the Indonesian ``.qm``);
- the database: without ``--db`` a throw-away SQLite file in a temp folder is created and
  upgraded to the latest schema (the user's own database is never touched); with ``--db URL``
  that database is only opened and its schema version read (nothing is written or upgraded);
- a sample ticket renders as a PDF (ReportLab + the bundled fonts);
- the Indonesian translator loads and translates a known string;
- the modules the program imports by name import;
- this year's Indonesian holidays and cuti bersama, with their Indonesian names, through the
  office calendar (the ``holidays`` package reads them from its bundled ``.mo`` files).

The checks that build windows (a scratch office, every role window and both visitor screens,
the receptionist's F9 printed through the print path) live above the core, in
``ui.selfcheck``, which runs them after these through ``run_self_check(..., more=...)``;
``pst-desktop --self-check`` (``ui.launch``) runs all of them.
"""

from __future__ import annotations

import datetime as dt
import importlib
import tempfile
import traceback
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from pst_desktop.core.paths import resource_path

# the resources every installation needs (relative to ``resources/``)
REQUIRED_RESOURCES = (
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("sounds", "chime.wav"),
    ("translations", "pst_id.qm"),
    ("translations", "qtbase_id.qm"),  # Qt's own buttons, menus and file dialog
)

# modules the ``report`` command imports when it runs (the layer above adds the windows' modules)
LAZY_MODULES = (
    "pst_desktop.reporting.pdf",
    "pst_desktop.reporting.xlsx",
)

Check = Callable[[], str]
#: the layer above's checks: entered once the core's have run, yields ``(name, check)`` pairs
MoreChecks = Callable[[], AbstractContextManager[Iterable[tuple[str, Check]]]]


# -- the existing checks ------------------------------------------------------------------------
def _check_resources() -> str:
    missing = [str(Path(*p)) for p in REQUIRED_RESOURCES if not resource_path(*p).is_file()]
    if missing:
        raise RuntimeError("missing: " + ", ".join(missing))
    return str(resource_path())


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + str(path).replace("\\", "/")


def _check_database(url: str | None) -> str:
    from models import migrations
    from models.database import database_proxy
    from pst_desktop.db.connection import describe, open_database

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
        db = open_database(sqlite_url(Path(folder) / "self-check.db"))
        try:
            version = migrations.current_version(db)
        finally:
            db.close()
            database_proxy.initialize(None)
    if version != migrations.LATEST:
        raise RuntimeError(f"a new SQLite database reached version {version}, not the latest")
    return f"new SQLite database upgraded to schema version {version}"


def _check_ticket() -> str:
    from pst_desktop.frontdesk.ticket_pdf import render_ticket, sample_ticket_data

    pdf = render_ticket(sample_ticket_data())
    if not pdf.startswith(b"%PDF") or b"%%EOF" not in pdf[-64:]:
        raise RuntimeError("the ticket is not a PDF")
    return f"sample ticket rendered, {len(pdf)} bytes of PDF"


def _check_translations() -> str:
    from pst_desktop.core.i18n import install_translator

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


def _check_modules(more: Sequence[str] = ()) -> str:
    names = (*more, *LAZY_MODULES)
    for name in names:
        importlib.import_module(name)
    # psycopg finds its libpq wrapper by name: the bundled binary one (office PCs have no libpq)
    import psycopg

    return (
        ", ".join(names)
        + f"; PostgreSQL driver psycopg {psycopg.__version__} "
        + (f"({psycopg.pq.__impl__}, libpq {psycopg.pq.version()})")
    )


# -- holidays -------------------------------------------------------------------------------------
def _check_holidays(year: int) -> str:
    """This year's holidays and cuti bersama with Indonesian names, as the office calendar
    computes them (a build without holidays' ``.mo`` files fails here, as F9 did)."""
    from pst_desktop.sop.office_calendar import OfficeCalendar, national_holidays

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


# -- running -------------------------------------------------------------------------------------
def core_application() -> QCoreApplication:
    """The running Qt application, else a new ``QCoreApplication`` (enough for these checks)."""
    return QCoreApplication.instance() or QCoreApplication(["pst-desktop", "--self-check"])


def run_self_check(
    db_url: str | None = None,
    out: Callable[[str], None] = print,
    *,
    application: Callable[[], QCoreApplication] = core_application,
    modules: Sequence[str] = (),
    more: MoreChecks | None = None,
) -> int:
    """Run every check, print ``ok``/``FAILED`` per line; 0 when all passed, else 1.

    The layer above (``ui.selfcheck``) gives the ``application`` its windows need, the
    ``modules`` they import by name, and ``more`` checks (the windows and the print path)."""
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
        app = application()
    except Exception as exc:
        out(f"self-check application: FAILED: {exc}")
        out("self-check: 1 of 1 checks FAILED")
        return 1
    run("resources", _check_resources)
    run("database", lambda: _check_database(db_url))
    run("ticket", _check_ticket)
    run("translations", _check_translations)
    run("modules", lambda: _check_modules(modules))
    run("holidays", lambda: _check_holidays(dt.date.today().year))
    if more is not None:
        try:
            with more() as checks:
                for name, check in checks:
                    run(name, check)
        finally:
            app.processEvents()
    if failed:
        out(f"self-check: {failed} of {total} checks FAILED")
        return 1
    out(f"self-check: all {total} checks passed")
    return 0
