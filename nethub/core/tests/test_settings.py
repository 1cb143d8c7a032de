"""Production is the default: without DEBUG and a SECRET_KEY nethub refuses to start, and
production settings keep cookies secure."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _run(code: str, **env) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "NETHUB_COMMAND_LINE",
        }
    }
    environment.update(DJANGO_SETTINGS_MODULE="nethub.settings.base", **env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip


def test_refuses_to_start_without_a_secret_key():
    result = _run("import django; django.setup()")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_web_server_entry_point_refuses_to_start_without_a_secret_key():
    result = _run("import nethub.wsgi")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_management_commands_run_without_a_secret_key(tmp_path):
    """A one-off command needs no configured secret (it gets a random one for its process),
    so `manage.py extract_meeting PATH` works on a fresh checkout; serving still refuses."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "NETHUB_COMMAND_LINE"}
    }
    environment["DATABASE_URL"] = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    check = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=environment,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    serve = subprocess.run(
        [sys.executable, "manage.py", "runserver", "--noreload"], cwd=ROOT, env=environment,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert serve.returncode != 0
    assert "SECRET_KEY must be set" in serve.stderr


def test_production_settings_are_secure():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS > 0, s.SESSION_COOKIE_HTTPONLY, s.ALLOWED_HOSTS)"
    )
    result = _run(code, SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True", "True", "True", "[]"]


def test_debug_starts_without_a_secret_key_and_relaxes_cookies():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE)"
    )
    result = _run(code, DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False"]


def test_deploy_check_has_no_errors_with_production_settings():
    result = _run(
        "import django, sys; django.setup(); from django.core.management import call_command; "
        "call_command('check', '--deploy', '--fail-level', 'ERROR')",
        SECRET_KEY="a-long-and-random-production-secret-key-" + "k" * 30,
        ALLOWED_HOSTS="nethub.example.org",
    )
    assert result.returncode == 0, result.stderr


def test_tasks_go_to_the_database_queue_in_production_and_run_inline_with_debug(monkeypatch):
    """A request never embeds or e-mails inline in production: `manage.py db_worker` does."""
    monkeypatch.delenv("TASKS_BACKEND", raising=False)
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.TASKS['default']['BACKEND'])"
    )
    production = _run(code, SECRET_KEY="x" * 50)
    assert production.returncode == 0, production.stderr
    assert production.stdout.strip() == "django_tasks_db.DatabaseBackend"
    debug = _run(code, DEBUG="1")
    assert debug.stdout.strip() == "django_tasks.backends.immediate.ImmediateBackend"
    chosen = _run(code, SECRET_KEY="x" * 50, TASKS_BACKEND="immediate")
    assert chosen.stdout.strip() == "django_tasks.backends.immediate.ImmediateBackend"
