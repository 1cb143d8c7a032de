"""Every URL of the site, checked as an anonymous visitor.

Each non-admin URL pattern is either listed in PUBLIC (anyone may read it, with the reason) or
must be protected: an anonymous GET or POST gets a redirect to the login page, 403, 404 or 405,
never a page. Public pages may be read, but an anonymous POST to them must not succeed unless
the page is a public form listed in PUBLIC_FORMS. A new view that is neither protected nor
listed here makes this test fail, so whoever adds it decides, in writing, who may use it.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# name -> why anyone (even anonymous) may GET it
PUBLIC = {
    "set_language": "switching the interface language",
    "api:schema": "the published API description",
    "api:docs": "the API documentation page",
    "api:api-root": "API index",
    **{
        f"api:{name}": "public read-only API (writes need a permission)"
        for name in (
            "organization-list",
            "organization-detail",
            "person-list",
            "person-detail",
            "country-list",
            "country-detail",
            "region-list",
            "region-detail",
            "network-list",
            "network-detail",
            "champion-list",
            "champion-detail",
            "framework-element-list",
            "framework-element-detail",
            "meeting-list",
            "meeting-detail",
            "action-point-list",
            "action-point-detail",
            "consultation-list",
            "consultation-detail",
            "consultation-question-list",
            "consultation-question-detail",
            "consultation-comment-list",
            "consultation-comment-detail",
            "library-document-list",
            "library-document-detail",
            "library-practice-list",
            "library-practice-detail",
            "search-list",
            "workplan-workplan-list",
            "workplan-workplan-detail",
            "workplan-priority-list",
            "workplan-priority-detail",
            "workplan-group-list",
            "workplan-group-detail",
            "workplan-activity-list",
            "workplan-activity-detail",
            "voluntary-review-list",
            "voluntary-review-detail",
            "review-forum-list",
            "review-forum-detail",
            "sg-report-list",
            "sg-report-detail",
            "pledge-list",
            "pledge-detail",
            "figure-list",
            "figure-detail",
            "event-list",
            "event-detail",
            "roster-expert-list",
            "roster-expert-detail",
            "fund-window-list",
            "fund-window-detail",
            "fund-programme-list",
            "fund-programme-detail",
            "fund-target-list",
            "fund-target-detail",
            "fund-allocation-list",
            "fund-allocation-detail",
            "fund-sc-member-list",
            "fund-sc-member-detail",
            "fund-position-list",
        )
    },
    "core:home": "home page",
    "core:health": "load-balancer health check",
    "accounts:login": "the login form",
    "accounts:logout": "logging out (POST only)",
    "accounts:invitation_accept": "an invited person sets up the account; the token is the key",
    "accounts:password_reset": "forgotten password form",
    "accounts:password_reset_done": "password reset confirmation",
    "accounts:password_reset_confirm": "reset link; the token is the key",
    "accounts:password_reset_complete": "password reset confirmation",
    "directory:index": "public directory",
    "directory:organization_detail": "public directory",
    "directory:person_detail": "public directory",
    "directory:country_list": "public directory",
    "directory:country_detail": "public directory",
    "directory:network_list": "public directory",
    "directory:champion_list": "public directory",
    "framework:index": "the GCM framework is public",
    "framework:element_detail": "the GCM framework is public",
    "meetings:index": "meetings and their action points are public",
    "meetings:detail": "meetings are public",
    "meetings:source": "a meeting's published source document",
    "meetings:tracker": "the public action point tracker",
    "meetings:tracker_export": "the public tracker as a file",
    "meetings:action_point": "action points are public",
    "consultations:index": "consultations are public",
    "consultations:detail": "consultations are public (hidden comments are not shown)",
    "consultations:unsubscribe": "one-click unsubscribe link; the token is the key",
    "meetings:email_opt_out": "stop/resume link of tracker e-mails; the signed token is the key",
    "library:index": "the library of published documents",
    "library:document_detail": "a published document (others 404)",
    "library:document_file": "a published document's file (others 404)",
    "library:practice_list": "published practices",
    "library:practice_detail": "a published practice (others 404)",
    "library:practice_attachment": "a published practice's attachment (others 404)",
    "search:index": "search covers public records only",
    "search:more_like_this": "similar public records only",
    "workplan:index": "endorsed workplans are public (drafts only for members)",
    "workplan:detail": "an endorsed workplan (others 403)",
    "workplan:compare": "an endorsed workplan's comparison with its draft (others 403)",
    "workplan:export": "an endorsed workplan as a file (others 403)",
    "workplan:group": "a group of an endorsed workplan (others 403)",
    "workplan:priority": "a priority of an endorsed workplan (others 403)",
    "workplan:activity": "an activity of an endorsed workplan (others 403)",
    "directory:champion_map": "public directory (map of the Champion countries)",
    "directory:network_map": "public directory (map of the networks)",
    "directory:network_detail": "public directory",
    "directory:country_map": "public directory (a country on a map)",
    "directory:region_map": "public directory (a region's countries on a map)",
    "reviews:index": "published voluntary reviews",
    "reviews:review_detail": "a published review (others 404 or refused)",
    "reviews:review_file": "a published review's document (others refused)",
    "reviews:country": "a country's published reviews",
    "reviews:forum_list": "regional reviews and the IMRF are public",
    "reviews:forum_detail": "regional reviews and the IMRF are public",
    "reviews:sg_report_detail": "the SG's reports are public",
    "reviews:pledge_list": "pledges are public",
    "reviews:pledge_detail": "pledges are public",
    "reviews:series_list": "confirmed figures are public",
    "reviews:series_detail": "confirmed figures are public (unknown series 404)",
    "reviews:fact_detail": "a confirmed figure and its source sentence (candidates refused)",
    "reviews:dashboard": "the network dashboard is public",
    "reviews:dashboard_export": "the dashboard's tables as files",
    "events:index": "the calendar is public",
    "events:feed": "the calendar as iCalendar",
    "events:detail": "events are public",
    "events:ics": "an event as iCalendar (add to calendar)",
    "events:user_feed": "a person's own feed; the token is the key (unknown tokens 404)",
    "roster:expert_list": "experts who consented to be listed, with the fields they chose",
    "roster:expert_detail": "a listed expert's public fields (others 403/404)",
    "fund:dashboard": "the fund's public dashboard",
    "fund:dashboard_map": "the dashboard's map of countries with published programmes",
    "fund:dashboard_export": "the dashboard's tables as files",
    "fund:programme_list": "published programmes (the whole pipeline to those allowed)",
    "fund:programme_detail": "a published programme (others 404)",
    "fund:steering_committee": "the fund's Steering Committee and its decisions",
}

# public pages where an anonymous POST may legitimately succeed (a form for the public)
PUBLIC_FORMS = {
    "set_language",
    "accounts:login",
    "accounts:logout",
    "accounts:invitation_accept",
    "accounts:password_reset",
    "accounts:password_reset_confirm",
    "consultations:unsubscribe",
    "meetings:email_opt_out",
}

SKIP_PREFIXES = ("admin", "media/")


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.startswith(SKIP_PREFIXES):
                continue
            ns = pattern.namespace or ""
            yield from _walk(
                pattern.url_patterns,
                prefix + route,
                f"{namespace}:{ns}".strip(":") if ns else namespace,
            )
        elif isinstance(pattern, URLPattern):
            if (prefix + route).startswith(SKIP_PREFIXES) or not pattern.name:
                continue
            if "format" in pattern.pattern.regex.groupindex:
                continue  # DRF's ".json" suffix twins of the same views
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, sorted(pattern.pattern.regex.groupindex)


ALL = sorted(dict(_walk(get_resolver().url_patterns)).items())


def test_every_url_is_classified_or_protected():
    """Stale entries in the allow-list are an error too (a renamed view keeps no exemption)."""
    names = {name for name, _ in ALL}
    assert set(PUBLIC) - names == set()
    assert set(PUBLIC) >= PUBLIC_FORMS
    assert len(names) > 60


@pytest.fixture
def objects(db, reference_data, stakeholder_user):
    """Real records so that URLs with arguments reach the views' permission checks."""
    from nethub.consultations.tests.factories import comment, consultation_in
    from nethub.library.tests.factories import practice_submit
    from nethub.meetings.tests.factories import ActionPointFactory

    consultation = consultation_in("open")
    action_point = ActionPointFactory()
    practice = practice_submit(stakeholder_user)  # submitted, not published
    return {
        "slug": consultation.slug,
        "comment": comment(consultation, author=stakeholder_user).pk,
        "action_point": action_point.pk,
        "meeting": action_point.meeting_id,
        "practice": practice.pk,
    }


