"""The layers hold: the core (``pst_desktop``, ``models``) imports nothing but QtCore from Qt and no
window; the print path and the window commands live above it, in ``ui/``."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import models
import pst_desktop

ROOT = Path(__file__).resolve().parents[1]

#: Qt modules the core must not load (QtCore is the core's only Qt)
ABOVE_THE_CORE = ("PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtPdf", "PySide6.QtPrintSupport")

#: core modules that are explicitly the layer above: none today (the entry point,
#: ``pst_desktop.__main__``, imports ``ui.launch`` only when a window command runs)
ALLOWED: frozenset[str] = frozenset()


def core_modules() -> list[str]:
    """Every module of ``pst_desktop`` and ``models``, the entry point included."""
    names = [
        info.name
        for package in (pst_desktop, models)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}.")
        if not info.name.rsplit(".", 1)[-1].startswith("_")
    ]
    return sorted({*names, "pst_desktop", "pst_desktop.__main__", "models"} - ALLOWED)


def _loaded_after(code: str, folder: Path) -> list[str]:
    """The modules loaded by running ``code`` in a fresh interpreter (no Qt app, no conftest);
    its logs and data go to ``folder``."""
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    env = {**os.environ, "PST_LOG_DIR": str(folder), "PST_DATA_DIR": str(folder)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _forbidden(loaded: list[str]) -> list[str]:
    return [
        name for name in loaded if name in ABOVE_THE_CORE or name == "ui" or name.startswith("ui.")
    ]


def test_the_core_imports_no_gui_qt_and_no_window(tmp_path):
    modules = core_modules()
    assert "pst_desktop.frontdesk.ticket_printing" in modules and "pst_desktop.selfcheck" in modules
    loaded = _loaded_after("\n".join(f"import {name}" for name in modules), tmp_path)
    assert set(modules) <= set(loaded)
    assert _forbidden(loaded) == []


def test_the_command_line_imports_no_window_and_runs_admin_commands_without_one(tmp_path):
    loaded = _loaded_after(
        "import contextlib, io\n"
        "from pst_desktop.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['--help']) == 0\n"
        "    assert main(['db', 'grants', '--print']) == 0\n",
        tmp_path,
    )
    assert "pst_desktop.cli" in loaded and "pst_desktop.db.grants" in loaded
    assert _forbidden(loaded) == []


def test_the_layer_above_is_where_the_print_path_and_the_windows_are(tmp_path):
    """The check above is not empty: the same question finds them in ``ui.launch``'s world."""
    loaded = _loaded_after("import ui.launch, ui.printing", tmp_path)
    assert {"PySide6.QtPdf", "PySide6.QtPrintSupport", "ui.launch"} <= set(loaded)
