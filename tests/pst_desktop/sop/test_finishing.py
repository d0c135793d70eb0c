"""A record needs its answer and "need met" before the visit is finished."""

import pytest

from pst_desktop.core.errors import ValidationError
from pst_desktop.officer.consultations import ConsultationRecord
from pst_desktop.sop.finishing import check_record_complete


def test_an_empty_record_is_refused_naming_both_fields():
    with pytest.raises(ValidationError) as refused:
        check_record_complete(ConsultationRecord(topic="PDRB"))
    assert set(refused.value.fields) == {"answer", "need_met"}


def test_blank_answer_or_unset_need_is_refused_alone():
    with pytest.raises(ValidationError) as refused:
        check_record_complete(ConsultationRecord(answer="   ", need_met="yes_fit"))
    assert set(refused.value.fields) == {"answer"}
    with pytest.raises(ValidationError) as refused:
        check_record_complete(ConsultationRecord(answer="52,3 juta"))
    assert set(refused.value.fields) == {"need_met"}


def test_a_complete_record_passes():
    check_record_complete(ConsultationRecord(answer="52,3 juta", need_met="not_yet"))
