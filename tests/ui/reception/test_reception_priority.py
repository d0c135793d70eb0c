"""Priority service at the front desk: the reason chosen with F10 goes on the ticket
issued, the guest book's recorded disability proposes it, a waiting ticket is marked from the
queue, and the queue shows a mark, never the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.entities import Visit
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from tests.ui.reception.conftest import answered, type_visitor


def test_f10_chooses_a_reason_and_the_ticket_is_issued_priority(qtbot, window):
    type_visitor(qtbot, window)
    qtbot.keyClick(window.form.consent, Qt.Key.Key_F10)
    choice = window.priority.reason
    qtbot.waitUntil(choice.hasFocus)
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    assert choice.currentData() == "pregnant"
    with qtbot.waitSignal(window.ticket_issued) as issued:
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    ticket, _pending = issued.args
    visit = Visit.get_by_id(ticket.visit_id)
    assert (visit.priority, visit.priority_note) == ("pregnant", "")
    qtbot.waitUntil(lambda: window.queue_model.rows != [])
    number = window.queue_model.index(0, 0).data()
    assert "★" in number and "pregnant" not in number
    assert window.priority.reason_code() == ""  # the next visitor starts normal


def test_other_needs_words_before_anything_is_written(qtbot, window):
    type_visitor(qtbot, window)
    window.priority.set_reason("other")
    assert window.priority.note.isVisible()
    qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    assert window.notice.isVisible()
    assert "why this visitor is served first" in window.notice_text.text()
    assert Visit.select().count() == 0
    qtbot.keyClicks(window.priority.note, "injured arm")
    with qtbot.waitSignal(window.ticket_issued):
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    assert Visit.get().priority_note == "injured arm"


def test_a_recorded_disability_proposes_priority(qtbot, window, clock):
    visitor = RegistrationService(clock).register(
        window.actor,
        VisitorForm(
            name="Budi Santoso",
            email="budi@example.com",
            phone="081377778888",
            gender="male",
            birth_year=1990,
            education="master",
            occupation="civil_servant",
            institution_category="local_government",
            institution_name="Bappeda",
            disability="sensory",
            consent=True,
        ),
    )
    window.load_visitor(visitor.id)
    qtbot.waitUntil(lambda: window.priority.reason_code() == "disability")
    assert window.priority.proposed
    with qtbot.waitSignal(window.ticket_issued):
        qtbot.keyClick(window.form.purpose, Qt.Key.Key_F9)
    assert Visit.get().priority == "disability"


def test_a_waiting_ticket_is_marked_from_the_queue_with_f10(qtbot, window):
    type_visitor(qtbot, window)
    with qtbot.waitSignal(window.ticket_issued):
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.queue_model.rows != [])
    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.keyClick(window.queue_table, Qt.Key.Key_F10)
    dialog = window.priority_dialog
    assert dialog is not None and dialog.isVisible()
    assert "K-001" in dialog.intro.text()
    dialog.choice.set_reason("elderly")
    with answered(qtbot, window):
        dialog._save()
    assert Visit.get().priority == "elderly"
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: "★" in window.queue_model.index(0, 0).data())


def test_a_called_ticket_is_refused_in_the_dialog(qtbot, window, office, make_actor, clock):
    from models.entities import Role
    from pst_desktop.visits.queue import QueueService
    from tests.pst_desktop.officer_support import desks

    type_visitor(qtbot, window)
    with qtbot.waitSignal(window.ticket_issued) as issued:
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    ticket, _ = issued.args
    QueueService(clock).call_ticket(make_actor(Role.OFFICER), ticket.visit_id, desks(office)[0].id)
    window.refresh()
    model = window.queue_model
    qtbot.waitUntil(lambda: model.rows != [] and model.rows[0].stage != "waiting")
    window.queue_table.selectRow(0)
    window.open_priority_dialog()
    dialog = window.priority_dialog
    dialog.choice.set_reason("elderly")
    with answered(qtbot, window):
        dialog._save()
    assert dialog.isVisible() and "only while it waits" in dialog.error.text()
    assert Visit.get().priority == ""
