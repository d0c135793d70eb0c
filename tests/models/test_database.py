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
