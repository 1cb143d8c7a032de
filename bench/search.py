"""Benchmark of search: keyword and hybrid (keyword + semantic, fused) query times at one tenth
of the corpus and at all of it (10,000 and 100,000 passages by default), on SQLite and
PostgreSQL; the recall@10 of the approximate nearest-neighbour index against an exact scan;
and, served by gunicorn as in production, the first search's time after start and each
worker's memory.

    .venv/bin/python bench/search.py [--passages N] [--queries N] [--backends sqlite,postgres]
        [--serve postgres|sqlite|none]

Passage texts are synthetic and deterministic (seed 7): 60-140 words drawn from a vocabulary of
migration terms (what keyword search works on). Passage vectors and queries come from
`bench/support/search_corpus.py` (documented there): 5,000 template sentences on 40 migration
topics embedded for real with all-MiniLM-L6-v2, every other passage a variant of one of them
(the real vector, part of another of the same topic, noise); queries are real search strings in
other words than the passages', embedded by the model at query time inside the timed hybrid
query. Recall uses the same function as bench/pages.py (`search_corpus.recall_at_10`).

Each backend runs in a child process on its own database: a temporary SQLite file, and a
PostgreSQL database (BENCH_PG_DB, default `nethub_bench_search`; created and dropped; server
from BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres). Times are for the
whole selector (`selectors.search`): candidates, passages, fusion, facets with labels, snippets.
With `--serve`, that backend's full corpus is served by gunicorn (nethub/gunicorn_conf.py, 2
workers, port BENCH_PORT, default 8199): seconds from the start to the first search's answer,
and each worker's RSS and PSS (its share of pages shared with others) after it.
Ends with one line of key=value figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.support import processes, search_corpus  # noqa: E402

PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PG_DB = os.environ.get("BENCH_PG_DB", "nethub_bench_search")
PORT = int(os.environ.get("BENCH_PORT", "8199"))

VOCABULARY_TEXT = """migration migrant migrants workers labour mobility remittances remittance
border
governance return reintegration children child protection trafficking smuggling climate
displacement regular pathways integration asylum refugees detention alternatives consular
assistance diaspora skills recognition recruitment fair decent work data evidence policy
coherence capacity building regional network country review implementation partnership
stakeholders civil society trade unions local authorities gender women youth health
inclusion xenophobia discrimination narratives public discourse missing migrants search rescue
identity documents legal status regularization visa labour agreements bilateral admission
stay readmission sustainable development poverty resilience disaster environmental degradation
urban rural seasonal circular temporary permanent settlement family reunification education
training employment wages social protection portability pensions financial inclusion transfer
costs digital payments access justice human rights vulnerabilities assessment screening
referral mechanisms guardianship unaccompanied separated route-based approach mixed movements
secretariat executive committee principals workplan priorities thematic working group
champion countries voluntary review forum progress declaration"""
VOCABULARY = VOCABULARY_TEXT.split()


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(n))


def corpus_text(i: int) -> tuple[str, str]:
    rng = random.Random(7_000_000 + i)
    title = words(rng, rng.randint(3, 7)).capitalize()
    sentences = []
    for _ in range(rng.randint(6, 12)):
        sentences.append(words(rng, rng.randint(8, 14)).capitalize() + ".")
    return title, " ".join(sentences)


def _store_range(start: int, stop: int, content_type_id: int) -> None:
    from nethub.search import embeddings, services
    from nethub.search.models import Passage

    kinds = ["document", "practice", "meeting", "agenda_item", "action_point", "comment"]
    orgs = ["iom", "unhcr", "ilo", "unicef", "undp", "who", "ohchr", "unodc"]
    batch = []
    vectors = search_corpus.passage_vectors(start, stop)
    for i, vector in zip(range(start, stop), vectors, strict=True):
        title, text = corpus_text(i)
        batch.append(
            Passage(
                content_type_id=content_type_id,
                object_id=i // 4,  # four passages per record
                position=i % 4,
                kind=kinds[(i // 4) % len(kinds)],
                title=title,
                text=text,
                url=f"/record/{i // 4}/",
                language="en",
                year=2018 + (i // 4) % 7,
                organizations=f"|{orgs[(i // 4) % len(orgs)]}|",
                objectives=f"|{1 + (i // 4) % 23}|",
                embedding=embeddings.to_bytes(vector),
            )
        )
        if len(batch) == 2000:
            services._store(batch)
            batch = []
    if batch:
        services._store(batch)
    services._version_bump()


def child(backend: str, passages: int, queries: int, index_dir: str) -> dict:
    os.environ["DJANGO_SETTINGS_MODULE"] = "nethub.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    from nethub.directory.models import Person
    from nethub.search import embeddings, selectors, vectors
    from nethub.search.models import Passage

    call_command("migrate", verbosity=0)
    settings.SEARCH_SEMANTIC = True
    settings.SEARCH_INDEX_DIR = Path(index_dir)
    content_type_id = ContentType.objects.get_for_model(Person).pk
    embeddings.encode(["warm up"])
    query_list = search_corpus.query_texts(queries)

    def timed(semantic: bool, filters=None) -> list[float]:
        times, found = [], 0
        for query in query_list:
            t = time.perf_counter()
            results = selectors.search(query=query, filters=filters, semantic=semantic)
            times.append((time.perf_counter() - t) * 1000)
            found += len(results.hits)
        return times, found / len(query_list)

    def pct(values, p):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

    result = {"backend": backend}
    stored = 0
    for label, size in (("tenth", passages // 10), ("full", passages)):
        started = time.perf_counter()
        _store_range(stored, size, content_type_id)
        stored = size
        result[f"{label}_build_s"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        vectors.snapshot_save()  # as `reindex` leaves it for the app servers
        result[f"{label}_index_update_s"] = round(time.perf_counter() - started, 2)
        recall = search_corpus.recall_at_10(embeddings.encode(query_list[:100]))
        result[f"{label}_ann_recall_at_10"] = round(recall["recall"], 3)
        result[f"{label}_query_best_cosine"] = (
            f"{recall['best_cosine_p10']:.2f}-{recall['best_cosine_p90']:.2f}"
        )
        timed(False)  # warm caches
        keyword, _ = timed(False)
        hybrid, hybrid_found = timed(True)
        filtered, _ = timed(True, {"kind": ["meeting"], "year": ["2024"]})
        result[f"{label}_passages"] = Passage.objects.count()
        result[f"{label}_keyword_p95_ms"] = round(pct(keyword, 95), 1)
        result[f"{label}_hybrid_p50_ms"] = round(pct(hybrid, 50), 1)
        result[f"{label}_hybrid_p95_ms"] = round(pct(hybrid, 95), 1)
        result[f"{label}_hybrid_filtered_p95_ms"] = round(pct(filtered, 95), 1)
        result[f"{label}_hybrid_records_per_query"] = round(hybrid_found, 1)
    result["hybrid_growth"] = round(result["full_hybrid_p95_ms"] / result["tenth_hybrid_p95_ms"], 2)
    # From the snapshot on disk, as a server process opens it.
    vectors.forget()
    result["ann_recall_at_10"] = round(
        search_corpus.recall_at_10(embeddings.encode(query_list[:100]))["recall"], 3
    )
    return result


def pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_SERVER, autocommit=True) as connection:
        connection.execute(sql)


def serve_figures(env: dict, workdir: Path) -> dict:
    """Start gunicorn as in production on the corpus just built: seconds until the first
    search is answered, then each worker's memory."""
    import urllib.request

    env = dict(
        env,
        DJANGO_SETTINGS_MODULE="bench.support.pages_settings",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        SEARCH_SEMANTIC="1",
        TASKS_BACKEND="database",
        PORT=str(PORT),
        WEB_CONCURRENCY="2",
        PYTHONPATH=str(ROOT),
    )
    manage = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    subprocess.run(manage, env=env, cwd=ROOT, check=True)
    gunicorn = [str(Path(sys.executable).parent / "gunicorn"), "-c", "python:nethub.gunicorn_conf",
                "nethub.wsgi"]  # fmt: skip
    url = f"http://127.0.0.1:{PORT}/search/?q=" + "cost+of+sending+money+home"
    started = time.perf_counter()
    process = subprocess.Popen(gunicorn, env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(url, timeout=600) as response:
                    response.read()
                break
            except (ConnectionError, urllib.error.URLError):
                time.sleep(0.1)
        first = time.perf_counter() - started
        times = []
        for _ in range(10):
            t = time.perf_counter()
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
            times.append(time.perf_counter() - t)
        memory = [processes.memory(pid) for pid in processes.children(process.pid)]
        master = processes.memory(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    return {
        "first_search_after_start_s": round(first, 1),
        "next_search_median_ms": round(sorted(times)[len(times) // 2] * 1000),
        "worker_rss_mb": "/".join(f"{rss:.0f}" for rss, _ in memory),
        "worker_pss_mb": "/".join(f"{pss:.0f}" for _, pss in memory),
        "master_rss_mb": round(master[0]),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--serve", default="postgres", help="backend to serve (none: skip)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--index-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.passages, args.queries, args.index_dir)))
        return

    workdir = Path(tempfile.mkdtemp(prefix="nethub-bench-"))
    search_corpus.real_vectors()  # embedded once, before the children need them
    figures, served = {}, {}
    for backend in args.backends.split(","):
        env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
        if backend == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
        else:
            pg(f"DROP DATABASE IF EXISTS {PG_DB}")
            pg(f"CREATE DATABASE {PG_DB}")
            env["DATABASE_URL"] = PG_SERVER.rsplit("/", 1)[0] + f"/{PG_DB}"
        env.pop("TEST_DB_SUFFIX", None)
        env["SEARCH_INDEX_DIR"] = str(workdir / f"index-{backend}")
        output = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                backend,
                "--passages",
                str(args.passages),
                "--queries",
                str(args.queries),
                "--index-dir",
                env["SEARCH_INDEX_DIR"],
            ],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if output.returncode:
            print(output.stderr[-3000:])
            raise SystemExit(f"{backend} run failed")
        result = json.loads(output.stdout.strip().splitlines()[-1])
        print(" ".join(f"{key}={value}" for key, value in result.items()))
        figures[backend] = result
        if backend == args.serve:
            served = serve_figures(env, workdir)
            print(" ".join(f"{key}={value}" for key, value in served.items()), flush=True)
        if backend != "sqlite":
            pg(f"DROP DATABASE IF EXISTS {PG_DB}")
    worst = {
        "ann_recall_at_10": min(figures[b]["ann_recall_at_10"] for b in figures),
        "hybrid_growth": max(figures[b]["hybrid_growth"] for b in figures),
    }
    worst |= {
        key: max(figures[b][key] for b in figures)
        for key in ("full_keyword_p95_ms", "full_hybrid_p95_ms")
    }
    parts = [f"{key}={value}" for key, value in worst.items()]
    for backend, result in figures.items():
        parts += [
            f"{backend}_hybrid_p95_ms={result['tenth_hybrid_p95_ms']}->{result['full_hybrid_p95_ms']}",
        ]
    parts += [f"{key}={value}" for key, value in served.items()]
    parts.append(f"passages={args.passages} real={search_corpus.REAL}")
    parts.append(f"backend={'+'.join(figures)}")
    print(" ".join(parts))


if __name__ == "__main__":
    main()
