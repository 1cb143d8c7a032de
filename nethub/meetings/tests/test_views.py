"""Pages: meetings, the tracker (filters, sorting, exports, inline status), the import flow."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from conftest import fixture_path
from nethub.core.files import file_url
from nethub.core.selectors import audit_history
from nethub.framework.models import FrameworkElement, Tagging
from nethub.meetings.models import ActionPoint, ImportDraft, Meeting
from nethub.meetings.services import meeting_import
from nethub.meetings.tests.factories import ActionPointFactory, AgendaItemFactory, MeetingFactory
from nethub.meetings.tests.review import review_data, upload

pytestmark = pytest.mark.django_db

TRACKER = reverse("meetings:tracker")


@pytest.fixture
def meeting_2024(reference_data):
    path = fixture_path("ec-principals-2024-01-29.txt")
    return meeting_import(data=path.read_bytes(), filename=path.name, actor=None)


def test_meeting_pages(client, meeting_2024):
    listing = client.get(reverse("meetings:index"))
    assert listing.status_code == 200 and meeting_2024.title in listing.text
    page = client.get(meeting_2024.get_absolute_url())
    assert page.status_code == 200
    for expected in (
        "Amy E. Pope",
        "Any other business",
        "Develop a set of common messages",
        "tasked the working level",
        "1 May 2024",
        "Open",
        file_url(meeting_2024, "source_document"),
    ):
        assert expected in page.text
    source = client.get(reverse("meetings:source", args=[meeting_2024.pk]))
    assert source.status_code == 200
    assert b"Executive Committee Principals" in b"".join(source.streaming_content)


def test_an_html_source_is_never_served_as_html(client, reference_data):
    from django.core.files.base import ContentFile

    meeting = MeetingFactory(source_checksum="ab" * 32, source_filename="summary.html")
    meeting.source_document.save(
        "summary.html", ContentFile(b"<html><body><script>alert(1)</script></body></html>")
    )
    response = client.get(reverse("meetings:source", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_missing_meeting_is_404(client, db):
    assert client.get(reverse("meetings:detail", args=[999])).status_code == 404


def test_tracker_lists_and_marks_overdue(client, reference_data):
    late = ActionPointFactory(
        text="Late point", due_date=timezone.localdate() - datetime.timedelta(days=3)
    )
    ActionPointFactory(text="Later point")
    ActionPointFactory(text="Finished late", status="done", due_date=datetime.date(2020, 1, 1))
    page = client.get(TRACKER)
    assert page.status_code == 200
    assert f'id="ap-{late.pk}" class="is-overdue"' in page.text
    assert page.text.count("is-overdue") == 1
    assert "overdue" in client.get(TRACKER, {"overdue": "true"}).text
    only_late = client.get(TRACKER, {"overdue": "true"}).context["page_obj"].object_list
    assert [p.text for p in only_late] == ["Late point"]


def test_tracker_filters(client, reference_data, focal_point_user):
    from nethub.directory.models import Organization

    unhcr = focal_point_user.organization
    ilo = Organization.objects.get(acronym="ILO")
    objective = FrameworkElement.objects.get(kind="objective", code="1")
    a = ActionPointFactory(
        text="UNHCR one",
        owner="UNHCR",
        owner_organization=unhcr,
        due_date=datetime.date(2031, 5, 1),
    )
    b = ActionPointFactory(
        text="ILO one",
        owner="ILO",
        owner_organization=ilo,
        status="done",
        due_date=datetime.date(2032, 1, 1),
    )
    c = ActionPointFactory(text="Coordinator one", owner="Coordinator", due_date=None)
    Tagging.objects.create(element=objective, tagged=b, status="confirmed")

    def texts(**params):
        return {p.text for p in client.get(TRACKER, params).context["page_obj"].object_list}

    assert texts(owner=unhcr.slug) == {"UNHCR one"}
    assert texts(owner="coordinator") == {"Coordinator one"}
    assert texts(status="done") == {"ILO one"}
    assert texts(status=["open", "in_progress"]) == {"UNHCR one", "Coordinator one"}
    assert texts(meeting=c.meeting.pk) == {"Coordinator one"}
    assert texts(due_after="2031-06-01") == {"ILO one"}
    assert texts(due_before="2031-06-01") == {"UNHCR one"}
    assert texts(objective=objective.pk) == {"ILO one"}
    assert texts(q="coordinator") == {"Coordinator one"}
    client.force_login(focal_point_user)
    assert texts(mine="true") == {"UNHCR one"}
    assert a.pk


def test_tracker_sorts(client, reference_data):
    ActionPointFactory(text="B", due_date=datetime.date(2031, 1, 1))
    ActionPointFactory(text="A", due_date=datetime.date(2030, 1, 1))
    ascending = [p.text for p in client.get(TRACKER, {"sort": "due"}).context["page_obj"]]
    descending = [p.text for p in client.get(TRACKER, {"sort": "-due"}).context["page_obj"]]
    assert ascending == ["A", "B"] and descending == ["B", "A"]


def _many_action_points(count):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting)
    ActionPoint.objects.bulk_create(
        ActionPoint(
            meeting=meeting,
            agenda_item=item,
            position=n,
            text=f"Point {n}",
            owner="Secretariat",
            due_date=datetime.date(2030, 1, 1) + datetime.timedelta(days=n % 400),
        )
        for n in range(count)
    )


def _queries_for_tracker(client, django_assert_max_num_queries, count):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _many_action_points(count)
    client.get(TRACKER)  # warm the per-process caches (content types) before counting
    with CaptureQueriesContext(connection) as queries:
        response = client.get(TRACKER)
    assert response.status_code == 200
    return len(queries)


def test_tracker_costs_the_same_queries_for_5000_as_for_10(
    client, reference_data, secretariat_user, django_assert_max_num_queries
):
    client.force_login(secretariat_user)
    small = _queries_for_tracker(client, django_assert_max_num_queries, 10)
    ActionPoint.objects.all().delete()
    large = _queries_for_tracker(client, django_assert_max_num_queries, 5000)
    assert large == small
    assert small <= 12, small  # session, user, count, page, tags, filter choices
    assert ActionPoint.objects.count() == 5000


def test_tracker_paginates(client, reference_data):
    _many_action_points(120)
    page = client.get(TRACKER, {"page": 3})
    assert len(page.context["page_obj"].object_list) == 20
    assert "Page 3 of 3" in page.text


def test_exports_honour_filters(client, reference_data):
    ActionPointFactory(text="Open one", due_date=datetime.date(2030, 3, 1))
    ActionPointFactory(text="=cmd|' /C calc'!A0", status="done", due_date=datetime.date(2030, 4, 1))
    csv_response = client.get(reverse("meetings:tracker_export", args=["csv"]), {"status": "open"})
    rows = list(csv.reader(io.StringIO(csv_response.getvalue().decode("utf-8-sig"))))
    assert rows[0][:5] == ["id", "meeting", "meeting_date", "agenda_item", "text"]
    assert [row[4] for row in rows[1:]] == ["Open one"]
    everything = client.get(reverse("meetings:tracker_export", args=["csv"])).getvalue().decode()
    assert "'=cmd" in everything  # formulas are neutralised
    xlsx = client.get(reverse("meetings:tracker_export", args=["xlsx"]), {"status": "done"})
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 2
    ics = client.get(reverse("meetings:tracker_export", args=["ics"]))
    from icalendar import Calendar

    events = Calendar.from_ical(ics.getvalue()).walk("VEVENT")
    assert sorted(str(e["dtstart"].dt) for e in events) == ["2030-03-01", "2030-04-01"]
    assert client.get(reverse("meetings:tracker_export", args=["pdf"])).status_code == 404


def test_inline_status_update_with_htmx(client, reference_data, secretariat_user):
    point = ActionPointFactory()
    client.force_login(secretariat_user)
    response = client.post(
        reverse("meetings:action_point_status", args=[point.pk]),
        {"status": "in_progress", "comment": "started"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert f'id="ap-{point.pk}"' in response.text and 'data-status="in_progress"' in response.text
    assert audit_history(subject=point).get().comment == "started"


def test_status_update_without_js_redirects(client, reference_data, secretariat_user):
    point = ActionPointFactory()
    client.force_login(secretariat_user)
    response = client.post(
        reverse("meetings:action_point_status", args=[point.pk]), {"status": "done"}
    )
    assert response.status_code == 302
    detail = client.get(point.get_absolute_url())
    assert "status Open → Done" in detail.text


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/meetings/tracker/?status=open", "/meetings/tracker/?status=open"),
        ("https://evil.example/phish", None),
        ("//evil.example/phish", None),
        ("javascript:alert(1)", None),
    ],
)
def test_status_update_next_stays_on_the_site(
    client, reference_data, secretariat_user, next_url, expected
):
    point = ActionPointFactory()
    client.force_login(secretariat_user)
    response = client.post(
        reverse("meetings:action_point_status", args=[point.pk]),
        {"status": "done", "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == (expected or point.get_absolute_url())


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "member_state", "focal_point"])
def test_status_update_refused_to_others(client, users_by_role, role):
    point = ActionPointFactory()
    if role != "anonymous":
        client.force_login(users_by_role[role])
    response = client.post(
        reverse("meetings:action_point_status", args=[point.pk]), {"status": "done"}
    )
    assert response.status_code == 403
    point.refresh_from_db()
    assert point.status == "open"


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "member_state", "focal_point"])
def test_import_page_is_for_the_secretariat(client, users_by_role, role):
    if role != "anonymous":
        client.force_login(users_by_role[role])
    response = client.get(reverse("meetings:import"))
    assert response.status_code == 403


def _row(review, name: str, text: str) -> int:
    """The index of the row of formset `name` whose main field reads `text`."""
    forms = review.formsets[name].forms
    key = "name" if name == "participants" else "text"
    return next(n for n, form in enumerate(forms) if form[key].value() == text)


def test_import_flow_with_correction(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    client.force_login(secretariat_user)
    path = fixture_path("ec-principals-2024-01-29.txt")
    response = upload(client, path.name, path.read_bytes(), django_capture_on_commit_callbacks)
    draft = ImportDraft.objects.get()
    assert response.url == reverse("meetings:import_review", args=[draft.pk])
    review = client.get(response.url)
    assert review.status_code == 200
    first = review.context["review"].formsets["participants"].forms[0]
    assert (first["name"].value(), first["organization"].value()) == ("Amy E. Pope", "IOM")
    assert "Text of the document" in review.text
    data = review_data(review.context["review"])
    n = _row(review.context["review"], "action_points", "Develop a set of common messages.")
    data[f"action_points-{n}-owner"] = "UNHCR"
    data[f"action_points-{n}-due"] = "2024-03-31"
    saved = client.post(response.url, data)
    meeting = Meeting.objects.get()
    assert saved.url == meeting.get_absolute_url()
    corrected = meeting.action_points.get(text="Develop a set of common messages.")
    assert corrected.owner_organization.acronym == "UNHCR"
    assert corrected.due_date == datetime.date(2024, 3, 31)
    assert not ImportDraft.objects.exists()


def test_import_of_an_unreadable_file_shows_the_error(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    """A file whose type is right but whose content cannot be read fails in the background:
    its page says why, nothing is kept from it, and the import page lists it."""
    client.force_login(secretariat_user)
    response = upload(client, "scan.pdf", b"%PDF-1.4 garbage", django_capture_on_commit_callbacks)
    page = client.get(response.url)
    assert page.status_code == 200 and "This file could not be read." in page.text
    assert "hx-get" not in page.text  # nothing left to wait for
    draft = ImportDraft.objects.get()
    assert draft.status == ImportDraft.Status.UNREADABLE and draft.error and not draft.file
    assert not Meeting.objects.exists()
    assert response.url in client.get(reverse("meetings:import")).text
    # Posting a review of it saves nothing.
    assert client.post(response.url, {"title": "x", "date": "2024-01-01"}).status_code == 200
    assert not Meeting.objects.exists()


def test_an_upload_shows_its_progress_until_it_is_read(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    client.force_login(secretariat_user)
    path = fixture_path("ec-principals-2024-01-29.txt")
    # Without a worker run yet (the callbacks not executed), the upload waits to be read.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            reverse("meetings:import"), {"file": SimpleUploadedFile(path.name, path.read_bytes())}
        )
    draft = ImportDraft.objects.get()
    progress = reverse("meetings:import_progress", args=[draft.pk])
    waiting = client.get(response.url)
    assert draft.status == ImportDraft.Status.READING and "form" not in waiting.context
    assert f'hx-get="{progress}"' in waiting.text and "Waiting to be read" in waiting.text
    assert "HX-Refresh" not in client.get(progress).headers
    for callback in callbacks:
        callback()
    assert client.get(progress).headers["HX-Refresh"] == "true"
    review = client.get(response.url).context["review"]
    assert review.formsets["participants"].forms[0]["name"].value() == "Amy E. Pope"


def test_a_draft_being_saved_is_followed_until_its_meeting_is_saved(
    client, reference_data, secretariat_user
):
    from nethub.meetings.services import import_draft_create

    draft, _created = import_draft_create(data=b"Minutes", filename="m.txt", actor=secretariat_user)
    ImportDraft.objects.filter(pk=draft.pk).update(status=ImportDraft.Status.SAVING)
    client.force_login(secretariat_user)
    progress = reverse("meetings:import_progress", args=[draft.pk])
    page = client.get(reverse("meetings:import_review", args=[draft.pk])).text
    assert f'hx-get="{progress}"' in page and 'data-testid="draft-saving"' in page
    waiting = client.get(progress)
    assert "HX-Refresh" not in waiting.headers and "HX-Redirect" not in waiting.headers
    ImportDraft.objects.filter(pk=draft.pk).delete()  # the import task saved its meeting
    done = client.get(progress)
    assert done.status_code == 204 and done.headers["HX-Redirect"] == reverse("meetings:index")


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "member_state", "focal_point"])
def test_import_progress_is_for_the_secretariat(client, users_by_role, role, secretariat_user):
    from nethub.meetings.services import import_draft_create

    draft, _created = import_draft_create(data=b"Minutes", filename="m.txt", actor=secretariat_user)
    if role != "anonymous":
        client.force_login(users_by_role[role])
    for name in ("meetings:import_progress", "meetings:import_review"):
        assert client.get(reverse(name, args=[draft.pk])).status_code == 403


def test_link_a_later_meeting_that_reported_on_a_point(client, reference_data, secretariat_user):
    point = ActionPointFactory()
    later = MeetingFactory(date=point.meeting.date + datetime.timedelta(days=90))
    earlier = MeetingFactory(date=point.meeting.date - datetime.timedelta(days=90))
    client.force_login(secretariat_user)
    url = reverse("meetings:action_point_link_report", args=[point.pk])
    assert f'value="{later.pk}"' in client.get(point.get_absolute_url()).text
    client.post(url, {"meeting": earlier.pk})
    client.post(url, {"meeting": later.pk})
    assert list(point.reported_in.all()) == [later]
    assert point.text in client.get(later.get_absolute_url()).text
    assert audit_history(subject=point).filter(action="reported_in").count() == 1


def test_only_the_secretariat_links_reports(client, reference_data, focal_point_user):
    point = ActionPointFactory(owner_organization=focal_point_user.organization)
    later = MeetingFactory(date=point.meeting.date + datetime.timedelta(days=90))
    client.force_login(focal_point_user)
    response = client.post(
        reverse("meetings:action_point_link_report", args=[point.pk]), {"meeting": later.pk}
    )
    assert response.status_code == 403 and not point.reported_in.exists()


def test_tracker_rows_show_confirmed_gcm_tags_only(client, reference_data, secretariat_user):
    """On the page and in the row a status change sends back (both read the page's tags
    into `confirmed_taggings`)."""
    point = ActionPointFactory()
    confirmed = FrameworkElement.objects.get(kind="objective", code="7")
    suggested = FrameworkElement.objects.get(kind="objective", code="9")
    Tagging.objects.create(element=confirmed, tagged=point, status="confirmed")
    Tagging.objects.create(element=suggested, tagged=point, status="suggested")
    client.force_login(secretariat_user)
    row = client.post(
        reverse("meetings:action_point_status", args=[point.pk]),
        {"status": "in_progress"},
        HTTP_HX_REQUEST="true",
    ).text
    for html in (client.get(TRACKER).text, row):
        assert f'<span class="badge">{confirmed.label}</span>' in html
        assert f'<span class="badge">{suggested.label}</span>' not in html


def test_action_point_page_shows_its_gcm_tags(client, reference_data, secretariat_user):
    point = ActionPointFactory()
    objective = FrameworkElement.objects.get(kind="objective", code="7")
    Tagging.objects.create(element=objective, tagged=point, status="confirmed")
    client.force_login(secretariat_user)
    page = client.get(point.get_absolute_url())
    assert page.status_code == 200 and "GCM tags" in page.text
    assert str(objective.label) in page.text


@pytest.mark.django_db
def test_owner_form_assigns_for_the_secretariat_only(client, secretariat_user, focal_point_user):
    from nethub.meetings.tests.factories import ActionPointFactory

    point = ActionPointFactory(owner_organization=None)
    url = reverse("meetings:action_point_owner", args=[point.pk])
    client.force_login(focal_point_user)
    assert client.post(url, {"organization": "unhcr"}).status_code == 403
    assert 'name="organization"' not in client.get(point.get_absolute_url()).content.decode()
    client.force_login(secretariat_user)
    page = client.get(point.get_absolute_url()).content.decode()
    assert 'id="owner-organization"' in page
    unhcr = focal_point_user.organization
    response = client.post(url, {"organization": unhcr.slug})
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.owner_organization == unhcr
    client.post(url, {"organization": "no-such-organisation"})
    point.refresh_from_db()
    assert point.owner_organization == unhcr  # refused with a message, nothing changed


def test_import_review_marks_sources_lists_doubtful_items_first_and_edits_people_as_rows(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    """The review page marks in the text where each item came from, lists the items the
    extraction is least sure of first, and edits participants as rows (remove one, add one)."""
    client.force_login(secretariat_user)
    text = (
        "Working group minutes\n\n7 June 2023\n\nPresent: Sara Lind, Jonas Berg, Mia Holm\n\n"
        "1. Planning\n\nThe group reviewed the plan and discussed the budget in some detail.\n\n"
        "Action Point: UNICEF to circulate the revised plan by 30 June 2023.\n\n"
        "A template will be shared with the partners.\n"
    )
    response = upload(client, "wg.txt", text.encode(), django_capture_on_commit_callbacks)
    review = client.get(response.url)
    marks = review.context["source_parts"]
    marked = [part for part in marks if part.get("anchor")]
    assert any("UNICEF to circulate" in part["text"] for part in marked)
    assert [item["label"] for item in review.context["to_check"]] == [
        "A template will be shared with the partners."
    ]
    assert 'class="low" data-testid="source-mark"' in review.text
    data = review_data(review.context["review"])
    data["participants-1-DELETE"] = "on"  # Jonas Berg did not attend
    data["participants-3-name"], data["participants-3-organization"] = "Eva Sund", "UNHCR"
    saved = client.post(response.url, data)
    assert saved.status_code == 302
    meeting = Meeting.objects.get()
    assert sorted(meeting.participants.values_list("name", flat=True)) == [
        "Eva Sund",
        "Mia Holm",
        "Sara Lind",
    ]


def _tagged_points(count, objective):
    ActionPoint.objects.all().delete()
    _many_action_points(count)
    ActionPoint.objects.filter(pk__in=ActionPoint.objects.values("pk")[:3]).update(
        due_date=datetime.date(2020, 1, 1)
    )
    for point in ActionPoint.objects.order_by("pk")[:70]:
        Tagging.objects.create(tagged=point, element=objective, status=Tagging.Status.CONFIRMED)


@pytest.mark.parametrize(
    "query",
    [
        {"page": "last"},
        {"status": ["open", "done"], "sort": "-due"},
        {"objective": "OBJ", "sort": "meeting"},
        {"owner": "Secretariat", "overdue": "true", "page": "2"},
        {"meeting": "MEETING"},
    ],
)
def test_tracker_filters_and_last_page_cost_flat_queries(
    client, reference_data, django_assert_num_queries, query
):
    """Every filter and the last page cost the same queries for 5,000 points as for 60: the
    page is found over ids, then only its rows (and their tags) are built."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    objective = FrameworkElement.objects.filter(kind="objective").first()

    def ask():
        meeting = ActionPoint.objects.values_list("meeting_id", flat=True).first()
        values = {"OBJ": objective.pk, "MEETING": meeting}
        return client.get(
            TRACKER, {k: values.get(v, v) if isinstance(v, str) else v for k, v in query.items()}
        )

    _tagged_points(60, objective)
    ask()  # warm caches
    with CaptureQueriesContext(connection) as small:
        ask()
    _tagged_points(5000, objective)
    with django_assert_num_queries(len(small.captured_queries)):
        response = ask()
    assert response.status_code == 200
    rows = response.context["page_obj"].object_list
    assert 0 < len(rows) <= 50
    if "objective" in query:
        assert response.context["page_obj"].paginator.count == 70
        assert all(point.confirmed_taggings[0].element == objective for point in rows)


