"""Reports: the month's figures, the IKM, today at a glance, and their PDF and XLSX files."""
