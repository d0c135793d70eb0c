"""The receptionist station driven like the front desk uses it."""

from __future__ import annotations

import datetime as dt
import io
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from models.entities import Appointment, Role, Visit, Visitor, VisitStatus
from pst_desktop.frontdesk import reception
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.frontdesk.reception import LEFT_REASON
from pst_desktop.visits.queue import QueueService
from tests.support import wib
from tests.ui.reception.conftest import (
    answered,
    booked,
    booking_dialog,
    focused,
    service_id_of,
    type_visitor,
)
from ui.reception import queue_model as qm
from ui.reception.window import ReceptionWindow
from ui.roles import window_for


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def queue_codes(window) -> list[str]:
    return window.queue_model.codes()


def outputs(window, said: list[str] | None = None) -> list:
    """Every ticket output the window's print thread answers from now on (``ticket_printed``);
    ``said`` gets the status line as each answer came (a queue refresh may replace it later)."""
    answers: list = []
    window.ticket_printed.connect(answers.append)
    if said is not None:
        window.ticket_printed.connect(lambda _result: said.append(window.status_line.text()))
    return answers


def test_type_a_new_visitor_issue_and_see_the_number_and_the_ticket(qtbot, window, ticket_folder):
    answers = outputs(window)
    type_visitor(qtbot, window)
    with qtbot.waitSignal(window.ticket_issued) as issued:
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    ticket, pending = issued.args
    assert ticket.code == "K-001" and pending.pending
    qtbot.waitUntil(lambda: len(answers) == 1)  # read, rendered and kept on the print thread
    (output,) = answers
    assert output.code == "K-001" and not output.pending
    qtbot.waitUntil(lambda: "K-001" in queue_codes(window))
    row = window.queue_model.row_at(window.queue_model.row_of_visit(ticket.visit_id))
    assert row.visitor_name == "Siti Aminah"
    assert row.service_name == "Konsultasi Statistik"
    assert window.last_code.text() == "K-001"
    # the PDF: saved in the ticket folder, and its text has the number and the service
    assert output.pdf_path is not None and output.pdf_path.is_relative_to(ticket_folder)
    text = pdf_text(output.pdf_path.read_bytes())
    assert "K-001" in text
    assert "Konsultasi Statistik" in text
    # no printer configured here: the receptionist is told the ticket was saved as PDF
    assert window.last_output_label.isVisible()
    assert str(output.pdf_path) in window.last_output_label.text().replace("\u200b", "")
    # the guest-book entry has every field typed, and the form is ready for the next visitor
    visitor = Visitor.get()
    assert (visitor.name, visitor.email, visitor.phone) == (
        "Siti Aminah",
        "siti.aminah@example.com",
        "081234567890",
    )
    assert (visitor.gender, visitor.birth_year, visitor.education) == ("female", 1995, "bachelor")
    assert (visitor.occupation, visitor.institution_category) == ("student", "research_education")
    assert visitor.institution_name == "Universitas Bengkulu" and visitor.consent
    visit = Visit.get_by_id(ticket.visit_id)
    assert visit.purpose == "research"
    assert window.form.name.text() == "" and window.form.visitor_id is None
    assert focused() is window.search


def test_the_ticket_is_printed_in_indonesian_whatever_the_staff_language(
    qtbot, make_window, station
):
    station.language = "en"
    window = make_window()
    type_visitor(qtbot, window)
    with qtbot.waitSignal(window.ticket_printed) as printed:
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    (output,) = printed.args
    text = pdf_text(output.pdf_path.read_bytes())
    assert "nomor antrian" in text.lower() and "queue number" not in text.lower()


