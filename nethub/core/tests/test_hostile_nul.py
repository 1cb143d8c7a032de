"""A NUL byte, on every form and filter of the site, is refused with a 400 and never reaches the
database (PostgreSQL cannot store it and answered 500; issue 14).

The URL conf is walked, not listed: every named URL is built with real records, fetched as the
secretariat (who sees the most forms), and each <form> on the page is parsed. Every field of
every GET form (the filters) is sent with a NUL in the query string, every field of every POST
form in the body (as the form encodes it); a file field gets a file whose *name* holds a NUL,
which must be refused or answered with the form's own error page. Every URL also gets a NUL in
its query string and in a path segment, and every /api/ URL NUL-bearing HTTP Basic credentials.
A URL or form added later is covered with nothing to add here.
"""

from __future__ import annotations

import base64
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

from nethub.core.tests.test_url_permissions import ALL

pytestmark = pytest.mark.django_db

NUL = "a\x00b"


class _Forms(HTMLParser):
    """The forms of a page: method, action, enctype and the names of their fields."""

    FIELDS = {"input", "select", "textarea", "button"}

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self._open = {
                "method": (attributes.get("method") or "get").lower(),
                "action": attributes.get("action") or "",
                "enctype": attributes.get("enctype") or "application/x-www-form-urlencoded",
                "fields": {},
            }
            self.forms.append(self._open)
        elif tag in self.FIELDS and self._open is not None and attributes.get("name"):
            kind = attributes.get("type", "text") if tag == "input" else tag
            self._open["fields"].setdefault(attributes["name"], kind)

    def handle_endtag(self, tag):
        if tag == "form":
            self._open = None


@pytest.fixture
def records(
    reference_data, secretariat_user, stakeholder_user, member_state_user, settings, tmp_path
):
    """One real record behind each kind of URL argument, so that detail pages render their
    forms. Keys are URL-name prefixes; the value maps argument names to values."""
    from django.contrib.contenttypes.models import ContentType

    settings.MEDIA_ROOT = tmp_path  # uploads the walk makes stay out of the work tree

    from nethub.consultations.tests.factories import comment, consultation_in
    from nethub.directory.models import Organization, Person
    from nethub.events.tests.factories import event_create
    from nethub.framework.models import Tagging
    from nethub.fund.tests.factories import programme
    from nethub.library.models import Document
    from nethub.library.tests.factories import objective, practice_submit
    from nethub.meetings.tests.factories import ActionPointFactory
    from nethub.reviews.tests.factories import fact, review_submit
    from nethub.roster.tests.factories import expert
    from nethub.workplan.tests.factories import activity, group, priority, workplan

    consultation = consultation_in("open")
    a_comment = comment(consultation, author=stakeholder_user)
    point = ActionPointFactory()
    practice = practice_submit(stakeholder_user)
    document = Document.objects.create(title="A report", status="ready", kind="report")
    tagging = Tagging.objects.create(
        content_type=ContentType.objects.get_for_model(Document),
        object_id=document.pk,
        element=objective(1),
    )
    organization = Organization.objects.get(acronym="IOM")
    person = Person.objects.create(name="Ana Example", organization=organization)
    plan = workplan()
    a_priority = priority(plan)
    a_group = group(plan, a_priority)
    an_activity = activity(a_group)
    application = expert(name="Expert Example")
    review = review_submit(member_state_user)
    return {
        "consultations:comment": {"slug": consultation.slug, "pk": a_comment.pk},
        "consultations:tag_confirm": {"slug": consultation.slug, "tagging_id": tagging.pk},
        "consultations:": {"slug": consultation.slug, "fmt": "csv"},
        "directory:": {"slug": organization.slug, "pk": person.pk, "iso2": "MX"},
        "framework:element_detail": {"kind": "objective", "code": "1"},
        "framework:tags_edit": {
            "content_type_id": tagging.content_type_id,
            "object_id": document.pk,
        },
        "fund:dashboard_export": {"fmt": "csv", "table": "years"},
        "fund:import_template": {"kind": "programmes"},
        "fund:": {"pk": programme().pk},
        "library:practice": {"pk": practice.pk},
        # core's file view: a practice's attachment
        "file": {
            "app_label": "library",
            "model_name": "practice",
            "pk": practice.pk,
            "field": "attachment",
        },
        "library:": {"pk": document.pk},
        "meetings:action_point": {"pk": point.pk},
        "meetings:": {"pk": point.meeting_id, "fmt": "csv"},
        "roster:item_review": {"app_label": "roster", "model": "expertapplication"},
        "roster:": {"pk": application.pk, "fmt": "csv"},
        "search:more_like_this": {
            "content_type_id": tagging.content_type_id,
            "object_id": document.pk,
        },
        "workplan:activity": {"pk": an_activity.pk},
        "workplan:priority": {"pk": a_priority.pk},
        "workplan:drop": {"kind": "group", "pk": a_group.pk},
        "workplan:": {"slug": plan.slug, "pk": a_group.pk, "fmt": "csv"},
        "accounts:": {"token": "not-a-token", "uidb64": "MQ"},
        "events:": {"pk": event_create(secretariat_user).pk},
        "reviews:dashboard_export": {"fmt": "csv", "table": "reviews"},
        "reviews:fact": {"pk": fact().pk},
        "reviews:": {"pk": review.pk, "iso2": "MX", "series": "country-networks"},
    }


