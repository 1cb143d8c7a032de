"""`make serve`'s supervisor (scripts/serve.py) starts gunicorn and the task worker together,
and SIGTERM stops every one of them."""

import http.client
import os
import signal
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
        if process.poll() is None:
            process.kill()
            process.wait()
