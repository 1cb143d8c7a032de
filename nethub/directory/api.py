"""The directory in the REST API: read by anyone; organisations written by the secretariat."""

import django_filters
from django.db.models import Q
from rest_framework import serializers, viewsets

from nethub.directory import selectors, services
from nethub.directory.models import (
    ChampionCountry,
    Country,
    Network,
    Organization,
    OrganizationKind,
    Person,
    Region,
)


class RegionSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Region
        fields = ["slug", "name", "level", "parent"]


class CountrySerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    subregion = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    is_champion = serializers.SerializerMethodField()

    class Meta:
        model = Country
        fields = [
            "iso2", "iso3", "m49", "name", "official_name", "region", "subregion",
            "is_un_member", "is_champion",
        ]  # fmt: skip

    def get_is_champion(self, country: Country) -> bool:
        return hasattr(country, "champion")


class OrganizationSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(
        slug_field="iso2", queryset=Country.objects.all(), required=False, allow_null=True
    )
    aliases = serializers.SerializerMethodField()

    class Meta:
        model = Organization
        fields = [
            "slug", "name", "acronym", "kind", "country", "website", "description",
            "is_network_member", "is_executive_committee", "aliases",
        ]  # fmt: skip
        read_only_fields = ["slug"]

    def get_aliases(self, organization: Organization) -> list[str]:
        return [alias.alias for alias in organization.aliases.all()]

    def create(self, validated_data):
        return services.organization_create(actor=self.context["request"].user, **validated_data)

    def update(self, instance, validated_data):
        return services.organization_update(
            organization=instance, actor=self.context["request"].user, **validated_data
        )


class PersonSerializer(serializers.ModelSerializer):
    organization = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Person
        fields = ["id", "name", "honorific", "title", "organization"]


class NetworkSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field="iso2", read_only=True, allow_null=True)
    region = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    members = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Network
        fields = ["id", "name", "scope", "country", "region", "members", "established_on"]


class ChampionSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field="iso2", read_only=True)

    class Meta:
        model = ChampionCountry
        fields = ["country", "joined_on"]


class OrganizationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices)
    country = django_filters.CharFilter(method="filter_country", label="ISO alpha-2 code")
    region = django_filters.CharFilter(method="filter_region", label="Region slug")

    class Meta:
        model = Organization
        fields = ["kind", "country", "region", "is_network_member", "is_executive_committee"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(country__iso2=value.upper())

    def filter_region(self, queryset, name, value):
        return queryset.filter(Q(country__region__slug=value) | Q(country__subregion__slug=value))


class OrganizationViewSet(viewsets.ModelViewSet):
    """Organisations. Anyone reads; the secretariat creates and updates."""

    serializer_class = OrganizationSerializer
    lookup_field = "slug"
    filterset_class = OrganizationFilter
    search_fields = ["name", "acronym", "aliases__alias"]
    ordering_fields = ["name", "kind", "created_at"]
    write_permission = "directory.change_organization"
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        return (
            Organization.objects.select_related("country")
            .prefetch_related("aliases")
            .order_by("name")
        )

    def get_permissions(self):
        if self.action == "create":
            self.write_permission = "directory.add_organization"
        return super().get_permissions()

    def filter_queryset(self, queryset):
        # Searching aliases joins many rows per organisation.
        return super().filter_queryset(queryset).distinct()


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    """People with their titles and organisations."""

    serializer_class = PersonSerializer
    filterset_fields = ["organization__slug"]
    search_fields = ["name", "title"]
    queryset = Person.objects.select_related("organization").order_by("name")


class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    """Countries and territories with their regions; Member States and Champions marked."""

    serializer_class = CountrySerializer
    lookup_field = "iso2"
    filterset_fields = ["is_un_member", "region__slug", "subregion__slug"]
    search_fields = ["name", "official_name", "iso3"]
    queryset = Country.objects.select_related("region", "subregion", "champion").order_by("name")


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    """UN M49 regions and sub-regions."""

    serializer_class = RegionSerializer
    lookup_field = "slug"
    filterset_fields = ["level"]
    queryset = Region.objects.select_related("parent").order_by("level", "name")


class NetworkViewSet(viewsets.ReadOnlyModelViewSet):
    """Country and regional migration networks."""

    serializer_class = NetworkSerializer
    filterset_fields = ["scope"]
    queryset = selectors.network_list().prefetch_related("members").order_by("name")


class ChampionViewSet(viewsets.ReadOnlyModelViewSet):
    """The GCM Champion countries."""

    serializer_class = ChampionSerializer
    queryset = ChampionCountry.objects.select_related("country")


def register(router) -> None:
    router.register("organizations", OrganizationViewSet, basename="organization")
    router.register("people", PersonViewSet, basename="person")
    router.register("countries", CountryViewSet, basename="country")
    router.register("regions", RegionViewSet, basename="region")
    router.register("networks", NetworkViewSet, basename="network")
    router.register("champions", ChampionViewSet, basename="champion")
