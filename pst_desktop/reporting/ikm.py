"""IKM (Indeks Kepuasan Masyarakat), the public satisfaction index of PermenPANRB No. 14/2017.

When the office runs the 9-element survey, each respondent scores every element 1–4
(``DOMAIN.md``, "Ratings")::

    NRR per element = sum of its scores / respondents
    IKM             = (mean of the 9 NRRs) × 25            (range 25–100)
    rounded to 2 decimals (half up), then graded:
        A  Sangat Baik   88.31–100.00
        B  Baik          76.61–88.30
        C  Kurang Baik   65.00–76.60
        D  Tidak Baik    25.00–64.99

The regulation writes the mean as "Σ NRR × 0.111" (a rounded 1/9); ``DOMAIN.md`` says the
mean, and so does this module: the arithmetic is exact (fractions) until the one rounding.

The responses are ``SurveyResponse`` rows of instrument "ikm" with one ``SurveyAnswer`` per
element (schema step 9; ``IkmService.record`` stores a complete one at once); the report
(``pst_desktop/reporting/voice_queries.py``) sums the complete ones per element with SQL and
calls ``compute_ikm_from_sums``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import write_transaction
from models.entities import Office, SurveyAnswer, SurveyInstrument, SurveyResponse, Visit
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import Conflict, NotFound, ValidationError
from pst_desktop.sop.office_calendar import OfficeCalendar

# the 9 elements (unsur) in the regulation's order: (code, Indonesian name)
ELEMENTS: tuple[tuple[str, str], ...] = (
    ("U1", "Persyaratan"),
    ("U2", "Sistem, Mekanisme, dan Prosedur"),
    ("U3", "Waktu Penyelesaian"),
    ("U4", "Biaya/Tarif"),
    ("U5", "Produk Spesifikasi Jenis Pelayanan"),
    ("U6", "Kompetensi Pelaksana"),
    ("U7", "Perilaku Pelaksana"),
    ("U8", "Penanganan Pengaduan, Saran dan Masukan"),
    ("U9", "Sarana dan Prasarana"),
)
ELEMENT_COUNT = len(ELEMENTS)
SCORE_MIN = 1
SCORE_MAX = 4

# (lowest rounded IKM of the grade, grade, Indonesian "kinerja unit pelayanan")
GRADES: tuple[tuple[Decimal, str, str], ...] = (
    (Decimal("88.31"), "A", "Sangat Baik"),
    (Decimal("76.61"), "B", "Baik"),
    (Decimal("65.00"), "C", "Kurang Baik"),
    (Decimal("25.00"), "D", "Tidak Baik"),
)
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class IkmResult:
    respondents: int
    # NRR per element (sum / respondents), in ``ELEMENTS`` order, exact
    nrr: tuple[Fraction, ...]
    # the index rounded to 2 decimals (half up): what is graded and published
    index: Decimal
    grade: str  # "A".."D"
    grade_label: str  # "Sangat Baik" …

    @property
    def nrr_float(self) -> tuple[float, ...]:
        return tuple(float(v) for v in self.nrr)

    @property
    def element_index(self) -> tuple[Decimal, ...]:
        """Each element's NRR × 25, rounded like the index (the "IKM per unsur")."""
        return tuple(_round(v * 25) for v in self.nrr)


def _round(value: Fraction) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(_CENT, rounding=ROUND_HALF_UP)


def grade_for(index: Decimal | float | str) -> tuple[str, str]:
    """The grade of an IKM value (rounded to 2 decimals first): ``("B", "Baik")``."""
    value = Decimal(str(index)).quantize(_CENT, rounding=ROUND_HALF_UP)
    if not Decimal("25.00") <= value <= Decimal("100.00"):
        raise ValueError(f"an IKM lies between 25 and 100, not {value}")
    for lowest, grade, label in GRADES:
        if value >= lowest:
            return grade, label
    raise AssertionError("unreachable")  # pragma: no cover


