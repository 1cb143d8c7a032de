"""Settings: `base` reads the environment (used by manage.py, gunicorn); `test` for pytest."""
