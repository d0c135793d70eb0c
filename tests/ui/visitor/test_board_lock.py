"""Ctrl+Shift+Q closes the display board only with the kiosk PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pst_desktop.admin.administration import Administration
from tests.ui.visitor.test_board import make_board  # noqa: F401 (the fixture)
from ui.accessibility import unnamed_controls

#: QtMultimedia on a machine without a sound server (or VA-API) says so, as warnings
pytestmark = pytest.mark.qt_log_ignore(
    "Couldn't load", "Couldn't resolve", "pa_context_connect", "QSoundEffect", "multimedia"
)


def test_ctrl_shift_q_asks_the_pin_before_closing(qtbot, make_board, admin, clock):  # noqa: F811
    Administration(clock).save_kiosk_pin(admin, "2468")
    board = make_board()
    board.activateWindow()
    qtbot.waitUntil(board.isActiveWindow)
    qtbot.keyClick(
        board, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = board.unlock_dialog
    assert dialog is not None and dialog.isVisible() and board.isVisible()  # not closed yet
    assert unnamed_controls(dialog) == []
    qtbot.keyClicks(dialog.pin, "1111")
    dialog.close_button.click()
    assert board.isVisible() and dialog.error.text()
    assert dialog.pin.accessibleDescription() == dialog.error.text()
    qtbot.keyClicks(dialog.pin, "2468")
    dialog.close_button.click()
    qtbot.waitUntil(lambda: not board.isVisible(), timeout=3000)


def test_back_keeps_the_board(qtbot, make_board, admin, clock):  # noqa: F811
    Administration(clock).save_kiosk_pin(admin, "2468")
    board = make_board()
    board.ask_unlock()
    board.unlock_dialog.back_button.click()
    assert board.isVisible() and not board.unlock_dialog.isVisible()
