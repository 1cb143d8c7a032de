"""The demo calendar: the events the fixtures name, each with its source; loaded once."""

import io

import pytest

from nethub.core.demo import demo_users_ensure
from nethub.events import demo
from nethub.events.models import Event

pytestmark = pytest.mark.django_db


def test_demo_events_with_sources_loaded_once(reference_data):
    demo_users_ensure(password="demo-password-123")
    demo.load(fixtures_dir=None, stdout=io.StringIO())
    named = Event.objects.exclude(source="")
    assert named.count() == 8
    annual = Event.objects.get(title="Annual meeting of the UN Network on Migration 2022")
    assert annual.place == "Palais des Nations, Geneva" and annual.local_start.hour == 9
    assert annual.kind == "annual_meeting" and "18-19 October" in annual.source
    assert set(named.values_list("kind", flat=True)) >= {
        "listening_session",
        "briefing",
        "lab",
        "meeting",
    }
    Event.objects.filter(pk=annual.pk).update(place="Changed by the secretariat")
    demo.load(fixtures_dir=None, stdout=io.StringIO())
    assert Event.objects.count() == 9
    assert Event.objects.get(pk=annual.pk).place == "Changed by the secretariat"
