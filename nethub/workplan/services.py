"""Writes of the workplan app."""

from __future__ import annotations

from django.db import transaction


@transaction.atomic
def membership_request_from_interest(*, interest, actor):
    return None


@transaction.atomic
def membership_request_withdraw(*, interest, actor):
    return None
