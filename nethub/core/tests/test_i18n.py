"""The interface speaks French and Spanish: pages, model names, the language switcher."""

import pytest
from django.urls import reverse
from django.utils import translation

from nethub.directory.models import Organization, OrganizationKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_english():
    """A request to a /fr/ page leaves French active in this thread; later tests expect the
    default language."""
    yield
    translation.activate("en")


def test_home_page_in_french(client):
    response = client.get("/fr/")
    text = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in text
    assert "Ce que contient nethub" in text
    assert "Aller au contenu principal" in text
    assert "What nethub holds" not in text


def test_directory_in_spanish(client):
    response = client.get("/es/directory/", {"kind": "un_entity"})
    text = response.content.decode()
    assert "Directorio" in text and "Entidad de las Naciones Unidas" in text
    assert "organizaciones" in text


def test_language_switcher_switches_language(client):
    home = client.get(reverse("core:home"))
    assert 'action="/i18n/setlang/"' in home.content.decode()
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/directory/"}, follow=True)
    assert response.redirect_chain[-1][0] == "/fr/directory/"
    assert "Annuaire" in response.content.decode()
    # The choice is remembered on later pages.
    assert "Annuaire" in client.get("/fr/").content.decode()


def test_model_names_and_choices_are_translated():
    with translation.override("fr"):
        assert str(Organization._meta.verbose_name) == "organisation"
        assert str(OrganizationKind.TRADE_UNION.label) == "Syndicat"
    with translation.override("es"):
        assert str(Organization._meta.verbose_name_plural) == "organizaciones"


def test_translations_check_lists_untranslated_and_fuzzy(tmp_path):
    from scripts.translations_check import LOCALE_DIR, untranslated

    po_file = tmp_path / "django.po"
    po_file.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
        'msgid "Done"\nmsgstr "Fait"\n\n'
        'msgid "Missing"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Guessed"\nmsgstr "Deviné"\n\n'
        'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "un"\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    assert untranslated(po_file) == ["Missing", "Guessed", "one"]
    for locale in ("fr", "es"):
        assert (LOCALE_DIR / locale / "LC_MESSAGES" / "django.mo").exists(), locale
