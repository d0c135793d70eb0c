"""CPU-heavy Python work in a helper process, so it never holds up a window.

Python threads share one interpreter lock.  A worker thread that renders a ticket (ReportLab,
then QtPdf and QPrinter, whose calls keep the lock for 5-25 ms each) or writes a month of the
history to XLSX (5 s of Python) holds the lock most of the time, and the window's thread needs
it for every slot, paint, size hint and model read: on a busy PC each of them waited, and the
window stopped answering for 50-150 ms at a time while the worker ran.  A helper process has an
interpreter of its own: the worker thread only waits for the answer (without the lock) and the
window keeps the whole of its own.

    TICKETS = HelperProcess("ticket printing", initializer=start_printing)
    pdf = TICKETS.call(render, data, paper)   # on a worker thread: it waits, the window does not

One ``HelperProcess`` is one process started with ``spawn`` (a fresh interpreter, on every
system the same), at the first ``call`` or ``start``, and kept for the next calls: a job does
not pay for the start.  Its jobs run one at a time, in order.  ``fn`` and its arguments and
value go between the processes by pickle: ``fn`` is a function at the top level of a module,
and nothing it needs may live only in this process (the database: ``DatabaseRecipe``).
A job's exception is raised again by ``call``; a helper that died under a job (a printer
driver's crash) gives ``HelperStopped`` and the next call starts a new one.  Where no process
can be started, or with ``PST_HELPER_PROCESS=0``, ``call`` runs ``fn`` in the calling thread,
as before there was a helper.

The built program needs ``multiprocessing.freeze_support()`` first thing in its entry point
(``pst_desktop/__main__.py``): the helper is the program itself, started again.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

log = logging.getLogger(__name__)

#: ``PST_HELPER_PROCESS=0``: every job runs in the calling thread (diagnosis, odd systems)
ENABLED = os.environ.get("PST_HELPER_PROCESS", "1") != "0"
#: how long a new helper may take to start and answer (Python, imports, its initializer)
START_TIMEOUT_S = 60.0
#: how much lower than the program a helper runs (POSIX ``nice``; Windows: below normal)
HELPER_NICENESS = 5


class HelperStopped(RuntimeError):
    """The helper process ended under a job (it crashed or was killed); the job did not finish."""


#: this process is a helper (set in the helper as it starts)
IN_HELPER = False


def _pid() -> int:
    return os.getpid()


def _helper_started(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    global IN_HELPER
    IN_HELPER = True
    _end_with_the_program()
    _yield_to_the_window()
    if initializer is not None:
        initializer(*initargs)


def _end_with_the_program() -> None:
    """In the helper: end when the program ends, however it ends (a crash, Task Manager): the
    job queue does not tell an idle helper, which would otherwise wait for ever."""
    parent = multiprocessing.parent_process()
    sentinel = parent.sentinel if parent is not None else None
    if sentinel is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="program watch", daemon=True).start()


def _yield_to_the_window() -> None:
    """In the helper: a lower priority than the program's, so that on a busy PC the window's
    thread gets the processor first and the helper the rest (a ticket still prints in a
    moment; the window's paint after F9 no longer waits behind the helper's render)."""
    try:
        if sys.platform == "win32":
            import ctypes

            below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(HELPER_NICENESS)
            _own_scheduling_group()
    except (OSError, AttributeError):  # not allowed here: the same priority as the program
        pass


def _own_scheduling_group() -> None:
    """Linux shares the processor between sessions first (autogroups), then between the
    processes of a session by their priority: in the program's session the helper's render or
    export counted against the window's share, and on a busy PC the window waited 70-180 ms at
    a time for a processor.  A session of its own, with a lower weight, takes the helper out of
    the window's share."""
    os.setsid()
    with contextlib.suppress(OSError), open("/proc/self/autogroup", "w") as group:
        group.write(str(HELPER_NICENESS))


