import io

import pytest
from django.conf import settings

from nethub.core.demo import demo_users_ensure
from nethub.library import demo
from nethub.library.models import Document, Practice

pytestmark = pytest.mark.django_db


def test_demo_loads_fixture_documents_and_practices_and_is_idempotent(
    reference_data, django_capture_on_commit_callbacks
):
    from conftest import fixture_path

    fixture_path("ec-principals-2021-05-05.txt")
    demo_users_ensure(password="demo-password-123")
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            demo.load(fixtures_dir=settings.NETHUB_FIXTURES_DIR, stdout=io.StringIO())
    assert Document.objects.filter(status="ready").count() == 4
    summary = Document.objects.get(source_key="fixture:ec-principals-2021-05-05.txt")
    assert summary.kind == "meeting_summary" and summary.language == "en"
    assert "Executive Committee" in summary.text
    assert Practice.objects.count() == 2
    assert Practice.objects.filter(status="published").count() == 1


def test_demo_without_fixtures_adds_practices_only(reference_data):
    demo_users_ensure(password="demo-password-123")
    demo.load(fixtures_dir=None, stdout=io.StringIO())
    assert not Document.objects.exists()
    assert Practice.objects.count() == 2
