"""Supervisor windows on the test database, with the fixed clock and reports in tmp."""

from __future__ import annotations

import pytest

from models.entities import Role, UserAccount
from ui.session import Session
from ui.style import apply_style
from ui.supervisor.window import SupervisorWindow


@pytest.fixture
def report_path(tmp_path):
    return tmp_path / "laporan.pdf"


@pytest.fixture
def make_window(qtbot, qapp, db, office, clock, make_actor, station, report_path):
    """A shown SupervisorWindow (or ``cls``) at 1366×768; its first live day already applied."""
    apply_style(qapp)
    windows = []

    def make(actor=None, cls=SupervisorWindow, **kwargs):
        actor = actor or make_actor(Role.SUPERVISOR)
        session = Session(UserAccount.get_by_id(actor.user_id), actor, office, "test", clock)
        options = {"settings": station, "poll_ms": 50, "choose_path": lambda _s: report_path}
        options.update(kwargs)
        window = cls(session, **options)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.live_day.summary is not None)
        windows.append(window)
        return window

    yield make
    for window in windows:  # before the database closes
        window.shutdown()
    qapp.setStyleSheet("")
