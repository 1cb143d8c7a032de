"""Loading what the first search needs before anyone searches: the embedding model (or the
embedding service's answer) and the nearest-neighbour index take seconds each, which the first
reader would otherwise wait for.

Two callers: gunicorn's `post_worker_init` (nethub/gunicorn_conf.py) calls `warm_up` before a
worker accepts its first request; the development server (`make run`, SEARCH_WARM_UP=1) calls it
in a background thread through `warm_up_on_start`."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)


def warm_up(*, limit: float = 300) -> bool:
    """Make the first search fast, then open the vector index. With EMBEDDING_SERVICE_URL, wait
    (up to `limit` seconds) for the embedding service to answer: no model in this process.
    Without, load the model and run one encoding (torch's first call is slow too). False when
    semantic search is off (SEARCH_SEMANTIC=0): nothing is loaded. Safe to call more than once.
    A database that is not there yet only leaves the index for the first search."""
    if not settings.SEARCH_SEMANTIC:
        return False
    from nethub.search import embeddings, vectors

    started = time.perf_counter()
    url = embeddings.service_url()
    if not url:
        embeddings.encode(["warm-up"])
        logger.info("search model loaded in %.1f s", time.perf_counter() - started)
    elif embeddings.service_ready(url, timeout=limit):
        logger.info("embedding service answered in %.1f s", time.perf_counter() - started)
    else:
        # Not fatal: searches answer by keyword (or load the model, EMBEDDING_SERVICE_FALLBACK)
        # until the service is up.
        logger.error("embedding service at %s not ready after %.0f s", url, limit)
    try:
        vectors.index()
    except DatabaseError as error:
        logger.warning("vector index not opened before serving: %s", error)
    return True


def _warm_up_quietly() -> None:
    try:
        warm_up()
        logger.info("Search is warm: the embedding model and the vector index are loaded.")
    except Exception:  # a failed warm-up only means the first search loads them itself
        logger.exception("Search warm-up failed; the first search will load the model.")
    finally:
        connections.close_all()  # this thread's own connections


def is_serving_process(argv: list[str], environ) -> bool:
    """True in the process that answers requests: runserver's child (RUN_MAIN), or runserver
    without the reloader; never the reloader's parent, which only watches files."""
    return environ.get("RUN_MAIN") == "true" or "--noreload" in argv


def warm_up_on_start() -> threading.Thread | None:
    """With SEARCH_WARM_UP=1 (what `make run` sets on the development server), warm up in a
    background thread so the server answers at once and the first search does not wait."""
    if os.environ.get("SEARCH_WARM_UP") != "1" or not is_serving_process(sys.argv, os.environ):
        return None
    thread = threading.Thread(target=_warm_up_quietly, name="search-warm-up", daemon=True)
    thread.start()
    return thread
