"""The service officer's workspace (SOP steps 5 and 6): call, serve, record, online requests."""
