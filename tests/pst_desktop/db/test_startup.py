"""Starting before the server answers: what a failed attempt means, the back-off, who may change
the server (pst_desktop.db.startup)."""

from __future__ import annotations

import peewee as pw
import psycopg
import pytest

from models.database import DatabaseUrlError
from models.entities import Role
from pst_desktop.core.errors import AuthenticationFailed, PermissionDenied
from pst_desktop.db.connection import DatabaseUnavailable, open_database
from pst_desktop.db.startup import (
    RETRY_S,
    Problem,
    ProblemKind,
    StationStarter,
    authorize_connection_change,
    diagnose,
    server_name,
)
from tests.support import PG_URL

CLOSED = "postgresql://postgres@127.0.0.1:1/x"  # nothing listens on port 1


def _error_of(url: str) -> BaseException:
    try:
        open_database(url)
    except Exception as exc:
        return exc
    raise AssertionError(f"{url} opened")


def test_a_closed_port_is_worth_waiting_for():
    exc = _error_of(CLOSED)
    assert isinstance(exc, DatabaseUnavailable)
    assert diagnose(exc).kind is ProblemKind.UNREACHABLE
    assert diagnose(exc).unreachable


def test_an_unknown_host_is_worth_waiting_for():
    """The LAN's name server may come up after this PC."""
    exc = _error_of("postgresql://postgres@pst-server.invalid:5432/pst")
    assert diagnose(exc).kind is ProblemKind.UNREACHABLE


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("path", "kind"),
    [("nobody_here@{server}/test", ProblemKind.ACCOUNT), ("postgres@{server}/no_such_db", None)],
)
def test_the_real_server_refusals_are_not_waited_for(path, kind):
    if not PG_URL:
        pytest.skip("PST_TEST_DATABASE_URL is not set")
    server = PG_URL.split("@", 1)[1].split("/", 1)[0]
    exc = _error_of("postgresql://" + path.format(server=server))
    problem = diagnose(exc)
    assert problem.kind is (kind or ProblemKind.NO_DATABASE)
    assert not problem.unreachable


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (
            pw.OperationalError(
                'connection failed: FATAL:  password authentication failed for user "pst"'
            ),
            ProblemKind.ACCOUNT,
        ),
        (
            pw.OperationalError('FATAL:  no pg_hba.conf entry for host "10.0.0.7", user "pst"'),
            ProblemKind.ACCOUNT,
        ),
        (
            pw.OperationalError('FATAL:  database "pst" does not exist'),
            ProblemKind.NO_DATABASE,
        ),
        (
            pw.OperationalError("FATAL:  the database system is starting up"),
            ProblemKind.UNREACHABLE,
        ),
        (
            RuntimeError(
                "the database is at schema version 9, newer than this program (6); install "
                "the newer PST Desktop on this PC"
            ),
            ProblemKind.NEWER_SCHEMA,
        ),
        (pw.IntegrityError("duplicate key value"), ProblemKind.OTHER),
    ],
)
def test_what_a_failed_attempt_means(exc, kind):
    wrapped = DatabaseUnavailable("cannot connect to postgresql://pst@server:5432/pst")
    wrapped.__cause__ = exc
    assert diagnose(wrapped).kind is kind
    assert diagnose(exc).kind is kind


def test_an_unusable_address_is_not_waited_for():
    exc = _error_of("mysql://server/pst")
    assert diagnose(exc).kind is ProblemKind.ADDRESS
    wrapped = DatabaseUnavailable("bad")
    wrapped.__cause__ = DatabaseUrlError("bad")
    assert diagnose(wrapped).kind is ProblemKind.ADDRESS


def test_a_psycopg_timeout_is_worth_waiting_for():
    assert diagnose(psycopg.OperationalError("connection timeout expired")).unreachable


def test_server_name_shows_the_host_never_the_user_or_password():
    assert server_name("postgresql://pst:geheim@192.168.1.10:5433/pst") == "192.168.1.10:5433/pst"
    assert server_name("postgresql://pst@pst-server/pst?schema=x") == "pst-server:5432/pst"
    assert server_name("sqlite:////var/lib/pst/pst.db") == "/var/lib/pst/pst.db"


