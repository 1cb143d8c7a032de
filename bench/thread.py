"""Render time of a Discussion Space thread page with 2,000 comments (Django test client
against the real view). SQLite by default; PostgreSQL when DATABASE_URL is set.

    .venv/bin/python bench/thread.py
Ends with one line of key=value figures.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nethub.settings.test")
os.environ.setdefault("TEST_DB_SUFFIX", "bench_thread")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
)
from django.urls import reverse  # noqa: E402

COMMENTS = 2000


def main() -> None:
    setup_test_environment()
    from django.test.utils import get_runner  # noqa: F401

    old_name = connection.settings_dict["NAME"]
    test_db = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        from django.test import Client

        from nethub.accounts.models import Role, User
        from nethub.consultations.tests.factories import consultation_in
        from nethub.consultations.tests.test_views import build_thread
        from nethub.directory.services import organization_create, reference_data_load

        reference_data_load()
        org = organization_create(name="Bench Org", kind="ngo", is_network_member=True)
        user = User.objects.create_user(
            username="bench", password="x", role=Role.STAKEHOLDER, organization=org
        )
        consultation = consultation_in("open", slug="bench")
        build_thread(consultation, COMMENTS, org)
        client = Client()
        client.force_login(user)
        results = {}
        for label, query in (("page", ""), ("all", "?page=1&size=all")):
            url = reverse("consultations:detail", args=["bench"]) + query
            client.get(url)  # warm templates and caches
            times = []
            for _ in range(7):
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            shown = response.content.count(b'class="comment ')
            results[label] = (statistics.median(times), len(ctx.captured_queries), shown)
        vendor = connection.vendor
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        del test_db
    page_ms, page_q, page_n = results["page"]
    all_ms, all_q, all_n = results["all"]
    print(
        f"db={vendor} comments={COMMENTS} page_comments={page_n} page_ms={page_ms:.1f} "
        f"page_queries={page_q} all_comments={all_n} all_ms={all_ms:.1f} all_queries={all_q}"
    )


if __name__ == "__main__":
    main()
