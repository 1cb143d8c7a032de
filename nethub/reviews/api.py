"""REST API of the review cycle, read-only: published voluntary reviews, forums, SG reports,
pledges and confirmed figures (submissions and decisions go through the site)."""

from __future__ import annotations

from django.db.models import Prefetch
from rest_framework import serializers, viewsets

from nethub.framework.models import Tagging
from nethub.reviews.models import Fact, Forum, Pledge, SGReport, VoluntaryReview

_TAGS = Prefetch("taggings", queryset=Tagging.objects.select_related("element"))


class _TagSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(source="element.kind")
    code = serializers.CharField(source="element.code")

    class Meta:
        model = Tagging
        fields = ["kind", "code", "status"]
        ref_name = "ReviewTag"  # the schema's component name; "_Tag" read as private


class VoluntaryReviewSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(read_only=True, slug_field="iso2")
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    objectives = _TagSerializer(source="taggings", many=True, read_only=True)

    class Meta:
        model = VoluntaryReview
        fields = [
            "id", "url", "country", "year", "title", "language", "summary", "status",
            "published_at", "objectives",
        ]  # fmt: skip


class VoluntaryReviewViewSet(viewsets.ReadOnlyModelViewSet):
    """Published and featured voluntary GCM reviews."""

    serializer_class = VoluntaryReviewSerializer
    filterset_fields = ["year", "language", "status"]

    def get_queryset(self):
        return (
            VoluntaryReview.objects.filter(status__in=VoluntaryReview.PUBLIC_STATUSES)
            .select_related("country")
            .prefetch_related(_TAGS)
            .order_by("-year", "pk")
        )


class ForumSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(read_only=True, slug_field="slug", allow_null=True)
    co_facilitators = serializers.SlugRelatedField(many=True, read_only=True, slug_field="iso2")
    roundtables = serializers.SlugRelatedField(many=True, read_only=True, slug_field="title")
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Forum
        fields = [
            "id", "url", "kind", "title", "region", "start_date", "end_date",
            "date_is_approximate", "host", "outcome", "co_facilitators", "roundtables", "source",
        ]  # fmt: skip


class ForumViewSet(viewsets.ReadOnlyModelViewSet):
    """Regional reviews and the IMRF."""

    serializer_class = ForumSerializer
    filterset_fields = ["kind"]

    def get_queryset(self):
        return (
            Forum.objects.select_related("region")
            .prefetch_related("co_facilitators", "roundtables")
            .order_by("start_date", "pk")
        )


class SGReportSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = SGReport
        fields = ["id", "url", "title", "date", "date_is_approximate", "forum", "notes", "source"]


class SGReportViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = SGReportSerializer
    queryset = SGReport.objects.order_by("date", "pk")


class PledgeSerializer(serializers.ModelSerializer):
    pledger = serializers.SlugRelatedField(read_only=True, slug_field="slug", allow_null=True)
    opted_in = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    objectives = _TagSerializer(source="taggings", many=True, read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Pledge
        fields = [
            "id", "url", "title", "text", "pledger", "is_joint", "opted_in", "date", "forum",
            "status", "objectives", "source",
        ]  # fmt: skip


class PledgeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PledgeSerializer
    filterset_fields = ["status", "is_joint"]

    def get_queryset(self):
        return (
            Pledge.objects.select_related("pledger")
            .prefetch_related("opted_in", _TAGS)
            .order_by("-date", "pk")
        )


class FactSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    source_url = serializers.CharField(read_only=True)

    class Meta:
        model = Fact
        fields = [
            "id", "url", "series", "label", "value", "unit", "date", "sentence",
            "source_title", "source_url", "is_headline",
        ]  # fmt: skip


class FactViewSet(viewsets.ReadOnlyModelViewSet):
    """Confirmed figures, each with its source sentence."""

    serializer_class = FactSerializer
    filterset_fields = ["series", "is_headline"]

    def get_queryset(self):
        return (
            Fact.objects.filter(status=Fact.Status.CONFIRMED)
            .select_related("document", "meeting")
            .order_by("series", "date", "pk")
        )


def register(router) -> None:
    router.register("reviews/voluntary", VoluntaryReviewViewSet, basename="voluntary-review")
    router.register("reviews/forums", ForumViewSet, basename="review-forum")
    router.register("reviews/sg-reports", SGReportViewSet, basename="sg-report")
    router.register("reviews/pledges", PledgeViewSet, basename="pledge")
    router.register("reviews/figures", FactViewSet, basename="figure")
