#!/usr/bin/env python
"""Django's command-line utility for nethub.

Run from the repository root. If the interpreter running it lacks Django but `make run` or
`make install` made `.venv`, it re-runs itself with the virtual environment's Python.
"""

import os
import sys
from pathlib import Path


def _reexec_in_venv() -> None:
    venv = Path(__file__).resolve().parent / ".venv"
    venv_python = venv / "bin" / "python"
    if venv_python.exists() and Path(sys.prefix).resolve() != venv.resolve():
        os.execv(str(venv_python), [str(venv_python), *sys.argv])  # noqa: S606 (our own venv)


def main() -> None:
    try:
        import django  # noqa: F401
    except ImportError:
        _reexec_in_venv()
        raise
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nethub.settings.base")
    # Commands (extract_meeting, import_meeting, migrate...) run without a configured
    # SECRET_KEY; the web server (nethub.wsgi) still refuses to start without one.
    os.environ.setdefault("NETHUB_COMMAND_LINE", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
