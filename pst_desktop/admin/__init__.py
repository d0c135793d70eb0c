"""Running the office: its settings, staff accounts, the audit log, setting an office up."""
