"""Render time of the fund's dashboard with 10,000 contributions and 2,000 programmes (Django test
client against the real views), beside a bare Django view (the health check) as the floor a page
cannot go below. SQLite by default; PostgreSQL when DATABASE_URL is set.

    .venv/bin/python bench/fund_dashboard.py
Ends with one line of key=value figures.
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

PROGRAMMES = 2000
CONTRIBUTIONS = 10000


def _time(client, url: str, runs: int = 7) -> tuple[float, int]:
    client.get(url)  # warm templates and caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return statistics.median(times), len(ctx.captured_queries)


def main() -> None:
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        from decimal import Decimal

        from django.test import Client

        from nethub.accounts.models import Role, User
        from nethub.directory.models import Organization
        from nethub.directory.services import reference_data_load
        from nethub.framework.services import framework_load
        from nethub.fund import services
        from nethub.fund.tests.test_views import _bulk

        reference_data_load()
        framework_load()
        for year in (2019, 2020, 2021, 2022):
            services.target_set(year=year, amount_usd=Decimal("30000000"), actor=None)
        _bulk(programmes=PROGRAMMES, contributions=CONTRIBUTIONS)
        user = User.objects.create_user(
            username="bench",
            password="x",  # noqa: S106
            role=Role.SECRETARIAT,
            organization=Organization.objects.filter(acronym="IOM").first(),
        )
        client = Client()
        bare_ms, _bare_q = _time(client, "/health/")
        public_ms, public_q = _time(client, "/fund/")
        client.force_login(user)
        secretariat_ms, secretariat_q = _time(client, "/fund/secretariat/?on=2021-06-30")
        map_ms, _map_q = _time(client, "/fund/map.svg", runs=3)
        brief_ms, _brief_q = _time(client, "/fund/brief.docx?on=2021-06-30", runs=3)
        vendor = connection.vendor
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(
        f"db={vendor} programmes={PROGRAMMES} contributions={CONTRIBUTIONS} "
        f"bare_view_ms={bare_ms:.1f} dashboard_ms={public_ms:.1f} dashboard_queries={public_q} "
        f"secretariat_ms={secretariat_ms:.1f} secretariat_queries={secretariat_q} "
        f"map_svg_ms={map_ms:.1f} brief_docx_ms={brief_ms:.1f} "
        f"dashboard_vs_bare={public_ms / bare_ms:.1f}x"
    )


if __name__ == "__main__":
    main()
