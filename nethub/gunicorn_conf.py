"""gunicorn settings for production: `gunicorn -c python:nethub.gunicorn_conf nethub.wsgi`
(`make serve` uses it through `scripts/serve.py`).

Each worker gets ready *before* it accepts a request (`post_worker_init`): it reads the URLs
(every view and the libraries they use), opens the vector index and, with EMBEDDING_SERVICE_URL
(what scripts/serve.py sets), waits for the machine's embedding service to answer; without it,
it loads the embedding model itself. While it waits, the worker keeps telling the master it is
alive, so the request `timeout` can stay short; the warm-up is given up to
`NETHUB_WARMUP_LIMIT` seconds. The model is never loaded in the master to be shared by forking
(`preload_app`): torch's thread pools are not safe to fork, hence the service. Everything can be
set from the environment; gunicorn's own flags still win.
"""

from __future__ import annotations

import os
import threading

bind = os.environ.get("GUNICORN_BIND", f"{os.environ.get('HOST', '127.0.0.1')}:"
                      f"{os.environ.get('PORT', '8000')}")  # fmt: skip
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# A request that takes longer is cut; the model's loading does not count (see above).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then (memory kept by parsers of large uploads); jitter so they do
# not all restart and warm up at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
# Behind a proxy on the same machine; set FORWARDED_ALLOW_IPS to the proxy's address otherwise.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket sits at one path per user: two servers on a machine would clash.
control_socket_disable = True

WARMUP_LIMIT = float(os.environ.get("NETHUB_WARMUP_LIMIT", "300"))


def _keep_alive(worker, done: threading.Event) -> None:
    """Tell the master the worker lives while it loads, up to WARMUP_LIMIT seconds."""
    waited = 0.0
    while not done.wait(1.0) and waited < WARMUP_LIMIT:
        worker.notify()
        waited += 1.0


def post_worker_init(worker) -> None:
    """Runs in the worker after the Django app is loaded and before its first request."""
    from django.conf import settings
    from django.urls import get_resolver

    from nethub.search.warmup import warm_up

    # Django reads the URLs, and so imports every view and the libraries they use (openpyxl,
    # python-docx...), on a worker's first request: a few seconds that no reader should wait.
    get_resolver().url_patterns  # noqa: B018
    done = threading.Event()
    beat = threading.Thread(target=_keep_alive, args=(worker, done), daemon=True)
    beat.start()
    try:
        loaded = warm_up(limit=WARMUP_LIMIT)
    finally:
        done.set()
        beat.join()
    where = "off"
    if loaded:
        where = "embedding service" if settings.EMBEDDING_SERVICE_URL else "loaded here"
    worker.log.info("worker %s ready (search model: %s)", worker.pid, where)
