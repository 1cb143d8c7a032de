"""The home page, the health check and the error pages."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_home_shows_live_counts(client):
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    with translation.override("en"):  # the labels are lazy: read them in English
        counts = {str(label): count for label, count in response.context["counts"]}
    assert counts["organisations"] >= 193 + 50
    assert counts["framework elements"] == 23 + 10 + 5 + 3


def test_health(client):
    response = client.get(reverse("core:health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "tasks": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_404_page_uses_the_site_frame(client, settings):
    settings.DEBUG = False
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Page not found" in text and "site-header" in text


def test_403_page(client, stakeholder_user):
    client.force_login(stakeholder_user)
    response = client.get(reverse("accounts:invitation_create"))
    assert response.status_code == 403
    assert "You may not do this" in response.content.decode()


def _start_links(client, user=None):
    if user is not None:
        client.force_login(user)
    text = client.get(reverse("core:home")).content.decode()
    return text.split('id="start-heading"', 1)[1].split("</section>", 1)[0]


def test_home_gives_the_public_somewhere_to_start(client):
    start = _start_links(client)
    assert reverse("meetings:tracker") in start
    assert reverse("accounts:login") in start
    assert reverse("consultations:moderation") not in start


def test_home_points_a_focal_point_to_their_open_action_points(client, focal_point_user):
    start = _start_links(client, focal_point_user)
    open_points = "?mine=true&amp;status=open&amp;status=in_progress"
    assert reverse("meetings:tracker") + open_points in start
    assert str(focal_point_user.organization) in start
    assert reverse("meetings:import") not in start
    assert reverse("consultations:moderation") not in start


def test_home_points_the_secretariat_to_moderation_and_import(client, secretariat_user):
    start = _start_links(client, secretariat_user)
    for name in ("consultations:moderation", "meetings:import", "library:practice_queue"):
        assert reverse(name) in start
    assert reverse("accounts:login") not in start


def test_home_points_a_stakeholder_to_discussion_and_practices(client, stakeholder_user):
    start = _start_links(client, stakeholder_user)
    assert reverse("consultations:index") in start
    assert reverse("library:practice_submit") in start
    assert reverse("meetings:import") not in start
    assert "mine=true" not in start


@pytest.mark.parametrize(
    "name, args, current",
    [
        ("meetings:index", [], "Meetings"),
        ("meetings:tracker", [], "Action tracker"),
        ("consultations:index", [], "Discussion Spaces"),
        ("library:practice_list", [], "Knowledge Platform"),
        ("directory:country_list", [], "Directory"),
        ("framework:index", [], "GCM framework"),
    ],
)
def test_main_nav_marks_the_current_section(client, name, args, current):
    with translation.override("en"):
        text = client.get(reverse(name, args=args)).content.decode()
    nav = text.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert nav.count('aria-current="page"') == 1
    assert f'aria-current="page">{current}</a>' in nav


def test_every_page_links_the_favicon(client, db):
    from pathlib import Path

    from django.contrib.staticfiles import finders

    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/core/favicon.svg" type="image/svg+xml">' in page
    icon = finders.find("core/favicon.svg")
    assert icon and Path(icon).read_text(encoding="utf-8").startswith("<svg")


def test_main_nav_for_the_secretariat_and_in_french(client, secretariat_user, stakeholder_user):
    """The menu is built once per language: French labels and addresses for a French reader;
    "Invite people" only for those who may invite (marked current on its page), "Back office"
    only for staff."""
    client.force_login(stakeholder_user)
    nav = _nav(client.get(reverse("meetings:tracker")).content.decode())
    assert "Invite people" not in nav and "Back office" not in nav
    client.force_login(secretariat_user)
    with translation.override("en"):
        url = reverse("accounts:invitation_create")
    nav = _nav(client.get(url).content.decode())
    assert f'<a href="{url}" aria-current="page">Invite people</a>' in nav
    assert nav.count('aria-current="page"') == 1
    assert ("Back office" in nav) == secretariat_user.is_staff
    with translation.override("fr"):
        french_url = reverse("meetings:tracker")
        french = client.get(french_url).content.decode()
    nav = _nav(french)
    assert french_url.startswith("/fr/")
    assert f'<a href="{french_url}" aria-current="page">' in nav
    assert '<option value="fr" lang="fr" selected>français</option>' in french
    assert "Action tracker" not in nav and "Discussion Spaces" not in nav


def _nav(html: str) -> str:
    return html.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]
