from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from models.database import database_proxy
from models.entities import Office, Role, UserAccount
from pst_desktop.admin.office_setup import DEFAULT_OFFICE_NAME, create_office
from ui import app as app_module
from ui.admin.window import AdminWindow
from ui.app import Shell
from ui.first_admin import FirstAdminDialog
from ui.login import LoginWindow
from ui.roles import PlaceholderWindow, RoleWindow
from ui.waiting_screen import WaitingScreen


def sign_in(qtbot, shell, username, password):
    window = shell.login_window
    window.username.clear()
    qtbot.keyClicks(window.username, username)
    qtbot.keyClicks(window.password, password)
    qtbot.keyClick(window.password, Qt.Key.Key_Return)


def test_empty_database_gets_the_default_office_and_asks_for_an_admin(make_shell):
    assert Office.select().count() == 0
    shell = make_shell()
    assert shell.start()
    assert [office.name for office in Office.select()] == [DEFAULT_OFFICE_NAME]
    assert isinstance(shell.first_admin_dialog, FirstAdminDialog)
    assert shell.first_admin_dialog.isVisible()
    assert shell.login_window is None


def test_the_settings_choose_the_office(make_shell, station, office, clock):
    other = create_office(clock, name="BPS Kota Bengkulu")
    station.office_id = other.id
    shell = make_shell()
    assert shell.start()
    assert shell.office.id == other.id
    assert Office.select().count() == 2


def test_existing_admin_goes_straight_to_login(make_shell, admin, office):
    shell = make_shell()
    assert shell.start()
    assert shell.first_admin_dialog is None
    assert isinstance(shell.login_window, LoginWindow)
    assert shell.login_window.isVisible()
    assert shell.login_window.banner.office_label.text() == office.name


def test_first_admin_then_login_then_role_window(qtbot, make_shell):
    shell = make_shell()
    shell.start()
    dialog = shell.first_admin_dialog
    qtbot.keyClicks(dialog.username, "kepala")
    qtbot.keyClicks(dialog.full_name, "Siti Rahma")
    qtbot.keyClicks(dialog.password, "pendek")
    qtbot.keyClicks(dialog.repeat, "pendek")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["password"].isVisible()
    assert shell.login_window is None
    assert UserAccount.select().count() == 0

    for field in (dialog.password, dialog.repeat):
        field.clear()
        qtbot.keyClicks(field, "rahasia-kuat")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert shell.first_admin_dialog is None
    assert not dialog.isVisible()
    login = shell.login_window
    assert login.isVisible()
    assert login.username.text() == "kepala"

    qtbot.keyClicks(login.password, "rahasia-kuat")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert isinstance(shell.role_window, AdminWindow)
    assert shell.role_window.session.name == "Siti Rahma"


def test_cancelling_the_first_admin_quits(qtbot, make_shell):
    shell = make_shell()
    shell.start()
    with qtbot.waitSignal(shell.finished) as signal:
        shell.first_admin_dialog.reject()
    assert signal.args == [0]
    assert shell.first_admin_dialog is None


def test_wrong_password_keeps_the_login_window(qtbot, make_shell, admin):
    shell = make_shell()
    shell.start()
    sign_in(qtbot, shell, "admin", "salah-sandi")
    assert shell.role_window is None
    assert shell.login_window.message.text() == "Wrong username or password."


def test_five_wrong_attempts_show_the_lock(qtbot, make_shell, admin):
    shell = make_shell()
    shell.start()
    for _ in range(5):
        sign_in(qtbot, shell, "admin", "salah-sandi")
    assert "locked" in shell.login_window.message.text()
    sign_in(qtbot, shell, "admin", "rahasia-admin")
    assert shell.role_window is None
    assert "Too many failed attempts" in shell.login_window.message.text()


@pytest.mark.parametrize("role", list(Role))
def test_correct_login_opens_the_role_window(qtbot, make_shell, make_actor, office, role):
    actor = make_actor(role, username=f"staf.{role.value}")
    shell = make_shell()
    shell.start()
    login = shell.login_window
    sign_in(qtbot, shell, f"staf.{role.value}", "rahasia-123")
    window = shell.role_window
    assert isinstance(window, RoleWindow)  # the receptionist's is real, the others placeholders
    assert window.isVisible()
    assert shell.login_window is None
    assert not login.isVisible()
    assert shell.session.role == role
    assert window.session.name == actor.name
    assert actor.name in window.user_label.text()
    assert window.banner.office_label.text() == office.name
    if isinstance(window, PlaceholderWindow):
        assert shell.database_text in [label.text() for label in window.detail_values]
        assert office.name in [label.text() for label in window.detail_values]


def test_logout_returns_to_a_fresh_login(qtbot, make_shell, admin):
    shell = make_shell()
    shell.start()
    sign_in(qtbot, shell, "admin", "rahasia-admin")
    role_window = shell.role_window
    qtbot.mouseClick(role_window.logout_button, Qt.MouseButton.LeftButton)
    assert shell.role_window is None
    assert shell.session is None
    assert not role_window.isVisible()
    login = shell.login_window
    assert login.isVisible()
    assert login.username.text() == "" and login.password.text() == ""
    sign_in(qtbot, shell, "admin", "rahasia-admin")
    assert isinstance(shell.role_window, AdminWindow)


