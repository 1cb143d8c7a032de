"""Back office for the directory. Reference data is loaded by `reference_data_load`; staff
correct it and add stakeholders here."""

from django.contrib import admin

from nethub.directory.models import (
    ChampionCountry,
    Country,
    Network,
    Organization,
    OrganizationAlias,
    Person,
    Region,
)
from nethub.directory.names import normalise_name


class OrganizationAliasInline(admin.TabularInline):
    model = OrganizationAlias
    fields = ["alias"]
    extra = 1


class PersonInline(admin.TabularInline):
    model = Person
    fields = ["name", "honorific", "title", "email"]
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "acronym",
        "kind",
        "country",
        "is_network_member",
        "is_executive_committee",
    ]
    list_filter = ["kind", "is_network_member", "is_executive_committee", "country__region"]
    search_fields = ["name", "acronym", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    inlines = [OrganizationAliasInline, PersonInline]

    def save_formset(self, request, form, formset, change):
        # The lookup key of an alias is derived from it, never typed.
        for instance in formset.save(commit=False):
            if isinstance(instance, OrganizationAlias):
                instance.normalized = normalise_name(instance.alias)
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "organization"]
    search_fields = ["name", "title", "organization__name", "organization__acronym"]
    autocomplete_fields = ["organization"]


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "iso2", "iso3", "region", "subregion", "is_un_member"]
    list_filter = ["is_un_member", "region"]
    search_fields = ["name", "official_name", "iso2", "iso3"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name"]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "scope", "country", "region", "established_on"]
    list_filter = ["scope"]
    search_fields = ["name"]
    autocomplete_fields = ["country", "region", "members"]


@admin.register(ChampionCountry)
class ChampionCountryAdmin(admin.ModelAdmin):
    list_display = ["country", "joined_on"]
    autocomplete_fields = ["country"]
