from django.urls import reverse


def test_api_search_returns_hits_and_facets(client, corpus):
    response = client.get("/api/search/", {"q": "route-based approach"})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    hit = data["results"][0]
    assert hit["kind"] == "agenda_item"
    assert hit["title"] == "Agenda item: the route-based approach"
    assert "<mark>" in hit["snippet"]
    assert hit["keyword_rank"] == 1
    facets = {facet["name"]: facet for facet in data["facets"]}
    assert {v["value"] for v in facets["objective"]["values"]} == {"7", "23"}


def test_api_filters(client, corpus):
    data = client.get("/api/search/", {"q": "migrant workers fonds", "language": "fr"}).json()
    assert [hit["language"] for hit in data["results"]] == ["fr"]


def test_api_is_read_only(client, corpus):
    assert client.post("/api/search/", {"q": "x"}).status_code in (403, 405)


def test_api_is_documented(client, db):
    schema = client.get(reverse("api:schema")).content.decode()
    assert "/api/search/" in schema
    assert "objective" in schema
