"""A visitor who already waits gets a second ticket only with a warning the receptionist sees."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visits.queue import QueueService
from tests.ui.reception.conftest import service_id_of


def test_a_second_ticket_for_a_waiting_visitor_shows_a_warning(qtbot, window, clock):
    visitor = RegistrationService(clock).register(
        window.actor,
        VisitorForm(
            name="Budi Santoso",
            email="budi@example.com",
            phone="081377778888",
            gender="male",
            consent=True,
        ),
    )
    QueueService(clock).issue_ticket(
        window.actor, visitor_id=visitor.id, service_id=service_id_of(window, "consultation")
    )
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.keyClicks(window.search, "7777")
    qtbot.waitUntil(lambda: window.search_results.isVisible())
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.ticket_issued) as issued:
        qtbot.mouseClick(window.issue_button, Qt.MouseButton.LeftButton)
    assert issued.args[0].also_active == ("K-001",)
    assert window.notice.isVisible()
    assert "K-001" in window.notice_text.text()
    assert window.notice.property("kind") == "warning"
