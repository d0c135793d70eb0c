"""Least privilege on the office PostgreSQL server: a staff role and a kiosk role.

- **staff** (front desk, officers, supervisors, admins): read and write every table and use its
  id sequences.  Schema changes (``db init`` / ``db upgrade``) stay with the database's owner.
- **kiosk** (the visitor-facing rating screen and the waiting-room display board): reads the
  office, its services, desks and calendar, the queue columns of ``visit`` (numbers, status,
  desk, times: never ``contact`` or ``purpose``), the consultation's question (the rating screen
  shows it to the visitor who asked it), staff names (``user_account.id`` and ``full_name``
  only), the survey definitions (``survey_plan``, ``skd_attribute``) and the keys and answers of
  survey responses; writes ratings and marks a rated visit done, inserts survey responses,
  their answers and the reasons after a low rating.  It cannot read ``visitor`` (names, phones,
  e-mails), appointments, the audit log, complaints and follow-ups, or any staff account's username,
  role or password hash, and it writes nothing in ``user_account``.  Leaving the kiosk checks
  the office's kiosk PIN (an argon2id hash in ``office_setting``), not a staff sign-in.
  ``LISTEN``/``pg_notify`` need no privilege.

``pst-desktop db grants`` runs :func:`grant_statements` as the owner; DBAs can run
``resources/sql/grants.sql`` (the same statements for the roles ``pst_staff`` / ``pst_kiosk``
in schema ``public``) with ``psql``.  Roles get a password (``LOGIN``) when one is given,
otherwise they are group roles (``NOLOGIN``) that login roles join (``GRANT pst_kiosk TO pc3``).
"""

from __future__ import annotations

import re

import peewee as pw

from models import entities as e

STAFF_ROLE = "pst_staff"
KIOSK_ROLE = "pst_kiosk"

# what the kiosk may read, per table (None: every column)
KIOSK_SELECT: dict[str, tuple[str, ...] | None] = {
    "office": None,
    "service_hours": None,
    "service_type": None,
    "desk": None,
    "desk_service": None,
    "closure_day": None,
    "category_option": None,
    "office_setting": None,  # the rating question, scale, running text and kiosk PIN hash
    "schema_version": None,
    "rating": None,
    "user_account": ("id", "full_name"),  # the officer's name on the rating screen
    "visit": (
        "id",
        "office_id",
        "service_id",
        "ticket_service_id",
        "channel",
        "day",
        "number",
        "status",
        "desk_id",
        "officer_id",
        "issued_at",
        "called_at",
        "service_started_at",
        "finished_at",
        "call_count",
        "updated_at",
        "call_assist",  # the board flashes and repeats an assisted call (never the priority)
    ),
    "consultation": ("id", "visit_id", "question"),
    # the survey definitions, and what a visitor screen needs to go on with a response
    "survey_plan": None,
    "skd_attribute": None,
    "survey_response": ("id", "office_id", "visit_id", "instrument", "channel", "key"),
    "survey_answer": ("id", "response_id", "item", "aspect", "value"),
    "rating_reason": ("id", "rating_id", "element"),
    # the board shows desks on a break and when they are back (never why, nor who)
    "desk_state": ("id", "desk_id", "office_id", "state", "expected_back"),
}
#: the kiosk inserts ratings, survey responses and their answers, and the reasons after a low
#: rating; it never changes or deletes them
KIOSK_INSERT = ("rating", "survey_response", "survey_answer", "rating_reason")
KIOSK_UPDATE: dict[str, tuple[str, ...]] = {
    "rating": ("comment",),
    "visit": ("status", "updated_at"),
}
# personal data the kiosk must never read (checked by the tests)
KIOSK_NEVER = {
    "visitor": ("name", "email", "phone"),
    "visit": ("contact", "purpose", "visitor_id", "cancel_reason", "priority", "priority_note"),
    "user_account": ("password_hash", "username", "failed_logins", "locked_until"),
}

_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def check_name(name: str, what: str = "role") -> str:
    if not _NAME.match(name or ""):
        raise ValueError(
            f"invalid {what} name {name!r}: use lower-case letters, digits and underscores"
        )
    return name


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name + '"'


