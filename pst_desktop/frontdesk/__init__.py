"""The receptionist's part: the guest book and its lists, the front desk's rules, appointments,
the ticket on paper.
"""