@pytest.mark.django_db(transaction=True)
def test_a_status_change_returns_before_its_indexing(client, task_queue, secretariat_user):
    from django.contrib.contenttypes.models import ContentType

    from nethub.search.models import Passage

    point = ActionPointFactory(text="Draft the terms of reference for the review.")
    client.force_login(secretariat_user)
    response = client.post(
        reverse("meetings:action_point_status", args=[point.pk]),
        {"status": "in_progress", "comment": "started"},
    )
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.status == "in_progress"
    passages = Passage.objects.filter(
        content_type=ContentType.objects.get_for_model(ActionPoint), object_id=point.pk
    )
    # Enqueued after the commit, not run: the point is not (re)indexed yet.
    assert task_queue.paths("READY") == ["index_record"]
    assert not passages.exists()
    task_queue.work()
    assert task_queue.paths("SUCCESSFUL") == ["index_record"]
    assert "terms of reference" in passages.get().text


def test_tracker_rows_escape_what_people_wrote_and_offer_the_form_where_allowed(
    client, reference_data, focal_point_user
):
    own = ActionPointFactory(
        text='<script>alert("x")</script> & more', owner_organization=focal_point_user.organization
    )
    other = ActionPointFactory(text="Someone else's point", owner='<img src=x onerror="y">')
    client.force_login(focal_point_user)
    html = client.get(TRACKER).content.decode()
    assert (
        "<script>alert" not in html
        and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html
    )
    assert "<img src=x" not in html and "&lt;img src=x onerror=&quot;y&quot;&gt;" in html
    # The status form on the organisation's own point only.
    assert f'id="status-{own.pk}"' in html and f'id="status-{other.pk}"' not in html
    assert html.count('name="csrfmiddlewaretoken"') >= 1


