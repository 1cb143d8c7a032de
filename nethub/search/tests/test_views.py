import pytest
from django.template import Context, Template
from django.urls import reverse

from nethub.search.selectors import search


def test_header_search_box_points_to_search(client, db):
    response = client.get("/")
    assert f'action="{reverse("search:index")}"' in response.content.decode()


def test_empty_state_without_query(client, db):
    response = client.get(reverse("search:index"))
    assert response.status_code == 200
    assert "Type a few words" in response.content.decode()


def test_results_page_shows_kinds_snippets_and_facets(client, corpus):
    response = client.get(reverse("search:index"), {"q": "route-based approach"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Agenda item: the route-based approach" in html
    assert '<span class="badge kind-agenda_item">Agenda item</span>' in html
    assert "<mark>route</mark>" in html
    assert "Objective 23" in html
    assert "kind=agenda_item" in html  # facet toggle link


def test_facet_filter_and_toggle_off(client, corpus):
    url = reverse("search:index")
    html = client.get(url, {"q": "migrant workers fonds", "language": "fr"}).content.decode()
    assert "Les envois de fonds" in html
    assert "Remittances and financial inclusion" not in html
    assert 'aria-current="true"' in html
    # The selected value's link removes the filter again.
    assert 'href="?q=migrant+workers+fonds"' in html


def test_nothing_found(client, corpus):
    html = client.get(reverse("search:index"), {"q": "xylophone"}).content.decode()
    assert "Nothing found" in html


def test_query_is_escaped_in_page(client, corpus):
    html = client.get(reverse("search:index"), {"q": "<script>x</script>"}).content.decode()
    assert "<script>x</script>" not in html


def test_pagination(client, index_document):
    for n in range(25):
        index_document(title=f"Paged record {n}", text="pagination subject")
    url = reverse("search:index")
    first = client.get(url, {"q": "pagination"}).content.decode()
    assert "25 results" in first and "Page 1 of 2" in first
    second = client.get(url, {"q": "pagination", "page": 2}).content.decode()
    assert second.count('class="search-result"') == 5


def test_results_page_query_count_is_flat(client, index_document, django_assert_max_num_queries):
    url = reverse("search:index")
    for n in range(3):
        index_document(
            title=f"Flat {n}",
            text="constant",
            organizations=["iom"],
            countries=["mx"],
            regions=["asia"],
        )
    with django_assert_max_num_queries(12) as few:
        client.get(url, {"q": "constant"})
    for n in range(30):
        index_document(
            title=f"Flat more {n}", text="constant", organizations=[f"org{n}"], regions=["africa"]
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url, {"q": "constant"})


def test_more_like_this_page_and_partial(client, corpus):
    ct, oid = corpus["remittances"]
    url = reverse("search:more_like_this", args=[ct, oid])
    assert client.get(url).status_code == 200
    partial = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial


def test_more_like_this_tag(reference_data):
    from nethub.directory.models import Person

    person = Person.objects.create(name="Tag Person")
    html = Template("{% load search_tags %}{% more_like_this person %}").render(
        Context({"person": person})
    )
    assert 'hx-get="/search/similar/' in html
    assert "More like this" in html


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "secretariat"])
def test_everyone_may_search(client, corpus, users_by_role, role):
    if role != "anonymous":
        client.force_login(users_by_role[role])
    assert client.get(reverse("search:index"), {"q": "children"}).status_code == 200


def test_search_selector_semantic_off_by_default_in_tests(corpus):
    assert search(query="children").semantic is False
