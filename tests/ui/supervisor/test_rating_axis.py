"""The supervisor's count charts have whole ticks from 0: a bar of 5 reads 5, never between
labels 4 and 6."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from ui.supervisor.live_day import integer_axis


@pytest.mark.parametrize("top", [1, 4.8, 6, 7, 9.6, 13, 48, 130])
def test_the_axis_has_whole_ticks_and_reaches_the_top(top):
    highest, step = integer_axis(top)
    assert highest >= top and highest % step == 0
    assert highest // step <= 8 and step in (1, 2, 5, 10, 20, 50)


def tick_values(chart) -> list[float]:
    axis = chart.axes(Qt.Orientation.Vertical)[0]
    count = axis.tickCount()
    return [axis.min() + i * (axis.max() - axis.min()) / (count - 1) for i in range(count)]


def test_a_rating_bar_of_five_sits_on_a_whole_tick(make_window):
    window = make_window()
    day = window.live_day
    summary = SimpleNamespace(
        ratings=SimpleNamespace(distribution=[(1, 0), (2, 1), (3, 2), (4, 5)])
    )
    day._draw_ratings(summary)
    ticks = tick_values(day.rating_chart)
    assert all(t == int(t) for t in ticks), ticks
    assert 5 in ticks and ticks[0] == 0
