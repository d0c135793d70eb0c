"""The guest-book form's errors reach a screen reader."""

from __future__ import annotations


def test_a_refused_field_carries_its_error_as_its_description(window):
    window.form.show_errors({"email": "Isi alamat e-mail yang benar."})
    assert window.form.fields["email"].accessibleDescription() == "Isi alamat e-mail yang benar."
    assert window.form.fields["name"].accessibleDescription() == ""
    window.form.show_errors({})
    assert window.form.fields["email"].accessibleDescription() == ""


def test_the_search_box_and_the_queue_are_named(window):
    assert window.search.accessibleName() and window.queue_table.accessibleName()
    assert window.search_results.accessibleName()
