"""Database reads (and exports) on a worker thread, so a staff window never stops answering.

``BackgroundReader.submit(work)`` runs ``work()`` on the reader's own pool thread, inside a
connection of that thread (``connection_context``: on SQLite opened for the job and closed after
it; on PostgreSQL borrowed from the station's pool and handed back, a connection the server
dropped being replaced as it is taken), and brings the value back to the GUI thread as
``finished(value)`` or the exception as ``failed(exc)``.  The exception is what the services and
the database boundary raised: a lost connection is already ``ConnectionLost`` (its broken
connection dropped), a busy database ``DatabaseBusy``; the window hands it to
``ui.calls.ServiceCalls.read_failed``, which sends it where a write's failure would go.  A read is
not repeated here (a job may write through a service): when the connection is back, the window's
``refresh`` reads again.

Each submit bumps a generation: a result of an older submit that arrives after a newer one was
asked for is dropped, so a slow search for "da" never overwrites the faster answer for "data".
``work`` must only read, or write through a service in its own transaction, and must not touch
widgets.  A reader made with ``skip_superseded=True`` does not even start a job that a newer
submit made pointless (a burst of changes runs one read, not one per change); the default runs
every job (an export still writes its file).

A reader made with ``db=None`` runs work that opens (and closes) a database of its own, one the
models are not bound to: the setup wizard's "Test connection" and schema upgrade of a server that
is not yet this PC's.  No connection of the app's database is opened for such a job, and the work
must not rebind the models (``models.database.bind`` from a worker thread swaps the database
under every window).  A job answers with a value of its own type (a small dataclass, not a
packed string); the window reads its fields.

Python threads share one interpreter lock, and the GUI thread gives it up around many Qt and
database calls: each time it wants it back it waits up to the switch interval while a busy worker
holds it.  With the default 5 ms the XLSX export of a month of records (12k, 3.5 s) kept a window
waiting 250-400 ms at a time; at 0.2 ms 92 ms, at 0.1 ms 42-77 ms, for the same export time.  A
window with a reader therefore sets the interval to ``SWITCH_INTERVAL_S`` (it costs nothing while
only one thread runs Python).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any

import peewee as pw
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

SWITCH_INTERVAL_S = 0.0001


class _Done(QObject):
    """Lives on the GUI thread; a job's ``done`` is queued to it."""

    done = Signal(int, object)  # generation, value or exception


class _Superseded:
    """The value of a job skipped because a newer one was submitted before it started."""


class _Job(QRunnable):
    def __init__(
        self,
        db: pw.Database | None,
        work: Callable[[], Any],
        generation: int,
        done: _Done,
        superseded: Callable[[int], bool] | None = None,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._db, self._work, self._generation, self._done = db, work, generation, done
        self._superseded = superseded

    def run(self) -> None:
        if self._superseded is not None and self._superseded(self._generation):
            self._done.done.emit(self._generation, _Superseded())  # dropped on delivery
            return
        try:
            own = self._db is None  # the work opens and closes its own database
            with contextlib.nullcontext() if own else self._db.connection_context():
                value = self._work()
        except Exception as exc:  # reported on the GUI thread; the window decides what to say
            value = exc
        self._done.done.emit(self._generation, value)


class BackgroundReader(QObject):
    """One worker thread for one kind of read; only the newest answer is delivered.

    ``db``: the database whose connection of the worker thread each job runs in (a window's
    ``self._db``, or ``models.database.database_proxy``); None when the work opens its own."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        db: pw.Database | None,
        parent: QObject | None = None,
        *,
        skip_superseded: bool = False,
    ) -> None:
        super().__init__(parent)
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._db = db
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done = _Done(self)
        self._done.done.connect(self._deliver)
        self.generation = 0
        self._running = 0
        self._skip_superseded = skip_superseded

    def submit(self, work: Callable[[], Any]) -> int:
        """Run ``work`` on the worker thread; returns its generation."""
        self.generation += 1
        self._running += 1
        superseded = self._is_superseded if self._skip_superseded else None
        self._pool.start(_Job(self._db, work, self.generation, self._done, superseded))
        return self.generation

    def busy(self) -> bool:
        """A submitted job has not been delivered (or dropped) yet."""
        return self._running > 0

    def _is_superseded(self, generation: int) -> bool:
        """On the worker thread, as a job starts: a newer job was submitted (or all cancelled)."""
        return generation != self.generation

    def cancel(self) -> None:
        """Drop the answer of every job already submitted."""
        self.generation += 1

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the jobs under way and deliver their answers (closing; scripts, tests)."""
        done = self._pool.waitForDone(msecs)
        QCoreApplication.sendPostedEvents(self)
        return done

    def _deliver(self, generation: int, value: object) -> None:
        self._running = max(0, self._running - 1)
        if generation != self.generation:
            return  # a newer question was asked meanwhile
        if isinstance(value, Exception):
            self.failed.emit(value)
        else:
            self.finished.emit(value)
