"""What a demo run wrote, for the command line to print."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pst_desktop.demo.reference import DEMO_PASSWORD


@dataclass
class DemoSummary:
    office: str
    requested_days: int
    days: list[dt.date] = field(default_factory=list)
    skipped_days: list[dt.date] = field(default_factory=list)
    walk_in_visits: int = 0
    online_visits: int = 0
    new_visitors: int = 0
    consultations: int = 0
    ratings: int = 0
    survey_responses: int = 0
    follow_ups: int = 0
    accounts_created: int = 0
    desks_created: int = 0
    password: str = DEMO_PASSWORD
    seconds: float = field(default=0.0, compare=False)

    @property
    def visits(self) -> int:
        return self.walk_in_visits + self.online_visits

    def __str__(self) -> str:
        span = f"{self.days[0]}..{self.days[-1]}" if self.days else "no days"
        parts = [f"demo data for {self.office}: {len(self.days)} working days ({span})"]
        if self.skipped_days:
            parts.append(f"{len(self.skipped_days)} days skipped (already had visits)")
        if len(self.days) + len(self.skipped_days) < self.requested_days:
            parts.append("fewer working days found than asked")
        parts.append(
            f"{self.visits} visits ({self.walk_in_visits} walk-in, {self.online_visits} online), "
            f"{self.new_visitors} new visitors, {self.consultations} consultations, "
            f"{self.ratings} ratings, {self.survey_responses} survey responses, "
            f"{self.follow_ups} follow-ups"
        )
        parts.append(
            f"{self.accounts_created} staff accounts created (password {self.password}), "
            f"{self.desks_created} desks created"
        )
        rate = f", {self.visits / self.seconds:,.0f} visits/s" if self.seconds > 0 else ""
        parts.append(f"in {self.seconds:.1f} s{rate}")
        return "; ".join(parts)
