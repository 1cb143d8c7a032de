"""Start-up and memory of the production server (issue 15, item 6): `scripts/serve.py` started
on a migrated database with the demo loaded, then the seconds until the site answers, the first
search's latency at that moment, the median of the next searches, the time the task worker
takes to re-index one record (embeddings included), and then the memory (RSS, and PSS: a
process's share of the pages it shares) of every process it runs: gunicorn's master and
workers, the embedding service, the task worker.

    DATABASE_URL=postgres://.../db .venv/bin/python bench/serve_start.py [--root PATH] [--runs N]

The database (DATABASE_URL, default a SQLite file in /tmp) is migrated and, when it holds no
search passages, given the demo (`load_demo`, a few minutes) before the runs; static files are
collected into STATIC_ROOT (default /tmp/nethub-bench-serve-static), the servers' log goes to
BENCH_LOG (default /tmp/nethub-bench-serve.log). BENCH_PORT (default 8102),
EMBEDDING_SERVICE_PORT (default 8112), WEB_CONCURRENCY (default 2) and SEARCH_INDEX_DIR are
passed on. `--root` runs another checkout's scripts/serve.py with this virtualenv (the code
before a change). Each run prints one line; the last line gives the median of the runs (the
figures and how they were taken: bench/search.md, "Item 6").
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.support import processes as proc  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8102"))
QUERY = "money+sent+home+by+migrant+workers"
STATIC_ROOT = os.environ.get("STATIC_ROOT", "/tmp/nethub-bench-serve-static")
LOG = os.environ.get("BENCH_LOG", "/tmp/nethub-bench-serve.log")


def _cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def processes(serve_pid: int) -> dict[str, list[int]]:
    """serve.py's processes by role."""
    roles: dict[str, list[int]] = {"master": [], "worker": [], "embedding": [], "tasks": []}
    for pid in proc.children(serve_pid):
        command = _cmdline(pid)
        if "gunicorn" in command:
            roles["master"].append(pid)
            roles["worker"] += proc.children(pid)
        elif "embedding_server" in command:
            roles["embedding"].append(pid)
        elif "db_worker" in command:
            roles["tasks"].append(pid)
    return roles


def _get(path: str, timeout: float = 120) -> bytes:
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=timeout) as answer:
        return answer.read()


INDEX_ONE = """
import time
from nethub.search.models import Passage
from nethub.search.tasks import index_record
passage = Passage.objects.order_by("pk").first()
result = index_record.enqueue(content_type_id=passage.content_type_id, object_id=passage.object_id)
while not result.is_finished:
    time.sleep(0.2)
    result.refresh()
print(result.status)
"""


def _index_one_record(root: Path, env: dict) -> float:
    """Seconds for the task worker to re-index one record (its embeddings included), enqueued
    as a save enqueues it, so that the task worker's memory is read after it has embedded."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", INDEX_ONE], cwd=root, env=env,
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if "SUCCESSFUL" not in done.stdout:
        raise SystemExit(f"index task: {done.stdout} {done.stderr[-2000:]}")
    return round(time.perf_counter() - started, 1)


def prepare(root: Path, env: dict) -> None:
    """Migrate, the demo when there are no passages yet, static files."""
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=root, env=env, check=True)
    check = "from nethub.search.models import Passage; print(Passage.objects.exists())"
    found = subprocess.run([*manage, "shell", "-c", check], cwd=root, env=env, check=True,
                           capture_output=True, text=True)  # fmt: skip
    if found.stdout.strip() != "True":
        demo = dict(env, TASKS_BACKEND="immediate", DEMO_PASSWORD="bench-" + "d" * 12)
        subprocess.run([*manage, "load_demo"], cwd=root, env=demo, check=True)
    collect = [*manage, "collectstatic", "--noinput", "-v0"]
    subprocess.run(collect, cwd=root, env=env, check=True)


def one_run(root: Path, log) -> dict:
    env = dict(
        os.environ,
        HOST="127.0.0.1",
        PORT=str(PORT),
        WEB_CONCURRENCY=os.environ.get("WEB_CONCURRENCY", "2"),
        EMBEDDING_SERVICE_PORT=os.environ.get("EMBEDDING_SERVICE_PORT", "8112"),
        SECRET_KEY="bench-only-secret-" + "x" * 40,
        STATIC_ROOT=STATIC_ROOT,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SEARCH_SEMANTIC="1",
        RECOVER_EVERY="0",
    )
    for name in ("DEBUG", "DJANGO_SETTINGS_MODULE", "TASKS_BACKEND", "EMBEDDING_SERVICE_URL"):
        env.pop(name, None)
    started = time.perf_counter()
    serve = subprocess.Popen(
        [sys.executable, "scripts/serve.py"], cwd=root, env=env,
        stdout=subprocess.DEVNULL, stderr=log,
    )  # fmt: skip
    try:
        while True:
            if serve.poll() is not None:
                raise SystemExit(f"serve.py exited ({serve.returncode})")
            try:
                _get("/health/", timeout=2)
                break
            except (OSError, urllib.error.URLError):
                time.sleep(0.1)
        answering = time.perf_counter() - started
        t = time.perf_counter()
        _get(f"/search/?q={QUERY}")
        first = time.perf_counter() - t
        times = []
        for _ in range(10):
            t = time.perf_counter()
            _get(f"/search/?q={QUERY}")
            times.append(time.perf_counter() - t)
        hits = json.loads(_get(f"/api/search/?q={QUERY}"))["results"]
        semantic = sum(1 for hit in hits if hit["semantic_rank"])
        task_s = _index_one_record(root, env)
        roles = processes(serve.pid)
        memory = {role: [proc.memory(pid) for pid in pids] for role, pids in roles.items()}
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=90)
    figures = {
        "answering_after_start_s": round(answering, 1),
        "first_search_ms": round(first * 1000),
        "first_search_after_start_s": round(answering + first, 1),
        "next_search_median_ms": round(statistics.median(times) * 1000),
        "semantic_hits": semantic,
        "index_task_s": task_s,
    }
    for role, values in memory.items():
        if values:
            figures[f"{role}_rss_mb"] = "/".join(f"{rss:.0f}" for rss, _ in values)
            figures[f"{role}_pss_mb"] = "/".join(f"{pss:.0f}" for _, pss in values)
    total = sum(rss for values in memory.values() for rss, _ in values)
    figures["total_rss_mb"] = round(total)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to serve")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root = args.root.resolve()
    env = dict(os.environ, STATIC_ROOT=STATIC_ROOT, SECRET_KEY="bench-only-secret-" + "x" * 40)
    env.setdefault("DATABASE_URL", "sqlite:////tmp/nethub-bench-serve.sqlite3")
    os.environ["DATABASE_URL"] = env["DATABASE_URL"]
    env.pop("DEBUG", None)
    prepare(root, env)
    runs = []
    for _ in range(args.runs):
        with open(LOG, "a") as log:
            figures = one_run(root, log)
        runs.append(figures)
        print(" ".join(f"{key}={value}" for key, value in figures.items()), flush=True)
    summary = {
        key: statistics.median(run[key] for run in runs)
        for key in ("answering_after_start_s", "first_search_ms", "first_search_after_start_s",
                    "next_search_median_ms", "total_rss_mb")
    }  # fmt: skip
    for key in runs[-1]:
        summary.setdefault(key, runs[-1][key])
    summary["runs"] = len(runs)
    print(" ".join(f"{key}={value}" for key, value in summary.items()))


if __name__ == "__main__":
    main()
