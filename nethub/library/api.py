"""REST API of the Knowledge Platform: documents that are ready and published practices,
read-only (uploads and reviews go through the site, where files are checked)."""

from __future__ import annotations

from django.db.models import Prefetch
from rest_framework import serializers, viewsets

from nethub.core.files import file_url
from nethub.framework.models import Tagging
from nethub.library.models import Document, Practice


class TagSerializer(serializers.ModelSerializer):
    """A confirmed GCM tag. Suggestions and their confidence are for editors, on the site."""

    kind = serializers.CharField(source="element.kind")
    code = serializers.CharField(source="element.code")
    title = serializers.CharField(source="element.title")

    class Meta:
        model = Tagging
        # Confirmed tags only, without the machine's scores: the API is public.
        fields = ["kind", "code", "title", "status"]


_TAGS = Prefetch(
    "taggings",
    queryset=Tagging.objects.filter(status=Tagging.Status.CONFIRMED).select_related("element"),
)


class DocumentSerializer(serializers.ModelSerializer):
    organizations = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    countries = serializers.SlugRelatedField(many=True, read_only=True, slug_field="iso2")
    regions = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    tags = TagSerializer(source="taggings", many=True, read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    file_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id", "url", "kind", "title", "date", "language", "summary", "organizations",
            "countries", "regions", "mime_type", "file_url", "text", "tags", "created_at",
        ]  # fmt: skip

    def get_file_url(self, document: Document) -> str:
        return file_url(document, "file")


class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    """Library documents whose text was extracted (status ready)."""

    serializer_class = DocumentSerializer
    filterset_fields = ["kind", "language"]
    search_fields = ["title", "summary"]
    ordering_fields = ["date", "created_at", "title"]

    def get_queryset(self):
        return (
            Document.objects.filter(status=Document.Status.READY)
            .prefetch_related("organizations", "countries", "regions", _TAGS)
            .order_by("-date", "-id")
        )


class PracticeSerializer(serializers.ModelSerializer):
    organization = serializers.SlugRelatedField(read_only=True, slug_field="slug", allow_null=True)
    countries = serializers.SlugRelatedField(many=True, read_only=True, slug_field="iso2")
    regions = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    tags = TagSerializer(source="taggings", many=True, read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Practice
        fields = [
            "id", "url", "title", "summary", "description", "results", "replicability",
            "implementation", "start_year", "organization", "partners", "countries", "regions",
            "language", "status", "published_at", "tags",
        ]  # fmt: skip


class PracticeViewSet(viewsets.ReadOnlyModelViewSet):
    """Published practices; the secretariat (reviewers) also sees those in review, with their
    status."""

    serializer_class = PracticeSerializer
    filterset_fields = ["implementation", "language", "status"]
    search_fields = ["title", "summary"]
    ordering_fields = ["published_at", "title"]

    def get_queryset(self):
        practices = Practice.objects.all()
        if not self.request.user.has_perm("library.review_practice"):
            practices = practices.filter(status=Practice.Status.PUBLISHED)
        return (
            practices.select_related("organization")
            .prefetch_related("countries", "regions", _TAGS)
            .order_by("-published_at", "-id")
        )


def register(router) -> None:
    router.register("library/documents", DocumentViewSet, basename="library-document")
    router.register("library/practices", PracticeViewSet, basename="library-practice")
