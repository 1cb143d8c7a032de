"""Every catalogue (nethub/locale and each app's locale/) is translated into French and Spanish,
compiled, consistent across catalogues, and used by the pages of every app."""

from __future__ import annotations

import ast
import gettext
import re
from html import escape
from pathlib import Path

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from scripts.translations_check import (
    LOCALE_DIR,
    LOCALES,
    PACKAGE_DIR,
    catalogues,
    clashes,
    entries,
    untranslated,
)

# %(name)s, %s, %d, {{ var }}, {name}: what a translation must carry over unchanged.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]|\{\{.*?\}\}|\{\w*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
APP_LOCALE_DIRS = sorted(p for p in PACKAGE_DIR.glob("*/locale") if p.is_dir())


def _all_catalogues() -> list[Path]:
    return [po for locale in LOCALES for po in catalogues(locale)]


def test_each_catalogue_directory_has_french_and_spanish():
    assert APP_LOCALE_DIRS, "no app keeps its own locale/"
    for locale_dir in [LOCALE_DIR, *APP_LOCALE_DIRS]:
        for locale in LOCALES:
            po_file = locale_dir / locale / "LC_MESSAGES" / "django.po"
            assert po_file.exists(), po_file


def test_every_catalogue_is_translated():
    missing = {
        str(po.relative_to(PACKAGE_DIR)): untranslated(po)
        for po in _all_catalogues()
        if untranslated(po)
    }
    assert not missing, "untranslated or fuzzy msgids (run scripts/translations_check.py):\n" + (
        "\n".join(f"{name}: {msgids}" for name, msgids in missing.items())
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_no_msgid_is_translated_two_ways(locale):
    """Django merges all catalogues of a language: a msgid has one translation site-wide."""
    assert not clashes(locale)


@pytest.mark.parametrize(
    "po_file", _all_catalogues(), ids=lambda p: str(p.relative_to(PACKAGE_DIR))
)
def test_translations_keep_placeholders_and_markup(po_file):
    wrong = []
    for entry in entries(po_file):
        source = entry.msgid + entry.msgid_plural
        for translated in entry.translations:
            for pattern in (PLACEHOLDER, TAG):
                if set(pattern.findall(translated)) != set(pattern.findall(source)):
                    wrong.append((entry.msgid, translated))
    assert not wrong


@pytest.mark.parametrize(
    "po_file", _all_catalogues(), ids=lambda p: str(p.relative_to(PACKAGE_DIR))
)
def test_compiled_catalogue_matches_its_source(po_file):
    """The committed .mo holds the .po's translations (compilemessages was run after editing)."""
    mo_file = po_file.with_suffix(".mo")
    assert mo_file.exists(), f"{mo_file} missing: run compilemessages"
    with mo_file.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    stale = []
    for entry in entries(po_file):
        key = f"{entry.context}\x04{entry.msgid}" if entry.context else entry.msgid
        if entry.msgid_plural:
            found = tuple(compiled.get((key, n)) for n in range(len(entry.translations)))
        else:
            found = (compiled.get(key),)
        if found != entry.translations:
            stale.append(entry.msgid)
    assert not stale, f"{mo_file} is stale for {stale[:5]}"


# The foundation's folders, whose strings nethub/locale holds; every other app has its own locale/.
FOUNDATION = {
    "accounts",
    "api",
    "core",
    "directory",
    "framework",
    "ingest",
    "settings",
    "templates",
}


def test_app_strings_stay_in_their_app_catalogue():
    """makemessages run from nethub/ sends the strings of an app with a locale/ folder to it;
    an app without one (a new app) would fill nethub/locale: give it its own locale/."""
    text = (LOCALE_DIR / "fr" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    references = [
        ref for line in text.splitlines() if line.startswith("#: ") for ref in line[3:].split()
    ]
    assert references
    assert not [ref for ref in references if ref.split("/")[0] not in FOUNDATION]


# A page of each app and a string that only the app's own catalogue holds.
APP_PAGES = [
    ("meetings:tracker", "Filter action points"),
    ("consultations:index", "Filter consultations"),
    ("library:index", "Filter documents"),
    ("search:index", "Type a few words to search everything that is published."),
    ("reviews:dashboard", "Voluntary GCM reviews by region and year"),
    ("events:index", "Subscribe to this calendar (iCalendar)"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "msgid"), APP_PAGES, ids=[name for name, _ in APP_PAGES])
def test_app_page_renders_in_french(client, secretariat_user, url_name, msgid):
    try:
        with translation.override("fr"):
            url = reverse(url_name)
    except NoReverseMatch:
        pytest.skip(f"{url_name} does not exist yet")
    assert url.startswith("/fr/")
    with translation.override("fr"):
        french = translation.gettext(msgid)
    assert french != msgid
    client.force_login(secretariat_user)
    response = client.get(url)
    text = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in text
    assert escape(french, quote=False) in text or french in text
    assert f">{msgid}<" not in text and f'"{msgid}"' not in text


PLAIN_CALLS = {"_", "gettext", "gettext_lazy", "ngettext"}
CONTEXT_CALLS = {"pgettext", "pgettext_lazy"}


def _message(node) -> tuple[str, str] | None:
    """(context, msgid) of a gettext call with literal arguments, else None."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
        return None
    values = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
    strings = [v for v in values[:2] if isinstance(v, str)]
    if node.func.id in PLAIN_CALLS and strings[:1] == values[:1] and strings:
        return ("", strings[0])
    if node.func.id in CONTEXT_CALLS and len(strings) == 2:
        return (strings[0], strings[1])
    return None


def _python_msgids() -> set[tuple[str, str]]:
    """(context, msgid) of every literal passed to gettext in the code (tests and migrations
    aside): what a reader may see from Python, error messages included."""
    found = set()
    for path in PACKAGE_DIR.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            message = _message(node)
            if message:
                found.add(message)
    return found


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_in_the_code_is_in_a_catalogue(locale):
    """A message written in Python (an ingest error, an edge refusal) reaches the catalogues:
    makemessages run over the whole tree is not needed to find one that was forgotten."""
    known = {(e.context, e.msgid) for po in catalogues(locale) for e in entries(po)}
    missing = sorted(_python_msgids() - known)
    assert not missing, missing[:20]
