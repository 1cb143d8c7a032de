"""The API: public read of published comments, posting by rule."""

import pytest
from rest_framework.test import APIClient

from nethub.consultations.tests.factories import comment, consultation_in


@pytest.mark.django_db
def test_public_read_hides_hidden_and_post_by_rule(stakeholder_user):
    open_ = consultation_in("open")
    closed = consultation_in("closed")
    comment(open_, body="visible")
    hidden = comment(open_, body="secret")
    hidden.status = "hidden"
    hidden.save()
    client = APIClient()
    data = client.get("/api/consultation-comments/", {"consultation": open_.pk}).json()
    assert [c["body"] for c in data["results"]] == ["<p>visible</p>"]
    assert client.get(f"/api/consultations/{open_.slug}/").json()["phase"] == "open"
    post = {"consultation": open_.pk, "body": "<script>x</script>Hello"}
    assert client.post("/api/consultation-comments/", post).status_code == 403
    client.force_authenticate(stakeholder_user)
    response = client.post("/api/consultation-comments/", post)
    assert response.status_code == 201, response.content
    assert response.json()["body"] == "Hello"  # the script and its content are gone
    assert response.json()["organization"] == "Test Migrant Rights Network"
    late = client.post("/api/consultation-comments/", {"consultation": closed.pk, "body": "x"})
    assert late.status_code == 403
