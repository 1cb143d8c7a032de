"""The edge (core/middleware.py): NUL bytes refused with a 400 wherever they come in, the
body cap, the headers, the API throttle and /health/."""

from __future__ import annotations

import base64

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

NUL_URLS = [
    "/directory/?q=%00",
    "/directory/?%00=x",
    "/meetings/?q=a%00b",
    "/library/?q=%00",
    "/consultations/?q=%00",
    "/search/?q=%00",
    "/directory/%00/",
    "/api/organizations/?search=%00",
]


@pytest.mark.parametrize("url", NUL_URLS)
def test_nul_in_query_or_path_is_a_400(client, url):
    assert client.get(url).status_code == 400


def test_nul_in_basic_credentials_on_the_api_is_a_400(client):
    token = base64.b64encode(b"user\x00:pass").decode()
    response = client.get("/api/", HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_nul_in_a_form_field_is_a_400(client):
    response = client.post("/accounts/login/", {"username": "a\x00", "password": "x"})
    assert response.status_code == 400


def test_nul_in_json_is_a_400(client):
    response = client.post(
        "/api/organizations/", '{"name": "a\\u0000b"}', content_type="application/json"
    )
    assert response.status_code == 400


def test_body_over_the_cap_is_a_413(client, settings):
    settings.MAX_REQUEST_BODY = 100
    response = client.post("/accounts/login/", {"username": "x" * 200, "password": "y"})
    assert response.status_code == 413


def test_headers_on_html_pages(client):
    response = client.get("/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert "onchange=" not in response.content.decode()


def test_api_throttle_gives_429(client, settings):
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "5/minute", "user": "5/minute"},
    }
    codes = [client.get("/api/organizations/").status_code for _ in range(8)]
    cache.clear()
    assert codes[:5] == [200] * 5
    assert 429 in codes[5:]


def test_health_ok_and_503_when_tasks_wait(client, settings):
    response = client.get("/health/")
    assert response.status_code == 200 and response.json()["status"] == "ok"
