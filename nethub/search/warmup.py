"""Loading what the first search needs before anyone searches: the embedding model and the
nearest-neighbour index take seconds each, which the first reader would otherwise wait for."""

from __future__ import annotations

import logging
import os
import sys
import threading

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)


def warm_up() -> None:
    """Load the model and open the vector index in this process (nothing without semantic
    search). Safe to call more than once: both are loaded once per process."""
    if not settings.SEARCH_SEMANTIC:
        return
    from nethub.search import embeddings, vectors

    embeddings.encode(["warm-up"])
    vectors.index()


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
