"""The officer workspace driven by keys and clicks."""

from __future__ import annotations

import peewee as pw
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from models.entities import AuditLog, Consultation, Role, Visit, VisitStatus
from pst_desktop.core.errors import ConnectionLost
from pst_desktop.db.changes import ChangeWatcher
from pst_desktop.officer.consultations import ConsultationService
from pst_desktop.officer.online import OnlineService
from tests.pst_desktop.officer_support import complete_record, desks, issue, served_record
from tests.support import wib
from tests.ui.officer.keys import answered, key
from ui.officer.window import OfficerWindow
from ui.roles import window_for
from ui.session import Session

S = VisitStatus


def codes(window) -> list[str]:
    """The tickets the window's queue shows."""
    return [r.code for r in window.serve_tab.queue_model.rows]


def type_record(qtbot, window, topic="PDRB", question="PDRB Bengkulu 2025?", answer="52,3 juta"):
    form = window.form
    qtbot.keyClicks(form.topic, topic)
    qtbot.keyClicks(form.question, question)
    qtbot.keyClicks(form.answer, answer)


def test_the_officer_role_opens_the_workspace(qtbot, office, clock, make_actor, station):
    actor = make_actor(Role.OFFICER)
    from models.entities import UserAccount

    window = window_for(Session(UserAccount.get_by_id(actor.user_id), actor, office, "t", clock))
    qtbot.addWidget(window)
    assert isinstance(window, OfficerWindow)
    window.shutdown()


def test_call_next_record_finish_asks_for_the_rating(qtbot, window, office, clock, make_actor):
    first = issue(office, clock, make_actor, "Siti Aminah")
    clock.advance(minutes=2)
    issue(office, clock, make_actor, "Budi Santoso")
    window.refresh()  # read on the worker thread: the list follows
    qtbot.waitUntil(lambda: codes(window) == ["K-001", "K-002"])
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.held.code == "K-001" and window.held.status == S.CALLED
    assert window.held_code.text() == "K-001"
    qtbot.waitUntil(lambda: codes(window) == ["K-002"])
    key(qtbot, window, Qt.Key.Key_F4)
    assert window.held.status == S.SERVING
    clock.advance(minutes=42, seconds=5)
    window._on_tick()
    assert window.timer_label.text() == "0:42:05 / 3:00"
    type_record(qtbot, window)
    window.form.need_met.setCurrentIndex(window.form.need_met.findData("yes_fit"))
    qtbot.waitUntil(lambda: Consultation.select().count() == 1)  # autosaved as typed
    with qtbot.waitSignal(window.rating_requested) as requested:
        key(qtbot, window, Qt.Key.Key_F8)
    assert requested.args == [first.visit_id]
    visit = Visit.get_by_id(first.visit_id)
    assert visit.status == S.AWAITING_RATING
    record = Consultation.get(Consultation.visit == first.visit_id)
    assert (record.topic, record.answer, record.need_met) == ("PDRB", "52,3 juta", "yes_fit")
    assert not record.is_draft
    assert window.held is None and window.form.topic.text() == ""
    assert "K-001" in window.notice.text()


@pytest.mark.postgres
def test_finishing_publishes_the_rating_request_for_the_visitor_screen(
    qtbot, db, window, office, clock, make_actor
):
    if isinstance(db, pw.SqliteDatabase):
        pytest.skip("events are PostgreSQL NOTIFY; SQLite stations poll")
    screen = ChangeWatcher(db)  # what the rating screen listens with
    screen.start()
    try:
        ticket = issue(office, clock, make_actor)
        window.refresh()
        key(qtbot, window, Qt.Key.Key_F2)

        def is_request(payload):
            return payload.get("event") == "rating_requested"

        complete_record(window)
        with qtbot.waitSignal(screen.event, check_params_cb=is_request, timeout=5000) as got:
            key(qtbot, window, Qt.Key.Key_F8)
        assert got.args[0]["visit"] == ticket.visit_id
    finally:
        screen.stop()


