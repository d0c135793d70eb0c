"""The program's log file: who did what, at which station, and never a
visitor's personal data; Qt's messages and hard crashes land there too."""

from __future__ import annotations

import logging
import socket
import subprocess
import sys

import pytest
from PySide6.QtCore import qWarning

from models.entities import Desk, Role, ServiceType
from pst_desktop.core import logs
from pst_desktop.core.errors import AuthenticationFailed
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.frontdesk.reception import FrontDesk
from pst_desktop.visits.queue import QueueService

#: what the visitor typed: none of it may reach the log
NAME, EMAIL, PHONE, INSTITUTION = (
    "Zulkarnain Pustakawanto",
    "zulkarnain.unik@example.com",
    "0812 9988 7766",
    "Lembaga Kajian Rahasiawati",
)


@pytest.fixture
def log_file(tmp_path):
    path = logs.setup(tmp_path / "logs", station_role="staff", qt_messages=False, faults=False)
    yield path
    logs.teardown()
    logs.set_user(None)
    logs.set_station(None)


def read(path) -> list[str]:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8").splitlines()


def test_sign_ins_and_a_ticket_are_logged_with_the_user_and_without_the_visitor(
    db, office, accounts, make_actor, clock, log_file
):
    receptionist = make_actor(Role.RECEPTIONIST, "resepsionis1")
    officer = make_actor(Role.OFFICER, "petugas1")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate("resepsionis1", "bukan-sandinya")
    accounts.authenticate("resepsionis1", "rahasia-123")
    form = VisitorForm(
        name=NAME,
        email=EMAIL,
        phone=PHONE,
        gender="male",
        institution_category="research_education",
        institution_name=INSTITUTION,
        consent=True,
    )
    visitor = RegistrationService(clock).register(receptionist, form)
    service = ServiceType.get((ServiceType.office == office.id) & (ServiceType.prefix == "K"))
    ticket = FrontDesk(clock).issue(receptionist, visitor_id=visitor.id, service_id=service.id)
    accounts.authenticate("petugas1", "rahasia-123")  # the officer's PC
    desk = Desk.select().where(Desk.office == office.id).order_by(Desk.id).first()
    QueueService(clock).call_next(officer, desk.id)

    lines = read(log_file)
    station = f"{socket.gethostname()}/staff"
    assert any("sign-in refused for 'resepsionis1'" in line for line in lines)
    assert any(
        "INFO pst_desktop.admin.accounts" in line and "signed in: resepsionis1" in line
        for line in lines
    )
    [issued] = [line for line in lines if "ticket K-001 issued" in line]
    assert f"[{station} resepsionis1]" in issued
    assert f"(service K, visit {ticket.visit_id})" in issued
    [called] = [line for line in lines if "ticket K-001 called" in line]
    assert f"[{station} petugas1]" in called and f"desk {desk.name}" in called
    text = "\n".join(lines).lower()
    for secret in (*NAME.split(), EMAIL, "9988", "7766", "rahasiawati"):
        assert secret.lower() not in text, secret


def test_a_line_without_a_signed_in_user_says_so(tmp_path, log_file):
    logs.set_user("budi")
    logging.getLogger("pst_desktop.test").info("first")
    logs.set_user(None)
    logging.getLogger("pst_desktop.test").info("second")
    first, second = (line for line in read(log_file) if "pst_desktop.test" in line)
    assert first.endswith(" budi] first") and second.endswith(" -] second")
    assert " INFO pst_desktop.test [" in first


def test_the_crash_handler_writes_to_the_same_file(tmp_path, log_file, qapp):
    from ui.crash import CrashHandler

    crash = CrashHandler(log_file.parent, show=lambda *_: None)
    try:
        crash.handle("PST Desktop crash report for the test")
    finally:
        crash.uninstall()
    logging.getLogger("pst_desktop.test").info("still logging")
    lines = read(log_file)
    assert any("crash report for the test" in line for line in lines)
    assert lines[-1].endswith("still logging")  # the shared handler was not closed


@pytest.mark.qt_log_ignore("PST logging test")
def test_a_qt_warning_lands_in_the_file(qapp, tmp_path):
    path = logs.setup(tmp_path, qt_messages=True, faults=False)
    try:
        qWarning("PST logging test: the printer plugin says hello")
    finally:
        logs.teardown()
    lines = read(path)
    assert any(
        " WARNING qt " in line and line.endswith("PST logging test: the printer plugin says hello")
        for line in lines
    )


def test_a_hard_crash_leaves_its_stack_in_the_fault_log(tmp_path):
    code = (
        "import faulthandler, sys; from pathlib import Path; from pst_desktop.core import logs; "
        "logs.setup(Path(sys.argv[1]), qt_messages=False); faulthandler._sigsegv()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    fault = (tmp_path / logs.FAULT_FILE).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in fault
