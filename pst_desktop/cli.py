"""The ``pst-desktop`` command: the app, and what an office IT admin needs from a terminal.

    pst-desktop [--db URL]                 start the app (the login window)
    pst-desktop db init|upgrade|status     create, upgrade or describe the database
    pst-desktop db backup FILE | db restore FILE [--force]
    pst-desktop db grants --staff-role pst_staff --kiosk-role pst_kiosk   (PostgreSQL roles)
    pst-desktop user add NAME --role ROLE  add a staff account (password from PST_USER_PASSWORD,
                                           else a prompt at a terminal, else a line of stdin)
    pst-desktop demo-data --days N --seed S
    pst-desktop rating --desk N            this PC is the rating screen of desk N (a kiosk)
    pst-desktop display                    this PC drives the waiting-room display board
    pst-desktop report --from 2026-11-01 --to 2026-11-30 -o report.pdf   (or report.xlsx)
    pst-desktop --self-check [--db URL]    check this installation (one line per check)

Bad arguments or an unreachable server give one clear line on stderr and a non-zero exit.

On Windows ``pst-desktop.exe`` is a windowed program (no console: ``sys.stdout``/``stderr``/
``stdin`` are None). Started with a command it attaches to the console it was started from and
prints there, else it writes its output to the log file; ``pst-desktop-cli.exe`` in the same
folder is the console program for scripts (it prints, reads stdin and returns its exit status).

This module is the core's half of the command line: it parses every command and runs the admin
ones (db, user, demo-data, report) without importing a window. The commands that start windows
(the app, ``rating``, ``display`` and ``--self-check``, which builds every window) are run by
the layer above, ``ui.launch``, which hands them to ``main`` as ``windows`` and ``self_check``.
``python -m pst_desktop`` (``pst_desktop.__main__``) chooses: ``starts_windows(argv)``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import io
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from models import migrations
from models.entities import Role
from pst_desktop import __version__
from pst_desktop.core import logs
from pst_desktop.core.clock import SystemClock
from pst_desktop.core.errors import ServiceError, ValidationError
from pst_desktop.core.files import write_file_atomically
from pst_desktop.db.connection import DatabaseUnavailable, describe, open_database, resolve_url

EXIT_USAGE = 2
EXIT_FAILED = 1

#: ``user add`` reads the new account's password from this variable when it is set
PASSWORD_VARIABLE = "PST_USER_PASSWORD"


class CommandError(Exception):
    """A refusal to report as one line."""


_NEEDS_WINDOWS = "this command starts windows: run it as pst-desktop (python -m pst_desktop)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pst-desktop",
        description="PST Desktop: buku tamu, antrian dan layanan konsultasi statistik",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (sqlite:///path or postgresql://user:pass@host:5432/pst)",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation (database, ticket, translations, resources) and exit",
    )
    sub = parser.add_subparsers(dest="command")

    db = sub.add_parser("db", help="create, upgrade or describe the database")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("init", help="create the schema and the office (if empty)")
    db_sub.add_parser("upgrade", help="upgrade the schema to this version (backs up SQLite first)")
    db_sub.add_parser("status", help="print the database, its schema version and what it holds")
    backup = db_sub.add_parser(
        "backup", help="back up the database (SQLite: a copy; PostgreSQL: a portable dump)"
    )
    backup.add_argument("file", metavar="FILE")
    backup.add_argument(
        "--portable", action="store_true", help="write the portable dump on SQLite too"
    )
    grants = db_sub.add_parser(
        "grants",
        help="PostgreSQL: create the staff and kiosk roles with least privilege "
        "(passwords from PST_STAFF_PASSWORD / PST_KIOSK_PASSWORD, else group roles)",
    )
    grants.add_argument("--staff-role", default="pst_staff", help="default: pst_staff")
    grants.add_argument("--kiosk-role", default="pst_kiosk", help="default: pst_kiosk")
    grants.add_argument("--print", action="store_true", help="print the SQL instead of running it")
    restore = db_sub.add_parser("restore", help="restore a backup into an empty database")
    restore.add_argument("file", metavar="FILE")
    restore.add_argument(
        "--force", action="store_true", help="replace the data of a database that is not empty"
    )

    user = sub.add_parser("user", help="staff accounts")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add", help="add a staff account")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--name", help="full name (default: the username)")
    add.add_argument("--office", type=int, help="office id (default: the first office)")

    demo = sub.add_parser(
        "demo-data", help="fill the database with a believable office for training"
    )
    demo.add_argument("--days", type=int, default=20, help="working days of visits (default 20)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    demo.add_argument(
        "--visits-per-day", type=int, default=None, help="average walk-in visits per day"
    )
    demo.add_argument("--end", help="last day, YYYY-MM-DD (default: yesterday)")

    rating = sub.add_parser(
        "rating", help="run this PC as the visitor rating screen of one desk (fullscreen kiosk)"
    )
    rating.add_argument(
        "--desk", type=int, help="desk id (default: the desk in this PC's settings)"
    )
    rating.add_argument("--window", action="store_true", help="a window instead of fullscreen")

    display = sub.add_parser("display", help="run this PC as the waiting-room display board")
    display.add_argument("--window", action="store_true", help="a window instead of fullscreen")

    report = sub.add_parser(
        "report", help="the report of a date range as a PDF or an XLSX workbook"
    )
    report.add_argument("--from", dest="date_from", required=True, help="first day, YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", required=True, help="last day, YYYY-MM-DD")
    report.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="report.pdf or report.xlsx"
    )
    report.add_argument("--office", type=int, help="office id (default: the first office)")
    report.add_argument("--language", choices=["id", "en"], default="id", help="default: id")
    return parser


def _read_password(prompt: str = "Password: ") -> str:
    """``PST_USER_PASSWORD`` when set (scripts, installers); else typed twice at a terminal;
    else one line of stdin (a pipe). No stdin at all (a windowed program): one clear line."""
    from_environment = os.environ.get(PASSWORD_VARIABLE)
    if from_environment:
        return from_environment
    stdin = sys.stdin
    if stdin is None:
        raise CommandError(
            f"no password: set {PASSWORD_VARIABLE}, or type or pipe it into pst-desktop-cli"
        )
    if stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass("Again: ") != first:
            raise CommandError("the two passwords differ")
        return first
    line = stdin.readline()
    if not line.strip("\r\n"):
        raise CommandError(f"no password on stdin: pipe one line, or set {PASSWORD_VARIABLE}")
    return line.rstrip("\r\n")


def _open(args: argparse.Namespace, upgrade: bool = True):
    from pst_desktop.core.settings import StationSettings

    return open_database(resolve_url(args.db, StationSettings().database_url), upgrade=upgrade)


def cmd_db(args: argparse.Namespace) -> int:
    from models.entities import Office, UserAccount, Visit, Visitor
    from pst_desktop.admin.office_setup import find_or_create_office, first_office

    url = resolve_url(args.db)
    if args.db_command in ("backup", "restore"):
        return cmd_backup(args)
    if args.db_command == "grants":
        return cmd_grants(args)
    if args.db_command == "status":
        db = _open(args, upgrade=False)
        version = migrations.current_version(db)
        print(f"database: {describe(url)}")
        print(f"schema version: {version} (this program: {migrations.LATEST})")
        if version:
            print(
                f"offices: {Office.select().count()}, accounts: {UserAccount.select().count()}, "
                f"visitors: {Visitor.select().count()}, visits: {Visit.select().count()}"
            )
        if version < migrations.LATEST:
            print("run 'pst-desktop db upgrade' to bring it up to date")
        return 0
    db = _open(args, upgrade=False)
    before = migrations.current_version(db)
    applied = migrations.upgrade(db)
    if args.db_command == "init" and first_office() is None:
        # another PC running init at the same moment may make it first: one office either way
        office, created = find_or_create_office(SystemClock())
        made = "created office" if created else "office made by another PC just now:"
        print(f"{made} {office.id}: {office.name} (edit it in the admin window)")
    after = migrations.current_version(db)  # another PC may have upgraded meanwhile
    if applied:
        print(f"schema upgraded from version {before} to {after}")
    else:
        print(f"schema already at version {after}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pst_desktop.db import backup

    db = _open(args, upgrade=False)
    if args.db_command == "backup":
        result = backup.backup(db, Path(args.file), portable=args.portable)
        text = QCoreApplication.translate(
            "Backup", "Backup written to {path} ({kind}, schema version {version}): {rows} rows."
        )
    else:
        result = backup.restore(db, Path(args.file), force=args.force)
        text = QCoreApplication.translate(
            "Backup", "Restored {path} ({kind}, schema version {version}): {rows} rows."
        )
    print(
        text.format(
            path=result.path, kind=result.kind, version=result.schema_version, rows=result.total
        )
    )
    return 0


def cmd_grants(args: argparse.Namespace) -> int:
    import os

    from pst_desktop.db import grants

    staff_password = os.environ.get("PST_STAFF_PASSWORD") or None
    kiosk_password = os.environ.get("PST_KIOSK_PASSWORD") or None
    if args.print:
        for sql in grants.grant_statements(staff_role=args.staff_role, kiosk_role=args.kiosk_role):
            print(f"{sql};")
        return 0
    db = _open(args, upgrade=False)
    if migrations.current_version(db) == 0:
        raise CommandError("no schema yet: run 'pst-desktop db init' first")
    grants.apply_grants(db, args.staff_role, args.kiosk_role, staff_password, kiosk_password)
    login = {True: "can log in", False: "is a group role (NOLOGIN)"}
    print(
        QCoreApplication.translate(
            "Grants", "Staff role {staff} {staff_login}; kiosk role {kiosk} {kiosk_login}."
        ).format(
            staff=args.staff_role,
            staff_login=login[staff_password is not None],
            kiosk=args.kiosk_role,
            kiosk_login=login[kiosk_password is not None],
        )
    )
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    from pst_desktop.admin.accounts import AccountService
    from pst_desktop.admin.office_setup import first_office

    _open(args)
    office = first_office()
    if office is None:
        raise CommandError("no office yet: run 'pst-desktop db init' first")
    office_id = args.office or office.id
    password = _read_password()
    service = AccountService(SystemClock())
    from pst_desktop.sop.permissions import Actor

    system = Actor(None, Role.ADMIN, office_id, "pst-desktop user add")
    if not service.any_admin() and args.role == Role.ADMIN.value:
        account = service.create_first_admin(
            office_id, args.username, args.name or args.username, password
        )
    else:
        account = service.create(
            system, args.username, args.name or args.username, Role(args.role), password
        )
    print(f"account {account.username} ({account.role}) created")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from pst_desktop import demo

    _open(args)
    summary = demo.generate(
        days=args.days, seed=args.seed, visits_per_day=args.visits_per_day, end=args.end
    )
    print(summary)
    return 0


def _report_date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(
            QCoreApplication.translate(
                "Reports", "{option} must be a date like 2026-11-01, not {text}"
            ).format(option=option, text=repr(text))
        ) from None


def cmd_report(args: argparse.Namespace) -> int:
    """The report of ``--from``..``--to`` as a PDF or XLSX, by the output file's extension."""
    from pathlib import Path

    from models.entities import Office
    from pst_desktop.admin.office_setup import first_office

    first = _report_date(args.date_from, "--from")
    last = _report_date(args.date_to, "--to")
    if last < first:
        raise CommandError(
            QCoreApplication.translate("Reports", "--to {last} lies before --from {first}").format(
                last=last, first=first
            )
        )
    target = Path(args.output)
    kind = target.suffix.lower()
    if kind not in (".pdf", ".xlsx"):
        raise CommandError(
            QCoreApplication.translate(
                "Reports", "The output file must end in .pdf or .xlsx, not {name}."
            ).format(name=target.name)
        )
    if not target.parent.is_dir():
        raise CommandError(
            QCoreApplication.translate("Reports", "The folder {folder} does not exist.").format(
                folder=target.parent
            )
        )
    _open(args)
    office = first_office()
    if office is None:
        raise CommandError("no office yet: run 'pst-desktop db init' first")
    office_id = args.office or office.id
    if Office.get_or_none(Office.id == office_id) is None:
        raise CommandError(
            QCoreApplication.translate("Reports", "There is no office {office}.").format(
                office=office_id
            )
        )
    from pst_desktop.reporting.reports import build_report

    data = build_report(office_id, first, last, language=args.language)
    try:  # a folder that cannot be written is one line, never a half file
        if kind == ".pdf":
            from pst_desktop.reporting.pdf import render_report_pdf

            write_file_atomically(target, render_report_pdf(data))
        else:
            from pst_desktop.reporting.xlsx import export_report_xlsx

            export_report_xlsx(data, target)
    except OSError as exc:
        raise CommandError(
            QCoreApplication.translate("Reports", "Cannot write {path}: {reason}").format(
                path=target, reason=exc.strerror or exc
            )
        ) from exc
    print(
        QCoreApplication.translate(
            "Reports", "Report {period} written to {path}: {visits} visits."
        ).format(period=data.period_text, path=target, visits=data.totals.visits)
    )
    return 0


