import io

import pytest

from models.database import database_proxy
from models.entities import UserAccount
from models.migrations import LATEST
from pst_desktop import cli


@pytest.fixture(autouse=True)
def unbind():
    yield
    if database_proxy.obj is not None:
        database_proxy.obj.close()
    database_proxy.initialize(None)


def run(capsys, *argv, stdin: str = ""):
    import sys

    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = cli.main(list(argv))
    finally:
        sys.stdin = old
    out = capsys.readouterr()
    return code, out.out, out.err


def test_db_init_status_and_user_add(capsys, db_url):
    code, out, _ = run(capsys, "--db", db_url, "db", "status")
    assert code == 0 and "schema version: 0" in out
    code, out, _ = run(capsys, "--db", db_url, "db", "init")
    assert code == 0 and "created office" in out and f"to {LATEST}" in out
    code, out, _ = run(capsys, "--db", db_url, "db", "upgrade")
    assert code == 0 and f"already at version {LATEST}" in out
    code, out, _ = run(
        capsys, "--db", db_url, "user", "add", "Admin", "--role", "admin", stdin="rahasia-123\n"
    )
    assert code == 0 and "account admin (admin) created" in out
    code, out, _ = run(
        capsys, "--db", db_url, "user", "add", "rina", "--role", "officer", stdin="rahasia-456\n"
    )
    assert code == 0
    assert UserAccount.get(UserAccount.username == "rina").role == "officer"
    code, out, _ = run(capsys, "--db", db_url, "db", "status")
    assert "accounts: 2" in out


def test_short_password_is_one_clear_line(capsys, db_url):
    run(capsys, "--db", db_url, "db", "init")
    code, _, err = run(capsys, "--db", db_url, "user", "add", "x", "--role", "admin", stdin="123\n")
    assert code == 1
    assert err.strip() == "pst-desktop: The password needs at least 8 characters."


def test_user_add_before_init(capsys, db_url):
    code, _, err = run(capsys, "--db", db_url, "user", "add", "x", "--role", "admin", stdin="x\n")
    assert code == 1 and "db init" in err


def test_unreachable_server_is_one_line_not_a_traceback(capsys):
    code, _, err = run(capsys, "--db", "postgresql://pst@127.0.0.1:1/pst", "db", "status")
    assert code == 1
    assert err.startswith("pst-desktop: cannot connect to postgresql://pst@127.0.0.1:1/pst")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_bad_arguments_exit_2(capsys):
    code, _, err = run(capsys, "user", "add", "x", "--role", "boss")
    assert code == 2 and "invalid choice" in err
    code, _, err = run(capsys, "--db", "ftp://x", "db", "status")
    assert code == 1 and "unknown database URL scheme" in err


# -- without a terminal (the windowed program on Windows, scripts) --------------------------------
def test_user_add_takes_the_password_from_the_environment_without_stdin(
    capsys, monkeypatch, db_url
):
    import sys

    from pst_desktop.admin.accounts import AccountService
    from pst_desktop.core.clock import SystemClock

    assert cli.main(["--db", db_url, "db", "init"]) == 0
    monkeypatch.setenv("PST_USER_PASSWORD", "rahasia-env-1")
    monkeypatch.setattr(sys, "stdin", None)  # a windowed program has no stdin at all
    code = cli.main(["--db", db_url, "user", "add", "Admin", "--role", "admin"])
    assert code == 0 and "account admin (admin) created" in capsys.readouterr().out
    account = AccountService(SystemClock()).authenticate("admin", "rahasia-env-1")
    assert account.role == "admin"