def test_database_description_hides_the_password(make_shell, admin):
    shell = make_shell(db_url="postgresql://pst:geheim@server:5432/pst")
    shell.start()
    assert shell.database_text == "postgresql://pst@server:5432/pst"
    assert "geheim" not in shell.login_window.footer.text()


@pytest.mark.parametrize(
    ("url", "line"),
    [
        ("postgresql://nobody@127.0.0.1:1/pst", "Waiting for the database server… retrying in"),
        ("mysql://server/pst", "The database address in this PC's settings cannot be used."),
    ],
)
def test_unusable_database_shows_the_waiting_screen_not_a_message_box(
    qtbot, station, errors, url, line
):
    shell = Shell(db_url=url, settings=station, show_error=errors, retry_ms=(60_000,))
    try:
        assert shell.start()
        qtbot.waitUntil(lambda: shell.waiting_screen is not None, timeout=10_000)
        qtbot.waitUntil(lambda: line in shell.waiting_screen.line.text(), timeout=10_000)
        assert shell.waiting_screen.isVisible()
        assert errors.shown == []
        assert shell.login_window is None and shell.first_admin_dialog is None
        assert "nobody" not in shell.waiting_screen.server.text()  # the host, not the user
    finally:
        shell.close()


@pytest.fixture
def restore_app_state():
    """``run`` sets the locale, style and names of the shared QApplication; put them back."""
    app = QApplication.instance()
    locale = QLocale()
    names = (app.organizationName(), app.applicationName())
    style_sheet = app.styleSheet()
    yield
    QLocale.setDefault(locale)
    app.setOrganizationName(names[0])
    app.setApplicationName(names[1])
    app.setStyleSheet(style_sheet)


def test_run_waits_for_an_unusable_database_instead_of_quitting(
    qtbot, qapp, monkeypatch, restore_app_state
):
    monkeypatch.setattr(app_module, "message_box_error", lambda *args: pytest.fail("a box"))
    seen = []

    def fake_exec(app):
        qtbot.waitUntil(
            lambda: any(
                isinstance(w, WaitingScreen) and w.isVisible() for w in app.topLevelWidgets()
            ),
            timeout=10_000,
        )
        seen.extend(w for w in app.topLevelWidgets() if w.isVisible())
        return 0

    monkeypatch.setattr(app_module, "_exec", fake_exec)
    assert app_module.run(db_url="postgresql://postgres@127.0.0.1:1/x", argv=[]) == 0
    assert [type(w) for w in seen] == [WaitingScreen]
    assert qapp.applicationName() == "PST Desktop"
    assert qapp.organizationName() == "BPS"


def test_run_shows_the_first_window_and_returns_the_loop_code(
    qtbot, qapp, monkeypatch, db_url, restore_app_state
):
    seen = []

    def fake_exec(app):
        qtbot.waitUntil(
            lambda: any(
                isinstance(w, FirstAdminDialog) and w.isVisible() for w in app.topLevelWidgets()
            ),
            timeout=15_000,
        )
        seen.extend(w for w in app.topLevelWidgets() if w.isVisible())
        return 0

    monkeypatch.setattr(app_module, "_exec", fake_exec)
    try:
        assert app_module.run(db_url=db_url, argv=[]) == 0
    finally:
        database_proxy.initialize(None)
    assert any(isinstance(w, FirstAdminDialog) for w in seen)


def test_the_sign_in_window_switches_between_indonesian_and_english(
    qtbot, make_shell, admin, office, station
):
    station.language = "id"
    app_module.install_translator(QApplication.instance(), "id")  # what run() does first
    shell = make_shell()
    assert shell.start()
    assert shell.login_window.submit_button.text() == "Masuk"
    shell.login_window.username.setText("admin")
    shell.login_window.language.setCurrentIndex(shell.login_window.language.findData("en"))
    assert station.language == "en"
    assert shell.login_window.submit_button.text() == "Sign in"
    assert shell.login_window.username.text() == "admin"  # what was typed is kept


def test_a_window_signs_out_when_an_admin_deactivates_its_account(
    qtbot, make_shell, admin, accounts, make_actor
):
    """The signed-in window polls its account and returns to the sign-in."""
    from ui.app import SESSION_CHECK_MS

    make_actor(Role.OFFICER, username="rina")
    shell = make_shell()
    shell.start()
    sign_in(qtbot, shell, "rina", "rahasia-123")
    assert shell.role_window is not None
    assert shell.session_timer.isActive() and SESSION_CHECK_MS <= 5000
    shell.check_session()  # nothing changed: the window stays
    assert shell.role_window is not None

    accounts.set_active(admin, shell.session.actor.user_id, False)
    shell.check_session()  # what the timer does every few seconds

    assert shell.role_window is None and shell.session is None
    assert not shell.session_timer.isActive()
    assert "sign in again" in shell.login_window.message.text()
    assert shell.login_window.username.text() == "rina"
