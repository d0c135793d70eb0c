"""The supervisor's live day updates by itself; reports are made off the GUI thread."""

from __future__ import annotations

import threading

from models.entities import Role
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.officer_support import desks, issue
from ui.roles import ROLE_WINDOWS, window_for
from ui.session import Session
from ui.supervisor.window import SupervisorWindow


def test_the_supervisor_role_opens_the_live_day(qtbot, office, clock, make_actor):
    from models.entities import UserAccount

    actor = make_actor(Role.SUPERVISOR)
    window = window_for(Session(UserAccount.get_by_id(actor.user_id), actor, office, "test", clock))
    qtbot.addWidget(window)
    try:
        assert isinstance(window, SupervisorWindow)
        assert Role.SUPERVISOR in ROLE_WINDOWS
        assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
            "Today",
            "Reports",
            "Follow-ups",
        ]
    finally:
        window.shutdown()


def test_the_live_day_shows_a_new_ticket_and_updates(qtbot, make_window, office, clock, make_actor):
    window = make_window()
    live = window.live_day
    assert live.tiles["waiting"].value.text() == "0"
    ticket = issue(office, clock, make_actor, "Siti Aminah")  # another PC issues a ticket

    qtbot.waitUntil(lambda: live.summary.waiting_total == 1, timeout=5000)
    assert live.tiles["waiting"].value.text() == "1"
    assert live.summary.longest_wait_code == ticket.code
    waiting = live.waiting_chart.series()[0].barSets()[0]
    assert sum(waiting.at(i) for i in range(waiting.count())) == 1

    officer = make_actor(Role.OFFICER)
    clock.advance(minutes=12)
    QueueService(clock).call_ticket(officer, ticket.visit_id, desks(office)[0].id)

    qtbot.waitUntil(lambda: live.summary.in_service == 1, timeout=5000)
    assert live.tiles["waiting"].value.text() == "0"
    assert live.tiles["average_wait"].value.text() == "12 min"
    row = live.desk_model.rows[0]
    assert (row.name, row.code, row.status) == ("Meja 1", ticket.code, "called")
    assert live.desk_model.data(live.desk_model.index(0, 1)) == "called"


def test_the_refresh_runs_off_the_gui_thread(qtbot, make_window, monkeypatch):
    import threading

    from ui.supervisor import live_day

    threads = []
    real = live_day.today_summary

    def spy(office_id, clock):
        threads.append(threading.current_thread())
        return real(office_id, clock)

    monkeypatch.setattr(live_day, "today_summary", spy)
    window = make_window()
    with qtbot.waitSignal(window.live_day.updated, timeout=5000):
        window.refresh()
    assert threads and threading.main_thread() not in threads


def test_a_report_is_made_in_the_background(qtbot, make_window, report_path):
    window = make_window()
    window.tabs.setCurrentWidget(window.reports)
    with qtbot.waitSignal(window.reports.finished, timeout=30000) as done:
        window.reports.make_button.click()
    assert done.args == [str(report_path)]
    assert report_path.read_bytes().startswith(b"%PDF")
    assert "saved" in window.reports.message.text()
    assert window.live_day.summary is not None


def test_a_report_that_cannot_be_made_says_why(qtbot, make_window, report_path, monkeypatch):
    """The report is written on the tab's reader thread; a failure comes back as one line in the
    tab's message (and ``failed``), and the button is ready again."""
    from ui.supervisor import reports

    threads = []
    real = reports.write_report

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(reports, "write_report", spy)
    window = make_window()
    window.tabs.setCurrentWidget(window.reports)
    window.reports.office_id = 999_999  # an office the database does not know
    with qtbot.waitSignal(window.reports.failed, timeout=30000) as failed:
        window.reports.make_button.click()
    assert failed.args[0].startswith("The report could not be made: ")
    assert "999999" in failed.args[0]
    assert window.reports.message.text() == failed.args[0]
    assert window.reports.make_button.isEnabled()
    assert not report_path.exists()
    assert threads and threading.main_thread() not in threads


def test_a_live_day_read_that_finds_the_database_gone_shows_the_band(
    qtbot, make_window, monkeypatch
):
    from ui.calls import CONNECTION_ERRORS
    from ui.supervisor import live_day

    window = make_window()

    def gone(_office_id, _clock):
        raise CONNECTION_ERRORS[0]("server closed the connection unexpectedly")

    monkeypatch.setattr(live_day, "today_summary", gone)
    window.refresh()
    qtbot.waitUntil(window.connection_banner.isVisible, timeout=5000)
    status = window.live_day.status
    assert status.text().startswith("Today's figures could not be read")
    assert "server closed" not in status.text() and "server closed" in status.toolTip()
    monkeypatch.undo()  # back: the figures are read again by themselves
    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: status.text().startswith("Updated"), timeout=5000)


def test_a_report_whose_database_is_gone_says_so_and_shows_the_band(
    qtbot, make_window, report_path, monkeypatch
):
    from ui.calls import CONNECTION_ERRORS
    from ui.supervisor import reports

    def gone(*_args, **_kwargs):
        raise CONNECTION_ERRORS[0]("server closed the connection unexpectedly")

    monkeypatch.setattr(reports, "write_report", gone)
    window = make_window()
    with qtbot.waitSignal(window.reports.failed, timeout=30000) as failed:
        window.reports.make_button.click()
    assert failed.args[0].startswith("The report could not be made: ")
    assert "server closed" not in failed.args[0]
    assert window.connection_banner.isVisible()
    assert window.reports.make_button.isEnabled()


def test_a_report_that_cannot_be_written_says_why_without_the_band(qtbot, make_window, tmp_path):
    window = make_window(choose_path=lambda _s: tmp_path / "no such folder" / "laporan.pdf")
    with qtbot.waitSignal(window.reports.failed, timeout=30000) as failed:
        window.reports.make_button.click()
    assert failed.args[0] == "The report could not be made: No such file or directory"
    assert not window.connection_banner.isVisible()
