"""Longest event-loop stall per staff action on a year of data (never freeze).

A probe ``QTimer`` fires every ``PROBE_MS`` on the GUI thread and records how late it fires;
the longest lateness while an action runs (until its answer is on screen, plus a short settle)
is how long the window stopped answering.  Each figure is printed beside the 16 ms frame budget
and the 50 ms rule, and beside a baseline measured in the same run: the same work called
directly, off the event loop (the service call or query the action waits for).  On Linux it
also says how much of the worst stall the window's thread was ready to run but the PC gave it no
processor ("no CPU", from the thread's schedstat) and the stall net of that: on a PC busy with
other programs (a CI box, a shared server) that part is the machine's, not the app's.

The reception's window runs alone for its actions, then the officer's, as on their own PCs.
Actions: reception guest-book search while typing, F9 issue (save and number on the window's
write thread, then the ticket's read on the print thread, its render and QR and the print to a
PDF file in the ticket printing helper process, until the number and the print's answer are
shown),
reception queue refresh, officer F2+F8 (call next, finish with a record), officer refresh after
another station's change, past-answer search, history text filter (typed), XLSX export of the
history list (read and written in the export helper process).

    python bench/stall.py                                   # SQLite: builds a year (~40 s)
    python bench/stall.py --sqlite /tmp/hf/year.db          # a year you made (copied first)
    python bench/stall.py --no-sqlite --pg postgresql://postgres@127.0.0.1:5432/pst_year
    python bench/stall.py --repeat 5 --only search,history

A year: ``python -m pst_desktop --db sqlite:////tmp/hf/year.db demo-data --days 250
--visits-per-day 1000`` (263k visits, 141k consultations, 210k visitors).  ``--pg URL`` uses
that database as it is (it adds a few tickets); with only ``PST_TEST_DATABASE_URL`` set, a
throwaway schema is filled with a year first (about a minute) and dropped afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._common import WIB, demo_office, pg_schema, print_table, with_schema

PROBE_MS = 4
#: officer F2+F8: F8 pressed this long after F2 (a quick officer's next key), so each key is
#: its own event as on a keyboard; ``PST_BENCH_F2_F8_ONE_CALL=1``: both in one call, as before
F8_AFTER_MS = 100
ONE_KEY_EACH = os.environ.get("PST_BENCH_F2_F8_ONE_CALL", "") != "1"
FRAME_MS = 16.7
RULE_MS = 50.0
#: Tuesday 1 December 2026, 10:00 WIB: the working day after a demo year ending 30 November
MOMENT = dt.datetime(2026, 12, 1, 10, 0, tzinfo=WIB)
ACTIONS = (
    "reception-search",
    "f9-issue",
    "reception-refresh",
    "officer-f2-f8",
    "officer-refresh",
    "search",
    "history",
    "export",
)


@dataclass
class Row:
    database: str
    action: str
    stalls_ms: list[float]
    baseline_ms: float
    baseline: str
    #: of each stall, the time the GUI thread was ready but had no processor (Linux; else [])
    waits_ms: list[float] = field(default_factory=list)

    @property
    def worst(self) -> float:
        return max(self.stalls_ms)

    @property
    def worst_wait(self) -> float | None:
        """No processor, within the worst stall."""
        if len(self.waits_ms) != len(self.stalls_ms):
            return None
        return self.waits_ms[self.stalls_ms.index(self.worst)]

    @property
    def worst_net(self) -> float | None:
        """The longest stall less its wait for a processor: what the app itself held the window
        for (its work, its threads), whatever else the PC was doing."""
        if len(self.waits_ms) != len(self.stalls_ms):
            return None
        return max(s - w for s, w in zip(self.stalls_ms, self.waits_ms, strict=True))


class StallProbe:
    """A precise timer on the GUI thread that records its own lateness."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0
        #: (stall, of it no processor) of each ``measure``, in order
        self.history: list[tuple[float, float | None]] = []
        self.worst_wait: float | None = None
        self._waited = 0.0
        # the GUI thread's time ready to run but without a processor (Linux: schedstat), so
        # that a busy PC's share of a stall can be told from the app's own
        self._schedstat: int | None = None
        with contextlib.suppress(OSError):
            path = f"/proc/self/task/{threading.get_native_id()}/schedstat"
            self._schedstat = os.open(path, os.O_RDONLY)

    def _run_queue_ms(self) -> float:
        if self._schedstat is None:
            return 0.0
        return int(os.pread(self._schedstat, 100, 0).split()[1]) / 1e6

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        waited = self._run_queue_ms()
        late = now - self.last - PROBE_MS
        if late > self.worst:
            self.worst = late
            if self._schedstat is not None:
                self.worst_wait = min(late, max(0.0, waited - self._waited))
        self.last = now
        self._waited = waited

    def measure(
        self,
        action: Callable[[], None],
        done: Callable[[], bool],
        settle_ms: int = 120,
        timeout_s: float = 300,
    ) -> float:
        """Run ``action`` on the GUI thread, spin the event loop until ``done()`` and a settle;
        returns the longest lateness of the probe (ms)."""
        from PySide6.QtCore import QEventLoop, QTimer

        self.clock.start()
        self.last = 0.0
        self.timer.start()
        spin(settle_ms)  # the probe's own first ticks
        self.worst = 0.0
        self.worst_wait = None if self._schedstat is None else 0.0
        action()
        loop = QEventLoop()
        deadline = time.monotonic() + timeout_s
        check = QTimer()
        check.setInterval(10)

        def poll() -> None:
            if done() or time.monotonic() > deadline:
                loop.quit()

        check.timeout.connect(poll)
        check.start()
        loop.exec()
        check.stop()
        spin(settle_ms)
        self.timer.stop()
        self.history.append((max(0.0, self.worst), self.worst_wait))
        return max(0.0, self.worst)


def spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def timed(work: Callable[[], object], repeat: int = 3) -> float:
    """Best of ``repeat`` direct calls (ms)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best


class HistoryParts:
    """The officer window's history list and export, in its own tab (``history_tab``) or, in
    older windows, on the window itself."""

    def __init__(self, window) -> None:
        tab = getattr(window, "history_tab", None)
        if tab is not None and hasattr(tab, "reader"):
            self.text = getattr(tab, "words", None) or tab.text
            self.reader = tab.reader
            self.timer = getattr(tab, "_text_timer", None)
            self.export_runner = tab.export_runner
            self.filter, self.export = tab.filter, tab.export
        else:
            self.text, self.reader = window.history_text, window.history_reader
            self.timer = getattr(window, "_history_timer", None)
            self.export_runner = window.export_runner
            self.filter, self.export = window.history_filter, window.export_history


def shown(window):
    """``window`` with the start-up heap settled, as the app does before it shows a window
    (``pst_desktop.core.heap``), then shown at 1366x768 and its first reads done."""
    try:
        from pst_desktop.core import heap
    except ImportError:  # a tree from before it (comparing)
        pass
    else:
        heap.settle()
    window.resize(1366, 768)
    window.show()
    spin(1500)
    return window


def close(window) -> None:
    window.shutdown()
    window.close()
    window.deleteLater()
    spin(200)


def typing(widget, text: str, gap_ms: int = 110) -> Callable[[], None]:
    """An action that types ``text`` into ``widget`` at a receptionist's pace."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    def act() -> None:
        widget.setFocus()
        widget.clear()
        for i, char in enumerate(text):
            QTimer.singleShot(i * gap_ms, lambda c=char: QTest.keyClicks(widget, c))

    return act


def idle(*readers) -> Callable[[], bool]:
    return lambda: all(not (r is not None and r.busy()) for r in readers)


