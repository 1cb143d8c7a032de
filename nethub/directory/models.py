"""Who is who in the network: organisations, people, countries, regions and networks.

There is one canonical record per entity; the names documents use for it are its aliases.
"""

from functools import lru_cache

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nethub.core.i18n import reader_language, translated
from nethub.core.models import TimeStampedModel


@lru_cache(maxsize=8)
def _territories(language: str) -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    try:
        return dict(Locale.parse(language).territories)
    except (UnknownLocaleError, ValueError):
        return {}


def country_name(iso2: str, default: str, language: str | None = None) -> str:
    """A country's name in the reader's language (CLDR's, through Babel); our own English
    name in English and wherever CLDR has none."""
    language = language or reader_language()
    if language == settings.LANGUAGE_CODE:
        return default
    return _territories(language).get(iso2) or default


class Region(models.Model):
    """A UN M49 region ("Africa") or sub-region ("Western Africa")."""

    class Level(models.TextChoices):
        REGION = "region", _("Region")
        SUBREGION = "subregion", _("Sub-region")

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="subregions"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class Country(models.Model):
    """A country or territory by ISO 3166, placed in its M49 region and sub-region."""

    iso2 = models.CharField(_("ISO alpha-2"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO alpha-3"), max_length=3, unique=True)
    m49 = models.CharField(_("M49 code"), max_length=3, blank=True)
    name = models.CharField(_("name"), max_length=120)
    official_name = models.CharField(_("official name"), max_length=200, blank=True)
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="countries"
    )
    subregion = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="subregion_countries"
    )
    is_un_member = models.BooleanField(_("UN Member State"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.local_name

    def get_absolute_url(self) -> str:
        return reverse("directory:country_detail", args=[self.iso2])

    @property
    def local_name(self) -> str:
        return country_name(self.iso2, self.name)


class OrganizationKind(models.TextChoices):
    UN_ENTITY = "un_entity", _("UN entity")
    MEMBER_STATE = "member_state", _("Member State")
    IGO = "igo", _("Intergovernmental organisation")
    NGO = "ngo", _("NGO / civil society")
    TRADE_UNION = "trade_union", _("Trade union")
    ACADEMIA = "academia", _("Academia")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    MIGRANT_DIASPORA = "migrant_diaspora", _("Migrant or diaspora organisation")
    NHRI = "nhri", _("National human rights institution")
    OTHER = "other", _("Other")


class Organization(TimeStampedModel):
    name = models.CharField(_("name"), max_length=255, unique=True)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    acronym = models.CharField(_("acronym"), max_length=32, blank=True, db_index=True)
    kind = models.CharField(
        _("kind"), max_length=32, choices=OrganizationKind.choices, db_index=True
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organizations",
        help_text=_("For a Member State, the State itself; otherwise where it is based."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    is_network_member = models.BooleanField(
        _("member of the network"),
        default=False,
        help_text=_("UN entities of the network, and registered stakeholder organisations."),
    )
    is_executive_committee = models.BooleanField(_("Executive Committee member"), default=False)
    translations = models.JSONField(
        _("names in other languages"),
        default=dict,
        blank=True,
        help_text=_('Name and acronym by language: {"fr": {"name": "…", "acronym": "…"}}.'),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.local_acronym or self.local_name

    @property
    def local_name(self) -> str:
        """The name in the reader's language where the reference data gives one."""
        return translated(self.translations, "name", self.name)

    @property
    def local_acronym(self) -> str:
        return translated(self.translations, "acronym", self.acronym) if self.acronym else ""

    @property
    def display_name(self) -> str:
        name, acronym = self.local_name, self.local_acronym
        return f"{name} ({acronym})" if acronym and acronym != name else name

    def get_absolute_url(self) -> str:
        return reverse("directory:organization_detail", args=[self.slug])


class OrganizationAlias(models.Model):
    """Another name documents use for an organisation, stored normalised for lookup."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(_("alias"), max_length=255)
    normalized = models.CharField(max_length=255, unique=True, editable=False)

    class Meta:
        ordering = ["alias"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")

    def __str__(self) -> str:
        return self.alias


class Person(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200, db_index=True)
    honorific = models.CharField(_("honorific"), max_length=16, blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(fields=["name", "organization"], name="person_unique_per_org")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:person_detail", args=[self.pk])


class Network(TimeStampedModel):
    """A country or regional migration network of the UN system."""

    class Scope(models.TextChoices):
        COUNTRY = "country", _("Country network")
        REGIONAL = "regional", _("Regional network")

    name = models.CharField(_("name"), max_length=255, unique=True)
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="networks"
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="networks"
    )
    members = models.ManyToManyField(Organization, blank=True, related_name="networks")
    established_on = models.DateField(_("established"), null=True, blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("The document that states it, with its date."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:network_detail", args=[self.pk])


class ChampionCountry(models.Model):
    """A Member State that champions the GCM, and since when."""

    country = models.OneToOneField(Country, on_delete=models.PROTECT, related_name="champion")
    joined_on = models.DateField(_("joined"), null=True, blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("The document that states it, with its date."),
    )

    class Meta:
        ordering = ["country__name"]
        verbose_name = _("Champion country")
        verbose_name_plural = _("Champion countries")

    def __str__(self) -> str:
        return str(self.country)
