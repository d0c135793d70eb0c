"""The window each staff role opens after sign-in: the one place that says which.

``ROLE_WINDOWS`` maps a role to a factory that builds its window from a ``Session``; a role
with none gets the honest ``PlaceholderWindow``.  To give a role a new window, register it
here::

    ROLE_WINDOWS[Role.RECEPTIONIST] = ReceptionistWindow

The registry imports the windows (each only when its role signs in: a station opens one role's
window, so the others are never loaded); the windows build on ``ui.role_window.RoleWindow`` and
never import this module.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from models.entities import Role
from ui.role_window import PlaceholderWindow, RoleWindow, role_label
from ui.session import Session

__all__ = ["ROLE_WINDOWS", "PlaceholderWindow", "RoleWindow", "role_label", "window_for"]

RoleWindowFactory = Callable[[Session], QWidget]


def receptionist_window(session: Session) -> QWidget:
    """The front desk (``ui.reception``); imported when a receptionist signs in."""
    from ui.reception.window import ReceptionWindow

    return ReceptionWindow(session)


def officer_window(session: Session) -> QWidget:
    """The officer workspace (``ui.officer``); imported when an officer signs in.

    The desk's rating screen follows the desk the officer chooses (at sign-in or later): on the
    visitor-facing monitor when there is one, else as a prompt over the officer's window after
    F8.  It closes when the officer signs out.
    """
    from ui.officer.rating_follower import open_visitor_rating_screen
    from ui.officer.window import OfficerWindow

    window = OfficerWindow(session)
    open_visitor_rating_screen(window, session)
    return window


def supervisor_window(session: Session) -> QWidget:
    """The live day and the reports (``ui.supervisor``)."""
    from ui.supervisor.window import SupervisorWindow

    return SupervisorWindow(session)


def admin_window(session: Session) -> QWidget:
    """Accounts and office set-up, plus the supervisor's tabs (``ui.admin``)."""
    from ui.admin.window import AdminWindow

    return AdminWindow(session)


# role -> the window it opens
ROLE_WINDOWS: dict[Role, RoleWindowFactory] = {
    Role.RECEPTIONIST: receptionist_window,
    Role.OFFICER: officer_window,
    Role.SUPERVISOR: supervisor_window,
    Role.ADMIN: admin_window,
}


def window_for(session: Session) -> QWidget:
    """Build the window of the session's role (the placeholder when none is registered)."""
    factory = ROLE_WINDOWS.get(session.role, PlaceholderWindow)
    return factory(session)
