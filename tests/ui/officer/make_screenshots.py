"""Screenshots of the officer workspace for docs/screenshots (not a test).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.officer.make_screenshots [folder] [--language en]

A throw-away SQLite database with a believable morning at the desk: a ticket being served for
42 minutes with its record half typed, people waiting, earlier answers, online consultations
(one overdue across the Christmas holidays) and a week of visit history.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from models.entities import Desk, Role, ServiceType, UserAccount, Visitor
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.i18n import DEFAULT_LANGUAGE, install_translator
from pst_desktop.core.settings import StationSettings
from pst_desktop.db.connection import open_database
from pst_desktop.officer.consultations import (
    ConsultationRecord,
    ConsultationService,
    DataRequest,
    Publication,
)
from pst_desktop.officer.online import OnlineService
from pst_desktop.visits.queue import QueueService
from tests.support import wib
from ui.officer.window import OfficerWindow
from ui.session import Session
from ui.style import apply_style

SIZE = (1366, 768)

PAST = [
    (
        "Inflasi",
        "Berapa inflasi Kota Bengkulu bulan Oktober 2026?",
        "Inflasi y-on-y Kota Bengkulu Oktober 2026 sebesar 2,13 persen; m-to-m 0,21 persen. "
        "Sumber: BRS No. 61/11/17/Th. XXIV, 2 November 2026.",
        "Rina Marlina",
    ),
    (
        "Kemiskinan",
        "Persentase penduduk miskin kabupaten/kota 2024–2026?",
        "Tabel di bengkulu.bps.go.id > Kemiskinan; Maret 2026 Provinsi 12,52 persen.",
        "Agus Salim",
    ),
    (
        "PDRB",
        "PDRB per kapita Provinsi Bengkulu 2025 ADHB?",
        "PDRB per kapita ADHB 2025: 52,3 juta rupiah (Bengkulu Dalam Angka 2026, tabel 10.1).",
        "Rina Marlina",
    ),
    (
        "IPM",
        "IPM Kota Bengkulu dan Kabupaten Seluma 2025?",
        "IPM 2025: Kota Bengkulu 82,01; Seluma 70,35 (BRS IPM, November 2025).",
        "Agus Salim",
    ),
]


def main(folder: Path, language: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_translator(app, language)
    apply_style(app)
    with tempfile.TemporaryDirectory() as tmp:
        open_database("sqlite:///" + str(Path(tmp) / "pst.db"))
        clock = FixedClock(wib(2026, 11, 17, 9, 0))
        office = create_office(clock)
        accounts = AccountService(clock)
        admin = actor_for(accounts.create_first_admin(office.id, "admin", "Admin", "rahasia-12"))
        receptionist = actor_for(
            accounts.create(admin, "dewi", "Dewi Lestari", Role.RECEPTIONIST, "rahasia-12")
        )
        officers = {
            name: actor_for(accounts.create(admin, login, name, Role.OFFICER, "rahasia-12"))
            for login, name in (
                ("rina", "Rina Marlina"),
                ("agus", "Agus Salim"),
                ("yusuf", "Yusuf Hidayat"),
            )
        }
        queue, consultations = QueueService(clock), ConsultationService(clock)
        consult = ServiceType.get(
            (ServiceType.office == office.id) & (ServiceType.code == "consultation")
        )
        desk1 = Desk.get(Desk.name == "Meja 1")

        def visitor(name):
            now = clock.now()
            return Visitor.create(
                office=office.id, name=name, consent=True, created_at=now, updated_at=now
            )

        # last week's answers, served by colleagues
        for topic, question, answer, who in PAST:
            ticket = queue.issue_ticket(
                receptionist, visitor_id=visitor("Pengunjung").id, service_id=consult.id
            )
            officer = officers[who]
            queue.call_ticket(officer, ticket.visit_id, desk1.id)
            queue.start(officer, ticket.visit_id)
            clock.advance(minutes=25)
            consultations.save_draft(
                officer,
                ticket.visit_id,
                ConsultationRecord(
                    topic=topic, question=question, answer=answer, need_met="yes_fit"
                ),
            )
            queue.finish(officer, ticket.visit_id)
            consultations.finalize(officer, ticket.visit_id, None)
            clock.advance(days=1)
        # online consultations, one opened before the Christmas break
        online = OnlineService(clock)
        me = officers["Yusuf Hidayat"]
        clock.set(wib(2026, 11, 18, 14, 0))
        overdue = online.open(
            me,
            channel="email",
            contact="fitri.h@unib.ac.id",
            topic="Ketenagakerjaan",
            question="Data TPT per kabupaten 2019–2025 untuk skripsi.",
        )
        clock.set(wib(2026, 11, 23, 9, 30))
        online.open(
            me,
            channel="whatsapp",
            contact="0812 7788 9900",
            topic="Harga",
            question="Rata-rata harga beras medium di Kota Bengkulu Oktober 2026?",
        )
        answered = online.open(
            me,
            channel="portal",
            contact="bappeda@bengkulukota.go.id",
            topic="Proyeksi penduduk",
            question="Proyeksi penduduk kecamatan 2025–2030?",
        )
        online.answer(
            me,
            answered.id,
            "Proyeksi tingkat kecamatan belum tersedia; tersedia tingkat kabupaten/kota.",
        )
        online.wait_for_user(me, answered.id)
        del overdue
        # this morning
        clock.set(wib(2026, 11, 24, 8, 58))
        for name in ("Siti Aminah", "Budi Santoso", "Nur Aisyah", "Rahmat Hidayat", "Dian Puspita"):
            queue.issue_ticket(receptionist, visitor_id=visitor(name).id, service_id=consult.id)
            clock.advance(minutes=6)
        clock.set(wib(2026, 11, 24, 9, 0, 30))
        held = queue.call_next(me, desk1.id)
        queue.start(me, held.id)
        clock.set(wib(2026, 11, 24, 9, 43, 5))
        settings = StationSettings(
            QSettings(str(Path(tmp) / "station.ini"), QSettings.Format.IniFormat)
        )
        settings.desk_id = desk1.id
        account = UserAccount.get_by_id(me.user_id)
        window = OfficerWindow(
            Session(account, me, office, "postgresql://pst@192.168.1.10/pst", clock),
            settings=settings,
            draft_folder=Path(tmp) / "d",
        )
        window.snapshot_reader.wait()  # the held ticket is read on a worker thread
        form = window.form
        form.topic.setText("PDRB")
        form.question.setPlainText(
            "PDRB per kapita Provinsi Bengkulu 2020–2025 menurut kabupaten/kota, untuk tesis."
        )
        form.answer.setPlainText(
            "Tabel PDRB per kapita ADHB dan ADHK 2020–2025 per kabupaten/kota ada di publikasi "
            "Provinsi Bengkulu Dalam Angka 2026 (tabel 10.1–10.4); file Excel dikirim ke e-mail."
        )
        form.set_record(
            ConsultationRecord(
                topic=form.topic.text(),
                question=form.question.toPlainText(),
                answer=form.answer.toPlainText(),
                data_requested=[
                    DataRequest(
                        "PDRB per kapita", "Provinsi Bengkulu", 2020, 2025, "regency", "annual"
                    )
                ],
                publications=[Publication("Publikasi", "Provinsi Bengkulu Dalam Angka 2026", 2026)],
                need_met="yes_fit",
                follow_up="Kirim file Excel ke e-mail pengunjung",
            )
        )
        window.save_draft_now()
        window.serve_tab.search_edit.setText("pdrb kapita")
        window.serve_tab.run_search()
        window.serve_tab.search_reader.wait()  # the search reads on a worker thread
        window.refresh()
        window.snapshot_reader.wait()
        shots = [("officer.png", 0), ("officer-online.png", 1), ("officer-history.png", 2)]
        window.resize(*SIZE)
        window.show()
        for name, tab in shots:
            window.tabs.setCurrentIndex(tab)
            if tab == 2:
                window.history_tab.date_from.setDate(
                    window.history_tab.date_from.date().addDays(-30)
                )
                window.refresh_history()
                window.history_tab.reader.wait()
                window.history_tab.open_record(1)
            app.processEvents()
            window.grab().save(str(folder / name))
            print(folder / name)
        window.shutdown()
        window.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--language", default=DEFAULT_LANGUAGE)
    options = parser.parse_args()
    main(options.folder, options.language)
