"""The supervisor's live day and the fair queue: each desk's state now (a break, its
return and reason in the row's tip), each desk's time open / on a break / closed today, and the
day's priority figures in one line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from models.entities import Role
from pst_desktop.visits.desk_state import DeskStateService
from pst_desktop.visits.priority import PriorityMark, PriorityReason, PriorityService
from tests.pst_desktop.officer_support import desks, issue


def column(live, title: str) -> int:
    return next(i for i, c in enumerate(live.desk_model.columns) if c.header == title)


def test_desk_states_and_priority_figures_show_live(qtbot, make_window, office, clock, make_actor):
    window = make_window()
    live = window.live_day
    ticket = issue(office, clock, make_actor, "Siti Aminah")
    PriorityService(clock).set_priority(
        make_actor(Role.RECEPTIONIST), ticket.visit_id, PriorityMark(PriorityReason.PREGNANT)
    )
    issue(office, clock, make_actor, "Budi Santoso")
    officer = make_actor(Role.OFFICER)
    desk = desks(office)[1]
    clock.advance(minutes=5)
    back = clock.now() + dt.timedelta(minutes=30)
    DeskStateService(clock).set_state(officer, desk.id, "break", reason="Rapat", expected_back=back)
    live.refresh()
    qtbot.waitUntil(
        lambda: (
            live.summary is not None
            and any(s.state.value == "break" for s in live.summary.desk_states)
        ),
        timeout=5000,
    )
    model = live.desk_model
    row = next(i for i, d in enumerate(model.rows) if d.desk_id == desk.id)
    now = column(live, live.tr("Now"))
    assert model.data(model.index(row, now)) == "on a break"
    tip = model.data(model.index(row, now), Qt.ItemDataRole.ToolTipRole)
    assert back.astimezone(live._zone).strftime("%H:%M") in tip and "Rapat" in tip
    other = next(i for i, d in enumerate(model.rows) if d.desk_id != desk.id)
    assert model.data(model.index(other, now)) == "free"
    assert desk.name in live.desk_time_line.text()
    assert "1 of 2" in live.fair_line.text() and "50%" in live.fair_line.text()
