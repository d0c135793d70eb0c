"""One visit, several services at the officer's desk: the held card offers "On to the next
service" (Shift+F8) only when the visit has one; the visit then waits in that service's queue,
the officer's hands are free, and the record typed so far stays the visit's draft."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.entities import Consultation, Role, Visit
from pst_desktop.visits import visit_services
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.officer_support import issue, service, visitor
from tests.ui.officer.keys import key


def test_the_held_card_hands_a_visit_on_to_its_next_service(
    qtbot, window, office, clock, make_actor
):
    guest = visitor(office, clock, "Ani")
    library = service(office, "library")
    ticket = QueueService(clock).issue_ticket(
        make_actor(Role.RECEPTIONIST),
        visitor_id=guest.id,
        service_id=service(office, "consultation").id,
        more_services=[library.id],
    )
    card = window.held_card
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.held is not None and window.held.next_service == library.name
    assert card.hand_on_button.isVisible() and card.hand_on_button.isEnabled()
    assert library.name in card.held_detail.text()
    qtbot.keyClicks(window.form.topic, "PDRB")
    key(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.held is None
    assert "keeping its place" in window.notice.text()
    visit = Visit.get_by_id(ticket.visit_id)
    assert (visit.status, visit.service_id, visit.officer_id) == ("waiting", library.id, None)
    assert [s.status for s in visit_services.steps(visit.id)] == ["done", "serving"]
    draft = Consultation.get(Consultation.visit == visit.id)
    assert draft.is_draft and draft.topic == "PDRB"
    assert not card.hand_on_button.isVisible()


def test_a_visit_of_one_service_offers_no_hand_on(qtbot, window, office, clock, make_actor):
    issue(office, clock, make_actor)
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.held is not None and window.held.next_service == ""
    assert not window.held_card.hand_on_button.isVisible()
    key(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.held is not None  # nothing moved
    assert "no next service" in window.notice.text()
