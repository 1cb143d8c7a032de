"""Concurrent writers on PostgreSQL (real transactions, one connection per thread): no write is
lost or duplicated, and a record's history chains without a gap. Skipped on SQLite, which
serialises writers anyway; `bench/write_load.py` does the same over HTTP with a worker killed."""

import threading

import pytest
from django.db import connection, connections

from nethub.consultations.models import Comment, Follow
from nethub.consultations.services import comment_create
from nethub.consultations.tests.factories import consultation_in
from nethub.core.models import AuditEvent
from nethub.meetings.services import action_point_update_status
from nethub.meetings.tests.factories import ActionPointFactory

THREADS = 8
WRITES = 12

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
]


def _run(worker) -> list[BaseException]:
    """Start THREADS threads together on `worker(number)`; return what they raised."""
    errors, barrier = [], threading.Barrier(THREADS)

    def target(number):
        try:
            barrier.wait()
            worker(number)
        except BaseException as error:  # noqa: BLE001 (reported by the test)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a writer hung"
    return errors


def test_concurrent_comments_are_all_kept_once(stakeholder_user, focal_point_user):
    consultation = consultation_in("open")
    # Two threads per user: their first comments race to create the same follow.
    authors = [stakeholder_user, focal_point_user]

    def worker(number):
        for index in range(WRITES):
            comment_create(
                consultation=consultation,
                actor=authors[number % 2],
                body=f"<p>writer {number} comment {index}</p>",
            )

    errors = _run(worker)
    assert not errors, errors
    texts = list(Comment.objects.filter(consultation=consultation).values_list("text", flat=True))
    expected = {f"writer {n} comment {i}" for n in range(THREADS) for i in range(WRITES)}
    assert len(texts) == THREADS * WRITES and set(texts) == expected
    assert Follow.objects.filter(consultation=consultation).count() == 2


def test_concurrent_status_changes_chain_without_a_lost_update(secretariat_user):
    point = ActionPointFactory()
    statuses = ["in_progress", "done", "open"]

    def worker(number):
        for index in range(WRITES):
            action_point_update_status(
                action_point=point,
                status=statuses[(number + index) % 3],
                comment=f"writer {number} change {index}",
                actor=secretariat_user,
            )

    errors = _run(worker)
    assert not errors, errors
    events = list(
        AuditEvent.objects.filter(object_id=point.pk, field="status").order_by("occurred_at", "id")
    )
    assert len(events) == THREADS * WRITES
    assert len({event.comment for event in events}) == THREADS * WRITES
    # Each change starts from the status the previous one left: none was overwritten unseen.
    for before, after in zip(events, events[1:], strict=False):
        assert after.old_value == before.new_value
    point.refresh_from_db()
    assert point.status == events[-1].new_value


def test_the_same_file_uploaded_at_once_makes_one_import(secretariat_user):
    from nethub.meetings.models import ImportDraft
    from nethub.meetings.services import import_draft_create

    data = b"Working group minutes\n\n7 June 2023\n\nPresent: Sara Lind\n"
    drafts = []

    def worker(number):
        draft, _created = import_draft_create(
            data=data, filename=f"copy-{number}.txt", actor=secretariat_user
        )
        drafts.append(draft.pk)

    errors = _run(worker)
    assert not errors, errors
    assert ImportDraft.objects.count() == 1 and set(drafts) == {ImportDraft.objects.get().pk}
