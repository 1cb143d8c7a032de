"""Workers load the embedding model before they serve (gunicorn's post_worker_init hook)."""

import importlib
import logging

import pytest

from nethub.search import embeddings


class Worker:
    """What gunicorn hands the hook: the worker's pid, log and heartbeat."""

    def __init__(self):
        self.pid = 4242
        self.log = logging.getLogger("gunicorn.error")
        self.beats = 0

    def notify(self):
        self.beats += 1


@pytest.mark.model
@pytest.mark.django_db
def test_the_gunicorn_hook_loads_the_model_before_the_worker_serves(settings):
    settings.SEARCH_SEMANTIC = True
    config = importlib.import_module("nethub.gunicorn_conf")
    embeddings._model = None
    config.post_worker_init(Worker())
    assert embeddings._model is not None
    vector = embeddings.encode(["migrant workers recruitment fees"])
    assert vector.shape == (1, embeddings.DIMENSIONS)


@pytest.mark.django_db
def test_with_semantic_search_off_the_hook_loads_nothing(settings):
    settings.SEARCH_SEMANTIC = False
    config = importlib.import_module("nethub.gunicorn_conf")
    loaded, embeddings._model = embeddings._model, None
    try:
        config.post_worker_init(Worker())
        assert embeddings._model is None
    finally:
        embeddings._model = loaded


def test_the_request_timeout_is_short_and_warm_up_is_bounded_apart():
    config = importlib.import_module("nethub.gunicorn_conf")
    assert config.timeout <= 120 and config.WARMUP_LIMIT >= 60
    assert config.workers >= 1 and not getattr(config, "preload_app", False)
