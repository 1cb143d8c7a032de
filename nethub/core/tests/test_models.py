"""The shared base model: choice labels from a table made once per field, as Django's."""

from django.utils import translation

from nethub.library.models import Document
from nethub.meetings.models import ActionPoint


def test_choice_labels_read_as_djangos_in_each_language():
    document = Document(kind="policy_brief", language="fr")
    assert document.get_kind_display() == "Policy brief"
    with translation.override("fr"):
        assert document.get_kind_display() == "Note de synthèse"
        assert document.get_language_display() == "Français"
    document.language = "xx"  # not a choice: the value itself, as Django gives it
    assert document.get_language_display() == "xx"
    point = ActionPoint(status="done")
    assert point.get_status_display() == "Done"
    assert type(point.get_status_display()) is str
