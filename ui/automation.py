"""An automation hook: a local socket through which a script reads this station's windows and
fills their fields, so the office-day run (``tools/office_day.py``) drives the real program.

Off unless the environment variable ``PST_AUTOMATION`` names a socket path; a normal install
never sets it. The socket is the current user's only (``QLocalServer.UserAccessOption``).
Keys and clicks are not sent through here: the script presses them on the real X display
(xdotool), so shortcuts, focus and the window manager are exercised as a person would.

Protocol: one JSON object per line in, one JSON object per line out (``{"ok": true, ...}`` or
``{"ok": false, "error": "..."}``). A widget is named by its top-level window's class name and
an attribute path from it: ``"form.name"``, ``"faces[2]"``, ``"tabs"``. Commands:

- ``windows``: the visible top-level windows (class, title, geometry, active, screen)
- ``screens``: the screens Qt sees (name, geometry)
- ``get`` window path: text, value, visible, enabled, focus, global rectangle of a widget
- ``set`` window path value: a line edit's / text edit's text, a combo's item (by text or
  data), a check box, a spin box or a date-time edit (ISO text)
- ``focus`` window path: make it the focus widget (and its window active)
- ``rows`` window path: the display text of a view's model, row by row
- ``select`` window path row: select a row of a table view (as a click on it would)
- ``grab`` window file: a screenshot of that window as PNG
- ``memory``: this process's resident set size in kB
"""

from __future__ import annotations

import json
import logging
import os
import re
from typing import Any

from PySide6.QtCore import QDateTime, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

log = logging.getLogger(__name__)

ENVIRONMENT = "PST_AUTOMATION"
_SEGMENT = re.compile(r"^(\w+)((?:\[-?\d+\])*)$")  # "faces[2]", "buttons[0][3]"
_INDEX = re.compile(r"\[(-?\d+)\]")


class AutomationError(Exception):
    """A command this hook cannot carry out (its text goes back to the script)."""


def _rect(widget: QWidget) -> dict[str, int]:
    """The widget's rectangle in the X server's pixels (what xdotool clicks), not Qt's logical
    pixels: at 125 % a logical 100 px is 125 device pixels. A screen's device origin is taken
    to be its logical origin (true for the first screen and for screens at 100 %)."""
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    screen = widget.screen()
    ratio = screen.devicePixelRatio() if screen else 1.0
    origin = screen.geometry().topLeft() if screen else top_left * 0
    return {
        "x": round(origin.x() + (top_left.x() - origin.x()) * ratio),
        "y": round(origin.y() + (top_left.y() - origin.y()) * ratio),
        "width": round(widget.width() * ratio),
        "height": round(widget.height() * ratio),
    }


def _window(name: str) -> QWidget:
    candidates = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and (type(w).__name__ == name or w.objectName() == name)
    ]
    if not candidates:
        raise AutomationError(f"no visible window {name!r}")
    return candidates[-1]


def _resolve(window: str, path: str) -> Any:
    target: Any = _window(window)
    for segment in filter(None, path.split(".")):
        match = _SEGMENT.match(segment)
        if match is None:
            raise AutomationError(f"bad path segment {segment!r}")
        attribute, indexes = match.groups()
        if not hasattr(target, attribute):
            raise AutomationError(f"{type(target).__name__} has no {attribute!r}")
        target = getattr(target, attribute)
        if callable(target) and not isinstance(target, QObject):
            target = target()
        for index in _INDEX.findall(indexes):
            try:
                target = target[int(index)]
            except (IndexError, KeyError, TypeError) as exc:
                raise AutomationError(f"{attribute} has no item [{index}]") from exc
    return target


def _describe(widget: Any) -> dict[str, Any]:
    if not isinstance(widget, QWidget):
        return {"value": widget if isinstance(widget, (str, int, float, bool)) else repr(widget)}
    info: dict[str, Any] = {
        "class": type(widget).__name__,
        "visible": widget.isVisible(),
        "enabled": widget.isEnabled(),
        "focus": widget.hasFocus(),
        "rect": _rect(widget),
        "accessible_name": widget.accessibleName(),
    }
    if isinstance(widget, (QLabel, QLineEdit, QAbstractButton)):
        info["text"] = widget.text()
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        info["text"] = widget.toPlainText()
    elif isinstance(widget, QComboBox):
        info["list"] = True  # a drop-down list of any class (QComboBox, ChoiceBox, …)
        info["text"] = widget.currentText()
        info["items"] = [widget.itemText(i) for i in range(widget.count())]
    elif isinstance(widget, QAbstractSpinBox):
        info["text"] = widget.text()
    elif isinstance(widget, QTabWidget):
        info["text"] = widget.tabText(widget.currentIndex())
        info["items"] = [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractButton):
        info["checked"] = widget.isChecked()
    return info


