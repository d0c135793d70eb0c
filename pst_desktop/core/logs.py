"""The program's log: standard ``logging`` into one rotating file the office's IT can read.

``setup()`` (called once by each entry point: the staff app, the visitor screens, the commands)
sends every logger's records at INFO and above to ``pst-desktop.log`` in the log folder
(``PST_LOG_DIR``, else platformdirs ``user_log_dir``), the file the crash handler writes its
reports to (``ui.crash`` takes the same handler from ``file_handler``). Each line says when, how
bad, which module, and who: this PC (host name and station role) and the signed-in username::

    2026-11-24 08:01:02,345 INFO pst_desktop.visits.events [LOKET-1/staff budi] ticket K-001 …

``set_user(username)`` at sign-in and ``set_user(None)`` at sign-out; ``set_station(role)`` when
the PC's role is known. Qt's own messages (``qWarning`` and friends) go to the ``qt`` logger and
``faulthandler`` writes a hard crash's Python stack to ``pst-desktop-fault.log`` beside it.

Never log a visitor's personal data (name, phone, e-mail, institution text): log ids and codes.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import socket
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO, Any

LOG_FILE = "pst-desktop.log"
FAULT_FILE = "pst-desktop-fault.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(station)s %(user)s] %(message)s"

_user: str | None = None
_station_role: str = ""
_handlers: dict[Path, RotatingFileHandler] = {}
_installed: dict[str, Any] = {}  # what setup() changed, for teardown()


def default_log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(os.environ.get("PST_LOG_DIR") or user_log_dir("PST Desktop", "BPS"))


def log_path(folder: Path | None = None) -> Path:
    return (Path(folder) if folder is not None else default_log_dir()) / LOG_FILE


# -- who and where --------------------------------------------------------------------------------
def set_user(username: str | None) -> None:
    """The signed-in user's username (None after sign-out): every later line carries it."""
    global _user
    _user = username or None


def current_user() -> str | None:
    return _user


def set_station(role: str | None) -> None:
    """This PC's station role (``StationSettings.station_role``: staff, board, rating)."""
    global _station_role
    _station_role = role or ""


def station() -> str:
    host = socket.gethostname() or "?"
    return f"{host}/{_station_role}" if _station_role else host


class ContextFilter(logging.Filter):
    """Adds ``station`` and ``user`` to every record that reaches the file."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.station = station()
        record.user = _user or "-"
        return True


# -- the file -------------------------------------------------------------------------------------
def file_handler(folder: Path | None = None) -> RotatingFileHandler:
    """The one rotating handler of the log file in ``folder`` (shared: two handlers rotating one
    file would lose lines). Creates the folder; raises OSError when it cannot."""
    path = log_path(folder).resolve()
    handler = _handlers.get(path)
    if handler is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=False
        )
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(ContextFilter())
        _handlers[path] = handler
    return handler


def release_handler(handler: RotatingFileHandler) -> None:
    """Close ``handler`` unless the root logger still writes through it."""
    if handler in logging.getLogger().handlers:
        return
    for path, known in list(_handlers.items()):
        if known is handler:
            del _handlers[path]
    handler.close()


# -- setting up -----------------------------------------------------------------------------------
def setup(
    folder: Path | None = None,
    *,
    station_role: str | None = None,
    qt_messages: bool = True,
    faults: bool = True,
    level: int = logging.INFO,
) -> Path:
    """Log to the file in ``folder`` (default: the log folder); returns the log file's path.

    Safe to call again (the file handler is added once). ``qt_messages`` routes Qt's messages to
    the ``qt`` logger (entry points only: tests keep pytest-qt's own handler); ``faults`` turns
    on ``faulthandler`` into ``pst-desktop-fault.log``. A log folder that cannot be written
    leaves logging to stderr rather than stopping the program.
    """
    if station_role is not None:
        set_station(station_role)
    root = logging.getLogger()
    try:
        handler = file_handler(folder)
    except OSError as exc:
        logging.basicConfig(level=level, format=FORMAT)
        root.handlers[0].addFilter(ContextFilter())
        logging.getLogger(__name__).error("cannot write the log in %s: %s", folder, exc)
        return log_path(folder)
    for earlier in _installed.get("handlers", []):  # set up again for another folder: move
        if earlier is not handler:
            root.removeHandler(earlier)
            release_handler(earlier)
    if handler not in root.handlers:
        root.addHandler(handler)
    _installed["handlers"] = [handler]
    if root.level > level or root.level == logging.NOTSET:
        _installed.setdefault("level", root.level)
        root.setLevel(level)
    if qt_messages and "qt" not in _installed:
        _installed["qt"] = install_qt_handler()
    # already on (python -X faulthandler, PYTHONFAULTHANDLER, a test runner): left where it writes
    if faults and "fault_file" not in _installed and not faulthandler.is_enabled():
        try:
            _installed["fault_file"] = enable_faulthandler(folder)
        except OSError as exc:
            logging.getLogger(__name__).warning("faulthandler not enabled: %s", exc)
    return Path(handler.baseFilename)


def teardown() -> None:
    """Undo ``setup`` (tests): the handler, the level, Qt's handler, faulthandler."""
    root = logging.getLogger()
    for handler in _installed.pop("handlers", []):
        root.removeHandler(handler)
        release_handler(handler)
    if "level" in _installed:
        root.setLevel(_installed.pop("level"))
    if "qt" in _installed:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(_installed.pop("qt"))
    fault_file: IO[str] | None = _installed.pop("fault_file", None)
    if fault_file is not None:
        faulthandler.disable()
        fault_file.close()


def enable_faulthandler(folder: Path | None = None) -> IO[str]:
    """A hard crash (segfault, abort) writes every thread's Python stack to the fault log.

    The file stays open for the life of the process (faulthandler writes with no Python left)."""
    path = log_path(folder).with_name(FAULT_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    stream = open(path, "a", encoding="utf-8")  # noqa: SIM115 - kept open on purpose
    faulthandler.enable(file=stream, all_threads=True)
    return stream


# -- Qt's messages --------------------------------------------------------------------------------
_previous_qt_handler: Any = None


def install_qt_handler() -> Any:
    """Route Qt's messages to the ``qt`` logger; returns the handler it replaced."""
    from PySide6.QtCore import qInstallMessageHandler

    global _previous_qt_handler
    _previous_qt_handler = qInstallMessageHandler(qt_message)
    return _previous_qt_handler


def qt_message(mode: Any, context: Any, message: str) -> None:
    """A ``QtMessageHandler``: Qt's debug/info/warning/critical/fatal as logging levels."""
    from PySide6.QtCore import QtMsgType

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    where = getattr(context, "category", "") or ""
    text = f"{where}: {message}" if where and where != "default" else message
    logging.getLogger("qt").log(levels.get(mode, logging.WARNING), "%s", text)
    if _previous_qt_handler is not None:
        _previous_qt_handler(mode, context, message)
    elif sys.stderr is not None:  # what Qt's own handler did: a terminal still shows it
        print(text, file=sys.stderr)
