"""`make serve`'s supervisor (scripts/serve.py) starts gunicorn, the task worker and (with
semantic search) the embedding service together, and SIGTERM stops every one of them."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PORT = int(os.environ.get("NETHUB_TEST_SERVE_PORT", "8111"))


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return "<defunct>" not in _cmdline(pid) and bool(_cmdline(pid))


def _stop(process: subprocess.Popen) -> None:
    """After a failed assertion: serve.py stops its processes (they run in their own sessions,
    so killing it alone would leave them serving)."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def environment(tmp_path):
    drop = {"DEBUG", "DJANGO_SETTINGS_MODULE", "NETHUB_COMMAND_LINE", "TASKS_BACKEND"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        SECRET_KEY="serve-test-secret-" + "s" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
        SEARCH_INDEX_DIR=str(tmp_path / "index"),
        SEARCH_SEMANTIC="0",
        HOST="127.0.0.1",
        PORT=str(PORT),
        WEB_CONCURRENCY="1",
    )
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert migrate.returncode == 0, migrate.stderr
    return env


def test_serve_runs_gunicorn_and_the_task_worker_and_sigterm_stops_both(environment):
    process = subprocess.Popen(
        [sys.executable, "scripts/serve.py"], cwd=ROOT, env=environment,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        answer = None
        for _ in range(120):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
                connection.request("GET", "/health/")
                answer = connection.getresponse()
                break
            except OSError:
                time.sleep(0.5)
        assert answer is not None and answer.status == 200
        # The queue is the database one: /health/ reads it, and a worker is there to run it.
        assert b'"tasks": "ok"' in answer.read()
        children = _children(process.pid)
        commands = [_cmdline(pid) for pid in children]
        assert any("gunicorn" in c and "nethub.gunicorn_conf" in c for c in commands), commands
        assert any("db_worker" in c for c in commands), commands
        descendants = children + [p for c in children for p in _children(c)]
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in descendants) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(pid) for pid in descendants)
    finally:
        _stop(process)


def _mapped(pid: int, library: str) -> bool:
    try:
        return library in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


@pytest.mark.model
def test_with_semantic_search_one_embedding_service_holds_the_model_for_every_worker(environment):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        embedding_port = probe.getsockname()[1]
    environment.update(SEARCH_SEMANTIC="1", WEB_CONCURRENCY="2",
                       EMBEDDING_SERVICE_PORT=str(embedding_port))  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "scripts/serve.py"], cwd=ROOT, env=environment,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        answer = None
        for _ in range(600):  # the workers serve once the service has loaded the model
            try:
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
                connection.request("GET", "/api/search/?q=remittances")
                answer = connection.getresponse()
                break
            except OSError:
                time.sleep(0.5)
        assert answer is not None and answer.status == 200
        children = _children(process.pid)
        service = [pid for pid in children if "embedding_server" in _cmdline(pid)]
        assert len(service) == 1, [_cmdline(pid) for pid in children]
        assert _mapped(service[0], "libtorch")
        master = next(pid for pid in children if "gunicorn" in _cmdline(pid))
        workers = _children(master)
        assert len(workers) == 2
        # The workers (and the task worker) call the service: torch is not even loaded there.
        for pid in [*workers, *(p for p in children if "db_worker" in _cmdline(p))]:
            assert not _mapped(pid, "libtorch"), _cmdline(pid)
            environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
            assert f"EMBEDDING_SERVICE_URL=http://127.0.0.1:{embedding_port}".encode() in environ
        descendants = children + [p for c in children for p in _children(c)]
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=90) == 0
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in descendants) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(pid) for pid in descendants)
    finally:
        _stop(process)
