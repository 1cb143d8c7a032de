import io
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nethub.directory.models import Organization
from nethub.workplan.models import Activity, WorkingGroup
from nethub.workplan.tests import factories as f

pytestmark = pytest.mark.django_db


def _populate(wp, groups: int, activities: int):
    orgs = list(Organization.objects.filter(kind="un_entity")[:3])
    priorities = [f.priority(wp, str(n), f"Priority {n}") for n in range(1, 4)]
    made = []
    for n in range(groups):
        made.append(
            f.group(
                wp,
                priorities[n % 3],
                title=f"Group {n}",
                co_lead=orgs[n % 3],
                members=[orgs[(n + 1) % 3]],
            )
        )
    Activity.objects.bulk_create(
        [
            Activity(
                group=made[n % groups],
                title=f"Activity {n}",
                lead=orgs[n % 3],
                status=("done", "in_progress", "planned")[n % 3],
                progress=(100, 50, 0)[n % 3],
            )
            for n in range(activities)
        ]
    )
    for a in Activity.objects.filter(group__workplan=wp)[:50]:
        a.contributors.add(orgs[0])
    return made


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - start
    assert response.status_code == 200
    return len(ctx.captured_queries), elapsed, response


def test_workplan_and_group_pages_cost_the_same_queries_for_2_and_50_groups(
    client, django_assert_num_queries
):
    small, big = f.workplan(), f.workplan()
    small_groups = _populate(small, 2, 4)
    big_groups = _populate(big, 50, 1000)
    client.get(small.get_absolute_url())  # warms the content-type cache
    n_small, _, _ = _count(client, small.get_absolute_url())
    with django_assert_num_queries(n_small):
        n_big, elapsed, response = _count(client, big.get_absolute_url())
    print(
        f"workplan page, 50 groups and 1,000 activities: {n_big} queries, {elapsed * 1000:.0f} ms"
    )
    html = response.content.decode()
    assert "<svg" in html and "Priority 1" in html
    # The figures are the activities' own, per priority; the chart draws what the table says.
    for row in response.context["rows"]:
        mine = Activity.objects.filter(group__priority=row.priority)
        assert row.activities == mine.count() == sum(g.activity_count for g in row.groups)
        assert row.done == mine.filter(status="done").count()
        assert f">{row.percent}%</text>" in html
    client.get(small_groups[0].get_absolute_url())
    g_small = _count(client, small_groups[0].get_absolute_url())[0]
    with django_assert_num_queries(g_small):
        _count(client, big_groups[0].get_absolute_url())


def test_draft_is_not_public_and_exports(client, secretariat_user):
    wp = f.workplan(status="draft")
    _populate(wp, 2, 5)
    assert client.get(wp.get_absolute_url()).status_code == 403
    assert client.get(reverse("workplan:export", args=[wp.slug, "csv"])).status_code == 403
    client.force_login(secretariat_user)
    response = client.get(reverse("workplan:export", args=[wp.slug, "csv"]))
    csv_text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert csv_text.count("\n") == 6 and "Activity 4" in csv_text
    from docx import Document
    from openpyxl import load_workbook

    book = load_workbook(
        io.BytesIO(client.get(reverse("workplan:export", args=[wp.slug, "xlsx"])).content)
    )
    assert book.worksheets[0].max_row == 6
    doc = Document(
        io.BytesIO(client.get(reverse("workplan:export", args=[wp.slug, "docx"])).content)
    )
    assert any(
        "Activity 0" in cell.text for t in doc.tables for row in t.rows for cell in row.cells
    )
    assert client.get(reverse("workplan:export", args=[wp.slug, "pdf"])).status_code == 404


def test_html_in_fields_is_escaped(client, secretariat_user):
    wp = f.workplan()
    g = f.group(wp, f.priority(wp, title="<script>alert(1)</script>"))
    g.description = "<img src=x onerror=alert(1)>"
    g.save()
    assert "<script>alert(1)" not in client.get(wp.get_absolute_url()).content.decode()
    assert "<img src=x" not in client.get(g.get_absolute_url()).content.decode()


def test_home_page_shows_my_groups(client, stakeholder_user):
    wp = f.workplan()
    f.group(wp, title="Group on labour migration", members=[stakeholder_user.organization])
    client.force_login(stakeholder_user)
    assert "Group on labour migration" in client.get(reverse("core:home")).content.decode()


def test_api_lists_only_endorsed(client):
    public, draft = f.workplan(), f.workplan(status="draft")
    f.group(public, title="Public group")
    f.group(draft, title="Draft group")
    titles = [g["title"] for g in client.get("/api/workplan/groups/").json()["results"]]
    assert titles == ["Public group"]
    assert client.get("/api/schema/").status_code == 200
    assert WorkingGroup.objects.count() == 2