def grant_statements(
    schema: str = "public",
    staff_role: str = STAFF_ROLE,
    kiosk_role: str = KIOSK_ROLE,
    staff_password: str | None = None,
    kiosk_password: str | None = None,
    tables: list[str] | None = None,
) -> list[str]:
    """The SQL that creates (or updates) both roles and grants them their privileges."""
    schema, staff, kiosk = (
        check_name(schema, "schema"),
        check_name(staff_role),
        check_name(kiosk_role),
    )
    if staff == kiosk:
        raise ValueError("the staff role and the kiosk role must differ")
    tables = tables or [m._meta.table_name for m in e.ALL_TABLES] + ["schema_version"]
    out: list[str] = []
    for role, password in ((staff, staff_password), (kiosk, kiosk_password)):
        login = f"LOGIN PASSWORD {_literal(password)}" if password else "NOLOGIN"
        out.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {_literal(role)}) "
            f"THEN CREATE ROLE {_ident(role)} {login}; "
            f"ELSE ALTER ROLE {_ident(role)} {login}; END IF; END $$"
        )
    s = _ident(schema)
    out += [
        f"GRANT USAGE ON SCHEMA {s} TO {_ident(staff)}, {_ident(kiosk)}",
        # start from nothing for the kiosk (re-running after a change takes privileges away)
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {_ident(kiosk)}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {_ident(kiosk)}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {_ident(staff)}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {s} TO {_ident(staff)}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {_ident(staff)}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} "
        f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {_ident(staff)}",
    ]
    for table, columns in KIOSK_SELECT.items():
        if table not in tables:
            continue
        cols = "" if columns is None else " (" + ", ".join(_ident(c) for c in columns) + ")"
        out.append(f"GRANT SELECT{cols} ON {s}.{_ident(table)} TO {_ident(kiosk)}")
    for table in KIOSK_INSERT:
        out.append(f"GRANT INSERT ON {s}.{_ident(table)} TO {_ident(kiosk)}")
        out.append(f"GRANT USAGE ON SEQUENCE {s}.{_ident(table + '_id_seq')} TO {_ident(kiosk)}")
    for table, columns in KIOSK_UPDATE.items():
        cols = ", ".join(_ident(c) for c in columns)
        out.append(f"GRANT UPDATE ({cols}) ON {s}.{_ident(table)} TO {_ident(kiosk)}")
    return out


def current_schema(db: pw.Database) -> str:
    return db.execute_sql("SELECT current_schema()").fetchone()[0]


def apply_grants(
    db: pw.Database,
    staff_role: str = STAFF_ROLE,
    kiosk_role: str = KIOSK_ROLE,
    staff_password: str | None = None,
    kiosk_password: str | None = None,
) -> list[str]:
    """Run the grants on ``db`` (PostgreSQL, as the owner of its tables) in one transaction."""
    if isinstance(db, pw.SqliteDatabase):
        raise ValueError("roles and grants exist on PostgreSQL only; SQLite has no users")
    schema = current_schema(db)
    statements = grant_statements(
        schema,
        staff_role,
        kiosk_role,
        staff_password,
        kiosk_password,
        tables=db.get_tables(schema=schema),
    )
    with db.atomic():
        for sql in statements:
            db.execute_sql(sql)
    return statements


def sql_script() -> str:
    """``resources/sql/grants.sql``: the statements for schema ``public`` and group roles."""
    head = (
        "-- PST Desktop: least-privilege roles on the office PostgreSQL server.\n"
        "-- Generated by pst_desktop/db/grants.py (pst-desktop db grants does the same).\n"
        "-- Run as the owner of the tables, after 'pst-desktop db init':\n"
        "--   psql -d pst -v ON_ERROR_STOP=1 -f grants.sql\n"
        "-- Then give each PC its login: CREATE ROLE pc_front LOGIN PASSWORD '...' IN ROLE "
        "pst_staff;\n"
        "--                               CREATE ROLE pc_board LOGIN PASSWORD '...' IN ROLE "
        "pst_kiosk;\n"
        "BEGIN;\n"
    )
    return head + "".join(f"{sql};\n" for sql in grant_statements()) + "COMMIT;\n"
