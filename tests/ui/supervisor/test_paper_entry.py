"""A supervisor types paper questionnaires in, keyboard only: one row per respondent, Enter
saves it (marked as paper) and starts the next; a bad score or an unknown ticket is refused in
place and nothing is written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.entities import SurveyAnswer, SurveyChannel, SurveyInstrument, SurveyResponse
from pst_desktop.visitor.instruments import IKM_CODES
from tests.pst_desktop.visitor.survey_support import Visits
from ui.supervisor.paper_entry import PaperEntryDialog


@pytest.fixture
def visits(office, clock, make_actor):
    return Visits(office, clock, make_actor)


def focused():
    return QApplication.focusWidget()


def type_keys(qtbot, text: str) -> None:
    """Typed where the keyboard is, one key at a time (the fields move it on by themselves)."""
    for char in text:
        qtbot.keyClicks(focused(), char)


def key(qtbot, k) -> None:
    qtbot.keyClick(focused(), k)


def open_entry(qtbot, window) -> PaperEntryDialog:
    """Ctrl+K in the supervisor's window opens it; the keyboard is on the ticket."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    entry = window.paper_entry
    assert isinstance(entry, PaperEntryDialog) and entry.isVisible()
    qtbot.waitUntil(lambda: bool(entry.fields[SurveyInstrument.IKM]), timeout=5000)
    qtbot.waitUntil(entry.fields[SurveyInstrument.IKM][0].isVisible)  # (laid out)
    entry.activateWindow()
    qtbot.waitUntil(lambda: focused() is entry.ticket, timeout=5000)
    return entry


def saved(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.calls.busy, timeout=5000)


def test_a_paper_row_is_saved_by_keyboard_only(qtbot, make_window, visits, office):
    visit_id = visits.finished()  # K-001, today
    window = make_window()
    entry = open_entry(qtbot, window)
    type_keys(qtbot, "k-001")
    key(qtbot, Qt.Key.Key_Tab)  # the day: today, as it is
    assert focused() is entry.day
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is entry.fields[SurveyInstrument.IKM][0]
    type_keys(qtbot, "434434443")  # each score moves on by itself
    assert [f.text() for f in entry.fields[SurveyInstrument.IKM]] == list("434434443")
    key(qtbot, Qt.Key.Key_Return)
    saved(qtbot, window)

    response = SurveyResponse.get(SurveyResponse.visit == visit_id)
    assert (response.instrument, response.channel) == (
        SurveyInstrument.IKM.value,
        SurveyChannel.PAPER.value,
    )
    answers = {
        a.item: a.value for a in SurveyAnswer.select().where(SurveyAnswer.response == response.id)
    }
    assert answers == dict(zip(IKM_CODES, [4, 3, 4, 4, 3, 4, 4, 4, 3], strict=True))
    # the next row starts: scores and ticket cleared, the keyboard on the ticket, the row listed
    assert [f.text() for f in entry.fields[SurveyInstrument.IKM]] == [""] * 9
    assert entry.ticket.text() == "" and focused() is entry.ticket
    assert [(r.ticket, r.answered) for r in entry.model.rows] == [("K-001", 9)]
    assert entry.message.property("kind") == "ok"

    # a form without a ticket, two questions left blank (Tab over them)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "3333")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "22")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "4")
    key(qtbot, Qt.Key.Key_Return)
    saved(qtbot, window)
    loose = SurveyResponse.get(SurveyResponse.visit.is_null())
    assert loose.channel == SurveyChannel.PAPER.value
    assert SurveyAnswer.select().where(SurveyAnswer.response == loose.id).count() == 7
    assert entry.model.rows[0].scores == "3 3 3 3 · 2 2 · 4"  # the newest first


def test_a_bad_score_is_refused_in_place_and_nothing_written(qtbot, make_window, visits):
    visits.finished()
    window = make_window()
    entry = open_entry(qtbot, window)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "4454")  # a 5 on a 1-4 scale
    key(qtbot, Qt.Key.Key_Return)
    saved(qtbot, window)
    third = entry.fields[SurveyInstrument.IKM][2]
    assert entry.row_error.isVisible() or entry.row_error.isVisibleTo(entry)
    assert entry.row_error.text() == "Score each question from 1 to 4."
    assert third.property("invalid") is True and focused() is third
    assert SurveyResponse.select().count() == 0 and entry.model.rows == []
    # corrected in place, the row goes
    type_keys(qtbot, "3")
    key(qtbot, Qt.Key.Key_Return)
    saved(qtbot, window)
    assert SurveyResponse.select().count() == 1
    assert not third.property("invalid") and entry.row_error.isHidden()


def test_an_unknown_ticket_is_refused_under_the_ticket(qtbot, make_window, visits):
    window = make_window()
    entry = open_entry(qtbot, window)
    type_keys(qtbot, "K-042")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "4")
    key(qtbot, Qt.Key.Key_Return)
    saved(qtbot, window)
    assert entry.row_error.text().startswith("No ticket K-042 on ")
    assert entry.ticket.property("invalid") is True and focused() is entry.ticket
    assert SurveyResponse.select().count() == 0


def test_an_empty_row_is_not_saved(qtbot, make_window):
    window = make_window()
    entry = open_entry(qtbot, window)
    key(qtbot, Qt.Key.Key_Return)
    assert entry.row_error.text() == "Type at least one score."
    assert not window.calls.busy and SurveyResponse.select().count() == 0


def test_an_skd_row_takes_two_digit_scores(qtbot, make_window, visits):
    visit_id = visits.finished()
    window = make_window()
    entry = open_entry(qtbot, window)
    entry.instrument.setFocus()
    key(qtbot, Qt.Key.Key_Down)  # SKD
    assert entry.current_instrument() is SurveyInstrument.SKD
    entry.ticket.setFocus()
    type_keys(qtbot, "K-001")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    skd = entry.fields[SurveyInstrument.SKD]
    assert focused() is skd[0]
    type_keys(qtbot, "1091")  # 10 and 9, then a 1 waits for its 0 or a Tab
    assert [f.text() for f in skd[:4]] == ["10", "9", "1", ""]
    assert focused() is skd[2]
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is skd[3]
    type_keys(qtbot, "8")
    key(qtbot, Qt.Key.Key_Return)
    saved(qtbot, window)
    response = SurveyResponse.get(SurveyResponse.visit == visit_id)
    assert (response.instrument, response.channel) == ("skd", "paper")
    values = [
        (a.item, a.aspect, a.value)
        for a in SurveyAnswer.select()
        .where(SurveyAnswer.response == response.id)
        .order_by(SurveyAnswer.item, SurveyAnswer.aspect)
    ]
    assert values == [
        ("skd01", "importance", 10),
        ("skd01", "satisfaction", 9),
        ("skd02", "importance", 1),
        ("skd02", "satisfaction", 8),
    ]