Command = Callable[[argparse.Namespace], int]

#: the admin commands: run here, no window imported
COMMANDS: dict[str | None, Command] = {
    "db": cmd_db,
    "user": cmd_user,
    "demo-data": cmd_demo,
    "report": cmd_report,
}
#: the commands that start windows (None: the app): run by the layer above (``ui.launch``)
WINDOW_COMMANDS: frozenset[str | None] = frozenset({None, "rating", "display"})


def starts_windows(argv: Sequence[str]) -> bool:
    """Whether ``argv`` starts windows (the app, ``rating``, ``display``, ``--self-check``).

    Read as ``main`` reads it (argparse); help, ``--version`` and bad arguments are the core's
    to print, so they are False here (nothing is printed by this question)."""
    quiet = io.StringIO()
    try:
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            args = build_parser().parse_args(list(argv))
    except SystemExit:
        return False
    return bool(args.self_check) or args.command in WINDOW_COMMANDS


# -- output without a console (the windowed program on Windows) --------------------------------
class _LogStream:
    """Stands in for a missing ``sys.stdout``/``stderr``: each line goes to the log."""

    def __init__(self, logger: logging.Logger, level: int) -> None:
        self._logger, self._level, self._pending = logger, level, ""

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            if line.strip():
                self._logger.log(self._level, "%s", line)
        return len(text)

    def flush(self) -> None:
        if self._pending.strip():
            self._logger.log(self._level, "%s", self._pending)
        self._pending = ""

    def isatty(self) -> bool:
        return False


