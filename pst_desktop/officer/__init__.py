"""The service officer's part: the workspace, the consultation record and its search, the
history, online requests.
"""