def test_two_officers_pressing_call_next_never_get_the_same_ticket(
    qtbot, make_window, office, clock, make_actor
):
    ani = make_window(make_actor(Role.OFFICER, "ani"), desk=0)
    budi = make_window(make_actor(Role.OFFICER, "budi"), desk=1)
    issue(office, clock, make_actor, "Satu")
    issue(office, clock, make_actor, "Dua")
    issue(office, clock, make_actor, "Tiga")
    for w in (ani, budi):
        w.refresh()
    key(qtbot, ani, Qt.Key.Key_F2)
    key(qtbot, budi, Qt.Key.Key_F2)
    assert {ani.held.code, budi.held.code} == {"K-001", "K-002"}
    # an officer cannot hold two tickets: F2 again changes nothing
    key(qtbot, ani, Qt.Key.Key_F2)
    assert not ani.call_button.isEnabled()
    assert Visit.select().where(Visit.status == S.CALLED).count() == 2
    # both windows see the one left
    qtbot.waitUntil(lambda: [r.code for r in budi.serve_tab.queue_model.rows] == ["K-003"])
    qtbot.waitUntil(lambda: [r.code for r in ani.serve_tab.queue_model.rows] == ["K-003"])


def test_a_ticket_called_elsewhere_meanwhile_is_refused_plainly(
    qtbot, make_window, office, clock, make_actor
):
    ani = make_window(make_actor(Role.OFFICER, "ani"), desk=0)
    budi = make_window(make_actor(Role.OFFICER, "budi"), desk=1)
    issue(office, clock, make_actor, "Satu")
    ani.refresh()
    budi.refresh()
    qtbot.waitUntil(lambda: codes(ani) == codes(budi) == ["K-001"])
    ani.serve_tab.queue_table.selectRow(0)
    budi.serve_tab.queue_table.selectRow(0)
    # both press before either station heard of the other's call (no event loop in between):
    # whichever write is first gets the ticket, the other is told plainly
    ani.call_selected()
    budi.call_selected()
    answered(qtbot, ani)
    answered(qtbot, budi)
    winner, loser = (ani, budi) if ani.held is not None else (budi, ani)
    assert winner.held.code == "K-001" and loser.held is None
    assert "Another desk has just called this ticket." in loser.notice.text()


def test_skip_recall_and_return(qtbot, window, office, clock, make_actor):
    issue(office, clock, make_actor, "Satu")
    second = issue(office, clock, make_actor, "Dua")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    key(qtbot, window, Qt.Key.Key_F3)
    assert window.held.call_count == 2 and "K-001" in window.notice.text()
    assert "called 2 times" in window.held_card.held_detail.text()
    key(qtbot, window, Qt.Key.Key_F6)
    assert window.held is None
    assert Visit.get(Visit.number == 1).status == S.SKIPPED
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.held.visit_id == second.visit_id
    key(qtbot, window, Qt.Key.Key_F7)  # back to the queue, same place
    assert window.held is None
    qtbot.waitUntil(lambda: codes(window) == ["K-002"])


