"""The front desk follows the admin's services, desks and hours, on SQLite
(the poll) and PostgreSQL (the notification), without signing in again; a service no open desk
serves is marked, cannot be chosen, and its ticket is refused with one clear line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QStandardItemModel

from models.entities import Desk, ServiceType, Visit
from pst_desktop.admin.administration import Administration
from pst_desktop.sop.office_calendar import SOP_HOURS, OfficeCalendar
from tests.ui.reception.conftest import answered, type_visitor


def enabled(combo, index) -> bool:
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    return model.item(index).isEnabled()


def test_a_new_service_reaches_the_open_window(qtbot, window, office, admin, clock):
    combo = window.form.service
    library = ServiceType.get(ServiceType.code == "library")
    combo.setCurrentIndex(combo.findData(library.id))
    walk = Administration(clock).save_service(
        admin, None, code="walk_data", prefix="W", name="Walk-in data"
    )
    qtbot.waitUntil(lambda: combo.findData(walk.id) >= 0, timeout=5000)
    index = combo.findData(walk.id)
    assert "no desk serves it" in combo.itemText(index)
    assert not enabled(combo, index)  # cannot be chosen while no desk serves it
    assert combo.currentData() == library.id  # the receptionist's choice stays
    assert walk.id in window.count_labels  # and it is counted

    desk = Desk.select().where(Desk.office == office.id).order_by(Desk.id).first()
    served = [link.service_id for link in desk.service_links]
    Administration(clock).save_desk(admin, desk.id, name=desk.name, service_ids=[*served, walk.id])
    qtbot.waitUntil(lambda: enabled(combo, combo.findData(walk.id)), timeout=5000)
    assert combo.itemText(combo.findData(walk.id)) == "W · Walk-in data"
    assert combo.currentData() == library.id


def test_a_ticket_for_a_service_no_desk_serves_is_refused(qtbot, window, office, admin, clock):
    walk = Administration(clock).save_service(
        admin, None, code="walk_data", prefix="W", name="Walk-in data"
    )
    combo = window.form.service
    qtbot.waitUntil(lambda: combo.findData(walk.id) >= 0, timeout=5000)
    type_visitor(qtbot, window)
    combo.setCurrentIndex(combo.findData(walk.id))  # e.g. chosen just before the change
    with answered(qtbot, window):
        window.issue_ticket()
    assert "No desk serves Walk-in data" in window.notice_text.text()
    assert Visit.select().where(Visit.service == walk.id).count() == 0


def test_hours_changed_on_another_pc_show_at_once(qtbot, window, admin, clock, monkeypatch):
    assert window.snapshot.is_open  # Tuesday 10:00
    # the admin sits at another PC: this station's cached calendar is not dropped by that call
    monkeypatch.setattr(OfficeCalendar, "invalidate", staticmethod(lambda: None))
    week = dict(SOP_HOURS)
    week[1] = (dt.time(8), dt.time(9, 30))  # today closed at 09:30
    Administration(clock).save_hours(admin, week)
    qtbot.waitUntil(lambda: not window.snapshot.is_open, timeout=5000)
    assert "closed" in window.status_line.text()
