"""What a walk-in consultation's record needs before the visit is finished.

F8 used to finalise a record with no answer and "need met" unset: the monthly report then
counted a visit whose outcome nobody knew. ``check_record_complete`` refuses such a record
with one message per missing field; the officer window asks it before ending the service.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pst_desktop.core.errors import ValidationError
from pst_desktop.officer.consultations import ConsultationRecord


def check_record_complete(record: ConsultationRecord) -> None:
    """Raise ``ValidationError`` naming what is missing: the answer, whether the need was met."""
    missing: dict[str, str] = {}
    if not record.answer.strip():
        missing["answer"] = QCoreApplication.translate(
            "Finishing", "Write the answer or information given."
        )
    if not record.need_met.strip():
        missing["need_met"] = QCoreApplication.translate(
            "Finishing", "Say whether the visitor's need was met."
        )
    if missing:
        raise ValidationError(missing)
