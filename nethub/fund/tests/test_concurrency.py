"""Concurrent writers to the fund on PostgreSQL (one connection per thread): each service takes
the figures' version row before any other lock, so transactions that update the same
programmes in opposite orders (an import beside another) wait for each other instead of
deadlocking, and every write moves the version. Skipped on SQLite, which serialises writers."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections, transaction

from nethub.fund import selectors, services
from nethub.fund.models import Programme
from nethub.fund.tests.factories import programme

THREADS = 6
ROUNDS = 4

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
]


def test_writers_in_opposite_orders_neither_deadlock_nor_leave_the_figures_behind(
    reference_data,
):
    records = [programme(requested_budget=Decimal("1000")) for _ in range(3)]
    version = selectors.figures_version()
    errors, barrier = [], threading.Barrier(THREADS)

    def worker(number: int) -> None:
        order = records if number % 2 else list(reversed(records))
        try:
            barrier.wait()
            for index in range(ROUNDS):
                with transaction.atomic():  # as `importer.apply` holds one for a whole file
                    for record in order:
                        services.programme_update(
                            programme=record,
                            actor=None,
                            requested_budget=Decimal(1000 + number * 10 + index),
                        )
        except BaseException as error:  # noqa: BLE001 (reported by the test)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a writer hung"
    assert not errors, errors
    assert selectors.figures_version() != version
    # One transaction after another: the last to commit wrote every programme.
    requested = list(Programme.objects.values_list("requested_usd", flat=True))
    assert len(set(requested)) == 1
    stages = selectors.pipeline_by_stage()
    assert sum(row["requested"] for row in stages) == sum(requested)
