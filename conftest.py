"""Fixtures shared by every app's tests: reference data, users in each role, and a real
Chromium driven by Playwright for the browser tests."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from django.conf import settings

FIXTURES_DIR = Path(settings.NETHUB_FIXTURES_DIR)
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def fixture_path(name: str) -> Path:
    """A real document from ../shared/fixtures; the test is skipped where the folder is absent
    (outside CI), and fails in CI, where it must be there."""
    path = FIXTURES_DIR / name
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"fixture {path} is missing in CI")
        pytest.skip(f"fixture {path} not available")
    return path


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Reference data (countries, Member States, UN entities, the GCM framework) is loaded once
    into the test database; tests run in transactions on top of it."""
    from nethub.directory.services import reference_data_load
    from nethub.framework.services import framework_load

    with django_db_blocker.unblock():
        reference_data_load()
        framework_load()


@pytest.fixture
def reference_data(db):
    """Reference data, reloaded if a transactional test flushed it."""
    from nethub.directory.models import Organization
    from nethub.directory.services import reference_data_load
    from nethub.framework.models import FrameworkElement
    from nethub.framework.services import framework_load

    if not Organization.objects.filter(kind="un_entity").exists():
        reference_data_load()
    if not FrameworkElement.objects.exists():
        framework_load()


def _user(role: str, org_name: str, kind: str, username: str):
    from nethub.accounts.models import User
    from nethub.directory.models import Organization
    from nethub.directory.services import organization_create

    organization = (
        Organization.objects.filter(acronym=org_name).first()
        or Organization.objects.filter(name=org_name).first()
        or organization_create(name=org_name, kind=kind, is_network_member=True)
    )
    user = User.objects.create_user(
        username=username,
        password="correct-horse-battery",
        email=f"{username}@example.org",
        first_name=username.split("_")[0].title(),
        last_name="Tester",
        role=role,
        organization=organization,
    )
    return user


@pytest.fixture
def secretariat_user(reference_data):
    from nethub.accounts.models import Role

    user = _user(Role.SECRETARIAT, "IOM", "un_entity", "secretariat_user")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


@pytest.fixture
def focal_point_user(reference_data):
    from nethub.accounts.models import Role

    return _user(Role.FOCAL_POINT, "UNHCR", "un_entity", "focal_user")


@pytest.fixture
def stakeholder_user(reference_data):
    from nethub.accounts.models import Role

    return _user(Role.STAKEHOLDER, "Test Migrant Rights Network", "ngo", "stakeholder_user")


@pytest.fixture
def member_state_user(reference_data):
    from nethub.accounts.models import Role

    return _user(Role.MEMBER_STATE, "Mexico", "member_state", "memberstate_user")


@pytest.fixture
def users_by_role(secretariat_user, focal_point_user, stakeholder_user, member_state_user):
    """One user per role, and the anonymous public, for tests of permissions."""
    from django.contrib.auth.models import AnonymousUser

    return {
        "anonymous": AnonymousUser(),
        "stakeholder": stakeholder_user,
        "focal_point": focal_point_user,
        "member_state": member_state_user,
        "secretariat": secretariat_user,
    }


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium driven by Playwright (never Playwright's own download)."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs it")
        pytest.skip("Chromium is not installed (make test installs it)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by
    # the test itself are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def browser_login(page, username: str, password: str = "correct-horse-battery") -> None:
    page.goto("/accounts/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request to a /fr/ or /es/ page leaves that language active in the test's thread; the
    next test would render in it (and pass or fail by accident once a catalogue is translated)."""
    yield
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_vector_index_after_each_test():
    """Each test's rows are rolled back and their ids used again by the next test: a vector
    index kept across tests would hold another test's vectors under those ids."""
    yield
    vectors = sys.modules.get("nethub.search.vectors")
    if vectors is not None:
        vectors.forget(snapshot=True)


@pytest.fixture(autouse=True)
def _empty_cache_after_each_test():
    """Each test's rows are rolled back, and the fund's version of its figures with them: a
    cache kept across tests could answer the next test with figures cached for another's."""
    yield
    from django.core.cache import cache

    cache.clear()


class TaskQueue:
    """The database task backend as production runs it: a write enqueues, a worker runs."""

    def paths(self, status: str | None = None) -> list[str]:
        from django_tasks_db.models import DBTaskResult

        results = DBTaskResult.objects.all()
        if status:
            results = results.filter(status=status)
        return sorted(
            path.rsplit(".", 1)[-1] for path in results.values_list("task_path", flat=True)
        )

    def work(self) -> None:
        from django.core.management import call_command

        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.fixture
def task_queue(settings) -> TaskQueue:
    """Tasks go to the database (`django_tasks_db`) and wait for `task_queue.work()`. Use in a
    `django_db(transaction=True)` test, so that `on_commit` callbacks run and the worker sees
    the rows."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return TaskQueue()
