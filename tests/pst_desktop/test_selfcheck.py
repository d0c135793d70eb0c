"""``pst-desktop --self-check``: one line per check, exit 0 when the installation works.

Run as the program runs it: ``python -m pst_desktop`` (``pst_desktop.__main__``) sends it to the
window launcher (``ui.launch``), which runs the core's checks and then the windows'."""

from __future__ import annotations

import sys

import pytest

from models import migrations
from models.database import database_proxy
from pst_desktop import selfcheck
from pst_desktop.__main__ import main as pst_desktop

CHECKS = [
    "resources",
    "database",
    "ticket",
    "translations",
    "modules",
    "holidays",
    "office",
    "window receptionist",
    "window officer",
    "window supervisor",
    "window admin",
    "rating screen",
    "display board",
    "printing",
]

# importing QtMultimedia on a machine without pipewire / a sound server says so, as warnings; the
# display board's chime and voice say they have no sound device or speech engine here
pytestmark = pytest.mark.qt_log_ignore(
    "Couldn't load",
    "Couldn't resolve",
    "propagateSizeHints",
    "QSoundEffect",
    "text-to-speech",
    "PulseAudioService",
)


@pytest.fixture(autouse=True)
def unbind(qapp):
    """The self-check builds windows: it runs in the tests' QApplication."""
    yield
    if database_proxy.obj is not None:
        database_proxy.obj.close()
    database_proxy.initialize(None)


def test_self_check_passes_without_touching_the_user_database(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("PST_DATA_DIR", str(tmp_path / "user-data"))
    assert pst_desktop(["--self-check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"self-check {n}" for n in CHECKS]
    assert all(": ok: " in line for line in lines[:-1])
    assert lines[-1] == f"self-check: all {len(CHECKS)} checks passed"
    assert "cuti bersama; 1 January: Tahun Baru Masehi" in lines[CHECKS.index("holidays")]
    assert "page 80.1 × " in lines[CHECKS.index("printing")]
    assert not (tmp_path / "user-data").exists()


def test_self_check_with_a_database_url_only_reads_it(capsys, db_url):
    assert pst_desktop(["--db", db_url, "--self-check"]) == 0
    out = capsys.readouterr().out
    assert "schema version 0" in out  # opened, not upgraded
    assert pst_desktop(["--db", db_url, "db", "init"]) == 0
    assert pst_desktop(["--db", db_url, "--self-check"]) == 0
    assert f"schema version {migrations.LATEST}" in capsys.readouterr().out


def test_a_failed_check_is_reported_and_exits_1(capsys, monkeypatch):
    monkeypatch.setattr(
        selfcheck, "REQUIRED_RESOURCES", (*selfcheck.REQUIRED_RESOURCES, ("sounds", "gone.wav"))
    )
    assert pst_desktop(["--self-check"]) == 1
    out = capsys.readouterr().out
    assert "self-check resources: FAILED: RuntimeError: missing: sounds/gone.wav" in out
    assert out.splitlines()[-1] == f"self-check: 1 of {len(CHECKS)} checks FAILED"


def test_an_unreachable_server_fails_the_database_check(capsys):
    code = pst_desktop(["--db", "postgresql://nobody@127.0.0.1:1/none", "--self-check"])
    assert code == 1
    assert "self-check database: FAILED" in capsys.readouterr().out


def failed_checks(out: str) -> list[str]:
    return [
        line.split(":")[0].removeprefix("self-check ")
        for line in out.splitlines()[:-1]
        if ": FAILED: " in line
    ]


def test_a_build_without_the_holiday_names_fails(capsys, monkeypatch, tmp_path):
    """As the built program without holidays/locale/**.mo: F9 and the holidays fail."""
    from holidays import holiday_base

    real = holiday_base.translation
    empty = tmp_path / "no-locale"
    empty.mkdir()

    def without_mo_files(domain, localedir=None, *args, **kwargs):
        return real(domain, str(empty), *args, **kwargs)

    monkeypatch.setattr(holiday_base, "translation", without_mo_files)
    assert pst_desktop(["--self-check"]) == 1
    out = capsys.readouterr().out
    assert "self-check holidays: FAILED: FileNotFoundError: " in out
    assert "No translation file found for domain: 'ID'" in out
    assert {"holidays", "window receptionist", "printing"} <= set(failed_checks(out))
    assert out.splitlines()[-1].endswith("checks FAILED")


def test_a_build_without_qtcharts_fails_the_supervisor_and_admin(capsys, monkeypatch):
    """As the built program that excluded QtCharts: supervisor and admin sign-in crashed."""
    monkeypatch.setitem(sys.modules, "PySide6.QtCharts", None)  # import raises ImportError
    for name in [n for n in sys.modules if n.startswith(("ui.supervisor", "ui.admin"))]:
        monkeypatch.delitem(sys.modules, name)  # imported afresh, as at sign-in
    assert pst_desktop(["--self-check"]) == 1
    out = capsys.readouterr().out
    assert failed_checks(out) == ["modules", "window supervisor", "window admin"]
    assert "PySide6.QtCharts" in out
    assert out.splitlines()[-1] == f"self-check: 3 of {len(CHECKS)} checks FAILED"


def test_an_error_inside_a_window_fails_its_check(capsys, monkeypatch):
    """An exception in a slot or event handler (Qt only prints it) fails the window's check."""
    from ui.visitor.board import DisplayBoard

    def broken_refresh(self):
        raise RuntimeError("the board could not read the queue")

    monkeypatch.setattr(DisplayBoard, "refresh", broken_refresh)
    assert pst_desktop(["--self-check"]) == 1
    out = capsys.readouterr().out
    assert failed_checks(out) == ["display board"]
    assert "the board could not read the queue" in out


def test_a_printer_that_writes_nothing_fails_the_printing_check(capsys, monkeypatch):
    from pst_desktop.frontdesk.ticket_printing import PrintResult
    from ui import printing
    from ui.reception import output

    monkeypatch.setattr(output.TICKETS, "in_process", True)  # the stand-in is in this process
    monkeypatch.setattr(printing, "print_pdf", lambda *a, **k: PrintResult(True, "x", 1))
    assert pst_desktop(["--self-check"]) == 1
    out = capsys.readouterr().out
    assert "self-check printing: FAILED: RuntimeError: no PDF arrived from the PDF printer" in out


def test_the_core_checks_run_without_a_window(capsys):
    """The core's half (``pst_desktop.selfcheck``) needs QtCore only; the windows' checks come
    from the layer above (``ui.selfcheck``) and the core refuses ``--self-check`` without it."""
    lines: list[str] = []
    assert selfcheck.run_self_check(out=lines.append) == 0
    assert [line.split(":")[0] for line in lines[:-1]] == [f"self-check {n}" for n in CHECKS[:6]]
    assert lines[-1] == "self-check: all 6 checks passed"
    from pst_desktop import cli

    assert cli.main(["--self-check"]) == cli.EXIT_FAILED
    assert "starts windows" in capsys.readouterr().err
