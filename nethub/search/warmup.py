"""Load what the first search would load (the embedding model, the vector index) before a
process serves, so no request pays for it or times out on it (gunicorn's `post_worker_init`
in `nethub/gunicorn_conf.py` calls `warm_up`)."""

from __future__ import annotations

import logging
import time

from django.db import DatabaseError

from nethub.search.services import semantic_enabled

logger = logging.getLogger(__name__)


def warm_up() -> bool:
    """Load the model and run one encoding (torch's first call is slow too), then open the
    vector index from its snapshot. False when semantic search is off (SEARCH_SEMANTIC=0):
    nothing is loaded. A database that is not there yet only leaves the index for later."""
    if not semantic_enabled():
        return False
    from nethub.search import embeddings, vectors

    started = time.perf_counter()
    embeddings.encode(["warm up"])
    try:
        vectors.index()
    except DatabaseError as error:
        logger.warning("vector index not opened before serving: %s", error)
    logger.info("search model loaded in %.1f s", time.perf_counter() - started)
    return True
