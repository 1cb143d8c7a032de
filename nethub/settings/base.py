"""Settings for nethub, read from the environment (twelve-factor).

Production is the default: DEBUG is off, cookies are secure and a SECRET_KEY must be given.
`make run` sets DEBUG=1 for local use; the test suite uses `nethub.settings.test`.
"""

import os
import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "insecure-development-key-only-used-with-DEBUG"  # noqa: S105
    elif os.environ.get("NETHUB_COMMAND_LINE") and sys.argv[1:2] != ["runserver"]:
        # A one-off command (extract_meeting, migrate...) signs nothing that must outlive it:
        # a random key for this process only. Serving still needs a real SECRET_KEY.
        SECRET_KEY = secrets.token_urlsafe(50)
    else:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "modelsearch",
    "csp",
    # nethub's own apps, one per domain concept.
    "nethub.core",
    "nethub.accounts",
    "nethub.directory",
    "nethub.framework",
    "nethub.ingest",
    "nethub.meetings",
    "nethub.consultations",
    "nethub.library",
    "nethub.roster",
    "nethub.search",
    "nethub.reviews",
    "nethub.events",
    "nethub.api",
    "nethub.workplan",
    "nethub.fund",
]

MIDDLEWARE = [
    # First: refuses NUL bytes and oversized bodies for every app (nethub/core/middleware.py).
    "nethub.core.middleware.EdgeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "nethub.core.i18n.PreferredLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nethub.urls"
WSGI_APPLICATION = "nethub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "nethub" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "nethub.core.context_processors.site",
            ],
        },
    },
]

# Django's form renderer with the input and label templates written in Python (same markup).
FORM_RENDERER = "nethub.core.renderers.FormRenderer"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if os.environ.get("TEST_DB_SUFFIX") and "postgresql" in DATABASES["default"]["ENGINE"]:
    # Lets several test runs share one PostgreSQL server without clashing.
    DATABASES["default"]["TEST"] = {"NAME": f"test_nethub_{os.environ['TEST_DB_SUFFIX']}"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the background worker and the web process write without blocking readers.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Failed log-ins are throttled per user name and address.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "nethub" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
# Dates in the reader's language: templates use DATE_FORMAT / DATETIME_FORMAT, never a fixed
# pattern ("j M Y" reads "5 May 2021" in Spanish too).
FORMAT_MODULE_PATH = ["nethub.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads above this size are refused before they are read (bytes).
MAX_UPLOAD_SIZE = int(os.environ.get("MAX_UPLOAD_SIZE", str(25 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The whole request body (an upload and its form); the proxy should cap it too.
MAX_REQUEST_BODY = int(os.environ.get("MAX_REQUEST_BODY", str(MAX_UPLOAD_SIZE + 1024 * 1024)))

# Where the real documents the demo is built from live; absent on some machines.
NETHUB_FIXTURES_DIR = Path(
    os.environ.get("NETHUB_FIXTURES_DIR", BASE_DIR.parent / "shared" / "fixtures")
)

# E-mail: console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "")
# Where the demo password is kept once chosen, so each `make run` prints the same one.
DEMO_PASSWORD_FILE = Path(os.environ.get("DEMO_PASSWORD_FILE", BASE_DIR / ".demo-password"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "nethub <no-reply@localhost>")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Background tasks (embedding, text extraction, e-mail) go to the database queue in production,
# so a request never does them inline: `manage.py db_worker` runs them (`make serve` starts it
# beside gunicorn). With DEBUG (`make run`) they run inline, without a worker.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate" if DEBUG else "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND]
    }
}

# /health/ reports the task queue down when a task has waited longer than this (seconds).
HEALTH_TASK_WAIT_LIMIT = int(os.environ.get("HEALTH_TASK_WAIT_LIMIT", "600"))

MODELSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
# Semantic search (sentence embeddings) next to keyword search; off: keyword search only.
SEARCH_SEMANTIC = env_bool("SEARCH_SEMANTIC", True)
# The approximate nearest-neighbour index of passage embeddings (a snapshot each process starts
# from; rebuilt from the database when missing).
SEARCH_INDEX_DIR = Path(os.environ.get("SEARCH_INDEX_DIR", BASE_DIR / "var" / "search-index"))
# One embedding process per machine holds the model and encodes for the app servers and task
# workers (search/embedding_service.py; scripts/serve.py starts it and sets this). Empty: each
# process loads the model itself (development server, tests, one-off commands).
EMBEDDING_SERVICE_URL = os.environ.get("EMBEDDING_SERVICE_URL", "")
# Seconds one request to it may take, a refused connection (the service starting) retried within.
EMBEDDING_SERVICE_TIMEOUT = float(os.environ.get("EMBEDDING_SERVICE_TIMEOUT", "30"))
# When the service does not answer: "local" loads the model in the process (the default with
# DEBUG), "error" raises EmbeddingServiceError (search then answers with keyword results only;
# a task fails with the reason) rather than put a 500 MB model in every worker in a request.
EMBEDDING_SERVICE_FALLBACK = os.environ.get(
    "EMBEDDING_SERVICE_FALLBACK", "local" if DEBUG else "error"
)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "nethub.api.schema.NethubAutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "nethub.api.filters.ModelOrderingFilter",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["nethub.api.permissions.ReadPublicWriteByRule"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "nethub.api.throttling.AnonThrottle",
        "nethub.api.throttling.UserThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "60/minute"),
        "user": os.environ.get("API_THROTTLE_USER", "600/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "nethub API",
    "DESCRIPTION": "Network Hub: directory, GCM framework, meetings, consultations, library.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI's files come from a package, so /api/docs works offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name each for choice sets used by several fields (the fund's stages and markers).
    "ENUM_NAME_OVERRIDES": {
        "FundStageEnum": "nethub.fund.models.Stage",
        "FundMarkerEnum": "nethub.fund.models.Marker",
        "WorkplanItemStatusEnum": "nethub.workplan.models.ItemStatus",
        "ActionPointStatusEnum": "nethub.meetings.models.ActionPointStatus",
        "TagStatusEnum": "nethub.framework.models.Tagging.Status",
    },
    # 400, 403, 404, 413 and 429 described once for every operation (nethub/api/schema.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "nethub.api.schema.add_error_responses",
    ],
}

# Production hardening; each can be relaxed from the environment behind a TLS proxy.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): the site's own scripts and styles only, no inline
# script or style attribute, no frames, no plugins.
CONTENT_SECURITY_POLICY = {
    # Swagger UI and ReDoc (drf-spectacular) and Django's admin carry inline scripts/styles.
    "EXCLUDE_URL_PREFIXES": ["/api/docs", "/api/redoc", "/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # One line per task run is noise in `make run`; failures still show.
        "django_tasks": {"level": "WARNING"},
    },
}