def test_ctrl_enter_issues_too(qtbot, window):
    type_visitor(qtbot, window, service="library")
    with qtbot.waitSignal(window.ticket_issued) as issued:
        qtbot.keyClick(window.form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert issued.args[0].code == "P-001"


def test_registration_time_is_measured_from_the_first_keystroke(qtbot, window, clock):
    started = clock.now()
    qtbot.keyClicks(window.form.name, "S")
    assert window.registration_started_at == started
    clock.advance(minutes=4)
    qtbot.keyClicks(window.form.name, "iti Aminah")
    type_visitor(qtbot, window, name="")
    clock.advance(minutes=7)
    window._tick()
    assert window.registration_timer.property("verdict") == "overdue"
    assert "11:00" in window.registration_timer.text()
    with qtbot.waitSignal(window.ticket_issued) as issued:
        qtbot.mouseClick(window.issue_button, Qt.MouseButton.LeftButton)
    visit = Visit.get_by_id(issued.args[0].visit_id)
    assert visit.registration_started_at == started
    assert window.registration_started_at is None  # the next visitor starts a new clock


def test_returning_visitor_search_fills_the_form(qtbot, window, clock):
    RegistrationService(clock).register(
        window.actor,
        VisitorForm(
            name="Budi Santoso",
            email="budi@example.com",
            phone="081377778888",
            gender="male",
            birth_year=1980,
            education="master",
            occupation="civil_servant",
            institution_category="local_government",
            institution_name="Bappeda Provinsi Bengkulu",
            consent=True,
        ),
    )
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert focused() is window.search
    qtbot.keyClicks(window.search, "7777")
    qtbot.waitUntil(lambda: window.search_results.isVisible())
    assert "Budi Santoso" in window.search_results.item(0).text()
    assert focused() is window.search  # the list never takes the typing away
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    form = window.form
    assert form.name.text() == "Budi Santoso"
    assert form.email.text() == "budi@example.com"
    assert form.phone.text() == "081377778888"
    assert form.gender.currentData() == "male"
    assert form.birth_year.text() == "1980"
    assert form.occupation.currentData() == "civil_servant"
    assert form.institution_name.text() == "Bappeda Provinsi Bengkulu"
    assert form.consent.isChecked()
    assert window.returning_badge.isVisible()
    assert focused() is form.purpose  # next: what this visit is for
    with qtbot.waitSignal(window.ticket_issued):
        qtbot.keyClick(form.purpose, Qt.Key.Key_F9)
    assert Visitor.select().count() == 1  # no duplicate guest-book entry


def test_search_by_name_with_arrow_keys(qtbot, window, clock):
    registration = RegistrationService(clock)
    for name, email in (("Rina Wati", "rina@example.com"), ("Rina Marlina", "rm@example.com")):
        registration.register(
            window.actor, VisitorForm(name=name, email=email, gender="female", consent=True)
        )
    qtbot.keyClicks(window.search, "rina")
    qtbot.waitUntil(lambda: window.search_results.count() == 2)
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_results, Qt.Key.Key_Down)
    chosen = window.search_results.currentItem().text().splitlines()[0]
    qtbot.keyClick(window.search_results, Qt.Key.Key_Return)
    assert window.form.name.text() == chosen


def test_bad_email_shows_a_message_and_saves_nothing(qtbot, window):
    type_visitor(qtbot, window, email="siti.aminah@")
    with answered(qtbot, window):
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    error = window.form.errors["email"]
    assert error.isVisible()
    assert "e-mail" in error.text()
    assert window.form.email.property("invalid") is True
    assert not window.form.errors["name"].isVisible()
    assert Visitor.select().count() == 0
    assert Visit.select().count() == 0
    # the form keeps what was typed, and the bad field has the focus to fix it
    assert window.form.name.text() == "Siti Aminah"
    assert window.form.email.text() == "siti.aminah@"
    assert window.form.institution_name.text() == "Universitas Bengkulu"
    assert focused() is window.form.email
    qtbot.keyClicks(window.form.email, "example.com")
    with qtbot.waitSignal(window.ticket_issued):
        qtbot.keyClick(window.form.email, Qt.Key.Key_F9)
    assert not window.form.errors["email"].isVisible()


def test_missing_consent_is_refused_in_place(qtbot, window):
    type_visitor(qtbot, window, consent=False)
    with answered(qtbot, window):
        qtbot.mouseClick(window.issue_button, Qt.MouseButton.LeftButton)
    assert window.form.errors["consent"].isVisible()
    assert Visitor.select().count() == 0


