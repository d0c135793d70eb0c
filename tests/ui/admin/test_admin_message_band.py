"""A saved-or-refused message never moves the admin's fields under the mouse:
an admin's rating question was overwritten when the band pushed the form down."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication


def y_of(widget, window) -> int:
    QApplication.processEvents()
    return widget.mapTo(window, QPoint(0, 0)).y()


def test_the_fields_stay_put_when_a_message_comes_and_goes(window):
    for tab, field in (
        (window.rating_tab, window.rating_tab.question),
        (window.accounts_tab, window.accounts_tab.username),
    ):
        window.tabs.setCurrentWidget(tab)
        before = y_of(field, window)
        tab.show_message("The rating question and scale are saved.")
        assert tab.message.isVisible()
        assert y_of(field, window) == before
        tab.show_message("The password needs at least 8 characters.", "error")
        assert y_of(field, window) == before
        tab.show_message("")
        assert y_of(field, window) == before
