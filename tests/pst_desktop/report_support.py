"""A fixed, hand-made month for the report tests: ten visits in November 2026 and two outside.

Every expected figure of ``test_reports.py`` is computed by hand from this table (times WIB):

| # | day   | ticket | channel  | status    | visitor | purpose  | reg → issued | wait | service   | rated after      |
| 1 | 2 Nov | K-001  | walk-in  | done      | V1      | school   | 5:00         | 10   | 30        | 3 min, 4/4 "Terima kasih"   |
| 2 | 2 Nov | K-002  | walk-in  | done      | V2      | govt     | 10:00 (met)  | 20   | 180 (met) | 6 min, 2/4 "Lama menunggu"  |
| 3 | 3 Nov | P-001  | walk-in  | done      | V3      | research | 10:01 (miss) | 30   | 180+1 s   | not rated                   |
| 4 | 3 Nov | D-001  | walk-in  | skipped   | V4      | commerc. | 2:00         | 40   | –         | –                           |
| 5 | 3 Nov | K-003  | walk-in  | cancelled | V1      | research | 4:00         | –    | –         | –                           |
| 6 | 4 Nov | –      | email    | done      | V2      | research | online: opened Wed 09:00, answered Mon 9 Nov 08:00 (met)  | 3/4 |
| 7 | 5 Nov | –      | whatsapp | waiting   | V3      | other    | online: opened Thu 10:00, unanswered, due Tue 10 Nov (overdue) |
| 8 |23 Nov | –      | portal   | waiting   | none    | ""       | online: opened Mon 10:00, due Thu 26 Nov (still running) |
| 9 | 6 Nov | K-001  | walk-in  | done      | V4      | commerc. | 3:00         | 2    | 30        | 5:00 exactly, 3/4           |
|10 | 6 Nov | R-001  | walk-in  | done      | V2      | govt     | (no form)    | 10   | 40        | 2 min, 5/5 "Sangat membantu" |
| x |30 Oct | K-001  | walk-in  | done      | V1      | (outside the range: counted nowhere)                          |

Desks: visits 1, 3, 10 at Meja 1 (officer Ani), 2, 4, 9 at Meja 2 (officer Budi); 6 by Ani.
Visitors: V1 female 2000 D4/S1 student research&education; V2 male 1980 S2 civil servant local
government; V3 male 1970 S3 researcher research&education; V4 female, no birth year, no
education, private employee, private sector.
IKM: the four responses of ``test_ikm.RESPONSES`` in November (IKM 83.33, B; two on the screen,
one on paper, one not recorded), one in October.
"""  # noqa: E501

from __future__ import annotations

import datetime as dt

from models.entities import (
    Desk,
    Office,
    Rating,
    Role,
    ServiceType,
    UserAccount,
    Visit,
    Visitor,
)
from pst_desktop.core.clock import FixedClock
from pst_desktop.reporting.ikm import IkmService
from tests.support import wib

#: how each of ``IKM_RESPONSES`` came in ("": not recorded, as responses from before step 9)
IKM_CHANNELS = ("screen", "screen", "paper", "")
IKM_RESPONSES = [
    (4, 3, 3, 4, 3, 4, 4, 3, 3),
    (3, 3, 4, 4, 3, 3, 4, 3, 2),
    (4, 4, 3, 4, 4, 4, 4, 4, 3),
    (3, 2, 3, 4, 3, 3, 3, 2, 3),
]

