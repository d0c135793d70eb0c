"""``pst-desktop report --from … --to … -o FILE`` (.pdf or .xlsx)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from models.database import database_proxy
from pst_desktop import cli
from tests.pst_desktop.report_support import make_month


@pytest.fixture
def filled(db, db_url, office, make_actor):
    make_month(office, make_actor)
    return db_url


@pytest.fixture(autouse=True)
def unbind():
    yield
    if database_proxy.obj is not None:
        database_proxy.obj.close()
    database_proxy.initialize(None)


def run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_pdf(capsys, filled, tmp_path):
    target = tmp_path / "report.pdf"
    code, out, err = run(
        capsys, "--db", filled, "report", "--from", "2026-11-01", "--to", "2026-11-30",
        "-o", str(target),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "1–30 November 2026" in out and "10 visits" in out
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Periode: 1–30 November 2026" in text and "83,33" in text


def test_xlsx(capsys, filled, tmp_path):
    target = tmp_path / "laporan.XLSX"
    code, _, err = run(
        capsys, "--db", filled, "report", "--from", "2026-11-02", "--to", "2026-11-02",
        "-o", str(target),
    )  # fmt: skip
    assert (code, err) == (0, "")
    book = load_workbook(target, read_only=True)
    assert len(list(book["Data kunjungan"].iter_rows())) == 1 + 2  # the two visits of 2 Nov
    book.close()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "2026-11-31", "--to", "2026-12-01"], "--from must be a date like"),
        (["--from", "2026-11-01", "--to", "kemarin"], "--to must be a date like"),
        (["--from", "2026-11-30", "--to", "2026-11-01"], "lies before --from"),
    ],
)
def test_bad_dates_are_one_line(capsys, filled, tmp_path, argv, message):
    code, out, err = run(capsys, "--db", filled, "report", *argv, "-o", str(tmp_path / "r.pdf"))
    assert code == cli.EXIT_FAILED and out == ""
    assert err.count("\n") == 1 and err.startswith("pst-desktop: ") and message in err
    assert not (tmp_path / "r.pdf").exists()


def test_bad_output(capsys, filled, tmp_path):
    argv = ["--db", filled, "report", "--from", "2026-11-01", "--to", "2026-11-30", "-o"]
    code, _, err = run(capsys, *argv, str(tmp_path / "r.docx"))
    assert code == cli.EXIT_FAILED and ".pdf or .xlsx" in err
    code, _, err = run(capsys, *argv, str(tmp_path / "missing" / "r.pdf"))
    assert code == cli.EXIT_FAILED and "does not exist" in err
    code, _, err = run(capsys, *argv, str(tmp_path / "r.pdf"), "--office", "999")
    assert code == cli.EXIT_FAILED and "999" in err


def unwritable_folder(tmp_path):
    """A folder this process cannot write into (root may write anywhere except sysfs)."""
    import os
    from pathlib import Path

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.mark.parametrize("name", ["report.pdf", "report.xlsx"])
def test_an_unwritable_folder_is_one_line(capsys, filled, tmp_path, name):
    """``report -o`` into a folder that cannot be written."""
    folder = unwritable_folder(tmp_path)
    code, out, err = run(
        capsys, "--db", filled, "report", "--from", "2026-11-01", "--to", "2026-11-30",
        "-o", str(folder / name),
    )  # fmt: skip
    assert code == cli.EXIT_FAILED and out == ""
    assert err.count("\n") == 1 and err.startswith("pst-desktop: Cannot write"), err
    assert not (folder / name).exists()


def test_control_characters_in_stored_comments_do_not_break_the_xlsx(capsys, filled, tmp_path):
    """A rating comment stored before the cleaning (old data) holding a
    control character; the month's workbook is still written, without it."""
    from models.entities import Rating, Visitor

    Rating.update(comment="Terima\x07 kasih\x1b banyak\r\nya").execute()
    Visitor.update(institution_name="Dinas\x0b Kominfo").execute()
    target = tmp_path / "laporan.xlsx"
    code, _, err = run(
        capsys, "--db", filled, "report", "--from", "2026-11-01", "--to", "2026-11-30",
        "-o", str(target),
    )  # fmt: skip
    assert (code, err) == (0, "")
    book = load_workbook(target, read_only=True)
    values = {
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    }
    book.close()
    assert "Terima kasih banyak\nya" in values
    assert not any(ch in text for text in values for ch in "\x00\x07\x0b\x1b")
