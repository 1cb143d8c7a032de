"""The demo: reference data, demo users, and each app's records built from the fixtures.

Each app that has demo records provides `nethub/<app>/demo.py` with
`load(*, fixtures_dir: Path | None, stdout) -> None`; they run in DEMO_APPS order. A missing
fixtures folder means reference data and users only.
"""

from __future__ import annotations

import secrets
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.db import transaction

from nethub.accounts.models import Role, User
from nethub.directory.models import Organization
from nethub.directory.services import organization_create, reference_data_load
from nethub.framework.services import framework_load

DEMO_APPS = ["meetings", "consultations", "library", "roster", "reviews", "events", "search"]

# (username, role, organisation acronym or name, first name, last name, is_staff)
DEMO_USERS = [
    ("secretariat", Role.SECRETARIAT, "IOM", "Sam", "Secretariat", True),
    ("focal.unhcr", Role.FOCAL_POINT, "UNHCR", "Farah", "Focal", False),
    ("focal.ilo", Role.FOCAL_POINT, "ILO", "Felix", "Focal", False),
    (
        "stakeholder",
        Role.STAKEHOLDER,
        "Demo Migrant Rights Coalition",
        "Sofia",
        "Stakeholder",
        False,
    ),
    ("stakeholder2", Role.STAKEHOLDER, "Demo Workers' Union", "Tomas", "Unionist", False),
    ("memberstate", Role.MEMBER_STATE, "Mexico", "Mar", "Delegate", False),
]

DEMO_ORGANIZATIONS = [
    ("Demo Migrant Rights Coalition", "ngo", "DMRC"),
    ("Demo Workers' Union", "trade_union", "DWU"),
]


def demo_users_ensure(*, password: str | None = None) -> dict[str, str]:
    """Create the demo users (idempotent). Returns username → password for those created or
    reset; the password comes from DEMO_PASSWORD or is generated."""
    for name, kind, acronym in DEMO_ORGANIZATIONS:
        if not Organization.objects.filter(name=name).exists():
            organization_create(name=name, kind=kind, acronym=acronym, is_network_member=True)
    password = password or getattr(settings, "DEMO_PASSWORD", "") or secrets.token_urlsafe(9)
    created = {}
    for username, role, org_name, first, last, is_staff in DEMO_USERS:
        organization = (
            Organization.objects.filter(acronym=org_name).first()
            or Organization.objects.filter(name=org_name).first()
        )
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@example.org"
        user.role = role
        user.organization = organization
        user.is_staff = is_staff
        user.set_password(password)
        user.save()
        created[username] = password
    return created


def demo_load(*, stdout, fixtures_dir: Path | None = None, password: str | None = None) -> None:
    fixtures_dir = fixtures_dir or settings.NETHUB_FIXTURES_DIR
    with transaction.atomic():
        counts = reference_data_load()
        elements = framework_load()
    stdout.write(
        f"Reference data: {counts['countries']} countries, {counts['member_states']} Member "
        f"States, {counts['un_entities']} UN entities, {elements} framework elements."
    )
    users = demo_users_ensure(password=password)
    if not fixtures_dir.is_dir():
        stdout.write(
            f"No fixtures at {fixtures_dir}: reference data, users and the demo records that "
            "need no document only."
        )
        fixtures_dir = None
    for app in DEMO_APPS:
        try:
            module = import_module(f"nethub.{app}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"nethub.{app}.demo":
                raise
            continue
        module.load(fixtures_dir=fixtures_dir, stdout=stdout)
    stdout.write("Demo users (user name / password):")
    for username, password in users.items():
        stdout.write(f"  {username:14} {password}")
