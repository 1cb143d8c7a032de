import pytest

from nethub.search import selectors
from nethub.search.keyword import keyword_search
from nethub.search.models import Passage
from nethub.search.snippets import highlight


def _titles(results):
    return [hit.title for hit in results.hits]


def test_keyword_search_stems(corpus):
    # "remittance" finds "Remittances" (Porter on SQLite, english config on PostgreSQL).
    results = selectors.search(query="remittance")
    assert _titles(results) == ["Remittances and financial inclusion"]


def test_all_terms_rank_first_then_any_term(corpus):
    results = selectors.search(query="route-based approach")
    assert _titles(results)[0] == "Agenda item: the route-based approach"
    results = selectors.search(query="children protection zebra")
    assert _titles(results) == ["Children on the move"]  # no record has all three words


def test_title_outranks_body(index_document):
    index_document(title="Other subject", text="A note mentioning labour mobility once.")
    index_document(title="Labour mobility", text="Pathways for workers.")
    assert _titles(selectors.search(query="labour mobility"))[0] == "Labour mobility"


def test_one_hit_per_record_with_best_passage(index_document):
    text = "\n\n".join(
        [" ".join(["filler"] * 140), "Decent work for domestic workers. " + "x " * 100]
    )
    index_document(title="Long report", text=text)
    results = selectors.search(query="domestic workers")
    assert len(results.hits) == 1
    assert "<mark>domestic</mark>" in results.hits[0].snippet
    assert results.hits[0].passage.position == 1


def test_facets_count_records_and_filters_narrow(corpus):
    results = selectors.search(query="migrant workers remittances fonds")
    facets = {facet.name: facet for facet in results.facets}
    kinds = {v.value: v.count for v in facets["kind"].values}
    assert kinds == {"document": 2}
    languages = {v.value: v.count for v in facets["language"].values}
    assert languages == {"en": 1, "fr": 1}
    filtered = selectors.search(
        query="migrant workers remittances fonds", filters={"language": ["fr"]}
    )
    assert _titles(filtered) == ["Les envois de fonds des travailleurs migrants"]
    selected = {f.name: [v for v in f.values if v.selected] for f in filtered.facets}
    assert selected["language"][0].value == "fr"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"organization": ["unhcr"]}, ["Agenda item: the route-based approach"]),
        ({"objective": ["23"]}, ["Agenda item: the route-based approach"]),
        ({"objective": ["2"]}, []),  # "|2|" must not match "|23|"
        ({"kind": ["comment"]}, ["Children on the move"]),
        ({"year": ["2024"], "kind": ["agenda_item", "comment"]}, None),
        ({"country": ["MX"]}, []),
    ],
)
def test_filters(corpus, filters, expected):
    results = selectors.search(query="route children approach move", filters=filters)
    if expected is None:
        assert set(_titles(results)) == {
            "Agenda item: the route-based approach",
            "Children on the move",
        }
    else:
        assert _titles(results) == expected


def test_facet_labels_are_readable(corpus, reference_data):
    results = selectors.search(query="route-based approach")
    facets = {facet.name: facet for facet in results.facets}
    assert {v.label for v in facets["objective"].values} == {"Objective 7", "Objective 23"}
    assert {v.label for v in facets["kind"].values} == {"Agenda item"}


def test_french_keywords_find_french_document(corpus):
    results = selectors.search(query="travailleurs migrants")
    assert _titles(results)[0] == "Les envois de fonds des travailleurs migrants"


def test_empty_and_nonsense_queries(corpus):
    assert selectors.search(query="").hits == []
    assert selectors.search(query="   ").hits == []
    assert selectors.search(query='"*() OR NEAR( -').hits == []
    assert selectors.search(query="zzzzqqq").hits == []


def test_snippet_escapes_html_and_marks_terms():
    snippet = highlight('<script>alert("x")</script> Remittances & <b>costs</b>', "remittance cost")
    assert "<script>" not in snippet and "<b>" not in snippet
    assert "&lt;script&gt;" in snippet
    assert "<mark>Remittances</mark>" in snippet
    assert "<mark>costs</mark>" in snippet


def test_snippet_centres_on_first_match():
    text = " ".join(f"w{i}" for i in range(200)) + " needle " + " ".join(f"v{i}" for i in range(50))
    snippet = highlight(text, "needle", words=20)
    assert snippet.startswith("… ")
    assert "<mark>needle</mark>" in snippet
    assert "w0 " not in snippet


def test_query_html_is_not_injected(index_document):
    index_document(title="Plain", text="mark this word")
    hit = selectors.search(query="<img src=x onerror=alert(1)> mark").hits[0]
    assert "<img" not in hit.snippet


def test_hidden_records_never_appear(index_document):
    from nethub.search import services

    ct, oid = index_document(title="Secret draft", text="confidential wording")
    assert _titles(selectors.search(query="confidential"))
    services.record_unindex(content_type_id=ct, object_id=oid)
    assert selectors.search(query="confidential").hits == []


def test_more_like_this_without_embeddings_uses_title_words(corpus):
    ct, oid = corpus["remittances"]
    similar = selectors.more_like_this(content_type_id=ct, object_id=oid)
    assert all(hit.passage.record_key != (ct, oid) for hit in similar)


def test_keyword_search_limit(index_document):
    for n in range(5):
        index_document(title=f"Record {n}", text="shared term")
    assert len(keyword_search("shared", limit=3)) == 3
    assert Passage.objects.count() == 5


def test_filter_by_hyphenated_slug_and_region(index_document):
    index_document(
        title="Coalition statement",
        text="statement on labour rights",
        organizations=["demo-migrant-rights-coalition"],
        regions=["western-africa"],
    )
    index_document(title="Other statement", text="statement on labour rights")
    filtered = selectors.search(
        query="labour rights",
        filters={"organization": ["demo-migrant-rights-coalition"], "region": ["western-africa"]},
    )
    assert _titles(filtered) == ["Coalition statement"]
    assert "zz" not in filtered.hits[0].snippet  # facet words stay out of what people read
