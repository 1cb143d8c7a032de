"""Log-in throttling and the password reset pages."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_sixth_failed_log_in_is_locked_out(client, stakeholder_user):
    url = reverse("accounts:login")
    for _ in range(5):
        client.post(url, {"username": stakeholder_user.username, "password": "wrong"})
    # Even the right password is refused now, with the locked-out page.
    response = client.post(
        url, {"username": stakeholder_user.username, "password": "correct-horse-battery"}
    )
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_log_in_works_and_a_failure_says_so(client, stakeholder_user):
    url = reverse("accounts:login")
    failed = client.post(url, {"username": stakeholder_user.username, "password": "wrong"})
    assert failed.status_code == 200 and 'role="alert"' in failed.content.decode()
    response = client.post(
        url, {"username": stakeholder_user.username, "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(stakeholder_user.pk)


def test_password_reset_uses_the_site_pages_and_mail(client, stakeholder_user):
    form = client.get(reverse("accounts:password_reset"))
    text = form.content.decode()
    assert "site-header" in text and "Django administration" not in text
    # A forged Host header does not end up in the link: it is SITE_URL's.
    response = client.post(
        reverse("accounts:password_reset"),
        {"email": stakeholder_user.email},
        HTTP_HOST="localhost",
    )
    assert response["Location"] == reverse("accounts:password_reset_done")
    done = client.get(response["Location"]).content.decode()
    assert "Check your e-mail" in done
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Reset your Network Hub password"
    assert f"{settings.SITE_URL}/accounts/reset/" in mail.outbox[0].body
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    confirm = client.get(link, follow=True)
    assert "Choose a new password" in confirm.content.decode()
    set_url = confirm.redirect_chain[-1][0]
    changed = client.post(
        set_url, {"new_password1": "brand-new-passphrase", "new_password2": "brand-new-passphrase"}
    )
    assert changed["Location"] == reverse("accounts:password_reset_complete")
    assert "Password changed" in client.get(changed["Location"]).content.decode()
    stakeholder_user.refresh_from_db()
    assert stakeholder_user.check_password("brand-new-passphrase")
    assert "no longer valid" in client.get(link).content.decode()
