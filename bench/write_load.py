"""Concurrent writers against the production start, with a gunicorn worker killed mid-run.

Starts `scripts/serve.py` (what `make serve` runs: gunicorn with nethub/gunicorn_conf.py and the
task worker) on PostgreSQL in its own database, then `--clients` writers (default 50) write for
`--seconds` (default 60): even-numbered clients post comments through the API
(`/api/consultation-comments/`), odd-numbered ones change the status of one of ten action points
through the tracker's htmx form, all with session cookies and CSRF tokens as a browser sends
them. Every write carries a unique marker. Half-way through, one gunicorn worker is killed with
SIGKILL; the master starts another (which loads the search model before it serves).

At the end the writes the client saw confirmed (201 / 200) are compared with the rows in the
database: lost = confirmed but absent, duplicated = a marker stored more than once. Requests cut by
the kill are counted apart (their outcome is unknown to the client; how many of them were stored
anyway is reported). Ends with one line of key=value figures.

    .venv/bin/python bench/write_load.py [--seconds 15] [--clients 50] [--port 8101]
        [--database nethub_writeload] [--no-semantic]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432/postgres")
ACTION_POINTS = 10


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8101")))
    parser.add_argument("--database", default="nethub_writeload")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (make serve: 2)")
    parser.add_argument("--kill-at", type=float, default=0.5, help="fraction of the run")
    parser.add_argument(
        "--no-semantic", action="store_true", help="SEARCH_SEMANTIC=0 (no model loaded)"
    )
    return parser.parse_args()


def prepare_database(name: str, workdir: Path, port: int, semantic: bool) -> dict:
    import psycopg

    with psycopg.connect(PG_SERVER, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")
    env = dict(
        os.environ,
        DATABASE_URL=PG_SERVER.rsplit("/", 1)[0] + f"/{name}",
        DJANGO_SETTINGS_MODULE="nethub.settings.base",
        SECRET_KEY="bench-only-secret-key-not-for-production-" + "x" * 20,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        # Throttling is measured elsewhere (test_hostile_edge); here every write must land.
        API_THROTTLE_USER="1000000/minute",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        SEARCH_INDEX_DIR=str(workdir / "search-index"),
        SEARCH_SEMANTIC="1" if semantic else "0",
        HOST="127.0.0.1",
        PORT=str(port),
        LOG_LEVEL="WARNING",
        HF_HUB_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
        PYTHONPATH=str(ROOT),
    )
    env.pop("DEBUG", None)
    env.pop("TASKS_BACKEND", None)  # the production default: the database queue
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    return env


def make_writers(clients: int, port: int) -> list[dict]:
    """One signed-in session per client: stakeholders comment, the secretariat changes status."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from nethub.accounts.models import Role, User
    from nethub.consultations.models import Consultation
    from nethub.directory.services import organization_create
    from nethub.meetings.models import ActionPoint, AgendaItem, Meeting, MeetingSeries

    now = timezone.now()
    consultation = Consultation.objects.create(
        title="Write load",
        slug="write-load",
        opens_at=now - timezone.timedelta(days=1),
        closes_at=now + timezone.timedelta(days=30),
    )
    series = MeetingSeries.objects.create(name="Write load", slug="write-load", kind="other")
    meeting = Meeting.objects.create(series=series, title="Write load meeting", date=now.date())
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="Load")
    points = [
        ActionPoint.objects.create(meeting=meeting, agenda_item=item, text=f"Point {n}.")
        for n in range(ACTION_POINTS)
    ]
    secretariat_org = organization_create(name="Write Load Secretariat", kind="un_entity")
    writers = []
    for number in range(clients):
        if number % 2:
            user = User.objects.create_user(
                username=f"wl_secretariat_{number}", role=Role.SECRETARIAT,
                organization=secretariat_org,
            )  # fmt: skip
        else:
            org = organization_create(
                name=f"Write Load Organisation {number}", kind="ngo", is_network_member=True
            )
            user = User.objects.create_user(
                username=f"wl_member_{number}", role=Role.STAKEHOLDER, organization=org
            )
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        token = f"{number:032d}"
        headers = {
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}; csrftoken={token}",
            "X-CSRFToken": token,
            "Referer": f"http://127.0.0.1:{port}/",
        }
        writers.append(
            {"number": number, "headers": headers, "consultation": consultation.pk,
             "points": [p.pk for p in points]}
        )  # fmt: skip
    return writers


