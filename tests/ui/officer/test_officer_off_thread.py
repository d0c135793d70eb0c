"""The officer window reads past answers and the history, and writes the export,
on worker threads; typing in the history filter is debounced."""

from __future__ import annotations

import threading

from openpyxl import load_workbook
from PySide6.QtCore import Qt

import ui.officer.serve_tab as serve_tab
from models.entities import Role
from pst_desktop.officer import history
from tests.pst_desktop.officer_support import served_record


def _recording(monkeypatch, module, name):
    """Wrap ``module.name``: returns the list of threads it was called on."""
    real = getattr(module, name)
    threads: list[threading.Thread] = []

    def wrapper(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return threads


def test_past_answer_search_runs_on_a_worker_thread(
    qtbot, window, office, clock, make_actor, monkeypatch
):
    served_record(
        office,
        clock,
        make_actor(Role.OFFICER),
        make_actor,
        topic="Inflasi",
        question="Inflasi Kota Bengkulu?",
        answer="2,1 persen.",
    )
    calls = _recording(monkeypatch, serve_tab, "search")
    qtbot.keyClicks(window.serve_tab.search_edit, "inflasi")
    with qtbot.waitSignal(window.serve_tab.search_done, timeout=10_000) as shown:
        qtbot.keyClick(window.serve_tab.search_edit, Qt.Key.Key_Return)
    assert [h.answer for h in shown.args[0]] == ["2,1 persen."]
    assert calls and all(t is not threading.main_thread() for t in calls)
    assert threading.current_thread() is threading.main_thread()


def test_search_typing_is_debounced_into_one_query(qtbot, window, monkeypatch):
    calls = _recording(monkeypatch, serve_tab, "search")
    with qtbot.waitSignal(window.serve_tab.search_done, timeout=10_000):
        qtbot.keyClicks(window.serve_tab.search_edit, "kemiskinan")  # ten keystrokes, no pause
    window.serve_tab.search_reader.wait()
    assert len(calls) == 1


def test_history_reads_on_a_worker_thread_and_typing_is_debounced(
    qtbot, window, office, clock, make_actor, monkeypatch
):
    served_record(
        office,
        clock,
        make_actor(Role.OFFICER),
        make_actor,
        topic="Kemiskinan",
        question="Kemiskinan 2026?",
        answer="12,5 persen.",
    )
    window.tabs.setCurrentIndex(2)
    window.history_tab.reader.wait()  # the window's first read
    calls = _recording(monkeypatch, history, "history")
    with qtbot.waitSignal(window.history_tab.loaded, timeout=10_000):
        qtbot.keyClicks(window.history_tab.words, "kemiskin")  # eight keystrokes, no pause
    window.history_tab.reader.wait()
    assert len(calls) == 1  # one read after the pause, not one per key
    assert all(t is not threading.main_thread() for t in calls)
    assert [r.topic for r in window.history_tab.model.rows] == ["Kemiskinan"]


def test_a_stale_history_answer_never_overwrites_a_newer_one(
    qtbot, window, office, clock, make_actor
):
    served_record(
        office,
        clock,
        make_actor(Role.OFFICER),
        make_actor,
        topic="PDRB",
        question="PDRB?",
        answer="52,3 juta.",
    )
    window.history_tab.words.setText("zzz")
    window.refresh_history()  # older question
    window.history_tab.words.setText("pdrb")
    window.refresh_history()  # newer question
    window.history_tab.reader.wait()
    assert [r.topic for r in window.history_tab.model.rows] == ["PDRB"]


def test_the_export_is_written_on_a_worker_thread(
    qtbot, window, office, clock, make_actor, monkeypatch, tmp_path
):
    served_record(
        office,
        clock,
        make_actor(Role.OFFICER),
        make_actor,
        topic="Ekspor",
        question="Ekspor?",
        answer="Karet.",
    )
    calls = _recording(monkeypatch, history, "export_matching")
    with qtbot.waitSignal(window.history_tab.exported, timeout=20_000) as exported:
        window.history_tab.export(tmp_path / "riwayat.xlsx")
    assert calls and all(t is not threading.main_thread() for t in calls)
    values = list(load_workbook(exported.args[0]).active.values)
    assert values[1][7] == "Ekspor"
    assert window.history_tab.export_button.isEnabled()


def test_the_history_tab_shows_every_record_without_touching_a_filter(
    qtbot, window, office, clock, make_actor
):
    """The list showed the 1 record of the window's first read until a filter
    was touched, while 7 existed."""
    window.history_tab.reader.wait()  # the window's first read, before the day's records
    officer = make_actor(Role.OFFICER)
    for number in range(7):
        served_record(
            office,
            clock,
            officer,
            make_actor,
            topic=f"Topik {number}",
            question="Data?",
            answer="Ada.",
        )
    with qtbot.waitSignal(window.history_tab.loaded, timeout=10_000):
        window.tabs.setCurrentIndex(2)
    window.history_tab.reader.wait()
    assert len(window.history_tab.model.rows) == 7
