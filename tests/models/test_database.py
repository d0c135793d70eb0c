from pathlib import Path

import peewee as pw
import pytest

from models import database
from models.database import DatabaseUrlError, make_database, sqlite_path_from_url


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:////var/lib/pst/pst.db", "/var/lib/pst/pst.db"),
        ("sqlite:///pst.db", "pst.db"),
        ("sqlite:///C:/Users/pst/pst.db", "C:/Users/pst/pst.db"),
        ("sqlite:////tmp/with%20space.db", "/tmp/with space.db"),
    ],
)
def test_sqlite_url_to_path(url, path):
    assert sqlite_path_from_url(url) == Path(path)


def test_sqlite_settings(tmp_path):
    db = make_database(f"sqlite:///{tmp_path}/a/pst.db")
    db.connect()
    try:
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 10_000
    finally:
        db.close()


def test_postgres_url_parts():
    db = make_database("postgresql://staf:p%40ss@10.0.0.5:5433/pst?schema=kantor")
    assert isinstance(db, pw.PostgresqlDatabase)
    assert db.database == "pst"
    params = db.connect_params
    assert params["host"] == "10.0.0.5" and params["port"] == 5433
    assert params["user"] == "staf" and params["password"] == "p@ss"
    assert params["options"] == "-c search_path=kantor"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://x/y", "unknown database URL scheme"),
        ("postgresql://server:5432/", "no database name"),
        ("postgresql://s/pst?schema=a;drop", "invalid schema name"),
        ("sqlite:///", "no file name"),
    ],
)
def test_bad_urls_say_why(url, message):
    with pytest.raises(DatabaseUrlError, match=message):
        make_database(url)


def test_sqlite_on_a_network_share_is_refused(monkeypatch):
    with pytest.raises(DatabaseUrlError, match="network share"):
        make_database("sqlite:////" + "/fileserver/pst/pst.db")  # //fileserver/… is a UNC path
    monkeypatch.setattr(database, "is_network_path", lambda path: True)
    with pytest.raises(DatabaseUrlError, match="PostgreSQL"):
        make_database("sqlite:////mnt/nas/pst.db")


def test_network_mounts_are_recognised(monkeypatch, tmp_path):
    mounts = f"server:/export {tmp_path} nfs4 rw 0 0\n/dev/sda1 / ext4 rw 0 0\n"
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: mounts)
    assert database.is_network_path(tmp_path / "pst.db")
    assert not database.is_network_path(Path("/home/pst.db"))


# -- the boundary: a driver's error leaves the database translated, once ---------------------


