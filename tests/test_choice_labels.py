"""get_FOO_display() through scn_portal.choice_labels: the same labels as Django's, in the
active language, without translating every choice at each call."""

from django.utils import translation

from library.models import Document


def test_labels_follow_the_active_language():
    document = Document(language="fr", document_type="case_study", file_kind="pdf")
    with translation.override("en"):
        assert document.get_language_display() == "French"
        assert document.get_document_type_display() == "Case study"
    with translation.override("fr"):
        assert document.get_language_display() == "Français"
        assert document.get_document_type_display() == "Étude de cas"
    assert document.get_file_kind_display() == "PDF"


def test_a_value_outside_the_choices_shows_as_it_is():
    assert Document(language="xx").get_language_display() == "xx"
    assert Document(document_type="").get_document_type_display() == ""
