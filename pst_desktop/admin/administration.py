"""Office administration (admin role): services, desks, the office profile, service hours,
closure days, the rating question and scale, the display board's running text, the rating
kiosk's PIN (a supervisor types it to close the visitor-facing screen), the priority rule's N
and M (``save_priority_rule``; read with ``visits.priority.priority_rule``).

Every operation checks ``Action.CONFIGURE_OFFICE``, validates its input (a ``ValidationError``
maps each bad field to one plain sentence, and nothing is saved), writes in one transaction and
records an audit row there.  Changes that other stations must see publish
``Event.SETTINGS_CHANGED``; hours and closure days also drop this station's cached calendar
(``OfficeCalendar.invalidate``).  No widgets here: ``ui/admin`` shows the answers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from PySide6.QtCore import QCoreApplication

from models.database import write_transaction
from models.entities import (
    ClosureDay,
    Desk,
    DeskService,
    Office,
    OfficeSetting,
    ServiceHours,
    ServiceType,
    UserAccount,
)
from pst_desktop.admin import audit
from pst_desktop.admin.accounts import hash_password
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import NotFound, ValidationError
from pst_desktop.core.text import check_length, clean_text
from pst_desktop.sop.office_calendar import OfficeCalendar, national_holidays
from pst_desktop.sop.permissions import Action, Actor, require
from pst_desktop.visits import priority
from pst_desktop.visits.events import Event, publish

PREFIX_PATTERN = re.compile(r"^[A-Z]{1,3}$")
CODE_PATTERN = re.compile(r"^[a-z0-9_]{1,40}$")
LOGO_MAX_BYTES = 512 * 1024
RATING_SCALE_MIN, RATING_SCALE_MAX = 2, 10
RUNNING_TEXT_MAX = 300
RATING_QUESTION_MAX = 200
KIOSK_PIN_PATTERN = re.compile(r"^[0-9]{4,8}$")

#: the keys of ``OfficeSetting``
KEY_RATING_QUESTION = "rating_question"
KEY_RATING_SCALE = "rating_scale"
KEY_RUNNING_TEXT = "board_running_text"
KEY_KIOSK_PIN = "kiosk_pin_hash"  # an argon2id hash, never the PIN itself

#: a sentinel: keep the stored logo as it is
KEEP_LOGO = object()


def _clean(text: str | None) -> str:
    return clean_text(text)  # one line, no control characters


# -- what the admin window shows ---------------------------------------------------------------
@dataclass(frozen=True)
class AccountRow:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    last_login_at: dt.datetime | None


@dataclass(frozen=True)
class DeskRow:
    id: int
    name: str
    active: bool
    service_ids: frozenset[int]


@dataclass(frozen=True)
class CalendarEntry:
    """One day of the year's list: a national holiday / cuti bersama, an office closure, or a
    holiday the office opens on (``closed`` False)."""

    day: dt.date
    holiday: str  # the national holiday's name, "" for an office-only closure
    closed: bool  # the office is closed that day
    reason: str  # the office's own reason ("" when it follows the national calendar)
    office_override: bool  # an office closure-day row exists for the day


@dataclass(frozen=True)
class OfficeProfile:
    """The office as the windows show it: its name, address, time zone and logo."""

    id: int
    name: str
    address: str
    time_zone: str
    logo: bytes | None  # PNG or JPEG; None: no logo

    @classmethod
    def of(cls, office: Office) -> OfficeProfile:
        return cls(
            office.id,
            office.name,
            office.address or "",
            office.time_zone,
            bytes(office.logo) if office.logo else None,
        )


def office_profile(office_id: int) -> OfficeProfile:
    """The office's profile as the database has it now (``NotFound`` for an unknown office)."""
    office = Office.get_or_none(Office.id == office_id)
    if office is None:
        raise NotFound(QCoreApplication.translate("Administration", "This office does not exist."))
    return OfficeProfile.of(office)


@dataclass(frozen=True)
class OfficeSettings:
    rating_question: str
    rating_scale: int
    board_running_text: str