def _url(name: str, args: list[str], records: dict) -> str | None:
    values = {"pk": 1, "fmt": "csv", "slug": "x", "iso2": "MX", "token": "not-a-token"}
    for prefix in sorted(records, key=len):  # the longest matching prefix wins
        if name.startswith(prefix):
            values.update(records[prefix])
    try:
        return reverse(name, kwargs={arg: values[arg] for arg in args})
    except (KeyError, NoReverseMatch):
        return None


def _forms(response, url: str) -> list[dict]:
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    parser = _Forms()
    parser.feed(response.content.decode(errors="replace"))
    for form in parser.forms:
        form["action"] = urlsplit(urljoin(url, form["action"])).path or url
    return parser.forms


def _post(client, form: dict, name: str, kind: str):
    if kind == "file":
        upload = SimpleUploadedFile("cv\x00.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
        return client.post(form["action"], {name: upload})
    if "multipart" in form["enctype"]:
        return client.post(form["action"], {name: NUL})
    body = urlencode({name: NUL})
    return client.post(form["action"], body, content_type="application/x-www-form-urlencoded")


SKIP_FIELDS = {"csrfmiddlewaretoken"}


def test_a_nul_anywhere_is_a_400_on_every_form_filter_and_url(client, records, secretariat_user):
    client.force_login(secretariat_user)
    tried = {"urls": 0, "get_fields": 0, "post_fields": 0, "file_fields": 0, "api_auth": 0}
    failures = []
    seen_forms = set()

    def expect(response, what: str, allowed=(400,)):
        if response.status_code not in allowed:
            failures.append(f"{what} -> {response.status_code}")

    for name, args in ALL:
        url = _url(name, args, records)
        if url is None:
            failures.append(f"{name}: no URL could be built")
            continue
        tried["urls"] += 1
        expect(client.get(url, {"q": NUL}), f"GET {url}?q=NUL")
        expect(client.get(url.rstrip("/") + "%00/"), f"GET {url} + NUL segment")
        if url.startswith("/api/"):
            for credentials in (b"secretariat_user\x00:x", b"secretariat_user:pass\x00word"):
                token = base64.b64encode(credentials).decode()
                response = client.get(url, HTTP_AUTHORIZATION=f"Basic {token}")
                expect(response, f"GET {url} with NUL in Basic credentials")
                tried["api_auth"] += 1
            continue  # the API's fields are fuzzed by nethub/api/tests/test_fuzz.py
        for form in _forms(client.get(url), url):
            key = (form["method"], form["action"], tuple(sorted(form["fields"])))
            if key in seen_forms:
                continue  # the same form on several pages (the search box, the language menu)
            seen_forms.add(key)
            for field, kind in form["fields"].items():
                if field in SKIP_FIELDS:
                    continue
                if form["method"] == "get":
                    tried["get_fields"] += 1
                    expect(
                        client.get(form["action"], {field: NUL}), f"GET {form['action']}?{field}"
                    )
                elif kind == "file":
                    tried["file_fields"] += 1
                    # A file name is not stored as sent (random storage names); the form may
                    # refuse it or show its own error page, but never fail.
                    response = _post(client, form, field, kind)
                    expect(response, f"POST {form['action']} file {field}", (200, 302, 400))
                else:
                    tried["post_fields"] += 1
                    response = _post(client, form, field, kind)
                    expect(response, f"POST {form['action']} {field}")
                client.force_login(secretariat_user)  # a logout form logs out

    print("NUL bytes tried:", tried)
    assert failures == []
    # The walk reached what it is meant to reach (a broken walk that finds nothing passes
    # nothing): at least these many URLs, filter fields and form fields.
    assert tried["urls"] >= len(ALL)
    assert tried["get_fields"] >= 15
    assert tried["post_fields"] >= 60
    assert tried["file_fields"] >= 3
    assert tried["api_auth"] >= 100
