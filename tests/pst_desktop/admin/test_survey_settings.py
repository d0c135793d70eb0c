"""The admin's survey settings and SKD attributes; the IKM elements are not editable."""

from __future__ import annotations

import datetime as dt

import pytest

from models.entities import (
    AuditLog,
    Role,
    SkdAttribute,
    SurveyAudience,
    SurveyChoice,
    SurveyInstrument,
    SurveyPlan,
)
from pst_desktop.admin.survey_settings import (
    DEFAULT_FOLLOW_UP_DAYS,
    SurveySettings,
    SurveySettingsService,
    follow_up_days,
    skd_attributes,
    survey_settings,
)
from pst_desktop.core.errors import NotFound, PermissionDenied, ValidationError


def test_nothing_runs_until_the_admin_says_so(office):
    settings = survey_settings(office.id)
    assert settings.survey is SurveyChoice.NONE and settings.instruments == ()
    assert settings.follow_up_days == DEFAULT_FOLLOW_UP_DAYS == 3


def test_the_admin_saves_which_survey_when_and_for_whom(office, admin, clock):
    service = SurveySettingsService(clock)
    wanted = SurveySettings(
        SurveyChoice.BOTH,
        starts_on=dt.date(2026, 11, 1),
        ends_on=dt.date(2026, 12, 31),
        audience=SurveyAudience.ONE_IN_N,
        one_in=5,
        follow_up_days=5,
    )
    assert service.save(admin, wanted) == wanted
    assert survey_settings(office.id) == wanted
    assert wanted.instruments == (SurveyInstrument.IKM, SurveyInstrument.SKD)
    assert follow_up_days(office.id) == 5
    # "one in N" only for that audience: stored as 1 otherwise
    service.save(admin, SurveySettings(SurveyChoice.IKM, one_in=7))
    assert survey_settings(office.id).one_in == 1
    assert SurveyPlan.select().count() == 1
    assert AuditLog.select().where(AuditLog.entity == "survey_plan").count() == 2


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        (SurveySettings("sometimes"), "survey"),
        (SurveySettings(SurveyChoice.IKM, audience="friends"), "audience"),
        (SurveySettings(SurveyChoice.IKM, audience=SurveyAudience.ONE_IN_N, one_in=1), "one_in"),
        (SurveySettings(SurveyChoice.IKM, audience=SurveyAudience.ONE_IN_N, one_in=0), "one_in"),
        (
            SurveySettings(
                SurveyChoice.IKM, starts_on=dt.date(2026, 12, 1), ends_on=dt.date(2026, 11, 1)
            ),
            "ends_on",
        ),
        (SurveySettings(SurveyChoice.IKM, follow_up_days=0), "follow_up_days"),
        (SurveySettings(SurveyChoice.IKM, follow_up_days=31), "follow_up_days"),
    ],
)
def test_bad_settings_are_refused_and_nothing_saved(office, admin, clock, settings, field):
    with pytest.raises(ValidationError) as refused:
        SurveySettingsService(clock).save(admin, settings)
    assert field in refused.value.fields
    assert SurveyPlan.select().count() == 0


def test_only_an_admin_changes_them(office, clock, make_actor):
    with pytest.raises(PermissionDenied):
        SurveySettingsService(clock).save(
            make_actor(Role.SUPERVISOR), SurveySettings(SurveyChoice.IKM)
        )


def test_skd_attributes_are_seeded_edited_and_retired_not_deleted(office, admin, clock):
    service = SurveySettingsService(clock)
    seeded = skd_attributes()
    assert len(seeded) == 16 and seeded[0].code == "skd01"
    assert seeded[0].label("id").startswith("Informasi") and seeded[0].label("en")
    added = service.save_attribute(
        admin, None, label_id="Ruang tunggu nyaman", label_en="The waiting room is comfortable"
    )
    assert added.code == "skd17" and skd_attributes()[-1] == added
    service.save_attribute(
        admin, "skd01", label_id="Informasi layanan jelas", label_en="Clear information"
    )
    assert SkdAttribute.get(SkdAttribute.code == "skd01").label_id == "Informasi layanan jelas"
    retired = service.retire_attribute(admin, "skd03")
    assert not retired.active
    assert "skd03" not in {a.code for a in skd_attributes()}
    assert skd_attributes(include_retired=True)[-1].code == "skd03"
    service.restore_attribute(admin, "skd03")
    assert "skd03" in {a.code for a in skd_attributes()}
    assert SkdAttribute.select().count() == 17
    with pytest.raises(NotFound):
        service.retire_attribute(admin, "skd99")
    with pytest.raises(ValidationError) as refused:
        service.save_attribute(admin, "skd01", label_id="", label_en="x" * 301)
    assert set(refused.value.fields) == {"label_id", "label_en"}


@pytest.mark.parametrize(
    "attempt",
    [
        lambda s, a: s.edit_ikm_element(a, "U3", name="Waktu Tunggu"),
        lambda s, a: s.save_attribute(a, "U3", label_id="Waktu tunggu", label_en="Waiting"),
        lambda s, a: s.save_attribute(
            a, None, label_id="Unsur 10", label_en="Element 10", instrument=SurveyInstrument.IKM
        ),
        lambda s, a: s.retire_attribute(a, "U7"),
    ],
)
def test_an_edit_of_the_ikm_elements_is_refused(office, admin, clock, attempt):
    with pytest.raises(ValidationError, match="PermenPANRB 14/2017"):
        attempt(SurveySettingsService(clock), admin)
    assert SkdAttribute.select().count() == 16
    assert AuditLog.select().where(AuditLog.entity == "skd_attribute").count() == 0
