"""The demo: reference data, demo users, and each app's records built from the fixtures.

Each app that has demo records provides `nethub/<app>/demo.py` with
`load(*, fixtures_dir: Path | None, stdout) -> None`; they run in DEMO_APPS order. A missing
fixtures folder means reference data and users only.
"""

from __future__ import annotations

import secrets
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.db import transaction

from nethub.accounts.models import Role, User
from nethub.directory.models import Organization
from nethub.directory.services import organization_create, reference_data_load
from nethub.framework.services import framework_load

DEMO_APPS = [
    "meetings",
    "consultations",
    "library",
    "roster",
    "workplan",
    "fund",
    "reviews",
    "events",
    "search",
]

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
    # UNICEF sits on the Migration MPTF Steering Committee from June 2021 (fund demo).
    ("sc.unicef", Role.FOCAL_POINT, "UNICEF", "Uma", "Steering", False),
]

DEMO_ORGANIZATIONS = [
    ("Demo Migrant Rights Coalition", "ngo", "DMRC"),
    ("Demo Workers' Union", "trade_union", "DWU"),
]


def demo_password_stored(*, initial: str = "") -> str:
    """The demo password kept beside the project (DEMO_PASSWORD_FILE, not in git) so that every
    `make run` prints the same one; created on first use from `initial`, DEMO_PASSWORD or at
    random."""
    path = Path(settings.DEMO_PASSWORD_FILE)
    if path.is_file() and (stored := path.read_text(encoding="utf-8").strip()):
        return stored
    password = initial or getattr(settings, "DEMO_PASSWORD", "") or secrets.token_urlsafe(9)
    try:
        path.write_text(password + "\n", encoding="utf-8")
        path.chmod(0o600)
    except OSError:
        pass  # a read-only checkout: the password is printed, just not kept for the next run
    return password


def demo_users_ensure(*, password: str | None = None) -> dict[str, str]:
    """Create the demo users that are missing; existing users are left exactly as they are
    (a name, role or password changed since is kept). Returns username → the password each
    demo user was given: `password`, else DEMO_PASSWORD (both for new users only), else the
    stored demo password."""
    for name, kind, acronym in DEMO_ORGANIZATIONS:
        if not Organization.objects.filter(name=name).exists():
            organization_create(name=name, kind=kind, acronym=acronym, is_network_member=True)
    stored = demo_password_stored(initial=password or "")
    new_password = password or getattr(settings, "DEMO_PASSWORD", "") or stored
    existing = set(
        User.objects.filter(username__in=[row[0] for row in DEMO_USERS]).values_list(
            "username", flat=True
        )
    )
    given = {}
    for username, role, org_name, first, last, is_staff in DEMO_USERS:
        if username in existing:
            given[username] = stored
            continue
        organization = (
            Organization.objects.filter(acronym=org_name).first()
            or Organization.objects.filter(name=org_name).first()
        )
        user = User(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@example.org",
            role=role,
            organization=organization,
            is_staff=is_staff,
        )
        user.set_password(new_password)
        user.save()
        given[username] = new_password
    return given


@contextmanager
def _no_outgoing_mail():
    """The demo's own actions (a practice submitted, an owner assigned) would send e-mail: in
    development that is a raw message dumped into the console. Drop them while loading."""
    backend = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    try:
        yield
    finally:
        settings.EMAIL_BACKEND = backend


def demo_load(*, stdout, fixtures_dir: Path | None = None, password: str | None = None) -> None:
    """Add what is missing of the demo; never change or remove a record that exists, so that
    running it again (every `make run`) keeps what people entered."""
    with _no_outgoing_mail():
        _demo_load(stdout=stdout, fixtures_dir=fixtures_dir, password=password)


def _demo_load(*, stdout, fixtures_dir: Path | None, password: str | None) -> None:
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
    stdout.write(
        "Demo users (user name / password; the same on every run, a password changed since "
        "is kept):"
    )
    for username, given in users.items():
        stdout.write(f"  {username:14} {given}")
