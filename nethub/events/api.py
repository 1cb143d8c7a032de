"""REST API of the calendar, read-only: events (meetings are in the meetings API)."""

from __future__ import annotations

from rest_framework import serializers, viewsets

from nethub.events.models import Event


class EventSerializer(serializers.ModelSerializer):
    organisers = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Event
        fields = [
            "id", "url", "kind", "title", "description", "starts_at", "ends_at", "timezone",
            "date_is_approximate", "place", "online_url", "languages", "interpretation",
            "audience", "organisers", "registration_open", "capacity", "status", "source",
        ]  # fmt: skip


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = EventSerializer
    filterset_fields = ["kind", "audience", "status"]

    def get_queryset(self):
        return Event.objects.prefetch_related("organisers").order_by("starts_at", "pk")


def register(router) -> None:
    router.register("events", EventViewSet, basename="event")
