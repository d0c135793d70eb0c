"""Screenshots of the sign-in steps for docs/screenshots (not a test).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.make_screenshots [folder] [--language id|en]

Uses a throw-away SQLite database, the app's real style, and the app's default language
(Indonesian, from resources/translations/pst_id.qm) unless ``--language en`` asks for English.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from models.entities import UserAccount
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import SystemClock
from pst_desktop.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, install_translator
from pst_desktop.db.connection import describe, open_database
from ui.first_admin import FirstAdminDialog
from ui.login import LoginWindow
from ui.roles import window_for
from ui.session import Session
from ui.style import apply_style

SIZE = (1366, 768)


def save(widget: QWidget, folder: Path, name: str, size: tuple[int, int] | None = SIZE) -> None:
    if size:
        widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(folder / name))
    print(folder / name)


def main(folder: Path, language: str = DEFAULT_LANGUAGE) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    if not install_translator(app, language):
        raise SystemExit(f"No translation for {language!r}: python tools/translations.py build")
    apply_style(app)
    with tempfile.TemporaryDirectory() as tmp:
        url = "sqlite:///" + str(Path(tmp) / "pst.db")
        shown = "postgresql://pst@192.168.1.10:5432/pst"  # what an office LAN PC shows
        database = open_database(url)
        clock = SystemClock()
        office = create_office(clock)
        accounts = AccountService(clock)

        dialog = FirstAdminDialog(accounts, office)
        save(dialog, folder, "first-admin.png", None)
        dialog.username.setText("kepala pst")
        dialog.full_name.setText("Siti Rahma")
        dialog.password.setText("pendek")
        dialog.repeat.setText("pendek")
        dialog.submit()
        save(dialog, folder, "first-admin-errors.png", None)
        dialog.close()

        accounts.create_first_admin(office.id, "siti.rahma", "Siti Rahma", "rahasia-kuat")
        login = LoginWindow(accounts, office.name, shown)
        save(login, folder, "login.png")
        login.username.setText("siti.rahma")
        login.password.setText("salah")
        login.submit()
        save(login, folder, "login-error.png")
        login.close()

        account = UserAccount.get(UserAccount.username == "siti.rahma")
        session = Session(account, actor_for(account), office, describe(shown), clock)
        window = window_for(session)
        save(window, folder, "role-placeholder.png")
        window.close()
        database.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Screenshots of the sign-in steps.")
    parser.add_argument("folder", nargs="?", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--language", choices=sorted(LANGUAGES), default=DEFAULT_LANGUAGE)
    args = parser.parse_args()
    main(args.folder, args.language)
