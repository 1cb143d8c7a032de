"""The heavy pages of `bench/pages.py` timed one request at a time in one process (Django's
test client, through every middleware), on the full-scale data that `bench/pages.py` builds.
No server, no concurrent clients: the steadier measure of the work a page does in Python.

    .venv/bin/python bench/pages_inprocess.py --build          # once: the database, full scale
    .venv/bin/python bench/pages_inprocess.py [-n 50] [PAGE ...]
    .venv/bin/python bench/pages_inprocess.py --profile thread  # cProfile of -n requests
    .venv/bin/python bench/pages_inprocess.py --dump DIR        # each page's HTML, to compare

PostgreSQL database `BENCH_PG_DB` (default nethub_pages_inprocess) on `BENCH_PG_URL`'s server;
it is kept between runs. Ends with one line of key=value figures (mean ms per page).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PG_DB = os.environ.get("BENCH_PG_DB", "nethub_pages_inprocess")
WORKDIR = Path(tempfile.gettempdir()) / f"nethub-{PG_DB}"


def setup() -> None:
    from bench import pages

    os.environ.update(pages.environment(PG_SERVER.rsplit("/", 1)[0] + f"/{PG_DB}", WORKDIR))
    import django

    django.setup()


def build_database() -> None:
    import psycopg

    with psycopg.connect(PG_SERVER, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {PG_DB}")
    setup()
    from django.core.management import call_command

    from bench import pages
    from nethub.directory.services import reference_data_load
    from nethub.framework.services import framework_load
    from nethub.search import vectors

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    reference_data_load()
    framework_load()
    started = time.perf_counter()
    pages.build(None, pages._scaled(1.0))
    pages._analyze()
    vectors.snapshot_save()
    print(f"built in {time.perf_counter() - started:.0f} s")


def clients(objects: dict):
    from django.test import Client

    anonymous = Client(HTTP_HOST="127.0.0.1")
    signed_in = Client(HTTP_HOST="127.0.0.1")
    signed_in.force_login(objects["secretariat"])
    return anonymous, signed_in


def _get(client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url}: {response.status_code}")
    return response


def time_page(client, url: str, n: int) -> dict:
    for _ in range(3):  # warm: templates, translations, the search model
        _get(client, url)
    wall, cpu = [], []
    for _ in range(n):
        started, started_cpu = time.perf_counter(), time.process_time()
        _get(client, url)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return {
        "mean": statistics.mean(wall),
        "median": statistics.median(wall),
        "min": min(wall),
        "cpu": statistics.mean(cpu),
        "cpu_median": statistics.median(cpu),
    }


# The CSRF token is masked afresh on each response.
_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", nargs="*")
    parser.add_argument("-n", type=int, default=50)
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--profile")
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--dump")
    args = parser.parse_args()
    if args.build:
        build_database()
        return
    setup()
    from bench import pages

    objects = pages.objects_for_pages()
    anonymous, signed_in = clients(objects)
    urls = pages.pages(objects)
    chosen = args.pages or list(urls)
    if args.profile:
        url, private = urls[args.profile]
        client = signed_in if private else anonymous
        for _ in range(3):
            _get(client, url)
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.n):
            _get(client, url)
        profile.disable()
        pstats.Stats(profile).sort_stats(args.sort).print_stats(45)
        return
    if args.dump:
        out = Path(args.dump)
        out.mkdir(parents=True, exist_ok=True)
        for name in chosen:
            url, private = urls[name]
            html = _get(signed_in if private else anonymous, url).content.decode()
            (out / f"{name}.html").write_text(_TOKEN.sub(r"\1TOKEN", html))
        return
    figures = {}
    for name in chosen:
        url, private = urls[name]
        result = time_page(signed_in if private else anonymous, url, args.n)
        figures[name] = result["mean"]
        print(
            f"{name}: mean {result['mean']:.1f} ms, median {result['median']:.1f} ms,"
            f" min {result['min']:.1f} ms, CPU {result['cpu']:.1f} ms"
            f" (median {result['cpu_median']:.1f} ms)",
            flush=True,
        )
    print(" ".join(f"{name}={ms:.1f}" for name, ms in figures.items()))


if __name__ == "__main__":
    main()
