"""The demo: forums, SG reports, the UN system pledge, and the figures of the fixtures, with
the Champion countries and the network counts of 2020 and 2021 confirmed with their sources.
Loading twice adds nothing; what people changed is kept."""

import datetime
import io

import pytest
from django.conf import settings

from nethub.core.demo import demo_users_ensure
from nethub.library import demo as library_demo
from nethub.reviews import demo
from nethub.reviews.models import Fact, Forum, Pledge, SGReport

pytestmark = pytest.mark.django_db


def test_demo_figures_of_the_fixtures_with_their_sources(
    reference_data, django_capture_on_commit_callbacks
):
    from conftest import fixture_path

    fixture_path("coordinator-briefing-2020-10-19.txt")
    demo_users_ensure(password="demo-password-123")
    with django_capture_on_commit_callbacks(execute=True):
        library_demo.load(fixtures_dir=settings.NETHUB_FIXTURES_DIR, stdout=io.StringIO())
    demo.load(fixtures_dir=settings.NETHUB_FIXTURES_DIR, stdout=io.StringIO())
    confirmed = {
        (f.series, f.date, int(f.value)): f
        for f in Fact.objects.filter(status="confirmed").select_related("document")
    }
    for key in [
        ("country-networks", datetime.date(2020, 10, 19), 31),
        ("country-networks", datetime.date(2021, 5, 5), 48),
        ("regional-networks", datetime.date(2020, 10, 19), 6),
        ("regional-networks", datetime.date(2021, 5, 5), 6),
        ("champion-countries", datetime.date(2020, 10, 19), 14),
        ("champion-countries", datetime.date(2021, 5, 5), 21),
    ]:
        fact = confirmed[key]
        assert fact.document.source_key.startswith("fixture:")
        assert str(key[2]) in fact.sentence
    assert Forum.objects.get(kind="imrf").co_facilitators.count() == 2
    assert SGReport.objects.count() == 2 and Pledge.objects.get().is_joint
    # a second load adds nothing and keeps a figure the secretariat rejected
    Fact.objects.filter(series="champion-countries").update(status="rejected")
    counts = (Fact.objects.count(), Forum.objects.count(), Pledge.objects.count())
    demo.load(fixtures_dir=settings.NETHUB_FIXTURES_DIR, stdout=io.StringIO())
    assert (Fact.objects.count(), Forum.objects.count(), Pledge.objects.count()) == counts
    assert not Fact.objects.filter(series="champion-countries", status="confirmed").exists()
