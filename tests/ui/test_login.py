from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.entities import UserAccount
from pst_desktop.admin.accounts import MAX_FAILED_LOGINS
from ui.login import LoginWindow


@pytest.fixture
def login(qtbot, admin, accounts, office):
    window = LoginWindow(accounts, office.name, "sqlite:///pst.db")
    qtbot.addWidget(window)
    window.show()
    return window


def sign_in(qtbot, window, username, password):
    window.username.clear()
    window.password.clear()
    qtbot.keyClicks(window.username, username)
    qtbot.keyClicks(window.password, password)
    qtbot.keyClick(window.password, Qt.Key.Key_Return)


def test_shows_office_name_and_database(login, office):
    assert login.banner.office_label.text() == office.name
    assert "sqlite:///pst.db" in login.footer.text()
    assert not login.message.isVisible()


def test_wrong_password_shows_message(qtbot, login):
    with qtbot.assertNotEmitted(login.signed_in):
        sign_in(qtbot, login, "admin", "salah-sandi")
    assert login.message.isVisible()
    assert login.message.text() == "Wrong username or password."
    assert login.password.text() == ""


def test_unknown_user_gets_the_same_message(qtbot, login):
    sign_in(qtbot, login, "nobody", "whatever-123")
    assert login.message.text() == "Wrong username or password."


def test_empty_fields_ask_for_both(qtbot, login):
    qtbot.mouseClick(login.submit_button, Qt.MouseButton.LeftButton)
    assert login.message.text() == "Enter your username and password."


def test_five_wrong_attempts_lock_the_account(qtbot, login):
    for _ in range(MAX_FAILED_LOGINS - 1):
        sign_in(qtbot, login, "admin", "salah-sandi")
        assert "locked" not in login.message.text()
    sign_in(qtbot, login, "admin", "salah-sandi")
    assert "locked for 15 minutes" in login.message.text()
    with qtbot.assertNotEmitted(login.signed_in):
        sign_in(qtbot, login, "admin", "rahasia-admin")
    assert "Too many failed attempts" in login.message.text()
    assert UserAccount.get(UserAccount.username == "admin").locked_until is not None


def test_correct_password_signs_in_with_enter(qtbot, login):
    with qtbot.waitSignal(login.signed_in) as signal:
        sign_in(qtbot, login, " Admin ", "rahasia-admin")
    account = signal.args[0]
    assert account.username == "admin"
    assert account.full_name == "Admin Kantor"
    assert not login.message.isVisible()
    assert login.password.text() == ""


def test_enter_in_username_moves_to_password(qtbot, login):
    qtbot.keyClicks(login.username, "admin")
    with qtbot.assertNotEmitted(login.signed_in):
        qtbot.keyClick(login.username, Qt.Key.Key_Return)
    assert not login.message.isVisible()
    assert login.password.hasFocus()
