"""The guest-book search reads on a worker thread, once per pause in typing, and
Enter pressed before its answer came still picks the first visitor found."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from pst_desktop.frontdesk import guest_book
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm


def _register(window, clock, name="Budi Santoso", phone="081377778888"):
    return RegistrationService(clock).register(
        window.actor,
        VisitorForm(name=name, email="budi@example.com", phone=phone, gender="male", consent=True),
    )


def _recording(monkeypatch):
    real = guest_book.RegistrationService.find
    threads: list[threading.Thread] = []

    def find(self, actor, text, limit=10):
        threads.append(threading.current_thread())
        return real(self, actor, text, limit)

    monkeypatch.setattr(guest_book.RegistrationService, "find", find)
    return threads


def test_guest_book_search_runs_on_a_worker_thread_once_per_pause(
    qtbot, window, clock, monkeypatch
):
    _register(window, clock)
    calls = _recording(monkeypatch)
    qtbot.keyClicks(window.search, "santoso")  # seven keystrokes, no pause
    qtbot.waitUntil(lambda: window.search_results.isVisible())
    window.search_reader.wait()
    assert len(calls) == 1
    assert all(t is not threading.main_thread() for t in calls)
    assert "Budi Santoso" in window.search_results.item(0).text()


def test_enter_before_the_answer_came_picks_the_first_visitor(qtbot, window, clock):
    _register(window, clock)
    qtbot.keyClicks(window.search, "7777")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # at once: the search is still under way
    qtbot.waitUntil(lambda: window.form.name.text() == "Budi Santoso")
    assert not window.search_results.isVisible()
