"""Render time of the fund's dashboards (public and secretariat) at a tenth of the network's
scale (200 programmes, 1,000 contributions) and at full scale (2,000 and 10,000), in one process
with Django's test client against the real views, beside a bare Django view (the health check)
as the floor a page cannot go below. SQLite by default; PostgreSQL when DATABASE_URL is set
(`TEST_DB_SUFFIX` names its database, `test_nethub_<suffix>`).

    .venv/bin/python bench/fund_dashboard.py

For each page: the median (and least) wall time and the median CPU time of a view with the
figures in the cache, and of the first view after a write to the fund (`_cold`: the figures
computed again), with the queries of each. Ends with one line of key=value figures.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nethub.settings.test")
os.environ.setdefault("TEST_DB_SUFFIX", "bench_fund")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

SCALES = {"tenth": (200, 1000), "full": (2000, 10000)}
PAGES = {"dashboard": "/fund/", "secretariat": "/fund/secretariat/?on=2021-06-30"}
RUNS = 21


def _view(client, url: str) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return len(ctx.captured_queries)


def _time(client, url: str, *, cold: bool = False) -> dict:
    """Median and least wall time and median CPU time (ms) of RUNS views; `cold`: each after a
    write to the fund."""
    from nethub.fund import services

    client.get(url)  # templates, translations, the session
    walls, cpus = [], []
    for _ in range(RUNS):
        if cold:
            services.figures_version_bump()
        wall, cpu = _view(client, url)
        walls.append(wall)
        cpus.append(cpu)
    if cold:
        services.figures_version_bump()
    return {
        "ms": statistics.median(walls),
        "min_ms": min(walls),
        "cpu_ms": statistics.median(cpus),
        "queries": _queries(client, url),
    }


def _analyze() -> None:
    """Planner statistics after the bulk load, as autovacuum would gather them."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _setup():
    from decimal import Decimal

    from django.test import Client

    from nethub.accounts.models import Role, User
    from nethub.directory.models import Organization
    from nethub.directory.services import reference_data_load
    from nethub.framework.services import framework_load
    from nethub.fund import services

    reference_data_load()
    framework_load()
    for year in (2019, 2020, 2021, 2022):
        services.target_set(year=year, amount_usd=Decimal("30000000"), actor=None)
    user = User.objects.create_user(
        username="bench",
        password="x",  # noqa: S106
        role=Role.SECRETARIAT,
        organization=Organization.objects.filter(acronym="IOM").first(),
    )
    public, secretariat = Client(), Client()
    secretariat.force_login(user)
    return public, secretariat


def _measure(public, secretariat) -> dict:
    figures = {"bare": _time(public, "/health/")}
    for name, url in PAGES.items():
        client = secretariat if name == "secretariat" else public
        figures[name] = _time(client, url)
        figures[f"{name}_cold"] = _time(client, url, cold=True)
    return figures


def main() -> None:
    from nethub.fund.tests.test_views import _bulk

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, keepdb=False)
    results, built = {}, (0, 0)
    try:
        public, secretariat = _setup()
        for label, (programmes, contributions) in SCALES.items():
            _bulk(programmes=programmes - built[0], contributions=contributions - built[1])
            built = (programmes, contributions)
            _analyze()
            results[label] = _measure(public, secretariat)
            for name, row in results[label].items():
                print(
                    f"{label} {name}: {row['ms']:.1f} ms (least {row['min_ms']:.1f} ms, "
                    f"CPU {row['cpu_ms']:.1f} ms), "
                    f"{row['queries']} queries",
                    flush=True,
                )
        vendor = connection.vendor
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    tenth, full = results["tenth"], results["full"]
    figures = [f"db={vendor}", f"bare_view_ms={full['bare']['ms']:.1f}"]
    for name in [n for n in full if n != "bare"]:
        figures += [
            f"{name}_ms={tenth[name]['ms']:.1f}->{full[name]['ms']:.1f}",
            f"{name}_growth={full[name]['ms'] / tenth[name]['ms']:.2f}",
            f"{name}_least_ms={tenth[name]['min_ms']:.1f}->{full[name]['min_ms']:.1f}",
            f"{name}_queries={full[name]['queries']}",
        ]
    print(" ".join(figures))


if __name__ == "__main__":
    main()