def test_outside_hours_offers_an_appointment_and_checks_it_in(qtbot, window, clock):
    clock.set(wib(2026, 11, 24, 16, 0))  # Tuesday, the desk closed at 15:30
    type_visitor(qtbot, window)
    with answered(qtbot, window):
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    assert Visit.select().count() == 0
    assert window.notice.isVisible()
    assert "Outside service hours" in window.notice_text.text()
    assert window.offer_button.isVisible()
    dialog = booking_dialog(
        qtbot, window, lambda: qtbot.mouseClick(window.offer_button, Qt.MouseButton.LeftButton)
    )
    assert dialog.scheduled_at() == wib(2026, 11, 25, 8, 0)  # the next opening
    assert dialog.service.currentData() == service_id_of(window, "consultation")
    # too soon: the notice rule answers in the dialog, which stays open
    dialog.set_when(wib(2026, 11, 24, 16, 30))
    booked(qtbot, window, dialog)
    assert dialog.isVisible() and "1 hour" in dialog.when_error.text()
    dialog.set_when(wib(2026, 11, 25, 8, 0))
    qtbot.keyClicks(dialog.note, "data inflasi")
    booked(qtbot, window, dialog)
    assert not dialog.isVisible()
    appointment = Appointment.get()
    assert appointment.scheduled_at == wib(2026, 11, 25, 8, 0)
    assert appointment.note == "data inflasi"
    assert "Appointment booked" in window.notice_text.text()

    # the next morning the visitor arrives: the appointment is checked in to the queue
    clock.set(wib(2026, 11, 25, 7, 50))
    window.refresh()
    qtbot.waitUntil(lambda: window.appointments_model.rowCount() == 1)
    assert "(1)" in window.tabs.tabText(1)
    window.tabs.setCurrentIndex(1)
    window.appointments_table.selectRow(0)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(window.ticket_issued) as issued:
        qtbot.keyClick(window.appointments_table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    ticket = issued.args[0]
    assert ticket.code == "K-001"
    assert Visit.get_by_id(ticket.visit_id).appointment_id == appointment.id
    assert Appointment.get_by_id(appointment.id).status == "checked_in"
    qtbot.waitUntil(lambda: "K-001" in queue_codes(window))
    row = window.queue_model.row_at(0)
    assert "appointment" in window.queue_model.status_text(row)


def test_two_receptionist_windows_issuing_at_once_get_different_numbers(
    qtbot, make_window, make_actor
):
    first = make_window(make_actor(Role.RECEPTIONIST))
    second = make_window(make_actor(Role.RECEPTIONIST))
    assert first.actor != second.actor
    # interleaved: both receptionists type at the same time, then both issue
    qtbot.keyClicks(first.form.name, "Ani")
    qtbot.keyClicks(second.form.name, "Bayu")
    type_visitor(qtbot, first, name=" Lestari", email="ani@example.com", phone="081211112222")
    type_visitor(
        qtbot, second, name=" Pratama", email="bayu@example.com", phone="0812333344", gender="male"
    )
    issued = []
    first.ticket_issued.connect(lambda ticket, _out: issued.append(("first", ticket.code)))
    second.ticket_issued.connect(lambda ticket, _out: issued.append(("second", ticket.code)))
    with answered(qtbot, second):
        qtbot.mouseClick(second.issue_button, Qt.MouseButton.LeftButton)
    with answered(qtbot, first):
        qtbot.mouseClick(first.issue_button, Qt.MouseButton.LeftButton)
    assert issued == [("second", "K-001"), ("first", "K-002")]
    # each window sees the other's ticket (the change signal, no manual refresh)
    for window in (first, second):
        qtbot.waitUntil(lambda w=window: queue_codes(w) == ["K-001", "K-002"], timeout=5000)
    names = {first.queue_model.row_at(i).visitor_name for i in range(2)}
    assert names == {"Ani Lestari", "Bayu Pratama"}


def test_another_pc_changes_the_queue_and_typing_is_kept(
    qtbot, window, make_actor, clock, services, monkeypatch
):
    threads = []
    real = reception.queue_snapshot

    def spy(office_id, now):
        threads.append(threading.current_thread())
        return real(office_id, now)

    monkeypatch.setattr(reception, "queue_snapshot", spy)
    other = make_actor(Role.RECEPTIONIST)
    visitor = RegistrationService(clock).register(
        other, VisitorForm(name="Dewi", email="dewi@example.com", gender="female", consent=True)
    )
    window.form.name.setFocus()
    qtbot.keyClicks(window.form.name, "Siti Ami")
    QueueService(clock).issue_ticket(
        other, visitor_id=visitor.id, service_id=services["library"].id
    )
    with qtbot.waitSignal(window.queue_refreshed, timeout=5000):
        qtbot.keyClicks(window.form.name, "n")  # typing on while the queue is read
    assert queue_codes(window) == ["P-001"]
    qtbot.keyClicks(window.form.name, "ah")
    assert window.form.name.text() == "Siti Aminah"
    assert focused() is window.form.name
    assert window.form.name.cursorPosition() == len("Siti Aminah")
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_cancel_with_a_reason_mark_left_and_reprint(qtbot, window, clock, services):
    said: list[str] = []
    answers = outputs(window, said)
    for _ in range(3):
        type_visitor(qtbot, window)
        with answered(qtbot, window):
            qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: queue_codes(window) == ["K-001", "K-002", "K-003"])
    qtbot.waitUntil(lambda: len(answers) == 3)
    assert [a.code for a in answers] == ["K-001", "K-002", "K-003"]  # in the order issued
    first, second, third = (window.queue_model.row_at(i).visit_id for i in range(3))

    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert focused() is window.queue_table
    assert window.selected_row().code == "K-001"
    qtbot.keyClick(window.queue_table, Qt.Key.Key_Delete)
    dialog = window.cancel_dialog
    assert dialog.isVisible()
    with answered(qtbot, window):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()  # the reason is required
    assert Visit.get_by_id(first).status == VisitStatus.WAITING.value
    dialog.reason.setCurrentText("")
    qtbot.keyClicks(dialog.reason.lineEdit(), "Salah pilih layanan")
    with answered(qtbot, window):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert Visit.get_by_id(first).cancel_reason == "Salah pilih layanan"
    qtbot.waitUntil(lambda: queue_codes(window) == ["K-002", "K-003"])

    window.select_visit(second)
    with answered(qtbot, window):
        qtbot.keyClick(window.queue_table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    visit = Visit.get_by_id(second)
    assert (visit.status, visit.cancel_reason) == (VisitStatus.CANCELLED.value, LEFT_REASON)
    qtbot.waitUntil(lambda: queue_codes(window) == ["K-003"])
    window.show_closed.setChecked(True)
    assert queue_codes(window) == ["K-001", "K-002", "K-003"]
    left_row = window.queue_model.row_at(1)
    assert window.queue_model.status_text(left_row) == "Left"

    window.select_visit(third)
    path = window.last_output.pdf_path
    assert path == answers[-1].pdf_path
    path.unlink()
    qtbot.keyClick(window.queue_table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(answers) == 4)
    assert answers[-1].reprint and answers[-1].pdf_path == path
    assert path.exists() and "K-003" in pdf_text(path.read_bytes())
    assert said[-1] == "Ticket K-003 saved again as PDF."

    # a cancelled ticket is not printed again: the receptionist reads why
    window.select_visit(first)
    qtbot.keyClick(window.queue_table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(answers) == 5)
    assert answers[-1].failure is not None and answers[-1].pdf_path is None
    assert window.last_output_label.isVisible()
    assert window.last_output_label.text() == (
        "The ticket could not be printed: This ticket was cancelled; it cannot be printed again."
    )
    assert said[-1] == "Ticket K-001 was not printed."


def test_waiting_time_and_its_colour(qtbot, window, clock):
    type_visitor(qtbot, window)
    with answered(qtbot, window):
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: queue_codes(window) == ["K-001"])
    model = window.queue_model

    def cell(role, column=qm.COL_WAITED):
        return model.data(model.index(0, column), role)

    assert cell(Qt.ItemDataRole.DisplayRole) == "0:00"
    assert cell(Qt.ItemDataRole.BackgroundRole) is None
    clock.advance(minutes=16)
    window._tick()
    assert cell(Qt.ItemDataRole.DisplayRole) == "0:16"
    amber = cell(Qt.ItemDataRole.BackgroundRole).color()
    assert amber == QColor(qm.LEVEL_BACKGROUND[reception.WaitLevel.WARNING])
    clock.advance(minutes=20)
    window._tick()
    red = cell(Qt.ItemDataRole.BackgroundRole, qm.COL_NUMBER).color()
    assert red == QColor(qm.LEVEL_BACKGROUND[reception.WaitLevel.ALERT])
    assert "30 minutes" in cell(Qt.ItemDataRole.ToolTipRole)


