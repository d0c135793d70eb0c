"""The admin sets the priority rule's N and M in the office tab: the current rule
shows, a bad number gets the service's sentence, a good pair is saved and call next obeys it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pst_desktop.visits.priority import priority_rule
from tests.ui.admin.conftest import answered


def test_the_rule_shows_is_checked_and_saved(qtbot, window, office):
    tab = window.office_tab
    window.tabs.setCurrentWidget(tab)
    assert (tab.max_in_row.text(), tab.normal_max_wait.text()) == ("2", "20")
    tab.max_in_row.setText("0")
    tab.normal_max_wait.setText("abc")
    with answered(qtbot, window):
        qtbot.mouseClick(tab.save_rule_button, Qt.MouseButton.LeftButton)
    message = tab.message.text()
    assert "from 1 to 10" in message and "from 5 to 120" in message
    assert priority_rule(office.id).max_in_row == 2
    tab.max_in_row.setText("3")
    tab.normal_max_wait.setText("30")
    with answered(qtbot, window):
        qtbot.mouseClick(tab.save_rule_button, Qt.MouseButton.LeftButton)
    rule = priority_rule(office.id)
    assert (rule.max_in_row, rule.normal_max_wait_minutes) == (3, 30)
    assert "priority rule is saved" in tab.message.text()
    assert (tab.max_in_row.text(), tab.normal_max_wait.text()) == ("3", "30")
