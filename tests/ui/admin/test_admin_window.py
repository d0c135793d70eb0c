"""The administrator drives accounts, services, closure days and hours through the window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime

from models.entities import (
    AuditLog,
    ClosureDay,
    OfficeSetting,
    ServiceHours,
    ServiceType,
    UserAccount,
)
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.officer_support import visitor
from tests.ui.admin.conftest import answered
from ui.admin.window import AdminWindow


def click(qtbot, button):
    """A click that saves (or is refused): answered by the window's write thread."""
    window = button.window()
    with answered(qtbot, window):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_admin_window_has_every_tab(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [
        "Accounts",
        "Services",
        "Desks",
        "Office && hours",
        "Closure days",
        "Rating && board",
        "Surveys",
        "Today",
        "Reports",
        "Follow-ups",
    ]
    assert isinstance(window, AdminWindow)


def test_create_an_account(qtbot, window):
    tab = window.accounts_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.username, "dewi.s")
    qtbot.keyClicks(tab.full_name, "Dewi Sartika")
    assert tab.role.currentData() is None  # no role guessed, never Administrator
    qtbot.keyClicks(tab.password, "rahasia-123")
    qtbot.mouseClick(tab.create_button, Qt.MouseButton.LeftButton)  # asks for the role first
    assert "role" in tab.message.text()
    assert not UserAccount.select().where(UserAccount.username == "dewi.s").exists()
    tab.password.clear()
    tab.role.setCurrentIndex(tab.role.findData("officer"))
    qtbot.keyClicks(tab.password, "pendek")
    click(qtbot, tab.create_button)
    assert "8 characters" in tab.message.text()
    assert not UserAccount.select().where(UserAccount.username == "dewi.s").exists()

    tab.password.clear()
    qtbot.keyClicks(tab.password, "rahasia-123")
    click(qtbot, tab.create_button)
    account = UserAccount.get(UserAccount.username == "dewi.s")
    assert (account.full_name, account.role, account.active) == ("Dewi Sartika", "officer", True)
    assert "dewi.s" in tab.message.text()
    assert "dewi.s" in [a.username for a in tab.model.rows]
    assert tab.selected(tab.table, tab.model).username == "dewi.s"

    click(qtbot, tab.active_button)  # deactivate the selected account
    assert not UserAccount.get_by_id(account.id).active
    assert AuditLog.select().where(AuditLog.entity == "account").count() >= 3


def test_change_a_service_prefix(qtbot, window, office):
    tab = window.services_tab
    window.tabs.setCurrentWidget(tab)
    row = next(i for i, s in enumerate(tab.model.rows) if s.code == "consultation")
    tab.table.selectRow(row)
    assert tab.prefix.text() == "K"

    tab.prefix.clear()
    qtbot.keyClicks(tab.prefix, "k1")
    click(qtbot, tab.save_button)
    assert tab.message.property("kind") == "error"
    assert "1 to 3 capital letters" in tab.message.text()
    service = ServiceType.get(
        (ServiceType.office == office.id) & (ServiceType.code == "consultation")
    )
    assert service.prefix == "K"  # nothing saved
    assert not AuditLog.select().where(AuditLog.entity == "service").exists()

    tab.prefix.clear()
    qtbot.keyClicks(tab.prefix, "KS")
    click(qtbot, tab.save_button)
    assert tab.message.property("kind") == "ok"
    assert ServiceType.get_by_id(service.id).prefix == "KS"
    assert "KS" in [s.prefix for s in tab.model.rows]


def test_add_a_closure_day_and_see_the_holidays(qtbot, window):
    tab = window.closures_tab
    window.tabs.setCurrentWidget(tab)
    holidays = [e for e in tab.model.rows if e.holiday]
    assert holidays and all(e.day.year == 2026 for e in holidays)
    assert any(e.day == dt.date(2026, 12, 25) for e in holidays)  # Natal

    tab.day.setDate(QDate(2026, 12, 1))
    click(qtbot, tab.add_button)  # no reason
    assert "reason" in tab.message.text()
    assert ClosureDay.select().count() == 0

    qtbot.keyClicks(tab.reason, "Rapat kerja kantor")
    click(qtbot, tab.add_button)
    assert ClosureDay.get().reason == "Rapat kerja kantor"
    entry = next(e for e in tab.model.rows if e.day == dt.date(2026, 12, 1))
    assert entry.office_override and entry.closed
    assert not OfficeCalendar.for_office(window.actor.office_id).is_working_day(entry.day)

    tab.table.selectRow(tab.model.rows.index(entry))
    click(qtbot, tab.remove_button)
    assert ClosureDay.select().count() == 0


def test_change_the_hours(qtbot, window, office):
    tab = window.office_tab
    window.tabs.setCurrentWidget(tab)
    saturday, opens, closes = tab.days[5]
    assert not saturday.isChecked()
    saturday.setChecked(True)
    opens.setTime(QTime(12, 0))
    closes.setTime(QTime(9, 0))
    click(qtbot, tab.save_hours_button)
    assert "open before it closes" in tab.message.text()
    assert not ServiceHours.select().where(ServiceHours.weekday == 5).exists()

    opens.setTime(QTime(8, 0))
    closes.setTime(QTime(12, 0))
    click(qtbot, tab.save_hours_button)
    saved = ServiceHours.get((ServiceHours.office == office.id) & (ServiceHours.weekday == 5))
    assert (saved.opens, saved.closes) == (dt.time(8, 0), dt.time(12, 0))


def test_bad_logo_and_time_zone_are_refused(qtbot, window, tmp_path, office):
    tab = window.office_tab
    bad = tmp_path / "logo.gif"
    bad.write_bytes(b"GIF89a" + b"\0" * 20)
    tab.choose_logo = lambda: bad
    qtbot.mouseClick(tab.logo_button, Qt.MouseButton.LeftButton)  # checked here
    assert "PNG or JPEG" in tab.message.text()
    tab.time_zone.setCurrentText("Asia/Bengkulu")
    click(qtbot, tab.save_profile_button)
    assert "Unknown time zone" in tab.message.text()
    assert window.session.office.time_zone == "Asia/Jakarta"


def test_rating_and_running_text(qtbot, window):
    tab = window.rating_tab
    tab.scale.setValue(5)
    tab.question.clear()
    qtbot.keyClicks(tab.question, "Puaskah Anda dengan layanan kami?")
    click(qtbot, tab.save_rating_button)
    tab.running_text.setPlainText("Selamat datang di PST BPS Provinsi Bengkulu")
    click(qtbot, tab.save_text_button)
    values = {s.key: s.value for s in OfficeSetting.select() if s.key != "settings_revision"}
    assert values == {
        "rating_question": "Puaskah Anda dengan layanan kami?",
        "rating_scale": "5",
        "board_running_text": "Selamat datang di PST BPS Provinsi Bengkulu",
    }


def test_the_admin_sees_the_live_day(qtbot, window, office, clock, make_actor):
    from models.entities import Role
    from tests.pst_desktop.officer_support import service

    live = window.live_day
    guest = visitor(office, clock)
    QueueService(clock).issue_ticket(
        make_actor(Role.RECEPTIONIST), visitor_id=guest.id, service_id=service(office).id
    )
    qtbot.waitUntil(lambda: live.summary.waiting_total == 1, timeout=5000)
