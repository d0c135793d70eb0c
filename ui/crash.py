"""Unhandled exceptions end in a log file and a dialog, never in a silent exit.

``install_crash_handler()`` (called by ``ui.app.run``, which every window's command goes through)
sets up the program's log (``pst_desktop.core.logs``) and replaces ``sys.excepthook`` and
``threading.excepthook``.  An exception nobody caught (in a slot,
a timer, a worker thread) is written with the program version and the platform to the rotating
log file in the user's log folder (``pst_desktop.core.logs``: platformdirs ``user_log_dir``, or
``PST_LOG_DIR``; the same file and handler every other log line goes to), and a
non-modal dialog shows the same report in a read-only box with a Copy button and the log file's
path.  The app keeps running: the user can copy the report, save their work and restart.

Tests inject ``show`` (the dialog function) and the log folder; nothing here calls ``exec()``.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pst_desktop import __version__
from pst_desktop.core import logs
from pst_desktop.core.clock import SystemClock
from pst_desktop.core.logs import LOG_FILE, default_log_dir

__all__ = ["LOG_FILE", "CrashDialog", "CrashHandler", "default_log_dir", "install_crash_handler"]

ShowCrash = Callable[[str, Path], object]


def crash_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    where: str = "main thread",
) -> str:
    """The text a user copies into a support message: what happened, where, on what."""
    lines = [
        f"PST Desktop {__version__} — unhandled {exc_type.__name__} in the {where}",
        f"time: {SystemClock().now().isoformat(timespec='seconds')}",
        f"platform: {platform.platform()}; Python {platform.python_version()}; "
        f"PySide6 {pyside_version}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    """The report in a read-only box, a Copy button and where the log file is."""

    def __init__(self, report: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("PST Desktop: unexpected error"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.report = report
        intro = QLabel(
            self.tr(
                "Something went wrong that the program did not expect. Your work so far is saved "
                "in the database; if the window misbehaves, close it and start it again. Please "
                "send this report to the office IT administrator."
            )
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setObjectName("crashReport")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.log_label = QLabel(self.tr("Log file: {path}").format(path=log_path))
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setObjectName("copyReport")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Copied"))


_open_dialogs: list[CrashDialog] = []


def show_crash_dialog(report: str, log_path: Path) -> CrashDialog | None:
    """The real app's display: a non-modal dialog (kept alive until closed)."""
    if QApplication.instance() is None:
        return None
    dialog = CrashDialog(report, log_path)
    _open_dialogs.append(dialog)
    dialog.destroyed.connect(
        lambda *_: _open_dialogs.remove(dialog) if dialog in _open_dialogs else None
    )
    dialog.show()
    dialog.raise_()
    return dialog


class _ToMainThread(QObject):
    """Carries a report from a worker thread to the GUI thread (a queued signal)."""

    report = Signal(str)


class CrashHandler:
    """Logs every unhandled exception and shows it; ``install``/``uninstall`` the hooks."""

    def __init__(self, log_dir: Path | None = None, show: ShowCrash | None = None) -> None:
        self.log_dir = Path(log_dir) if log_dir is not None else default_log_dir()
        self.log_path = self.log_dir / LOG_FILE
        self._show = show or show_crash_dialog
        # its own logger, not propagated: the report is written once, whatever root has
        self._logger = logging.getLogger(f"ui.crash.{id(self)}")
        self._logger.propagate = False
        self._logger.setLevel(logging.INFO)
        self._handler: RotatingFileHandler | None = None
        self._previous: tuple[object, object] | None = None
        self._bridge: _ToMainThread | None = None
        self.reports: list[str] = []

    # -- hooks ---------------------------------------------------------------------------
    def install(self) -> CrashHandler:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
        app = QApplication.instance()
        if app is not None and self._bridge is None:
            self._bridge = _ToMainThread()
            self._bridge.moveToThread(app.thread())
            self._bridge.report.connect(self._display, Qt.ConnectionType.QueuedConnection)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None
        if self._handler is not None:
            self._logger.removeHandler(self._handler)
            logs.release_handler(self._handler)
            self._handler = None

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.handle(crash_report(exc_type, exc, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        where = f"thread {args.thread.name if args.thread else '?'}"
        exc = args.exc_value if args.exc_value is not None else args.exc_type()
        report = crash_report(args.exc_type, exc, args.exc_traceback, where)
        if threading.current_thread() is threading.main_thread() or self._bridge is None:
            self.handle(report)
        else:
            self._write(report)
            self._bridge.report.emit(report)

    # -- what happens ---------------------------------------------------------------------
    def handle(self, report: str) -> None:
        self._write(report)
        self._display(report)

    def _write(self, report: str) -> None:
        self.reports.append(report)
        try:
            if self._handler is None:
                self._handler = logs.file_handler(self.log_dir)
                self._logger.addHandler(self._handler)
            self._logger.error("%s\n%s", report, "-" * 72)
            self._handler.flush()
        except OSError as exc:  # a full disk must not hide the error itself
            print(f"pst-desktop: cannot write {self.log_path}: {exc}", file=sys.stderr)
        print(report, file=sys.stderr)

    def _display(self, report: str) -> None:
        try:
            self._show(report, self.log_path)
        except Exception:  # the dialog failing must not recurse into this hook
            traceback.print_exc()


def install_crash_handler(
    log_dir: Path | None = None,
    show: ShowCrash | None = None,
    *,
    station_role: str | None = None,
) -> CrashHandler:
    """The entry points' start: the program's log (``pst_desktop.core.logs.setup``: the log file,
    Qt's messages, faulthandler) with this PC's station role (default: the station settings'),
    then unhandled exceptions to that log file and the crash dialog; returns the handler."""
    if station_role is None:
        from pst_desktop.core.settings import StationSettings

        station_role = StationSettings().station_role
    logs.setup(log_dir, station_role=station_role)
    return CrashHandler(log_dir, show).install()
