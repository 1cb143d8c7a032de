"""The shared response helpers and unique slugs."""

import pytest
from django.core.files.base import ContentFile
from django.test import RequestFactory

from nethub.core.http import redirect_back, sandboxed_file_response
from nethub.core.slugs import unique_slug
from nethub.directory.models import Organization
from nethub.directory.services import organization_create


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [("/meetings/", "/meetings/"), ("https://evil.example/", "/home/"),
     ("//evil.example/x", "/home/"), ("javascript:alert(1)", "/home/"), ("", "/home/")],
)  # fmt: skip
def test_redirect_back_stays_on_the_site(next_url, expected):
    request = RequestFactory().post("/x/", {"next": next_url})
    assert redirect_back(request, "/home/").url == expected


def test_sandboxed_file_response_downloads_what_it_does_not_show_inline():
    shown = sandboxed_file_response(
        ContentFile(b"%PDF-1.4"), filename="a.pdf", content_type="application/pdf", inline=True
    )
    kept = sandboxed_file_response(
        ContentFile(b"<script>"), filename="a.html", content_type="text/html", inline=False
    )
    assert shown["Content-Type"] == "application/pdf"
    assert kept["Content-Type"] == "application/octet-stream"
    assert kept["Content-Disposition"].startswith("attachment")
    for response in (shown, kept):
        assert response["Content-Security-Policy"] == "sandbox"
        assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_unique_slug_counts_up_past_taken_slugs(reference_data):
    organization_create(name="Slug Test Network", kind="ngo")
    assert Organization.objects.filter(slug="slug-test-network").exists()
    assert unique_slug(Organization, "Slug Test Network") == "slug-test-network-2"
    assert unique_slug(Organization, "!!!", fallback="organisation") == "organisation"
