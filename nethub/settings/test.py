"""Settings for the test suite: production settings with fast hashing and no TLS redirects."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")

from nethub.settings.base import *  # noqa: E402,F403
from nethub.settings.base import STORAGES  # noqa: E402

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
AXES_FAILURE_LIMIT = 5
WHITENOISE_AUTOREFRESH = True
# Records are indexed without embeddings (no model load); tests marked "model" turn it on.
SEARCH_SEMANTIC = False
# Tests that want the embedding service start one themselves (search/tests/test_embedding_service).
EMBEDDING_SERVICE_URL = ""
# High enough for the suite's own requests; test_hostile_edge lowers them to see the 429.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
}
# The demo password file of a test run, never the developer's.
DEMO_PASSWORD_FILE = Path(tempfile.mkdtemp(prefix="nethub-test-")) / "demo-password"
# One snapshot folder per test run, never the developer's.
SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="nethub-search-index-"))
