"""The consultation record: drafts as the officer types, final record, audited edits, search."""

from __future__ import annotations

import json

import pytest

from models.entities import AuditLog, Consultation, Role
from pst_desktop.core.errors import Conflict
from pst_desktop.officer.consultations import (
    ConsultationRecord,
    ConsultationService,
    DataRequest,
    DraftFile,
    Publication,
    search,
    search_terms,
)
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.officer_support import desks, issue, served_record


@pytest.fixture
def officer(make_actor):
    return make_actor(Role.OFFICER)


@pytest.fixture
def held_visit(office, clock, officer, make_actor):
    ticket = issue(office, clock, make_actor)
    return QueueService(clock).call_ticket(officer, ticket.visit_id, desks(office)[0].id)


def test_a_draft_is_saved_and_read_back_with_its_data_and_publications(clock, officer, held_visit):
    service = ConsultationService(clock)
    record = ConsultationRecord(
        topic="Kemiskinan",
        question="Berapa persentase penduduk miskin Kota Bengkulu 2024?",
        data_requested=[
            DataRequest("Kemiskinan", "Kota Bengkulu", 2022, 2024, "regency", "annual")
        ],
        publications=[Publication("Publikasi", "Kota Bengkulu Dalam Angka 2025", 2025)],
    )
    service.save_draft(officer, held_visit.id, record)
    row = Consultation.get(Consultation.visit == held_visit.id)
    assert row.is_draft and row.officer_id == officer.user_id
    assert json.loads(row.data_requested)[0]["year_from"] == 2022
    assert service.load(held_visit.id) == record
    # typing more updates the same row, without audit rows (it is still a draft)
    record.answer = "9,3 persen (Maret 2024), tabel di BRS Juli 2024."
    clock.advance(seconds=5)
    service.save_draft(officer, held_visit.id, record)
    assert Consultation.select().count() == 1
    assert service.load(held_visit.id).answer.startswith("9,3 persen")
    assert AuditLog.select().where(AuditLog.entity == "consultation").count() == 0


def test_finalize_turns_the_draft_into_the_record_and_later_edits_are_audited(
    clock, officer, held_visit
):
    service = ConsultationService(clock)
    service.save_draft(officer, held_visit.id, ConsultationRecord(topic="Inflasi", question="?"))
    service.finalize(officer, held_visit.id, ConsultationRecord(topic="Inflasi", question="Q"))
    row = Consultation.get(Consultation.visit == held_visit.id)
    assert not row.is_draft and row.question == "Q"
    clock.advance(minutes=10)
    service.save(officer, held_visit.id, ConsultationRecord(topic="Inflasi", question="Q2"))
    log = AuditLog.get(AuditLog.entity == "consultation")
    assert log.user_id == officer.user_id and log.entity_id == row.id
    assert json.loads(log.before)["question"] == "Q"
    assert json.loads(log.after)["question"] == "Q2"


def test_another_officer_cannot_edit_the_record(clock, officer, held_visit, make_actor):
    service = ConsultationService(clock)
    service.finalize(officer, held_visit.id, ConsultationRecord(topic="A", question="Q"))
    with pytest.raises(Conflict):
        service.save(make_actor(Role.OFFICER), held_visit.id, ConsultationRecord(topic="B"))
    assert service.load(held_visit.id).topic == "A"


def test_local_draft_file_round_trip_and_flush(tmp_path, clock, officer, held_visit):
    drafts = DraftFile(tmp_path / "drafts")
    record = ConsultationRecord(topic="IPM", question="IPM Bengkulu 2024?")
    drafts.write(held_visit.id, record, clock.now())
    assert drafts.pending() == [held_visit.id]
    assert drafts.read(held_visit.id) == record
    saved = ConsultationService(clock).flush_local_drafts(officer, drafts)
    assert saved == [held_visit.id]
    assert drafts.pending() == []
    assert ConsultationService(clock).load(held_visit.id) == record


def test_search_terms():
    assert search_terms("PDRB  pdrb, Kota-Bengkulu 2024 a") == ["pdrb", "kota", "bengkulu", "2024"]
    assert search_terms("  ") == []


def test_search_finds_past_answers_ranked_the_same_on_both_databases(
    office, clock, officer, make_actor
):
    first = served_record(
        office,
        clock,
        officer,
        make_actor,
        topic="Inflasi",
        question="Inflasi Kota Bengkulu bulan Oktober 2026?",
        answer="Inflasi y-on-y Oktober 2026 sebesar 2,1 persen (BRS 2 November 2026).",
    )
    clock.advance(minutes=30)
    second = served_record(
        office,
        clock,
        officer,
        make_actor,
        topic="Kemiskinan",
        question="Angka kemiskinan dan inflasi pangan?",
        answer="Persentase penduduk miskin Maret 2026: 12,5 persen.",
    )
    clock.advance(minutes=30)
    third = served_record(
        office,
        clock,
        officer,
        make_actor,
        topic="PDRB",
        question="PDRB per kapita Bengkulu 2025?",
        answer="PDRB per kapita ADHB 2025: 52,3 juta rupiah; lihat Provinsi Bengkulu Dalam Angka.",
    )
    hits = search(office.id, "inflasi")
    assert [h.visit_id for h in hits] == [first, second]  # topic hit ranks above question hit
    assert hits[0].answer.startswith("Inflasi y-on-y")
    assert hits[0].officer_name == "Staf officer1"
    assert [h.visit_id for h in search(office.id, "bengkulu")] == [third, first]
    assert [h.visit_id for h in search(office.id, "infl kota")] == [first]  # prefixes, AND
    assert search(office.id, "inflasi", exclude_visit=first)[0].visit_id == second
    assert search(office.id, "sensus") == []
    assert search(office.id, "") == []


def test_search_sees_edits_and_ignores_records_without_answer(
    office, clock, officer, make_actor, held_visit
):
    service = ConsultationService(clock)
    service.save_draft(officer, held_visit.id, ConsultationRecord(topic="Ekspor", question="?"))
    assert search(office.id, "ekspor") == []  # no answer yet: nothing to reuse
    service.save_draft(
        officer, held_visit.id, ConsultationRecord(topic="Ekspor", answer="Nilai ekspor naik.")
    )
    assert [h.visit_id for h in search(office.id, "ekspor")] == [held_visit.id]
    service.save_draft(
        officer, held_visit.id, ConsultationRecord(topic="Impor", answer="Nilai impor turun.")
    )
    assert search(office.id, "ekspor") == []
    assert [h.visit_id for h in search(office.id, "impor")] == [held_visit.id]
