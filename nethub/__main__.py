"""`python -m nethub COMMAND ...` runs a management command, as manage.py does."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nethub.settings.base")
    os.environ.setdefault("NETHUB_COMMAND_LINE", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["nethub", *sys.argv[1:]])
