"""The peewee models: one class per table, in the office's words.

Times are stored as UTC (``UtcDateTimeField``); the office's own date of a ticket (``Visit.day``)
is stored as the local date in the office time zone, because ticket numbers reset per office day.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import peewee as pw

from models.database import database_proxy


class UtcDateTimeField(pw.DateTimeField):
    """Aware datetimes in, aware UTC datetimes out; stored naive UTC on both databases."""

    def db_value(self, value):
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return super().db_value(value)

    def python_value(self, value):
        value = super().python_value(value)
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value


class Role(StrEnum):
    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    RECEPTIONIST = "receptionist"
    OFFICER = "officer"


class VisitStatus(StrEnum):
    """antri → dipanggil → dilayani → menunggu penilaian → selesai; dilewati; batal; and
    ``EXPIRED``: still waiting or called when its office day ended (not served that day)."""

    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    AWAITING_RATING = "awaiting_rating"
    DONE = "done"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


#: statuses in which an officer holds the ticket (at most one per officer)
HELD_STATUSES = (VisitStatus.CALLED.value, VisitStatus.SERVING.value)


class Channel(StrEnum):
    WALK_IN = "walk_in"
    PORTAL = "portal"
    EMAIL = "email"
    WHATSAPP = "whatsapp"
    PHONE = "phone"
    LETTER = "letter"


class OnlineStatus(StrEnum):
    """An online consultation (portal, e-mail, chat, phone, letter): SOP steps 3 and 5."""

    OPEN = "open"
    ANSWERED = "answered"
    WAITING_FOR_USER = "waiting_for_user"
    CLOSED = "closed"


class BaseModel(pw.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Office(BaseModel):
    name = pw.CharField(max_length=200)
    address = pw.TextField(default="")
    time_zone = pw.CharField(max_length=64, default="Asia/Jakarta")
    logo = pw.BlobField(null=True)
    created_at = UtcDateTimeField()


class ServiceHours(BaseModel):
    """Opening hours of one weekday (0 = Monday); no row means closed that weekday."""

    office = pw.ForeignKeyField(Office, backref="hours", on_delete="CASCADE")
    weekday = pw.SmallIntegerField()
    opens = pw.TimeField()
    closes = pw.TimeField()

    class Meta:
        indexes = ((("office", "weekday"), True),)


class ServiceType(BaseModel):
    office = pw.ForeignKeyField(Office, backref="services", on_delete="CASCADE")
    code = pw.CharField(max_length=40)
    prefix = pw.CharField(max_length=3)
    name = pw.CharField(max_length=120)
    active = pw.BooleanField(default=True)
    sort_order = pw.IntegerField(default=0)

    class Meta:
        indexes = (
            (("office", "code"), True),
            (("office", "prefix"), True),
        )


class Desk(BaseModel):
    office = pw.ForeignKeyField(Office, backref="desks", on_delete="CASCADE")
    name = pw.CharField(max_length=80)
    active = pw.BooleanField(default=True)

    class Meta:
        indexes = ((("office", "name"), True),)


class DeskService(BaseModel):
    desk = pw.ForeignKeyField(Desk, backref="service_links", on_delete="CASCADE")
    service = pw.ForeignKeyField(ServiceType, backref="desk_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("desk", "service"), True),)


class UserAccount(BaseModel):
    office = pw.ForeignKeyField(Office, backref="accounts", on_delete="CASCADE")
    username = pw.CharField(max_length=60, unique=True)
    full_name = pw.CharField(max_length=120)
    role = pw.CharField(max_length=20)
    active = pw.BooleanField(default=True)
    password_hash = pw.CharField(max_length=255)
    failed_logins = pw.IntegerField(default=0)
    locked_until = UtcDateTimeField(null=True)
    last_login_at = UtcDateTimeField(null=True)
    created_at = UtcDateTimeField()
    #: schema step 6: bumped when an admin deactivates the account, changes its role or resets
    #: its password; open sessions signed in with an older value are refused
    session_version = pw.IntegerField(default=0, constraints=[pw.SQL("DEFAULT 0")])


class Visitor(BaseModel):
    """A guest-book (buku tamu) entry: the SKD "Blok I" biodata."""

    office = pw.ForeignKeyField(Office, backref="visitors", on_delete="CASCADE")
    name = pw.CharField(max_length=120)
    email = pw.CharField(max_length=254, default="")
    phone = pw.CharField(max_length=20, default="")
    gender = pw.CharField(max_length=20, default="")
    birth_year = pw.SmallIntegerField(null=True)
    education = pw.CharField(max_length=40, default="")
    occupation = pw.CharField(max_length=40, default="")
    occupation_other = pw.CharField(max_length=120, default="")
    institution_category = pw.CharField(max_length=40, default="")
    institution_name = pw.CharField(max_length=200, default="")
    disability = pw.CharField(max_length=40, default="")
    consent = pw.BooleanField(default=False)
    consent_at = UtcDateTimeField(null=True)
    created_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()

    class Meta:
        indexes = (
            (("office", "phone"), False),
            (("office", "email"), False),
            (("office", "name"), False),
        )


class Appointment(BaseModel):
    office = pw.ForeignKeyField(Office, backref="appointments", on_delete="CASCADE")
    visitor = pw.ForeignKeyField(Visitor, backref="appointments", on_delete="CASCADE")
    service = pw.ForeignKeyField(ServiceType, backref="appointments")
    scheduled_at = UtcDateTimeField()
    made_at = UtcDateTimeField()
    made_by = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")
    status = pw.CharField(max_length=20, default="booked")  # booked / checked_in / cancelled
    note = pw.TextField(default="")

    class Meta:
        indexes = ((("office", "scheduled_at"), False),)


class Visit(BaseModel):
    """One visit / ticket: walk-in (with a queue number) or an online consultation (no number)."""

    office = pw.ForeignKeyField(Office, backref="visits", on_delete="CASCADE")
    visitor = pw.ForeignKeyField(Visitor, null=True, backref="visits", on_delete="SET NULL")
    service = pw.ForeignKeyField(ServiceType, backref="visits")
    #: the service whose counter issued the number (a transfer changes ``service`` only)
    ticket_service = pw.ForeignKeyField(ServiceType, backref="+")
    purpose = pw.CharField(max_length=40, default="")
    channel = pw.CharField(max_length=20, default=Channel.WALK_IN.value)
    day = pw.DateField()
    number = pw.IntegerField(null=True)
    status = pw.CharField(max_length=20, default=VisitStatus.WAITING.value)
    desk = pw.ForeignKeyField(Desk, null=True, backref="visits", on_delete="SET NULL")
    officer = pw.ForeignKeyField(UserAccount, null=True, backref="visits", on_delete="SET NULL")
    issued_by = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")
    appointment = pw.ForeignKeyField(Appointment, null=True, backref="+", on_delete="SET NULL")
    registration_started_at = UtcDateTimeField(null=True)
    issued_at = UtcDateTimeField()
    called_at = UtcDateTimeField(null=True)
    service_started_at = UtcDateTimeField(null=True)
    finished_at = UtcDateTimeField(null=True)
    call_count = pw.IntegerField(default=0)
    cancel_reason = pw.TextField(default="")
    updated_at = UtcDateTimeField()
    # -- online consultations (schema step 3); empty for walk-in visits --------------------
    #: how to reach the user: e-mail address, WhatsApp or phone number, postal address
    contact = pw.CharField(max_length=200, default="", constraints=[pw.SQL("DEFAULT ''")])
    online_status = pw.CharField(
        max_length=20, default="", constraints=[pw.SQL("DEFAULT ''")]
    )  # OnlineStatus, "" for walk-ins
    opened_at = UtcDateTimeField(null=True)
    first_answer_at = UtcDateTimeField(null=True)
    waiting_for_user_since = UtcDateTimeField(null=True)
    closed_at = UtcDateTimeField(null=True)
    closed_by_auto = pw.BooleanField(default=False, constraints=[pw.SQL("DEFAULT FALSE")])
    # -- priority service (schema step 10); ``pst_desktop.visits.priority`` -----------------
    #: "" a normal ticket; else why it is served first (``PriorityReason``: disability,
    #: elderly, pregnant, small_child, other)
    priority = pw.CharField(max_length=20, default="", constraints=[pw.SQL("DEFAULT ''")])
    #: the receptionist's words for the reason "other"
    priority_note = pw.CharField(max_length=120, default="", constraints=[pw.SQL("DEFAULT ''")])
    #: why "call next" took this ticket at its latest call (``CallReason``); "" never called
    call_reason = pw.CharField(max_length=10, default="", constraints=[pw.SQL("DEFAULT ''")])
    #: the place of its latest call in the office day's calls (1, 2, …); 0 never called
    call_seq = pw.IntegerField(default=0, constraints=[pw.SQL("DEFAULT 0")])
    #: the visitor's recorded disability was sensory when the ticket was called: the board
    #: flashes and repeats the call, the officer fetches the visitor
    call_assist = pw.BooleanField(default=False, constraints=[pw.SQL("DEFAULT FALSE")])

    class Meta:
        indexes = (
            (("ticket_service", "day", "number"), True),
            (("office", "day", "status"), False),
            # open tickets of earlier days (the day-end check at every issue and call)
            (("office", "status", "day"), False),
            (("status", "service", "issued_at"), False),
            (("officer", "status"), False),
            (("office", "issued_at"), False),
        )


class TicketCounter(BaseModel):
    """The last number issued per (service, office day); bumped in the issuing transaction."""

    service = pw.ForeignKeyField(ServiceType, backref="+", on_delete="CASCADE")
    day = pw.DateField()
    last = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("service", "day"), True),)


class Consultation(BaseModel):
    """What the officer records for a visit (Silastik-style visit history)."""

    visit = pw.ForeignKeyField(Visit, unique=True, backref="consultation", on_delete="CASCADE")
    officer = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")
    topic = pw.CharField(max_length=200, default="")
    question = pw.TextField(default="")
    answer = pw.TextField(default="")
    data_requested = pw.TextField(default="")  # JSON: subject, region, years, level, period
    publications = pw.TextField(default="")  # JSON: type, title, year
    need_met = pw.CharField(max_length=30, default="")
    follow_up = pw.TextField(default="")
    notes = pw.TextField(default="")
    created_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()
    #: schema step 3: saved as the officer types, before the visit is finished
    is_draft = pw.BooleanField(default=False, constraints=[pw.SQL("DEFAULT FALSE")])


class Rating(BaseModel):
    visit = pw.ForeignKeyField(Visit, unique=True, backref="rating", on_delete="CASCADE")
    officer = pw.ForeignKeyField(UserAccount, null=True, backref="ratings", on_delete="SET NULL")
    score = pw.SmallIntegerField()
    scale_max = pw.SmallIntegerField(default=4)
    comment = pw.TextField(default="")
    created_at = UtcDateTimeField()

    class Meta:
        indexes = ((("officer", "created_at"), False),)


class ClosureDay(BaseModel):
    """An office calendar exception: closed on a working day, or open on a listed holiday."""

    office = pw.ForeignKeyField(Office, backref="closures", on_delete="CASCADE")
    day = pw.DateField()
    closed = pw.BooleanField(default=True)
    reason = pw.CharField(max_length=200, default="")

    class Meta:
        indexes = ((("office", "day"), True),)


class AuditLog(BaseModel):
    at = UtcDateTimeField()
    user = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")
    action = pw.CharField(max_length=40)
    entity = pw.CharField(max_length=40)
    entity_id = pw.IntegerField(null=True)
    before = pw.TextField(default="")
    after = pw.TextField(default="")

    class Meta:
        indexes = ((("entity", "entity_id"), False), (("at",), False))


class CategoryOption(BaseModel):
    """One entry of a guest-book list (education, occupation, purpose, …); admin-editable."""

    list_name = pw.CharField(max_length=40)
    code = pw.CharField(max_length=40)
    label_id = pw.CharField(max_length=120)
    label_en = pw.CharField(max_length=120)
    sort_order = pw.IntegerField(default=0)
    active = pw.BooleanField(default=True)

    class Meta:
        indexes = ((("list_name", "code"), True),)


class IkmResponse(BaseModel):
    """One respondent's answers to the 9-element IKM survey (PermenPANRB 14/2017), each 1–4.

    Schema step 4.  ``day`` is the office-local date the response counts for (the visit's day
    when it belongs to a visit); ``u1`` … ``u9`` follow the regulation's order of elements
    (``pst_desktop.reporting.ikm.ELEMENTS``).  Schema step 9 moved its rows into
    ``SurveyResponse`` / ``SurveyAnswer`` (instrument "ikm"); nothing writes here any more, the
    table stays for backups made before step 9.
    """

    office = pw.ForeignKeyField(Office, backref="ikm_responses", on_delete="CASCADE")
    visit = pw.ForeignKeyField(Visit, null=True, unique=True, backref="+", on_delete="SET NULL")
    day = pw.DateField()
    u1 = pw.SmallIntegerField()
    u2 = pw.SmallIntegerField()
    u3 = pw.SmallIntegerField()
    u4 = pw.SmallIntegerField()
    u5 = pw.SmallIntegerField()
    u6 = pw.SmallIntegerField()
    u7 = pw.SmallIntegerField()
    u8 = pw.SmallIntegerField()
    u9 = pw.SmallIntegerField()
    created_at = UtcDateTimeField()

    class Meta:
        indexes = ((("office", "day"), False),)


class OfficeSetting(BaseModel):
    """One office-wide setting the admin edits (schema step 5): key → text value.

    Keys: ``rating_question``, ``rating_scale`` (2–10), ``board_running_text``
    (``pst_desktop.admin.administration``); a station setting is the fallback when a key is absent.
    ``settings_revision`` counts the admin's changes (``pst_desktop.admin.settings_revision``).
    """

    office = pw.ForeignKeyField(Office, backref="settings", on_delete="CASCADE")
    key = pw.CharField(max_length=60)
    value = pw.TextField(default="")

    class Meta:
        indexes = ((("office", "key"), True),)


# -- the visitor's voice: surveys, rating reasons, complaints, follow-ups (schema step 9) -------
class SurveyInstrument(StrEnum):
    """IKM: the 9 elements of PermenPANRB 14/2017, scored 1–4; SKD: BPS's Survei Kebutuhan
    Data, each attribute scored 1–10 for importance and for satisfaction."""

    IKM = "ikm"
    SKD = "skd"


class SurveyChoice(StrEnum):
    """Which survey the visitor screens run."""

    NONE = "none"
    IKM = "ikm"
    SKD = "skd"
    BOTH = "both"


class SurveyAudience(StrEnum):
    """Who is asked: every finished visit, one visit in N, or only visitors not asked yet this
    year (per instrument)."""

    EVERY = "every"
    ONE_IN_N = "one_in_n"
    NOT_ASKED_THIS_YEAR = "not_asked_this_year"


class SurveyChannel(StrEnum):
    """How a response came in; ``""``: not recorded (responses moved from ``ikm_response``)."""

    SCREEN = "screen"
    PAPER = "paper"


class FollowUpSource(StrEnum):
    LOW_RATING = "low_rating"
    NEED_NOT_MET = "need_not_met"
    COMMENT = "comment"
    COMPLAINT = "complaint"


class SurveyPlan(BaseModel):
    """Which survey the visitor screens run, when and for whom (schema step 9); one row per
    office, none: no survey.  Read by the kiosk role (a survey definition)."""

    office = pw.ForeignKeyField(Office, unique=True, backref="+", on_delete="CASCADE")
    survey = pw.CharField(max_length=10, default=SurveyChoice.NONE.value)  # SurveyChoice
    starts_on = pw.DateField(null=True)  # None: from always
    ends_on = pw.DateField(null=True)  # None: until changed
    audience = pw.CharField(max_length=30, default=SurveyAudience.EVERY.value)
    one_in = pw.SmallIntegerField(default=1)  # N of "one visit in N"
    updated_at = UtcDateTimeField()
    updated_by = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")


class SkdAttribute(BaseModel):
    """One SKD attribute (schema step 9): seeded with a default set, edited by the admin,
    retired rather than deleted (``active``) so that earlier answers keep their text."""

    code = pw.CharField(max_length=40, unique=True)  # stable: answers refer to it
    label_id = pw.CharField(max_length=300)
    label_en = pw.CharField(max_length=300)
    sort_order = pw.IntegerField(default=0)
    active = pw.BooleanField(default=True)


class SurveyResponse(BaseModel):
    """One respondent's response to one instrument (schema step 9); its answers are
    ``SurveyAnswer`` rows, written one by one as the visitor moves on, so an abandoned response
    keeps what was answered.  One per visit and instrument.  A row with no answer yet means the
    visitor was asked.  ``key`` is the response's own id chosen where it started (the visitor
    screen, the paper entry): a response sent again after an outage is the same response.
    ``day`` is the office-local date it counts for (the visit's day when it has a visit)."""

    office = pw.ForeignKeyField(Office, backref="+", on_delete="CASCADE")
    visit = pw.ForeignKeyField(Visit, null=True, backref="+", on_delete="SET NULL")
    instrument = pw.CharField(max_length=10)  # SurveyInstrument
    channel = pw.CharField(max_length=10, default="")  # SurveyChannel, "" not recorded
    day = pw.DateField()
    key = pw.CharField(max_length=40, unique=True)
    entered_by = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")
    created_at = UtcDateTimeField()

    class Meta:
        indexes = (
            (("visit", "instrument"), True),
            (("office", "instrument", "day"), False),
        )


class SurveyAnswer(BaseModel):
    """One answer (schema step 9): an IKM element's score 1–4 (``aspect`` "score", ``item``
    "U1".."U9"), or an SKD attribute's importance or satisfaction 1–10 (``item`` its code).
    Written once: a repeat of the same item and aspect is the same answer."""

    response = pw.ForeignKeyField(SurveyResponse, backref="answers", on_delete="CASCADE")
    item = pw.CharField(max_length=40)
    aspect = pw.CharField(max_length=12)  # "score" / "importance" / "satisfaction"
    value = pw.SmallIntegerField()
    answered_at = UtcDateTimeField()

    class Meta:
        indexes = ((("response", "item", "aspect"), True),)


class RatingReason(BaseModel):
    """An IKM element the visitor chose as a reason after a low rating (schema step 9)."""

    rating = pw.ForeignKeyField(Rating, backref="reasons", on_delete="CASCADE")
    element = pw.CharField(max_length=4)  # "U1".."U9"

    class Meta:
        indexes = ((("rating", "element"), True),)


class Complaint(BaseModel):
    """A complaint (pengaduan) recorded by staff, for a visit or none, classed by IKM element
    (schema step 9); its follow-up is a ``FollowUp`` with source "complaint"."""

    office = pw.ForeignKeyField(Office, backref="+", on_delete="CASCADE")
    visit = pw.ForeignKeyField(Visit, null=True, backref="+", on_delete="SET NULL")
    element = pw.CharField(max_length=4)  # "U1".."U9"
    summary = pw.TextField(default="")
    received_at = UtcDateTimeField()
    recorded_by = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        indexes = ((("office", "received_at"), False),)


class FollowUp(BaseModel):
    """What the office does about what a visitor said (schema step 9): opened for a visit whose
    rating is low, whose comment is not empty or whose need was not met (or not yet), and for
    every complaint; due a number of working days after it was opened.  ``origin`` names its
    cause ("visit:12", "complaint:5"): one follow-up per cause, whichever PC opens it."""

    office = pw.ForeignKeyField(Office, backref="+", on_delete="CASCADE")
    visit = pw.ForeignKeyField(Visit, null=True, backref="+", on_delete="SET NULL")
    complaint = pw.ForeignKeyField(Complaint, null=True, backref="+", on_delete="CASCADE")
    origin = pw.CharField(max_length=40, unique=True)
    source = pw.CharField(max_length=20)  # FollowUpSource
    element = pw.CharField(max_length=4, default="")  # IKM element class, "" not classed
    opened_at = UtcDateTimeField()
    due_at = UtcDateTimeField()
    taken_by = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")
    taken_at = UtcDateTimeField(null=True)
    action_note = pw.TextField(default="")
    closed_at = UtcDateTimeField(null=True)
    closed_by = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        indexes = (
            (("office", "closed_at", "due_at"), False),
            (("office", "opened_at"), False),
        )


#: the tables schema step 9 creates, in creation order
TABLES_V9 = [
    SurveyPlan,
    SkdAttribute,
    SurveyResponse,
    SurveyAnswer,
    RatingReason,
    Complaint,
    FollowUp,
]


class SchemaVersion(BaseModel):
    version = pw.IntegerField(primary_key=True)
    description = pw.CharField(max_length=200)
    applied_at = UtcDateTimeField()


#: the tables of schema version 1, in creation order
TABLES_V1 = [
    Office,
    ServiceHours,
    ServiceType,
    Desk,
    DeskService,
    UserAccount,
    Visitor,
    Appointment,
    Visit,
    TicketCounter,
    Consultation,
    Rating,
    ClosureDay,
    AuditLog,
]


# -- desks that open and close (schema step 10); ``pst_desktop.visits.desk_state`` ------------
class DeskStateKind(StrEnum):
    OPEN = "open"
    BREAK = "break"  # on a break, with a reason and an expected return
    CLOSED = "closed"


class DeskState(BaseModel):
    """The state a desk is in now (schema step 10).  No row: open, as every desk was before
    desks had states.  ``seen_at`` / ``seen_by``: the latest sign of life of an officer's
    window at the desk; a desk left open (or on a break past its return) with none for a while
    closes by itself."""

    desk = pw.ForeignKeyField(Desk, unique=True, backref="+", on_delete="CASCADE")
    office = pw.ForeignKeyField(Office, backref="+", on_delete="CASCADE")
    state = pw.CharField(max_length=10, default=DeskStateKind.OPEN.value)  # DeskStateKind
    reason = pw.CharField(max_length=120, default="")  # a break's reason
    expected_back = UtcDateTimeField(null=True)  # a break's expected return
    since = UtcDateTimeField()
    set_by = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")
    seen_at = UtcDateTimeField(null=True)
    seen_by = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")


class DeskStateChange(BaseModel):
    """One change of a desk's state, with its time (schema step 10): the day report's time
    per desk and state.  ``by`` None and ``automatic``: the desk closed by itself."""

    office = pw.ForeignKeyField(Office, backref="+", on_delete="CASCADE")
    desk = pw.ForeignKeyField(Desk, backref="+", on_delete="CASCADE")
    state = pw.CharField(max_length=10)  # DeskStateKind
    reason = pw.CharField(max_length=120, default="")
    expected_back = UtcDateTimeField(null=True)
    at = UtcDateTimeField()
    by = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")
    automatic = pw.BooleanField(default=False)

    class Meta:
        indexes = ((("office", "at"), False), (("desk", "at"), False))


#: the tables schema step 10 creates, in creation order
TABLES_V10 = [DeskState, DeskStateChange]


# -- one visit, several services (schema step 11); ``pst_desktop.visits.visit_services`` ------
class VisitServiceStatus(StrEnum):
    PENDING = "pending"  # still to come
    SERVING = "serving"  # the visit is in this service now (waiting, called or being served)
    DONE = "done"  # delivered: handed on to the next service, or the visit was finished


class VisitService(BaseModel):
    """One of the services a visit carries, in order (schema step 11).  A visit with one
    service has no rows (the visit itself says it); a visit the receptionist gave several has
    one row per service, ``position`` 1 the service its ticket is numbered in.  ``officer``,
    ``desk``, ``started_at`` and ``finished_at``: who delivered it, where and when (set when it
    is done)."""

    visit = pw.ForeignKeyField(Visit, backref="+", on_delete="CASCADE")
    service = pw.ForeignKeyField(ServiceType, backref="+")
    position = pw.IntegerField()
    status = pw.CharField(max_length=10, default=VisitServiceStatus.PENDING.value)
    officer = pw.ForeignKeyField(UserAccount, null=True, backref="+", on_delete="SET NULL")
    desk = pw.ForeignKeyField(Desk, null=True, backref="+", on_delete="SET NULL")
    started_at = UtcDateTimeField(null=True)
    finished_at = UtcDateTimeField(null=True)

    class Meta:
        indexes = ((("visit", "position"), True), (("status", "finished_at"), False))


#: the tables schema step 11 creates
TABLES_V11 = [VisitService]
ALL_TABLES = [
    *TABLES_V1,
    CategoryOption,
    IkmResponse,
    OfficeSetting,
    *TABLES_V9,
    *TABLES_V10,
    *TABLES_V11,
]
