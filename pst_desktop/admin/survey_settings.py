"""The admin's survey settings: which survey the visitor screens run (IKM, SKD, both or none),
for which period, for whom (every finished visit, one in N, or only visitors not asked yet this
year); the SKD attributes (data: added, reworded, reordered, retired and brought back, never
deleted); and how many working days a follow-up has (default 3).

The IKM's nine elements and their wording are the regulation's (PermenPANRB 14/2017,
``pst_desktop.visitor.instruments``): an edit of them is refused.

Reads (``survey_settings``, ``skd_attributes``) need no account: the visitor screens read them
with the kiosk's database role.  Writes check ``Action.CONFIGURE_OFFICE``, are audited, run in
one transaction and tell the other stations (``Event.SETTINGS_CHANGED``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import write_transaction
from models.entities import (
    OfficeSetting,
    SkdAttribute,
    SurveyAudience,
    SurveyChoice,
    SurveyInstrument,
    SurveyPlan,
)
from pst_desktop.admin import audit
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import NotFound, ValidationError
from pst_desktop.core.text import check_length, clean_text
from pst_desktop.sop.permissions import Action, Actor, require
from pst_desktop.visitor.instruments import IKM_CODES
from pst_desktop.visits.events import Event, publish

#: ``OfficeSetting`` key: working days a follow-up has before it is overdue
KEY_FOLLOW_UP_DAYS = "follow_up_working_days"
DEFAULT_FOLLOW_UP_DAYS = 3
FOLLOW_UP_DAYS_MAX = 30
ONE_IN_MAX = 1000
_SKD_CODE = re.compile(r"^skd(\d+)$")


@dataclass(frozen=True)
class SurveySettings:
    """What the admin sets; also what the visitor screens read."""

    survey: SurveyChoice = SurveyChoice.NONE
    starts_on: dt.date | None = None  # None: no start
    ends_on: dt.date | None = None  # None: no end
    audience: SurveyAudience = SurveyAudience.EVERY
    one_in: int = 1  # N of "one visit in N" (1 for the other audiences)
    follow_up_days: int = DEFAULT_FOLLOW_UP_DAYS

    @property
    def instruments(self) -> tuple[SurveyInstrument, ...]:
        """The instruments that run, IKM first."""
        return {
            SurveyChoice.NONE: (),
            SurveyChoice.IKM: (SurveyInstrument.IKM,),
            SurveyChoice.SKD: (SurveyInstrument.SKD,),
            SurveyChoice.BOTH: (SurveyInstrument.IKM, SurveyInstrument.SKD),
        }[self.survey]

    def runs_on(self, day: dt.date) -> bool:
        """Whether a survey runs for a visit of ``day``."""
        if self.survey is SurveyChoice.NONE:
            return False
        if self.starts_on is not None and day < self.starts_on:
            return False
        return self.ends_on is None or day <= self.ends_on


@dataclass(frozen=True)
class SkdAttributeRow:
    code: str
    label_id: str
    label_en: str
    sort_order: int
    active: bool

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_id


# -- reads ------------------------------------------------------------------------------------
def follow_up_days(office_id: int) -> int:
    """The working days a follow-up has; the default when the admin never set it."""
    value = (
        OfficeSetting.select(OfficeSetting.value)
        .where((OfficeSetting.office == office_id) & (OfficeSetting.key == KEY_FOLLOW_UP_DAYS))
        .scalar()
    )
    if value and str(value).isdigit() and 1 <= int(value) <= FOLLOW_UP_DAYS_MAX:
        return int(value)
    return DEFAULT_FOLLOW_UP_DAYS


def survey_settings(office_id: int) -> SurveySettings:
    """The office's survey settings (no survey when the admin never set one)."""
    plan = SurveyPlan.get_or_none(SurveyPlan.office == office_id)
    days = follow_up_days(office_id)
    if plan is None:
        return SurveySettings(follow_up_days=days)
    try:
        survey, audience = SurveyChoice(plan.survey), SurveyAudience(plan.audience)
    except ValueError:  # written by a newer program: run nothing rather than guess
        return SurveySettings(follow_up_days=days)
    return SurveySettings(
        survey=survey,
        starts_on=plan.starts_on,
        ends_on=plan.ends_on,
        audience=audience,
        one_in=max(1, int(plan.one_in or 1)),
        follow_up_days=days,
    )