def _other_session_holds_the_office_row(db, db_url, office):
    """Another PC's open write transaction (a context manager): SQLite's write lock, a row
    lock on PostgreSQL."""
    import contextlib
    import sqlite3

    @contextlib.contextmanager
    def held():
        if isinstance(db, pw.SqliteDatabase):
            other = sqlite3.connect(db.database, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            try:
                yield
            finally:
                other.execute("ROLLBACK")
                other.close()
            return
        other = make_database(db_url)
        try:
            with other.atomic():
                other.execute_sql("SELECT id FROM office WHERE id = %s FOR UPDATE", (office.id,))
                yield
        finally:
            other.close()

    return held()


def test_a_lost_connection_leaves_the_boundary_as_connection_lost(db, db_url, tmp_path, caplog):
    """The server drops the connection under a query (PostgreSQL) or the file cannot be
    opened any more (SQLite: its folder went away): ``ConnectionLost`` in clean words, the
    driver's own line in the log, and the thread's next query opens a new connection."""
    import logging
    import shutil

    import psycopg

    from pst_desktop.core.errors import ConnectionLost, ServiceError

    caplog.set_level(logging.WARNING, logger="models.database")
    if isinstance(db, pw.SqliteDatabase):
        target = make_database(f"sqlite:///{tmp_path}/share/pst.db")
        target.connect()
        target.close()
        shutil.rmtree(tmp_path / "share")
        words = "unable to open database file"
        with pytest.raises(ConnectionLost) as lost:
            target.execute_sql("SELECT 1")
    else:
        target = db
        pid = target.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        with psycopg.connect(db_url.split("?")[0], autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        words = "terminating connection due to administrator command"
        with pytest.raises(ConnectionLost) as lost:
            target.execute_sql("SELECT 1")
    assert isinstance(lost.value, ServiceError)  # the family a window knows
    assert str(lost.value) == (
        "The database cannot be reached now. What you typed is kept; try again when the "
        "connection is back."
    )
    assert words in lost.value.detail and words not in str(lost.value)
    where = "connect" if isinstance(db, pw.SqliteDatabase) else "execute"  # SQLite opens lazily
    assert f"database connection lost ({where}): {words}" in caplog.text
    assert target.is_closed()  # dropped: the next query opens a new connection
    if not isinstance(db, pw.SqliteDatabase):
        assert target.execute_sql("SELECT pg_backend_pid()").fetchone()[0] != pid


def test_a_connection_lost_inside_a_connection_context_leaves_it_as_connection_lost(
    db, db_url, tmp_path
):
    """Worker jobs run inside ``connection_context()``: the boundary drops the broken
    connection, and the block still ends with ``ConnectionLost`` (peewee's context popped its
    own stack, which dropping the connection had emptied: an ``IndexError`` reached the crash
    handler instead of the connection band)."""
    import shutil

    import psycopg

    from pst_desktop.core.errors import ConnectionLost

    if isinstance(db, pw.SqliteDatabase):
        target = make_database(f"sqlite:///{tmp_path}/share/pst.db")
        with target.connection_context():
            target.execute_sql("SELECT 1")
        shutil.rmtree(tmp_path / "share")

        def cut() -> None:
            target.close()  # the next query opens the file again, and cannot
    else:
        target = make_database(db_url)

        def cut() -> None:
            pid = target.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
            with psycopg.connect(db_url.split("?")[0], autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))

    with pytest.raises(ConnectionLost), target.connection_context():
        cut()
        with target.connection_context():  # a nested block, as a read inside a job
            target.execute_sql("SELECT 1")
    assert target.is_closed()
    if not isinstance(db, pw.SqliteDatabase):
        with target.connection_context():  # the thread's next block opens a new connection
            assert target.execute_sql("SELECT 1").fetchone()[0] == 1
        assert target.is_closed()


def test_a_lock_held_by_another_pc_is_busy_not_lost(db, db_url, office):
    """A lock that outlasts the wait (SQLite's busy timeout, PostgreSQL's lock timeout) is
    ``DatabaseBusy``: a sentence to try again; the connection stays and works."""
    from models.database import is_connection_lost, write_transaction
    from models.entities import Office
    from pst_desktop.core.errors import DatabaseBusy, ServiceError

    if isinstance(db, pw.SqliteDatabase):
        db.execute_sql("PRAGMA busy_timeout = 50")
    else:
        db.execute_sql("SET lock_timeout = '50ms'")
    with (
        _other_session_holds_the_office_row(db, db_url, office),
        pytest.raises(DatabaseBusy) as busy,
        write_transaction(),
    ):
        Office.update(name="Kantor").where(Office.id == office.id).execute()
    assert isinstance(busy.value, ServiceError) and not is_connection_lost(busy.value)
    assert str(busy.value) == (
        "The database is busy with another PC's work. Nothing was saved; try again in a moment."
    )
    assert "lock" in busy.value.detail  # "database is locked", "… due to lock timeout"
    assert not db.is_closed()
    with write_transaction():
        Office.update(name="Kantor").where(Office.id == office.id).execute()
    assert Office.get_by_id(office.id).name == "Kantor"


def test_a_refusal_passes_the_boundary_as_it_was(db, office, make_actor, clock):
    """A constraint is no trouble of the database: the driver's ``IntegrityError`` passes
    through, and the service that turns it into a refusal still does (a second rating)."""
    from models.database import write_transaction
    from models.entities import Desk, Office, Role, ServiceType
    from pst_desktop.core.errors import Conflict
    from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
    from pst_desktop.visitor.ratings import RatingService
    from pst_desktop.visits.queue import QueueService

    with pytest.raises(pw.IntegrityError), write_transaction():
        Office.insert(dict(office.__data__)).execute()  # the same id again
    receptionist, officer = make_actor(Role.RECEPTIONIST), make_actor(Role.OFFICER)
    visitor = RegistrationService(clock).register(
        receptionist,
        VisitorForm(name="Tini", email="tini@example.com", gender="female", consent=True),
    )
    queue = QueueService(clock)
    service = ServiceType.get(ServiceType.code == "consultation")
    ticket = queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=service.id)
    queue.call_next(officer, Desk.select().first().id)
    queue.finish(officer, ticket.visit_id)
    RatingService(clock).record(ticket.visit_id, 4)
    with pytest.raises(Conflict, match="already been rated"):
        RatingService(clock).record(ticket.visit_id, 3)
    assert not db.is_closed()


# -- the pool: worker reads on PostgreSQL borrow a connection ------------------------------