def office_settings(
    office_id: int, *, station_scale: int = 4, station_running_text: str = ""
) -> OfficeSettings:
    """The office-wide rating question, scale and running text; a key the admin never set
    falls back to this station's own setting (``StationSettings``)."""
    stored = {
        s.key: s.value for s in OfficeSetting.select().where(OfficeSetting.office == office_id)
    }
    scale = station_scale
    if stored.get(KEY_RATING_SCALE, "").isdigit():
        scale = int(stored[KEY_RATING_SCALE])
    return OfficeSettings(
        rating_question=stored.get(KEY_RATING_QUESTION, ""),  # "": the screen's own question
        rating_scale=scale,
        board_running_text=stored.get(KEY_RUNNING_TEXT, station_running_text),
    )


def _kiosk_pin_hash(office_id: int) -> str:
    row = OfficeSetting.get_or_none(
        (OfficeSetting.office == office_id) & (OfficeSetting.key == KEY_KIOSK_PIN)
    )
    return row.value if row is not None else ""


def kiosk_pin_set(office_id: int) -> bool:
    """Whether the admin set the rating kiosk's PIN."""
    return bool(_kiosk_pin_hash(office_id))


def verify_kiosk_pin(office_id: int, pin: str) -> bool:
    """Whether ``pin`` is the office's kiosk PIN; False when no PIN is set."""
    stored = _kiosk_pin_hash(office_id)
    if not stored or not KIOSK_PIN_PATTERN.match(pin or ""):
        return False
    try:
        return PasswordHasher().verify(stored, pin)
    except (VerificationError, InvalidHashError):
        return False


def accounts(office_id: int) -> list[AccountRow]:
    query = (
        UserAccount.select()
        .where(UserAccount.office == office_id)
        .order_by(UserAccount.active.desc(), UserAccount.username)
    )
    return [
        AccountRow(a.id, a.username, a.full_name, a.role, bool(a.active), a.last_login_at)
        for a in query
    ]


def services(office_id: int) -> list[ServiceType]:
    return list(
        ServiceType.select()
        .where(ServiceType.office == office_id)
        .order_by(ServiceType.sort_order, ServiceType.id)
    )


def desks(office_id: int) -> list[DeskRow]:
    links: dict[int, set[int]] = {}
    for desk_id, service_id in (
        DeskService.select(DeskService.desk, DeskService.service)
        .join(Desk)
        .where(Desk.office == office_id)
        .tuples()
    ):
        links.setdefault(desk_id, set()).add(service_id)
    return [
        DeskRow(d.id, d.name, bool(d.active), frozenset(links.get(d.id, ())))
        for d in Desk.select().where(Desk.office == office_id).order_by(Desk.name, Desk.id)
    ]


def desk_of(office_id: int, desk_id: int) -> DeskRow | None:
    """Desk ``desk_id`` of the office (open or closed), or None when the office has none such."""
    return next((desk for desk in desks(office_id) if desk.id == desk_id), None)


def hours(office_id: int) -> dict[int, tuple[dt.time, dt.time]]:
    return {
        h.weekday: (h.opens, h.closes)
        for h in ServiceHours.select().where(ServiceHours.office == office_id)
    }


def year_calendar(office_id: int, year: int) -> list[CalendarEntry]:
    """The year's national holidays and cuti bersama, with the office's closure days and
    overrides on top, by date."""
    named = national_holidays(year)
    own = {
        c.day: c
        for c in ClosureDay.select().where(
            (ClosureDay.office == office_id)
            & (ClosureDay.day >= dt.date(year, 1, 1))
            & (ClosureDay.day <= dt.date(year, 12, 31))
        )
    }
    entries = []
    for day in sorted(set(named) | set(own)):
        row = own.get(day)
        entries.append(
            CalendarEntry(
                day=day,
                holiday=named.get(day, ""),
                closed=row.closed if row is not None else True,
                reason=row.reason if row is not None else "",
                office_override=row is not None,
            )
        )
    return entries


