"""``pst-desktop --self-check``: one line per check, exit 0 when the installation works."""

from __future__ import annotations

import pytest

from models.database import database_proxy
from pst_desktop import cli, selfcheck

# importing QtMultimedia on a machine without pipewire / a sound server says so, as warnings
pytestmark = pytest.mark.qt_log_ignore("Couldn't load", "Couldn't resolve")


@pytest.fixture(autouse=True)
def unbind():
    yield
    if database_proxy.obj is not None:
        database_proxy.obj.close()
    database_proxy.initialize(None)


def test_self_check_passes_without_touching_the_user_database(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("PST_DATA_DIR", str(tmp_path / "user-data"))
    assert cli.main(["--self-check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = ["resources", "database", "ticket", "translations", "modules"]
    assert [line.split(":")[0] for line in lines[:-1]] == [f"self-check {n}" for n in names]
    assert all(": ok: " in line for line in lines[:-1])
    assert lines[-1] == "self-check: all 5 checks passed"
    assert not (tmp_path / "user-data").exists()


def test_self_check_with_a_database_url_only_reads_it(capsys, db_url):
    assert cli.main(["--db", db_url, "--self-check"]) == 0
    out = capsys.readouterr().out
    assert "schema version 0" in out  # opened, not upgraded
    assert cli.main(["--db", db_url, "db", "init"]) == 0
    assert cli.main(["--db", db_url, "--self-check"]) == 0
    assert f"schema version {cli.migrations.LATEST}" in capsys.readouterr().out


def test_a_failed_check_is_reported_and_exits_1(capsys, monkeypatch):
    monkeypatch.setattr(
        selfcheck, "REQUIRED_RESOURCES", (*selfcheck.REQUIRED_RESOURCES, ("sounds", "gone.wav"))
    )
    assert cli.main(["--self-check"]) == 1
    out = capsys.readouterr().out
    assert "self-check resources: FAILED: RuntimeError: missing: sounds/gone.wav" in out
    assert out.splitlines()[-1] == "self-check: 1 of 5 checks FAILED"


def test_an_unreachable_server_fails_the_database_check(capsys):
    code = cli.main(["--db", "postgresql://nobody@127.0.0.1:1/none", "--self-check"])
    assert code == 1
    assert "self-check database: FAILED" in capsys.readouterr().out
