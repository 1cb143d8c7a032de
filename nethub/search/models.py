"""The search index: records cut into passages, each with its facets and its embedding.

Keyword search runs through modelsearch's index of `Passage` (the database's own full-text
engine); semantic search over the passages' embeddings, held in memory per process.
"""

import re
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index


class Passage(index.Indexed, models.Model):
    """One chunk (about 100-150 words) of a searchable record, with the record's facets.

    Multi-valued facets are stored as delimited text ("|unhcr|iom|"): facet counts read them
    from the passages found, the vector index filters on them, and the full-text index
    holds them as words (`facet_tokens`).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=40, db_index=True)
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"))
    url = models.CharField(_("address"), max_length=500)
    language = models.CharField(_("language"), max_length=8, blank=True, db_index=True)
    date = models.DateField(_("date"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    organizations = models.TextField(_("organisations"), blank=True)
    countries = models.TextField(_("countries"), blank=True)
    regions = models.TextField(_("regions"), blank=True)
    objectives = models.TextField(_("GCM objectives"), blank=True)
    organization_kinds = models.TextField(_("organisation kinds"), blank=True)
    # float16, 384 dimensions, unit length (see embeddings.to_bytes).
    embedding = models.BinaryField(_("embedding"), null=True, blank=True)

    # Indexed explicitly, in bulk, by services.record_index: no per-row signal handlers.
    search_auto_update = False
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("text"),
        index.SearchField("facet_tokens"),
        index.FilterField("kind"),
        index.FilterField("language"),
        index.FilterField("year"),
    ]

    class Meta:
        ordering = ["content_type_id", "object_id", "position"]
        indexes = [models.Index(fields=["content_type", "object_id", "position"])]
        verbose_name = _("passage")
        verbose_name_plural = _("passages")

    def __str__(self) -> str:
        return f"{self.title} [{self.position}]"

    @property
    def record_key(self) -> tuple[int, int]:
        return self.content_type_id, self.object_id

    @property
    def facet_tokens(self) -> str:
        """The passage's facet values as words of the full-text index ("zzkmeeting zzy2024"),
        so that a facet filter is one more term for the full-text engine to intersect, not
        a check of every match against the passage table."""
        return " ".join(
            facet_token(facet, value)
            for facet, column in FACET_COLUMN_NAMES.items()
            for value in self.facet_values(column)
        )

    def facet_values(self, facet: str) -> list[str]:
        if facet in MULTI_VALUED_FACETS:
            return [value for value in getattr(self, facet).split("|") if value]
        value = getattr(self, facet)
        return [] if value in (None, "") else [str(value)]


MULTI_VALUED_FACETS = ("organizations", "countries", "regions", "objectives")
# Facet name (as in URLs and filters) -> Passage column.
FACET_COLUMN_NAMES = {
    "kind": "kind",
    "language": "language",
    "year": "year",
    "organization": "organizations",
    "country": "countries",
    "region": "regions",
    "objective": "objectives",
}
_TOKEN_PREFIX = {
    "kind": "zzk",
    "language": "zzl",
    "year": "zzy",
    "organization": "zzo",
    "country": "zzc",
    "region": "zzr",
    "objective": "zzg",
}


def facet_token(facet: str, value) -> str:
    """One word, letters and digits only, that no tokenizer splits ("zzoiom", "zzg23")."""
    return _TOKEN_PREFIX[facet] + re.sub(r"[^a-z0-9]", "", str(value).lower())


class IndexState(models.Model):
    """One row: bumped on every change to the index, so that each process knows when to reload
    its vector index of embeddings up to date (one cheap query per search)."""

    version = models.PositiveBigIntegerField(default=0)
    # New on every change: a version number alone can repeat after a rolled-back transaction.
    stamp = models.UUIDField(default=uuid.uuid4)

    class Meta:
        verbose_name = _("index state")
        verbose_name_plural = _("index state")

    def __str__(self) -> str:
        return f"search index v{self.version}"


def index_stamp() -> str:
    """The index's current stamp: one small query, changes with every write to the index."""
    stamp = IndexState.objects.filter(pk=1).values_list("stamp", flat=True).first()
    return str(stamp or "")
