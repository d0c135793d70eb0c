"""The report's and the ticket's words: Qt's translation in the document's own language, month
names from QLocale (both databases for the reports read from them)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QLocale

from pst_desktop.core.i18n import install_translator, translation
from pst_desktop.frontdesk.ticket_pdf import ticket_labels
from pst_desktop.reporting.labels import labels_for, period_text
from pst_desktop.reporting.pdf import render_report_pdf
from pst_desktop.reporting.reports import build_report
from pst_desktop.reporting.xlsx import export_report_xlsx
from tests.pst_desktop.report_support import make_month

ROOT = Path(__file__).resolve().parents[3]
LABEL_CONTEXTS = ("ReportLabels", "ReportSheets", "TicketLabels")
YEAR = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))  # > 62 days: visits per month
LOCALES = {
    "id": QLocale(QLocale.Language.Indonesian),
    "en": QLocale(QLocale.Language.English),
}


def _load_tool():
    name = "pst_translations_tool"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def year(db, office, make_actor, clock):
    make_month(office, make_actor)  # visits on 30 October and in November 2026

    def build(language: str):
        return build_report(office.id, *YEAR, clock=clock, language=language)

    return build


@pytest.fixture
def staff_in_the_other_language(qapp):
    """The app's translator set to a language; the documents must not follow it."""
    locale = QLocale()
    yield lambda language: install_translator(qapp, language)
    install_translator(qapp, "en")
    QLocale.setDefault(locale)


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize(
    ("language", "staff", "words"),
    [
        ("id", "en", ("Laporan Pelayanan Statistik Terpadu (PST)", "Kunjungan per bulan")),
        ("en", "id", ("Integrated Statistical Services (PST) report", "Visits per month")),
    ],
)
def test_report_pdf_in_its_language_with_qlocale_month_names(
    year, staff_in_the_other_language, language, staff, words
):
    staff_in_the_other_language(staff)
    text = _pdf_text(render_report_pdf(year(language)))
    locale = LOCALES[language]
    january, october, december = (locale.monthName(m) for m in (1, 10, 12))
    period = "Periode" if language == "id" else "Period"
    assert f"{period}: 1 {january} – 31 {december} 2026" in text
    assert f"{october} 2026" in text  # the visits-per-month table
    short = locale.monthName(10, QLocale.FormatType.ShortFormat)
    assert f"{short} 26" in text  # the chart's axis
    for word in words:
        assert word in text, word
    expected = ("Januari", "Oktober", "Okt 26") if language == "id" else ("January", "October")
    for name in expected:
        assert name in text, name
    other = "Periode:" if language == "en" else "Period:"
    assert other not in text


@pytest.mark.parametrize(
    ("language", "sheets", "months"),
    [
        ("id", ("Ringkasan", "Kepatuhan SOP", "Data kunjungan", "IKM"), ("Januari", "Desember")),
        ("en", ("Summary", "SOP compliance", "Visits", "IKM"), ("January", "December")),
    ],
)
def test_report_xlsx_in_its_language_with_qlocale_month_names(
    year, tmp_path, staff_in_the_other_language, language, sheets, months
):
    staff_in_the_other_language("en" if language == "id" else "id")
    path = export_report_xlsx(year(language), tmp_path / "report.xlsx")
    book = load_workbook(path, read_only=True)
    try:
        for sheet in sheets:
            assert sheet in book.sheetnames, sheet
        summary = list(book[sheets[0]].iter_rows(values_only=True))
    finally:
        book.close()
    locale = LOCALES[language]
    period = f"1 {locale.monthName(1)} – 31 {locale.monthName(12)} 2026"
    assert summary[1] == (labels_for(language)["period"], period)
    assert period == f"1 {months[0]} – 31 {months[1]} 2026"


def test_period_text_names_months_as_qlocale_does():
    for language, locale in LOCALES.items():
        for month in range(1, 13):
            day = dt.date(2026, month, 15)
            assert period_text(day, day, language) == f"15 {locale.monthName(month)} 2026"
    assert period_text(dt.date(2026, 5, 1), dt.date(2026, 5, 31), "en") == "1–31 May 2026"
    assert period_text(dt.date(2026, 5, 1), dt.date(2026, 5, 31), "fr") == "1–31 Mei 2026"


def test_every_label_has_an_indonesian_translation():
    """Every ticket and report label in the .ts is translated, and the .qm gives it at run time."""
    tool = _load_tool()
    messages = [
        m for m in tool.read_ts(tool.ts_file()) if m.current and m.context in LABEL_CONTEXTS
    ]
    missing = [f"[{m.context}] {m.source!r}" for m in messages if not m.finished]
    assert not missing, "untranslated labels (python tools/translations.py update):\n" + "\n".join(
        missing
    )
    words = translation("id")
    wrong = [
        f"[{m.context}] {m.source!r}"
        for m in messages
        if words.translate(m.context, m.source) != m.translations[0]
    ]
    assert not wrong, "the .qm is not built from the .ts (tools/translations.py build):\n" + (
        "\n".join(wrong)
    )
    # every label the code asks for is one of those messages
    sources = {(m.context, m.source) for m in messages}
    english, indonesian = labels_for("en"), labels_for("id")
    same_in_both = {"share", "nrr", "element_ikm", "online", "median", "status", "ikm_sheet"}
    for key, text in english.items():
        if key not in ("share", "nrr", "element_ikm"):
            context = (
                "ReportSheets"
                if key.endswith("_sheet") or key.startswith("raw_")
                else ("ReportLabels")
            )
            assert (context, text) in sources, (key, text)
        assert (indonesian[key] == text) == (key in same_in_both), key
    english, indonesian = ticket_labels("en"), ticket_labels("id")
    for key, text in english.items():
        assert (key == "unknown") == (indonesian[key] == text), key
        assert key == "unknown" or ("TicketLabels", text) in sources, key


def test_an_unknown_language_is_indonesian_and_a_missing_word_stays_english():
    assert translation("fr") is translation("id")
    assert labels_for("fr") == labels_for("id")
    assert ticket_labels("fr") == ticket_labels("id")
    assert translation("id").translate("ReportLabels", "no such label") == "no such label"
    assert translation("en").translate("ReportLabels", "Summary") == "Summary"
    assert translation("id").translate("ReportLabels", "Summary") == "Ringkasan"
