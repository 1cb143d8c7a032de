"""The heavy pages against a bare Django view, served the same way in the same run, at one tenth
of the network's real scale and at full scale.

    .venv/bin/python bench/pages.py [--backend postgres|sqlite] [--seconds S] [--clients N]
        [--rounds R] [--pages a,b] [--scales 0.1,1]

Full scale: 5,000 action points in 200 meetings (each with its import checked), a 2,000-comment
consultation from 100 organisations, 10,000 library documents, 42,000 search passages, the
fund's 2,000 programmes and 10,000 contributions (passage vectors: real embeddings and variants
of them, `bench/support/search_corpus.py`). The tenth is built first and measured; the rest is
added and everything is measured again. After each build the tables are analysed (`ANALYZE`),
as autovacuum does after a bulk load.

The app runs under gunicorn (2 workers, as `make serve`) with `bench/support/pages_settings.py`:
production settings over plain HTTP on 127.0.0.1, plus `/bench-bare/`, a view that returns
"ok". Pages and the bare view are measured in interleaved windows, `--clients` keep-alive
connections each: bare, page 1, bare, page 2, ..., bare, and the whole sequence `--rounds`
times. A page window's ratio is its throughput over the mean of the two bare windows beside it
(the machine's load at that moment); the page's ratio, p50 and p95 are the medians over the
rounds, and growth is the ratio of the median p50s. Query counts come from Django's test
client in this process. Exports are fetched whole, round-robin, `--export-rounds` times each;
each one's time is the median. Writes: action point status changes by the secretariat from all
clients at once, against reads of the same action point's page.

Ends with one line of key=value figures: min_page_ratio (the lowest ratio of any heavy page,
full scale), max_page_growth (the largest p50 growth from a tenth to full scale),
max_page_growth_vs_bare (the largest fall of a page's ratio to the bare view from a tenth to
full scale: growth with the machine's load between the two phases divided out),
max_export_growth, write_read_p95_ratio, hybrid_growth, and the query-count growth.

Smaller checks: `--pages tracker,thread` measures only those pages, `--scales 0.01,0.1` builds
and measures other scales (the first and last are compared).
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.support import search_corpus  # noqa: E402

PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PG_DB = os.environ.get("BENCH_PG_DB", "nethub_bench_pages")
PORT = int(os.environ.get("BENCH_PORT", "8199"))
FULL = {"meetings": 200, "points_per_meeting": 25, "comments": 2000, "organizations": 100,
        "documents": 10_000, "passages": 42_000,
        "programmes": 2_000, "contributions": 10_000}  # fmt: skip


# Data ---------------------------------------------------------------------------------------


def _scaled(scale: float) -> dict[str, int]:
    scaled = {key: max(1, int(value * scale)) for key, value in FULL.items()}
    scaled["points_per_meeting"] = FULL["points_per_meeting"]  # more meetings, same size
    return scaled


def build(previous: dict[str, int] | None, target: dict[str, int]) -> None:
    """Add records until the database holds `target` (it already holds `previous`)."""
    previous = previous or dict.fromkeys(FULL, 0)
    _meetings(previous["meetings"], target["meetings"], target["points_per_meeting"])
    _thread(previous, target)
    _documents(previous["documents"], target["documents"])
    _passages(previous["passages"], target["passages"])
    _fund(previous, target)


def _fund(previous: dict[str, int], target: dict[str, int]) -> None:
    """The Migration MPTF: programmes at every stage with countries, contributions over four
    years (the same bulk records as the fund's query-count test)."""
    from nethub.fund.tests.test_views import _bulk

    _bulk(
        programmes=target["programmes"] - previous["programmes"],
        contributions=target["contributions"] - previous["contributions"],
    )


def _meetings(start: int, stop: int, per_meeting: int) -> None:
    from nethub.directory.models import Organization
    from nethub.meetings.models import ActionPoint, AgendaItem, Meeting, MeetingSeries

    series, _ = MeetingSeries.objects.get_or_create(name="EC Principals", slug="ec-principals")
    owners = list(Organization.objects.filter(kind="un_entity").order_by("pk")[:20])
    today = datetime.date.today()
    meetings = Meeting.objects.bulk_create(
        Meeting(series=series, title=f"Executive Committee meeting {i}",
                date=datetime.date(2015, 1, 1) + datetime.timedelta(days=7 * i))
        for i in range(start, stop)
    )  # fmt: skip
    items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=m, position=j, title=f"Item {j}", discussion="Discussed.")
        for m in meetings
        for j in range(5)
    )
    statuses = ["open", "in_progress", "done", "open", "dropped"]
    ActionPoint.objects.bulk_create(
        ActionPoint(meeting=item.meeting, agenda_item=item, position=k,
                    text=f"Prepare a note on regular pathways, number {k}",
                    owner_organization=owners[k % len(owners)],
                    due_date=today + datetime.timedelta(days=(k % 90) - 45),
                    status=statuses[k % len(statuses)])
        for item in items
        for k in range(per_meeting // 5)
    )  # fmt: skip
    _import_outcomes(meetings)


def _import_outcomes(meetings) -> None:
    """Each meeting's import checked: four kinds of row counted, three rules."""
    from nethub.meetings.models import ImportOutcome, ImportOutcomeRule, ImportOutcomeSection

    outcomes = ImportOutcome.objects.bulk_create(
        ImportOutcome(meeting=m, filename=f"summary-{m.pk}.docx") for m in meetings
    )
    ImportOutcomeSection.objects.bulk_create(
        ImportOutcomeSection(outcome=o, section=section, extracted=10, kept=8, corrected=2,
                             removed=2, added=3, from_text=1)
        for o in outcomes
        for section in ("participants", "agenda_items", "decisions", "action_points")
    )  # fmt: skip
    ImportOutcomeRule.objects.bulk_create(
        ImportOutcomeRule(outcome=o, section="action_points", rule=rule, kept=3, removed=1)
        for o in outcomes
        for rule in ("inline_action_label", "listed_point", "learned_action")
    )


def _thread(previous: dict[str, int], target: dict[str, int]) -> None:
    from nethub.consultations.asks import find_asks
    from nethub.consultations.models import Comment, Consultation
    from nethub.consultations.tests.factories import consultation_in
    from nethub.directory.services import organization_create

    consultation = Consultation.objects.filter(slug="bench").first() or consultation_in(
        "open", slug="bench"
    )
    organizations = [
        organization_create(name=f"Bench organisation {i}", kind=("ngo", "trade_union")[i % 2])
        for i in range(previous["organizations"], target["organizations"])
    ]
    from nethub.directory.models import Organization

    organizations = list(Organization.objects.filter(name__startswith="Bench organisation"))
    wanted = target["comments"] - previous["comments"]
    new_roots = Comment.objects.bulk_create(
        Comment(consultation=consultation, organization=organizations[i % len(organizations)],
                body="<p>We ask the network to add a priority on regular pathways.</p>",
                text="We ask the network to add a priority on regular pathways.",
                # as Comment.save() and the importer store them (bulk_create skips save())
                asks=find_asks("We ask the network to add a priority on regular pathways."))
        for i in range(max(1, wanted // 10))
    )  # fmt: skip
    # Each new thread gets its replies (about nine), as a consultation grows by new threads:
    # spread over every root, the first page would show 380 comments at full scale against
    # 200 at a tenth, and its growth would measure the page's size, not the data's.
    Comment.objects.bulk_create(
        Comment(consultation=consultation, organization=organizations[i % len(organizations)],
                parent=new_roots[i % len(new_roots)], body="<p>We support this.</p>",
                text="We support this.", asks=[])
        for i in range(wanted - len(new_roots))
    )  # fmt: skip


def _documents(start: int, stop: int) -> None:
    from nethub.library.models import Document

    Document.objects.bulk_create(
        Document(title=f"Policy brief {i} on labour mobility", kind="policy_brief",
                 status="ready", language="en", text="Labour mobility and skills. " * 40,
                 date=datetime.date(2018, 1, 1) + datetime.timedelta(days=i % 2000))
        for i in range(start, stop)
    )  # fmt: skip


def _passages(start: int, stop: int) -> None:
    """Passages with the search benches' vectors (bench/support/search_corpus.py)."""
    from django.contrib.contenttypes.models import ContentType

    from nethub.library.models import Document
    from nethub.search import embeddings, services
    from nethub.search.models import Passage

    content_type_id = ContentType.objects.get_for_model(Document).pk
    ids = list(Document.objects.order_by("pk").values_list("pk", flat=True))
    batch = []
    for i, vector in zip(
        range(start, stop), search_corpus.passage_vectors(start, stop), strict=True
    ):
        batch.append(
            Passage(content_type_id=content_type_id, object_id=ids[i % len(ids)],
                    position=i // len(ids), kind="document", title=f"Policy brief {i}",
                    text="Labour migration, regular pathways and skills partnerships " * 3,
                    url="/", language="en", year=2018 + i % 7,
                    embedding=embeddings.to_bytes(vector))
        )  # fmt: skip
        if len(batch) == 2000:
            services._store(batch)
            batch = []
    if batch:
        services._store(batch)
    services._version_bump()


def _analyze() -> None:
    """Table statistics for the planner, as autovacuum gathers them after a bulk load in any
    deployment with PostgreSQL's defaults. The bench's server runs with autovacuum off: without
    this, every query is planned for empty tables (the tracker's owner counts sorted 3,000 rows
    on a JSON column; the search page's queries took about 80 ms instead of 10)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


# Serving and measuring ----------------------------------------------------------------------


def serve(env: dict) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "nethub.wsgi", "--bind", f"127.0.0.1:{PORT}",
         "--workers", "2", "--timeout", "120"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    for _ in range(120):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            connection.request("GET", "/bench-bare/")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("gunicorn did not start")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _request(connection, method: str, url: str, headers: dict, body: str | None = None) -> int:
    connection.request(method, url, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status


def load(url: str, *, seconds: float, clients: int, headers=None, method="GET", body=None):
    """Requests per second and latencies (ms) of `url` from `clients` keep-alive clients."""
    latencies: list[float] = []
    errors = []
    deadline = time.perf_counter() + seconds
    lock = threading.Lock()

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        mine = []
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            status = _request(connection, method, url, headers or {}, body)
            mine.append((time.perf_counter() - started) * 1000)
            if status >= 400:
                errors.append(status)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise SystemExit(f"{url}: {len(errors)} errors, e.g. {errors[0]}")
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p95": latencies[int(len(latencies) * 0.95) - 1] if len(latencies) > 1 else latencies[0],
    }


def timed_download(url: str, headers: dict) -> float:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=300)
    started = time.perf_counter()
    status = _request(connection, "GET", url, headers)
    if status != 200:
        raise SystemExit(f"{url}: {status}")
    return time.perf_counter() - started


def query_count(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url}: {response.status_code} in the test client")
    return len(queries)


def session_headers(user) -> dict:
    """Cookies of a signed-in session and a CSRF token, as a browser would send them."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    token = "b" * 32
    return {
        "Cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}; csrftoken={token}",
        "X-CSRFToken": token,
        "Referer": f"http://127.0.0.1:{PORT}/",
    }


def pages(objects: dict) -> dict[str, tuple[str, bool]]:
    """Heavy page -> (URL, needs the secretariat's session)."""
    return {
        "tracker": ("/meetings/tracker/", False),
        "tracker_open": ("/meetings/tracker/?status=open&sort=-due", False),
        "tracker_last_page": ("/meetings/tracker/?page=last", False),
        "meeting": (f"/meetings/{objects['meeting']}/", False),
        "meeting_list": ("/meetings/", False),
        "import_outcomes": ("/meetings/import/outcomes/", True),
        "thread": ("/consultations/bench/", False),
        "thread_last_page": ("/consultations/bench/?page=last", False),
        "synthesis": ("/consultations/bench/synthesis/", True),
        "library": ("/library/", False),
        "objective": ("/framework/objective/3/", False),
        "directory": ("/directory/", False),
        "organization": (f"/directory/organisations/{objects['organization']}/", False),
        "search": ("/search/?q=labour+mobility+skills", False),
        "home": ("/", True),
        "fund_dashboard": ("/fund/", False),
        "reviews_dashboard": ("/reviews/dashboard/", False),
        "fund_secretariat": ("/fund/secretariat/?on=2021-06-30", True),
        "fund_programmes": ("/fund/programmes/", True),
    }


EXPORTS = {
    "tracker_csv": ("/meetings/tracker/export.csv", False),
    "tracker_xlsx": ("/meetings/tracker/export.xlsx", False),
    "thread_csv": ("/consultations/bench/export/csv", True),
    "thread_xlsx": ("/consultations/bench/export/xlsx", True),
}


def interleaved(urls: dict, args, private_headers: dict) -> tuple[dict, float]:
    """Each page of `urls` in `args.rounds` windows, every window between two windows of the
    bare view: the figures of each page (medians over the rounds) and the bare view's median
    throughput. A window's ratio is against the mean of its two bare neighbours, so that load
    from other processes, which moves by the minute, moves both sides of the ratio."""
    bare: list[float] = []
    windows: dict[str, list[dict]] = {name: [] for name in urls}

    def bare_window() -> float:
        bare.append(load("/bench-bare/", seconds=args.bare_seconds, clients=args.clients)["rps"])
        return bare[-1]

    after = bare_window()
    for _round in range(args.rounds):
        for name, (url, private) in urls.items():
            before = after
            figures = load(
                url, seconds=args.seconds, clients=args.clients,
                headers=private_headers if private else {},
            )  # fmt: skip
            after = bare_window()
            figures["ratio"] = figures["rps"] / ((before + after) / 2)
            windows[name].append(figures)
    pages = {}
    for name, measured in windows.items():
        pages[name] = {
            key: statistics.median(window[key] for window in measured)
            for key in ("rps", "ratio", "p50", "p95")
        }
        pages[name]["ratios"] = [window["ratio"] for window in measured]
    return pages, statistics.median(bare)


def timed_exports(label: str, args, secretariat_headers: dict, rows: dict[str, int]) -> dict:
    """Each export's median time over `args.export_rounds` downloads, taken round-robin so a
    burst of load falls on every export rather than on all the downloads of one."""
    times: dict[str, list[float]] = {name: [] for name in EXPORTS}
    for _round in range(args.export_rounds):
        for name, (url, private) in EXPORTS.items():
            times[name].append(timed_download(url, secretariat_headers if private else {}))
    result = {}
    for name, measured in times.items():
        result[name] = statistics.median(measured)
        count = rows[name.split("_")[0]]
        print(
            f"  {label} export {name}: {result[name]:.3f} s (median of {len(measured)},"
            f" {min(measured):.3f}-{max(measured):.3f}), {count} rows,"
            f" {count / result[name]:,.0f} rows/s",
            flush=True,
        )
    return result


def measure(label: str, args, objects: dict, secretariat_headers: dict, env: dict) -> dict:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    signed_in = Client(HTTP_HOST="127.0.0.1")
    signed_in.force_login(objects["secretariat"])
    urls = {
        name: page
        for name, page in pages(objects).items()
        if not args.pages or name in args.pages.split(",")
    }
    result = {}
    process = serve(env)
    try:
        for url in ("/bench-bare/", "/search/?q=warm"):  # load the model in both workers
            load(url, seconds=2, clients=args.clients)
        for url, private in urls.values():  # templates and caches in both workers
            load(url, seconds=0.5, clients=2, headers=secretariat_headers if private else {})
        started = time.perf_counter()
        result["pages"], result["bare_rps"] = interleaved(urls, args, secretariat_headers)
        print(
            f"  {label}: {args.rounds} rounds in {time.perf_counter() - started:.0f} s,"
            f" bare view {result['bare_rps']:.0f} req/s (median)",
            flush=True,
        )
        for name, (url, private) in urls.items():
            figures = result["pages"][name]
            figures["queries"] = query_count(signed_in if private else client, url)
            ratios = "/".join(f"{ratio:.1%}" for ratio in figures["ratios"])
            print(
                f"  {label} {name}: {figures['rps']:.1f} req/s ({figures['ratio']:.1%} of bare;"
                f" rounds {ratios}) p50 {figures['p50']:.0f} ms p95 {figures['p95']:.0f} ms,"
                f" {figures['queries']} queries",
                flush=True,
            )
        result["exports"] = timed_exports(label, args, secretariat_headers, objects["rows"])
        point_url = f"/meetings/action-points/{objects['action_point']}/"
        read = load(point_url, seconds=args.write_seconds, clients=args.clients)
        write_headers = {**secretariat_headers,
                         "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip
        write = load(
            f"{point_url}status/", seconds=args.write_seconds, clients=args.clients,
            headers=write_headers, method="POST", body="status=in_progress&comment=bench",
        )  # fmt: skip
        result["write_read_p95_ratio"] = write["p95"] / read["p95"]
        print(
            f"  {label} writes: p95 {write['p95']:.0f} ms against reads {read['p95']:.0f} ms",
            flush=True,
        )
    finally:
        stop(process)
    return result


def ann_recall_at_10(queries: int = 50) -> float:
    """Recall@10 of the vector index against the exact scan, for real embedded queries."""
    return search_corpus.recall_at_10(search_corpus.query_vectors(queries))["recall"]


def objects_for_pages() -> dict:
    from nethub.accounts.models import Role, User
    from nethub.consultations.models import Comment
    from nethub.directory.models import Organization
    from nethub.meetings.models import ActionPoint, Meeting

    secretariat, _ = User.objects.get_or_create(
        username="bench-secretariat", defaults={"role": Role.SECRETARIAT, "is_staff": True}
    )
    return {
        "secretariat": secretariat,
        "meeting": Meeting.objects.order_by("-date").values_list("pk", flat=True).first(),
        "action_point": ActionPoint.objects.order_by("pk").values_list("pk", flat=True).first(),
        "organization": Organization.objects.filter(name__startswith="Bench organisation")
        .values_list("slug", flat=True)
        .first(),
        "rows": {  # what each export lists
            "tracker": ActionPoint.objects.count(),
            "thread": Comment.objects.filter(consultation__slug="bench").count(),
        },
    }


def environment(database_url: str, workdir: Path) -> dict[str, str]:
    """The settings the bench's app runs with (its server and `pages_inprocess.py` alike)."""
    return {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.support.pages_settings",
        "MEDIA_ROOT": str(workdir / "media"),
        "SEARCH_INDEX_DIR": str(workdir / "search-index"),
        "STATIC_ROOT": str(workdir / "static"),
        # The production default: a write's side effects wait for the worker (not run here).
        "TASKS_BACKEND": "database",
        "HF_HUB_OFFLINE": "1",
        "TOKENIZERS_PARALLELISM": "false",
        "PYTHONPATH": str(ROOT),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="postgres", choices=["postgres", "sqlite"])
    parser.add_argument("--seconds", type=float, default=1.5, help="a page's window")
    parser.add_argument("--bare-seconds", type=float, default=1.0, help="a bare view's window")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--export-rounds", type=int, default=7)
    parser.add_argument("--write-seconds", type=float, default=5)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--pages", default="", help="comma-separated page names (default all)")
    parser.add_argument("--scales", default="0.1,1", help="comma-separated, smallest first")
    args = parser.parse_args()
    scales = [float(scale) for scale in args.scales.split(",")]
    run_started = time.perf_counter()

    workdir = Path(tempfile.mkdtemp(prefix="nethub-bench-pages-"))
    if args.backend == "postgres":
        import psycopg

        with psycopg.connect(PG_SERVER, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PG_DB}")
            connection.execute(f"CREATE DATABASE {PG_DB}")
        database_url = PG_SERVER.rsplit("/", 1)[0] + f"/{PG_DB}"
    else:
        database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    env = dict(os.environ, **environment(database_url, workdir))
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from nethub.directory.services import reference_data_load
    from nethub.framework.services import framework_load
    from nethub.search import vectors

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    reference_data_load()
    framework_load()

    results = {}
    previous = None
    labels = [{0.1: "tenth", 1.0: "full"}.get(scale, f"scale {scale:g}") for scale in scales]
    for label, scale in zip(labels, scales, strict=True):
        target = _scaled(scale)
        started = time.perf_counter()
        build(previous, target)
        _analyze()
        previous = target
        print(f"{label}: data built in {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        vectors.snapshot_save()  # as `reindex` leaves it for the app servers
        print(f"{label}: vector index in {time.perf_counter() - started:.0f} s", flush=True)
        objects = objects_for_pages()
        results[label] = measure(label, args, objects, session_headers(objects["secretariat"]), env)

    recall = ann_recall_at_10()
    tenth, full = results[labels[0]], results[labels[-1]]
    growth = {n: full["pages"][n]["p50"] / tenth["pages"][n]["p50"] for n in full["pages"]}
    growth_vs_bare = {
        n: tenth["pages"][n]["ratio"] / full["pages"][n]["ratio"] for n in full["pages"]
    }
    export_growth = {n: full["exports"][n] / tenth["exports"][n] for n in full["exports"]}
    query_growth = max(full["pages"][n]["queries"] - tenth["pages"][n]["queries"] for n in growth)
    worst_ratio = min(full["pages"], key=lambda n: full["pages"][n]["ratio"])
    worst_growth = max(growth, key=growth.get)
    worst_vs_bare = max(growth_vs_bare, key=growth_vs_bare.get)
    if max(tenth["bare_rps"], full["bare_rps"]) > 1.5 * min(tenth["bare_rps"], full["bare_rps"]):
        # A loaded machine slows the bare view's short requests more than a page's: the ratio
        # itself moves with the load's level, which interleaving does not divide out.
        print(
            f"warning: the bare view ran at {tenth['bare_rps']:.0f} and {full['bare_rps']:.0f}"
            " req/s in the two phases: the load changed between them; growth compares unlike"
            " conditions"
        )
    print(
        f"lowest ratio: {worst_ratio}; largest growth: {worst_growth};"
        f" largest growth against the bare view: {worst_vs_bare};"
        f" run took {(time.perf_counter() - run_started) / 60:.1f} min"
    )
    if args.backend == "postgres":
        import psycopg

        with psycopg.connect(PG_SERVER, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
    print(
        f"min_page_ratio={full['pages'][worst_ratio]['ratio']:.4f} "
        f"max_page_growth={growth[worst_growth]:.2f} "
        f"max_page_growth_vs_bare={growth_vs_bare[worst_vs_bare]:.2f} "
        f"max_export_growth={max(export_growth.values()):.1f} "
        f"write_read_p95_ratio={full['write_read_p95_ratio']:.2f} "
        f"hybrid_growth={growth.get('search', float('nan')):.2f} "
        f"ann_recall_at_10={recall:.3f} "
        f"max_query_growth={query_growth} "
        f"bare_rps={full['bare_rps']:.0f} backend={args.backend}"
    )


if __name__ == "__main__":
    main()