def check_logo(data: bytes) -> None:
    """A PNG or JPEG of at most 512 KB, or a ValidationError saying what is wrong."""
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError(
            {
                "logo": QCoreApplication.translate(
                    "Administration", "The logo is larger than 512 KB; choose a smaller picture."
                )
            }
        )
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        raise ValidationError(
            {
                "logo": QCoreApplication.translate(
                    "Administration", "The logo must be a PNG or JPEG picture."
                )
            }
        )


def check_time_zone(name: str) -> None:
    try:
        if not name or name != name.strip():
            raise ValueError(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            {
                "time_zone": QCoreApplication.translate(
                    "Administration",
                    "Unknown time zone; use a name like Asia/Jakarta, Asia/Makassar or "
                    "Asia/Jayapura.",
                )
            }
        ) from None


class Administration:
    """The admin's changes to the office set-up; each one audited and in one transaction."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    # -- services ---------------------------------------------------------------------------
    def save_service(
        self,
        actor: Actor,
        service_id: int | None,
        *,
        code: str,
        prefix: str,
        name: str,
        sort_order: int = 0,
        active: bool = True,
    ) -> ServiceType:
        """Create (``service_id`` None) or change a service."""
        require(actor, Action.CONFIGURE_OFFICE)
        code = (code or "").strip().lower()
        prefix = (prefix or "").strip()
        name = _clean(name)
        errors: dict[str, str] = {}
        if not CODE_PATTERN.match(code):
            errors["code"] = QCoreApplication.translate(
                "Administration", "Use 1–40 lowercase letters, digits or underscores for the code."
            )
        if not PREFIX_PATTERN.match(prefix):
            errors["prefix"] = QCoreApplication.translate(
                "Administration", "The prefix is 1 to 3 capital letters, e.g. K."
            )
        if not name:
            errors["name"] = QCoreApplication.translate(
                "Administration", "Enter the service's name."
            )
        check_length(errors, "name", name, ServiceType.name)  # the column's limit
        if not isinstance(sort_order, int) or sort_order < 0:
            errors["sort_order"] = QCoreApplication.translate(
                "Administration", "The order is a number from 0 up."
            )
        with write_transaction():
            service = None
            if service_id is not None:
                service = self._service(actor, service_id)
            others = ServiceType.select().where(ServiceType.office == actor.office_id)
            if service is not None:
                others = others.where(ServiceType.id != service.id)
            if "code" not in errors and others.where(ServiceType.code == code).exists():
                errors["code"] = QCoreApplication.translate(
                    "Administration", "Another service already has this code."
                )
            if "prefix" not in errors and others.where(ServiceType.prefix == prefix).exists():
                errors["prefix"] = QCoreApplication.translate(
                    "Administration", "Another service already uses this prefix."
                )
            if errors:
                raise ValidationError(errors)
            now = self.clock.now()
            if service is None:
                service = ServiceType.create(
                    office=actor.office_id,
                    code=code,
                    prefix=prefix,
                    name=name,
                    sort_order=sort_order,
                    active=active,
                )
                audit.changed(now, actor.user_id, "create", "service", service)
            else:
                before = audit.snapshot(service)
                service.code, service.prefix, service.name = code, prefix, name
                service.sort_order, service.active = sort_order, bool(active)
                service.save()
                audit.changed(now, actor.user_id, "update", "service", service, before)
            publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="service")
        return service

    # -- desks ------------------------------------------------------------------------------
    def save_desk(
        self,
        actor: Actor,
        desk_id: int | None,
        *,
        name: str,
        active: bool = True,
        service_ids: Iterable[int] = (),
    ) -> Desk:
        """Create or change a desk and the services it serves."""
        require(actor, Action.CONFIGURE_OFFICE)
        name = _clean(name)
        wanted = set(service_ids)
        errors: dict[str, str] = {}
        if not name:
            errors["name"] = QCoreApplication.translate("Administration", "Enter the desk's name.")
        check_length(errors, "name", name, Desk.name)  # the column's limit
        with write_transaction():
            desk = self._desk(actor, desk_id) if desk_id is not None else None
            others = Desk.select().where((Desk.office == actor.office_id) & (Desk.name == name))
            if desk is not None:
                others = others.where(Desk.id != desk.id)
            if "name" not in errors and others.exists():
                errors["name"] = QCoreApplication.translate(
                    "Administration", "Another desk already has this name."
                )
            known = {
                s.id
                for s in ServiceType.select(ServiceType.id).where(
                    ServiceType.office == actor.office_id
                )
            }
            if not wanted <= known:
                errors["services"] = QCoreApplication.translate(
                    "Administration", "Choose services of this office only."
                )
            elif active and not wanted:
                errors["services"] = QCoreApplication.translate(
                    "Administration", "An open desk serves at least one service."
                )
            if errors:
                raise ValidationError(errors)
            now = self.clock.now()
            if desk is None:
                desk = Desk.create(office=actor.office_id, name=name, active=active)
                before = None
                had: set[int] = set()
            else:
                before = audit.snapshot(desk)
                had = {
                    link.service_id
                    for link in DeskService.select().where(DeskService.desk == desk.id)
                }
                before["services"] = sorted(had)
                desk.name, desk.active = name, bool(active)
                desk.save()
            if wanted - had:
                DeskService.insert_many(
                    [{"desk": desk.id, "service": s} for s in sorted(wanted - had)]
                ).execute()
            if had - wanted:
                DeskService.delete().where(
                    (DeskService.desk == desk.id) & DeskService.service.in_(sorted(had - wanted))
                ).execute()
            after = audit.snapshot(desk)
            after["services"] = sorted(wanted)
            audit.record(
                now,
                actor.user_id,
                "create" if before is None else "update",
                "desk",
                desk.id,
                before,
                after,
            )
            publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="desk")
        return desk

    # -- the office profile -----------------------------------------------------------------
    def save_profile(
        self,
        actor: Actor,
        *,
        name: str,
        address: str,
        time_zone: str,
        logo: bytes | object | None = KEEP_LOGO,
    ) -> Office:
        """Name (required), address, IANA time zone, logo (PNG/JPEG ≤ 512 KB; None removes it,
        ``KEEP_LOGO`` leaves it)."""
        require(actor, Action.CONFIGURE_OFFICE)
        name = _clean(name)
        address = clean_text(address, multiline=True)
        time_zone = (time_zone or "").strip()
        errors: dict[str, str] = {}
        if not name:
            errors["name"] = QCoreApplication.translate(
                "Administration", "Enter the office's name."
            )
        check_length(errors, "name", name, Office.name)  # the column's limit
        try:
            check_time_zone(time_zone)
        except ValidationError as exc:
            errors.update(exc.fields)
        if isinstance(logo, bytes | bytearray):
            try:
                check_logo(bytes(logo))
            except ValidationError as exc:
                errors.update(exc.fields)
        if errors:
            raise ValidationError(errors)
        with write_transaction():
            office = Office.get_by_id(actor.office_id)
            before = audit.snapshot(office)
            office.name, office.address, office.time_zone = name, address, time_zone
            if logo is not KEEP_LOGO:
                office.logo = bytes(logo) if logo is not None else None
            office.save()
            audit.changed(self.clock.now(), actor.user_id, "update", "office", office, before)
            publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="office")
        OfficeCalendar.invalidate()
        return office

    # -- service hours ----------------------------------------------------------------------
    def save_hours(self, actor: Actor, week: Mapping[int, tuple[dt.time, dt.time] | None]) -> None:
        """The opening hours of each weekday (0 = Monday); None or a missing day: closed."""
        require(actor, Action.CONFIGURE_OFFICE)
        errors: dict[str, str] = {}
        wanted: dict[int, tuple[dt.time, dt.time]] = {}
        for weekday in range(7):
            span = week.get(weekday)
            if span is None:
                continue
            opens, closes = span
            if opens >= closes:
                errors[f"weekday_{weekday}"] = QCoreApplication.translate(
                    "Administration", "The desk must open before it closes."
                )
            wanted[weekday] = (opens, closes)
        if not wanted:
            errors["week"] = QCoreApplication.translate(
                "Administration", "Open the desk on at least one day of the week."
            )
        if errors:
            raise ValidationError(errors)
        with write_transaction():
            before = {
                str(k): [v[0].isoformat(), v[1].isoformat()]
                for k, v in hours(actor.office_id).items()
            }
            ServiceHours.delete().where(ServiceHours.office == actor.office_id).execute()
            ServiceHours.insert_many(
                [
                    {"office": actor.office_id, "weekday": d, "opens": o, "closes": c}
                    for d, (o, c) in sorted(wanted.items())
                ]
            ).execute()
            after = {str(k): [v[0].isoformat(), v[1].isoformat()] for k, v in wanted.items()}
            audit.record(
                self.clock.now(),
                actor.user_id,
                "update",
                "service_hours",
                actor.office_id,
                before,
                after,
            )
            publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="hours")
        OfficeCalendar.invalidate()

    # -- closure days -----------------------------------------------------------------------
    def add_closure(
        self, actor: Actor, day: dt.date, reason: str, *, closed: bool = True
    ) -> ClosureDay:
        """Close the office on ``day`` (or, ``closed`` False, open it on a listed holiday)."""
        require(actor, Action.CONFIGURE_OFFICE)
        reason = _clean(reason)
        errors: dict[str, str] = {}
        if not reason:
            errors["reason"] = QCoreApplication.translate(
                "Administration", "Give the reason, e.g. the decree or the office event."
            )
        check_length(errors, "reason", reason, ClosureDay.reason)  # the column's limit
        with write_transaction():
            exists = (
                ClosureDay.select()
                .where((ClosureDay.office == actor.office_id) & (ClosureDay.day == day))
                .exists()
            )
            if exists:
                errors["day"] = QCoreApplication.translate(
                    "Administration", "This day is in the office's list already; remove it first."
                )
            if errors:
                raise ValidationError(errors)
            row = ClosureDay.create(office=actor.office_id, day=day, closed=closed, reason=reason)
            audit.changed(self.clock.now(), actor.user_id, "create", "closure_day", row)
            publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="closure")
        OfficeCalendar.invalidate()
        return row

    def remove_closure(self, actor: Actor, day: dt.date) -> None:
        require(actor, Action.CONFIGURE_OFFICE)
        with write_transaction():
            row = ClosureDay.get_or_none(
                (ClosureDay.office == actor.office_id) & (ClosureDay.day == day)
            )
            if row is None:
                raise NotFound(
                    QCoreApplication.translate(
                        "Administration", "This day is not in the office's list."
                    )
                )
            row.delete_instance()
            audit.changed(self.clock.now(), actor.user_id, "delete", "closure_day", row)
            publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="closure")
        OfficeCalendar.invalidate()

    # -- rating question and scale, running text ---------------------------------------------
    def save_rating(self, actor: Actor, *, question: str, scale: int) -> None:
        require(actor, Action.CONFIGURE_OFFICE)
        question = _clean(question)
        errors: dict[str, str] = {}
        if not question:
            errors["question"] = QCoreApplication.translate(
                "Administration", "Enter the question the rating screen asks."
            )
        elif len(question) > RATING_QUESTION_MAX:
            errors["question"] = QCoreApplication.translate(
                "Administration", "The question is too long (at most 200 characters)."
            )
        if not isinstance(scale, int) or not RATING_SCALE_MIN <= scale <= RATING_SCALE_MAX:
            errors["scale"] = QCoreApplication.translate(
                "Administration", "The scale runs from 1 up to a number from 2 to 10."
            )
        if errors:
            raise ValidationError(errors)
        with write_transaction():
            self._set(actor, KEY_RATING_QUESTION, question)
            self._set(actor, KEY_RATING_SCALE, str(scale))
            publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="rating")

    def save_running_text(self, actor: Actor, text: str) -> None:
        require(actor, Action.CONFIGURE_OFFICE)
        text = _clean(text)
        if len(text) > RUNNING_TEXT_MAX:
            raise ValidationError(
                {
                    "running_text": QCoreApplication.translate(
                        "Administration", "The running text is too long (at most 300 characters)."
                    )
                }
            )
        with write_transaction():
            self._set(actor, KEY_RUNNING_TEXT, text)
            publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="board")

    def save_priority_rule(
        self, actor: Actor, *, max_in_row: object, normal_max_wait_minutes: object
    ) -> None:
        """The priority rule: at most ``max_in_row`` priority calls in a row while a
        normal ticket waits (1–10), and a normal ticket that waited longer than
        ``normal_max_wait_minutes`` (5–120) goes first (``pst_desktop.visits.priority``)."""
        require(actor, Action.CONFIGURE_OFFICE)
        rule = priority.check_rule(max_in_row, normal_max_wait_minutes)
        with write_transaction():
            self._set(actor, priority.KEY_MAX_IN_ROW, str(rule.max_in_row))
            self._set(actor, priority.KEY_NORMAL_MAX_WAIT, str(rule.normal_max_wait_minutes))
            publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="priority")

    def save_kiosk_pin(self, actor: Actor, pin: str) -> None:
        """The PIN (4 to 8 digits) that closes the rating kiosk; stored as an argon2id hash,
        and the audit row says only that it changed."""
        require(actor, Action.CONFIGURE_OFFICE)
        pin = (pin or "").strip()
        if not KIOSK_PIN_PATTERN.match(pin):
            raise ValidationError(
                {
                    "kiosk_pin": QCoreApplication.translate(
                        "Administration", "The kiosk PIN is 4 to 8 digits."
                    )
                }
            )
        with write_transaction():
            row = OfficeSetting.get_or_none(
                (OfficeSetting.office == actor.office_id) & (OfficeSetting.key == KEY_KIOSK_PIN)
            )
            had = row is not None and bool(row.value)
            if row is None:
                row = OfficeSetting.create(
                    office=actor.office_id, key=KEY_KIOSK_PIN, value=hash_password(pin)
                )
            else:
                OfficeSetting.update(value=hash_password(pin)).where(
                    OfficeSetting.id == row.id
                ).execute()
            audit.record(
                self.clock.now(),
                actor.user_id,
                "update",
                "office_setting",
                row.id,
                {"kiosk_pin": "set"} if had else None,
                {"kiosk_pin": "changed" if had else "set"},
            )
            publish(Event.SETTINGS_CHANGED, office=actor.office_id, what="kiosk_pin")

    def _set(self, actor: Actor, key: str, value: str) -> None:
        row = OfficeSetting.get_or_none(
            (OfficeSetting.office == actor.office_id) & (OfficeSetting.key == key)
        )
        if row is not None and row.value == value:
            return
        before = {key: row.value} if row is not None else None
        if row is None:
            row = OfficeSetting.create(office=actor.office_id, key=key, value=value)
        else:
            OfficeSetting.update(value=value).where(OfficeSetting.id == row.id).execute()
        audit.record(
            self.clock.now(),
            actor.user_id,
            "update",
            "office_setting",
            row.id,
            before,
            {key: value},
        )

    # -- lookups ----------------------------------------------------------------------------
    @staticmethod
    def _service(actor: Actor, service_id: int) -> ServiceType:
        service = ServiceType.get_or_none(
            (ServiceType.id == service_id) & (ServiceType.office == actor.office_id)
        )
        if service is None:
            raise NotFound(QCoreApplication.translate("Administration", "No such service."))
        return service

    @staticmethod
    def _desk(actor: Actor, desk_id: int) -> Desk:
        desk = Desk.get_or_none((Desk.id == desk_id) & (Desk.office == actor.office_id))
        if desk is None:
            raise NotFound(QCoreApplication.translate("Administration", "No such desk."))
        return desk
