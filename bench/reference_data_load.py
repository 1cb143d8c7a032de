"""How long loading the reference data takes, on an empty database and again on a full one.

Run: .venv/bin/python bench/reference_data_load.py (uses a throw-away SQLite database)."""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nethub.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from nethub.directory.services import reference_data_load  # noqa: E402

call_command("migrate", verbosity=0)
figures = {}
for label in ("empty", "again"):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        counts = reference_data_load()
        figures[f"{label}_s"] = round(time.perf_counter() - started, 3)
    figures[f"{label}_queries"] = len(queries)
print(" ".join(f"{key}={value}" for key, value in {**counts, **figures}.items()))