def serve(env: dict, port: int, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve.py")],
        cwd=ROOT, env={**env, "WEB_CONCURRENCY": str(workers), "RECOVER_EVERY": "0"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/health/")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    stop(process)
    raise SystemExit("the server did not start")


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def children(pid: int) -> list[int]:
    result = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in result.stdout.split()]


def gunicorn_workers(serve_pid: int) -> list[int]:
    for child in children(serve_pid):
        cmdline = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
        if b"gunicorn" in cmdline:
            return children(child)
    return []


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.confirmed: list[str] = []
        self.in_doubt: list[str] = []
        self.latencies: list[float] = []
        self.statuses = Counter()
        self.cut = 0

    def add(self, marker, status, latency):
        with self.lock:
            self.statuses[status] += 1
            if status in (200, 201):
                self.confirmed.append(marker)
                self.latencies.append(latency)


def write_once(connection, writer, index) -> tuple[str, int]:
    number = writer["number"]
    marker = f"wl-{number}-{index}"
    if number % 2 == 0:
        body = json.dumps({"consultation": writer["consultation"], "body": f"<p>{marker}</p>"})
        headers = {**writer["headers"], "Content-Type": "application/json"}
        connection.request("POST", "/api/consultation-comments/", body=body, headers=headers)
    else:
        point = writer["points"][index % ACTION_POINTS]
        status = ("open", "in_progress", "done")[(number + index) % 3]
        body = f"status={status}&comment={marker}"
        headers = {**writer["headers"], "HX-Request": "true",
                   "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip
        connection.request("POST", f"/meetings/action-points/{point}/status/", body=body,
                           headers=headers)  # fmt: skip
    response = connection.getresponse()
    response.read()
    return marker, response.status


def run_writer(writer, port, deadline, tally: Tally) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    index = 0
    while time.monotonic() < deadline:
        started = time.perf_counter()
        marker = f"wl-{writer['number']}-{index}"
        try:
            marker, status = write_once(connection, writer, index)
            tally.add(marker, status, (time.perf_counter() - started) * 1000)
        except (OSError, http.client.HTTPException):
            # The worker serving this connection died: the write may or may not be stored.
            with tally.lock:
                tally.cut += 1
                tally.in_doubt.append(marker)
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        index += 1
    connection.close()


def stored_markers() -> Counter:
    from nethub.consultations.models import Comment
    from nethub.core.models import AuditEvent

    found = Counter()
    for text in Comment.objects.filter(text__startswith="wl-").values_list("text", flat=True):
        found[text.strip()] += 1
    for comment in AuditEvent.objects.filter(comment__startswith="wl-").values_list(
        "comment", flat=True
    ):
        found[comment] += 1
    return found


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> int:
    args = parse_args()
    import tempfile

    workdir = Path(tempfile.mkdtemp(prefix="nethub-bench-writes-"))
    env = prepare_database(args.database, workdir, args.port, not args.no_semantic)
    writers = make_writers(args.clients, args.port)
    started = time.perf_counter()
    server = serve(env, args.port, args.workers)
    print(f"server ready in {time.perf_counter() - started:.1f} s "
          f"(search model {'on' if not args.no_semantic else 'off'})", flush=True)  # fmt: skip
    tally = Tally()
    killed = []
    try:
        deadline = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=run_writer, args=(w, args.port, deadline, tally))
            for w in writers
        ]
        for thread in threads:
            thread.start()
        time.sleep(args.seconds * args.kill_at)
        victims = gunicorn_workers(server.pid)
        if victims:
            os.kill(victims[0], signal.SIGKILL)
            killed.append(victims[0])
            print(f"killed gunicorn worker {victims[0]} (kill -9) at "
                  f"{args.seconds * args.kill_at:.0f} s", flush=True)  # fmt: skip
        for thread in threads:
            thread.join()
        after = gunicorn_workers(server.pid)
    finally:
        stop(server)
    found = stored_markers()
    confirmed = set(tally.confirmed)
    lost = sorted(m for m in confirmed if found[m] == 0)
    duplicated = sorted(m for m, n in found.items() if n > 1)
    doubt_stored = sum(1 for m in tally.in_doubt if found[m])
    unexpected = sorted(m for m in found if m not in confirmed and m not in tally.in_doubt)
    server_errors = sum(n for status, n in tally.statuses.items() if status >= 500)
    other = {s: n for s, n in tally.statuses.items() if s not in (200, 201)}
    p50, p95 = percentile(tally.latencies, 0.5), percentile(tally.latencies, 0.95)
    print(f"statuses: {dict(tally.statuses)}; connections cut by the kill: {tally.cut} "
          f"({doubt_stored} of those writes stored); workers after the run: {len(after)}",
          flush=True)  # fmt: skip
    if lost:
        print(f"LOST: {lost[:20]}")
    if duplicated:
        print(f"DUPLICATED: {duplicated[:20]}")
    if unexpected:
        print(f"STORED WITHOUT A REQUEST: {unexpected[:20]}")
    if other:
        print(f"non-success answers: {other}")
    print(
        f"clients={args.clients} seconds={args.seconds:g} confirmed={len(confirmed)} "
        f"stored={sum(found.values())} lost={len(lost)} duplicated={len(duplicated)} "
        f"server_errors={server_errors} cut_by_kill={tally.cut} cut_stored={doubt_stored} "
        f"killed_workers={len(killed)} writes_per_s={len(confirmed) / args.seconds:.1f} "
        f"p50_ms={p50:.0f} p95_ms={p95:.0f}",
        flush=True,
    )
    return 0 if not lost and not duplicated and not server_errors else 1


if __name__ == "__main__":
    sys.exit(main())
