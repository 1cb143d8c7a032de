import datetime

import pytest

from nethub.search.keyword import keyword_search
from nethub.search.models import Passage
from nethub.workplan import services
from nethub.workplan.tests import factories as f

pytestmark = pytest.mark.django_db


def test_endorsement_puts_groups_and_activities_in_search(
    secretariat_user, django_capture_on_commit_callbacks
):
    wp = f.workplan(status="draft")
    g = f.group(wp, f.priority(wp, title="Bilateral labour migration agreements"))
    g.description = "Guidance on bilateral labour migration agreements"
    g.save()
    a = f.activity(g, title="Toolkit on labour migration agreements")
    assert g.search_document() is None and a.search_document() is None  # a draft is not public
    with django_capture_on_commit_callbacks(execute=True):
        services.workplan_endorse(
            actor=secretariat_user, workplan=wp, endorsed_on=datetime.date(2025, 1, 1)
        )
    kinds = {
        p.kind for p in Passage.objects.filter(pk__in=[pk for pk, _ in keyword_search("labour")])
    }
    assert {"working_group", "workplan_activity", "workplan_priority"} <= kinds
