"""The fair queue's figures against a hand count: priority share, waits by class,
the rule's effect, and each desk's time per state, on a fixed day played through the services
with a fixed clock.  Both databases."""

from __future__ import annotations

import datetime as dt

import pytest

from models.entities import Desk, Role, ServiceType
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.reporting.fair_queue import ClassWaits, desk_times, fair_queue
from pst_desktop.reporting.today import today_summary
from pst_desktop.visits.desk_state import DeskStateService
from pst_desktop.visits.priority import CallReason, PriorityMark
from pst_desktop.visits.priority import PriorityReason as R
from pst_desktop.visits.queue import QueueService
from tests.support import wib

TUESDAY, WEDNESDAY = dt.date(2026, 11, 24), dt.date(2026, 11, 25)
MINUTES = dt.timedelta(minutes=1)


@pytest.fixture
def staff(make_actor):
    return {
        "receptionist": make_actor(Role.RECEPTIONIST),
        "officer": make_actor(Role.OFFICER),
        "second": make_actor(Role.OFFICER),
        "supervisor": make_actor(Role.SUPERVISOR),
    }


@pytest.fixture
def wednesday(db, clock, office, staff):
    """Wednesday 25 November, one desk (Meja 1), N = 2, M = 20:

    | ticket | issued | class                     | called | why      | wait |
    | K-001  | 09:00  | normal                    | 09:20  | turn     | 20   |
    | K-002  | 09:01  | priority, elderly         | 09:10  | priority | 9    |
    | K-003  | 09:02  | priority, pregnant        | 09:15  | priority | 13   |
    | K-004  | 09:03  | priority, other           | 09:30  | order    | 27   |
    | K-005  | 09:04  | normal                    | 09:31  | waited   | 27   |
    | K-006  | 09:05  | priority, disability (sensory) | 09:40 | order | 35 (assisted) |
    | K-007  | 09:06  | normal, cancelled         | —      |          |      |
    """
    receptionist, officer = staff["receptionist"], staff["officer"]
    registration, queue = RegistrationService(clock), QueueService(clock)
    plain = registration.register(
        receptionist,
        VisitorForm(name="Siti", email="siti@example.com", gender="female", consent=True),
    )
    deaf = registration.register(
        receptionist,
        VisitorForm(
            name="Budi", email="budi@example.com", gender="male", consent=True, disability="sensory"
        ),
    )
    k = ServiceType.get((ServiceType.office == office.id) & (ServiceType.code == "consultation"))
    desk = Desk.get((Desk.office == office.id) & (Desk.name == "Meja 1"))
    Desk.update(active=False).where((Desk.office == office.id) & (Desk.id != desk.id)).execute()
    tickets = [
        (None, plain),
        (PriorityMark(R.ELDERLY), plain),
        (PriorityMark(R.PREGNANT), plain),
        (PriorityMark(R.OTHER, "korban banjir"), plain),
        (None, plain),
        (PriorityMark(R.DISABILITY), deaf),
        (None, plain),
    ]
    ids = []
    for minute, (mark, visitor) in enumerate(tickets):
        clock.set(wib(2026, 11, 25, 9, minute))
        ids.append(
            queue.issue_ticket(
                receptionist, visitor_id=visitor.id, service_id=k.id, priority_mark=mark
            ).visit_id
        )
    queue.cancel(receptionist, ids[6], "Salah layanan")
    calls = []
    for hour, minute in ((9, 10), (9, 15), (9, 20), (9, 30), (9, 31), (9, 40)):
        clock.set(wib(2026, 11, 25, hour, minute))
        visit = queue.call_next(officer, desk.id)
        calls.append((visit.number, visit.call_reason))
        queue.finish(officer, visit.id)
    assert calls == [
        (2, CallReason.PRIORITY),
        (3, CallReason.PRIORITY),
        (1, CallReason.TURN),
        (4, CallReason.ORDER),
        (5, CallReason.WAITED),
        (6, CallReason.ORDER),
    ]
    return office


def test_priority_share_waits_by_class_and_the_rules_effect(wednesday):
    figures = fair_queue(wednesday.id, WEDNESDAY, WEDNESDAY)
    assert (figures.issued, figures.priority) == (7, 4)
    assert figures.priority_percent == pytest.approx(400 / 7)
    assert dict(figures.by_reason) == {
        "disability": 1,
        "elderly": 1,
        "pregnant": 1,
        "small_child": 0,
        "other": 1,
    }
    assert figures.normal == ClassWaits(issued=3, called=2, median=23.5, p90=27.0)
    assert figures.first == ClassWaits(issued=4, called=4, median=20.0, p90=35.0)
    assert (figures.jumps, figures.turns, figures.waited, figures.assisted) == (2, 1, 1, 1)
    # another range: nothing
    empty = fair_queue(wednesday.id, TUESDAY, TUESDAY)
    assert (empty.issued, empty.priority_percent, empty.normal.median) == (0, None, None)


