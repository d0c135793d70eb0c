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