def test_counts_per_service(qtbot, window, make_actor, office, services):
    for _ in range(2):
        type_visitor(qtbot, window)
        with answered(qtbot, window):
            qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    from models.entities import Desk

    desk = Desk.select().where(Desk.office == office.id).first()
    QueueService(window.clock).call_next(make_actor(Role.OFFICER), desk.id)
    window.refresh()
    k = services["consultation"].id
    qtbot.waitUntil(lambda: window.count_labels[k]["called"].text() == "1")
    assert window.count_labels[k]["waiting"].text() == "1"
    assert window.count_labels[k]["serving"].text() == "0"
    row = window.queue_model.row_at(0)
    assert (row.code, window.queue_model.status_text(row), row.desk_name) == (
        "K-001",
        "Called",
        desk.name,
    )


def test_tab_order_is_the_paper_form(qtbot, window):
    window.form.name.setFocus()
    seen = [focused().objectName()]
    for _ in range(13):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused().objectName())
    assert seen == [
        "name",
        "email",
        "phone",
        "gender",
        "birth_year",
        "education",
        "occupation",
        "institution_category",  # "other occupation" is skipped unless occupation is Other
        "institution_name",
        "disability",
        "purpose",
        "service",
        "consent",
        "issueButton",
    ]


def test_every_action_has_a_shortcut_shown_in_its_tooltip(window):
    keys = {name: s.key().toString() for name, s in window.shortcuts.items()}
    assert keys["search"] == "F2" and keys["issue"] == "F9" and keys["refresh"] == "F5"
    assert keys["reprint"] == "Ctrl+P" and keys["cancel"] == "Del"
    for button, key in (
        (window.issue_button, "F9"),
        (window.refresh_button, "F5"),
        (window.reprint_button, "Ctrl+P"),
        (window.cancel_button, "Del"),
        (window.left_button, "Ctrl+L"),
        (window.new_button, "Ctrl+N"),
        (window.check_in_button, "Ctrl+K"),
        (window.book_button, "Ctrl+B"),
    ):
        assert key in button.toolTip()
    assert "F2" in window.search.placeholderText()


