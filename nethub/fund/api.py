"""REST API of the fund. Published programmes, windows, targets, allocations, the Steering
Committee and the fund's position are public to read; the whole pipeline to the secretariat and
the Steering Committee; contributions to those who may see them (a donor: its own), never to the
anonymous. Moving a programme: POST /api/fund-programmes/{id}/move/ by the rules."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import api_settings

from nethub.api.permissions import ReadPublicWriteByRule
from nethub.api.schema import NethubAutoSchema
from nethub.fund import selectors, services
from nethub.fund.models import (
    Allocation,
    Contribution,
    FundingTarget,
    FundingWindow,
    Membership,
    Programme,
    Stage,
)


class WindowSerializer(serializers.ModelSerializer):
    class Meta:
        model = FundingWindow
        fields = ["id", "code", "name", "kind", "description"]


class ProgrammeSerializer(serializers.ModelSerializer):
    thematic_area = serializers.CharField(
        source="thematic_area.code", default=None, allow_null=True
    )
    window = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    region = serializers.StringRelatedField(allow_null=True)
    countries = serializers.SlugRelatedField(slug_field="iso2", many=True, read_only=True)
    convening_organization = serializers.StringRelatedField(allow_null=True)

    class Meta:
        model = Programme
        fields = [
            "id",
            "reference",
            "title",
            "summary",
            "stage",
            "is_placeholder",
            "window",
            "thematic_area",
            "countries",
            "region",
            "convening_organization",
            "partners",
            "currency",
            "usd_rate",
            "requested_budget",
            "approved_budget",
            "requested_usd",
            "approved_usd",
            "duration_months",
            "gender_marker",
            "human_rights_marker",
            "submitted_on",
            "selected_on",
            "selection_decision",
            "progress",
            "progress_percent",
        ]
        read_only_fields = fields


class MoveSerializer(serializers.Serializer):
    to_stage = serializers.ChoiceField(choices=Stage.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    effective_on = serializers.DateField(required=False, allow_null=True, default=None)
    allocation_usd = serializers.DecimalField(
        max_digits=16, decimal_places=2, required=False, allow_null=True, default=None
    )


class ProgrammeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProgrammeSerializer
    filterset_fields = ["stage", "is_placeholder"]
    search_fields = ["reference", "title"]
    write_permission = "fund.move_programme"

    def get_queryset(self):
        return selectors.programme_list(user=self.request.user)

    @extend_schema(request=MoveSerializer, responses=ProgrammeSerializer)
    @action(detail=True, methods=["post"], serializer_class=MoveSerializer)
    def move(self, request, pk=None):
        programme = self.get_object()
        serializer = MoveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            programme = services.programme_transition(
                programme=programme, actor=request.user, **serializer.validated_data
            )
        except PermissionDenied as error:
            raise ApiPermissionDenied(str(error)) from error
        except ValidationError as error:
            raise ApiValidationError({api_settings.NON_FIELD_ERRORS_KEY: error.messages}) from error
        return Response(ProgrammeSerializer(programme).data)


class ContributionSerializer(serializers.ModelSerializer):
    donor = serializers.StringRelatedField()
    window = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Contribution
        fields = [
            "id",
            "reference",
            "donor",
            "kind",
            "date",
            "received_on",
            "amount",
            "currency",
            "usd_rate",
            "amount_usd",
            "window",
            "earmarking",
            "is_placeholder",
        ]
        read_only_fields = fields


class ContributionViewSet(viewsets.ReadOnlyModelViewSet):
    """Contributions the user may see: all for the secretariat and the Steering Committee,
    its own for a donor's representative."""

    serializer_class = ContributionSerializer
    permission_classes = [IsAuthenticated]
    filterset_fields = ["kind", "currency"]

    def get_queryset(self):
        return selectors.contribution_list(user=self.request.user)


class TargetSerializer(serializers.ModelSerializer):
    window = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = FundingTarget
        fields = ["id", "year", "window", "amount_usd", "source"]


class AllocationSerializer(serializers.ModelSerializer):
    programme = serializers.SlugRelatedField(slug_field="reference", read_only=True)

    class Meta:
        model = Allocation
        fields = ["id", "programme", "date", "amount_usd", "window"]


class SteeringMembershipSerializer(serializers.ModelSerializer):
    organization = serializers.StringRelatedField()

    class Meta:
        model = Membership
        fields = ["id", "organization", "seat", "start_date", "end_date", "is_placeholder"]


class WindowViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = FundingWindow.objects.all()
    serializer_class = WindowSerializer


class TargetViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = FundingTarget.objects.select_related("window")
    serializer_class = TargetSerializer


class AllocationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AllocationSerializer

    def get_queryset(self):
        visible = selectors.programme_list(user=self.request.user).values("pk")
        return Allocation.objects.filter(programme__in=visible).select_related("programme")


class MembershipViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Membership.objects.select_related("organization")
    serializer_class = SteeringMembershipSerializer


class PositionSerializer(serializers.Serializer):
    on = serializers.DateField()
    target = serializers.DecimalField(max_digits=18, decimal_places=2)
    committed_this_year = serializers.DecimalField(max_digits=18, decimal_places=2)
    committed = serializers.DecimalField(max_digits=18, decimal_places=2)
    received = serializers.DecimalField(max_digits=18, decimal_places=2)
    pledged = serializers.DecimalField(max_digits=18, decimal_places=2)
    allocated = serializers.DecimalField(max_digits=18, decimal_places=2)
    balance = serializers.DecimalField(max_digits=18, decimal_places=2)
    unfunded_demand = serializers.DecimalField(max_digits=18, decimal_places=2)
    unfunded_programmes = serializers.IntegerField()


class _OneObjectSchema(NethubAutoSchema):
    """The position is one object, though the router calls the action `list`."""

    def _is_list_view(self, serializer=None) -> bool:
        return False


class PositionViewSet(viewsets.ViewSet):
    """The fund's position in USD on a date (today by default)."""

    permission_classes = [ReadPublicWriteByRule]
    schema = _OneObjectSchema()

    @extend_schema(
        parameters=[OpenApiParameter("on", datetime.date, description="YYYY-MM-DD")],
        responses=PositionSerializer,
    )
    def list(self, request):
        on = datetime.date.today()
        if request.query_params.get("on"):
            # A date that cannot be read is a 400, not silently today (found by schemathesis).
            try:
                on = serializers.DateField().run_validation(request.query_params["on"])
            except ApiValidationError as error:
                raise ApiValidationError({"on": error.detail}) from error
        return Response(PositionSerializer(selectors.fund_position(on=on)).data)


def register(router) -> None:
    router.register("fund-windows", WindowViewSet, basename="fund-window")
    router.register("fund-programmes", ProgrammeViewSet, basename="fund-programme")
    router.register("fund-contributions", ContributionViewSet, basename="fund-contribution")
    router.register("fund-targets", TargetViewSet, basename="fund-target")
    router.register("fund-allocations", AllocationViewSet, basename="fund-allocation")
    router.register("fund-sc-members", MembershipViewSet, basename="fund-sc-member")
    router.register("fund-position", PositionViewSet, basename="fund-position")
