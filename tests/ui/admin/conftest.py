"""Admin windows on the test database (the supervisor fixtures, with the admin's window)."""

from __future__ import annotations

import pytest

from tests.ui.supervisor.conftest import make_window as supervisor_make_window  # noqa: F401
from tests.ui.supervisor.conftest import report_path  # noqa: F401
from ui.admin.window import AdminWindow


@pytest.fixture
def window(supervisor_make_window, admin):  # noqa: F811
    return supervisor_make_window(admin, cls=AdminWindow)
