"""The embedding service (`manage.py embedding_server`) as a real process with the real model,
called over HTTP by `embeddings.encode` as app servers and task workers call it."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from nethub.search import embeddings, selectors
from nethub.search.embedding_service import MAX_TEXTS, Encoder
from nethub.search.warmup import warm_up

ROOT = Path(__file__).resolve().parents[3]

TEXTS = [
    f"{subject} in {place}, {year}"
    for subject in (
        "Remittances sent home by migrant workers",
        "Alternatives to immigration detention for children",
        "Fair recruitment and the fees workers pay",
        "Climate change and displacement",
        "Consular assistance to nationals abroad",
    )
    for place in ("Mexico", "the Sahel", "South-East Asia")
    for year in (2021, 2024, 2026)
]  # 45 texts: more than one request of SERVICE_BATCH


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def service():
    """A real embedding server on a free port; its URL once it answers."""
    port = free_port()
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="nethub.settings.base",
        SECRET_KEY="embedding-service-test-" + "s" * 40,
        SEARCH_SEMANTIC="1",
    )
    env.pop("EMBEDDING_SERVICE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "manage.py", "embedding_server", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        ready = embeddings.service_ready(url, timeout=300)
        if not ready:
            process.kill()
            pytest.fail(f"the service did not start: {process.communicate()[0][-2000:]!r}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def via_service(settings, service):
    """encode() through the service, never in this process (no fallback)."""
    settings.EMBEDDING_SERVICE_URL = service
    settings.EMBEDDING_SERVICE_FALLBACK = "error"
    return service


def _post(url: str, body: bytes, path: str = "/encode"):
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=120)
    try:
        connection.request("POST", path, body=body, headers={"Content-Type": "application/json"})
        answer = connection.getresponse()
        return answer.status, dict(answer.headers), answer.read()
    finally:
        connection.close()


@pytest.mark.model
def test_the_service_gives_the_vectors_of_the_model_in_this_process(via_service):
    remote = embeddings.encode(TEXTS)
    local = embeddings.local_encode(TEXTS)
    assert remote.shape == local.shape == (len(TEXTS), embeddings.DIMENSIONS)
    assert remote.dtype == np.float32
    cosines = np.sum(remote * local, axis=1)
    assert cosines.min() > 0.9999, cosines.min()
    # Each text kept its place: its vector is nearest its own local vector.
    assert (np.argmax(remote @ local.T, axis=1) == np.arange(len(TEXTS))).all()


@pytest.mark.model
def test_a_text_far_longer_than_the_model_reads_gets_the_same_vector(via_service):
    text = "Les envois de fonds des travailleurs migrants réduisent la pauvreté. " * 5000
    assert len(text) > embeddings.MAX_TEXT_CHARS
    remote, local = embeddings.encode([text]), embeddings.local_encode([text])
    assert float(remote[0] @ local[0]) > 0.9999


@pytest.mark.model
def test_the_service_answers_a_batch_as_raw_float32(service):
    status, headers, data = _post(service, json.dumps({"texts": TEXTS * 2}).encode())
    assert status == 200
    assert headers["X-Embedding-Shape"] == f"{2 * len(TEXTS)},384"
    vectors = np.frombuffer(data, dtype="<f4").reshape(2 * len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert np.allclose(vectors[: len(TEXTS)], vectors[len(TEXTS) :], atol=1e-5)


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        (b"texts=remittances", 400, "must be JSON"),
        (b'{"texts": "remittances"}', 400, "list of strings"),
        (b'{"texts": ["remittances", 42]}', 400, "list of strings"),
        (b'{"text": ["remittances"]}', 400, "list of strings"),
        (json.dumps({"texts": ["a"] * (MAX_TEXTS + 1)}).encode(), 413, f"at most {MAX_TEXTS}"),
    ],
)
def test_a_bad_request_gets_a_clear_error(service, body, status, says):
    answer_status, headers, data = _post(service, body)
    assert answer_status == status
    assert headers["Content-Type"] == "application/json"
    assert says in json.loads(data)["error"]


@pytest.mark.model
def test_an_unknown_path_is_a_404_and_the_client_says_what_the_service_answered(service):
    status, _headers, data = _post(service, b'{"texts": []}', path="/vectors")
    assert status == 404 and "POST /encode" in json.loads(data)["error"]
    with pytest.raises(embeddings.EmbeddingServiceError, match="answered 404"):
        embeddings.service_encode(service + "/wrong-prefix", ["remittances"], timeout=10)


@pytest.mark.model
@pytest.mark.django_db
def test_a_gunicorn_worker_warms_up_without_loading_the_model(via_service, settings):
    settings.SEARCH_SEMANTIC = True
    loaded, embeddings._model = embeddings._model, None
    try:
        assert warm_up(limit=60)
        assert embeddings._model is None
        assert embeddings.encode(["remittances"]).shape == (1, 384)
        assert embeddings._model is None
    finally:
        embeddings._model = loaded


def test_the_client_times_out_cleanly_when_nothing_listens(settings):
    settings.EMBEDDING_SERVICE_URL = f"http://127.0.0.1:{free_port()}"
    settings.EMBEDDING_SERVICE_FALLBACK = "error"
    started = time.monotonic()
    with pytest.raises(embeddings.EmbeddingServiceError, match="refused connections for 1 s"):
        embeddings.encode(["remittances"], timeout=1.0)
    assert 0.7 < time.monotonic() - started < 5


def test_the_client_times_out_cleanly_when_the_service_hangs(settings):
    """A service that accepts the connection and never answers (stuck, or overloaded)."""
    with socket.socket() as hung:
        hung.bind(("127.0.0.1", 0))
        hung.listen(8)
        settings.EMBEDDING_SERVICE_URL = f"http://127.0.0.1:{hung.getsockname()[1]}"
        settings.EMBEDDING_SERVICE_FALLBACK = "error"
        started = time.monotonic()
        with pytest.raises(embeddings.EmbeddingServiceError, match="did not answer within 1 s"):
            embeddings.encode(["remittances"], timeout=1.0)
        assert 0.7 < time.monotonic() - started < 5
        assert not embeddings.service_ready(settings.EMBEDDING_SERVICE_URL, timeout=0.5)


@pytest.mark.model
def test_with_the_local_fallback_a_dead_service_means_encoding_here(settings, monkeypatch):
    settings.EMBEDDING_SERVICE_URL = f"http://127.0.0.1:{free_port()}"
    settings.EMBEDDING_SERVICE_FALLBACK = "local"
    monkeypatch.setattr(embeddings, "_service_down_until", 0.0)
    vectors = embeddings.encode(["remittances"], timeout=0.5)
    assert vectors.shape == (1, 384)
    # The service is not asked again at once: the next call does not wait for it.
    started = time.monotonic()
    embeddings.encode(["remittances"], timeout=5.0)
    assert time.monotonic() - started < 2


@pytest.mark.model
@pytest.mark.django_db
def test_search_answers_by_keyword_while_the_service_is_down(via_service, settings, index_document):
    settings.SEARCH_SEMANTIC = True
    index_document(  # embedded through the service
        title="Remittances and financial inclusion",
        text="Migrant workers send remittances home.\n\nLower transfer costs help families.",
    )
    index_document(title="Children on the move", text="Protection of children on the move.")
    found = selectors.search(query="money sent home to families")
    assert found.semantic
    assert [hit.passage.title for hit in found.hits if hit.semantic_rank][:1] == [
        "Remittances and financial inclusion"
    ]
    settings.EMBEDDING_SERVICE_URL = f"http://127.0.0.1:{free_port()}"
    results = selectors.search(query="remittances")
    assert not results.semantic
    assert [hit.passage.title for hit in results.hits] == ["Remittances and financial inclusion"]


def test_small_requests_are_encoded_before_large_ones_already_waiting():
    order: list[int] = []
    release = threading.Event()

    def encode(texts):
        release.wait(10)
        order.append(len(texts))
        return np.zeros((len(texts), 384), dtype=np.float32)

    encoder = Encoder(encode)
    threads = [threading.Thread(target=encoder.encode, args=(["busy"],))]
    threads[0].start()
    time.sleep(0.2)  # the encoder thread is now busy with it
    for size in (100, 1):
        threads.append(threading.Thread(target=encoder.encode, args=(["x"] * size,)))
        threads[-1].start()
        time.sleep(0.2)
    release.set()
    for thread in threads:
        thread.join(10)
    assert order == [1, 1, 100]
