"""A window's writes, one at a time on a worker thread: the one path from a window to a
service.

``ServiceCalls.submit(name, write, on_done)`` runs ``write()`` (a callable that calls one service
method: one transaction) on the calls' own worker thread, inside a connection of that thread
(``connection_context``: opened for the write, closed after it), in the order the writes were
submitted.  The outcome comes back on the GUI thread, always in that order:

- the value → ``on_done(value)``;
- a refusal (the ``pst_desktop.core.errors`` ``ServiceError`` family, ``ValidationError`` and a
  busy database, ``DatabaseBusy``, included) → the window's message line in clean words
  (``show_refusal(text)``);
- a lost connection (``ConnectionLost``: what the database boundary, ``models.database``, makes
  of any driver error that means one; ``CONNECTION_ERRORS``) → the window's connection handling
  (``connection_lost(exc)``: its message and the connection band);
- anything else → raised again on the GUI thread, where the app's crash handler
  (``ui.crash``, ``sys.excepthook``) logs it and shows the report.

A window that shows a refusal in its own place (a form's fields, an offer beside the words)
passes ``on_refused(exc)`` with the write: it gets the ``ServiceError`` itself instead of
``show_refusal``.  After a refusal or a lost connection ``on_failed()`` (when given) runs too:
the write did not happen.  Every outcome is logged here, by the write's name and the
exception's kind, never a visitor's data.  ``busy`` is true from a submit until its outcome was
handed over (``busy_changed``); a window ignores a second key press meanwhile.
``settled(name, outcome)`` follows each outcome once its callbacks ran.

A window's reads (``ui.readers.BackgroundReader``) fail the same way: the window hands the
exception to ``read_failed(name, exc)``, which sends it where a write's would go (``on_lost``
gives a refresh a quieter place than the window's message, ``on_refused`` its own place).

On SQLite a write that uses ``write_transaction`` still takes its ``BEGIN IMMEDIATE`` lock: a
peewee database keeps its connection and transaction state per thread, so the worker's write
starts its own transaction on its own connection.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import peewee as pw
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from pst_desktop.core.errors import ConnectionLost, ServiceError, first_line
from ui.readers import SWITCH_INTERVAL_S

log = logging.getLogger(__name__)

#: a lost connection: what the database boundary (``models.database``) raises for one
CONNECTION_ERRORS: tuple[type[BaseException], ...] = (ConnectionLost,)

DONE, REFUSED, LOST, ERROR = "done", "refused", "lost", "error"


@dataclass
class _Call:
    """One submitted write and, once run, its outcome."""

    name: str
    write: Callable[[], Any]
    on_done: Callable[[Any], None] | None
    on_failed: Callable[[], None] | None
    on_refused: Callable[[ServiceError], None] | None = None
    on_lost: Callable[[Exception], None] | None = None
    error: Exception | None = None
    value: Any = None
    seconds: float = 0.0
    kind: str = "write"  # or "read" (``ServiceCalls.read_failed``), for the log


def _no_write() -> None:
    """The write of a read's failure handed to ``ServiceCalls.read_failed``: none."""


class _Delivery(QObject):
    """Lives on the GUI thread; a finished write is queued to it."""

    done = Signal(object)  # the _Call


class _Write(QRunnable):
    def __init__(self, db: pw.Database, call: _Call, delivery: _Delivery) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._db, self._call, self._delivery = db, call, delivery

    def run(self) -> None:
        call = self._call
        started = time.perf_counter()
        try:
            with self._db.connection_context():
                call.value = call.write()
        except Exception as exc:  # handed to the GUI thread, which says what it means
            call.error = exc
        call.seconds = time.perf_counter() - started
        self._delivery.done.emit(call)


