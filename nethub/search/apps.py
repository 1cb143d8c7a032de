from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "nethub.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from nethub.core.backup import restored
        from nethub.search.warmup import warm_up_on_start

        restored.connect(_after_restore, dispatch_uid="search-after-restore")
        warm_up_on_start()


def _after_restore(sender, rebuild_index: bool = True, **kwargs):
    """The keyword index is not in a backup (SQLite keeps it in virtual tables): rebuilt from
    the restored rows. Passages and embeddings are restored; the vector snapshot on disk
    described the old data, so it goes."""
    from nethub.search import vectors
    from nethub.search.services import keyword_index_rebuild

    vectors.forget(snapshot=True)
    if rebuild_index:
        keyword_index_rebuild()
