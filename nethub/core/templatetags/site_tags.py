"""The site frame's main menu and language choices, written in Python.

Every page carries them: as template tags they cost about 1 ms a page (a dozen URL reversals,
as many translations, a comparison per link). The links and labels are built once per
language, URL configuration and script prefix; each request adds only which section is
current and the links that depend on the user.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

register = template.Library()

# The meetings namespace holds two sections: the tracker (with an action point's pages) and
# the meetings themselves.
TRACKER_VIEWS = frozenset({"tracker", "action_point", "action_point_status"})

# (URL name, label, the namespace that marks it current; "meetings" holds two sections).
SECTIONS = [
    ("meetings:index", "Meetings", "meetings"),
    ("meetings:tracker", "Action tracker", "meetings"),
    ("consultations:index", "Discussion Spaces", "consultations"),
    ("workplan:index", "Workplans", "workplan"),
    ("library:index", "Knowledge Platform", "library"),
    ("reviews:index", "GCM reviews", "reviews"),
    ("events:index", "Calendar", "events"),
    ("roster:expert_list", "Expert roster", "roster"),
    ("directory:index", "Directory", "directory"),
    ("fund:dashboard", "Migration MPTF", "fund"),
    ("framework:index", "GCM framework", "framework"),
]


def _e(value) -> str:
    return escape(str(value), quote=True)


def _url(name: str) -> str | None:
    """The section's URL, or None when its app is not mounted (as `{% url ... as x %}`)."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


@lru_cache(maxsize=64)
def _sections(language: str, urlconf: str, prefix: str) -> tuple:
    """(name, escaped URL and label, namespace) of each mounted section, in this language
    and URL space; then the API, invitation and back-office links."""
    # Marked for translation where they are used, so `makemessages` keeps their entries.
    labels = {
        "Meetings": _("Meetings"),
        "Action tracker": _("Action tracker"),
        "Discussion Spaces": _("Discussion Spaces"),
        "Workplans": _("Workplans"),
        "Knowledge Platform": _("Knowledge Platform"),
        "GCM reviews": _("GCM reviews"),
        "Calendar": _("Calendar"),
        "Expert roster": _("Expert roster"),
        "Directory": _("Directory"),
        "Migration MPTF": _("Migration MPTF"),
        "GCM framework": _("GCM framework"),
    }
    sections = []
    for name, label, section in SECTIONS:
        url = _url(name)
        if url:
            sections.append((name, _e(url), _e(labels[label]), section))
    return (
        tuple(sections),
        (_e(reverse("api:docs")), _e(_("API"))),
        (_e(_url("accounts:invitation_create") or ""), _e(_("Invite people"))),
        (_e(_url("admin:index") or ""), _e(_("Back office"))),
    )


def _is_current(name: str, namespace: str, section: str, view: str) -> bool:
    if namespace != section:
        return False
    if section == "meetings":
        return (view in TRACKER_VIEWS) == (name == "meetings:tracker")
    return True


@register.simple_tag(takes_context=True)
def site_nav(context) -> str:
    """The `<li>` items of the main menu, the current section marked for assistive
    technology; "Invite people" for those who may invite, "Back office" for staff."""
    request = context.get("request")
    user = context.get("user") or getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    namespace = (match.namespace if match else "") or ""
    view = (match.url_name if match else "") or ""
    sections, api, invite, admin = _sections(
        get_language(), str(get_urlconf() or settings.ROOT_URLCONF), get_script_prefix()
    )
    out = []
    for name, url, label, section in sections:
        current = ' aria-current="page"' if _is_current(name, namespace, section, view) else ""
        out.append(f'<li><a href="{url}"{current}>{label}</a></li>')
    out.append(f'<li><a href="{api[0]}">{api[1]}</a></li>')
    if user is not None and user.has_perm("accounts.invite"):
        current = ' aria-current="page"' if view == "invitation_create" else ""
        out.append(f'<li><a href="{invite[0]}"{current}>{invite[1]}</a></li>')
    if user is not None and user.is_staff:
        out.append(f'<li><a href="{admin[0]}">{admin[1]}</a></li>')
    return mark_safe("\n".join(out))  # noqa: S308 — every value is escaped above


@lru_cache(maxsize=8)
def _language_options(current: str) -> str:
    out = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        selected = " selected" if code == current else ""
        out.append(
            f'<option value="{_e(code)}" lang="{_e(code)}"{selected}>'
            f"{_e(info['name_local'])}</option>"
        )
    return "\n".join(out)


@register.simple_tag
def language_options() -> str:
    """The language menu's options, each in its own language, the current one selected."""
    return mark_safe(_language_options(get_language()))  # noqa: S308 — escaped above
