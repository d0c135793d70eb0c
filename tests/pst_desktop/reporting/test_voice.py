"""The visitor's-voice sections of the report against a hand calculation.

On top of the hand-made month of ``report_support`` (November 2026, times WIB):

SKD (importance / satisfaction, "–" blank), day in November unless said:
| response       | skd01  | skd02  | skd03 | skd04 |
| R1 screen 2 Nov | 9 / 7  | 8 / 8  | 6 / 9 | 6 / 5 |
| R2 paper 3 Nov  | 10 / 6 | 7 / 9  | 5 / 8 |       |
| R3 screen 4 Nov | 8 / –  | 9 / 10 |       |       |
| R4 30 Oct       | 1 / 1  | (outside the range)            |
means: skd01 27/3 = 9.00 / 13/2 = 6.50 (gap −2.50); skd02 24/3 = 8.00 / 27/3 = 9.00 (+1.00);
skd03 11/2 = 5.50 / 17/2 = 8.50 (+3.00); skd04 6.00 / 5.00 (−1.00).
cross: importance (9 + 8 + 5.5 + 6) / 4 = 7.125, satisfaction (6.5 + 9 + 8.5 + 5) / 4 = 7.25:
skd01 A (9 ≥ 7.125, 6.5 < 7.25), skd02 B, skd03 D (5.5 < 7.125, 8.5 ≥ 7.25), skd04 C.

IKM: the month's four complete responses (2 screen, 1 paper, 1 not recorded) and one more on
the screen with 3 answers only (started, not a respondent; the IKM stays 83.33).

Reasons: visit 2 (2/4, low) chose U3 and U7; the October visit (1/4) chose U9 (outside).

Follow-ups (the report made Tue 24 Nov 10:00):
| F1 U3 opened 2 Nov 10:00 due 5 Nov 10:00 | Ani  | closed 4 Nov      | in time        |
| F2 U7 opened 2 Nov 11:00 due 5 Nov 11:00 | Ani  | closed 9 Nov      | late           |
| F3 U3 opened 10 Nov due 13 Nov           | Budi | open              | overdue        |
| F4 –  opened 23 Nov due 26 Nov           | –    | open              | not yet due    |
| F5 U1 opened 30 Nov 23:30 due 3 Dec      | –    | open              | not yet due    |
| F6 U9 opened 1 Dec 00:30, F7 U9 30 Oct   | (outside the range)                 |

Unmet data demand (consultation records, need met):
| visit 1 (2 Nov) "no"      | "pdrb " / Bengkulu / province / annual / 2020–2024; Kemiskinan /
|                           | Kota Bengkulu / regency / annual / 2023                          |
| visit 9 (6 Nov) "not_yet" | PDRB / bengkulu / province / annual / 2020–2024                  |
| visit 10 (6 Nov) "not_yet"| none asked; topic "Data UMKM"                                     |
| visit 2 "yes_fit", visit 6 "no" but a draft, the October visit "no": not counted            |
→ PDRB (bengkulu, Provinsi, Tahunan, 2020–2024) 2 requests, latest 6 Nov; Data UMKM 1, 6 Nov;
Kemiskinan (Kota Bengkulu, Kabupaten/Kota, Tahunan, 2023) 1, 2 Nov.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from models.entities import (
    Consultation,
    FollowUp,
    Rating,
    RatingReason,
    ServiceType,
    SurveyAnswer,
    SurveyResponse,
    Visit,
)
from pst_desktop.reporting.pdf import render_report_pdf
from pst_desktop.reporting.reports import build_report
from pst_desktop.reporting.voice_figures import quadrant
from pst_desktop.reporting.xlsx import export_report_xlsx
from tests.pst_desktop.report_support import NOVEMBER, make_month
from tests.support import wib


def _response(office, day, channel, instrument, answers):
    response = SurveyResponse.create(
        office=office.id,
        instrument=instrument,
        channel=channel,
        day=day,
        key=f"{instrument}-{day}-{channel}-{len(answers)}",
        created_at=wib(2026, 11, 24, 9, 0),
    )
    for item, aspect, value in answers:
        SurveyAnswer.create(
            response=response,
            item=item,
            aspect=aspect,
            value=value,
            answered_at=wib(2026, 11, 24, 9, 0),
        )


def _skd(*pairs):
    """(code, importance, satisfaction) → answers; None: blank."""
    out = []
    for code, importance, satisfaction in pairs:
        if importance is not None:
            out.append((code, "importance", importance))
        if satisfaction is not None:
            out.append((code, "satisfaction", satisfaction))
    return out


def _visit(office, day: int, prefix: str | None, number: int | None = None, month: int = 11):
    query = Visit.select().where(
        (Visit.office == office.id) & (Visit.day == dt.date(2026, month, day))
    )
    if prefix is None:
        return query.where(Visit.number.is_null()).first()
    service = ServiceType.get((ServiceType.office == office.id) & (ServiceType.prefix == prefix))
    return query.where((Visit.ticket_service == service.id) & (Visit.number == number)).get()


def _record(visit, need_met, requests=(), topic="", draft=False):
    now = wib(2026, 11, 24, 9, 0)
    Consultation.create(
        visit=visit.id,
        topic=topic,
        need_met=need_met,
        data_requested=json.dumps(list(requests)) if requests else "",
        is_draft=draft,
        created_at=now,
        updated_at=now,
    )


def _request(subject, region, year_from, year_to, level, period):
    return {
        "subject": subject,
        "region": region,
        "year_from": year_from,
        "year_to": year_to,
        "level": level,
        "period": period,
    }


@pytest.fixture
def voice_month(db, office, make_actor, clock):
    ids = make_month(office, make_actor)
    nov = lambda d: dt.date(2026, 11, d)  # noqa: E731
    _response(
        office,
        nov(2),
        "screen",
        "skd",
        _skd(("skd01", 9, 7), ("skd02", 8, 8), ("skd03", 6, 9), ("skd04", 6, 5)),
    )
    _response(
        office, nov(3), "paper", "skd", _skd(("skd01", 10, 6), ("skd02", 7, 9), ("skd03", 5, 8))
    )
    _response(office, nov(4), "screen", "skd", _skd(("skd01", 8, None), ("skd02", 9, 10)))
    _response(office, dt.date(2026, 10, 30), "screen", "skd", _skd(("skd01", 1, 1)))
    _response(
        office,
        nov(5),
        "screen",
        "ikm",
        [("U1", "score", 4), ("U2", "score", 4), ("U3", "score", 1)],
    )
    # reasons
    visit2 = _visit(office, 2, "K", 2)
    low = Rating.get(Rating.visit == visit2.id)
    RatingReason.create(rating=low, element="U3")
    RatingReason.create(rating=low, element="U7")
    october = _visit(office, 30, "K", 1, month=10)
    RatingReason.create(rating=Rating.get(Rating.visit == october.id), element="U9")
    # follow-ups
    ani, budi = ids["ani"], ids["budi"]
    follow = [
        ("F1", "U3", wib(2026, 11, 2, 10), wib(2026, 11, 5, 10), ani, wib(2026, 11, 4, 9)),
        ("F2", "U7", wib(2026, 11, 2, 11), wib(2026, 11, 5, 11), ani, wib(2026, 11, 9, 9)),
        ("F3", "U3", wib(2026, 11, 10, 9), wib(2026, 11, 13, 9), budi, None),
        ("F4", "", wib(2026, 11, 23, 9), wib(2026, 11, 26, 9), None, None),
        ("F5", "U1", wib(2026, 11, 30, 23, 30), wib(2026, 12, 3, 8), None, None),
        ("F6", "U9", wib(2026, 12, 1, 0, 30), wib(2026, 12, 4, 8), None, None),
        ("F7", "U9", wib(2026, 10, 30, 9), wib(2026, 11, 4, 9), None, None),
    ]
    for origin, element, opened, due, taker, closed in follow:
        FollowUp.create(
            office=office.id,
            origin=origin,
            source="complaint",
            element=element,
            opened_at=opened,
            due_at=due,
            taken_by=taker,
            taken_at=opened if taker else None,
            action_note="Sudah ditindaklanjuti" if closed else "",
            closed_at=closed,
            closed_by=taker if closed else None,
        )
    # unmet data demand
    _record(_visit(office, 2, "K", 1), "no", [
        _request("pdrb ", "Bengkulu", 2020, 2024, "province", "annual"),
        _request("Kemiskinan", "Kota Bengkulu", 2023, 2023, "regency", "annual"),
    ])  # fmt: skip
    _record(_visit(office, 6, "K", 1), "not_yet", [
        _request("PDRB", "bengkulu", 2020, 2024, "province", "annual"),
    ])  # fmt: skip
    _record(_visit(office, 6, "R", 1), "not_yet", topic="Data UMKM")
    _record(visit2, "yes_fit", [_request("Inflasi", "Bengkulu", 2025, 2025, "province", "monthly")])
    _record(_visit(office, 4, None), "no", [_request("Upah", "", 2024, 2024, "", "")], draft=True)
    _record(october, "no", [_request("PDRB", "Bengkulu", 2020, 2024, "province", "annual")])
    return build_report(office.id, *NOVEMBER, clock=clock), ids


def test_ikm_counts_complete_responses_and_shows_the_channels(voice_month):
    data, _ = voice_month
    assert data.ikm.respondents == 4 and data.ikm.index == Decimal("83.33")
    channels = {c.channel: (c.respondents, c.started) for c in data.voice.ikm_channels}
    assert channels == {"screen": (2, 3), "paper": (1, 1), "": (1, 1)}
    assert [c.label for c in data.voice.ikm_channels] == [
        "Layar pengunjung",
        "Kertas",
        "Tidak tercatat",
    ]


def test_skd_means_gaps_and_quadrants(voice_month):
    skd = voice_month[0].voice.skd
    assert skd.respondents == 3
    rows = {r.code: r for r in skd.rows}
    assert len(skd.rows) == 16  # every active attribute, answered or not
    expected = {
        "skd01": (9.0, 6.5, -2.5, 3, 2, "A"),
        "skd02": (8.0, 9.0, 1.0, 3, 3, "B"),
        "skd03": (5.5, 8.5, 3.0, 2, 2, "D"),
        "skd04": (6.0, 5.0, -1.0, 1, 1, "C"),
    }
    for code, (imp, sat, gap, n_i, n_s, q) in expected.items():
        row = rows[code]
        assert (row.importance, row.satisfaction, row.importance_n, row.satisfaction_n) == (
            imp,
            sat,
            n_i,
            n_s,
        )
        assert row.gap == pytest.approx(gap) and row.quadrant == q, code
    assert rows["skd05"].importance is None and rows["skd05"].quadrant == ""
    assert (skd.mean_importance, skd.mean_satisfaction) == (7.125, 7.25)


@pytest.mark.parametrize(
    ("importance", "satisfaction", "expected"),
    [(8, 6, "A"), (8, 8, "B"), (6, 6, "C"), (6, 8, "D"), (7, 7, "B"), (None, 7, "")],
)
def test_the_quadrant_rule(importance, satisfaction, expected):
    assert quadrant(importance, satisfaction, 7, 7) == expected  # on the cross: B


def test_reasons_per_element(voice_month):
    reasons = voice_month[0].voice.reasons
    assert (reasons.low_ratings, reasons.with_reason) == (1, 1)
    counts = {r.element: r.count for r in reasons.rows}
    assert counts == {f"U{i}": (1 if i in (3, 7) else 0) for i in range(1, 10)}
    assert reasons.rows[2].label == "Waktu Penyelesaian"


def test_follow_ups_per_element_and_officer(voice_month):
    summary = voice_month[0].voice.follow_ups
    t = summary.total
    assert (t.opened, t.closed_in_time, t.closed_late, t.overdue, t.open_not_due) == (5, 1, 1, 1, 2)
    by_element = {
        g.key: (g.opened, g.closed_in_time, g.closed_late, g.overdue, g.open_not_due)
        for g in summary.by_element
    }
    assert by_element == {
        "U1": (1, 0, 0, 0, 1),
        "U3": (2, 1, 0, 1, 0),
        "U7": (1, 0, 1, 0, 0),
        "": (1, 0, 0, 0, 1),
    }
    assert [g.key for g in summary.by_element] == ["U1", "U3", "U7", ""]
    assert summary.by_element[-1].label == "(tidak diklasifikasikan)"
    by_officer = [
        (g.label, g.opened, g.closed_in_time, g.closed_late, g.overdue, g.open_not_due)
        for g in summary.by_officer
    ]
    assert by_officer == [
        ("Ani Lestari", 2, 1, 1, 0, 0),
        ("Budi Santoso", 1, 0, 0, 1, 0),
        ("(belum diambil)", 2, 0, 0, 0, 2),
    ]


def test_unmet_data_demand(voice_month):
    unmet = voice_month[0].voice.unmet
    assert [
        (r.subject, r.region, r.level, r.period, r.years, r.count, r.latest) for r in unmet
    ] == [
        ("PDRB", "bengkulu", "Provinsi", "Tahunan", "2020–2024", 2, dt.date(2026, 11, 6)),
        ("Data UMKM", "", "", "", "", 1, dt.date(2026, 11, 6)),
        (
            "Kemiskinan",
            "Kota Bengkulu",
            "Kabupaten/Kota",
            "Tahunan",
            "2023",
            1,
            dt.date(2026, 11, 2),
        ),
    ]


def test_the_pdf_and_the_xlsx_hold_the_sections(voice_month, tmp_path):
    data, _ = voice_month
    pdf = render_report_pdf(data)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    path = export_report_xlsx(data, tmp_path / "laporan.xlsx")
    book = load_workbook(io.BytesIO(path.read_bytes()), read_only=True)
    for name in (
        "Kanal IKM",
        "SKD",
        "Alasan penilaian rendah",
        "Tindak lanjut",
        "Kebutuhan tak terpenuhi",
    ):
        assert name in book.sheetnames, name
    skd = list(book["SKD"].iter_rows(values_only=True))
    assert skd[1][:8] == ("skd01", skd[1][1], 9.0, 3, 6.5, 2, -2.5, "A")
    assert skd[-2][2:5] == (7.13, None, 7.25)  # the cross, rounded to 2 decimals
    raw = list(book["Data kebutuhan tak terpenuhi"].iter_rows(values_only=True))
    assert len(raw) == 1 + 4  # visit 1 twice, visits 9 and 10
    assert [r[6] for r in raw[1:]] == ["pdrb", "Kemiskinan", "PDRB", "Data UMKM"]
    assert {r[4] for r in raw[1:]} == {"Tidak", "Belum"}
    # no personal data in the raw rows
    text = repr(raw)
    assert "@" not in text and "Siti" not in text
    channels = list(book["Kanal IKM"].iter_rows(values_only=True))
    assert channels[1:] == [("Layar pengunjung", 2, 3), ("Kertas", 1, 1), ("Tidak tercatat", 1, 1)]
    follow = list(book["Tindak lanjut"].iter_rows(values_only=True))
    assert follow[-1][2:] == (5, 1, 1, 1, 2)


def test_an_empty_range_has_empty_sections(db, office, clock):
    data = build_report(office.id, *NOVEMBER, clock=clock)
    voice = data.voice
    assert voice.skd is None and voice.unmet == ()
    assert voice.follow_ups.total.opened == 0 and voice.reasons.low_ratings == 0
    assert render_report_pdf(data).startswith(b"%PDF")