def _attach_parent_console() -> bool:
    """Windows: attach to the console of the process that started us (cmd, PowerShell)."""
    import ctypes

    attach_parent_process = -1  # ATTACH_PARENT_PROCESS, (DWORD)-1
    return bool(ctypes.windll.kernel32.AttachConsole(attach_parent_process))  # type: ignore[attr-defined]


def _log_fallback() -> logging.Logger:
    """The command's output logger; with no logging set up yet, it writes to the log file."""
    logger = logging.getLogger("pst_desktop.console")
    if not logging.getLogger().handlers and not logger.handlers:
        from logging.handlers import RotatingFileHandler

        from platformdirs import user_log_dir

        folder = os.environ.get("PST_LOG_DIR") or user_log_dir("PST Desktop", "BPS")
        os.makedirs(folder, exist_ok=True)
        handler = RotatingFileHandler(
            os.path.join(folder, "pst-desktop.log"),
            maxBytes=1_000_000,
            backupCount=3,
            encoding="utf-8",
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    return logger


def ensure_output_streams(
    *,
    platform: str = sys.platform,
    attach: Callable[[], bool] = _attach_parent_console,
    open_console: Callable[[], object] = lambda: open(  # noqa: SIM115
        "CONOUT$", "w", encoding="utf-8", errors="replace", buffering=1
    ),
) -> str:
    """Give a command somewhere to print when ``sys.stdout``/``stderr`` are None (a windowed
    build on Windows): the console it was started from, else the log. Returns "console",
    "console+log", "log" or "" (nothing was missing: a console program, Linux)."""
    if sys.stdout is not None and sys.stderr is not None:
        return ""
    if platform == "win32":
        try:
            if attach():
                console = open_console()
                if sys.stdout is None:
                    sys.stdout = console
                if sys.stderr is None:
                    sys.stderr = console
                return "console"
        except (OSError, AttributeError, ValueError):
            pass
    logger = _log_fallback()
    if sys.stdout is None:
        sys.stdout = _LogStream(logger, logging.INFO)
    if sys.stderr is None:
        sys.stderr = _LogStream(logger, logging.ERROR)
    return "log"


def _is_command(argv: Sequence[str]) -> bool:
    """A command or an option that prints (not just the app, perhaps with ``--db URL``)."""
    printing = {"--self-check", "-h", "--help", "--version"}
    return any(arg in printing or arg in COMMANDS or arg in WINDOW_COMMANDS for arg in argv)


def main(
    argv: Sequence[str] | None = None,
    *,
    windows: Mapping[str | None, Command] | None = None,
    self_check: Callable[[str | None], int] | None = None,
) -> int:
    """Run the command in ``argv``; its exit status.

    ``windows`` (the commands of ``WINDOW_COMMANDS``) and ``self_check`` (``--self-check`` with
    ``--db``'s URL) come from the layer above, ``ui.launch``; without them those commands are
    refused in one line (this module never imports a window)."""
    if _is_command(sys.argv[1:] if argv is None else argv):
        logs.setup(qt_messages=False, faults=False)  # commands log to the app's log file too
        ensure_output_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed one usage line
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    try:
        if args.self_check:
            if self_check is None:
                raise CommandError(_NEEDS_WINDOWS)
            return self_check(args.db)
        if args.command in COMMANDS:
            return COMMANDS[args.command](args)
        if windows is None or args.command not in windows:
            raise CommandError(_NEEDS_WINDOWS)
        return windows[args.command](args)
    except ValidationError as exc:
        print(f"pst-desktop: {'; '.join(exc.fields.values())}", file=sys.stderr)
    except (DatabaseUnavailable, CommandError, ServiceError, RuntimeError, ValueError) as exc:
        print(f"pst-desktop: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("pst-desktop: interrupted", file=sys.stderr)
    finally:
        _close_database()
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, _LogStream):
                stream.flush()
    return EXIT_FAILED


def _close_database() -> None:
    from models.database import database_proxy

    if database_proxy.obj is not None and not database_proxy.obj.is_closed():
        database_proxy.obj.close()
