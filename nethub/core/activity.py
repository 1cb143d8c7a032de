"""What an organisation did and what is new or due, gathered from the feature apps without
core or directory importing them: each app registers its providers in its AppConfig.ready().

A provider of an organisation's activity returns ActivitySections; a provider of the home
page returns HomeItems (new or due). Each does a fixed number of queries, so the pages that
gather them do too, however much there is."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

ORGANIZATION_PROVIDERS: list[Callable] = []
HOME_PROVIDERS: list[Callable] = []


@dataclass
class ActivityItem:
    label: str
    url: str = ""
    date: datetime.date | None = None
    note: str = ""


@dataclass
class ActivitySection:
    key: str
    title: str
    count: int
    items: list[ActivityItem] = field(default_factory=list)
    more_url: str = ""
    order: int = 0


@dataclass
class HomeItem:
    kind: str  # "new" or "due"
    label: str
    url: str
    date: datetime.date | None
    what: str = ""  # "Meeting", "Action point", ...
    overdue: bool = False


def register_organization_activity(provider: Callable) -> Callable:
    """`provider(*, organization, user, limit)` -> list[ActivitySection]."""
    if provider not in ORGANIZATION_PROVIDERS:
        ORGANIZATION_PROVIDERS.append(provider)
    return provider


def register_home(provider: Callable) -> Callable:
    """`provider(*, organization, user, limit)` -> list[HomeItem]; `organization` None asks
    for the whole network."""
    if provider not in HOME_PROVIDERS:
        HOME_PROVIDERS.append(provider)
    return provider


def organization_activity(*, organization, user, limit: int = 5) -> list[ActivitySection]:
    sections = [
        section
        for provider in ORGANIZATION_PROVIDERS
        for section in provider(organization=organization, user=user, limit=limit)
    ]
    return sorted(sections, key=lambda section: section.order)


def home_feed(*, organization, user, limit: int = 5) -> dict[str, list[HomeItem]]:
    """What is new (latest first) and what is due (soonest first)."""
    items = [
        item
        for provider in HOME_PROVIDERS
        for item in provider(organization=organization, user=user, limit=limit)
    ]
    new = sorted(
        (i for i in items if i.kind == "new"),
        key=lambda i: i.date or datetime.date.min,
        reverse=True,
    )
    due = sorted((i for i in items if i.kind == "due"), key=lambda i: i.date or datetime.date.max)
    return {"new": new[: limit * 2], "due": due[: limit * 2]}