def test_each_desks_time_per_state(db, clock, office, staff):
    """Tuesday 24 November (08:00–15:30), seen at 12:00:

    - Meja 1: open from 08:00 (no state yet; the officer's window reports at 08:30), on a break
      10:00–10:20, open again, closed at 11:00 → open 2:40, break 0:20, closed 1:00;
    - Meja 2: closed on Monday at 15:00 and never opened → closed 4:00;
    - Meja 3: the officer's window reported at 08:00 and went quiet: closed by itself at
      08:10 → open 0:10, closed 3:50;
    - Meja 4: never had a state → open 4:00, not tracked.
    """
    officer, second, supervisor = staff["officer"], staff["second"], staff["supervisor"]
    states = DeskStateService(clock)
    desks = {d.name: d.id for d in Desk.select().where(Desk.office == office.id)}
    for n in (3, 4):
        desks[f"Meja {n}"] = Desk.create(office=office.id, name=f"Meja {n}").id
    clock.set(wib(2026, 11, 23, 15, 0))
    states.set_state(supervisor, desks["Meja 2"], "closed")
    clock.set(wib(2026, 11, 24, 8, 0))
    states.keep_alive(second, desks["Meja 3"])
    clock.set(wib(2026, 11, 24, 8, 30))
    states.keep_alive(officer, desks["Meja 1"])
    assert states.close_unattended(office.id) == [desks["Meja 3"]]
    clock.set(wib(2026, 11, 24, 10, 0))
    back = wib(2026, 11, 24, 10, 30)
    states.set_state(officer, desks["Meja 1"], "break", reason="Sholat", expected_back=back)
    clock.set(wib(2026, 11, 24, 10, 5))
    later = wib(2026, 11, 24, 10, 40)  # the return moved: the same break
    states.set_state(officer, desks["Meja 1"], "break", reason="Sholat", expected_back=later)
    clock.set(wib(2026, 11, 24, 10, 20))
    states.set_state(officer, desks["Meja 1"], "open")
    clock.set(wib(2026, 11, 24, 11, 0))
    states.set_state(officer, desks["Meja 1"], "closed")
    clock.set(wib(2026, 11, 24, 12, 0))

    got = {
        t.name: (t.open, t.on_break, t.closed, t.breaks, t.closed_by_itself, t.tracked)
        for t in desk_times(office.id, TUESDAY, clock.now())
    }
    h = dt.timedelta(hours=1)
    assert got == {
        "Meja 1": (2 * h + 40 * MINUTES, 20 * MINUTES, h, 1, 0, True),
        "Meja 2": (0 * h, 0 * h, 4 * h, 0, 0, True),
        "Meja 3": (10 * MINUTES, 0 * h, 3 * h + 50 * MINUTES, 0, 1, True),
        "Meja 4": (4 * h, 0 * h, 0 * h, 0, 0, False),
    }
    # the whole day, seen after closing time: up to 15:30
    full = {t.name: t for t in desk_times(office.id, TUESDAY, wib(2026, 11, 24, 18, 0))}
    assert full["Meja 1"].closed == 4 * h + 30 * MINUTES
    assert desk_times(office.id, dt.date(2026, 11, 28), clock.now()) == []  # a Saturday

    # the supervisor's live day shows the desks' states and times
    summary = today_summary(office.id, clock)
    assert [(s.name, s.state.value) for s in summary.desk_states] == [
        ("Meja 1", "closed"),
        ("Meja 2", "closed"),
        ("Meja 3", "closed"),
        ("Meja 4", "open"),
    ]
    assert [t.name for t in summary.desk_times] == ["Meja 1", "Meja 2", "Meja 3", "Meja 4"]
    assert summary.fair_queue.issued == 0


def test_the_report_prints_the_priority_section(wednesday, clock, tmp_path):
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    from pst_desktop.reporting.pdf import render_report_pdf
    from pst_desktop.reporting.reports import build_report
    from pst_desktop.reporting.xlsx import export_report_xlsx

    data = build_report(wednesday.id, WEDNESDAY, WEDNESDAY, clock=clock, language="en")
    assert data.fair_queue == fair_queue(wednesday.id, WEDNESDAY, WEDNESDAY)
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(render_report_pdf(data))).pages
    )
    text = " ".join(text.split())
    assert "Priority service" in text
    assert "Normal 3 42.9% 2 23.5 27.0" in text and "Priority 4 57.1% 4 20.0 35.0" in text
    assert "Normal tickets called first after waiting longer than M minutes 1" in text
    book = load_workbook(export_report_xlsx(data, tmp_path / "report.xlsx"), read_only=True)
    sheet = [tuple(row) for row in book["Priority service"].iter_rows(values_only=True)]
    assert sheet[1] == ("Normal", 3, 42.9, 2, 23.5, 27.0)
    assert sheet[2] == ("Priority", 4, 57.1, 4, 20.0, 35.0)
    assert sheet[4 + 4][:2] == ("Reason for priority: other", 1)
    effect = {row[0]: row[1] for row in sheet[10:]}
    assert effect == {
        "Priority tickets called ahead of an older waiting normal ticket": 2,
        "Normal tickets called on their turn after N priority calls": 1,
        "Normal tickets called first after waiting longer than M minutes": 1,
        "Calls flashed and repeated for a visitor with a sensory disability": 1,
    }
    # Indonesian by default
    data_id = build_report(wednesday.id, WEDNESDAY, WEDNESDAY, clock=clock)
    text_id = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(render_report_pdf(data_id))).pages
    )
    assert "Layanan prioritas" in text_id
