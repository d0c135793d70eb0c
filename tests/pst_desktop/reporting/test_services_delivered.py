"""Services delivered, against a hand count of one office day with multi-service visits.

All through the queue's own moves (Tuesday 24 November 2026; Ani at Meja 1, Budi at Meja 2):

| visit | ticket | services       | what happened                                          |
| A     | K-001  | K, P           | Ani hands on after K; Budi finishes P                  |
| B     | K-002  | K              | Ani finishes                                           |
| C     | P-001  | P, D           | Budi hands on after P; Ani finishes D                  |
| D     | K-003  | K, P, R        | Ani hands on; Budi hands on; R still waits at day end  |
| E     | K-004  | K, P           | Ani finishes at K: the visitor did not want P after all |
| F     | P-002  | P              | cancelled                                              |

Tickets by the service they were numbered in: K 4 (A, B, D, E), P 2 (C, F), D 0, R 0.
Services delivered: K 4 (A, B, D, E), P 3 (A, C, D), D 1 (C), R 0: 8 in all.
Ani: served B, E, C (3) + handed on A, D (2) = 5; Budi: served A (1) + handed on C, D = 3.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from models.entities import Desk, Role, ServiceType
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.reporting.pdf import render_report_pdf
from pst_desktop.reporting.reports import build_report
from pst_desktop.reporting.who_did_what import who_did_what
from pst_desktop.reporting.xlsx import export_report_xlsx
from pst_desktop.visits.queue import QueueService
from tests.support import wib

DAY = wib(2026, 11, 24, 10, 0).date()


@pytest.fixture
def day(db, office, make_actor, clock):
    receptionist = make_actor(Role.RECEPTIONIST)
    ani = make_actor(Role.OFFICER, "ani")
    budi = make_actor(Role.OFFICER, "budi")
    desk1, desk2 = Desk.select().where(Desk.office == office.id).order_by(Desk.id)[:2]
    s = {x.code: x.id for x in ServiceType.select().where(ServiceType.office == office.id)}
    K, P, D, R = s["consultation"], s["library"], s["data_purchase"], s["recommendation"]
    visitor = RegistrationService(clock).register(
        receptionist, VisitorForm(name="Tamu", email="t@example.com", gender="male", consent=True)
    )
    q = QueueService(clock)

    def issue(first, *more):
        clock.advance(minutes=1)
        return q.issue_ticket(
            receptionist, visitor_id=visitor.id, service_id=first, more_services=more
        ).visit_id

    a, b, c, d, e, f = issue(K, P), issue(K), issue(P, D), issue(K, P, R), issue(K, P), issue(P)

    def serve(officer, desk, visit, then):
        clock.advance(minutes=2)
        q.call_ticket(officer, visit, desk.id)
        q.start(officer, visit)
        clock.advance(minutes=10)
        then(officer, visit)

    serve(ani, desk1, a, q.hand_on)
    serve(budi, desk2, a, q.finish)
    serve(ani, desk1, b, q.finish)
    serve(budi, desk2, c, q.hand_on)
    serve(ani, desk1, c, q.finish)
    serve(ani, desk1, d, q.hand_on)
    serve(budi, desk2, d, q.hand_on)
    serve(ani, desk1, e, q.finish)
    q.cancel(receptionist, f, "Salah layanan")
    return {
        "office": office.id,
        "ani": ani.user_id,
        "budi": budi.user_id,
        "desk1": desk1.id,
        "desk2": desk2.id,
        "services": (K, P, D, R),
    }


def test_per_service_tickets_and_services_delivered(day, clock):
    data = build_report(day["office"], DAY, DAY, clock=clock)
    K, P, D, R = day["services"]
    got = {r.service_id: (r.tickets, r.delivered) for r in data.delivered}
    assert got == {K: (4, 4), P: (2, 3), D: (0, 1), R: (0, 0)}
    # the visit profile still counts visits by their service now (one each)
    assert data.category("service").total == 6


def test_who_did_what_counts_each_service_delivered(day, clock):
    table = who_did_what(day["office"], DAY, DAY, clock.now())
    officers = {row.id: row for row in table.by_officer}
    ani, budi = officers[day["ani"]], officers[day["budi"]]
    assert (ani.served, ani.services_delivered) == (3, 5)
    assert (budi.served, budi.services_delivered) == (1, 3)
    desks = {row.id: row.services_delivered for row in table.by_desk}
    assert desks == {day["desk1"]: 5, day["desk2"]: 3}


def test_the_pdf_and_the_spreadsheet_show_services_delivered(day, clock, tmp_path):
    data = build_report(day["office"], DAY, DAY, clock=clock)
    reader = PdfReader(io.BytesIO(render_report_pdf(data)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert data.labels["delivered_title"] in text
    book = load_workbook(export_report_xlsx(data, tmp_path / "r.xlsx"), read_only=True)
    sheet = book[data.labels["services_delivered"][:31]]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1:] == (data.labels["tickets"], data.labels["services_delivered"])
    assert [row[1:] for row in rows[1:]] == [(4, 4), (2, 3), (0, 1), (0, 0), (6, 8)]
    book.close()
