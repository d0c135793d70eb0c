"""A message never moves the officer's fields under the mouse: the band
pushed the form down about 35 px, so a topic was typed into the Question field."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication


def field_y(window) -> int:
    QApplication.processEvents()
    return window.form.topic.mapTo(window, QPoint(0, 0)).y()


def test_the_record_form_stays_put_when_a_message_comes_and_goes(window):
    before = field_y(window)
    window.show_notice("Nobody is waiting for this desk.")
    assert window.notice.isVisible()
    assert field_y(window) == before
    window.show_notice("K-001 finished. The visitor is asked to rate the service.", "ok")
    assert field_y(window) == before
    window.hide_notice()
    assert field_y(window) == before