def test_call_out_of_order_and_transfer(qtbot, window, office, clock, make_actor):
    issue(office, clock, make_actor, "Satu")
    second = issue(office, clock, make_actor, "Dua")
    window.refresh()
    qtbot.waitUntil(lambda: codes(window) == ["K-001", "K-002"])
    window.serve_tab.queue_table.selectRow(1)
    key(qtbot, window, Qt.Key.Key_F9)
    assert window.held.visit_id == second.visit_id
    key(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.held is not None  # nothing moves before the officer says where
    assert window.transfer_dialog.choose("desk", desks(office)[1].id)
    window.transfer_dialog.confirm_button.click()
    answered(qtbot, window)
    assert window.held is None, window.notice.text()
    visit = Visit.get_by_id(second.visit_id)
    assert (visit.status, visit.desk_id) == (S.WAITING, desks(office)[1].id)
    qtbot.waitUntil(lambda: codes(window) == ["K-001"])


def test_a_draft_survives_closing_the_window(qtbot, make_window, office, clock, make_actor):
    actor = make_actor(Role.OFFICER)
    first = make_window(actor)
    ticket = issue(office, clock, make_actor)
    first.refresh()
    key(qtbot, first, Qt.Key.Key_F2)
    type_record(qtbot, first, answer="Belum selesai diketik")
    first.close()  # before the autosave timer fired: closing saves
    row = Consultation.get(Consultation.visit == ticket.visit_id)
    assert row.is_draft and row.answer == "Belum selesai diketik"
    again = make_window(actor)
    qtbot.waitUntil(lambda: again.held is not None)  # the first read, on the worker thread
    assert again.held.visit_id == ticket.visit_id
    assert again.form.answer.toPlainText() == "Belum selesai diketik"
    assert again.form.topic.text() == "PDRB"


def test_a_draft_is_kept_on_this_pc_when_the_database_is_down(
    qtbot, make_window, office, clock, make_actor, monkeypatch, draft_folder
):
    actor = make_actor(Role.OFFICER)
    first = make_window(actor)
    ticket = issue(office, clock, make_actor)
    first.refresh()
    key(qtbot, first, Qt.Key.Key_F2)

    def down(*_args, **_kwargs):
        raise ConnectionLost("server closed the connection unexpectedly")

    monkeypatch.setattr(ConsultationService, "save_draft", down)
    with qtbot.waitSignal(first.record.draft_saved) as saved:
        type_record(qtbot, first, answer="Diketik saat jaringan putus")
    assert saved.args == [ticket.visit_id, "local"]
    assert (draft_folder / f"draft-{ticket.visit_id}.json").exists()
    assert "this PC" in first.record.save_state.text()
    first.shutdown()
    monkeypatch.undo()
    again = make_window(actor)  # the next start writes it back to the database
    assert Consultation.get(Consultation.visit == ticket.visit_id).answer.endswith("putus")
    qtbot.waitUntil(lambda: again.held is not None)
    assert again.form.answer.toPlainText() == "Diketik saat jaringan putus"
    assert not (draft_folder / f"draft-{ticket.visit_id}.json").exists()


def test_search_finds_a_past_answer_and_reuses_it(qtbot, window, office, clock, make_actor):
    colleague = make_actor(Role.OFFICER, "rina")
    served_record(
        office,
        clock,
        colleague,
        make_actor,
        topic="Inflasi",
        question="Inflasi Kota Bengkulu Oktober 2026?",
        answer="Inflasi y-on-y Oktober 2026: 2,1 persen (BRS 2 November 2026).",
    )
    issue(office, clock, make_actor, "Baru")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    key(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.serve_tab.search_edit, "inflasi bengkulu")
    with qtbot.waitSignal(window.serve_tab.search_done):  # read on a worker thread
        qtbot.keyClick(window.serve_tab.search_edit, Qt.Key.Key_Return)
    assert window.serve_tab.hits.count() == 1
    assert "2,1 persen" in window.serve_tab.hits.item(0).text()
    key(qtbot, window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert window.form.answer.toPlainText().startswith("Inflasi y-on-y Oktober 2026")


def test_online_clock_across_a_holiday_and_a_weekend_and_overdue_stands_out(qtbot, window, clock):
    clock.set(wib(2026, 12, 23, 10, 0))  # Wed; Thu cuti bersama, Fri Christmas, weekend
    window.tabs.setCurrentIndex(1)
    window.online_tab.channel.setCurrentIndex(window.online_tab.channel.findData("whatsapp"))
    qtbot.keyClicks(window.online_tab.contact, "0812 7788 9900")
    qtbot.keyClicks(window.online_tab.topic, "IPM")
    qtbot.keyClicks(window.online_tab.question, "IPM kabupaten 2020-2025?")
    qtbot.mouseClick(window.online_tab.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.online_tab.model.rows) == 1)
    assert window.selected_online() == window.online_tab.model.rows[0]  # the one just recorded
    row = window.online_tab.model.rows[0]
    assert row.first_answer_due == wib(2026, 12, 30, 10, 0)
    assert window.online_tab.due_text(row) == "30-12 10:00"
    clock.set(wib(2026, 12, 30, 10, 1))
    window.refresh_online()
    qtbot.waitUntil(lambda: window.online_tab.model.rows[0].overdue)
    row = window.online_tab.model.rows[0]
    assert row.overdue and "OVERDUE" in window.online_tab.status_text(row)
    index = window.online_tab.model.index(0, 0)
    assert window.online_tab.model.data(index, Qt.ItemDataRole.BackgroundRole).color().name() == (
        "#f9c7c3"
    )
    assert "(1!)" in window.tabs.tabText(1)
    window.select_online(row.visit_id)
    qtbot.keyClicks(window.online_tab.answer, "Tautan tabel IPM sudah dikirim.")
    qtbot.mouseClick(window.online_tab.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.online_tab.model.rows[0].status == "answered")
    assert not window.online_tab.model.rows[0].overdue


def test_auto_close_happens_once_whichever_station_runs_it(
    qtbot, make_window, office, clock, make_actor
):
    officer = make_actor(Role.OFFICER)
    online = OnlineService(clock)
    visit = online.open(officer, channel="email", contact="a@example.com", question="?")
    online.wait_for_user(officer, visit.id)
    first, second = make_window(), make_window()
    clock.advance(days=3, minutes=1)
    for station in (first, second, first):  # each run on the station's worker thread
        station.run_housekeeping()
        qtbot.waitUntil(lambda s=station: not s.housekeeping_runner.busy())
    assert Visit.get_by_id(visit.id).closed_by_auto
    assert AuditLog.select().where(AuditLog.action == "auto_close").count() == 1
    second.online_tab.show_closed.setChecked(True)
    qtbot.waitUntil(lambda: len(second.online_tab.model.rows) == 1)
    assert "(automatically)" in second.online_tab.status_text(second.online_tab.model.rows[0])


def test_history_filter_open_edit_own_record_and_export(
    qtbot, window, office, clock, make_actor, tmp_path
):
    mine = served_record(
        office,
        clock,
        window.actor,
        make_actor,
        topic="Kemiskinan",
        question="Kemiskinan 2026?",
        answer="12,5 persen.",
    )
    other = served_record(
        office,
        clock,
        make_actor(Role.OFFICER, "rina"),
        make_actor,
        topic="Inflasi",
        question="Inflasi?",
        answer="2,1 persen.",
        need_met="not_yet",
    )
    window.tabs.setCurrentIndex(2)
    window.refresh_history()  # read on a worker thread: the list follows
    qtbot.waitUntil(lambda: {r.visit_id for r in window.history_tab.model.rows} == {mine, other})
    window.history_tab.need.setCurrentIndex(window.history_tab.need.findData("not_yet"))
    qtbot.waitUntil(lambda: [r.visit_id for r in window.history_tab.model.rows] == [other])
    window.history_tab.open_record(0)
    assert not window.history_tab.save_button.isEnabled()  # someone else's: read only
    window.history_tab.need.setCurrentIndex(0)
    qtbot.keyClicks(window.history_tab.words, "kemiskin")
    qtbot.waitUntil(lambda: [r.visit_id for r in window.history_tab.model.rows] == [mine])
    window.history_tab.open_record(0)
    assert window.history_tab.save_button.isEnabled()
    window.history_tab.form.answer.setPlainText("12,5 persen (Maret 2026).")
    key(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert Consultation.get(Consultation.visit == mine).answer == "12,5 persen (Maret 2026)."
    assert AuditLog.select().where(AuditLog.entity == "consultation").count() == 1
    with qtbot.waitSignal(window.history_tab.exported, timeout=20_000) as exported:
        window.history_tab.export(tmp_path / "riwayat.xlsx")
    values = list(load_workbook(exported.args[0]).active.values)
    assert len(values) == 2 and values[1][7] == "Kemiskinan"


def test_the_history_count_tells_the_true_total_and_the_export_holds_it(
    qtbot, window, office, clock, tmp_path
):
    """The window said "2000 record(s)" of 3,189, the export stopped at 2,000."""
    from PySide6.QtCore import QDate

    from pst_desktop.officer import history
    from tests.pst_desktop.officer.test_history import bulk_records

    total = history.HISTORY_LIMIT + 3
    bulk_records(office, clock, window.actor, total)
    window.tabs.setCurrentIndex(2)
    window.history_tab.date_from.setDate(QDate(2026, 9, 1))
    with qtbot.waitSignal(window.history_tab.loaded, timeout=20_000):
        window.refresh_history()
    window.history_tab.reader.wait()  # the date change's read may come first: the newest counts
    assert len(window.history_tab.model.rows) == history.HISTORY_LIMIT
    assert str(total) in window.history_tab.count_label.text()
    assert str(history.HISTORY_LIMIT) in window.history_tab.count_label.text()
    with qtbot.waitSignal(window.history_tab.exported, timeout=20_000) as exported:
        window.history_tab.export(tmp_path / "riwayat.xlsx")
    path = exported.args[0]
    assert len(list(load_workbook(path, read_only=True).active.values)) == 1 + total


def test_after_f8_the_keyboard_is_on_call_next_not_on_log_out(
    qtbot, window, office, clock, make_actor
):
    """The record's fields are cleared after F8; the keyboard fell to the banner's Log out,
    where the officer's next Space signed them out."""
    issue(office, clock, make_actor, "Siti Aminah")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    key(qtbot, window, Qt.Key.Key_F4)
    type_record(qtbot, window)
    window.form.answer.setFocus()
    complete_record(window)
    key(qtbot, window, Qt.Key.Key_F8)
    assert window.held is None
    assert window.focusWidget() is window.call_button
    assert window.focusWidget() is not window.logout_button
