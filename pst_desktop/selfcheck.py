"""``pst-desktop --self-check``: does this installation work? One line per check, exit 0 or 1.

Made for the built (PyInstaller) program, where a missing resource, hidden import or Qt plugin
only shows when the program runs: CI starts ``dist/pst-desktop/pst-desktop --self-check``
offscreen after every build.

Checks:
- the bundled resources exist (fonts, the chime, the Indonesian ``.qm``);
- the database: without ``--db`` a throw-away SQLite file in a temp folder is created and
  upgraded to the latest schema (the user's own database is never touched); with ``--db URL``
  that database is only opened and its schema version read (nothing is written or upgraded);
- a sample ticket renders as a PDF (ReportLab + the bundled fonts);
- the Indonesian translator loads and translates a known string;
- the windows' modules import (the lazily imported ``ui.*`` modules are in the build).
"""

from __future__ import annotations

import importlib
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from pst_desktop.paths import resource_path

# the resources every installation needs (relative to ``resources/``)
REQUIRED_RESOURCES = (
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("sounds", "chime.wav"),
    ("translations", "pst_id.qm"),
)

# modules the ``pst-desktop`` command imports by name (PyInstaller cannot see them)
LAZY_MODULES = (
    "ui.app",
    "ui.visitor.app",
    "pst_desktop.report_pdf",
    "pst_desktop.report_xlsx",
    "PySide6.QtMultimedia",
    "PySide6.QtTextToSpeech",
    "PySide6.QtPdf",
)

Check = Callable[[], str]


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
    with tempfile.TemporaryDirectory(prefix="pst-self-check-") as folder:
        db = open_database("sqlite:///" + str(Path(folder) / "self-check.db").replace("\\", "/"))
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
    finally:
        install_translator(app, "en")
    return f"Indonesian loaded: {translated!r}"


def _check_modules() -> str:
    for name in LAZY_MODULES:
        importlib.import_module(name)
    return ", ".join(LAZY_MODULES)


def run_self_check(db_url: str | None = None, out: Callable[[str], None] = print) -> int:
    """Run every check, print ``ok``/``FAILED`` per line; 0 when all passed, else 1."""
    checks: list[tuple[str, Check]] = [
        ("resources", _check_resources),
        ("database", lambda: _check_database(db_url)),
        ("ticket", _check_ticket),
        ("translations", _check_translations),
        ("modules", _check_modules),
    ]
    failed = 0
    for name, check in checks:
        try:
            detail = check()
        except Exception as exc:
            failed += 1
            last = traceback.format_exception_only(exc)[-1].strip()
            out(f"self-check {name}: FAILED: {last}")
        else:
            out(f"self-check {name}: ok: {detail}")
    if failed:
        out(f"self-check: {failed} of {len(checks)} checks FAILED")
        return 1
    out(f"self-check: all {len(checks)} checks passed")
    return 0