# -- who may change the server from the sign-in window ------------------------------------------
def test_only_an_admin_may_change_the_connection(accounts, admin, make_actor):
    make_actor(Role.OFFICER, username="rina")
    assert authorize_connection_change(accounts, "admin", "rahasia-admin").id == admin.user_id
    with pytest.raises(PermissionDenied):
        authorize_connection_change(accounts, "rina", "rahasia-123")
    with pytest.raises(AuthenticationFailed):
        authorize_connection_change(accounts, "admin", "salah")


def test_anyone_may_before_an_admin_exists(accounts, office):
    assert authorize_connection_change(accounts, "", "") is None


# -- the back-off --------------------------------------------------------------------------------
def test_the_starter_backs_off_then_opens(qtbot):
    """2, 5, 10, 30, 30 s between attempts; ``opened`` once the work succeeds."""
    results: list[object] = [ConnectionRefusedError("refused")] * 5 + ["the database"]

    def work():
        item = results.pop(0)
        if isinstance(item, BaseException):
            raise item
        return item

    starter = StationStarter(work)
    waits, problems = [], []
    starter.waiting.connect(problems.append)
    opened = []
    starter.opened.connect(opened.append)
    try:
        for _ in range(5):
            with qtbot.waitSignal(starter.waiting, timeout=5000):
                starter.retry_now() if problems else starter.start()
            waits.append(starter._retry.interval())
            assert 1 <= starter.seconds_left() <= waits[-1] // 1000
        assert waits == [2000, 5000, 10000, 30000, 30000]
        assert waits[-1] == RETRY_S[-1] * 1000
        assert all(problem == problems[0] for problem in problems)
        assert problems[0].kind is ProblemKind.UNREACHABLE
        with qtbot.waitSignal(starter.opened, timeout=5000):
            starter.retry_now()
        assert opened == ["the database"]
        assert not starter._retry.isActive()
    finally:
        starter.stop()


def test_a_misconfiguration_is_retried_at_the_longest_wait(qtbot):
    def work():
        raise pw.OperationalError('FATAL:  password authentication failed for user "pst"')

    starter = StationStarter(work, retry_ms=(100, 200, 300))
    try:
        with qtbot.waitSignal(starter.waiting, timeout=5000) as signal:
            starter.start()
        assert signal.args == [Problem(ProblemKind.ACCOUNT, signal.args[0].detail)]
        assert starter._retry.interval() == 300
    finally:
        starter.stop()


@pytest.mark.parametrize(
    ("driver", "words"),
    [
        (
            'connection to server at "10.0.0.5", port 5432 failed: Connection refused',
            "refused the connection",
        ),
        ("connection to server at 10.0.0.5 failed: timeout expired", "did not answer in time"),
        (
            'could not translate host name "pst-server" to address: Name or service not known',
            "name is not known",
        ),
        ('FATAL:  password authentication failed for user "pst"', "user name or password"),
        ('FATAL:  database "pst" does not exist', "no database of this name"),
        ("server closed the connection unexpectedly", "connection to the server was broken"),
        ("something else entirely", "database server did not answer"),
    ],
)
def test_connection_reason_says_the_known_kinds_in_words(driver, words):
    """The driver's English line appeared inside the Indonesian message."""
    from pst_desktop.db.startup import connection_reason

    reason = connection_reason(driver)
    assert words in reason
    assert driver not in reason
    assert connection_reason(pw.OperationalError(driver)) == reason


def test_connection_reason_is_indonesian_in_the_indonesian_app(qapp):
    from pst_desktop.core.i18n import install_translator
    from pst_desktop.db.startup import connection_reason

    install_translator(qapp, "id")
    try:
        reason = connection_reason("could not connect: Connection refused")
    finally:
        install_translator(qapp, "en")
    assert reason.startswith("server menolak sambungan")
    assert "refused" not in reason
