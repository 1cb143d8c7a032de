"""Fund records for tests, made through the services (as users make them)."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal

from nethub.directory.models import Organization
from nethub.fund import services
from nethub.fund.models import Contribution, Membership, Programme, Stage

_numbers = itertools.count(1)


def programme(*, stage: str = Stage.SUBMITTED, **fields) -> Programme:
    number = next(_numbers)
    fields.setdefault("requested_budget", Decimal("1000000"))
    return services.programme_create(
        reference=fields.pop("reference", f"T-{number:05}"),
        title=fields.pop("title", f"Test programme {number}"),
        stage=stage,
        actor=None,
        **fields,
    )


def contribution(*, donor: Organization | None = None, **fields) -> Contribution:
    number = next(_numbers)
    donor = donor or Organization.objects.get(name="Germany")
    fields.setdefault("date", datetime.date(2021, 3, 1))
    fields.setdefault("amount", Decimal("1000000"))
    fields.setdefault("kind", Contribution.Kind.COMMITMENT)
    return services.contribution_create(
        reference=fields.pop("reference", f"C-{number:05}"), donor=donor, actor=None, **fields
    )


def sc_seat(organization: Organization, *, start=datetime.date(2020, 1, 1), end=None):
    return services.membership_create(
        organization=organization,
        seat=Membership.Seat.UN_ENTITY,
        start_date=start,
        end_date=end,
        actor=None,
    )
