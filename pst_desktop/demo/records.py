"""What a demo visit records, drawn at random: a new guest-book visitor (their occupation
drives the rest: education, age, institution, e-mail), what they came for, and the record of a
consultation (topic, question, answer, data asked for, publications given).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random

from pst_desktop.demo import reference as ref
from pst_desktop.demo.draws import Picker


@functools.lru_cache(maxsize=4096)
def _q(text: str) -> str:
    """``text`` as a JSON string (cached: the demo's texts come from small lists)."""
    return json.dumps(text, ensure_ascii=False)


class Records:
    """Draws a visit's records from ``rng`` (the day's simulation shares it: same seed, same
    data)."""

    def __init__(self, rng: random.Random, office_id: int) -> None:
        self.rng = rng
        self.office_id = office_id
        self.occupation = Picker({k: v["weight"] for k, v in ref.OCCUPATIONS.items()})
        self.pickers = {
            code: {key: Picker(spec[key]) for key in ("education", "institution", "purpose")}
            for code, spec in ref.OCCUPATIONS.items()
        }
        self.mail_domain = Picker(dict(ref.MAIL_DOMAINS))
        self.disability = Picker(ref.DISABILITY)
        self.topic = Picker({i: t[1] for i, t in enumerate(ref.TOPICS)})
        self.need_met = Picker(ref.NEED_MET)

    def purpose(self, occupation: str) -> str:
        """The purpose of the visit of someone of ``occupation``."""
        return self.pickers[occupation]["purpose"](self.rng)

    def new_visitor(self, moment: str, year: int) -> tuple[tuple, str]:
        """The row of a new guest-book visitor (id filled in later) and their occupation."""
        rng = self.rng
        occupation = self.occupation(rng)
        spec = ref.OCCUPATIONS[occupation]
        pick = self.pickers[occupation]
        female = rng.random() < 0.52
        if female:
            first = rng.choice(ref.FEMALE)
            last = rng.choice(ref.SURNAME_FEMALE if rng.random() < 0.45 else ref.SURNAME_ANY)
        else:
            first = rng.choice(ref.MALE)
            if first != "Ahmad" and rng.random() < 0.12:
                first = f"Muhammad {first}"
            last = rng.choice(ref.SURNAME_MALE if rng.random() < 0.45 else ref.SURNAME_ANY)
        name = f"{first} {last}"
        if rng.random() < 0.15:
            middle = rng.choice(ref.FEMALE if female else ref.MALE)
            if middle not in name:
                name = f"{first} {middle} {last}"
        local = first.split()[-1].lower()
        style = rng.random()
        if style < 0.4:
            local = f"{local}.{last.lower()}"
        elif style < 0.7:
            local = f"{local}{last.lower()}{rng.randint(1, 99)}"
        else:
            local = f"{local}_{last.lower()[:4]}{rng.randint(80, 2009)}"
        if occupation == "student" and rng.random() < 0.25:
            domain = "mhs.unib.ac.id"
        elif occupation == "civil_servant" and rng.random() < 0.2:
            domain = "bengkuluprov.go.id"
        else:
            domain = self.mail_domain(rng)
        phone = f"{rng.choice(ref.PHONE_PREFIXES)}{rng.randint(1_000_000, 99_999_999)}"
        low, high, mode = spec["age"]
        birth_year = year - round(rng.triangular(low, high, mode))
        category = pick["institution"](rng)
        institution = rng.choice(ref.INSTITUTIONS[category])
        row = (
            None,
            self.office_id,
            name,
            f"{local}@{domain}",
            phone,
            "female" if female else "male",
            birth_year,
            pick["education"](rng),
            occupation,
            rng.choice(ref.OCCUPATION_OTHER) if occupation == "other" else "",
            category,
            institution,
            self.disability(rng),
            True,
            moment,
            moment,
            moment,
        )
        return row, occupation

    def consultation(self, visit_id: int, officer: int | None, day: dt.date, at: str) -> tuple:
        rng = self.rng
        topic, _, subject, levels, period, questions, answers, publications = ref.TOPICS[
            self.topic(rng)
        ]
        region = rng.choice(ref.REGIONS)
        year = day.year - (1 if rng.random() < 0.7 else rng.randint(2, 4))
        month = ref.MONTHS[rng.randrange(12)]
        question = rng.choice(questions).format(region=region, year=year, month=month)
        answer = rng.choice(answers).format(region=region)
        year_from = year - rng.choice((0, 0, 1, 2, 4, 9))
        data = (
            f'[{{"subject": {_q(subject)}, "region": {_q(region)}, "year_from": {year_from}, '
            f'"year_to": {year}, "level": {_q(rng.choice(levels))}, "period": {_q(period)}}}]'
        )
        kind, title = rng.choice(publications)
        published = year + 1
        pubs = (
            f'{{"type": {_q(kind)}, "title": {_q(title.format(year=published))}, '
            f'"year": {published}}}'
        )
        if rng.random() < 0.3:
            kind, title = rng.choice(ref.GENERAL_PUBLICATIONS)
            pubs += (
                f', {{"type": {_q(kind)}, "title": {_q(title.format(year=day.year))}, '
                f'"year": {day.year}}}'
            )
        follow_up = rng.choice(ref.FOLLOW_UP) if rng.random() < 0.3 else ""
        return (
            visit_id,
            officer,
            topic,
            question,
            answer,
            data,
            f"[{pubs}]",
            self.need_met(rng),
            follow_up,
            "",
            at,
            at,
        )
