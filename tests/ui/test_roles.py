from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models.entities import Role, UserAccount
from pst_desktop.admin.accounts import actor_for
from ui import roles
from ui.role_window import PlaceholderWindow, RoleWindow, role_label
from ui.roles import ROLE_WINDOWS, window_for
from ui.session import Session


def session_for(actor, office, clock):
    account = UserAccount.get_by_id(actor.user_id)
    return Session(account, actor, office, "sqlite:///pst.db", clock)


def test_every_role_has_a_window_and_a_label():
    assert set(ROLE_WINDOWS) == set(Role)
    assert [role_label(role) for role in Role] == [
        "Administrator",
        "Supervisor",
        "Receptionist",
        "Service officer",
    ]


@pytest.mark.parametrize(
    ("role", "says"),
    [
        (Role.SUPERVISOR, "The supervisor window is not available in this version yet."),
        (Role.ADMIN, "The administrator window is not available in this version yet."),
    ],
)
def test_placeholder_says_plainly_what_is_missing(qtbot, make_actor, office, clock, role, says):
    actor = make_actor(role)
    window = PlaceholderWindow(session_for(actor, office, clock))  # every role has its own now
    qtbot.addWidget(window)
    assert window.title.text() == says
    values = [label.text() for label in window.detail_values]
    assert values == [actor.name, role_label(role), office.name, "sqlite:///pst.db"]
    assert window.banner.office_label.text() == office.name
    assert actor.name in window.user_label.text()


def test_both_logout_buttons_ask_to_log_out(qtbot, admin, office, clock):
    window = PlaceholderWindow(session_for(admin, office, clock))
    qtbot.addWidget(window)
    for button in (window.logout_button, window.logout_big):
        with qtbot.waitSignal(window.logout_requested):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_registered_window_replaces_the_placeholder(qtbot, monkeypatch, admin, office, clock):
    class AdminWindow(RoleWindow):
        pass

    monkeypatch.setitem(ROLE_WINDOWS, Role.ADMIN, AdminWindow)
    window = window_for(session_for(admin, office, clock))
    qtbot.addWidget(window)
    assert type(window) is AdminWindow
    assert actor_for(UserAccount.get_by_id(admin.user_id)) == window.session.actor


def _imports_the_registry(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any(a.name == "ui.roles" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (
            node.module == "ui.roles"
            or (node.module == "ui" and any(a.name == "roles" for a in node.names))
        ):
            return True
    return False


def test_the_windows_build_on_the_base_window_and_never_import_the_registry():
    """ui.roles imports the windows; a window that imported ui.roles back (for RoleWindow) made
    the two import each other. Only the shell that opens a role's window asks the registry."""
    ui = Path(roles.__file__).resolve().parent
    importers = sorted(
        path.relative_to(ui.parent).as_posix()
        for path in ui.rglob("*.py")
        if _imports_the_registry(path)
    )
    assert importers == ["ui/app.py"]
    windows = [ROLE_WINDOWS[role] for role in Role]
    assert all(callable(factory) for factory in windows)
    assert issubclass(PlaceholderWindow, RoleWindow)
    assert inspect.getmodule(RoleWindow).__name__ == "ui.role_window"
