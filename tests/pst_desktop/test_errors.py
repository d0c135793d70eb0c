"""A refusal reads as the sentences a receptionist can act on."""

from pst_desktop.errors import ValidationError


def test_a_validation_error_reads_as_its_sentences_without_field_names():
    exc = ValidationError({"service": "Choose an active service.", "name": "Type the name."})
    assert str(exc) == "Choose an active service. Type the name."
    assert exc.fields["service"] == "Choose an active service."  # forms still find the field


def test_a_role_refusal_is_a_translated_sentence(qapp):
    """It was hard-coded Indonesian with internal names ("peran officer tidak boleh: …")."""
    import pytest

    from models.entities import Role
    from pst_desktop.errors import PermissionDenied
    from pst_desktop.i18n import install_translator
    from pst_desktop.permissions import Action, Actor, require

    officer = Actor(user_id=None, office_id=1, role=Role.OFFICER)
    with pytest.raises(PermissionDenied) as refused:
        require(officer, Action.ISSUE_TICKET)
    assert str(refused.value) == (
        "An account of this role may not issue queue tickets; ask the supervisor."
    )
    install_translator(qapp, "id")
    with pytest.raises(PermissionDenied) as refused:
        require(officer, Action.MANAGE_ACCOUNTS)
    assert str(refused.value) == (
        "Akun dengan peran ini tidak boleh mengelola akun; hubungi supervisor."
    )
