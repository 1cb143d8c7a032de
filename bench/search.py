"""Benchmark of search: keyword and hybrid (keyword + semantic, fused) query times at one tenth
of the corpus and at all of it (10,000 and 100,000 passages by default), on SQLite and
PostgreSQL, and the recall@10 of the approximate nearest-neighbour index against an exact scan.

    .venv/bin/python bench/search.py [--passages N] [--queries N] [--backends sqlite,postgres]
        [--real N]

The corpus is synthetic and deterministic (seed 7): passages of 60-140 words drawn from a
vocabulary of migration terms. Embeddings: the first `--real` passages (default: all) are
embedded for real with all-MiniLM-L6-v2 (about 500 a second on two cores; kept in
bench/results/ for the next run); any beyond reuse one of those vectors with Gaussian noise,
renormalised. Query embeddings are computed by the real model at query time, inside the timed
hybrid query.

Each backend runs in a child process on its own database: a temporary SQLite file, and a
PostgreSQL database `nethub_bench_search` (created and dropped; server from BENCH_PG_URL,
default postgres://postgres@127.0.0.1:5432/postgres). Times are for the whole selector
(`selectors.search`): candidates, passages, fusion, facets with labels, snippets.
Ends with one line of key=value figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PG_DB = "nethub_bench_search"

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

QUERIES_TEMPLATE = [1, 2, 2, 3]


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(n))


def corpus_text(i: int) -> tuple[str, str]:
    rng = random.Random(7_000_000 + i)
    title = words(rng, rng.randint(3, 7)).capitalize()
    sentences = []
    for _ in range(rng.randint(6, 12)):
        sentences.append(words(rng, rng.randint(8, 14)).capitalize() + ".")
    return title, " ".join(sentences)


def _store_range(start: int, stop: int, base, rng, content_type_id: int) -> None:
    import numpy as np

    from nethub.search import embeddings, services
    from nethub.search.models import Passage

    kinds = ["document", "practice", "meeting", "agenda_item", "action_point", "comment"]
    orgs = ["iom", "unhcr", "ilo", "unicef", "undp", "who", "ohchr", "unodc"]
    batch = []
    for i in range(start, stop):
        title, text = corpus_text(i)
        if i < len(base):
            vector = base[i]
        else:
            vector = base[i % len(base)] + rng.normal(0, 0.02, base.shape[1]).astype(np.float32)
            vector /= np.linalg.norm(vector)
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


def _recall_at_10(query_vectors) -> float:
    """Share of the exact scan's ten nearest passages that the index returns."""
    import numpy as np

    from nethub.search import vectors
    from nethub.search.models import Passage

    stored = list(Passage.objects.values_list("id", "embedding"))
    ids = np.array([pk for pk, _ in stored])
    matrix = (
        np.frombuffer(b"".join(bytes(b) for _, b in stored), dtype=np.float16)
        .reshape(len(stored), -1)
        .astype(np.float32)
    )
    index = vectors.index()
    found = []
    for query in query_vectors:
        exact = set(ids[np.argsort(-(matrix @ query))[:10]].tolist())
        approximate = {pk for pk, _ in index.search(query, limit=10)}
        found.append(len(exact & approximate) / 10)
    return float(np.mean(found))


def child(backend: str, passages: int, queries: int, vectors_file: str) -> dict:
    os.environ["DJANGO_SETTINGS_MODULE"] = "nethub.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import numpy as np
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    from nethub.directory.models import Person
    from nethub.search import embeddings, selectors, vectors
    from nethub.search.models import Passage

    call_command("migrate", verbosity=0)
    settings.SEARCH_SEMANTIC = True
    settings.SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="nethub-bench-index-"))
    base = np.load(vectors_file)
    rng = np.random.default_rng(7)
    content_type_id = ContentType.objects.get_for_model(Person).pk
    embeddings.encode(["warm up"])
    qrng = random.Random(11)
    query_list = [
        " ".join(qrng.choice(VOCABULARY) for _ in range(qrng.choice(QUERIES_TEMPLATE)))
        for _ in range(queries)
    ]

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
        _store_range(stored, size, base, rng, content_type_id)
        stored = size
        result[f"{label}_build_s"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        vectors.index()
        result[f"{label}_index_update_s"] = round(time.perf_counter() - started, 2)
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
    result["ann_recall_at_10"] = round(_recall_at_10(embeddings.encode(query_list[:100])), 3)
    return result


def real_vectors(count: int) -> str:
    """The real embeddings of the first `count` passages, computed once and kept."""
    sys.path.insert(0, str(ROOT))
    import numpy as np

    path = ROOT / "bench" / "results" / f"search-vectors-{count}.npy"
    if path.exists():
        return str(path)
    from nethub.search.embeddings import encode

    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    texts = [". ".join(corpus_text(i)) for i in range(count)]
    np.save(path, encode(texts, batch_size=128))
    print(f"embedded {count} passages in {time.perf_counter() - started:.0f} s")
    return str(path)


def pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_SERVER, autocommit=True) as connection:
        connection.execute(sql)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--real", type=int, default=0, help="passages embedded for real (0: all)")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--vectors", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.passages, args.queries, args.vectors)))
        return

    workdir = Path(tempfile.mkdtemp(prefix="nethub-bench-"))
    vectors_file = real_vectors(args.real or args.passages)
    figures = {}
    for backend in args.backends.split(","):
        env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
        if backend == "sqlite":
            env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
        else:
            pg(f"DROP DATABASE IF EXISTS {PG_DB}")
            pg(f"CREATE DATABASE {PG_DB}")
            env["DATABASE_URL"] = PG_SERVER.rsplit("/", 1)[0] + f"/{PG_DB}"
        env.pop("TEST_DB_SUFFIX", None)
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
                "--vectors",
                vectors_file,
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
        if backend != "sqlite":
            pg(f"DROP DATABASE IF EXISTS {PG_DB}")
    worst = {
        key: max(figures[b][key] for b in figures)
        for key in ("full_keyword_p95_ms", "full_hybrid_p95_ms", "hybrid_growth")
    }
    worst["ann_recall_at_10"] = min(figures[b]["ann_recall_at_10"] for b in figures)
    parts = [f"{key}={value}" for key, value in worst.items()]
    for backend, result in figures.items():
        parts += [
            f"{backend}_hybrid_p95_ms={result['tenth_hybrid_p95_ms']}->{result['full_hybrid_p95_ms']}",
        ]
    parts.append(f"passages={args.passages} real={args.real or args.passages}")
    parts.append(f"backend={'+'.join(figures)}")
    print(" ".join(parts))


if __name__ == "__main__":
    main()