def test_user_add_without_stdin_or_variable_is_one_clear_line(capsys, monkeypatch, db_url):
    import sys

    assert cli.main(["--db", db_url, "db", "init"]) == 0
    capsys.readouterr()
    monkeypatch.delenv("PST_USER_PASSWORD", raising=False)
    monkeypatch.setattr(sys, "stdin", None)
    code = cli.main(["--db", db_url, "user", "add", "admin", "--role", "admin"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().splitlines() == [
        "pst-desktop: no password: set PST_USER_PASSWORD, or type or pipe it into pst-desktop-cli"
    ]
    assert UserAccount.select().count() == 0


def test_user_add_with_an_empty_pipe_says_so(capsys, monkeypatch, db_url):
    monkeypatch.delenv("PST_USER_PASSWORD", raising=False)
    assert run(capsys, "--db", db_url, "db", "init")[0] == 0
    code, _, err = run(capsys, "--db", db_url, "user", "add", "x", "--role", "admin", stdin="")
    assert code == 1 and err.startswith("pst-desktop: no password on stdin")


def test_a_command_without_stdout_writes_to_the_log(monkeypatch, tmp_path, db_url):
    """Linux, or Windows with no console to attach to: nothing crashes, the output is logged."""
    import logging
    import sys

    monkeypatch.setenv("PST_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(logging.getLogger(), "handlers", [])  # no logging set up yet
    console_logger = logging.getLogger("pst_desktop.console")
    monkeypatch.setattr(console_logger, "handlers", [])
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert cli.main(["--db", db_url, "db", "init"]) == 0
    assert cli.main(["--db", "ftp://x", "db", "status"]) == 1
    for handler in console_logger.handlers:
        handler.close()
    log = (tmp_path / "logs" / "pst-desktop.log").read_text(encoding="utf-8")
    lines = log.splitlines()  # "time LEVEL logger [station user] message" (pst_desktop.core.logs)
    assert any(
        "INFO pst_desktop.console " in line
        and line.endswith(f"schema upgraded from version 0 to {LATEST}")
        for line in lines
    )
    assert any(
        "ERROR pst_desktop.console " in line and "pst-desktop: unknown database URL scheme" in line
        for line in lines
    )


def test_a_windowed_windows_program_prints_on_the_console_it_was_started_from(
    monkeypatch, tmp_path
):
    import sys

    console = open(tmp_path / "CONOUT.txt", "w", encoding="utf-8")  # noqa: SIM115
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    attached = []
    how = cli.ensure_output_streams(
        platform="win32", attach=lambda: attached.append(1) or True, open_console=lambda: console
    )
    assert how == "console" and attached == [1]
    assert sys.stdout is console and sys.stderr is console
    print("schema already at version 6")
    console.close()
    assert (tmp_path / "CONOUT.txt").read_text() == "schema already at version 6\n"


def test_no_console_to_attach_to_falls_back_to_the_log(monkeypatch, tmp_path):
    import sys

    monkeypatch.setenv("PST_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    how = cli.ensure_output_streams(platform="win32", attach=lambda: False)
    assert how == "log"
    assert sys.stdout.write("x\n") == 2 and not sys.stdout.isatty()


def test_a_console_program_keeps_its_streams(capsys):
    import sys

    before = (sys.stdout, sys.stderr)
    assert cli.ensure_output_streams(platform="win32", attach=lambda: 1 / 0) == ""
    assert (sys.stdout, sys.stderr) == before


def test_only_commands_get_a_console_not_the_app():
    assert cli._is_command(["db", "status"]) and cli._is_command(["--self-check"])
    assert cli._is_command(["--db", "sqlite:///x.db", "user", "add", "a", "--role", "admin"])
    assert not cli._is_command([]) and not cli._is_command(["--db", "sqlite:///x.db"])


def one_line_error(code: int, out: str, err: str) -> str:
    assert code == cli.EXIT_FAILED and out == ""
    assert err.count("\n") == 1 and err.startswith("pst-desktop: "), err
    assert "Traceback" not in err
    return err


def test_an_unknown_connection_option_is_one_line(capsys, db_url):
    """``?foo=bar`` on a PostgreSQL URL (or an SQLite URL's query)."""
    if db_url.startswith("sqlite"):
        pytest.skip("a PostgreSQL connection option")
    url = db_url + ("&" if "?" in db_url else "?") + "foo=bar"
    err = one_line_error(*run(capsys, "--db", url, "db", "status"))
    assert 'invalid connection option "foo"' in err


def test_a_file_that_is_not_a_database_is_one_line(capsys, tmp_path):
    """``--db sqlite:////tmp/notadb.txt`` where the file holds text."""
    text = tmp_path / "notadb.txt"
    text.write_text("Daftar hadir rapat, bukan basis data.\n" * 50)
    for argv in (["db", "status"], ["db", "init"], ["demo-data", "--days", "1"]):
        err = one_line_error(*run(capsys, "--db", f"sqlite:///{text}", *argv))
        assert "file is not a database" in err
    assert text.read_text().startswith("Daftar hadir")


@pytest.mark.parametrize("end", ["2099-01-01", "kemarin"])
def test_demo_data_with_a_bad_end_on_an_empty_database_leaves_nothing(capsys, db_url, end):
    """It refused but left an office behind."""
    from models.entities import Office

    err = one_line_error(*run(capsys, "--db", db_url, "demo-data", "--end", end, "--days", "2"))
    assert "--end" in err
    cli._open(cli.build_parser().parse_args(["--db", db_url, "db", "status"]))
    assert Office.select().count() == 0


def test_the_entry_point_sends_window_commands_to_the_launcher_and_the_rest_to_the_core(
    capsys, monkeypatch
):
    """``python -m pst_desktop``: admin commands, help and bad arguments stay in the core (no
    window imported); the app, ``rating``, ``display`` and ``--self-check`` go to ``ui.launch``."""
    from pst_desktop.__main__ import main as pst_desktop
    from ui import launch

    assert all(cli.starts_windows(argv) for argv in ([], ["--db", "sqlite:///x.db"], ["display"]))
    assert cli.starts_windows(["rating", "--desk", "2", "--window"])
    assert cli.starts_windows(["--db", "sqlite:///x.db", "--self-check"])
    for argv in (["db", "status"], ["report", "--help"], ["--help"], ["--version"], ["--bogus"]):
        assert not cli.starts_windows(argv)
    assert capsys.readouterr() == ("", "")  # asking prints nothing

    started: list[tuple] = []
    windows = {
        None: lambda args: started.append(("app", args.db)) or 0,
        "rating": lambda args: started.append(("rating", args.desk, args.window)) or 0,
        "display": lambda args: started.append(("display", args.window)) or 0,
    }
    monkeypatch.setattr(launch, "WINDOWS", windows)
    monkeypatch.setattr(launch, "self_check", lambda db: started.append(("self-check", db)) or 0)
    assert pst_desktop(["--db", "sqlite:///x.db"]) == 0
    assert pst_desktop(["rating", "--desk", "2"]) == 0
    assert pst_desktop(["display", "--window"]) == 0
    assert pst_desktop(["--db", "sqlite:///y.db", "--self-check"]) == 0
    assert started == [
        ("app", "sqlite:///x.db"),
        ("rating", 2, False),
        ("display", True),
        ("self-check", "sqlite:///y.db"),
    ]
    assert pst_desktop(["--help"]) == 0 and "demo-data" in capsys.readouterr().out
    assert pst_desktop(["display", "--bogus"]) == cli.EXIT_USAGE


def test_the_core_alone_refuses_a_window_command_in_one_line(capsys):
    for argv in ([], ["display"], ["rating", "--desk", "1"]):
        code = cli.main(argv)
        out, err = capsys.readouterr()
        assert code == cli.EXIT_FAILED and out == ""
        assert err == "pst-desktop: " + cli._NEEDS_WINDOWS + "\n"
