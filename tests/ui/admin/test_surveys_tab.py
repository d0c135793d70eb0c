"""The administrator sets the survey on the visitor screens and edits the SKD attributes in
the Surveys tab; the IKM's nine elements show as the regulation has them and cannot be
edited from there."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from models.entities import AuditLog, SkdAttribute, SurveyAudience, SurveyChoice
from pst_desktop.admin import survey_settings as ss
from pst_desktop.visitor.instruments import IKM_CODES, IKM_ELEMENTS
from tests.ui.admin.conftest import answered, tabs_read


def click(qtbot, button) -> None:
    with answered(qtbot, button.window()):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_tab_is_listed_with_the_admins_tabs(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Surveys" in titles
    assert window.surveys_tab in [tab for tab, _title in window.admin_tabs]


def test_settings_are_saved_and_read_back(qtbot, window, office, supervisor_make_window, admin):
    tab = window.surveys_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.survey.currentData() == SurveyChoice.NONE.value  # nothing set yet
    assert tab.follow_up_days.value() == ss.DEFAULT_FOLLOW_UP_DAYS
    tab.survey.setCurrentIndex(tab.survey.findData(SurveyChoice.BOTH.value))
    tab.from_box.setChecked(True)
    tab.starts_on.setDate(QDate(2026, 12, 1))
    tab.until_box.setChecked(True)
    tab.ends_on.setDate(QDate(2027, 1, 31))
    tab.audience.setCurrentIndex(tab.audience.findData(SurveyAudience.ONE_IN_N.value))
    assert tab.one_in.isEnabled()
    tab.one_in.setValue(7)
    tab.follow_up_days.setValue(5)
    click(qtbot, tab.save_button)
    assert tab.message.property("kind") == "ok"
    assert ss.survey_settings(office.id) == ss.SurveySettings(
        SurveyChoice.BOTH,
        dt.date(2026, 12, 1),
        dt.date(2027, 1, 31),
        SurveyAudience.ONE_IN_N,
        7,
        5,
    )
    # read back by another admin window (another PC)
    from ui.admin.window import AdminWindow

    other = supervisor_make_window(admin, cls=AdminWindow)
    tabs_read(qtbot, other)
    again = other.surveys_tab
    assert again.survey.currentData() == SurveyChoice.BOTH.value
    assert (again.from_box.isChecked(), again.starts_on.date()) == (True, QDate(2026, 12, 1))
    assert (again.until_box.isChecked(), again.ends_on.date()) == (True, QDate(2027, 1, 31))
    assert again.audience.currentData() == SurveyAudience.ONE_IN_N.value
    assert (again.one_in.value(), again.follow_up_days.value()) == (7, 5)
    assert again.settings_typed() == ss.survey_settings(office.id)


def test_a_period_that_ends_before_it_starts_is_refused_and_nothing_saved(qtbot, window, office):
    tab = window.surveys_tab
    window.tabs.setCurrentWidget(tab)
    tab.survey.setCurrentIndex(tab.survey.findData(SurveyChoice.IKM.value))
    tab.from_box.setChecked(True)
    tab.starts_on.setDate(QDate(2026, 12, 10))
    tab.until_box.setChecked(True)
    tab.ends_on.setDate(QDate(2026, 12, 1))
    click(qtbot, tab.save_button)
    assert tab.message.property("kind") == "error"
    assert "ends before it starts" in tab.message.text()
    assert ss.survey_settings(office.id).survey is SurveyChoice.NONE


def test_the_ikm_elements_are_shown_and_cannot_be_edited(window):
    tab = window.surveys_tab
    window.tabs.setCurrentWidget(tab)
    texts = [label.text() for label in tab.ikm_labels]
    # the regulation's wording in the station's language (Indonesian unless set otherwise)
    assert texts == [f"{e.code} · {e.name_id}" for e in IKM_ELEMENTS]
    assert "cannot be changed" in tab.ikm_fixed.text()
    assert "PermenPANRB 14/2017" in tab.ikm_fixed.text()
    # nothing in the IKM's box takes typing; the labels cannot be edited or even selected
    editors = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox)
    assert [w for w in tab.ikm_box.findChildren(QWidget) if isinstance(w, editors)] == []
    labels = tab.ikm_box.findChildren(QLabel)
    assert len(labels) == len(IKM_ELEMENTS)
    for label in labels:
        assert not label.textInteractionFlags() & Qt.TextInteractionFlag.TextEditable
    # and the attribute list, the tab's one editable list, holds no IKM element
    assert tab.model.rows and not {a.code.upper() for a in tab.model.rows} & set(IKM_CODES)


def test_an_skd_attribute_is_added_reworded_moved_retired_and_asked_again(qtbot, window):
    tab = window.surveys_tab
    window.tabs.setCurrentWidget(tab)
    first_count = SkdAttribute.select().count()
    # add: both languages are needed
    qtbot.keyClicks(tab.label_id, "Ruang tunggu nyaman")
    click(qtbot, tab.add_button)
    assert tab.message.property("kind") == "error" and "English" in tab.message.text()
    assert SkdAttribute.select().count() == first_count
    qtbot.keyClicks(tab.label_en, "The waiting room is comfortable")
    click(qtbot, tab.add_button)
    added = SkdAttribute.get(SkdAttribute.label_en == "The waiting room is comfortable")
    assert tab.selected(tab.table, tab.model).code == added.code  # selected, asked last
    active = [a for a in tab.model.rows if a.active]
    assert active[-1].code == added.code
    # reworded
    tab.label_en.clear()
    qtbot.keyClicks(tab.label_en, "The waiting room is comfortable and cool")
    click(qtbot, tab.save_attribute_button)
    assert SkdAttribute.get_by_id(added.id).label_en == "The waiting room is comfortable and cool"
    # moved one place up: asked before the one that was before it
    before = [a.code for a in tab.model.rows if a.active]
    click(qtbot, tab.up_button)
    qtbot.waitUntil(lambda: not window.calls.busy)  # (two writes: the two places)
    tabs_read(qtbot, window)
    after = [a.code for a in ss.skd_attributes()]
    assert after == [*before[:-2], before[-1], before[-2]]
    assert [a.code for a in tab.model.rows if a.active] == after
    assert tab.selected(tab.table, tab.model).code == added.code
    # retired: no longer asked, still listed (greyed) for its answers; asked again
    click(qtbot, tab.retire_button)
    assert added.code not in [a.code for a in ss.skd_attributes()]
    row = next(a for a in tab.model.rows if a.code == added.code)
    assert not row.active and tab.restore_button.isEnabled()
    click(qtbot, tab.restore_button)
    assert added.code in [a.code for a in ss.skd_attributes()]
    assert AuditLog.select().where(AuditLog.entity == "skd_attribute").count() >= 4
