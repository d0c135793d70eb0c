from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from models.entities import Role, UserAccount
from ui.first_admin import FirstAdminDialog


@pytest.fixture
def dialog(qtbot, accounts, office):
    window = FirstAdminDialog(accounts, office)
    qtbot.addWidget(window)
    window.show()
    return window


def fill(qtbot, dialog, username="kepala.pst", full_name="Siti Rahma", password="rahasia-kuat"):
    for field, text in (
        (dialog.username, username),
        (dialog.full_name, full_name),
        (dialog.password, password),
        (dialog.repeat, password),
    ):
        field.clear()
        qtbot.keyClicks(field, text)


def click_create(qtbot, dialog):
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)


def test_short_password_shows_message_and_saves_nothing(qtbot, dialog):
    fill(qtbot, dialog, password="pendek")
    with qtbot.assertNotEmitted(dialog.created):
        click_create(qtbot, dialog)
    assert dialog.errors["password"].isVisible()
    assert "at least 8 characters" in dialog.errors["password"].text()
    assert dialog.password.property("invalid") is True
    assert not dialog.errors["username"].isVisible()
    assert UserAccount.select().count() == 0
    assert dialog.isVisible()


def test_passwords_must_match(qtbot, dialog):
    fill(qtbot, dialog)
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "rahasia-lain")
    click_create(qtbot, dialog)
    assert dialog.errors["repeat"].text() == "The two passwords differ."
    assert UserAccount.select().count() == 0


def test_each_bad_field_gets_its_own_message(qtbot, dialog):
    fill(qtbot, dialog, username="kepala pst!", full_name="   ")
    click_create(qtbot, dialog)
    assert "username" in dialog.errors["username"].text()
    assert dialog.errors["full_name"].text() == "Enter the staff member's name."
    assert not dialog.errors["password"].isVisible()
    assert UserAccount.select().count() == 0


def test_errors_clear_when_fixed(qtbot, dialog):
    fill(qtbot, dialog, password="pendek")
    click_create(qtbot, dialog)
    assert dialog.errors["password"].isVisible()
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.created):
        click_create(qtbot, dialog)
    assert not dialog.errors["password"].isVisible()


def test_creates_the_administrator(qtbot, dialog, office):
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.created) as signal:
        click_create(qtbot, dialog)
    account = signal.args[0]
    saved = UserAccount.get(UserAccount.username == "kepala.pst")
    assert saved.id == account.id
    assert saved.full_name == "Siti Rahma"
    assert saved.role == Role.ADMIN.value
    assert saved.office_id == office.id
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()


def test_refused_once_an_administrator_exists(qtbot, dialog, admin):
    fill(qtbot, dialog)
    with qtbot.assertNotEmitted(dialog.created):
        click_create(qtbot, dialog)
    assert dialog.errors["username"].text() == "An administrator account already exists."
    assert UserAccount.select().count() == 1
