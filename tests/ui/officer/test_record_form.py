"""The record form measures its least width once, not on every resize (seen
in a stack sampler of the officer's F2+F8), and still changes its arrangement where it must."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from ui.officer.record_form import RecordForm


@pytest.fixture
def form(qtbot):
    holder = QWidget()  # as in the window: a child, which a layout does not hold at its minimum
    qtbot.addWidget(holder)
    holder.resize(1600, 600)
    f = RecordForm({}, "id", holder)
    f.setGeometry(0, 0, 1200, 500)
    holder.show()
    qtbot.waitExposed(holder)
    yield f  # (the holder lives as long as the test)


@pytest.fixture
def measured(form, monkeypatch):
    calls: list[bool] = []
    real = RecordForm._measure_least_width

    def counting(self, narrow: bool) -> int:
        calls.append(narrow)
        return real(self, narrow)

    monkeypatch.setattr(RecordForm, "_measure_least_width", counting)
    form._least_widths.clear()
    return calls


def test_resizing_measures_the_least_width_once(form, measured, qtbot):
    wide = form._least_width(narrow=False)
    for width in range(wide + 200, wide + 10, -20):  # a window dragged narrower, still wide
        form.resize(width, 500)
        QCoreApplication.processEvents()
    assert measured == [False]
    assert form._narrow is False


def test_narrow_and_wide_still_follow_the_width(form, qtbot):
    wide = form._least_width(narrow=False)
    form.resize(wide - 40, 500)
    qtbot.waitUntil(lambda: form._narrow is True)
    assert any("\n" in label.text() for label, _text in form._row_labels)
    form.resize(wide + 200, 500)
    qtbot.waitUntil(lambda: form._narrow is False)


@pytest.mark.parametrize(
    "change",
    [
        lambda f: f.setFont(QFont(f.font().family(), f.font().pointSize() + 6)),
        lambda f: QCoreApplication.sendEvent(f, QEvent(QEvent.Type.LanguageChange)),
        lambda f: f.subject.setMinimumWidth(400),  # a child that needs more room
    ],
    ids=["font", "language", "child"],
)
def test_a_change_of_font_language_or_child_measures_again(form, measured, qtbot, change):
    before = form._least_width(narrow=False)
    assert measured == [False]
    change(form)
    QCoreApplication.processEvents()  # the layout request reaches the form
    form._least_width(narrow=False)
    assert len(measured) >= 2
    if form.font().pointSize() > 20 or form.subject.minimumWidth() == 400:
        assert form._least_width(narrow=False) > before
