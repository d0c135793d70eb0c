"""The survey on the rating screen: after the tap when the office runs one, each answer recorded
as it is given, skip and end always there, back to idle by itself keeping the answers, the
reasons after a low face, and no keyboard taken from the officer's window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from models.entities import (
    Rating,
    RatingReason,
    SurveyAnswer,
    SurveyChoice,
    SurveyInstrument,
    SurveyResponse,
)
from pst_desktop.admin.survey_settings import skd_attributes
from pst_desktop.visitor.instruments import IKM_ELEMENTS, REASON_CHIPS
from tests.pst_desktop.visitor.survey_support import run_survey
from tests.pst_desktop.visitor.test_survey_outbox import Outage
from ui.visitor.app import open_rating_screen
from ui.visitor.rating_screen import RatingScreen


def settle(screen: RatingScreen) -> None:
    """Wait for the screen's reads and writes under way (they run on worker threads)."""
    screen.survey_page.reader.wait()
    screen.survey_sender.wait()


@pytest.fixture
def make_screen(qtbot, db, office, desk, clock, station, outbox, make_bus):
    screens = []

    def make(**kwargs):
        bus = make_bus()
        screen = RatingScreen(
            db, office, desk.id, clock, station, outbox, bus=bus, desk_name=desk.name, **kwargs
        )
        qtbot.addWidget(screen)
        screen._unlocked = True  # let the teardown close it
        screen.resize(1366, 768)
        screen.show()
        bus.start()
        screen.start()
        screens.append(screen)
        return screen

    yield make
    for screen in screens:
        settle(screen)


@pytest.fixture
def finish(issue, queue, officer, desk):
    """The officer of the desk finishes a visit; its id."""

    def finish() -> int:
        issue()
        visit = queue.call_next(officer, desk.id)
        queue.finish(officer, visit.id)
        return visit.id

    return finish


def shown(screen: RatingScreen):
    return screen.pages.currentWidget()


def asked(qtbot, screen: RatingScreen, visit: int) -> None:
    """The screen asks about ``visit``, and has read its survey meanwhile."""
    qtbot.waitUntil(lambda: shown(screen) is screen.ask_page, timeout=5000)
    assert screen.kiosk.prompt.visit_id == visit
    qtbot.waitUntil(lambda: not screen.survey_page.reader.busy(), timeout=5000)


