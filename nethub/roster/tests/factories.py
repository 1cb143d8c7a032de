"""Builders for roster tests: users, experts with their fields, practices to review."""

from __future__ import annotations

import io
import itertools

from nethub.accounts.models import Role, User
from nethub.directory.models import Country, Organization
from nethub.framework.models import ElementKind, FrameworkElement
from nethub.roster.models import ExpertApplication, ExpertLanguage

_numbers = itertools.count(1)


def user(role: str = Role.STAKEHOLDER, organization: Organization | None = None, **extra) -> User:
    number = next(_numbers)
    return User.objects.create_user(
        username=f"person{number}",
        password="correct-horse-battery",
        email=f"person{number}@example.org",
        role=role,
        organization=organization,
        **extra,
    )


def objective(number: int) -> FrameworkElement:
    return FrameworkElement.objects.get(kind=ElementKind.OBJECTIVE, code=str(number))


def expert(
    *,
    name: str = "",
    organization: Organization | None = None,
    objectives=(),
    languages=(("en", "fluent"),),
    countries=(),
    regions=(),
    conflict_countries=(),
    conflict_organizations=(),
    conflict_topics: str = "",
    cv_text: str = "",
    public_fields=("name",),
    status: str = ExpertApplication.Status.ACCEPTED,
) -> ExpertApplication:
    person = user(organization=organization)
    application = ExpertApplication.objects.create(
        applicant=person,
        full_name=name or f"Expert {person.pk}",
        organization=organization,
        status=status,
        consent_to_be_listed=True,
        public_fields=list(public_fields),
        conflict_topics=conflict_topics,
        cv_text=cv_text,
    )
    application.expertise.set([objective(n) for n in objectives])
    application.countries.set(countries)
    application.regions.set(regions)
    application.conflict_countries.set(conflict_countries)
    application.conflict_organizations.set(conflict_organizations)
    ExpertLanguage.objects.bulk_create(
        ExpertLanguage(application=application, code=code, level=level) for code, level in languages
    )
    return application


def un_entity(acronym: str) -> Organization:
    return Organization.objects.get(acronym=acronym)


def ngo(name: str) -> Organization:
    from nethub.directory.services import organization_create

    return Organization.objects.filter(name=name).first() or organization_create(
        name=name, kind="ngo"
    )


def country(iso2: str) -> Country:
    return Country.objects.get(iso2=iso2)


def docx_cv(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Curriculum vitae", 1)
    for paragraph in text.split("\n"):
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_cv(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())
