"""Admin windows on the test database (the supervisor fixtures, with the admin's window)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.ui.supervisor.conftest import make_window as supervisor_make_window  # noqa: F401
from tests.ui.supervisor.conftest import report_path  # noqa: F401
from ui.admin.window import AdminWindow


def tabs_read(qtbot, window) -> None:
    """Every tab's rows have come from its reader thread."""
    for tab, _title in window.admin_tabs:
        qtbot.waitUntil(lambda tab=tab: not tab.reader.busy(), timeout=5000)


@pytest.fixture
def window(qtbot, supervisor_make_window, admin):  # noqa: F811
    made = supervisor_make_window(admin, cls=AdminWindow)
    tabs_read(qtbot, made)
    return made


@contextmanager
def answered(qtbot, window) -> Iterator[None]:
    """A change (a click) runs on the window's write thread: wait for its outcome, and for the
    rows the tab reads again after it."""
    with qtbot.waitSignal(window.calls.settled, timeout=5000):
        yield
    tabs_read(qtbot, window)
