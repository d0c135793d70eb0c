"""Names a screen reader can say, and errors it announces.

``name_controls(root)`` gives every interactive widget under ``root`` that has neither an
accessible name nor a label pointing at it (a buddy) the name it shows: a button's or check
box's text (without the mnemonic's ``&``), else a field's placeholder, else its tooltip. All of
these are already translated. Controls that show no text at all (tables, lists, spin boxes, a
combo with no label) are named by their window with ``setAccessibleName(self.tr(...))``;
``unnamed_controls`` lists what is still nameless (the tests use it).

``announce_error(field, message)`` puts a field's error into its accessible description and
posts an alert, so a screen reader says it, not only draws it.
"""

from __future__ import annotations

import contextlib
import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QLineEdit,
    QComboBox,
    QAbstractButton,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
)


def _plain(text: str) -> str:
    text = re.sub(r"&(.)", r"\1", text)  # a mnemonic's & is not said
    return " ".join(text.split())


def _is_part(widget: QWidget) -> bool:
    """A part of a compound control (a combo's or spin box's line edit and list, a table's
    header, a line edit's clear button, a calendar's or scroll bar's buttons): the control
    itself carries the name."""
    if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QLineEdit)):
            return True
        if type(parent).__name__ in ("QCalendarWidget", "QTabBar", "QScrollBar"):
            return True
        parent = parent.parentWidget()
    return False


def _controls(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE) and not _is_part(w)]


def _buddies(root: QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}


def shown_name(widget: QWidget) -> str:
    """The name ``widget`` shows: a button's text, else a field's placeholder, else its tooltip."""
    if isinstance(widget, QAbstractButton) and _plain(widget.text()):
        return _plain(widget.text())
    edit = widget
    if isinstance(widget, QComboBox) and widget.isEditable() and widget.lineEdit() is not None:
        edit = widget.lineEdit()
    placeholder = getattr(edit, "placeholderText", None)
    if callable(placeholder) and _plain(placeholder()):
        return _plain(placeholder())
    return _plain(widget.toolTip())


def name_controls(root: QWidget) -> None:
    """Name every control under ``root`` that has no accessible name and no buddy label."""
    buddies = _buddies(root)
    for widget in _controls(root):
        if widget.accessibleName().strip() or id(widget) in buddies:
            continue
        name = shown_name(widget)
        if name:
            widget.setAccessibleName(name)


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls under ``root`` a screen reader could not name."""
    buddies = _buddies(root)
    return [
        f"{type(w).__name__} {w.objectName() or '?'} in {type(w.parentWidget()).__name__}"
        for w in _controls(root)
        if not w.accessibleName().strip() and id(w) not in buddies
    ]


def announce_error(field: QWidget, message: str) -> None:
    """Tell a screen reader about ``field``'s error (an empty message clears it)."""
    field.setAccessibleDescription(message)
    if message and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(field, QAccessible.Event.Alert))


class ButtonRow(QObject):
    """A row of buttons reached and chosen by keyboard: Left/Right (and Up/Down) move between
    them, Enter or Space presses the one with focus. Used by the rating faces on a stand-alone
    kiosk (on an officer's PC they take no focus at all: ``ui.visitor.screens``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[QAbstractButton] = []

    def set_buttons(self, buttons: list[QAbstractButton]) -> None:
        for button in self.buttons:
            with contextlib.suppress(RuntimeError):  # (a face already deleted)
                button.removeEventFilter(self)
        self.buttons = list(buttons)
        for button in self.buttons:
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or watched not in self.buttons:
            return False
        key = event.key()
        step = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Down: 1,
        }.get(key)
        index = self.buttons.index(watched)
        if step is not None:
            target = self.buttons[max(0, min(len(self.buttons) - 1, index + step))]
            target.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if watched.isEnabled():
                watched.click()
            return True
        return False
