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


@pytest.mark.parametrize(
    "page,language,expected",
    [
        ("/fr/meetings/", "en", "/meetings/"),
        ("/fr/meetings/tracker/?status=open", "es", "/es/meetings/tracker/?status=open"),
        ("/es/directory/", "en", "/directory/"),
        ("/meetings/", "fr", "/fr/meetings/"),
        ("/es/", "fr", "/fr/"),
    ],
)
def test_switching_language_keeps_the_page_both_ways(client, page, language, expected):
    response = client.post("/i18n/setlang/", {"language": language, "next": page})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert response.cookies["django_language"].value == language
    # The page then stays in that language (no redirect back).
    landed = client.get(expected)
    assert landed.status_code == 200
    assert f'<html lang="{language}">' in landed.content.decode()


def test_language_menu_has_no_inline_script_and_a_button(client):
    text = client.get("/fr/meetings/").content.decode()
    form = text[text.index('class="inline language-switcher"') :]
    form = form[: form.index("</form>")]
    assert "onchange" not in form and 'type="submit"' in form


def test_first_visit_follows_accept_language(client):
    response = client.get("/meetings/?page=1", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9,en;q=0.5")
    assert response.status_code == 302 and response["Location"] == "/es/meetings/?page=1"
    assert "Accept-Language" in response["Vary"]
    # A browser asking for English (or a language the site does not speak) stays.
    assert client.get("/meetings/", HTTP_ACCEPT_LANGUAGE="en-GB").status_code == 200
    assert client.get("/meetings/", HTTP_ACCEPT_LANGUAGE="de").status_code == 200
    # The API and the language switch itself are not language pages.
    assert client.get("/api/schema/", HTTP_ACCEPT_LANGUAGE="fr").status_code != 302


def test_a_chosen_language_wins_over_the_browser(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert client.get("/meetings/", HTTP_ACCEPT_LANGUAGE="fr").status_code == 200
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    response = client.get("/meetings/tracker/")
    assert response["Location"] == "/fr/meetings/tracker/"


def test_dates_in_the_readers_language(client, reference_data):
    import datetime

    from nethub.meetings.tests.factories import ActionPointFactory

    ActionPointFactory(meeting__date=datetime.date(2021, 5, 5), due_date=datetime.date(2021, 6, 1))
    english = client.get("/meetings/tracker/").content.decode()
    spanish = client.get("/es/meetings/tracker/").content.decode()
    french = client.get("/fr/meetings/tracker/").content.decode()
    assert "5 May 2021" in english
    assert "5 de mayo de 2021" in spanish and "5 May 2021" not in spanish
    assert "5 mai 2021" in french and "1 juin 2021" in french


def test_reference_names_in_the_readers_language(client, reference_data):
    from nethub.directory.models import Organization
    from nethub.meetings.tests.factories import ActionPointFactory

    unhcr = Organization.objects.get(acronym="UNHCR", kind="un_entity")
    ActionPointFactory(owner_organization=unhcr)
    # The GCM objectives in the official French and Spanish wording.
    assert "Sauver des vies et mener une action internationale coordonnée" in (
        client.get("/fr/framework/").content.decode()
    )
    spanish_tracker = client.get("/es/meetings/tracker/").content.decode()
    assert "Migrantes desaparecidos" in spanish_tracker  # the objective filter's choices
    assert ">ACNUR</a>" in spanish_tracker and ">UNHCR</a>" not in spanish_tracker
    assert "Alto Comisionado de las Naciones Unidas para los Refugiados" in spanish_tracker
    # Organisations and countries.
    french = client.get(f"/fr/directory/organisations/{unhcr.slug}/").content.decode()
    assert "Haut-Commissariat des Nations Unies pour les réfugiés" in french
    countries = client.get("/es/directory/countries/").content.decode()
    assert "México" in countries and "Alemania" in countries
    english = client.get("/directory/countries/").content.decode()
    assert "Mexico" in english and "México" not in english


def test_french_and_spanish_names_resolve_to_the_organisation(reference_data):
    from nethub.directory.selectors import OrganizationResolver

    resolver = OrganizationResolver()
    for name in ("OIM", "Organisation internationale pour les migrations", "ONU Mujeres"):
        assert resolver.resolve(name) is not None, name
    assert resolver.resolve("Mexique").kind == "member_state"
    assert resolver.resolve("México").kind == "member_state"


def test_a_signed_in_readers_choice_becomes_their_email_language(client, focal_point_user):
    client.force_login(focal_point_user)
    client.post("/i18n/setlang/", {"language": "es", "next": "/meetings/"})
    focal_point_user.refresh_from_db()
    assert focal_point_user.preferred_language == "es"
    client.post("/i18n/setlang/", {"language": "xx", "next": "/meetings/"})
    focal_point_user.refresh_from_db()
    assert focal_point_user.preferred_language == "es"


def test_templates_write_dates_in_the_readers_format():
    """A fixed pattern ("j M Y") reads "5 May 2021" in Spanish too: templates name a format
    (DATE_FORMAT, DATETIME_FORMAT, ...) or a machine one (ISO "c", "Y-m-d")."""
    import re
    from pathlib import Path

    allowed = {"c", "Y-m-d", "Y", "l", "U"}
    fixed = []
    for template in Path(__file__).resolve().parents[2].rglob("templates/**/*.*"):
        text = template.read_text(encoding="utf-8")
        for pattern in re.findall(r"""\|date:["']([^"']+)["']""", text):
            if pattern not in allowed and not pattern.endswith("_FORMAT"):
                fixed.append(f"{template.name}: {pattern}")
    assert not fixed, fixed
