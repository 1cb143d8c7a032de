"""The exports at 500 and at 5,000 rows: do they grow linearly?

    .venv/bin/python bench/exports.py [--backend postgres|sqlite] [--repeat N]
        [--sizes 500,5000,50000] [--only tracker_xlsx,thread_csv]

Builds, on PostgreSQL by default (a fresh database, `BENCH_EXPORTS_DB`, dropped at the end),
action points in meetings of 25 (`bench/pages.py`'s builder), a consultation's comments from
100 organisations (a tenth roots, the rest replies) and calendar events, each with GCM
taggings as the tagger leaves them, first 500 of each and then 5,000. Each export is fetched
whole through Django's test client (streamed bodies read to the end) `--repeat` times and the
fastest is kept: the tracker as CSV, XLSX and iCalendar, the thread as CSV, XLSX and DOCX, and
the calendar feed (which lists at most 500 entries by design, so it should stay flat).
Besides the fastest wall time, each line gives the median CPU time of this process per row
(the app's own work: the test client runs the view here; on PostgreSQL the database's share is
in the wall time only), which the load of other processes moves far less than wall time.

Ends with one line of key=value figures: each export's seconds at the largest size,
max_export_growth (the largest ratio of the wall times between the last two sizes; linear is
their ratio, ~10), max_cpu_per_row_growth (the same for CPU time per row; linear is ~1).
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PG_DB = os.environ.get("BENCH_EXPORTS_DB", "nethub_exports")
SIZES = (500, 5000)

EXPORTS = {
    "tracker_csv": ("/meetings/tracker/export.csv", False),
    "tracker_xlsx": ("/meetings/tracker/export.xlsx", False),
    "tracker_ics": ("/meetings/tracker/export.ics", False),
    "thread_csv": ("/consultations/bench/export/csv?hidden=1", True),
    "thread_xlsx": ("/consultations/bench/export/xlsx?hidden=1", True),
    "thread_docx": ("/consultations/bench/export/docx?hidden=1", True),
    "calendar_feed": ("/calendar/feed.ics?when=all", False),
}


def _tag(model, ids, *, statuses=("confirmed", "suggested")) -> None:
    """One or two GCM objectives on each record, as the tagger and the secretariat leave them."""
    from django.contrib.contenttypes.models import ContentType

    from nethub.framework.models import FrameworkElement, Tagging

    objectives = list(FrameworkElement.objects.filter(kind="objective").order_by("position"))
    content_type = ContentType.objects.get_for_model(model)
    Tagging.objects.bulk_create(
        [
            Tagging(element=objectives[(pk + k) % len(objectives)], content_type=content_type,
                    object_id=pk, status=statuses[k % len(statuses)], score=0.5)
            for pk in ids
            for k in range(1 + pk % 2)
        ],
        ignore_conflicts=True,
    )  # fmt: skip


def _events(start: int, stop: int) -> None:
    from nethub.events.models import Event

    base = datetime.datetime(2024, 1, 1, 9, tzinfo=datetime.UTC)
    Event.objects.bulk_create(
        Event(kind="webinar", title=f"Webinar {i} on labour mobility",
              description="Skills partnerships and regular pathways.",
              starts_at=base + datetime.timedelta(hours=6 * i),
              starts_on=(base + datetime.timedelta(hours=6 * i)).date(),
              place="Geneva" if i % 2 else "")
        for i in range(start, stop)
    )  # fmt: skip


def build(previous: int, target: int) -> None:
    from bench.pages import _meetings, _thread
    from nethub.consultations.models import Comment
    from nethub.meetings.models import ActionPoint

    before_points = set(ActionPoint.objects.values_list("pk", flat=True))
    _meetings(previous // 25, target // 25, 25)
    _tag(ActionPoint, set(ActionPoint.objects.values_list("pk", flat=True)) - before_points)
    before_comments = set(Comment.objects.values_list("pk", flat=True))
    _thread(
        {"comments": previous, "organizations": 100 if previous else 0},
        {"comments": target, "organizations": 100},
    )
    _tag(Comment, set(Comment.objects.values_list("pk", flat=True)) - before_comments)
    _events(previous, target)


def fetch(client, url: str) -> int:
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url}: {response.status_code}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(body)


def measure(label: str, repeat: int, only: list[str]) -> dict[str, dict[str, float]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from nethub.accounts.models import Role, User

    secretariat, _ = User.objects.get_or_create(
        username="bench-secretariat", defaults={"role": Role.SECRETARIAT, "is_staff": True}
    )
    public = Client(HTTP_HOST="127.0.0.1")
    signed_in = Client(HTTP_HOST="127.0.0.1")
    signed_in.force_login(secretariat)
    timings = {}
    for name, (url, private) in EXPORTS.items():
        if only and name not in only:
            continue
        client = signed_in if private else public
        fetch(client, url)  # warms process-wide caches
        walls, cpus = [], []
        for _ in range(repeat):
            started, cpu_started = time.perf_counter(), time.process_time()
            size = fetch(client, url)
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu_started)
        with CaptureQueriesContext(connection) as queries:
            fetch(client, url)
        timings[name] = {"wall": min(walls), "cpu": statistics.median(cpus)}
        rows = int(label)
        print(
            f"  {label} {name}: {min(walls):.3f} s (median {statistics.median(walls):.3f}),"
            f" CPU {timings[name]['cpu']:.3f} s = {timings[name]['cpu'] / rows * 1e6:.0f} µs a"
            f" row, {size / 1024:.0f} KiB, {len(queries)} queries",
            flush=True,
        )
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="postgres", choices=["postgres", "sqlite"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--only", default="", help="comma-separated export names")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    only = [name for name in args.only.split(",") if name]

    workdir = Path(tempfile.mkdtemp(prefix="nethub-bench-exports-"))
    if args.backend == "postgres":
        import psycopg

        with psycopg.connect(PG_SERVER, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {PG_DB}")
        database_url = PG_SERVER.rsplit("/", 1)[0] + f"/{PG_DB}"
    else:
        database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="bench.support.pages_settings",
        MEDIA_ROOT=str(workdir / "media"),
        SEARCH_INDEX_DIR=str(workdir / "search-index"),
        TASKS_BACKEND="database",
        HF_HUB_OFFLINE="1",
    )
    import django

    django.setup()
    from django.core.management import call_command

    from nethub.directory.services import reference_data_load
    from nethub.framework.services import framework_load

    call_command("migrate", verbosity=0)
    reference_data_load()
    framework_load()

    results = {}
    previous = 0
    for size in sizes:
        started = time.perf_counter()
        build(previous, size)
        previous = size
        print(f"{size}: data built in {time.perf_counter() - started:.0f} s", flush=True)
        results[size] = measure(str(size), args.repeat, only)

    small, large = results[sizes[-2]], results[sizes[-1]]
    growth = {name: large[name]["wall"] / small[name]["wall"] for name in large}
    factor = sizes[-1] / sizes[-2]
    cpu_growth = {name: large[name]["cpu"] / small[name]["cpu"] / factor for name in large}
    for name in growth:
        print(
            f"  growth {name}: {growth[name]:.1f}x wall, {cpu_growth[name]:.2f}x CPU a row",
            flush=True,
        )
    if args.backend == "postgres":
        import psycopg
        from django.db import connections

        connections.close_all()
        with psycopg.connect(PG_SERVER, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
    figures = " ".join(f"{name}_{sizes[-1]}_s={large[name]['wall']:.3f}" for name in large)
    print(
        f"max_export_growth={max(growth.values()):.1f} "
        f"max_export_growth_of={max(growth, key=growth.get)} "
        f"max_cpu_per_row_growth={max(cpu_growth.values()):.2f} {figures} backend={args.backend}"
    )


if __name__ == "__main__":
    main()
