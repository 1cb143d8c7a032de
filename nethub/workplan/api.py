"""REST API of the workplan, read-only: endorsed (and closed) workplans, their priorities,
working groups and workstreams with co-leads and members, and activities with progress."""

from __future__ import annotations

from rest_framework import serializers, viewsets

from nethub.library.api import _TAGS, TagSerializer
from nethub.workplan.models import Activity, Membership, Priority, WorkingGroup, Workplan

PUBLIC = ("endorsed", "closed")


class WorkplanSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    endorsed_at = serializers.StringRelatedField(allow_null=True)
    tags = TagSerializer(source="taggings", many=True, read_only=True)

    class Meta:
        model = Workplan
        fields = [
            "id",
            "url",
            "title",
            "slug",
            "start_year",
            "end_year",
            "status",
            "summary",
            "endorsed_on",
            "endorsed_at",
            "previous",
            "tags",
        ]


class PrioritySerializer(serializers.ModelSerializer):
    tags = TagSerializer(source="taggings", many=True, read_only=True)

    class Meta:
        model = Priority
        fields = [
            "id",
            "workplan",
            "number",
            "title",
            "novelty",
            "description",
            "status",
            "successor",
            "tags",
        ]


class MembershipSerializer(serializers.ModelSerializer):
    organization = serializers.SlugRelatedField(read_only=True, slug_field="slug")

    class Meta:
        model = Membership
        fields = ["organization", "role"]


class WorkingGroupSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    memberships = MembershipSerializer(many=True, read_only=True)
    tags = TagSerializer(source="taggings", many=True, read_only=True)

    class Meta:
        model = WorkingGroup
        fields = [
            "id",
            "url",
            "workplan",
            "priority",
            "kind",
            "number",
            "title",
            "description",
            "status",
            "successor",
            "memberships",
            "meetings",
            "documents",
            "tags",
        ]


class ActivitySerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    lead = serializers.SlugRelatedField(read_only=True, slug_field="slug", allow_null=True)
    contributors = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    tags = TagSerializer(source="taggings", many=True, read_only=True)

    class Meta:
        model = Activity
        fields = [
            "id",
            "url",
            "group",
            "title",
            "description",
            "lead",
            "contributors",
            "start_date",
            "due_date",
            "status",
            "progress",
            "documents",
            "tags",
        ]


class WorkplanViewSet(viewsets.ReadOnlyModelViewSet):
    """Endorsed and closed workplans."""

    serializer_class = WorkplanSerializer
    filterset_fields = ["status"]
    search_fields = ["title", "summary"]

    def get_queryset(self):
        return (
            Workplan.objects.filter(status__in=PUBLIC)
            .select_related("endorsed_at__series")
            .prefetch_related(_TAGS)
            .order_by("-start_year", "pk")
        )


class PriorityViewSet(viewsets.ReadOnlyModelViewSet):
    """Priorities of endorsed and closed workplans."""

    serializer_class = PrioritySerializer
    filterset_fields = ["workplan", "status", "novelty"]
    search_fields = ["title", "description"]

    def get_queryset(self):
        return (
            Priority.objects.filter(workplan__status__in=PUBLIC)
            .prefetch_related(_TAGS)
            .order_by("workplan", "position", "pk")
        )


class WorkingGroupViewSet(viewsets.ReadOnlyModelViewSet):
    """Working groups and workstreams of endorsed and closed workplans, with their co-leads
    and members."""

    serializer_class = WorkingGroupSerializer
    filterset_fields = ["workplan", "priority", "kind", "status"]
    search_fields = ["title", "description"]

    def get_queryset(self):
        return (
            WorkingGroup.objects.filter(workplan__status__in=PUBLIC)
            .prefetch_related("memberships__organization", "meetings", "documents", _TAGS)
            .order_by("workplan", "pk")
        )


class ActivityViewSet(viewsets.ReadOnlyModelViewSet):
    """Activities of the groups of endorsed and closed workplans."""

    serializer_class = ActivitySerializer
    filterset_fields = ["group", "status"]
    search_fields = ["title", "description"]

    def get_queryset(self):
        return (
            Activity.objects.filter(group__workplan__status__in=PUBLIC)
            .select_related("lead")
            .prefetch_related("contributors", "documents", _TAGS)
            .order_by("group", "due_date", "pk")
        )


def register(router) -> None:
    router.register("workplan/workplans", WorkplanViewSet, basename="workplan-workplan")
    router.register("workplan/priorities", PriorityViewSet, basename="workplan-priority")
    router.register("workplan/groups", WorkingGroupViewSet, basename="workplan-group")
    router.register("workplan/activities", ActivityViewSet, basename="workplan-activity")
