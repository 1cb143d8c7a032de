"""Settings for bench/pages.py: the production settings served over plain HTTP on loopback,
with one extra URL, a bare Django view, to measure pages against."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from nethub.settings.base import *  # noqa: E402,F403

DEBUG = False
ROOT_URLCONF = "bench.support.pages_urls"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
AXES_ENABLED = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False}
