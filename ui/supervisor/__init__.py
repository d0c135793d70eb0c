"""The supervisor's window: the live day and the reports."""