def _on_a_worker(db, work):
    """``work()`` inside a connection of a fresh worker thread (as a reader's job runs)."""
    import threading

    answer: list[object] = []

    def run() -> None:
        try:
            with db.connection_context():
                answer.append(work())
        except Exception as exc:  # handed back to the test
            answer.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    return answer[0]


def _backend_pid(db):
    return db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]


def test_worker_reads_borrow_a_pooled_connection_and_sqlite_opens_its_own(db):
    from models.database import OfficePostgresqlDatabase

    if isinstance(db, pw.SqliteDatabase):
        assert not isinstance(db, OfficePostgresqlDatabase)
        assert _on_a_worker(db, lambda: db.execute_sql("SELECT 1").fetchone()[0]) == 1
        return
    first = _on_a_worker(db, lambda: _backend_pid(db))
    second = _on_a_worker(db, lambda: _backend_pid(db))
    assert first == second  # the second job got the first one's connection back
    assert db.idle_connections() == 1


def test_the_pool_keeps_few_idle_connections(db):
    import threading

    from models import database

    if isinstance(db, pw.SqliteDatabase):
        pytest.skip("a PostgreSQL pool")
    barrier = threading.Barrier(database.POOL_IDLE + 3)
    answers = []

    def job() -> None:
        with db.connection_context():
            answers.append(_backend_pid(db))
            barrier.wait(10)  # all at once: one connection each

    threads = [threading.Thread(target=job) for _ in range(database.POOL_IDLE + 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(set(answers)) == database.POOL_IDLE + 3
    assert db.idle_connections() == database.POOL_IDLE  # the others were closed


def test_the_pool_survives_a_server_restart(db, db_url, caplog):
    """The office-day run restarts PostgreSQL mid-day: a pooled connection the server dropped
    is found as a job takes it and replaced, never handed to the read; while the server is
    away a read says ``ConnectionLost``, and after it nothing broken is left in the pool."""
    import logging
    import time

    from pst_desktop.core.errors import ConnectionLost
    from tests.pst_desktop.pg_proxy import PgProxy

    if isinstance(db, pw.SqliteDatabase):
        pytest.skip("a PostgreSQL server restart")
    caplog.set_level(logging.INFO, logger="models.database")
    proxy = PgProxy(db_url)
    proxy.start()
    station = make_database(proxy.url())
    try:
        before = _on_a_worker(station, lambda: _backend_pid(station))
        assert station.idle_connections() == 1
        proxy.stop()  # the server goes away: every connection through it is cut
        time.sleep(0.1)
        away = _on_a_worker(station, lambda: _backend_pid(station))
        assert isinstance(away, ConnectionLost)
        assert station.idle_connections() == 0  # the dead one was not kept
        proxy.start()  # the server is back
        after = _on_a_worker(station, lambda: _backend_pid(station))
        assert isinstance(after, int) and after != before
        again = _on_a_worker(station, lambda: _backend_pid(station))
        assert again == after  # pooled again
        assert "dropped by the server" in caplog.text
    finally:
        proxy.stop()
        station.close()
        station.close_all()


def test_a_connection_cut_while_idle_in_the_pool_is_never_handed_out(db, db_url):
    """The restart happens while the connection waits in the pool: the next job gets a new
    one at once, without an error."""
    import time

    from tests.pst_desktop.pg_proxy import PgProxy

    if isinstance(db, pw.SqliteDatabase):
        pytest.skip("a PostgreSQL server restart")
    proxy = PgProxy(db_url)
    proxy.start()
    station = make_database(proxy.url())
    try:
        before = _on_a_worker(station, lambda: _backend_pid(station))
        proxy.stop()
        proxy.start()  # a quick restart between two jobs
        time.sleep(0.1)
        after = _on_a_worker(station, lambda: _backend_pid(station))
        assert isinstance(after, int) and after != before
    finally:
        proxy.stop()
        station.close()
        station.close_all()


def test_a_database_let_go_closes_its_pooled_connections(db, db_url):
    """A station's database dropped with connections waiting in its pool (a setup wizard's
    test connection, a test's database) closes them itself, not the garbage collector."""
    import gc

    if isinstance(db, pw.SqliteDatabase):
        pytest.skip("a PostgreSQL pool")

    def a_station_read_once():
        station = make_database(db_url)
        _on_a_worker(station, lambda: _backend_pid(station))
        [(_ts, _n, conn)] = station._connections
        assert not conn.closed
        return conn  # the station itself is let go here

    conn = a_station_read_once()
    gc.collect()
    assert conn.closed
