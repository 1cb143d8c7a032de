"""REST API: meetings and action points are public to read; an action point's status is changed
by those the rules allow (POST /api/action-points/{id}/status/)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from nethub.meetings import selectors, services
from nethub.meetings.models import ActionPoint, Meeting


class ActionPointSerializer(serializers.ModelSerializer):
    owner_organization = serializers.StringRelatedField(allow_null=True)
    meeting_date = serializers.DateField(source="meeting.date", read_only=True)
    agenda_item = serializers.StringRelatedField(allow_null=True)
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = ActionPoint
        fields = [
            "id",
            "text",
            "owner",
            "owner_organization",
            "due_date",
            "status",
            "is_overdue",
            "meeting",
            "meeting_date",
            "agenda_item",
            "source_sentence",
        ]
        read_only_fields = fields


class MeetingSerializer(serializers.ModelSerializer):
    series = serializers.StringRelatedField()
    heading = serializers.CharField(read_only=True)
    is_planned = serializers.BooleanField(read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "title",
            "series",
            "date",
            "start_time",
            "end_time",
            "timezone",
            "is_virtual",
            "venue",
            "heading",
            "is_planned",
        ]


class StatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ActionPoint.Status.choices)
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Meeting.objects.select_related("series").order_by("-date")
    serializer_class = MeetingSerializer
    filterset_fields = ["series", "date"]
    search_fields = ["title"]


class ActionPointViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ActionPointSerializer
    filterset_fields = ["status", "meeting", "owner_organization"]
    search_fields = ["text", "owner"]
    ordering_fields = ["due_date", "status"]
    # The view lets those who may update some action points in; the service checks this one.
    write_permission = "meetings.update_action_points"

    def get_queryset(self):
        return selectors.action_point_list()

    @extend_schema(request=StatusSerializer, responses=ActionPointSerializer)
    @action(detail=True, methods=["post"], serializer_class=StatusSerializer)
    def status(self, request, pk=None):
        point = self.get_object()
        serializer = StatusSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            point = services.action_point_update_status(
                action_point=point, actor=request.user, **serializer.validated_data
            )
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from error
        return Response(ActionPointSerializer(point).data)


def register(router) -> None:
    router.register("meetings", MeetingViewSet, basename="meeting")
    router.register("action-points", ActionPointViewSet, basename="action-point")