def _meetings_with_points(count: int) -> list[Meeting]:
    meetings = [MeetingFactory() for _ in range(count)]
    for n, meeting in enumerate(meetings):
        ActionPointFactory.create_batch(n % 3, meeting=meeting)
        ActionPointFactory(meeting=meeting, status="done")
    return meetings


def test_meeting_list_pages_newest_first_with_each_meetings_counts(client, reference_data):
    meetings = _meetings_with_points(30)
    newest = client.get(reverse("meetings:index"))
    shown = newest.context["page_obj"].object_list
    assert [m.pk for m in shown] == [m.pk for m in reversed(meetings)][:25]
    for meeting in shown:
        n = meetings.index(next(m for m in meetings if m.pk == meeting.pk))
        assert (meeting.action_point_count, meeting.open_count) == (n % 3 + 1, n % 3)
    last = client.get(reverse("meetings:index"), {"page": 2}).context["page_obj"]
    assert [m.pk for m in last.object_list] == [m.pk for m in reversed(meetings[:5])]


def test_meeting_list_costs_the_same_queries_for_300_meetings_as_for_3(client, reference_data):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for count in (3, 297):
        _meetings_with_points(count)
        client.get(reverse("meetings:index"))  # warm per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("meetings:index")).status_code == 200
        counts.append(len(queries))
        counting = [q["sql"] for q in queries.captured_queries if "COUNT(DISTINCT" in q["sql"]]
        # The points are counted for the page's meetings only, not grouped over all of them.
        assert counting and all('"meetings_meeting"."id" IN (' in sql for sql in counting)
    assert counts[0] == counts[1] <= 3, counts  # count, the page's ids, its rows


