"""The queue itself: numbered tickets moving through the desks, and the events every station
hears.
"""
