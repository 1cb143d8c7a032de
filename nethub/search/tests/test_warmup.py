"""The search warm-up: gunicorn workers load the embedding model before they serve
(post_worker_init in nethub/gunicorn_conf.py); the development server in the background."""

import importlib
import logging
import os
import subprocess
import sys

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


def test_the_hook_loads_the_views_and_the_export_libraries_before_the_first_request():
    """In a fresh process, as a new worker: Django reads the URLs (every view, and openpyxl,
    python-docx and icalendar with core's export helper) on a first request unless the hook
    has; openpyxl alone took longer to import than a 500-row XLSX takes to write."""
    code = (
        "import sys\n"
        "import django\n"
        "django.setup()\n"
        "from nethub import gunicorn_conf\n"
        "from nethub.search.tests.test_warmup import Worker\n"
        "print(sorted(name for name in LOADED if name in sys.modules))\n"
        "gunicorn_conf.post_worker_init(Worker())\n"
        "print(sorted(name for name in LOADED if name in sys.modules))\n"
    ).replace("LOADED", repr(("docx", "icalendar", "nethub.meetings.views", "openpyxl")))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "nethub.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.splitlines()[-2:]
    assert "openpyxl" not in before and "nethub.meetings.views" not in before
    assert after == "['docx', 'icalendar', 'nethub.meetings.views', 'openpyxl']"
