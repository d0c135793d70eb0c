"""The visitor's rating of a visit (SOP step 6): one per visit, linked to the officer."""

from __future__ import annotations

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import write_transaction
from models.entities import Rating, Visit, VisitStatus
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import Conflict, NotFound, ValidationError
from pst_desktop.core.text import clean_text
from pst_desktop.visits.events import Event, publish

DEFAULT_SCALE = 4
COMMENT_MAX = 500


def on_scale(score: int, scale_max: int, target_max: int) -> float:
    """A score of a 1..``scale_max`` scale mapped linearly onto 1..``target_max`` (averages of
    desks that use different scales are given on one: 3 of 5 is 2.5 of 4)."""
    if scale_max == target_max or scale_max <= 1:
        return float(score)
    return 1 + (score - 1) * (target_max - 1) / (scale_max - 1)


class RatingService:
    """Used by the rating screen, which runs without a staff login (a kiosk)."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def record(
        self, visit_id: int, score: int, comment: str = "", scale_max: int = DEFAULT_SCALE
    ) -> Rating:
        if not 2 <= scale_max <= 10:
            raise ValidationError(
                {
                    "scale": QCoreApplication.translate(
                        "Ratings", "The rating scale must have 2 to 10 steps."
                    )
                }
            )
        # bool is an int to Python (True == 1): a tap gives a number, never a truth value
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= scale_max:
            raise ValidationError(
                {"score": QCoreApplication.translate("Ratings", "Choose one of the faces.")}
            )
        comment = clean_text(comment, multiline=True)
        if len(comment) > COMMENT_MAX:
            raise ValidationError(
                {
                    "comment": QCoreApplication.translate(
                        "Ratings", "The comment is too long (500 characters at most)."
                    )
                }
            )
        with write_transaction():
            # only the columns used: the kiosk role may not read a visit's personal columns
            visit = (
                Visit.select(
                    Visit.id,
                    Visit.status,
                    Visit.office,
                    Visit.desk,
                    Visit.officer,
                    Visit.finished_at,
                )
                .where(Visit.id == visit_id)
                .first()
            )
            # read inside the transaction, never before the visit finished
            now = self.clock.now()
            if visit is not None and visit.finished_at is not None:
                now = max(now, visit.finished_at)
            if visit is None:
                raise NotFound(QCoreApplication.translate("Ratings", "This visit does not exist."))
            if visit.status not in (VisitStatus.AWAITING_RATING.value, VisitStatus.DONE.value):
                raise Conflict(
                    QCoreApplication.translate("Ratings", "This visit has not finished yet.")
                )
            try:
                with write_transaction():
                    rating = Rating.create(
                        visit=visit.id,
                        officer=visit.officer_id,
                        score=score,
                        scale_max=scale_max,
                        comment=comment,
                        created_at=now,
                    )
            except pw.IntegrityError as exc:
                raise Conflict(
                    QCoreApplication.translate(
                        "Ratings", "This visit has already been rated. Thank you!"
                    )
                ) from exc
            Visit.update(status=VisitStatus.DONE.value, updated_at=now).where(
                Visit.id == visit.id
            ).execute()
            publish(
                Event.RATING_RECORDED, office=visit.office_id, visit=visit.id, desk=visit.desk_id
            )
        return rating