class ServiceCalls(QObject):
    """One worker thread for a window's writes; every outcome delivered, in order."""

    busy_changed = Signal(bool)
    settled = Signal(str, str)  # the write's name, its outcome (DONE, REFUSED, LOST, ERROR)

    def __init__(
        self,
        db: pw.Database,
        show_refusal: Callable[[str], None],
        connection_lost: Callable[[Exception], None],
        parent: QObject | None = None,
        *,
        connection_errors: tuple[type[BaseException], ...] = CONNECTION_ERRORS,
    ) -> None:
        super().__init__(parent)
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:  # see ui.readers
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._db = db
        self._show_refusal = show_refusal
        self._connection_lost = connection_lost
        self._connection_errors = connection_errors
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one thread: the writes run in submission order
        self._pool.setExpiryTimeout(-1)  # and it stays the same thread while the window lives
        self._delivery = _Delivery(self)
        self._delivery.done.connect(self._deliver)
        self._pending = 0

    @property
    def busy(self) -> bool:
        """A write was submitted and its outcome not handed over yet."""
        return self._pending > 0

    def submit(
        self,
        name: str,
        write: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        on_failed: Callable[[], None] | None = None,
        on_refused: Callable[[ServiceError], None] | None = None,
        on_lost: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``write`` on the worker thread after the writes submitted before it.

        ``name`` says in the log which write it was (no personal data); ``write`` must not
        touch widgets; ``on_done(value)``, ``on_refused(exc)`` (a refusal, instead of the
        window's ``show_refusal``), ``on_lost(exc)`` (a lost connection, instead of the
        window's ``connection_lost``) and ``on_failed()`` run on the GUI thread."""
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        log.debug("write %s submitted", name)
        call = _Call(name, write, on_done, on_failed, on_refused, on_lost)
        self._pool.start(_Write(self._db, call, self._delivery))

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the writes under way and hand over their outcomes (closing; scripts)."""
        done = self._pool.waitForDone(msecs)
        # the worker's signal is queued to the slot's object (this one), not to the emitter
        QCoreApplication.sendPostedEvents(self)
        return done

    def read_failed(
        self,
        name: str,
        exc: Exception,
        *,
        on_refused: Callable[[ServiceError], None] | None = None,
        on_lost: Callable[[Exception], None] | None = None,
    ) -> None:
        """A read of the window (a ``ui.readers.BackgroundReader``'s ``failed``) goes the way a
        write's failure goes: a refusal to the message line (or ``on_refused``), a lost
        connection to the window's connection handling (or ``on_lost``, e.g. a quieter line for
        a refresh), anything else raised on the GUI thread to the crash handler."""
        self._settle(_Call(name, _no_write, None, None, on_refused, on_lost, exc, kind="read"))

    def _deliver(self, call: _Call) -> None:
        self._pending = max(0, self._pending - 1)
        if self._pending == 0:
            self.busy_changed.emit(False)  # first: the buttons are live again for on_done
        self._settle(call)

    def _settle(self, call: _Call) -> None:
        ms = call.seconds * 1000
        exc = call.error
        if exc is None:
            log.info("%s %s done in %.0f ms", call.kind, call.name, ms)
            if call.on_done is not None:
                call.on_done(call.value)
            self._settled(call, DONE)
            return
        if isinstance(exc, ServiceError) and not isinstance(exc, self._connection_errors):
            # the service logged the refusal's words where it made it (pst_desktop.refusals)
            log.info("%s %s refused (%s) in %.0f ms", call.kind, call.name, type(exc).__name__, ms)
            if call.on_refused is not None:
                call.on_refused(exc)
            else:
                self._show_refusal(refusal_text(exc))
            outcome = REFUSED
        elif isinstance(exc, self._connection_errors):
            log.warning(
                "%s %s: database not reachable (%s: %s)",
                call.kind,
                call.name,
                type(exc).__name__,
                first_line(exc),
            )
            (call.on_lost or self._connection_lost)(exc)
            outcome = LOST
        else:
            log.error("%s %s failed unexpectedly (%s)", call.kind, call.name, type(exc).__name__)
            self._settled(call, ERROR)
            raise exc  # on the GUI thread: sys.excepthook, the crash handler, logs and shows it
        if call.on_failed is not None:
            call.on_failed()
        self._settled(call, outcome)

    def _settled(self, call: _Call, outcome: str) -> None:
        if call.kind == "write":  # (a read's failure is no write's outcome)
            self.settled.emit(call.name, outcome)


def refusal_text(exc: ServiceError) -> str:
    """A refusal in the service's own words (a ``ValidationError``: its sentences only)."""
    return str(exc).strip() or type(exc).__name__
