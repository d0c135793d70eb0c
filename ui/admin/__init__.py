"""The administrator's window: accounts and office set-up, plus the supervisor's tabs."""