def _kwargs(name: str, args: list[str], objects: dict) -> dict:
    values = {
        "slug": objects["slug"],
        "token": "not-a-token",
        "uidb64": "MQ",
        "iso2": "MX",
        "kind": "objective",
        "code": "1",
        "fmt": "csv",
        "content_type_id": 1,
        "object_id": 1,
        "tagging_id": 1,
        "pk": 1,
        "series": "country-networks",
        "app_label": "library",
        "model": "practice",
        "model_name": "practice",  # core's file view: a practice's attachment
        "field": "attachment",
        # The dashboards' table names: the fund's and the network's.
        "table": "reviews" if name.startswith("reviews:") else "years",
    }
    if name.startswith("meetings:action_point"):
        values["pk"] = objects["action_point"]
    elif name.startswith("meetings:"):
        values["pk"] = objects["meeting"]
    elif name.startswith("consultations:comment"):
        values["pk"] = objects["comment"]
    elif name.startswith("library:practice") or name == "file":
        values["pk"] = objects["practice"]
    return {arg: values[arg] for arg in args}


def _refused(response) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code in (301, 302):
        return response["Location"].split("?")[0] == resolve_url(settings.LOGIN_URL)
    return False


def _row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "args"), ALL, ids=[name for name, _ in ALL])
def test_anonymous_is_refused_unless_public(client, objects, name, args):
    url = reverse(name, kwargs=_kwargs(name, args, objects))
    before = _row_counts()
    post = client.post(url, {"body": "x", "title": "x", "status": "done", "name": "x"})
    if name in PUBLIC_FORMS:
        return
    if name in PUBLIC:
        # a public page may answer a POST as it answers a GET, but must not write anything
        assert _row_counts() == before, f"anonymous POST to {url} wrote to the database"
        return
    get = client.get(url)
    assert _refused(get), f"anonymous GET {url} -> {get.status_code}"
    assert _refused(post), f"anonymous POST {url} -> {post.status_code}"