def validate_scores(scores: Sequence[int]) -> tuple[int, ...]:
    """The 9 scores as a tuple; ``ValidationError`` naming the first bad element otherwise."""
    values = tuple(scores)
    if len(values) != ELEMENT_COUNT:
        raise ValidationError(
            {
                "scores": QCoreApplication.translate(
                    "Reports", "The survey has 9 elements; answer every one."
                )
            }
        )
    for (code, _), value in zip(ELEMENTS, values, strict=True):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
            raise ValidationError(
                {code: QCoreApplication.translate("Reports", "Score each element from 1 to 4.")}
            )
    return values


def compute_ikm_from_sums(sums: Sequence[int], respondents: int) -> IkmResult:
    """The IKM from the per-element sums of ``respondents`` complete responses."""
    if respondents <= 0:
        raise ValueError("an IKM needs at least one respondent")
    if len(sums) != ELEMENT_COUNT:
        raise ValueError(f"an IKM needs {ELEMENT_COUNT} element sums, not {len(sums)}")
    for total in sums:
        if not SCORE_MIN * respondents <= total <= SCORE_MAX * respondents:
            raise ValueError(f"an element sum of {total} is impossible for {respondents} answers")
    nrr = tuple(Fraction(int(total), respondents) for total in sums)
    index = _round(sum(nrr, Fraction(0)) / ELEMENT_COUNT * 25)
    grade, label = grade_for(index)
    return IkmResult(respondents, nrr, index, grade, label)


def compute_ikm(responses: Iterable[Sequence[int]]) -> IkmResult:
    """The IKM of complete responses, each 9 scores of 1–4 in ``ELEMENTS`` order."""
    sums = [0] * ELEMENT_COUNT
    count = 0
    for response in responses:
        for i, value in enumerate(validate_scores(response)):
            sums[i] += value
        count += 1
    return compute_ikm_from_sums(sums, count)


# -- storage ----------------------------------------------------------------------------------
class IkmService:
    """Stores one respondent's 9 scores at once (demo data, benchmarks, imports): a complete
    IKM response in ``SurveyResponse`` / ``SurveyAnswer`` (schema step 9).  The visitor screens
    and the paper entry use ``pst_desktop.visitor.surveys.SurveyService``."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def record(
        self,
        office_id: int,
        scores: Sequence[int],
        visit_id: int | None = None,
        day: dt.date | None = None,
        channel: str = "",
    ) -> SurveyResponse:
        """Store one respondent's 9 scores; ``day`` (office-local) defaults to today, or to the
        visit's day when the response belongs to a visit. One response per visit."""
        values = validate_scores(scores)
        now = self.clock.now()
        with write_transaction():
            office = Office.get_or_none(Office.id == office_id)
            if office is None:
                raise NotFound(QCoreApplication.translate("Reports", "This office does not exist."))
            if visit_id is not None:
                visit = Visit.get_or_none((Visit.id == visit_id) & (Visit.office == office_id))
                if visit is None:
                    raise NotFound(
                        QCoreApplication.translate("Reports", "This visit does not exist.")
                    )
                day = day or visit.day
            if day is None:
                day = OfficeCalendar.for_office(office_id).office_day(now)
            try:
                with write_transaction():
                    response = SurveyResponse.create(
                        office=office_id,
                        visit=visit_id,
                        instrument=SurveyInstrument.IKM.value,
                        channel=channel,
                        day=day,
                        key=uuid.uuid4().hex,
                        created_at=now,
                    )
            except pw.IntegrityError as exc:
                raise Conflict(
                    QCoreApplication.translate(
                        "Reports", "This visit already has a survey response."
                    )
                ) from exc
            SurveyAnswer.insert_many(
                [
                    {
                        "response": response.id,
                        "item": code,
                        "aspect": "score",
                        "value": value,
                        "answered_at": now,
                    }
                    for (code, _), value in zip(ELEMENTS, values, strict=True)
                ]
            ).execute()
            return response
