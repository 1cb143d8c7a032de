"""The search warm-up: the development server loads the model before the first search."""

import pytest

from nethub.search import embeddings
from nethub.search.warmup import is_serving_process, warm_up, warm_up_on_start


def test_only_the_process_that_serves_warms_up():
    assert is_serving_process(["manage.py", "runserver"], {"RUN_MAIN": "true"})
    assert is_serving_process(["manage.py", "runserver", "--noreload"], {})
    # The reloader's parent only watches files: no model there.
    assert not is_serving_process(["manage.py", "runserver"], {})


def test_no_warm_up_unless_asked(monkeypatch):
    monkeypatch.delenv("SEARCH_WARM_UP", raising=False)
    assert warm_up_on_start() is None


def test_without_semantic_search_nothing_is_loaded(settings):
    settings.SEARCH_SEMANTIC = False
    loaded = embeddings._model
    warm_up()
    assert embeddings._model is loaded


@pytest.mark.model
@pytest.mark.django_db(transaction=True)
def test_the_server_warms_up_in_the_background(settings, monkeypatch):
    settings.SEARCH_SEMANTIC = True
    monkeypatch.setenv("SEARCH_WARM_UP", "1")
    monkeypatch.setenv("RUN_MAIN", "true")
    thread = warm_up_on_start()
    assert thread is not None
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert embeddings._model is not None
