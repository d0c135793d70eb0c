"""One visit, several services at the front desk: the receptionist ticks the services the
visitor wants after the first; the ticket is numbered in the first and the visit carries the
others in order."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.entities import Visit
from pst_desktop.visits import visit_services
from tests.ui.reception.conftest import type_visitor


def test_ticked_services_follow_the_first_on_the_ticket(qtbot, window, services):
    k, p, d = services["consultation"], services["library"], services["data_purchase"]
    type_visitor(qtbot, window)
    window.form.select_service(k.id)
    more = window.form.more_services
    assert more.isVisible() and more.text() == "More…"
    more.tick(k.id)  # the first service cannot be ticked again
    more.tick(d.id)
    more.tick(p.id)
    assert window.form.more_service_ids() == [p.id, d.id]  # in the office's order
    assert more.text() == "+ P, D"
    with qtbot.waitSignal(window.ticket_issued) as issued:
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
    ticket, _pending = issued.args
    assert ticket.code == "K-001"
    assert Visit.get_by_id(ticket.visit_id).service_id == k.id
    steps = visit_services.steps(ticket.visit_id)
    assert [s.service_id for s in steps] == [k.id, p.id, d.id]
    assert window.form.more_service_ids() == []  # the next visitor starts with one service


def test_changing_the_first_service_unticks_it_below(qtbot, window, services):
    k, p = services["consultation"], services["library"]
    window.form.select_service(k.id)
    window.form.more_services.tick(p.id)
    window.form.select_service(p.id)
    assert window.form.more_service_ids() == []
    assert not window.form.more_services.actions_[p.id].isEnabled()
    assert window.form.more_services.actions_[k.id].isEnabled()