NOVEMBER = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def make_month(office: Office, make_actor) -> dict[str, int]:
    """Fill ``office`` with the table above; returns the ids of the named rows."""
    ani = make_actor(Role.OFFICER, "ani")
    budi = make_actor(Role.OFFICER, "budi")
    UserAccount.update(full_name="Ani Lestari").where(UserAccount.id == ani.user_id).execute()
    UserAccount.update(full_name="Budi Santoso").where(UserAccount.id == budi.user_id).execute()
    services = {s.prefix: s for s in ServiceType.select().where(ServiceType.office == office.id)}
    desks = {d.name: d for d in Desk.select().where(Desk.office == office.id)}
    meja1, meja2 = desks["Meja 1"], desks["Meja 2"]
    created = wib(2026, 10, 1, 8, 0)

    def visitor(name, gender, birth_year, education, occupation, institution):
        return Visitor.create(
            office=office,
            name=name,
            email=f"{name.lower()}@example.com",
            phone="081234567890",
            gender=gender,
            birth_year=birth_year,
            education=education,
            occupation=occupation,
            institution_category=institution,
            institution_name=f"Instansi {name}",
            consent=True,
            created_at=created,
            updated_at=created,
        )

    v1 = visitor("Sari", "female", 2000, "bachelor", "student", "research_education")
    v2 = visitor("Joko", "male", 1980, "master", "civil_servant", "local_government")
    v3 = visitor("Hasan", "male", 1970, "doctorate", "researcher", "research_education")
    v4 = visitor("Rina", "female", None, "", "private_employee", "private")

    def visit(
        day,
        prefix,
        number,
        visitor,
        purpose,
        status,
        desk=None,
        officer=None,
        reg=None,
        issued=None,
        called=None,
        started=None,
        finished=None,
        channel="walk_in",
        **extra,
    ):
        service = services[prefix]
        return Visit.create(
            office=office,
            visitor=visitor,
            service=service,
            ticket_service=service,
            purpose=purpose,
            channel=channel,
            day=day,
            number=number,
            status=status,
            desk=desk,
            officer=officer,
            registration_started_at=reg,
            issued_at=issued,
            called_at=called,
            service_started_at=started,
            finished_at=finished,
            updated_at=finished or issued,
            **extra,
        )

    def rate(visit, officer, score, at, comment="", scale_max=4):
        Rating.create(
            visit=visit,
            officer=officer,
            score=score,
            scale_max=scale_max,
            comment=comment,
            created_at=at,
        )

    d2, d3, d4, d5, d6 = (dt.date(2026, 11, d) for d in (2, 3, 4, 5, 6))
    t = wib
    a, b = ani.user_id, budi.user_id
    # 1
    v = visit(d2, "K", 1, v1, "school_assignment", "done", meja1, a, t(2026, 11, 2, 8, 0),
              t(2026, 11, 2, 8, 5), t(2026, 11, 2, 8, 15), t(2026, 11, 2, 8, 16),
              t(2026, 11, 2, 8, 46))  # fmt: skip
    rate(v, a, 4, t(2026, 11, 2, 8, 49), "Terima kasih")
    # 2
    v = visit(d2, "K", 2, v2, "government", "done", meja2, b, t(2026, 11, 2, 8, 10),
              t(2026, 11, 2, 8, 20), t(2026, 11, 2, 8, 40), t(2026, 11, 2, 8, 41),
              t(2026, 11, 2, 11, 41))  # fmt: skip
    rate(v, b, 2, t(2026, 11, 2, 11, 47), "Lama menunggu")
    # 3
    visit(d3, "P", 1, v3, "research", "done", meja1, a, t(2026, 11, 3, 9, 0),
          t(2026, 11, 3, 9, 10, 1), t(2026, 11, 3, 9, 40, 1), t(2026, 11, 3, 9, 41),
          t(2026, 11, 3, 12, 41, 1))  # fmt: skip
    # 4
    visit(d3, "D", 1, v4, "commercial", "skipped", meja2, b, t(2026, 11, 3, 10, 0),
          t(2026, 11, 3, 10, 2), t(2026, 11, 3, 10, 42))  # fmt: skip
    # 5
    visit(d3, "K", 3, v1, "research", "cancelled", None, None, t(2026, 11, 3, 11, 0),
          t(2026, 11, 3, 11, 4))  # fmt: skip
    # 6: online, answered in time
    v = visit(d4, "K", None, v2, "research", "done", None, a, None, t(2026, 11, 4, 9, 0),
              channel="email", online_status="closed", opened_at=t(2026, 11, 4, 9, 0),
              first_answer_at=t(2026, 11, 9, 8, 0))  # fmt: skip
    rate(v, a, 3, t(2026, 11, 9, 9, 0))
    # 7: online, never answered, overdue
    visit(d5, "K", None, v3, "other", "waiting", None, None, None, t(2026, 11, 5, 10, 0),
          channel="whatsapp", online_status="open", opened_at=t(2026, 11, 5, 10, 0))  # fmt: skip
    # 8: online, still within its 3 working days
    visit(dt.date(2026, 11, 23), "K", None, None, "", "waiting", None, None, None,
          t(2026, 11, 23, 10, 0), channel="portal", online_status="open",
          opened_at=t(2026, 11, 23, 10, 0))  # fmt: skip
    # 9
    v = visit(d6, "K", 1, v4, "commercial", "done", meja2, b, t(2026, 11, 6, 13, 0),
              t(2026, 11, 6, 13, 3), t(2026, 11, 6, 13, 5), t(2026, 11, 6, 13, 6),
              t(2026, 11, 6, 13, 36))  # fmt: skip
    rate(v, b, 3, t(2026, 11, 6, 13, 41))
    # 10: no registration form (a returning visitor), rated on a 1–5 scale
    v = visit(d6, "R", 1, v2, "government", "done", meja1, a, None,
              t(2026, 11, 6, 14, 0), t(2026, 11, 6, 14, 10), t(2026, 11, 6, 14, 10),
              t(2026, 11, 6, 14, 50))  # fmt: skip
    rate(v, a, 5, t(2026, 11, 6, 14, 52), "Sangat membantu", scale_max=5)
    # outside the range
    v = visit(dt.date(2026, 10, 30), "K", 1, v1, "research", "done", meja1, a,
              t(2026, 10, 30, 8, 0), t(2026, 10, 30, 8, 30), t(2026, 10, 30, 9, 0),
              t(2026, 10, 30, 9, 0), t(2026, 10, 30, 15, 0))  # fmt: skip
    rate(v, a, 1, t(2026, 10, 30, 15, 30), "di luar periode")
    ikm = IkmService(FixedClock(wib(2026, 11, 24, 10, 0)))
    for i, scores in enumerate(IKM_RESPONSES):
        ikm.record(office.id, scores, day=dt.date(2026, 11, 2 + i), channel=IKM_CHANNELS[i])
    ikm.record(office.id, (1,) * 9, day=dt.date(2026, 10, 30), channel="screen")
    return {"ani": a, "budi": b, "meja1": meja1.id, "meja2": meja2.id}
