"""IKM per PermenPANRB 14/2017 (DOMAIN.md): NRR per element, the index, its grade A–D."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from models.entities import SurveyAnswer, SurveyResponse, Visit
from pst_desktop.core.errors import Conflict, NotFound, ValidationError
from pst_desktop.reporting.ikm import (
    ELEMENTS,
    IkmService,
    compute_ikm,
    compute_ikm_from_sums,
    grade_for,
    validate_scores,
)

#: four respondents, computed by hand below
RESPONSES = [
    (4, 3, 3, 4, 3, 4, 4, 3, 3),  # 31
    (3, 3, 4, 4, 3, 3, 4, 3, 2),  # 29
    (4, 4, 3, 4, 4, 4, 4, 4, 3),  # 34
    (3, 2, 3, 4, 3, 3, 3, 2, 3),  # 26
]


def test_hand_computed_example():
    # element sums: U1 4+3+4+3=14, U2 3+3+4+2=12, U3 3+4+3+3=13, U4 4+4+4+4=16,
    # U5 3+3+4+3=13, U6 4+3+4+3=14, U7 4+4+4+3=15, U8 3+3+4+2=12, U9 3+2+3+3=11
    # NRR = sum / 4: 3.5, 3.0, 3.25, 4.0, 3.25, 3.5, 3.75, 3.0, 2.75
    # sum of NRRs = 30.0 (= 120 scores / 4); mean = 30 / 9 = 3.3333…
    # IKM = 3.3333… × 25 = 83.3333… → 83.33 → B (76.61–88.30), "Baik"
    result = compute_ikm(RESPONSES)
    assert result.respondents == 4
    assert result.nrr == tuple(
        Fraction(x) for x in ("3.5", "3", "3.25", "4", "3.25", "3.5", "3.75", "3", "2.75")
    )
    assert result.index == Decimal("83.33")
    assert (result.grade, result.grade_label) == ("B", "Baik")
    # per element: NRR × 25 → 87.50, 75.00, 81.25, 100.00, 81.25, 87.50, 93.75, 75.00, 68.75
    assert [str(v) for v in result.element_index] == [
        "87.50", "75.00", "81.25", "100.00", "81.25", "87.50", "93.75", "75.00", "68.75"
    ]  # fmt: skip


def test_rounding_is_half_up_before_grading():
    # 3 respondents, element sums 10,10,10,10,10,10,10,10,11 → scores total 91
    # mean NRR = 91 / 27 = 3.370370…; × 25 = 84.259259… → 84.26
    result = compute_ikm_from_sums([10] * 8 + [11], 3)
    assert result.index == Decimal("84.26")
    # 1 respondent with 8 × 4 and one 1: 33 / 9 × 25 = 91.6666… → 91.67 → A
    assert compute_ikm([(4, 4, 4, 4, 4, 4, 4, 4, 1)]).index == Decimal("91.67")
    assert compute_ikm([(4,) * 9]).index == Decimal("100.00")
    assert compute_ikm([(1,) * 9]).grade == "D"
    # sums 6,5,5,5,5,5,5,5,5 over 2 respondents → 46 / 18 × 25 = 63.888… → 63.89 → D
    assert compute_ikm_from_sums([6] + [5] * 8, 2).index == Decimal("63.89")
    # the half-up rule at an exact .xx5: 8 respondents, every element sum 25 → NRR 3.125,
    # IKM = 3.125 × 25 = 78.125 → 78.13 (banker's rounding would give 78.12)
    assert compute_ikm_from_sums([25] * 9, 8).index == Decimal("78.13")


@pytest.mark.parametrize(
    ("value", "grade", "label"),
    [
        ("100.00", "A", "Sangat Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("88.30", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("25.00", "D", "Tidak Baik"),
        ("88.305", "A", "Sangat Baik"),  # rounds to 88.31 first
        ("88.304", "B", "Baik"),
    ],
)
def test_grade_boundaries(value, grade, label):
    assert grade_for(Decimal(value)) == (grade, label)


def test_grade_outside_the_range_is_refused():
    with pytest.raises(ValueError):
        grade_for("24.99")
    with pytest.raises(ValueError):
        compute_ikm([])


@pytest.mark.parametrize(
    "scores",
    [(4,) * 8, (4,) * 10, (4, 4, 4, 4, 0, 4, 4, 4, 4), (4, 4, 4, 4, 5, 4, 4, 4, 4), ("4",) * 9],
)
def test_bad_scores_are_refused(scores):
    with pytest.raises(ValidationError):
        validate_scores(scores)


def test_nine_elements_in_the_regulations_order():
    assert len(ELEMENTS) == 9
    assert ELEMENTS[0][1] == "Persyaratan"
    assert ELEMENTS[-1][1] == "Sarana dan Prasarana"


def test_record_a_response(db, office, clock):
    service = IkmService(clock)
    response = service.record(office.id, RESPONSES[0])
    stored = SurveyResponse.get_by_id(response.id)
    assert (stored.day, stored.instrument) == (dt.date(2026, 11, 24), "ikm")  # today (WIB)
    answers = {a.item: a.value for a in SurveyAnswer.select()}
    assert [answers[f"U{i}"] for i in range(1, 10)] == list(RESPONSES[0])
    with pytest.raises(ValidationError) as error:
        service.record(office.id, (4, 4, 4, 4, 4, 4, 4, 4, 7))
    assert "U9" in error.value.fields
    with pytest.raises(NotFound):
        service.record(office.id, RESPONSES[0], visit_id=999_999)
    assert SurveyResponse.select().count() == 1 and SurveyAnswer.select().count() == 9


def test_one_response_per_visit(db, office, clock):
    from models.entities import ServiceType

    service = ServiceType.get(ServiceType.office == office.id)
    now = clock.now()
    visit = Visit.create(
        office=office,
        service=service,
        ticket_service=service,
        day=dt.date(2026, 11, 20),
        number=1,
        issued_at=now,
        updated_at=now,
    )
    ikm = IkmService(clock)
    assert ikm.record(office.id, RESPONSES[1], visit_id=visit.id).day == dt.date(2026, 11, 20)
    with pytest.raises(Conflict):
        ikm.record(office.id, RESPONSES[2], visit_id=visit.id)
