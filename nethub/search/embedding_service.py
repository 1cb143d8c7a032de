"""The machine's embedding service: one process holds the sentence-embedding model and encodes
for every gunicorn worker and task worker (`manage.py embedding_server`, started by
scripts/serve.py), so the model is in memory once per machine, not once per worker. Its client
is `embeddings.encode` with EMBEDDING_SERVICE_URL set.

HTTP, by default on 127.0.0.1 (no authentication: never reachable beyond the machine or a
private network):

- `GET /health`: 200 `{"status": "ok", "model": ..., "dimensions": 384}`.
- `POST /encode` with `{"texts": ["...", ...]}` (at most MAX_TEXTS): 200, the vectors as raw
  little-endian float32, one row of 384 per text, in order (`X-Embedding-Shape: n,384`); a bad
  request gets 400, 404, 405, 411 or 413 with `{"error": "..."}`.

The socket listens before the model loads, so what arrives meanwhile waits in the backlog and is
answered once it is loaded. One thread encodes, a request at a time (torch spreads one request
over the cores itself), small ones (a search query) before large ones (a task's passages).
"""

from __future__ import annotations

import itertools
import json
import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np

from nethub.search import embeddings

logger = logging.getLogger(__name__)

MAX_TEXTS = 256
MAX_BODY = 8 * 1024 * 1024
# Requests of at most this many texts (search queries) go before the others.
SMALL = 4


@dataclass
class _Job:
    texts: list[str]
    done: threading.Event = field(default_factory=threading.Event)
    result: np.ndarray | None = None
    error: BaseException | None = None


class Encoder:
    """One thread runs `encode` on the jobs, smallest first, then arrival order."""

    def __init__(self, encode=embeddings.local_encode):
        self._encode = encode
        self._jobs: queue.PriorityQueue = queue.PriorityQueue()
        self._order = itertools.count()
        threading.Thread(target=self._run, name="encoder", daemon=True).start()

    def encode(self, texts: list[str]) -> np.ndarray:
        job = _Job(list(texts))
        self._jobs.put((0 if len(texts) <= SMALL else 1, next(self._order), job))
        job.done.wait()
        if job.error is not None:
            raise job.error
        return job.result

    def _run(self) -> None:
        while True:
            _priority, _order, job = self._jobs.get()
            try:
                job.result = self._encode(job.texts)
            except Exception as error:  # handed to the request that asked, which answers 500
                job.error = error
            finally:
                job.done.set()


class BadRequest(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def parse_texts(body: bytes) -> list[str]:
    """The texts of an /encode body, or BadRequest saying what is wrong with it."""
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise BadRequest(400, 'the body must be JSON: {"texts": ["...", ...]}') from None
    texts = payload.get("texts") if isinstance(payload, dict) else None
    if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
        raise BadRequest(400, '"texts" must be a list of strings')
    if len(texts) > MAX_TEXTS:
        raise BadRequest(413, f"at most {MAX_TEXTS} texts per request, not {len(texts)}")
    return texts


class Handler(BaseHTTPRequestHandler):
    server_version = "nethub-embeddings"

    def do_GET(self) -> None:
        if self.path.rstrip("/") != "/health":
            return self._json(404, {"error": "use POST /encode or GET /health"})
        self._json(200, {"status": "ok", "model": "all-MiniLM-L6-v2", "dimensions": 384})

    def do_POST(self) -> None:
        try:
            texts = parse_texts(self._body())
        except BadRequest as error:
            return self._json(error.status, {"error": str(error)})
        try:
            vectors = self.server.encoder.encode(texts)
        except Exception:
            logger.exception("encoding %d texts failed", len(texts))
            return self._json(500, {"error": "encoding failed (see the service's log)"})
        data = np.ascontiguousarray(vectors, dtype="<f4").tobytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Embedding-Shape", f"{len(texts)},{embeddings.DIMENSIONS}")
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> bytes:
        if self.path.rstrip("/") != "/encode":
            raise BadRequest(404, "use POST /encode or GET /health")
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise BadRequest(411, "Content-Length is required") from None
        if length > MAX_BODY:
            raise BadRequest(413, f"the body is over {MAX_BODY} bytes")
        return self.rfile.read(length)

    def _json(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_PUT(self) -> None:
        self._json(405, {"error": "use POST /encode or GET /health"})

    do_DELETE = do_PATCH = do_PUT

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's name)
        logger.debug("%s " + format, self.address_string(), *args)


class EmbeddingServer(ThreadingHTTPServer):
    # What arrives while the model loads waits here (the default backlog is 5).
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], encoder: Encoder | None = None):
        super().__init__(address, Handler)
        self.encoder = encoder or Encoder()


def serve(server: EmbeddingServer) -> None:
    """Load the model and encode once (torch's first call is slow too) while the socket already
    listens, then answer until interrupted (SIGINT, or SIGTERM turned into SystemExit by the
    command)."""
    started = time.perf_counter()
    server.encoder.encode(["warm-up"])
    host, port = server.server_address[:2]
    logger.info(
        "embedding service on http://%s:%d, model loaded in %.1f s",
        host, port, time.perf_counter() - started,
    )  # fmt: skip
    try:
        server.serve_forever(poll_interval=0.5)
    finally:
        server.server_close()
