"""Production start on one machine: gunicorn (nethub/gunicorn_conf.py) and the task worker
(`manage.py db_worker`) side by side, plus `manage.py recover_stalled_work` every few minutes.

`make serve` runs it after `collectstatic` and `migrate`. Ctrl-C or SIGTERM stops every process
(gracefully, then by force after GRACE seconds); if one of them exits on its own, the others are
stopped too and this script exits non-zero, so systemd or a container runtime restarts the set.
On several machines run the pieces apart instead (README, "Production").

Environment: HOST, PORT, WEB_CONCURRENCY (gunicorn workers), TASK_WORKERS (db_worker processes,
default 1; none when TASKS_BACKEND=immediate), RECOVER_EVERY (seconds, default 300; 0: never).
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


def commands() -> list[list[str]]:
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    result = [[gunicorn, "-c", "python:nethub.gunicorn_conf", "nethub.wsgi"]]
    debug = os.environ.get("DEBUG", "").lower() in {"1", "true", "yes", "on"}
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


def recover() -> None:
    # A short-lived process: a crash in it never takes the server down.
    subprocess.run(
        [PYTHON, "manage.py", "recover_stalled_work"], cwd=ROOT, check=False,
        start_new_session=True,
    )  # fmt: skip


def main() -> int:
    stopping = []

    def on_signal(signum, frame):
        stopping.append(signum)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    # Own sessions: Ctrl-C reaches this script only, which stops each process in order.
    processes = [
        subprocess.Popen(command, cwd=ROOT, start_new_session=True) for command in commands()
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
                recover()
                next_sweep = time.monotonic() + every
            time.sleep(0.5)
    finally:
        stop(processes)
    return code


if __name__ == "__main__":
    sys.exit(main())