def test_comparison_shows_changes_and_confirmed_uptake(client, secretariat_user, stakeholder_user):
    import datetime

    from django.utils import timezone

    from nethub.consultations import services as consultation_services
    from nethub.workplan import services

    wp = services.workplan_create(actor=secretariat_user, title="Draft")
    kept = services.priority_create(actor=secretariat_user, workplan=wp, number="1", title="Old")
    dropped = services.group_create(actor=secretariat_user, workplan=wp, title="Regular pathways")
    now = timezone.now()
    consultation = services.workplan_open_consultation(
        actor=secretariat_user,
        workplan=wp,
        opens_at=now - datetime.timedelta(hours=1),
        closes_at=now + datetime.timedelta(days=1),
    )
    comment = consultation_services.comment_create(
        consultation=consultation,
        actor=stakeholder_user,
        body="<p>We recommend a priority on migrant children in the workplan.</p>",
    )
    kept.title = "Renamed"
    kept.save()
    services.item_drop(actor=secretariat_user, item=dropped)
    services.priority_create(actor=secretariat_user, workplan=wp, number="2", title="Added one")
    from nethub.workplan.selectors import ask_key, comparison

    ask = comparison(workplan=wp)["asks"][0]
    assert ask["comment"] == comment and ask["uptake"] is None
    client.force_login(secretariat_user)
    url = reverse("workplan:uptake", args=[wp.slug])
    client.post(
        url,
        {
            "comment": comment.pk,
            "key": ask_key(ask["text"]),
            "state": "taken_up",
            "note": "Priority 2",
        },
    )
    html = client.get(reverse("workplan:compare", args=[wp.slug])).content.decode()
    assert "Added one" in html and "Regular pathways" in html and "“1 Old” → " in html
    assert '<span class="uptake-state">Taken up</span>' in html
    client.force_login(stakeholder_user)
    assert (
        client.post(url, {"comment": comment.pk, "key": "x", "state": "taken_up"}).status_code
        == 403
    )


def test_tracker_filters_by_working_group(client):
    from nethub.meetings.tests.factories import ActionPointFactory

    wp = f.workplan()
    g = f.group(wp)
    ours, theirs = ActionPointFactory(text="Ours to do"), ActionPointFactory(text="Not ours")
    g.meetings.add(ours.meeting)
    html = client.get(reverse("meetings:tracker") + f"?working_group={g.pk}").content.decode()
    assert "Ours to do" in html and "Not ours" not in html
    assert "Ours to do" in client.get(g.get_absolute_url()).content.decode()
    assert theirs.pk


def test_priorities_groups_and_activities_are_tagged_like_other_records(
    client, secretariat_user, focal_point_user, stakeholder_user
):
    from django.contrib.contenttypes.models import ContentType

    from nethub.framework.models import FrameworkElement, Tagging
    from nethub.library.models import Document

    wp = f.workplan()
    pr = f.priority(wp, title="Socio-economic integration")
    g = f.group(wp, pr, co_lead=focal_point_user.organization)
    a = f.activity(g)
    objective = FrameworkElement.objects.get(kind="objective", code="16")
    area = FrameworkElement.objects.filter(kind="thematic_area").first() or objective
    for user, obj, element, allowed in (
        (secretariat_user, pr, objective, True),
        (secretariat_user, pr, area, True),
        (focal_point_user, g, objective, True),  # the co-lead tags its group
        (stakeholder_user, a, objective, False),
    ):
        client.force_login(user)
        ct = ContentType.objects.get_for_model(obj)
        response = client.post(
            reverse("framework:tags_edit", args=[ct.pk, obj.pk]),
            {"action": "add", "element": element.pk},
        )
        assert (response.status_code < 400) == allowed
        assert (
            Tagging.objects.filter(content_type=ct, object_id=obj.pk, element=element).exists()
            == allowed
        )
    client.logout()
    html = client.get(pr.get_absolute_url()).content.decode()
    assert "Socio-economic integration" in html and g.title in html
    document = Document.objects.create(title="Toolkit", status="ready")
    client.force_login(focal_point_user)
    client.post(reverse("workplan:activity_document", args=[a.pk]), {"document": document.pk})
    assert list(a.documents.all()) == [document]
    client.force_login(stakeholder_user)
    response = client.post(reverse("workplan:activity_document", args=[a.pk]), {"document": 1})
    assert response.status_code == 403


def test_secretariat_drops_a_group_and_links_its_successor(
    client, secretariat_user, focal_point_user
):
    old_plan, new_plan = f.workplan(), f.workplan(status="draft")
    old = f.group(old_plan, title="TWG3 regular pathways", co_lead=focal_point_user.organization)
    new = f.group(new_plan, title="Pathways, continued")
    url = reverse("workplan:drop", args=["group", old.pk])
    client.force_login(focal_point_user)  # a co-lead manages its group but not the workplan
    assert client.post(url, {"successor": new.pk}).status_code == 403
    client.force_login(secretariat_user)
    client.post(url, {"successor": new.pk, "note": "Merged"})
    old.refresh_from_db()
    assert (old.status, old.successor) == ("dropped", new)
    html = client.get(old.get_absolute_url()).content.decode()
    assert "Pathways, continued" in html and "Dropped" in html


def test_co_lead_links_terms_of_reference_and_removes_a_member(
    client, focal_point_user, stakeholder_user
):
    from nethub.library.models import Document

    wp = f.workplan()
    g = f.group(wp, co_lead=focal_point_user.organization, members=[stakeholder_user.organization])
    tor = Document.objects.create(title="Terms of reference of the group", status="ready")
    client.force_login(stakeholder_user)
    url = reverse("workplan:group_document", args=[g.pk])
    assert client.post(url, {"document": tor.pk, "terms_of_reference": "on"}).status_code == 403
    client.force_login(focal_point_user)
    client.post(url, {"document": tor.pk, "terms_of_reference": "on"})
    g.refresh_from_db()
    assert g.terms_of_reference == tor
    member = g.memberships.get(organization=stakeholder_user.organization)
    client.post(reverse("workplan:membership_remove", args=[member.pk]))
    assert not g.memberships.filter(pk=member.pk).exists()
