"""Demo data: a believable office for training and benchmarks (``pst-desktop demo-data``).

``generate`` fills the database with staff, guest-book visitors and the visits of the last N
working days: walk-in tickets with gap-free numbers per (service, office day), their full
timestamp chain inside the service hours, consultations, ratings and a few online consultations.
The same seed gives the same data; days that already hold visits or ticket counters are skipped
and reported, so a second run never breaks a uniqueness rule.

- ``run.py``: ``generate``, the entry point, several days to a transaction;
- ``setup.py``: the office's services, desks and staff;
- ``day.py``: one office day simulated desk by desk and written as plain rows;
- ``records.py``: a new visitor and a consultation record, drawn at random;
- ``reference.py``: the names, occupations, topics, comments and odds the draws use;
- ``draws.py``: fast seeded draws; ``bulk.py``: ids reserved up front and fast inserts
  (``executemany`` on SQLite, ``COPY`` on PostgreSQL), so a year of ~250k visits loads quickly;
- ``voice.py``: survey answers, reasons after a low rating, follow-ups and complaints of the
  last days;
- ``summary.py``: what a run wrote.
"""

from pst_desktop.demo.reference import DEMO_PASSWORD
from pst_desktop.demo.run import DEFAULT_VISITS_PER_DAY, generate
from pst_desktop.demo.summary import DemoSummary

__all__ = ["DEFAULT_VISITS_PER_DAY", "DEMO_PASSWORD", "DemoSummary", "generate"]