def test_import_review_says_which_points_only_the_learned_model_found(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    """A point no rule found, offered by the learned model, says so and asks to be checked."""
    from nethub.meetings.extract import learned

    index = learned.hashed(["w=kettle"])
    model = learned.LinearModel(bias=-6.0, weights={i: 12.0 for i in index}, threshold=0.7)
    client.force_login(secretariat_user)
    text = (
        "Staff meeting\n\n3 March 2025\n\nPresent: Sara Lind, Jonas Berg\n\n1. Kitchen\n\n"
        "Kettle descaling for the kitchen on the second floor before the winter.\n"
    )
    with learned.using(model):
        response = upload(client, "s.txt", text.encode(), django_capture_on_commit_callbacks)
    review = client.get(response.url)
    point = review.text[review.text.index('id="row-ap-0-0"') :]
    point = point[: point.index("</fieldset>")]
    assert "Suggested by the model trained on real minutes" in point
    assert "Found by the rule" not in point


def test_import_review_says_which_participants_only_the_learned_reader_found(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    """A person no rule read, offered by the learned participant reader, says so."""
    from nethub.meetings.extract import learned
    from nethub.meetings.extract.people import learned as people_learned

    index = learned.hashed(["above=growers"])
    model = learned.LinearModel(bias=-6.0, weights={i: 12.0 for i in index}, threshold=0.6)
    client.force_login(secretariat_user)
    text = "Garden club\n\n3 March 2025\n\nGrowers\nAnika Solberg\nTeodor Vance\n"
    with people_learned.using(model):
        response = upload(client, "s.txt", text.encode(), django_capture_on_commit_callbacks)
    review = client.get(response.url)
    assert 'value="Anika Solberg"' in review.text
    assert "Suggested by the model trained on real minutes" in review.text


def test_import_review_rows_are_reordered_added_and_kept_consistent(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    """Without JavaScript: rows are reordered by their position numbers, an agenda item and a
    decision are added, and a point whose agenda item is removed is refused with the reason
    (nothing saved) until it is moved."""
    client.force_login(secretariat_user)
    text = (
        "Working group minutes\n\n7 June 2023\n\nPresent: Sara Lind, Jonas Berg\n\n"
        "1. Planning\n\nAction Point: UNICEF to circulate the revised plan by 30 June 2023.\n\n"
        "Action Point: IOM to book the venue by 15 June 2023.\n\n"
        "2. Budget\n\nAction Point: WFP to share the budget by 20 June 2023.\n"
    )
    response = upload(client, "wg.txt", text.encode(), django_capture_on_commit_callbacks)
    review = client.get(response.url).context["review"]
    data = review_data(review)
    circulate = _row(
        review, "action_points", "UNICEF to circulate the revised plan by 30 June 2023."
    )
    book = _row(review, "action_points", "IOM to book the venue by 15 June 2023.")
    data[f"action_points-{circulate}-ORDER"], data[f"action_points-{book}-ORDER"] = "2", "1"
    data["participants-0-ORDER"], data["participants-1-ORDER"] = "2", "1"
    data["agenda_items-2-title"] = "Any other business"  # the blank row
    data["decisions-0-agenda_item"], data["decisions-0-text"] = "1", "The budget is agreed."
    data["agenda_items-1-DELETE"] = "on"  # the budget item, which still has a point

    refused = client.post(response.url, data)
    assert refused.status_code == 200 and not Meeting.objects.exists()
    assert "Its agenda item was removed" in refused.text

    del data["agenda_items-1-DELETE"]
    assert client.post(response.url, data).status_code == 302
    meeting = Meeting.objects.get()
    points = meeting.action_points.order_by("position").values_list("text", flat=True)
    assert [text.split(" to ")[0] for text in points] == ["IOM", "UNICEF", "WFP"]
    assert list(meeting.participants.values_list("name", flat=True)) == ["Jonas Berg", "Sara Lind"]
    items = list(meeting.agenda_items.order_by("position").values_list("title", flat=True))
    assert items == ["Planning", "Budget", "Any other business"]
    assert meeting.decisions.get().agenda_item.title == "Budget"


def test_a_decision_and_a_point_go_under_an_agenda_item_added_in_the_review(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    """Without JavaScript: the blank agenda-item row is offered in every agenda-item choice as
    "New agenda item 3"; a decision and a point placed under it are saved there. A choice naming
    a row that is not filled in is refused with the reason."""
    client.force_login(secretariat_user)
    text = (
        "Working group minutes\n\n7 June 2023\n\n1. Planning\n\nAction Point: UNICEF to "
        "circulate the plan by 30 June 2023.\n\n2. Budget\n\nThe budget was presented.\n"
    )
    response = upload(client, "wg.txt", text.encode(), django_capture_on_commit_callbacks)
    page = client.get(response.url)
    assert '<option value="new-2">New agenda item 3</option>' in page.text
    data = review_data(page.context["review"])
    point = _row(
        page.context["review"], "action_points", "UNICEF to circulate the plan by 30 June 2023."
    )
    data[f"action_points-{point}-agenda_item"] = "new-2"
    data["decisions-0-agenda_item"], data["decisions-0-text"] = "new-2", "AOB was closed."

    refused = client.post(response.url, data)  # the new row still blank
    assert refused.status_code == 200 and "Its agenda item was removed" in refused.text
    data["agenda_items-2-title"] = "Any other business"
    assert client.post(response.url, data).status_code == 302
    meeting = Meeting.objects.get()
    added = meeting.agenda_items.get(title="Any other business")
    assert list(added.action_points.values_list("text", flat=True)) == [
        "UNICEF to circulate the plan by 30 June 2023."
    ]
    assert meeting.decisions.get().agenda_item == added


def _minutes_with_points(count: int) -> str:
    owners = ["UNHCR", "EC working level"]
    points = "".join(
        f"Action Point: {owners[n % 2]} to send note {n} by 30 June 2023.\n\n" for n in range(count)
    )
    return (
        "Working group minutes\n\n7 June 2023\n\nPresent: Sara Lind (IOM), Jonas Berg\n\n"
        "1. Planning\n\nDecision: the group endorsed the revised plan.\n\n" + points
    )


def test_import_review_marks_decisions_and_says_which_owners_the_directory_knows(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    client.force_login(secretariat_user)
    response = upload(
        client, "wg.txt", _minutes_with_points(2).encode(), django_capture_on_commit_callbacks
    )
    review = client.get(response.url)
    decision = review.text[review.text.index('id="row-d-0-0"') :]
    assert 'href="#src-d-0-0"' in decision[: decision.index("</fieldset>")]
    mark = review.text[review.text.index('id="src-d-0-0"') :]
    assert mark[: mark.index("</mark>")].endswith("the group endorsed the revised plan.")
    rows = {
        row["form"]["owner"].value(): row["directory"]["organization"]
        for row in review.context["review"].rows("action_points")
        if row["directory"]
    }
    assert rows["UNHCR"].acronym == "UNHCR" and rows["EC working level"] is None
    assert "Not in the directory: kept as written." in review.text


def test_import_review_queries_do_not_grow_with_its_rows(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(secretariat_user)
    counts = []
    for size in (2, 20):
        response = upload(
            client,
            "wg.txt",
            _minutes_with_points(size).encode(),
            django_capture_on_commit_callbacks,
        )
        with CaptureQueriesContext(connection) as queries:
            page = client.get(response.url)
        assert page.text.count('data-testid="action-point"') == size + 2  # new row, template
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_a_second_upload_of_a_file_being_imported_finds_its_import(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    """A double click or a second upload makes no second draft; a file that could not be read
    may be uploaded again."""
    client.force_login(secretariat_user)
    path = fixture_path("ec-principals-2024-01-29.txt")
    first = upload(client, path.name, path.read_bytes(), django_capture_on_commit_callbacks)
    again = upload(client, "copy.txt", path.read_bytes(), django_capture_on_commit_callbacks)
    assert again.url == first.url and ImportDraft.objects.count() == 1
    assert "already being imported" in client.get(again.url).text

    broken = upload(client, "scan.pdf", b"%PDF-1.4 garbage", django_capture_on_commit_callbacks)
    retried = upload(client, "scan.pdf", b"%PDF-1.4 garbage", django_capture_on_commit_callbacks)
    assert retried.url != broken.url
    assert ImportDraft.objects.filter(status=ImportDraft.Status.UNREADABLE).count() == 2


def test_an_import_is_discarded_with_its_file(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    client.force_login(secretariat_user)
    path = fixture_path("ec-principals-2024-01-29.txt")
    response = upload(client, path.name, path.read_bytes(), django_capture_on_commit_callbacks)
    draft = ImportDraft.objects.get()
    discard = reverse("meetings:import_discard", args=[draft.pk])
    assert f'action="{discard}"' in client.get(response.url).text
    assert client.get(discard).status_code == 405
    stored = draft.file.name
    assert client.post(discard).url == reverse("meetings:import")
    assert client.post(discard).url == reverse("meetings:import")  # a double click
    assert not ImportDraft.objects.exists() and not draft.file.storage.exists(stored)
    assert not Meeting.objects.exists()


def test_an_import_being_saved_is_not_discarded(client, reference_data, secretariat_user):
    from nethub.meetings.services import import_draft_create

    draft, _created = import_draft_create(data=b"Minutes", filename="m.txt", actor=secretariat_user)
    ImportDraft.objects.filter(pk=draft.pk).update(status=ImportDraft.Status.SAVING)
    client.force_login(secretariat_user)
    client.post(reverse("meetings:import_discard", args=[draft.pk]))
    assert ImportDraft.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "member_state", "focal_point"])
def test_discarding_an_import_is_for_the_secretariat(client, users_by_role, role, secretariat_user):
    from nethub.meetings.services import import_draft_create

    draft, _created = import_draft_create(data=b"Minutes", filename="m.txt", actor=secretariat_user)
    if role != "anonymous":
        client.force_login(users_by_role[role])
    assert client.post(reverse("meetings:import_discard", args=[draft.pk])).status_code == 403
    assert ImportDraft.objects.filter(pk=draft.pk).exists()


MINUTES_WITH_FEW_NAMES = b"""Working group on returns - minutes
Date: 4 March 2025

Participants: Ana Lind (UNHCR)

1. Updates
The group reviewed the plan.
"""


def test_import_review_adds_participants_pasted_at_once(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    """People the extraction missed are pasted as the minutes list them; each is added once,
    after the rows, with the organisation the line gives."""
    client.force_login(secretariat_user)
    response = upload(
        client, "returns.txt", MINUTES_WITH_FEW_NAMES, django_capture_on_commit_callbacks
    )
    page = client.get(response.url)
    assert 'data-testid="more-participants"' in page.text
    data = review_data(page.context["review"])
    data["names"] = "Ben Ray, WHO\nCarla Moss (IOM)\nAna Lind\n<b>Dora Kent</b>"
    saved = client.post(response.url, data)
    meeting = Meeting.objects.get()
    assert saved.url == meeting.get_absolute_url()
    people = [
        (p.name, p.organization_id and p.organization.acronym)
        for p in meeting.participants.order_by("position")
    ]
    assert people[:3] == [("Ana Lind", "UNHCR"), ("Ben Ray", "WHO"), ("Carla Moss", "IOM")]
    assert [name for name, _ in people].count("Ana Lind") == 1
    assert all("<" not in name for name, _ in people)


def test_import_review_refuses_a_pasted_list_with_a_nul_byte_or_too_long(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    client.force_login(secretariat_user)
    response = upload(
        client, "returns.txt", MINUTES_WITH_FEW_NAMES, django_capture_on_commit_callbacks
    )
    data = review_data(client.get(response.url).context["review"])
    data["names"] = "Ben Ray\x00, WHO"
    page = client.post(response.url, data)
    # Refused before the view with the reason (core.middleware); the draft stays to correct.
    assert page.status_code == 400 and page.text
    assert not Meeting.objects.exists() and ImportDraft.objects.exists()
    data["names"] = "x" * 20001
    page = client.post(response.url, data)
    assert page.status_code == 200 and "Please correct the errors below." in page.text
    assert not Meeting.objects.exists()
