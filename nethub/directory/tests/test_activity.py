"""An organisation's page shows its activity from every app (meetings attended, action points
owned, comments, documents, practices) in a fixed number of queries; the home page shows
what is new and due, the signed-in person's organisation first."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nethub.consultations.tests.factories import comment, consultation_in
from nethub.directory.models import Organization
from nethub.library.models import Document, Practice
from nethub.meetings.tests.factories import ActionPointFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _activity(organization, n: int, tag: str):
    consultation = consultation_in("open", slug=f"c-{tag}")
    for i in range(n):
        meeting = MeetingFactory(title=f"Meeting {tag}{i}")
        meeting.participants.create(name=f"P{i}", organization=organization)
        ActionPointFactory(
            meeting=meeting, owner_organization=organization, text=f"Point {tag}{i}."
        )
        comment(consultation, organization=organization, body=f"Comment {tag}{i}.")
        document = Document.objects.create(title=f"Document {tag}{i}", status="ready", text="x")
        document.organizations.add(organization)
        Practice.objects.create(
            title=f"Practice {tag}{i}",
            organization=organization,
            status=Practice.Status.PUBLISHED,
            published_at=timezone.now(),
        )


def test_organisation_page_lists_its_activity(client):
    unhcr = Organization.objects.get(acronym="UNHCR")
    _activity(unhcr, 2, "a")
    html = client.get(unhcr.get_absolute_url()).content.decode()
    for text in (
        "Meetings attended",
        "Action points owned",
        "Comments in Discussion Spaces",
        "Point a1.",
        "Document a0",
        "Practice a1",
    ):
        assert text in html, text
    invited = MeetingFactory(title="Only invited")
    invited.participants.create(name="X", organization=unhcr, attendance="invited")
    assert "Only invited" not in client.get(unhcr.get_absolute_url()).content.decode()


def test_organisation_page_query_count_is_flat(client):
    unhcr = Organization.objects.get(acronym="UNHCR")
    ilo = Organization.objects.get(acronym="ILO")
    _activity(unhcr, 2, "a")
    _activity(ilo, 12, "b")
    client.get(unhcr.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(unhcr.get_absolute_url())
    with CaptureQueriesContext(connection) as many:
        client.get(ilo.get_absolute_url())
    assert len(many.captured_queries) == len(few.captured_queries)


def test_home_shows_the_organisations_due_points_first(client, focal_point_user):
    mine = focal_point_user.organization
    other = Organization.objects.get(acronym="ILO")
    soon = timezone.localdate() + datetime.timedelta(days=10)
    ActionPointFactory(owner_organization=mine, text="Our point due soon.", due_date=soon)
    ActionPointFactory(owner_organization=other, text="Their point due soon.", due_date=soon)
    public = client.get("/").content.decode()
    assert "Across the network" in public and "Their point due soon." in public
    client.force_login(focal_point_user)
    html = client.get("/").content.decode()
    assert f"For {mine}" in html
    ours = html.split(f"For {mine}", 1)[1].split("Across the network", 1)[0]
    assert "Our point due soon." in ours and "Their point due soon." not in ours
    assert html.index("Our point due soon.") < html.index("Their point due soon.")
