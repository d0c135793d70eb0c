"""A message never moves the receptionist's fields under the mouse."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication


def y_of(widget, window) -> int:
    QApplication.processEvents()
    return widget.mapTo(window, QPoint(0, 0)).y()


def test_the_form_and_buttons_stay_put_when_a_message_comes_and_goes(window):
    fields = (window.form.name, window.issue_button)
    before = [y_of(field, window) for field in fields]
    window.show_notice("Check the marked fields.", "error")
    assert window.notice.isVisible()
    assert [y_of(field, window) for field in fields] == before
    window.show_notice("Outside service hours: book an appointment.", "warning", offer=True)
    assert [y_of(field, window) for field in fields] == before
    window.hide_notice()
    assert [y_of(field, window) for field in fields] == before