def run_database(url: str, label: str, actions: list[str], repeat: int) -> list[Row]:
    from PySide6.QtCore import QSettings

    from models.database import database_proxy
    from models.entities import Role, ServiceType, UserAccount, Visitor
    from pst_desktop.admin.accounts import actor_for
    from pst_desktop.core.clock import FixedClock
    from pst_desktop.core.settings import StationSettings
    from pst_desktop.db.connection import open_database
    from pst_desktop.frontdesk import reception as front_desk
    from pst_desktop.frontdesk import ticket_pdf
    from pst_desktop.frontdesk.guest_book import RegistrationService
    from pst_desktop.officer import consultations, history, workspace
    from pst_desktop.visits.queue import QueueService
    from ui.officer.window import OfficerWindow
    from ui.reception.window import ReceptionWindow
    from ui.session import Session

    clock = FixedClock(MOMENT)
    db = open_database(url)
    folder = Path(tempfile.mkdtemp(prefix="pst-stall-"))
    rows: list[Row] = []
    try:
        office_id = Visitor.select(Visitor.office).limit(1).scalar()
        from models.entities import Office

        office = Office.get_by_id(office_id)
        receptionist = UserAccount.get(
            (UserAccount.office == office_id) & (UserAccount.role == Role.RECEPTIONIST.value)
        )
        desk = workspace.desks_of(office_id)[0]
        officer = (
            UserAccount.select()
            .where((UserAccount.office == office_id) & (UserAccount.role == Role.OFFICER.value))
            .order_by(UserAccount.id)
            .first()
        )
        rec_actor, off_actor = actor_for(receptionist), actor_for(officer)
        visitor = Visitor.select().where(Visitor.office == office_id).order_by(Visitor.id).first()
        service = ServiceType.get_by_id(desk.service_ids[0])
        queue = QueueService(clock)
        ini = QSettings(str(folder / "station.ini"), QSettings.Format.IniFormat)
        settings = StationSettings(ini)
        settings.desk_id = desk.desk_id
        for _ in range(3 * repeat + 2):  # tickets for the officer to call
            queue.issue_ticket(rec_actor, visitor_id=visitor.id, service_id=service.id)
        probe = StallProbe()
        registration = RegistrationService(clock)

        def add(action: str, stalls: list[float], base: float, what: str) -> None:
            # the stalls are those of the last measures
            waits = [w for _, w in probe.history[-len(stalls) :]]
            row = Row(label, action, stalls, base, what)
            if all(w is not None for w in waits):
                row.waits_ms = [float(w or 0.0) for w in waits]
            rows.append(row)
            print(f"  {label} {action}: {max(stalls):.0f} ms", file=sys.stderr)

        # each station's window runs alone, as on its own PC: the reception's actions first,
        # then the officer's (both in one process shared the event loop and the interpreter
        # lock, so the officer window's answer to a new ticket counted in the reception's F9)
        reception = shown(
            ReceptionWindow(
                Session(receptionist, rec_actor, office, "bench", clock),
                settings=settings,
                ticket_folder=folder / "tickets",
                print_to_file=str(folder / "printer.pdf"),
            )
        )
        probe.measure(lambda: None, lambda: not reception._loading)
        if "reception-search" in actions:
            reader = getattr(reception, "search_reader", None)
            stalls = []
            for word in ("budi santoso", "siti", "0812")[:repeat] or ["budi"]:

                def found(w=word) -> bool:
                    return (
                        not reception._search_timer.isActive()
                        and idle(reader)()
                        and reception.search.text() == w
                    )

                stalls.append(probe.measure(typing(reception.search, word), found, settle_ms=400))
            base = timed(lambda: registration.find(rec_actor, "budi santoso", limit=8))
            add("reception-search", stalls, base, "registration.find, same text")
        if "f9-issue" in actions:
            stalls = []
            answers: list = []  # the print thread's answers: read, rendered, kept and printed
            reception.ticket_printed.connect(answers.append)
            # the save and the number run on the window's write thread (ui.calls): the action
            # ends once the number shows (last_code), the write is answered, the print thread
            # answered and the queue read after it is shown
            calls = getattr(reception, "calls", None)
            for i in range(repeat):
                reception.new_visitor()
                reception.load_visitor(visitor.id)
                form = reception.form
                form.service.setCurrentIndex(form.service.findData(service.id))
                before = reception.last_code.text()

                def issued(n=i + 1, before=before) -> bool:
                    return (
                        reception.last_code.text() != before
                        and not (calls is not None and calls.busy)
                        and len(answers) >= n
                        and not reception._loading
                    )

                stalls.append(probe.measure(reception.issue_ticket, issued, settle_ms=300))
            failed = [a.message for a in answers if not a.printed]
            if failed:
                print(f"  f9-issue: not printed: {failed}", file=sys.stderr)

            def bare_issue() -> None:
                issued = queue.issue_ticket(rec_actor, visitor_id=visitor.id, service_id=service.id)
                data = ticket_pdf.ticket_data_for(issued.visit_id, clock, "id")
                ticket_pdf.render_ticket(data, paper=settings.ticket_paper, language="id")

            base = timed(bare_issue)
            add("f9-issue", stalls, base, "issue_ticket + render_ticket")
        if "reception-refresh" in actions:
            stalls = [
                probe.measure(reception.refresh, lambda: not reception._loading)
                for _ in range(repeat)
            ]
            base = timed(lambda: front_desk.queue_snapshot(office_id, clock.now()))
            add("reception-refresh", stalls, base, "reception.queue_snapshot")
        close(reception)
        officer_window = OfficerWindow(
            Session(officer, off_actor, office, "bench", clock),
            settings=settings,
            draft_folder=folder / "drafts",
            housekeeping_ms=3_600_000,
        )
        shown(officer_window)
        officer_window.choose_desk(desk.desk_id)
        hist = HistoryParts(officer_window)
        hist_reader = hist.reader
        # the serve tab's past-answer search (on the window itself before the tabs were split)
        serve = getattr(officer_window, "serve_tab", officer_window)
        probe.measure(lambda: None, idle(hist_reader, getattr(serve, "search_reader", None)))
        # the officer window reads its queue on a worker thread: an action's
        # answer is on screen once that read is shown
        snapshots = getattr(officer_window, "snapshot_reader", None)
        if "officer-f2-f8" in actions:
            from PySide6.QtCore import QTimer

            stalls = []
            finished: list[bool] = []
            # the moves run on the window's write thread (ui.calls): F8 waits for F2's answer
            # (the key would do nothing while F2 is under way) and the cycle ends with F8's
            calls = getattr(officer_window, "calls", None)

            def moving() -> bool:
                return calls is not None and calls.busy

            def f8() -> None:
                if moving():
                    QTimer.singleShot(5, f8)
                    return
                if officer_window.held is not None:
                    officer_window.form.answer.setPlainText("Data tersedia di publikasi.")
                    need_met = officer_window.form.need_met  # F8 needs it
                    need_met.setCurrentIndex(need_met.findData("yes_fit"))
                    officer_window.finish()
                finished.append(True)

            def cycle() -> None:
                finished.clear()
                officer_window.call_next()
                if ONE_KEY_EACH:
                    QTimer.singleShot(F8_AFTER_MS, f8)
                else:
                    f8()

            for _ in range(repeat):
                stalls.append(
                    probe.measure(
                        cycle, lambda: bool(finished) and not moving() and idle(snapshots)(), 300
                    )
                )

            def bare_cycle() -> None:
                visit = queue.call_next(off_actor, desk.desk_id)
                if visit is not None:
                    queue.finish(off_actor, visit.id)

            base = timed(bare_cycle)
            add("officer-f2-f8", stalls, base, "queue.call_next + queue.finish")
        if "officer-refresh" in actions:
            stalls = [probe.measure(officer_window.refresh, idle(snapshots)) for _ in range(repeat)]
            base = timed(
                lambda: (
                    workspace.held(queue, off_actor),
                    workspace.desk_queue(office_id, desk, clock.now()),
                )
            )
            add("officer-refresh", stalls, base, "workspace.held + desk_queue")
        if "search" in actions:
            reader = getattr(serve, "search_reader", None)
            stalls = []
            for word in ("data", "pdrb", "inflasi bengkulu")[: max(1, repeat)]:

                def act(w=word) -> None:
                    serve.search_edit.setText(w)
                    serve.run_search()

                stalls.append(probe.measure(act, idle(reader)))
            base = timed(lambda: consultations.search(office_id, "data"))
            add("search", stalls, base, "consultations.search('data')")
        if "history" in actions:
            officer_window.tabs.setCurrentIndex(2)
            stalls = []
            for word in ("data kabupaten", "pdrb", "inflasi")[: max(1, repeat)]:

                def done(w=word) -> bool:
                    timer = hist.timer
                    return (
                        (timer is None or not timer.isActive())
                        and idle(hist_reader)()
                        and hist.text.text() == w
                    )

                stalls.append(probe.measure(typing(hist.text, word), done, settle_ms=500))
            filters = hist.filter()
            filters.text = "data kabupaten"
            base = timed(lambda: history.history(office_id, filters))
            add("history", stalls, base, "history.history, 30 days, 'data kabupaten'")
        if "export" in actions:
            hist.text.clear()
            officer_window.refresh_history()
            probe.measure(lambda: None, idle(hist_reader))
            runner = hist.export_runner
            stalls = []
            for i in range(max(1, min(repeat, 2))):
                path = folder / f"export-{i}.xlsx"
                stalls.append(
                    probe.measure(
                        lambda p=path: hist.export(p),
                        lambda p=path: idle(runner)() and p.exists(),
                    )
                )
            filters = hist.filter()
            count = len(history.history(office_id, filters, limit=None))
            base = timed(
                lambda: history.export_matching(office_id, filters, folder / "b.xlsx"), repeat=1
            )
            add("export", stalls, base, f"history.export_matching, {count:,} records")
        close(officer_window)
    finally:
        db.close()
        database_proxy.initialize(None)
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def make_year(url: str, days: int, per_day: int) -> None:
    print(f"making {days} days x {per_day} visits in {url.split('?')[0]} …", file=sys.stderr)
    demo_office(url, days, per_day, dt.date(2026, 11, 30))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", help="a SQLite file with a year of data (copied first)")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--pg", help="a PostgreSQL URL with a year of data (used as it is)")
    parser.add_argument("--days", type=int, default=250)
    parser.add_argument("--visits-per-day", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per action (worst shown)")
    parser.add_argument("--only", help=f"comma-separated subset of {','.join(ACTIONS)}")
    args = parser.parse_args(argv)
    actions = args.only.split(",") if args.only else list(ACTIONS)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from ui.style import apply_style

    apply_style(app)
    rows: list[Row] = []
    if not args.no_sqlite:
        folder = Path(tempfile.mkdtemp(prefix="pst-stall-db-"))
        try:
            path = folder / "year.db"
            if args.sqlite:
                shutil.copyfile(args.sqlite, path)
            else:
                make_year(f"sqlite:///{path}", args.days, args.visits_per_day)
            rows += run_database(f"sqlite:///{path}", "SQLite", actions, args.repeat)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    pg_url = args.pg
    if pg_url:
        rows += run_database(pg_url, "PostgreSQL", actions, args.repeat)
    elif os.environ.get("PST_TEST_DATABASE_URL"):
        base = os.environ["PST_TEST_DATABASE_URL"]
        with pg_schema(base) as (url, schema):
            make_year(with_schema(base, schema), args.days, args.visits_per_day)
            rows += run_database(url, "PostgreSQL", actions, args.repeat)
    print()

    def ms(value: float | None) -> str:
        return "–" if value is None else f"{value:.0f}"

    print_table(
        [
            "database",
            "action",
            "stall ms",
            "median",
            "frames",
            "≤50 ms",
            "no CPU",
            "net ms",
            "work ms",
            "work",
        ],
        [
            (
                r.database,
                r.action,
                r.worst,
                statistics.median(r.stalls_ms),
                f"{r.worst / FRAME_MS:.1f}",
                "yes" if r.worst <= RULE_MS else "NO",
                ms(r.worst_wait),
                ms(r.worst_net),
                r.baseline_ms,
                r.baseline,
            )
            for r in rows
        ],
    )
    print(
        f"\nstall: the probe timer's longest lateness (every {PROBE_MS} ms) while the action ran, "
        f"worst of the runs; frames: in {FRAME_MS} ms frames; no CPU: of the worst stall, the "
        "time the window's thread was ready but the PC gave it no processor (Linux); net: the "
        "longest stall less that time, what the app held its window for; work: the same work "
        "called directly (best of 3), what the window would freeze for if it waited on it."
    )
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} processors")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
