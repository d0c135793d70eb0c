"""A refusal reads as the sentences a receptionist can act on."""

from pst_desktop.core.errors import ValidationError


def test_a_validation_error_reads_as_its_sentences_without_field_names():
    exc = ValidationError({"service": "Choose an active service.", "name": "Type the name."})
    assert str(exc) == "Choose an active service. Type the name."
    assert exc.fields["service"] == "Choose an active service."  # forms still find the field


def test_a_role_refusal_is_a_translated_sentence(qapp):
    """It was hard-coded Indonesian with internal names ("peran officer tidak boleh: …")."""
    import pytest

    from models.entities import Role
    from pst_desktop.core.errors import PermissionDenied
    from pst_desktop.core.i18n import install_translator
    from pst_desktop.sop.permissions import Action, Actor, require

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


def test_first_line_is_the_first_line_of_the_message_or_the_kind():
    """A driver's message runs to several lines (DETAIL, HINT); the first says what happened."""
    import peewee as pw

    from pst_desktop.core.errors import first_line

    long = pw.OperationalError(
        'connection to server at "10.0.0.5", port 5432 failed: Connection refused\n'
        "\tIs the server running on that host and accepting TCP/IP connections?\n"
    )
    assert first_line(long) == (
        'connection to server at "10.0.0.5", port 5432 failed: Connection refused'
    )
    assert first_line(pw.InterfaceError("  \n  ")) == "InterfaceError"
    assert first_line(TimeoutError()) == "TimeoutError"
    assert first_line(ValueError("\n  port must be a number\nmore")) == "port must be a number"