def skd_attributes(include_retired: bool = False) -> list[SkdAttributeRow]:
    """The SKD attributes in the order they are asked (retired ones last when included)."""
    query = SkdAttribute.select()
    if not include_retired:
        query = query.where(SkdAttribute.active == True)  # noqa: E712 - SQL, not Python
    rows = [
        SkdAttributeRow(a.code, a.label_id, a.label_en, a.sort_order, bool(a.active))
        for a in query.order_by(SkdAttribute.sort_order, SkdAttribute.id)
    ]
    return sorted(rows, key=lambda r: not r.active)  # stable: the asked order first


def ikm_is_fixed_message() -> str:
    return QCoreApplication.translate(
        "SurveySettings",
        "The nine IKM elements and their wording are set by PermenPANRB 14/2017 and cannot be "
        "changed.",
    )


# -- writes -----------------------------------------------------------------------------------
class SurveySettingsService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def save(self, actor: Actor, settings: SurveySettings) -> SurveySettings:
        """Store the survey settings; a ``ValidationError`` names each bad field, nothing saved."""
        require(actor, Action.CONFIGURE_OFFICE)
        errors: dict[str, str] = {}
        try:
            survey = SurveyChoice(settings.survey)
        except ValueError:
            survey = SurveyChoice.NONE
            errors["survey"] = QCoreApplication.translate(
                "SurveySettings", "Choose which survey runs: IKM, SKD, both or none."
            )
        try:
            audience = SurveyAudience(settings.audience)
        except ValueError:
            audience = SurveyAudience.EVERY
            errors["audience"] = QCoreApplication.translate(
                "SurveySettings", "Choose who is asked."
            )
        one_in = settings.one_in
        if audience is SurveyAudience.ONE_IN_N:
            if isinstance(one_in, bool) or not isinstance(one_in, int):
                one_in = 0
            if not 2 <= one_in <= ONE_IN_MAX:
                errors["one_in"] = QCoreApplication.translate(
                    "SurveySettings", "One visit in N: N is a whole number from 2 to 1000."
                )
        else:
            one_in = 1
        start, end = settings.starts_on, settings.ends_on
        if start is not None and end is not None and end < start:
            errors["ends_on"] = QCoreApplication.translate(
                "SurveySettings", "The period ends before it starts."
            )
        days = settings.follow_up_days
        if (
            isinstance(days, bool)
            or not isinstance(days, int)
            or not 1 <= days <= FOLLOW_UP_DAYS_MAX
        ):
            errors["follow_up_days"] = QCoreApplication.translate(
                "SurveySettings", "A follow-up has 1 to 30 working days."
            )
        if errors:
            raise ValidationError(errors)
        stored = SurveySettings(survey, start, end, audience, one_in, days)
        with write_transaction():
            now = self.clock.now()
            plan = SurveyPlan.get_or_none(SurveyPlan.office == actor.office_id)
            values = {
                "survey": survey.value,
                "starts_on": start,
                "ends_on": end,
                "audience": audience.value,
                "one_in": one_in,
                "updated_at": now,
                "updated_by": actor.user_id,
            }
            if plan is None:
                plan = SurveyPlan.create(office=actor.office_id, **values)
                audit.changed(now, actor.user_id, "create", "survey_plan", plan)
            else:
                before = audit.snapshot(plan)
                for name, value in values.items():
                    setattr(plan, name, value)
                plan.save()
                audit.changed(now, actor.user_id, "update", "survey_plan", plan, before)
            self._set_follow_up_days(actor, days, now)
            publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="survey")
        return stored

    @staticmethod
    def _set_follow_up_days(actor: Actor, days: int, now: dt.datetime) -> None:
        row = OfficeSetting.get_or_none(
            (OfficeSetting.office == actor.office_id) & (OfficeSetting.key == KEY_FOLLOW_UP_DAYS)
        )
        if row is not None and row.value == str(days):
            return
        before = {KEY_FOLLOW_UP_DAYS: row.value} if row is not None else None
        if row is None:
            row = OfficeSetting.create(
                office=actor.office_id, key=KEY_FOLLOW_UP_DAYS, value=str(days)
            )
        else:
            OfficeSetting.update(value=str(days)).where(OfficeSetting.id == row.id).execute()
        audit.record(
            now,
            actor.user_id,
            "update",
            "office_setting",
            row.id,
            before,
            {KEY_FOLLOW_UP_DAYS: str(days)},
        )

    # -- the attributes ---------------------------------------------------------------------
    def save_attribute(
        self,
        actor: Actor,
        code: str | None,
        *,
        label_id: str,
        label_en: str,
        sort_order: int | None = None,
        instrument: SurveyInstrument = SurveyInstrument.SKD,
    ) -> SkdAttributeRow:
        """Add an SKD attribute (``code`` None: the next ``skdNN``, asked last unless
        ``sort_order`` says otherwise) or reword / reorder one.  An IKM element is refused."""
        require(actor, Action.CONFIGURE_OFFICE)
        if instrument != SurveyInstrument.SKD or (code or "").upper() in IKM_CODES:
            raise ValidationError({"element": ikm_is_fixed_message()})
        label_id, label_en = clean_text(label_id), clean_text(label_en)
        errors: dict[str, str] = {}
        if not label_id:
            errors["label_id"] = QCoreApplication.translate(
                "SurveySettings", "Write the attribute in Indonesian."
            )
        if not label_en:
            errors["label_en"] = QCoreApplication.translate(
                "SurveySettings", "Write the attribute in English."
            )
        check_length(errors, "label_id", label_id, SkdAttribute.label_id)
        check_length(errors, "label_en", label_en, SkdAttribute.label_en)
        if sort_order is not None and (
            isinstance(sort_order, bool) or not isinstance(sort_order, int) or sort_order < 0
        ):
            errors["sort_order"] = QCoreApplication.translate(
                "SurveySettings", "The order is a number from 0 up."
            )
        if errors:
            raise ValidationError(errors)
        with write_transaction():
            now = self.clock.now()
            if code is None:
                attribute = SkdAttribute.create(
                    code=self._next_code(),
                    label_id=label_id,
                    label_en=label_en,
                    sort_order=sort_order if sort_order is not None else self._last_order() + 1,
                )
                audit.changed(now, actor.user_id, "create", "skd_attribute", attribute)
            else:
                attribute = self._attribute(code)
                before = audit.snapshot(attribute)
                attribute.label_id, attribute.label_en = label_id, label_en
                if sort_order is not None:
                    attribute.sort_order = sort_order
                attribute.save()
                audit.changed(now, actor.user_id, "update", "skd_attribute", attribute, before)
            publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="skd_attribute")
        return _row(attribute)

    def retire_attribute(self, actor: Actor, code: str) -> SkdAttributeRow:
        """No longer ask an SKD attribute; its answers stay (and show in reports)."""
        return self._set_active(actor, code, False)

    def restore_attribute(self, actor: Actor, code: str) -> SkdAttributeRow:
        """Ask a retired SKD attribute again."""
        return self._set_active(actor, code, True)

    def edit_ikm_element(self, actor: Actor, code: str, **_texts: str) -> None:
        """Always refused: the IKM's elements are the regulation's (the admin window offers no
        such edit; this is the one answer to anything that asks for it)."""
        require(actor, Action.CONFIGURE_OFFICE)
        raise ValidationError({"element": ikm_is_fixed_message()})

    def _set_active(self, actor: Actor, code: str, active: bool) -> SkdAttributeRow:
        require(actor, Action.CONFIGURE_OFFICE)
        if (code or "").upper() in IKM_CODES:
            raise ValidationError({"element": ikm_is_fixed_message()})
        with write_transaction():
            attribute = self._attribute(code)
            if bool(attribute.active) != active:
                before = audit.snapshot(attribute)
                attribute.active = active
                attribute.save()
                audit.changed(
                    self.clock.now(), actor.user_id, "update", "skd_attribute", attribute, before
                )
                publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="skd_attribute")
        return _row(attribute)

    @staticmethod
    def _attribute(code: str) -> SkdAttribute:
        attribute = SkdAttribute.get_or_none(SkdAttribute.code == (code or ""))
        if attribute is None:
            raise NotFound(
                QCoreApplication.translate("SurveySettings", "This SKD attribute does not exist.")
            )
        return attribute

    @staticmethod
    def _next_code() -> str:
        numbers = [
            int(found.group(1))
            for (code,) in SkdAttribute.select(SkdAttribute.code).tuples()
            if (found := _SKD_CODE.match(code))
        ]
        return f"skd{max(numbers, default=0) + 1:02d}"

    @staticmethod
    def _last_order() -> int:
        return int(SkdAttribute.select(pw.fn.MAX(SkdAttribute.sort_order)).scalar() or 0)


def _row(attribute: SkdAttribute) -> SkdAttributeRow:
    return SkdAttributeRow(
        attribute.code,
        attribute.label_id,
        attribute.label_en,
        attribute.sort_order,
        bool(attribute.active),
    )


def with_follow_up_days(settings: SurveySettings, days: int) -> SurveySettings:
    """``settings`` with another number of follow-up days (a form's helper)."""
    return replace(settings, follow_up_days=days)
