"""The guest book (buku tamu): register, find and edit visitors (SOP step 4).

Validation gives one message per field so a form can show each beside its input; nothing is
written unless every field is valid.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import database_proxy, is_sqlite, write_transaction
from models.entities import Visitor
from models.migrations import VISITOR_FTS_TABLE
from pst_desktop.admin import audit
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import NotFound, ValidationError
from pst_desktop.core.text import check_length, clean_text
from pst_desktop.frontdesk import guest_book_lists
from pst_desktop.sop.permissions import Action, Actor, require

EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)
PHONE_RE = re.compile(r"^(\+62|62|0)8\d{7,12}$|^(\+62|62|0)[2-7]\d{6,10}$")


def normalize_phone(phone: str) -> str:
    """``+62 812-3456-7890`` → ``081234567890`` (the form staff search by)."""
    digits = re.sub(r"[\s\-().]", "", phone or "")
    if digits.startswith("+62"):
        digits = "0" + digits[3:]
    elif digits.startswith("62") and len(digits) > 9:
        digits = "0" + digits[2:]
    return digits


@dataclass
class VisitorForm:
    """What the guest-book form sends; strings as typed."""

    name: str = ""
    email: str = ""
    phone: str = ""
    gender: str = ""
    birth_year: int | None = None
    education: str = ""
    occupation: str = ""
    occupation_other: str = ""
    institution_category: str = ""
    institution_name: str = ""
    disability: str = ""
    consent: bool = False
    extra: dict = field(default_factory=dict)


def validate(form: VisitorForm, current_year: int) -> dict[str, object]:
    """Clean values ready to store, or ValidationError with a message per bad field."""
    errors: dict[str, str] = {}
    name = clean_text(form.name)
    if len(name) < 2:
        errors["name"] = QCoreApplication.translate(
            "Registration", "Enter the visitor's full name."
        )
    check_length(errors, "name", name, Visitor.name)
    email = clean_text(form.email).lower()
    if not email:
        errors["email"] = QCoreApplication.translate(
            "Registration", "An active e-mail address is required (SOP)."
        )
    elif len(email) > (Visitor.email.max_length or 0) or not EMAIL_RE.match(email):
        errors["email"] = QCoreApplication.translate(
            "Registration", "This is not a valid e-mail address, e.g. name@example.com."
        )
    phone = normalize_phone(clean_text(form.phone))
    if phone and not PHONE_RE.match(phone):
        errors["phone"] = QCoreApplication.translate(
            "Registration", "Enter a phone number like 0812xxxxxxxx or +62812xxxxxxxx."
        )
    choices = {
        "gender": form.gender,
        "education": form.education,
        "occupation": form.occupation,
        "institution_category": form.institution_category,
        "disability": form.disability,
    }
    for list_name, value in choices.items():
        if value and value not in guest_book_lists.codes(list_name):
            errors[list_name] = QCoreApplication.translate(
                "Registration", "Choose one of the options in the list."
            )
    if not form.gender:
        errors["gender"] = QCoreApplication.translate("Registration", "Choose the gender.")
    if form.birth_year is not None:
        try:
            year = int(form.birth_year)
        except (TypeError, ValueError):
            year = -1
        if not 1900 <= year <= current_year - 5:
            errors["birth_year"] = QCoreApplication.translate(
                "Registration", "Enter a birth year between 1900 and five years ago."
            )
    occupation_other = clean_text(form.occupation_other)
    if form.occupation == "other" and not occupation_other:
        errors["occupation_other"] = QCoreApplication.translate(
            "Registration", "Say which occupation."
        )
    if form.occupation == "other":
        check_length(errors, "occupation_other", occupation_other, Visitor.occupation_other)
    institution_name = clean_text(form.institution_name)
    check_length(errors, "institution_name", institution_name, Visitor.institution_name)
    if not form.consent:
        errors["consent"] = QCoreApplication.translate(
            "Registration", "The visitor must agree to the processing of their personal data."
        )
    if errors:
        raise ValidationError(errors)
    return {
        "name": name,
        "email": email,
        "phone": phone,
        "gender": form.gender,
        "birth_year": int(form.birth_year) if form.birth_year is not None else None,
        "education": form.education,
        "occupation": form.occupation,
        "occupation_other": occupation_other if form.occupation == "other" else "",
        "institution_category": form.institution_category,
        "institution_name": institution_name,
        "disability": form.disability,
        "consent": True,
    }


def check_purpose(purpose: str | None) -> str:
    """The purpose of a visit as stored: "" (not said) or a code of the seeded purpose list."""
    code = clean_text(purpose)
    if code and code not in guest_book_lists.codes("purpose"):
        raise ValidationError(
            {
                "purpose": QCoreApplication.translate(
                    "Registration", "Choose one of the options in the list."
                )
            }
        )
    return code


class VisitorText(pw.Model):
    """The SQLite FTS5 trigram table over the guest book (``models.migrations.VISITOR_FTS_TABLE``),
    only to be joined: triggers keep it in step with ``visitor``."""

    rowid = pw.IntegerField(primary_key=True, column_name="rowid")
    #: FTS5's hidden column named like the table: ``<table> MATCH '"abc"'`` searches every column
    document = pw.BareField(column_name=VISITOR_FTS_TABLE)

    class Meta:
        database = database_proxy
        table_name = VISITOR_FTS_TABLE


def _narrowed_by_trigrams(query: pw.Select, wanted: list[str]) -> pw.Select:
    """``query`` over visitors, first narrowed (SQLite) to those whose name, e-mail or phone
    holds one of ``wanted`` somewhere, through the trigram index; the query's own conditions
    still decide, so the rows are exactly those of the plain scan (0.3 s at 210k
    visitors).  PostgreSQL needs nothing here: its pg_trgm GIN indexes serve the ``LIKE``
    conditions themselves.  A word under 3 characters, or with a ``LIKE`` wildcard in it, has
    no trigrams to look up: the scan it is."""
    if not is_sqlite() or not _has_trigram_table():
        return query
    if any(len(w) < 3 or "%" in w or "_" in w for w in wanted):
        return query
    match = " OR ".join('"' + w.replace('"', '""') + '"' for w in wanted)
    found = (
        VisitorText.select(VisitorText.rowid.alias("id"))
        .where(pw.Expression(VisitorText.document, "MATCH", match))
        .cte("visitor_match", materialized=True)
    )
    return query.join(found, on=(found.c.id == Visitor.id)).with_cte(found)


def _has_trigram_table() -> bool:
    """Schema step 7 made the trigram table (SQLite 3.34+ has the tokenizer); a look at the
    schema costs well under a millisecond."""
    return database_proxy.obj.table_exists(VISITOR_FTS_TABLE)


def form_from_visitor(visitor: Visitor) -> VisitorForm:
    values = {k: getattr(visitor, k) for k in asdict(VisitorForm()) if k != "extra"}
    return VisitorForm(**values)


@dataclass(frozen=True)
class GuestBookEntry:
    """A visitor as the guest book holds them, as plain data: who, and their form."""

    visitor_id: int
    form: VisitorForm


def entry_of(visitor: Visitor) -> GuestBookEntry:
    return GuestBookEntry(visitor.id, form_from_visitor(visitor))


class RegistrationService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def register(self, actor: Actor, form: VisitorForm) -> Visitor:
        require(actor, Action.REGISTER_VISITOR)
        now = self.clock.now()
        values = validate(form, now.year)
        with write_transaction():
            return Visitor.create(
                office=actor.office_id, consent_at=now, created_at=now, updated_at=now, **values
            )

    def update(self, actor: Actor, visitor_id: int, form: VisitorForm) -> Visitor:
        require(actor, Action.EDIT_VISITOR)
        now = self.clock.now()
        values = validate(form, now.year)
        with write_transaction():
            visitor = self._get(actor, visitor_id)
            before = audit.snapshot(visitor)
            for key, value in values.items():
                setattr(visitor, key, value)
            visitor.updated_at = now
            visitor.save()
            audit.changed(now, actor.user_id, "update", "visitor", visitor, before)
        return visitor

    def delete(self, actor: Actor, visitor_id: int) -> None:
        """Remove a visitor's personal data (UU 27/2022 request); their visits stay, unnamed."""
        require(actor, Action.DELETE_VISITOR)
        now = self.clock.now()
        with write_transaction():
            visitor = self._get(actor, visitor_id)
            audit.changed(now, actor.user_id, "delete", "visitor", visitor)
            visitor.delete_instance()

    def find(self, actor: Actor, text: str, limit: int = 10) -> list[Visitor]:
        """Returning visitors whose phone, e-mail or name matches what was typed."""
        text = clean_text(text)  # a NUL would be refused by PostgreSQL even in a search
        if len(text) < 2:
            return []
        phone = normalize_phone(text)
        lower = text.lower()
        conditions = pw.fn.LOWER(Visitor.name).contains(lower)
        conditions |= pw.fn.LOWER(Visitor.email).startswith(lower)
        wanted = [lower]
        if len(phone) >= 4 and phone.lstrip("+").isdigit():
            conditions |= Visitor.phone.contains(phone)
            wanted.append(phone)
        query = (
            Visitor.select()
            .where((Visitor.office == actor.office_id) & conditions)
            .order_by(Visitor.updated_at.desc(), Visitor.id.desc())
            .limit(limit)
        )
        return list(_narrowed_by_trigrams(query, wanted))

    def look_up(self, actor: Actor, text: str, limit: int = 10) -> list[GuestBookEntry]:
        """``find`` as plain entries: what the front desk's search list shows and loads."""
        return [entry_of(visitor) for visitor in self.find(actor, text, limit)]

    def entry(self, actor: Actor, visitor_id: int) -> GuestBookEntry:
        """The visitor's entry as the guest book holds it now (``NotFound`` when it is gone)."""
        return entry_of(self._get(actor, visitor_id))

    def _get(self, actor: Actor, visitor_id: int) -> Visitor:
        visitor = Visitor.get_or_none(
            (Visitor.id == visitor_id) & (Visitor.office == actor.office_id)
        )
        if visitor is None:
            raise NotFound(
                QCoreApplication.translate(
                    "Registration", "This visitor is no longer in the guest book."
                )
            )
        return visitor