class HelperProcess:
    """One helper process for one kind of work; ``call`` from worker threads, never the GUI's.

    ``initializer(*initargs)`` runs once in each new helper before its first job (imports,
    fonts, a Qt application object): a top-level function, like the jobs."""

    def __init__(
        self,
        name: str,
        initializer: Callable[..., None] | None = None,
        initargs: tuple[Any, ...] = (),
    ) -> None:
        self.name = name
        self._initializer = initializer
        self._initargs = initargs
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._unavailable = not ENABLED
        _ALL.append(self)

    @property
    def in_process(self) -> bool:
        """Jobs run in the calling thread (no helper process could be started, or none wanted;
        a test may set it, to reach into the job with its stand-ins)."""
        return self._unavailable

    @in_process.setter
    def in_process(self, value: bool) -> None:
        self._unavailable = value

    def start(self) -> None:
        """Start the helper now, in the background (a window that will need it soon): the first
        job then does not wait for Python, the imports and the initializer.  Returns at once."""
        if self._unavailable:
            return
        threading.Thread(target=self._warm, name=f"start {self.name}", daemon=True).start()

    def _warm(self) -> None:
        with contextlib.suppress(Exception):  # the first real call says what went wrong
            self._submit(_pid).result()

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``fn(*args, **kwargs)`` in the helper process; its value, or its exception raised
        here.  Blocks the calling thread (without the interpreter lock) until it is done."""
        if self._unavailable:
            return fn(*args, **kwargs)
        try:
            future = self._submit(fn, *args, **kwargs)
        except (_CannotStart, BrokenProcessPool) as exc:
            return self._here(fn, args, kwargs, exc)
        try:
            return future.result()
        except BrokenProcessPool as exc:
            self._forget_pool()
            if not self._can_start():  # it never got as far as the job: none starts here
                return self._here(fn, args, kwargs, exc)
            log.error("%s: the helper process stopped under a job", self.name)
            raise HelperStopped(f"the {self.name} helper stopped") from exc

    def _here(
        self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], why: Exception
    ) -> Any:
        """No helper process can start on this PC (or run its initializer): this job and the
        next run in the calling thread, as before there was a helper."""
        log.warning(
            "%s: no helper process (%s); the work runs in this one",
            self.name,
            str(why) or type(why).__name__,
        )
        self._unavailable = True
        self._forget_pool()
        return fn(*args, **kwargs)

    def _can_start(self) -> bool:
        """A new helper starts and answers (after one ended under a job: was it the job?)."""
        try:
            self._submit(_pid).result(timeout=START_TIMEOUT_S)
        except Exception:
            self._forget_pool()
            return False
        return True

    def pid(self) -> int | None:
        """The helper's process id (starting it if need be); None when jobs run in-process."""
        if self._unavailable:
            return None
        return self._submit(_pid).result()

    def _submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
        with self._lock:
            for attempt in (1, 2):
                if self._pool is None:
                    self._pool = self._new_pool()
                try:
                    return self._pool.submit(fn, *args, **kwargs)
                except BrokenProcessPool:  # it died since the last job: a new one, once
                    self._pool.shutdown(wait=False)
                    self._pool = None
                    if attempt == 2:
                        raise
                except (OSError, RuntimeError) as exc:  # no process can be started here
                    self._pool.shutdown(wait=False)
                    self._pool = None
                    raise _CannotStart(str(exc)) from exc
        raise AssertionError("unreachable")

    def _new_pool(self) -> ProcessPoolExecutor:
        try:
            pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_helper_started,
                initargs=(self._initializer, self._initargs),
            )
        except (OSError, ValueError, NotImplementedError) as exc:
            raise _CannotStart(str(exc)) from exc
        log.info("%s: helper process starting", self.name)
        return pool

    def _forget_pool(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None

    def stop(self, timeout: float = 5.0) -> None:
        """End the helper (the program closes): jobs not started are dropped, one under way
        gets ``timeout`` seconds, then the process is ended."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(timeout)
            if process.is_alive():
                log.warning("%s: the helper process did not end; it is stopped", self.name)
                process.terminate()
                process.join(1.0)


class _CannotStart(Exception):
    """No helper process can be started on this system."""


_ALL: list[HelperProcess] = []


def _stop_all() -> None:
    for helper in _ALL:
        with contextlib.suppress(Exception):  # leaving anyway
            helper.stop(timeout=2.0)


# before concurrent.futures joins its helpers at exit (it would wait for a stuck print job)
_register = getattr(threading, "_register_atexit", None)
if _register is not None:
    _register(_stop_all)
else:  # pragma: no cover - other Pythons
    atexit.register(_stop_all)


# -- the database, from inside a helper -------------------------------------------------------
@dataclass(frozen=True)
class DatabaseRecipe:
    """How a helper opens the database of this process: its class, name and connection
    options (the password among them: it goes through the pipe to the helper, never to a log or
    a file)."""

    cls: type[pw.Database]
    database: str
    options: tuple[tuple[str, Any], ...] = field(repr=False)

    @classmethod
    def of(cls, db: pw.Database) -> DatabaseRecipe:
        options = dict(db.connect_params)
        if isinstance(db, pw.SqliteDatabase):  # what SqliteDatabase keeps out of connect_params
            options.update(
                pragmas=tuple(tuple(p) for p in db._pragmas),
                timeout=db._timeout,
                returning_clause=db.returning_clause,
            )
        return cls(type(db), db.database, tuple(sorted(options.items())))

    @property
    def shared(self) -> bool:
        """Another process can open it (not an SQLite database in memory)."""
        return not (
            issubclass(self.cls, pw.SqliteDatabase)
            and (self.database in ("", ":memory:") or "mode=memory" in self.database)
        )

    def make(self) -> pw.Database:
        return self.cls(self.database, **dict(self.options))


_databases: dict[DatabaseRecipe, pw.Database] = {}


def database(recipe: DatabaseRecipe) -> pw.Database:
    """In a helper: the database of ``recipe``, the models bound to it (made once, kept).
    In the program itself (a job run in-process) the database the models are bound to."""
    from models.database import bind, database_proxy

    if not IN_HELPER:
        return database_proxy.obj
    db = _databases.get(recipe)
    if db is None:
        db = _databases[recipe] = recipe.make()
    if database_proxy.obj is not db:
        bind(db)
    return db
