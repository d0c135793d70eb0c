"""Officer workspaces on the test database, with the fixed clock and drafts in tmp."""

from __future__ import annotations

import pytest

from models.entities import Role, UserAccount
from tests.pst_desktop.officer_support import desks
from ui.officer.window import OfficerWindow
from ui.session import Session
from ui.style import apply_style


@pytest.fixture
def draft_folder(tmp_path):
    return tmp_path / "drafts"


@pytest.fixture
def make_window(qtbot, qapp, db, office, clock, make_actor, station, draft_folder):
    """A shown OfficerWindow at 1366×768 for a new officer (or ``actor``) at desk 1."""
    apply_style(qapp)
    windows: list[OfficerWindow] = []

    def make(actor=None, desk=0, **kwargs) -> OfficerWindow:
        actor = actor or make_actor(Role.OFFICER)
        session = Session(UserAccount.get_by_id(actor.user_id), actor, office, "test", clock)
        options = {
            "settings": station,
            "draft_folder": draft_folder,
            "poll_ms": 50,
            "autosave_ms": 50,
            "housekeeping_ms": 3_600_000,
        }
        options.update(kwargs)
        window = OfficerWindow(session, **options)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        if desk is not None:
            window.choose_desk(desks(office)[desk].id)
        windows.append(window)
        return window

    yield make
    for window in windows:  # before the database closes
        window.shutdown()
    qapp.setStyleSheet("")


@pytest.fixture
def window(make_window):
    return make_window()
