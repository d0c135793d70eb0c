"""A database seen from a worker thread before the app uses it: the setup wizard's "Test
connection" (``check_server``) and schema upgrade (``prepare_database``), and the station's
opening attempt (``open_station_here``), which the shell runs on its starter's pool thread.

None of them rebinds the app's models (``models.database.bind`` from a worker thread swaps the
database under every window): while they run, the models point at their database on their own
thread only (``models_bound_here``).  The GUI thread binds the station's database once it is
open (``bind_station``).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import peewee as pw

from models import migrations
from models.database import bind, make_database
from models.entities import BaseModel, Office
from pst_desktop.admin.accounts import AccountService
from pst_desktop.admin.administration import OfficeProfile
from pst_desktop.admin.office_setup import ensure_office
from pst_desktop.core.clock import Clock, SystemClock
from pst_desktop.core.errors import DatabaseTrouble, first_line
from pst_desktop.db.connection import DatabaseUnavailable, describe

#: the schema version this program brings a database to
LATEST_SCHEMA = migrations.LATEST


@dataclass(frozen=True)
class ServerFound:
    """The answer of "Test connection": the server answered."""

    version: str  # PostgreSQL's version, e.g. "16.4"
    schema_version: int  # 0: an empty database


@dataclass(frozen=True)
class DatabasePrepared:
    """The answer of the setup wizard's database page: the schema is up to date."""

    applied: int  # schema steps applied now
    version: int  # the schema version now
    has_admin: bool  # an active administrator account exists


@dataclass(frozen=True)
class StationFound:
    """What a successful opening attempt found (``open_station_here``)."""

    database: pw.Database  # open, upgraded, closed again; not bound yet
    office: OfficeProfile  # this PC's office
    needs_admin: bool  # no active administrator yet: the first-administrator form


def check_server(url: str) -> ServerFound:
    """Connect with a database of the worker thread's own and read the server's version and
    the schema's (the models stay bound to whatever they were)."""
    db = make_database(url)
    db.connect_params["connect_timeout"] = 5
    db.connect()
    try:
        version = db.execute_sql("SHOW server_version").fetchone()[0]
        schema = migrations.current_version(db)
    finally:
        db.close()
    return ServerFound(str(version).split()[0], schema)


def prepare_database(url: str) -> DatabasePrepared:
    """Bring the server's schema up to date (the same steps as ``pst-desktop db upgrade``) on a
    database of this thread's own, and say whether it has an administrator.

    The schema steps and ``AccountService.any_admin`` reach the database through the models
    (``create_tables``, ``insert_many().execute()``, ``SchemaVersion.create``), so the models
    point at ``db`` meanwhile, on this thread only (``models_bound_here``)."""
    db = make_database(url)
    try:
        db.connect()
    except (pw.DatabaseError, pw.InterfaceError, DatabaseTrouble) as exc:
        raise DatabaseUnavailable(f"cannot connect to {describe(url)}: {first_line(exc)}") from exc
    try:
        with models_bound_here(db):
            applied = migrations.upgrade(db)
            version = migrations.current_version(db)
            has_admin = AccountService(SystemClock()).any_admin(db)
    finally:
        db.close()
    return DatabasePrepared(len(applied), version, has_admin)


def open_station_here(
    url: str,
    open_db: Callable[[str], pw.Database],
    office_id: int | None,
    clock: Clock,
) -> StationFound:
    """One opening attempt, on a pool thread: open (and upgrade) the database with
    ``open_db`` (``connection.open_database(url, bind_models=False)`` in the app), this PC's
    office (the one the settings name, else the first, else a new default one) and whether it
    has an administrator.  The models point at the database on this thread only; the
    connection opened here is closed before it returns.  The GUI thread then binds it
    (``bind_station``)."""
    db = open_db(url)
    try:
        with models_bound_here(db):
            office = Office.get_or_none(Office.id == office_id) if office_id else None
            office = office or ensure_office(clock, db=db)  # one office when two PCs start
            needs_admin = not AccountService(clock).any_admin(db)
            profile = OfficeProfile.of(office)
    finally:
        db.close()
    return StationFound(db, profile, needs_admin)


def bind_station(found: StationFound) -> pw.Database:
    """On the GUI thread: the app's models use the station's database from now on."""
    return bind(found.database)


_bound_here = threading.local()
_binding = threading.Lock()


class _ThisThreadsDatabase(pw.DatabaseProxy):
    """Stands in a model's place while ``models_bound_here`` runs: the database bound on the
    current thread, else the model's own (for every other thread nothing changes)."""

    __slots__ = ("_fallback",)

    def __init__(self, fallback: pw.Database | pw.DatabaseProxy) -> None:
        object.__setattr__(self, "_callbacks", [])
        object.__setattr__(self, "_fallback", fallback)

    @property
    def obj(self) -> pw.Database | None:  # type: ignore[override]
        here = getattr(_bound_here, "db", None)
        if here is not None:
            return here
        fallback = self._fallback
        return fallback.obj if isinstance(fallback, pw.Proxy) else fallback


def _models() -> list[type[BaseModel]]:
    found, todo = [], list(BaseModel.__subclasses__())
    while todo:
        model = todo.pop()
        found.append(model)
        todo.extend(model.__subclasses__())
    return found


@contextlib.contextmanager
def models_bound_here(db: pw.Database) -> Iterator[pw.Database]:
    """The models use ``db`` on this thread while the block runs; every other thread keeps the
    app's database (``models.database.bind`` would swap it under every window).

    peewee 4.5 has no per-thread model binding, so each model's ``_meta.database`` is replaced
    for the block by a stand-in that answers ``db`` on this thread and the model's own database
    on any other; it goes back after.  One block at a time.  It can go once
    ``models.migrations`` hands its ``db`` to peewee itself (``SchemaManager(model,
    database=db).create_all()``, ``.execute(db)``)."""
    with _binding:
        saved = [(model, model._meta.database) for model in _models()]
        _bound_here.db = db
        try:
            for model, own in saved:
                model._meta.database = _ThisThreadsDatabase(own)
            yield db
        finally:
            for model, own in saved:
                model._meta.database = own
            _bound_here.db = None
