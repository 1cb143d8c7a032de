import io
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from nethub.consultations import demo as consultations_demo
from nethub.consultations.asks import find_asks
from nethub.core.demo import demo_users_ensure
from nethub.meetings import demo as meetings_demo
from nethub.workplan import demo
from nethub.workplan.models import MembershipRequest, Workplan

pytestmark = pytest.mark.django_db


def test_demo_workplans_from_the_fixtures_only_what_is_missing(reference_data, client):
    from conftest import fixture_path

    fixture_path("discussion-space-draft-workplan-2022-2024.txt")
    fixtures = Path(settings.NETHUB_FIXTURES_DIR)
    demo_users_ensure(password="demo-password-123")
    meetings_demo.load(fixtures_dir=fixtures, stdout=io.StringIO())
    consultations_demo.load(fixtures_dir=fixtures, stdout=io.StringIO())
    demo.load(fixtures_dir=fixtures, stdout=io.StringIO())
    draft = Workplan.objects.get(consultation__source=demo.FIXTURE)
    draft.title = "Renamed by the secretariat"
    draft.save()
    demo.load(fixtures_dir=fixtures, stdout=io.StringIO())  # adds nothing, overwrites nothing
    draft.refresh_from_db()
    assert draft.title == "Renamed by the secretariat"
    assert (draft.start_year, draft.end_year, draft.status) == (2022, 2024, "consultation")
    assert draft.priorities.get(number="5").novelty == "new"
    assert draft.previous.endorsed_at.date.isoformat() == "2021-05-05"
    assert draft.previous.groups.get().status == "dropped"
    # Each expression of interest with a stated target is a membership request, once.
    interests = draft.consultation.interests.filter(target_id__isnull=False)
    assert MembershipRequest.objects.filter(interest__in=interests).count() == interests.count() > 0
    # The comparison lists each ask of the fixture's stakeholders, with its state.
    comments = draft.consultation.comments.filter(status="visible")
    expected = sum(len(find_asks(c.text)) for c in comments)
    page = client.get(reverse("workplan:compare", args=[draft.slug]))
    assert page.status_code == 403  # in consultation: members only
    client.force_login(draft.consultation.moderator or _secretariat())
    html = client.get(reverse("workplan:compare", args=[draft.slug])).content.decode()
    assert expected > 5 and html.count('class="uptake-state"') == expected
    assert "Not reviewed" in html


def _secretariat():
    from nethub.accounts.models import User

    return User.objects.get(username="secretariat")
