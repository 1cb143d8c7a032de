"""Production start on one machine: the embedding service (`manage.py embedding_server`, the one
process holding the search model), gunicorn (nethub/gunicorn_conf.py) and the task worker
(`manage.py db_worker`) side by side, plus `manage.py recover_stalled_work` every few minutes.

`make serve` runs it after `collectstatic` and `migrate`. Ctrl-C or SIGTERM stops every process
(gracefully, then by force after GRACE seconds); if one of them exits on its own, the others are
stopped too and this script exits non-zero, so systemd or a container runtime restarts the set.
On several machines run the pieces apart instead (README, "Production").

The embedding service starts first and listens at once; gunicorn's workers and the task worker
start beside it and call it (EMBEDDING_SERVICE_URL, set for them here), the workers waiting for
its model before they serve. It is stopped last, after the processes that call it.

Environment: HOST, PORT, WEB_CONCURRENCY (gunicorn workers), TASK_WORKERS (db_worker processes,
default 1; none when TASKS_BACKEND=immediate), RECOVER_EVERY (seconds, default 300; 0: never),
EMBEDDING_SERVICE_PORT (default 8001, on 127.0.0.1). No service is started when
EMBEDDING_SERVICE_URL is already set (one run elsewhere is used), when SEARCH_SEMANTIC=0, or with
EMBEDDING_SERVICE=0 (each process then loads the model itself, as before the service).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GRACE = 30
ON = {"1", "true", "yes", "on"}


def embedding_service(environ) -> tuple[list[str], str] | None:
    """The service's command and address, when this script is to start one."""
    if environ.get("EMBEDDING_SERVICE_URL"):
        return None
    if environ.get("SEARCH_SEMANTIC", "1").lower() not in ON:
        return None
    if environ.get("EMBEDDING_SERVICE", "1").lower() not in ON:
        return None
    port = environ.get("EMBEDDING_SERVICE_PORT", "8001")
    command = [PYTHON, "manage.py", "embedding_server", "--host", "127.0.0.1", "--port", port]
    return command, f"http://127.0.0.1:{port}"


def commands() -> list[list[str]]:
    """gunicorn, then the task workers."""
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    result = [[gunicorn, "-c", "python:nethub.gunicorn_conf", "nethub.wsgi"]]
    debug = os.environ.get("DEBUG", "").lower() in ON
    backend = os.environ.get("TASKS_BACKEND") or ("immediate" if debug else "database")
    if backend == "database":
        for number in range(int(os.environ.get("TASK_WORKERS", "1"))):
            result.append(
                [PYTHON, "manage.py", "db_worker", "--no-reload", "--worker-id",
                 f"{os.uname().nodename}-{os.getpid()}-{number}"]
            )  # fmt: skip
    return result


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + GRACE
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def recover(env) -> None:
    # A short-lived process: a crash in it never takes the server down.
    subprocess.run(
        [PYTHON, "manage.py", "recover_stalled_work"], cwd=ROOT, env=env, check=False,
        start_new_session=True,
    )  # fmt: skip


def main() -> int:
    stopping = []

    def on_signal(signum, frame):
        stopping.append(signum)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    # Own sessions: Ctrl-C reaches this script only, which stops each process in order.
    env = dict(os.environ)
    service = []
    if started := embedding_service(env):
        command, env["EMBEDDING_SERVICE_URL"] = started
        service = [subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)]
    processes = service + [
        subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        for command in commands()
    ]
    every = float(os.environ.get("RECOVER_EVERY", "300"))
    next_sweep = time.monotonic() + every
    code = 0
    try:
        while not stopping:
            ended = [p for p in processes if p.poll() is not None]
            if ended:
                print(f"serve: {ended[0].args[0]} exited ({ended[0].returncode}); stopping",
                      file=sys.stderr)  # fmt: skip
                code = ended[0].returncode or 1
                break
            if every and time.monotonic() >= next_sweep:
                recover(env)
                next_sweep = time.monotonic() + every
            time.sleep(0.5)
    finally:
        stop(processes[len(service) :])
        stop(service)
    return code


if __name__ == "__main__":
    sys.exit(main())