def test_fits_a_1366_by_768_screen(window):
    assert window.minimumSizeHint().width() <= 1366
    assert window.minimumSizeHint().height() <= 768
    for widget in (window.issue_button, window.queue_table, window.search, window.form.consent):
        bottom_right = widget.mapTo(window, widget.rect().bottomRight())
        assert bottom_right.x() <= 1366 and bottom_right.y() <= 768, widget.objectName()
    assert window.issue_button.isVisible()
    assert window.form_scroll.verticalScrollBar().maximum() == 0  # the whole form shows


def test_new_visitor_clears_the_form(qtbot, window):
    type_visitor(qtbot, window)
    qtbot.keyClick(window.form.name, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.form.name.text() == "" and not window.form.consent.isChecked()
    assert window.registration_started_at is None
    assert focused() is window.search


def test_the_receptionist_role_opens_this_window(qtbot, db, office, clock, make_actor, station):
    from models.entities import UserAccount
    from ui.session import Session

    actor = make_actor(Role.RECEPTIONIST)
    session = Session(UserAccount.get_by_id(actor.user_id), actor, office, "test", clock)
    window = window_for(session)
    qtbot.addWidget(window)
    try:
        assert isinstance(window, ReceptionWindow)
        assert window.banner.office_label.text() == office.name
    finally:
        window.shutdown()


@pytest.mark.parametrize("paper", ["58mm", "A6"])
def test_printer_settings_page(qtbot, window, station, paper, tmp_path):
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.printer_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.printer.itemData(0) == ""  # "no printer, save PDF only" is always offered
    dialog.paper.setCurrentIndex(dialog.paper.findData(paper))
    dialog._print_to_file = str(tmp_path / "test-print.pdf")
    with qtbot.waitSignal(dialog.test_finished):
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "test-print.pdf").exists(), dialog.result.text()
    assert station.ticket_paper == "80mm"  # a test print changes nothing
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert station.ticket_paper == paper
    assert not dialog.isVisible()


def test_snapshot_rows_are_plain_data(window):
    snapshot = reception.queue_snapshot(window.actor.office_id, window.clock.now())
    assert isinstance(snapshot.taken_at, dt.datetime)
    assert snapshot.rows == []


def test_an_early_check_in_is_refused_where_the_receptionist_looks(qtbot, window, clock):
    """The refusal was written on the queue tab's status line, out of sight."""
    clock.set(wib(2026, 11, 24, 16, 0))
    type_visitor(qtbot, window)
    dialog = booking_dialog(qtbot, window)
    dialog.set_when(wib(2026, 11, 25, 10, 0))
    booked(qtbot, window, dialog)
    assert Appointment.select().count() == 1
    window.hide_notice()
    clock.set(wib(2026, 11, 25, 8, 0))  # two hours early
    window.refresh()
    qtbot.waitUntil(lambda: window.appointments_model.rowCount() == 1)
    for tab in (1, 0):  # on the appointments tab, and with the queue tab showing
        window.tabs.setCurrentIndex(1)
        window.appointments_table.selectRow(0)
        window.tabs.setCurrentIndex(tab)
        window.hide_notice()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        with answered(qtbot, window):
            qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        assert window.notice.isVisible()
        assert "1 hour" in window.notice_text.text()
    assert Visit.select().count() == 0
