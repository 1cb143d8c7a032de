"""Real records and files for the review cycle's tests (PDF by fpdf2, DOCX by python-docx)."""

from __future__ import annotations

import datetime

from nethub.directory.models import Country
from nethub.library.tests.factories import make_docx, make_pdf
from nethub.reviews import services
from nethub.reviews.models import Fact, VoluntaryReview

SPANISH_TEXT = (
    "Informe voluntario de México sobre la aplicación del Pacto Mundial para una Migración "
    "Segura, Ordenada y Regular. El Gobierno ha fortalecido la protección consular de las "
    "personas migrantes y las vías regulares de migración laboral."
)


def review_submit(
    actor,
    *,
    country: str = "MX",
    year: int = 2021,
    status: str = "submitted",
    docx: bool = False,
    **overrides,
) -> VoluntaryReview:
    data = make_docx(SPANISH_TEXT) if docx else make_pdf(SPANISH_TEXT)
    review = services.voluntary_review_submit(
        actor=actor,
        country=Country.objects.get(iso2=country),
        year=year,
        title=overrides.pop("title", "Informe voluntario sobre el Pacto Mundial"),
        data=data,
        filename="informe.docx" if docx else "informe.pdf",
        language=overrides.pop("language", "es"),
        **overrides,
    )
    if status != "submitted":
        from nethub.accounts.models import Role, User

        secretariat = User.objects.filter(
            role=Role.SECRETARIAT
        ).first() or User.objects.create_user(username="factory_secretariat", role=Role.SECRETARIAT)
        review = services.voluntary_review_set_status(
            actor=secretariat, review=review, status=status
        )
    return review


def fact(
    *,
    series="country-networks",
    label="Country-level networks",
    value=31,
    status="confirmed",
    date=datetime.date(2020, 10, 19),
    sentence="So far, 31 Networks have been integrated.",
    **extra,
) -> Fact:
    return Fact.objects.create(
        series=series,
        label=label,
        value=value,
        date=date,
        sentence=sentence,
        status=status,
        source_title=extra.pop("source_title", "The Coordinator's Briefing"),
        **extra,
    )


def bulk_reviews(n: int, *, country: str = "MX") -> None:
    """Published reviews in bulk, for query-count tests (no files needed to list them)."""
    country_obj = Country.objects.get(iso2=country)
    VoluntaryReview.objects.bulk_create(
        VoluntaryReview(
            country=country_obj,
            year=2019 + i % 6,
            title=f"Review {i}",
            language="en",
            status="published",
            file="reviews/x.pdf",
        )
        for i in range(n)
    )
