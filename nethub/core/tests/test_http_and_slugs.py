"""The shared response helpers and unique slugs."""

import pytest
from django.core.files.base import ContentFile
from django.test import RequestFactory

from nethub.core.files import sandboxed_download
from nethub.core.http import redirect_back
from nethub.core.slugs import unique_slug
from nethub.directory.models import Organization
from nethub.directory.services import organization_create
from nethub.ingest.extract import PDF


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [("/meetings/", "/meetings/"), ("https://evil.example/", "/home/"),
     ("//evil.example/x", "/home/"), ("javascript:alert(1)", "/home/"), ("", "/home/")],
)  # fmt: skip
def test_redirect_back_stays_on_the_site(next_url, expected):
    request = RequestFactory().post("/x/", {"next": next_url})
    assert redirect_back(request, "/home/").url == expected


def test_sandboxed_download_is_always_a_sandboxed_attachment_of_its_stored_type():
    pdf = sandboxed_download(ContentFile(b"%PDF-1.4"), filename="a.pdf", content_type=PDF)
    page = sandboxed_download(ContentFile(b"<script>"), filename="a.html", content_type="text/html")
    assert pdf["Content-Type"] == PDF
    assert page["Content-Type"] == "text/html"
    for response in (pdf, page):
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_sandboxed_download_drops_control_characters_from_the_name():
    response = sandboxed_download(
        ContentFile(b"x"), filename="a\r\nb.txt", content_type="text/plain"
    )
    assert response["Content-Disposition"] == 'attachment; filename="ab.txt"'


@pytest.mark.django_db
def test_unique_slug_counts_up_past_taken_slugs(reference_data):
    organization_create(name="Slug Test Network", kind="ngo")
    assert Organization.objects.filter(slug="slug-test-network").exists()
    assert unique_slug(Organization, "Slug Test Network") == "slug-test-network-2"
    assert unique_slug(Organization, "!!!", fallback="organisation") == "organisation"