def visible_text(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def answers(visit: int) -> dict[str, int]:
    return {
        f"{a.item}/{a.aspect}": a.value
        for a in SurveyAnswer.select().join(SurveyResponse).where(SurveyResponse.visit == visit)
    }


def tap_answer(qtbot, screen: RatingScreen, row: int, value: int) -> None:
    """Tap the answer worth ``value`` on the current screen's line ``row`` and wait for it."""
    survey = screen.survey_page
    low = survey.shown.questions[row].low
    qtbot.mouseClick(survey.buttons[row][value - low], Qt.MouseButton.LeftButton)
    screen.survey_sender.wait()


def test_a_rating_goes_on_to_the_survey_when_the_office_runs_one(
    qtbot, make_screen, finish, admin, clock
):
    run_survey(admin, clock, SurveyChoice.IKM)
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(4)
    assert shown(screen) is screen.survey_page
    survey = screen.survey_page
    assert survey.progress_label.text() == "1 / 9"
    text = visible_text(screen)
    first = IKM_ELEMENTS[0]  # the regulation's wording, in the station's language (Indonesian)
    assert first.name("id") in text and first.question("id") in text
    words = [b.label.text() for b in survey.buttons[0]]
    assert words == list(first.answers("id"))
    assert survey.skip_button.isVisible() and survey.end_button.isVisible()
    for private in ("Siti", "081234567890", "example.com"):
        assert private not in text
    tap_answer(qtbot, screen, 0, 3)
    assert answers(visit) == {"U1/score": 3}
    assert survey.progress_label.text() == "2 / 9"
    # the rating itself is as before: one, with its score
    assert [(r.visit_id, r.score) for r in Rating.select()] == [(visit, 4)]


def test_a_tap_before_the_survey_is_read_goes_on_to_it_when_it_comes(
    qtbot, make_screen, finish, admin, clock
):
    run_survey(admin, clock, SurveyChoice.IKM)
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    survey = screen.survey_page
    survey._visit = None
    survey.prepare(visit)  # read again: its answer comes through the event loop, after the tap
    screen.tap(4)
    assert shown(screen) is screen.comment_page
    qtbot.waitUntil(lambda: shown(screen) is survey, timeout=5000)
    assert survey.progress_label.text() == "1 / 9"


def test_no_survey_runs_the_rating_goes_on_as_before(qtbot, make_screen, finish):
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(4)
    assert shown(screen) is screen.comment_page
    assert screen.chip_buttons[0].isVisible() and not screen.reason_chips.isVisible()
    assert SurveyResponse.select().count() == 0


def test_each_answer_is_recorded_as_given_and_skip_leaves_one_unanswered(
    qtbot, make_screen, finish, admin, clock
):
    run_survey(admin, clock, SurveyChoice.IKM)
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(3)
    survey = screen.survey_page
    tap_answer(qtbot, screen, 0, 4)
    assert answers(visit) == {"U1/score": 4}
    qtbot.mouseClick(survey.skip_button, Qt.MouseButton.LeftButton)  # U2 left out
    assert survey.progress_label.text() == "3 / 9"
    tap_answer(qtbot, screen, 0, 2)
    assert answers(visit) == {"U1/score": 4, "U3/score": 2}
    # the visitor ends it: on to the comment, the answers kept, nothing more
    qtbot.mouseClick(survey.end_button, Qt.MouseButton.LeftButton)
    settle(screen)
    assert shown(screen) is screen.comment_page and not survey.active
    assert answers(visit) == {"U1/score": 4, "U3/score": 2}
    assert SurveyResponse.select().count() == 1


def test_the_last_answer_goes_on_to_the_comment_then_thanks(
    qtbot, make_screen, finish, admin, clock
):
    run_survey(admin, clock, SurveyChoice.IKM)
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(4)
    for n in range(9):
        assert screen.survey_page.progress_label.text() == f"{n + 1} / 9"
        tap_answer(qtbot, screen, 0, 1 + n % 4)
    assert shown(screen) is screen.comment_page
    assert len(answers(visit)) == 9
    screen.skip_comment()
    assert shown(screen) is screen.thanks_page


def test_an_skd_attribute_is_one_screen_of_two_questions(qtbot, make_screen, finish, admin, clock):
    run_survey(admin, clock, SurveyChoice.SKD)
    attributes = skd_attributes()
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(4)
    survey = screen.survey_page
    assert survey.progress_label.text() == f"1 / {len(attributes)}"
    assert attributes[0].label("id") in visible_text(screen)
    assert [len(row) for row in survey.buttons] == [10, 10]
    code = attributes[0].code
    # satisfaction tapped first waits for the importance: the answers go in the form's order
    tap_answer(qtbot, screen, 1, 7)
    assert answers(visit) == {} and survey.progress_label.text() == f"1 / {len(attributes)}"
    tap_answer(qtbot, screen, 0, 9)
    assert answers(visit) == {f"{code}/importance": 9, f"{code}/satisfaction": 7}
    assert survey.progress_label.text() == f"2 / {len(attributes)}"
    # a line once answered keeps its answer
    second = attributes[1].code
    tap_answer(qtbot, screen, 0, 5)
    tap_answer(qtbot, screen, 0, 6)
    assert [b.isChecked() for b in survey.buttons[0]].index(True) == 4
    qtbot.mouseClick(survey.skip_button, Qt.MouseButton.LeftButton)  # its satisfaction skipped
    screen.survey_sender.wait()
    assert answers(visit)[f"{second}/importance"] == 5
    assert f"{second}/satisfaction" not in answers(visit)


def test_both_surveys_ikm_first_then_skd(qtbot, make_screen, finish, admin, clock):
    run_survey(admin, clock, SurveyChoice.BOTH)
    total = 9 + len(skd_attributes())
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(4)
    survey = screen.survey_page
    assert survey.progress_label.text() == f"1 / {total}"
    assert "IKM" in survey.name_label.text()
    for _ in range(9):
        qtbot.mouseClick(survey.skip_button, Qt.MouseButton.LeftButton)
    assert "SKD" in survey.name_label.text()
    assert survey.progress_label.text() == f"10 / {total}"
    settle(screen)
    # both responses are there ("asked"), with no answer: a visitor may skip everything
    assert {r.instrument for r in SurveyResponse.select()} == {
        SurveyInstrument.IKM.value,
        SurveyInstrument.SKD.value,
    }
    assert answers(visit) == {}


def test_the_pause_returns_to_idle_and_keeps_what_was_answered(
    qtbot, make_screen, finish, admin, clock, station
):
    run_survey(admin, clock, SurveyChoice.SKD)
    station.rating_comment_seconds = 1
    station.rating_thanks_seconds = 1
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(4)
    code = skd_attributes()[0].code
    tap_answer(qtbot, screen, 0, 8)  # importance sent; satisfaction never tapped
    assert shown(screen) is screen.survey_page
    qtbot.waitUntil(lambda: shown(screen) is screen.idle_page, timeout=4000)
    settle(screen)
    assert not screen.survey_page.active
    assert answers(visit) == {f"{code}/importance": 8}
    # the next visitor is asked as usual
    second = finish()
    asked(qtbot, screen, second)


def test_a_tap_left_on_screen_by_the_pause_is_kept(qtbot, make_screen, finish, admin, clock):
    """The satisfaction tapped before the importance waits on the screen: the pause sends it."""
    run_survey(admin, clock, SurveyChoice.SKD)
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(4)
    code = skd_attributes()[0].code
    tap_answer(qtbot, screen, 1, 6)
    assert answers(visit) == {}
    screen._stage_timeout()  # the pause
    settle(screen)
    assert shown(screen) is screen.idle_page
    assert answers(visit) == {f"{code}/satisfaction": 6}


def test_the_officers_next_visit_ends_a_survey_left_on_screen(
    qtbot, make_screen, finish, admin, clock
):
    run_survey(admin, clock, SurveyChoice.IKM)
    screen = make_screen()
    first = finish()
    asked(qtbot, screen, first)
    screen.tap(4)
    tap_answer(qtbot, screen, 0, 3)
    second = finish()  # the survey's visitor has gone
    asked(qtbot, screen, second)
    settle(screen)
    assert answers(first) == {"U1/score": 3}


def test_a_low_face_asks_for_reasons_and_records_them(qtbot, make_screen, finish):
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(1)
    assert shown(screen) is screen.comment_page
    assert screen.reason_chips.isVisible()
    assert not any(chip.isVisible() for chip in screen.chip_buttons)
    chips = screen.reason_chips.buttons
    assert [c.text() for c in chips] == [chip.text("id") for chip in REASON_CHIPS]
    assert 3 <= len(chips) <= 4
    qtbot.mouseClick(chips[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chips[1], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.comment_edit, "Antrian lama")
    qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    settle(screen)
    assert shown(screen) is screen.thanks_page
    rating = Rating.get(Rating.visit == visit)
    assert rating.comment == "Antrian lama"  # the reasons are reasons, not comment text
    assert sorted(r.element for r in RatingReason.select()) == sorted(
        [REASON_CHIPS[0].element, REASON_CHIPS[1].element]
    )


def test_reasons_tapped_before_the_pause_still_count(qtbot, make_screen, finish, station):
    station.rating_comment_seconds = 1
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(2)  # low on the 4-face scale
    screen.reason_chips.buttons[2].setChecked(True)
    qtbot.waitUntil(lambda: shown(screen) is screen.thanks_page, timeout=4000)
    settle(screen)
    assert [r.element for r in RatingReason.select()] == [REASON_CHIPS[2].element]
    assert Rating.get(Rating.visit == visit).comment == ""


def test_a_high_face_shows_the_usual_chips(qtbot, make_screen, finish):
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(3)
    assert not screen.reason_chips.isVisible()
    assert all(chip.isVisible() for chip in screen.chip_buttons)


def test_after_the_ikm_in_the_survey_a_low_face_asks_no_reasons(
    qtbot, make_screen, finish, admin, clock
):
    run_survey(admin, clock, SurveyChoice.IKM)
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(1)
    tap_answer(qtbot, screen, 0, 1)
    screen.survey_page.end()
    assert shown(screen) is screen.comment_page
    assert not screen.reason_chips.isVisible()
    # a low face whose visitor skipped every element is asked for reasons
    screen.skip_comment()
    screen.kiosk.idle()
    second = finish()
    asked(qtbot, screen, second)
    screen.tap(1)
    screen.survey_page.end()
    assert screen.reason_chips.isVisible()
    # and so is one whose visit gets no survey, after a visitor who answered the IKM
    screen.skip_comment()
    screen.kiosk.idle()
    third = finish()
    asked(qtbot, screen, third)
    screen.tap(1)
    tap_answer(qtbot, screen, 0, 1)
    screen.survey_page.end()
    assert not screen.reason_chips.isVisible()
    screen.skip_comment()
    screen.kiosk.idle()
    run_survey(admin, clock, SurveyChoice.NONE)
    fourth = finish()
    asked(qtbot, screen, fourth)
    screen.tap(1)
    assert shown(screen) is screen.comment_page and screen.reason_chips.isVisible()


def test_answers_given_during_an_outage_are_kept_and_sent_later(
    qtbot, db, make_screen, finish, admin, clock
):
    run_survey(admin, clock, SurveyChoice.IKM)
    screen = make_screen()
    visit = finish()
    asked(qtbot, screen, visit)
    screen.tap(4)
    settle(screen)  # the response is there ("asked")
    with Outage(db):
        tap_answer(qtbot, screen, 0, 4)
        tap_answer(qtbot, screen, 0, 3)
        assert screen.status_line.isVisibleTo(screen)  # kept: the line says so
    outbox = screen.survey_sender.outbox
    assert [p.answers for p in outbox.pending()] == [[["U1", "score", 4], ["U2", "score", 3]]]
    assert answers(visit) == {}
    screen.flush()  # the screen's retry (its timer, or the bus back online)
    settle(screen)
    assert outbox.pending() == []
    assert answers(visit) == {"U1/score": 4, "U2/score": 3}


def test_no_keyboard_is_taken_from_the_officers_window(
    qtbot, db, office, desk, clock, station, outbox, finish, admin
):
    run_survey(admin, clock, SurveyChoice.BOTH)
    beside = open_rating_screen(db, office, desk.id, clock, station, outbox=outbox)
    qtbot.addWidget(beside)
    staff = QLineEdit()  # the officer's window, typing
    qtbot.addWidget(staff)
    try:
        assert beside.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
        assert beside.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        qtbot.wait(100)  # (the offscreen platform activates every window shown: the officer's last)
        staff.show()
        staff.activateWindow()
        staff.setFocus()
        qtbot.waitUntil(staff.hasFocus, timeout=3000)
        visit = finish()
        beside.check()
        asked(qtbot, beside, visit)
        beside.tap(1)
        survey = beside.survey_page
        seen = []
        for _ in range(9):  # every IKM screen, then an SKD one
            seen += [b for row in survey.buttons for b in row]
            tap_answer(qtbot, beside, 0, 2)
        seen += [b for row in survey.buttons for b in row]
        seen += [survey.skip_button, survey.end_button, *beside.reason_chips.buttons]
        assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in seen)
        qtbot.mouseClick(survey.end_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(beside.send_button, Qt.MouseButton.LeftButton)
        qtbot.wait(100)
        assert QApplication.focusWidget() is staff
        assert QApplication.activeWindow() is staff
    finally:
        settle(beside)
        beside.bus.stop()
        beside._unlocked = True
        beside.close()


def test_a_stand_alone_kiosk_answers_by_keyboard(
    qtbot, db, office, desk, clock, station, outbox, finish, admin
):
    run_survey(admin, clock, SurveyChoice.IKM)
    kiosk = open_rating_screen(
        db, office, desk.id, clock, station, outbox=outbox, standalone=True, windowed=True
    )
    qtbot.addWidget(kiosk)
    try:
        visit = finish()
        kiosk.check()
        asked(qtbot, kiosk, visit)
        kiosk.tap(4)
        survey = kiosk.survey_page
        row = survey.buttons[0]
        assert all(b.focusPolicy() == Qt.FocusPolicy.StrongFocus for b in row)
        row[1].setFocus()
        qtbot.keyClick(row[1], Qt.Key.Key_Right)
        assert row[2].hasFocus()
        qtbot.keyClick(row[2], Qt.Key.Key_Return)
        kiosk.survey_sender.wait()
        assert answers(visit) == {"U1/score": 3}
        assert isinstance(survey.skip_button, QPushButton)
        assert survey.skip_button.focusPolicy() == Qt.FocusPolicy.StrongFocus
    finally:
        settle(kiosk)
        kiosk.bus.stop()
        kiosk._unlocked = True
        kiosk.close()
