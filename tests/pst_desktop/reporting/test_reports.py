"""The report's numbers against the hand-made month of ``report_support`` (both databases)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from pst_desktop.reporting.figures import age_group
from pst_desktop.reporting.labels import period_text
from pst_desktop.reporting.pdf import fmt_dec, fmt_int, render_report_pdf
from pst_desktop.reporting.reports import build_report
from pst_desktop.reporting.xlsx import export_report_xlsx, sheet_title
from tests.pst_desktop.report_support import NOVEMBER, make_month


@pytest.fixture
def month(db, office, make_actor, clock):
    ids = make_month(office, make_actor)
    return build_report(office.id, *NOVEMBER, clock=clock), ids


def rows(table):
    return {row.code: row.count for row in table.rows}


def test_totals_and_days(month):
    data, _ = month
    t = data.totals
    assert (t.visits, t.walk_in, t.online) == (10, 7, 3)
    assert (t.served, t.skipped, t.cancelled, t.open) == (6, 1, 1, 2)
    assert t.visitors == 4  # V1..V4; the portal request has no visitor
    assert t.ratings == 5
    assert (t.finished_walk_in, t.rated_walk_in) == (5, 4)
    assert t.rated_percent == pytest.approx(80.0)
    assert [(r.day.day, r.total, r.walk_in, r.online, r.served, r.skipped, r.cancelled)
            for r in data.per_day] == [
        (2, 2, 2, 0, 2, 0, 0),
        (3, 3, 3, 0, 1, 1, 1),
        (4, 1, 0, 1, 1, 0, 0),
        (5, 1, 0, 1, 0, 0, 0),
        (6, 2, 2, 0, 2, 0, 0),
        (23, 1, 0, 1, 0, 0, 0),
    ]  # fmt: skip
    assert data.period_text == "1–30 November 2026"
    assert data.generated_at.hour == 10  # office-local (WIB)


def test_breakdowns(month):
    data, _ = month
    service = data.category("service")
    assert [(r.label, r.count) for r in service.rows] == [
        ("Konsultasi Statistik", 7),
        ("Perpustakaan", 1),
        ("Pembelian Data Mikro/Peta & Publikasi", 1),
        ("Rekomendasi Kegiatan Statistik", 1),
    ]
    assert service.total == 10
    assert service.rows[0].percent == pytest.approx(70.0)
    channel = rows(data.category("channel"))
    assert (channel["walk_in"], channel["email"], channel["whatsapp"], channel["portal"]) == (
        7, 1, 1, 1
    )  # fmt: skip
    assert channel["letter"] == 0  # every option of the list is shown, zeros too
    assert data.category("channel").rows[0].label == "PST datang langsung"
    assert rows(data.category("purpose")) == {
        "school_assignment": 1,
        "government": 2,
        "commercial": 2,
        "research": 3,
        "other": 1,
        "": 1,
    }
    assert data.category("purpose").rows[-1].label == "Tidak diisi"
    assert rows(data.category("gender")) == {"male": 5, "female": 4, "": 1}
    assert rows(data.category("age_group")) == {
        "under_20": 0,
        "20_29": 2,
        "30_39": 0,
        "40_49": 3,
        "50_plus": 2,
        "": 3,
    }
    assert [r.label for r in data.category("age_group").rows][:2] == ["< 20 tahun", "20–29 tahun"]
    education = rows(data.category("education"))
    assert (education["bachelor"], education["master"], education["doctorate"], education[""]) == (
        2, 3, 2, 3
    )  # fmt: skip
    occupation = rows(data.category("occupation"))
    assert (occupation["student"], occupation["civil_servant"], occupation["researcher"]) == (
        2, 3, 2
    )  # fmt: skip
    assert (occupation["private_employee"], occupation[""]) == (2, 1)
    institution = rows(data.category("institution_category"))
    assert (institution["research_education"], institution["local_government"]) == (4, 3)
    assert (institution["private"], institution[""]) == (2, 1)
    assert all(t.total == 10 for t in data.categories)


def test_times(month):
    data, _ = month
    reg = data.duration("registration")
    # 5, 10, 10.0167, 2, 4, 3 minutes (visit 10 has no form): mean 34.0167 / 6
    assert reg.measured == 6
    assert reg.mean == pytest.approx((5 + 10 + 10 + 1 / 60 + 2 + 4 + 3) / 6, abs=1e-4)
    assert reg.median == pytest.approx(4.5)  # 2 3 4 | 5 10 10.02
    assert reg.p90 == pytest.approx(10 + 1 / 60, abs=1e-4)
    wait = data.duration("wait")
    # 10, 20, 30, 40, 2, 10 minutes (the cancelled ticket was never called)
    assert (wait.measured, wait.mean, wait.median, wait.p90) == (
        6, pytest.approx(112 / 6), pytest.approx(15.0), pytest.approx(40.0)
    )  # fmt: skip
    service = data.duration("service")
    # 30, 180, 180.0167, 30, 40: mean 460.0167 / 5, median 40
    assert service.measured == 5
    assert service.mean == pytest.approx((460 + 1 / 60) / 5, abs=1e-4)
    assert service.median == pytest.approx(40.0)


def test_compliance(month):
    data, _ = month
    registration = data.compliance_of("registration")
    assert (registration.measured, registration.met) == (6, 5)  # 10:00 met, 10:01 missed
    assert registration.percent == pytest.approx(83.333, abs=1e-3)
    service = data.compliance_of("service")
    assert (service.measured, service.met, service.percent) == (5, 4, pytest.approx(80.0))
    # over finished walk-ins (1, 2, 3, 9, 10): 3 min, 5:00 exactly and 2 min are met; 6 min and
    # never rated are missed
    rating = data.compliance_of("rating")
    assert (rating.measured, rating.met, rating.percent) == (5, 3, pytest.approx(60.0))
    # visit 6 answered in time, visit 7 overdue, visit 8 still running (not counted)
    online = data.compliance_of("online_first_answer")
    assert (online.measured, online.met, online.percent) == (2, 1, pytest.approx(50.0))
    assert [c.limit for c in data.compliance] == ["10 menit", "3 jam", "5 menit", "3 hari kerja"]


def test_ratings(month):
    data, _ = month
    r = data.ratings
    assert r.count == 5 and r.scale_max == 4
    assert r.distribution == ((4, 1, 0), (4, 2, 1), (4, 3, 2), (4, 4, 1), (5, 5, 1))
    # 5 of 5 maps to 4 of 4: (4 + 2 + 3 + 3 + 4) / 5
    assert r.average == pytest.approx(3.2)
    assert r.satisfied_percent == pytest.approx(80.0)  # all but the 2 of 4
    officers = {g.name: g for g in r.by_officer}
    assert officers["Ani Lestari"].count == 3
    assert officers["Ani Lestari"].average == pytest.approx(11 / 3)  # 4, 3, 4
    assert officers["Ani Lestari"].satisfied_percent == pytest.approx(100.0)
    assert (officers["Budi Santoso"].count, officers["Budi Santoso"].average) == (2, 2.5)
    assert officers["Budi Santoso"].satisfied_percent == pytest.approx(50.0)
    desks = {g.name: (g.count, g.average) for g in r.by_desk}
    assert desks == {"Meja 1": (2, 4.0), "Meja 2": (2, 2.5), "(tanpa loket)": (1, 3.0)}
    assert [(c.ticket, c.desk, c.score, c.text) for c in data.comments] == [
        ("K-001", "Meja 1", 4, "Terima kasih"),
        ("K-002", "Meja 2", 2, "Lama menunggu"),
        ("R-001", "Meja 1", 5, "Sangat membantu"),
    ]
    assert data.comments[0].rated_at.hour == 8  # office-local


def test_ikm_section(month):
    data, _ = month
    assert data.ikm is not None
    assert data.ikm.respondents == 4  # the October response is outside the range
    assert data.ikm.index == Decimal("83.33")
    assert (data.ikm.grade, data.ikm.grade_label) == ("B", "Baik")


def test_no_ikm_and_empty_range(db, office, clock):
    data = build_report(office.id, dt.date(2026, 1, 1), dt.date(2026, 1, 31), clock=clock)
    assert data.ikm is None
    assert data.totals.visits == 0
    assert data.compliance_of("rating").percent is None
    assert data.ratings.average is None
    pdf = render_report_pdf(data)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Tidak ada komentar" in text
    assert "Indeks Kepuasan" not in text


def test_bad_range(db, office, clock):
    with pytest.raises(ValueError):
        build_report(office.id, dt.date(2026, 11, 30), dt.date(2026, 11, 1), clock=clock)


def test_pdf_text(month):
    data, _ = month
    pdf = render_report_pdf(data)
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in (
        "BPS Provinsi Bengkulu",
        "Laporan Pelayanan Statistik Terpadu (PST)",
        "Periode: 1–30 November 2026",
        "Kepatuhan terhadap standar waktu SOP",
        "Pendaftaran di buku tamu",
        "83,3%",  # registration
        "60,0%",  # rating within 5 minutes
        "Indeks Kepuasan Masyarakat (IKM)",
        "83,33",
        "B (Baik)",
        "Konsultasi Statistik",
        "Tidak diisi",
        "Ani Lestari",
        "Lama menunggu",
        "Halaman 2",
    ):
        assert expected in text, expected
    assert "di luar periode" not in text  # October's comment
    assert "Sari" not in text and "example.com" not in text  # no visitor's personal data
    # who did what (test_who_did_what.py counts it): Ani served 3, waits 10 / 30 min
    assert "Kinerja per petugas" in text and "Kinerja per meja" in text
    assert "10 / 30" in text and "105 / 180" in text  # Ani's wait, Budi's service


def test_xlsx(month, tmp_path):
    data, _ = month
    path = export_report_xlsx(data, tmp_path / "laporan.xlsx")
    book = load_workbook(path, read_only=True)
    names = book.sheetnames
    for expected in (
        "Ringkasan",
        "Kunjungan per hari",
        "Jenis layanan",
        "Sarana",
        "Kelompok umur",
        "Kepatuhan SOP",
        "Distribusi penilaian",
        "Penilaian per petugas",
        "IKM",
        "Data kunjungan",
        "Data penilaian",
    ):
        assert expected in names, expected
    compliance = list(book["Kepatuhan SOP"].iter_rows(values_only=True))
    assert compliance[1] == ("Pendaftaran di buku tamu", "10 menit", 6, 5, 83.33)
    assert compliance[3][2:] == (5, 3, 60.0)
    ages = {row[0]: row[1] for row in book["Kelompok umur"].iter_rows(min_row=2, values_only=True)}
    assert ages["40–49 tahun"] == 3 and ages["Jumlah"] == 10
    ikm = list(book["IKM"].iter_rows(values_only=True))
    assert ikm[10][3] == 83.33
    raw = list(book["Data kunjungan"].iter_rows(values_only=True))
    assert len(raw) == 1 + 10
    flat = " ".join(str(v) for row in raw for v in row)
    for private in ("Sari", "Joko", "example.com", "0812", "Instansi", "2000"):
        assert private not in flat, private
    first = raw[1]
    assert first[2] == "K-001" and first[14] == dt.datetime(2026, 11, 2, 8, 5)  # local time
    assert first[18] == 5.0 and first[19] == 10.0 and first[20] == 30.0
    ratings = list(book["Data penilaian"].iter_rows(values_only=True))
    assert len(ratings) == 1 + 5
    officers = list(book["Kinerja per petugas"].iter_rows(values_only=True))
    assert officers[0][:3] == ("Petugas", "Dipanggil", "Selesai dilayani")
    assert officers[1][:8] == ("Ani Lestari", 3, 3, 3, 10.0, 30.0, 40.0, 180.0)
    assert officers[2][:4] == ("Budi Santoso", 3, 2, 2) and officers[2][11] == 2.5
    desks = list(book["Kinerja per meja"].iter_rows(values_only=True))
    assert [row[0] for row in desks[1:]] == ["Meja 1", "Meja 2"]
    book.close()


def test_helpers():
    assert age_group(2026, 2007) == "under_20"  # 19
    assert age_group(2026, 2006) == "20_29"  # 20
    assert age_group(2026, 1976) == "50_plus"  # 50
    assert age_group(2026, None) == ""
    assert (
        period_text(dt.date(2026, 10, 28), dt.date(2026, 11, 3)) == "28 Oktober – 3 November 2026"
    )
    assert fmt_int(12345) == "12.345" and fmt_dec(83.333, 2) == "83,33"
    assert fmt_dec(1234.5, 1, "en") == "1,234.5"
    assert sheet_title("a/b:c" * 10, set()) == ("a-b-c" * 10)[:31]
    taken: set[str] = set()
    assert [sheet_title("Sarana", taken) for _ in range(2)] == ["Sarana", "Sarana (2)"]


def test_write_report_writes_the_pdf_or_the_spreadsheet(month, tmp_path, clock):
    """The work the Reports tab runs off the GUI thread (``ui/supervisor/reports.py``)."""
    from pst_desktop.reporting.writer import write_report

    data, _ = month
    pdf = write_report(data.office_id, *NOVEMBER, tmp_path / "laporan.pdf", clock=clock)
    assert pdf == tmp_path / "laporan.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    xlsx = write_report(data.office_id, *NOVEMBER, tmp_path / "laporan.xlsx", clock=clock)
    assert xlsx.read_bytes().startswith(b"PK")  # a zip: the XLSX container
    with pytest.raises(Exception, match="999999"):
        write_report(999_999, *NOVEMBER, tmp_path / "x.pdf", clock=clock)
    assert not (tmp_path / "x.pdf").exists()


def test_the_pdf_summary_counts_tickets_the_day_closed_unserved(month, office, clock):
    """A ticket still waiting when its day ended is 'expired'; the PDF's
    summary counts it beside the no-shows and cancellations (the XLSX already did)."""
    from models.entities import Visit, VisitStatus

    data, _ = month
    assert data.totals.expired == 0
    waiting = Visit.select().where(Visit.status == VisitStatus.WAITING.value).first()
    Visit.update(status=VisitStatus.EXPIRED.value).where(Visit.id == waiting.id).execute()
    data = build_report(office.id, *NOVEMBER, clock=clock)
    assert data.totals.expired == 1
    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(render_report_pdf(data))).pages
    )
    assert "Tidak terlayani (hari berakhir)" in text
