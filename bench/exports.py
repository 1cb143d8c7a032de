"""The exports at 500 and at 5,000 rows: do they grow linearly?

    .venv/bin/python bench/exports.py [--backend postgres|sqlite] [--repeat N]

Builds, on PostgreSQL by default (a fresh database, `BENCH_EXPORTS_DB`, dropped at the end),
action points in meetings of 25 (`bench/pages.py`'s builder), a consultation's comments from
100 organisations (a tenth roots, the rest replies) and calendar events, each with GCM
taggings as the tagger leaves them, first 500 of each and then 5,000. Each export is fetched
whole through Django's test client (streamed bodies read to the end) `--repeat` times and the
fastest is kept: the tracker as CSV, XLSX and iCalendar, the thread as CSV, XLSX and DOCX, and
the calendar feed (which lists at most 500 entries by design, so it should stay flat).

Ends with one line of key=value figures: each export's seconds at 5,000, max_export_growth
(the largest ratio 5,000/500; linear is ~10) and tracker_csv_5000_s.
"""

from __future__ import annotations

import argparse
import datetime
import os
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


def measure(label: str, repeat: int) -> dict[str, float]:
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
        client = signed_in if private else public
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            size = fetch(client, url)
            best = min(best, time.perf_counter() - started)
        with CaptureQueriesContext(connection) as queries:
            fetch(client, url)
        timings[name] = best
        print(
            f"  {label} {name}: {best:.3f} s, {size / 1024:.0f} KiB, {len(queries)} queries",
            flush=True,
        )
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="postgres", choices=["postgres", "sqlite"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

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
    for size in SIZES:
        started = time.perf_counter()
        build(previous, size)
        previous = size
        print(f"{size}: data built in {time.perf_counter() - started:.0f} s", flush=True)
        results[size] = measure(str(size), args.repeat)

    small, large = results[SIZES[0]], results[SIZES[1]]
    growth = {name: large[name] / small[name] for name in large}
    for name in growth:
        print(f"  growth {name}: {growth[name]:.1f}x", flush=True)
    if args.backend == "postgres":
        import psycopg
        from django.db import connections

        connections.close_all()
        with psycopg.connect(PG_SERVER, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
    figures = " ".join(f"{name}_5000_s={large[name]:.3f}" for name in large)
    print(
        f"max_export_growth={max(growth.values()):.1f} "
        f"max_export_growth_of={max(growth, key=growth.get)} {figures} backend={args.backend}"
    )


if __name__ == "__main__":
    main()
