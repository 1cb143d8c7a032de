"""REST API of the roster: listed experts, with only the fields each chose to make public."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from nethub.roster.models import ExpertApplication


class PublicExpertSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()
    organization = serializers.SerializerMethodField()
    expertise = serializers.SerializerMethodField()
    languages = serializers.SerializerMethodField()
    regions = serializers.SerializerMethodField()
    countries = serializers.SerializerMethodField()
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = ExpertApplication
        fields = ["id", "url", "name", "organization", "expertise", "languages", "regions",
                  "countries"]  # fmt: skip

    def _shown(self, expert, field, value):
        return value if expert.shows_publicly(field) else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_name(self, expert):
        return self._shown(expert, "name", expert.full_name)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_organization(self, expert):
        return self._shown(expert, "organization", expert.organization_label)

    @extend_schema_field(serializers.ListField(child=serializers.CharField(), allow_null=True))
    def get_expertise(self, expert):
        return self._shown(
            expert, "expertise", [f"{e.kind}:{e.code}" for e in expert.expertise.all()]
        )

    @extend_schema_field(serializers.ListField(child=serializers.CharField(), allow_null=True))
    def get_languages(self, expert):
        return self._shown(expert, "languages", [lang.code for lang in expert.languages.all()])

    @extend_schema_field(serializers.ListField(child=serializers.CharField(), allow_null=True))
    def get_regions(self, expert):
        return self._shown(expert, "regions", [r.slug for r in expert.regions.all()])

    @extend_schema_field(serializers.ListField(child=serializers.CharField(), allow_null=True))
    def get_countries(self, expert):
        return self._shown(expert, "regions", [c.iso2 for c in expert.countries.all()])


class ExpertViewSet(viewsets.ReadOnlyModelViewSet):
    """Accepted experts who consented to be listed; each field is null unless the expert chose
    to show it."""

    serializer_class = PublicExpertSerializer

    def get_queryset(self):
        return (
            ExpertApplication.objects.filter(
                status=ExpertApplication.Status.ACCEPTED, consent_to_be_listed=True
            )
            .select_related("organization")
            .prefetch_related("expertise", "languages", "regions", "countries")
            .order_by("id")
        )


def register(router) -> None:
    router.register("roster/experts", ExpertViewSet, basename="roster-expert")
