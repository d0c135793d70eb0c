"""A refusal reads as the sentences a receptionist can act on."""

from pst_desktop.errors import ValidationError


def test_a_validation_error_reads_as_its_sentences_without_field_names():
    exc = ValidationError({"service": "Choose an active service.", "name": "Type the name."})
    assert str(exc) == "Choose an active service. Type the name."
    assert exc.fields["service"] == "Choose an active service."  # forms still find the field
