import contextlib
import signal
import sys
import urllib.parse

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from nethub.search.embedding_service import EmbeddingServer, serve

DEFAULT_PORT = 8001


def _default_address() -> tuple[str, int]:
    """Where EMBEDDING_SERVICE_URL says the service is, else 127.0.0.1:8001."""
    parts = urllib.parse.urlsplit(settings.EMBEDDING_SERVICE_URL or "")
    return parts.hostname or "127.0.0.1", parts.port or DEFAULT_PORT


class Command(BaseCommand):
    help = (
        "Serve sentence embeddings over HTTP to this machine's app servers and task workers "
        "(one model in memory for all of them); scripts/serve.py starts it."
    )

    def add_arguments(self, parser):
        host, port = _default_address()
        parser.add_argument("--host", default=host, help=f"default {host}")
        parser.add_argument("--port", type=int, default=port, help=f"default {port}")

    def handle(self, *args, host, port, **options):
        if not settings.SEARCH_SEMANTIC:
            raise CommandError("Semantic search is off (SEARCH_SEMANTIC=0): nothing to serve.")
        # SIGTERM (scripts/serve.py, systemd) ends serve_forever like Ctrl-C does.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        try:
            server = EmbeddingServer((host, port))
        except OSError as error:
            raise CommandError(f"Cannot listen on {host}:{port}: {error}") from error
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: a normal stop
            serve(server)
