"""Re-indexing speed without embeddings: meetings with agenda items and action points, and a
consultation with comments from many organisations, rebuilt with `index_rebuild` (what
`manage.py reindex` runs). SQLite by default; PostgreSQL when DATABASE_URL is set.

    .venv/bin/python bench/reindex.py [--records N]
Ends with one line of key=value figures (passages_per_s is the figure the issue asks >= 500).
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nethub.settings.test")
os.environ.setdefault("TEST_DB_SUFFIX", "bench_reindex")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def build(records: int) -> None:
    from nethub.consultations.models import Comment
    from nethub.consultations.tests.factories import consultation_in
    from nethub.directory.models import Organization
    from nethub.directory.services import organization_create
    from nethub.meetings.models import ActionPoint, AgendaItem, Meeting, MeetingSeries

    series = MeetingSeries.objects.create(name="Bench series", slug="bench")
    meetings = Meeting.objects.bulk_create(
        Meeting(series=series, title=f"Meeting {i}",
                date=datetime.date(2000, 1, 1) + datetime.timedelta(days=i),
                source_text="Principals discussed regular pathways and labour mobility. " * 20)
        for i in range(records // 20)
    )  # fmt: skip
    items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=j, title=f"Item {j}",
                   discussion="The network agreed to follow up on return and reintegration. " * 8)
        for meeting in meetings
        for j in range(4)
    )  # fmt: skip
    owners = list(Organization.objects.filter(kind="un_entity")[:20])
    ActionPoint.objects.bulk_create(
        ActionPoint(meeting=item.meeting, agenda_item=item, text=f"Prepare a note on topic {k}",
                    owner_organization=owners[k % len(owners)])
        for k, item in enumerate(items * 3)
    )  # fmt: skip
    consultation = consultation_in("open", slug="bench-reindex")
    organizations = [organization_create(name=f"Bench org {i}", kind="ngo") for i in range(50)]
    Comment.objects.bulk_create(
        Comment(consultation=consultation, organization=organizations[i % 50],
                body="We ask the network to include migrant-led organisations. " * 6,
                text="We ask the network to include migrant-led organisations. " * 6)
        for i in range(records)
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=2000)
    args = parser.parse_args()
    from nethub.directory.services import reference_data_load
    from nethub.framework.services import framework_load
    from nethub.search.models import Passage
    from nethub.search.services import index_rebuild

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        reference_data_load()
        framework_load()
        build(args.records)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            counts = index_rebuild(batch_size=500)
            seconds = time.perf_counter() - started
        passages = Passage.objects.count()
        print(" ".join(f"{label}={n}" for label, n in counts.items() if n))
        print(
            f"passages={passages} seconds={seconds:.1f} passages_per_s={passages / seconds:.0f} "
            f"queries={len(queries)} vendor={connection.vendor}"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
