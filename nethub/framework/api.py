"""The GCM framework in the REST API, read-only."""

from rest_framework import serializers, viewsets

from nethub.framework.models import FrameworkElement


class FrameworkElementSerializer(serializers.ModelSerializer):
    groups = serializers.SerializerMethodField()

    class Meta:
        model = FrameworkElement
        fields = ["id", "kind", "code", "position", "title", "short_title", "description", "groups"]

    def get_groups(self, element: FrameworkElement) -> list[str]:
        """For a thematic area, the codes of the GCM objectives it groups."""
        return [group.code for group in element.groups.all()]


class FrameworkElementViewSet(viewsets.ReadOnlyModelViewSet):
    """GCM objectives, guiding principles, MPTF thematic areas and SDG targets."""

    serializer_class = FrameworkElementSerializer
    filterset_fields = ["kind", "code"]
    search_fields = ["title", "short_title", "description"]
    queryset = FrameworkElement.objects.prefetch_related("groups").order_by("kind", "position")


def register(router) -> None:
    router.register("framework-elements", FrameworkElementViewSet, basename="framework-element")
