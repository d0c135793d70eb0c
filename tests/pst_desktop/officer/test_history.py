"""The visit history: filters, drafts, and the XLSX export."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from models.entities import Role
from pst_desktop.officer.history import HistoryFilter, export_xlsx, history, officers_of
from pst_desktop.officer.online import OnlineService
from tests.pst_desktop.officer_support import served_record, service


@pytest.fixture
def records(office, clock, make_actor):
    ani, budi = make_actor(Role.OFFICER, "ani"), make_actor(Role.OFFICER, "budi")
    first = served_record(
        office,
        clock,
        ani,
        make_actor,
        topic="Inflasi",
        question="Inflasi Oktober?",
        answer="2,1 persen.",
        name="Rina",
    )
    clock.advance(days=1)  # Wednesday
    second = served_record(
        office,
        clock,
        budi,
        make_actor,
        topic="Kemiskinan",
        question="Kemiskinan 2026?",
        answer="12,5 persen.",
        name="Dodi",
        need_met="not_yet",
    )
    online = OnlineService(clock).open(
        ani, channel="email", contact="ika@example.com", question="PDRB 2025?", topic="PDRB"
    )
    return {"ani": ani, "budi": budi, "first": first, "second": second, "online": online.id}


def ids(rows):
    return [r.visit_id for r in rows]


def test_filters(office, records):
    r = records
    assert ids(history(office.id, HistoryFilter())) == [r["online"], r["second"], r["first"]]
    day = dt.date(2026, 11, 24)
    assert ids(history(office.id, HistoryFilter(date_from=day, date_to=day))) == [r["first"]]
    assert ids(history(office.id, HistoryFilter(officer_id=r["ani"].user_id))) == [
        r["online"],
        r["first"],
    ]
    assert ids(history(office.id, HistoryFilter(channel="email"))) == [r["online"]]
    assert ids(history(office.id, HistoryFilter(need_met="not_yet"))) == [r["second"]]
    assert ids(history(office.id, HistoryFilter(text="kemiskin"))) == [r["second"]]
    assert ids(history(office.id, HistoryFilter(service_id=service(office, "library").id))) == []
    row = history(office.id, HistoryFilter(need_met="not_yet"))[0]
    assert (row.code, row.visitor_name, row.officer_name) == ("K-001", "Dodi", "Staf budi")
    assert row.data_requested == "PDRB, Bengkulu, 2020–2024, province, annual"
    assert [name for _, name in officers_of(office.id)][:2] == ["Admin Kantor", "Staf ani"]


def test_export_xlsx(tmp_path, office, records):
    rows = history(office.id, HistoryFilter())
    path = export_xlsx(rows, tmp_path / "out" / "riwayat.xlsx", office.id, "id")
    sheet = load_workbook(path).active
    values = list(sheet.values)
    assert values[0][:3] == ("Date", "Number", "Channel")  # source language in tests
    assert len(values) == 4
    assert values[2][1] == "K-001" and values[2][12] == "Belum"
    assert values[1][2] == "Surat/E-mail" and values[1][5] == "ika@example.com"
    assert sheet.freeze_panes == "A2"


def bulk_records(office, clock, officer, n: int) -> None:
    """``n`` finished walk-in visits with a consultation record each, inserted in bulk."""
    from models.entities import Consultation, Visit, Visitor

    now = clock.now()
    guest = Visitor.create(
        office=office.id, name="Rina", email="rina@example.com", created_at=now, updated_at=now
    )
    consultation = service(office)
    first_id = Visit.select(Visit.id).order_by(Visit.id.desc()).scalar() or 0
    day0 = dt.date(2026, 9, 1)
    Visit.insert_many(
        [
            {
                "office": office.id,
                "visitor": guest.id,
                "service": consultation.id,
                "ticket_service": consultation.id,
                "day": day0 + dt.timedelta(days=i // 40),
                "number": i % 40 + 1,
                "status": "done",
                "officer": officer.user_id,
                "issued_at": now,
                "updated_at": now,
            }
            for i in range(n)
        ]
    ).execute()
    visits = Visit.select(Visit.id).where(Visit.id > first_id).order_by(Visit.id)
    Consultation.insert_many(
        [
            {
                "visit": v.id,
                "officer": officer.user_id,
                "topic": "Inflasi" if i % 2 else "Kemiskinan",
                "question": "Data?\x07" if i == 0 else "Data?",  # an old record's control char
                "created_at": now,
                "updated_at": now,
            }
            for i, v in enumerate(visits)
        ]
    ).execute()


def test_the_export_holds_every_matching_record_not_only_the_window_list(
    tmp_path, office, clock, make_actor
):
    """2,003 records; the window lists the newest 2,000 and knows the total,
    the export holds all 2,003 (it stopped silently at 2,000)."""
    from pst_desktop.officer import history as history_module

    officer = make_actor(Role.OFFICER)
    total = history_module.HISTORY_LIMIT + 3
    bulk_records(office, clock, officer, total)

    assert len(history(office.id, HistoryFilter())) == history_module.HISTORY_LIMIT
    assert history_module.count(office.id, HistoryFilter()) == total
    inflasi = HistoryFilter(text="inflasi")
    assert history_module.count(office.id, inflasi) == total // 2

    path, written = history_module.export_matching(office.id, HistoryFilter(), tmp_path / "h.xlsx")
    assert written == total
    book = load_workbook(path, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert len(rows) == 1 + total
    assert not any("\x07" in v for row in rows for v in row if isinstance(v, str))
    path, written = history_module.export_matching(office.id, inflasi, tmp_path / "i.xlsx")
    assert written == total // 2
