"""`python -m nethub COMMAND ...` runs a management command, as manage.py does."""

import os
import sys

from django.core.management import execute_from_command_line

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nethub.settings.base")
    execute_from_command_line(["nethub", *sys.argv[1:]])