def _set(widget: Any, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(str(value))
        widget.textEdited.emit(widget.text())  # as typing would (search-as-you-type, drafts)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.setPlainText(str(value))
    elif isinstance(widget, QComboBox):
        index = widget.findText(str(value))
        if index < 0:
            index = next(
                (i for i in range(widget.count()) if str(widget.itemData(i)) == str(value)), -1
            )
        if index < 0:
            raise AutomationError(f"the list has no item {value!r}")
        widget.setCurrentIndex(index)
        widget.activated.emit(index)
    elif isinstance(widget, QAbstractButton) and widget.isCheckable():
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QDateTimeEdit):
        moment = QDateTime.fromString(str(value), Qt.DateFormat.ISODate)
        if not moment.isValid():
            raise AutomationError(f"not an ISO date-time: {value!r}")
        widget.setDateTime(moment)
    elif isinstance(widget, QTabWidget):
        names = [widget.tabText(i) for i in range(widget.count())]
        index = int(value) if str(value).isdigit() else names.index(str(value))
        widget.setCurrentIndex(index)
    else:
        raise AutomationError(f"cannot set a {type(widget).__name__}")


def _rows(view: Any) -> list[list[str]]:
    model = view.model() if isinstance(view, QAbstractItemView) else view
    rows = []
    for row in range(model.rowCount()):
        rows.append(
            [
                str(model.data(model.index(row, column)) or "")
                for column in range(model.columnCount())
            ]
        )
    return rows


def _memory_kb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def handle(request: dict[str, Any]) -> dict[str, Any]:
    """Carry out one command; the answer as a JSON-ready dict."""
    command = request.get("cmd")
    window = str(request.get("window", ""))
    path = str(request.get("path", ""))
    if command == "windows":
        active = QApplication.activeWindow()
        return {
            "windows": [
                {
                    "class": type(w).__name__,
                    "title": w.windowTitle(),
                    "rect": _rect(w),
                    "active": w is active,
                    "screen": w.screen().name() if w.screen() else "",
                }
                for w in QApplication.topLevelWidgets()
                if w.isVisible()
            ]
        }
    if command == "screens":
        return {
            "screens": [
                {"name": s.name(), "rect": s.geometry().getRect()}
                for s in QGuiApplication.screens()
            ]
        }
    if command == "get":
        return _describe(_resolve(window, path))
    if command == "set":
        _set(_resolve(window, path), request.get("value"))
        return {}
    if command == "focus":
        widget = _resolve(window, path)
        widget.window().activateWindow()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return {}
    if command == "rows":
        return {"rows": _rows(_resolve(window, path))}
    if command == "select":
        view = _resolve(window, path)
        if not isinstance(view, QAbstractItemView):
            raise AutomationError(f"{path} is not a list or table")
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        view.selectRow(int(request.get("value", 0)))  # type: ignore[attr-defined]
        return {}
    if command == "grab":
        target = _window(window)
        if not target.grab().save(str(request["file"]), "PNG"):
            raise AutomationError(f"cannot write {request['file']}")
        return {}
    if command == "memory":
        return {"rss_kb": _memory_kb()}
    raise AutomationError(f"unknown command {command!r}")


class AutomationServer(QObject):
    """Answers the script on a local socket, inside the GUI thread (between events)."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(name)
        if not self.server.listen(name):
            raise OSError(f"automation socket {name}: {self.server.errorString()}")
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            socket.write(json.dumps(self._answer(line)).encode() + b"\n")
        self._buffers[socket] = buffer
        socket.flush()

    def _answer(self, line: bytes) -> dict[str, Any]:
        try:
            request = json.loads(line)
            return {"ok": True, **handle(request)}
        except AutomationError as exc:
            return {"ok": False, "error": str(exc)}
        except Exception as exc:  # the script gets the reason; the station goes on
            log.exception("automation command failed")
            return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}


_server: AutomationServer | None = None


def install_automation_hook(app: QApplication) -> AutomationServer | None:
    """Listen on ``$PST_AUTOMATION`` when it is set (the office-day run); else do nothing."""
    global _server
    name = os.environ.get(ENVIRONMENT, "")
    if not name or _server is not None:
        return _server
    _server = AutomationServer(name, app)
    log.warning("automation hook listening on %s (set by %s)", name, ENVIRONMENT)
    return _server
