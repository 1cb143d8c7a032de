"""GCM tags on meeting pages (suggestions marked as such), the tracker lists confirmed ones only;
meeting names read in the reader's language."""

import pytest

from nethub.framework.models import FrameworkElement
from nethub.framework.services import tag_suggestions_record, tags_set
from nethub.meetings.tests.factories import ActionPointFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _objectives(reference_data):
    return list(FrameworkElement.objects.filter(kind="objective").order_by("position")[:2])


def test_meeting_page_shows_confirmed_and_suggested_tags(client, reference_data, secretariat_user):
    """Editors see the suggestions (with their confidence); the public, confirmed tags only."""
    meeting = MeetingFactory()
    confirmed, suggested = _objectives(reference_data)
    tags_set(obj=meeting, elements=[confirmed], actor=None)
    tag_suggestions_record(obj=meeting, scored=[(suggested, 0.7)])
    public = client.get(meeting.get_absolute_url()).content.decode()
    public_tags = public.split("GCM tags", 1)[1].split("</section>", 1)[0]
    # The public sees confirmed tags only, and never the machine's scores.
    assert 'class="tag confirmed"' in public_tags and confirmed.label in public_tags
    assert "Suggested tags" not in public_tags and suggested.label not in public_tags
    assert "0.70" not in public
    client.force_login(secretariat_user)
    text = client.get(meeting.get_absolute_url()).content.decode()
    tags = text.split("GCM tags", 1)[1].split("</section>", 1)[0]
    suggestions = tags.split("Suggested tags", 1)[1]
    assert 'class="tag suggested"' in suggestions and suggested.label in suggestions
    assert "confidence 0.70" in suggestions


def test_tracker_shows_only_confirmed_tags(client, reference_data):
    point = ActionPointFactory()
    confirmed, suggested = _objectives(reference_data)
    tags_set(obj=point, elements=[confirmed], actor=None)
    tag_suggestions_record(obj=point, scored=[(suggested, 0.7)])
    row = client.get("/meetings/tracker/").content.decode().split(f'id="ap-{point.pk}"', 1)[1]
    row = row.split("</tr>", 1)[0]
    assert f'<span class="badge">{confirmed.label}</span>' in row
    assert suggested.label not in row


def test_meeting_name_reads_in_the_readers_language(reference_data):
    import datetime

    from django.utils import translation

    meeting = MeetingFactory(date=datetime.date(2021, 5, 5))
    with translation.override("fr"):
        assert str(meeting).endswith(", 5 mai 2021")
    with translation.override("en"):
        assert str(meeting).endswith(", 5 May 2021")
