"""The SOP's rules as facts: service hours and working days, time standards, the wait estimate,
who may do what, what a finished record needs.
"""
