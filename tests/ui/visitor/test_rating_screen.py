"""The rating screen: asks when its desk's officer finishes, one tap is one rating, goes back
to idle by itself, stays shut for the public, and keeps a rating through a database outage."""

from __future__ import annotations

import peewee as pw
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit

from models.entities import Consultation, Desk, Rating, Role, Visit, VisitStatus
from pst_desktop.admin.administration import Administration
from pst_desktop.db.connection import open_database
from tests.pst_desktop.pg_proxy import PgProxy
from ui.visitor.rating_screen import RatingScreen


@pytest.fixture
def make_screen(qtbot, db, office, desk, clock, station, outbox, make_bus):
    def make(database=None, **kwargs):
        bus = make_bus(database)
        screen = RatingScreen(
            database or db, office, desk.id, clock, station, outbox, bus=bus,
            desk_name=desk.name, **kwargs,
        )  # fmt: skip
        qtbot.addWidget(screen)
        screen._unlocked = True  # let the test's teardown close it
        screen.resize(1920, 1080)
        screen.show()
        bus.start()
        screen.start()
        return screen

    yield make


def visible_text(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def asking(screen) -> bool:
    return screen.pages.currentWidget() is screen.ask_page


def test_finishing_a_visit_makes_the_screen_ask_through_the_live_bus(
    qtbot, make_screen, issue, queue, officer, desk, clock
):
    screen = make_screen()
    assert screen.pages.currentWidget() is screen.idle_page
    assert "Thank you for your visit" in visible_text(screen)
    issue()
    visit = queue.call_next(officer, desk.id)
    Consultation.create(
        visit=visit.id,
        question="Data kemiskinan Provinsi Bengkulu 2024",
        created_at=clock.now(),
        updated_at=clock.now(),
    )
    qtbot.wait(200)
    assert not asking(screen)  # called and served: nothing to rate yet
    queue.finish(officer, visit.id)
    qtbot.waitUntil(lambda: asking(screen), timeout=5000)
    text = visible_text(screen)
    assert desk.name in text and "Staf budi" in text
    assert "Data kemiskinan Provinsi Bengkulu 2024" in text
    for private in ("Siti", "081234567890", "example.com"):
        assert private not in text


def test_another_desks_visit_is_not_asked_about(
    qtbot, make_screen, issue, queue, make_actor, office, desk
):
    screen = make_screen()
    other = Desk.select().where((Desk.office == office.id) & (Desk.id != desk.id)).first()
    colleague = make_actor(Role.OFFICER)
    issue()
    visit = queue.call_next(colleague, other.id)
    queue.finish(colleague, visit.id)
    qtbot.wait(300)
    assert not asking(screen)


def test_one_tap_records_exactly_one_rating(qtbot, make_screen, issue, queue, officer, desk):
    screen = make_screen()
    issue()
    visit = queue.call_next(officer, desk.id)
    queue.finish(officer, visit.id)
    qtbot.waitUntil(lambda: asking(screen), timeout=5000)
    happy, unhappy = screen.face_buttons[3], screen.face_buttons[0]
    qtbot.mouseClick(happy, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(happy, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(unhappy, Qt.MouseButton.LeftButton)
    screen.tap(2)
    assert screen.pages.currentWidget() is screen.comment_page
    ratings = list(Rating.select())
    assert [(r.visit_id, r.score, r.officer_id) for r in ratings] == [
        (visit.id, 4, officer.user_id)
    ]
    screen.chip_buttons[0].setChecked(True)
    qtbot.keyClicks(screen.comment_edit, "Terima kasih")
    qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentWidget() is screen.thanks_page
    assert Rating.get(Rating.visit == visit.id).comment == "Friendly officer; Terima kasih"
    assert Visit.get_by_id(visit.id).status == VisitStatus.DONE.value
    qtbot.wait(300)  # the rating's own change reaches the bus: it must not ask again
    assert Rating.select().count() == 1


def test_the_screen_returns_to_idle_by_itself(
    qtbot, make_screen, issue, queue, officer, desk, station
):
    station.rating_ask_seconds = 1
    station.rating_thanks_seconds = 1
    station.rating_comment_seconds = 1
    screen = make_screen()
    issue()
    visit = queue.call_next(officer, desk.id)
    queue.finish(officer, visit.id)
    qtbot.waitUntil(lambda: asking(screen), timeout=5000)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.idle_page, timeout=3000)
    assert Rating.select().count() == 0
    qtbot.wait(200)
    assert not asking(screen)  # a visit is asked about once
    # and after a tap: comment → thanks → idle, all by itself
    issue()
    second = queue.call_next(officer, desk.id)
    queue.finish(officer, second.id)
    qtbot.waitUntil(lambda: asking(screen), timeout=5000)
    screen.tap(3)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.idle_page, timeout=4000)
    assert Rating.get(Rating.visit == second.id).score == 3


def test_the_public_cannot_close_the_kiosk(qtbot, make_screen, admin, clock):
    Administration(clock).save_kiosk_pin(admin, "2468")
    screen = make_screen(kiosk=True)
    screen._unlocked = False
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert screen.close() is False and screen.isVisible()
    assert screen.pages.currentWidget() is screen.unlock_page
    qtbot.keyClick(screen, Qt.Key.Key_Escape)  # back to the idle screen
    assert screen.pages.currentWidget() is screen.idle_page
    for _ in range(5):
        qtbot.mouseClick(screen.logo_label, Qt.MouseButton.LeftButton)
    assert screen.pages.currentWidget() is screen.unlock_page
    assert screen.unlock_pin.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(screen.unlock_pin, "12ab34")  # digits only
    assert screen.unlock_pin.text() == "1234"
    screen.try_unlock()
    assert screen.isVisible() and "Wrong PIN" in screen.unlock_error.text()
    assert screen.unlock_pin.text() == ""
    qtbot.keyClicks(screen.unlock_pin, "2468")
    with qtbot.waitSignal(screen.closed, timeout=1000):
        qtbot.keyClick(screen.unlock_pin, Qt.Key.Key_Return)
    assert not screen.isVisible()


def test_the_shortcut_asks_for_the_pin_and_none_set_keeps_it_shut(qtbot, make_screen):
    screen = make_screen(kiosk=True)
    screen._unlocked = False
    (shortcut,) = [
        s for s in screen.findChildren(QShortcut) if s.key() == QKeySequence("Ctrl+Shift+Q")
    ]
    shortcut.activated.emit()
    assert screen.pages.currentWidget() is screen.unlock_page
    qtbot.keyClicks(screen.unlock_pin, "2468")
    screen.try_unlock()
    assert screen.isVisible()
    assert "Ask the administrator to set one" in screen.unlock_error.text()
    screen._unlocked = True


def test_five_wrong_pins_make_the_screen_wait(qtbot, make_screen, admin, clock):
    Administration(clock).save_kiosk_pin(admin, "2468")
    screen = make_screen(kiosk=True)
    screen._unlocked = False
    screen.ask_unlock()
    for _ in range(5):
        qtbot.keyClicks(screen.unlock_pin, "0000")
        screen.try_unlock()
        assert "Wrong PIN" in screen.unlock_error.text()
    qtbot.keyClicks(screen.unlock_pin, "2468")
    screen.try_unlock()
    assert screen.isVisible() and "Try again in" in screen.unlock_error.text()
    screen._unlocked = True


@pytest.mark.postgres
def test_a_rating_made_while_the_server_is_unreachable_is_written_when_it_returns(
    qtbot, db, db_url, make_screen, issue, queue, officer, desk
):
    if isinstance(db, pw.SqliteDatabase):
        pytest.skip("a network outage needs the PostgreSQL server")
    proxy = PgProxy(db_url)
    proxy.start()
    try:
        through_proxy = open_database(proxy.url(), upgrade=False)
        screen = make_screen(through_proxy)
        issue()
        visit = queue.call_next(officer, desk.id)
        queue.finish(officer, visit.id)
        qtbot.waitUntil(lambda: asking(screen), timeout=5000)
        proxy.stop()  # the network goes down
        with qtbot.waitSignal(screen.bus.online, timeout=5000):
            pass
        screen.tap(1)
        assert screen.kiosk.outbox.pending_visits() == {visit.id}
        assert screen.status_line.isVisible()
        proxy.start()  # and comes back: the bus reconnects, the outbox is written
        qtbot.waitUntil(lambda: not screen.kiosk.outbox.pending(), timeout=15000)
        assert Rating.get(Rating.visit == visit.id).score == 1
        assert Rating.select().count() == 1
        qtbot.waitUntil(lambda: not screen.status_line.isVisible(), timeout=3000)
    finally:
        proxy.stop()


def test_the_office_wide_question_and_scale_from_the_admin_apply(make_screen, admin, clock):
    from pst_desktop.admin.administration import Administration

    Administration(clock).save_rating(admin, question="Puaskah Anda hari ini?", scale=6)
    screen = make_screen()
    assert screen.ask_title.text() == "Puaskah Anda hari ini?"
    assert len(screen.face_buttons) == 6
    assert screen.kiosk.scale_max == 6


def test_a_visit_finished_while_the_last_one_is_thanked_is_asked_next(
    qtbot, make_screen, issue, queue, officer, desk, station
):
    """The office-day run: the officer finished D-005 four seconds after K-006 was rated, while
    the screen still said thank you; the screen went back to idle and never asked."""
    station.rating_thanks_seconds = 1
    screen = make_screen()
    issue()
    first = queue.call_next(officer, desk.id)
    queue.finish(officer, first.id)
    qtbot.waitUntil(lambda: asking(screen), timeout=5000)
    screen.tap(4)
    screen.skip_comment()
    assert screen.pages.currentWidget() is screen.thanks_page
    issue()
    second = queue.call_next(officer, desk.id)
    queue.finish(officer, second.id)  # while "thank you" is on screen
    qtbot.waitUntil(lambda: asking(screen), timeout=4000)
    assert screen.kiosk.prompt.visit_id == second.id
