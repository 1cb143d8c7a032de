from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from nethub.search.adapters import searchable_models
from nethub.search.services import index_rebuild, semantic_enabled


class Command(BaseCommand):
    help = (
        "Rebuild the search index (passages, keyword index, embeddings) of every searchable "
        "model, or of the models given as app_label.Model."
    )

    def add_arguments(self, parser):
        parser.add_argument("models", nargs="*", help="e.g. library.Document directory.Person")
        parser.add_argument("--batch-size", type=int, default=200)

    def handle(self, *args, models=(), batch_size=200, **options):
        chosen = None
        if models:
            try:
                chosen = [apps.get_model(label) for label in models]
            except (LookupError, ValueError) as error:
                raise CommandError(str(error)) from error
            unknown = [m._meta.label for m in chosen if m not in searchable_models()]
            if unknown:
                raise CommandError(f"Not searchable: {', '.join(unknown)}")
        if not semantic_enabled():
            self.stdout.write("Semantic search is off (SEARCH_SEMANTIC): no embeddings.")
        counts = index_rebuild(stdout=self.stdout, batch_size=batch_size, models=chosen)
        total = sum(counts.values())
        self.stdout.write(self.style.SUCCESS(f"Indexed {total} records."))
