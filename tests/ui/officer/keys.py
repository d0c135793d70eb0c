"""Pressing the officer's keys as the officer does, and waiting for the move's answer.

The officer's moves run on the window's write thread (``ui.calls``): after a key, a test waits
until the answer is back and shown (the move buttons are live again) before it looks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def answered(qtbot, window, timeout: int = 5000) -> None:
    """Wait until no move of ``window`` is under way: its answer (or refusal) is shown."""
    qtbot.waitUntil(lambda: not window.calls.busy, timeout=timeout)


def press(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier, *, to_focus=False) -> None:
    """Press a key in ``window`` the way the officer does: in the active window (``to_focus``:
    to the widget with the keyboard, e.g. a prompt over the window). Does not wait."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    target = (QApplication.focusWidget() or window) if to_focus else window
    qtbot.keyClick(target, k, modifier)


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier, *, to_focus=False) -> None:
    """Press a key, then wait for the answer of the move it made (if it made one)."""
    press(qtbot, window, k, modifier, to_focus=to_focus)
    answered(qtbot, window)


def ctrl(qtbot, window, k) -> None:
    key(qtbot, window, k, Qt.KeyboardModifier.ControlModifier)
