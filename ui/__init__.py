"""PySide6 windows and widgets per role.

``ui.app`` starts the application (the ``Shell``), ``ui.login`` and ``ui.first_admin`` are the
sign-in steps, ``ui.roles`` maps each staff role to the window it opens after sign-in.
Widgets ask the services in ``pst_desktop`` and show their answers; no domain rule lives here.
"""
