"""The queue itself: numbered tickets moving through the desks (``queue.py``), today's walk-in
tickets as rows for reception and the desks (``walk_ins.py``), and the events every station
hears (``events.py``).
"""
