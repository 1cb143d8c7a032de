"""Demo records of the Knowledge Platform: the fixture documents as library documents, and two
short practices written for the demo (one published, one waiting for review)."""

from __future__ import annotations

import datetime
from pathlib import Path

from nethub.accounts.models import User
from nethub.directory.models import Country, Organization
from nethub.framework.models import FrameworkElement
from nethub.library import services
from nethub.library.models import Document, DocumentKind, Practice

# (file, title, kind, date, organisation acronyms)
DOCUMENTS = [
    (
        "ec-principals-2021-05-05.txt",
        "Executive Committee Principals meeting, 5 May 2021: summary",
        DocumentKind.MEETING_SUMMARY,
        datetime.date(2021, 5, 5),
        ["IOM", "OHCHR", "UNHCR", "ILO", "UNDP", "UNODC", "UNICEF", "WHO"],
    ),
    (
        "ec-principals-2022-02-15.md",
        "Executive Committee Principals meeting, 15 February 2022: summary",
        DocumentKind.MEETING_SUMMARY,
        datetime.date(2022, 2, 15),
        ["IOM", "ILO", "OHCHR", "UNDP", "UNHCR", "UNICEF", "UNODC", "WHO"],
    ),
    (
        "ec-principals-2024-01-29.txt",
        "Executive Committee Principals meeting, 29 January 2024: summary",
        DocumentKind.MEETING_SUMMARY,
        datetime.date(2024, 1, 29),
        ["IOM", "OHCHR", "UNDP", "UNODC", "ILO", "UNHCR", "UNICEF", "WHO"],
    ),
    (
        "coordinator-briefing-2020-10-19.txt",
        "The Coordinator's briefing to Member States, 19 October 2020",
        DocumentKind.STATEMENT,
        datetime.date(2020, 10, 19),
        ["IOM", "OHCHR"],
    ),
]

PRACTICES = [
    {
        "source_key": "demo:practice:harvest-clinics",
        "publish": True,
        "title": "Harvest-season legal clinics for seasonal farm workers",
        "summary": "A workers' union and a university law clinic visit farms during the "
        "harvest to check contracts and help seasonal workers recover unpaid wages.",
        "description": "Each harvest, pairs of law students supervised by a union lawyer tour "
        "farming districts in a van. They read contracts with workers, explain pay slips, "
        "and file wage claims on the spot. Workers who arrived through recruitment agencies "
        "are asked what fees they paid, and abusive agencies are reported to the labour "
        "inspectorate.",
        "results": "Over three seasons, around 1,200 workers were advised and a large share of "
        "the wage claims filed were settled.",
        "replicability": "Needs a union or association trusted by workers, a law faculty "
        "willing to give credits for clinic work, and a vehicle. The clinic manual and "
        "checklists are shared freely.",
        "implementation": Practice.Implementation.ONGOING,
        "start_year": 2021,
        "countries": ["MX"],
        "objectives": [6, 22],
        "principles": [6, 4],
        "username": "stakeholder2",
    },
    {
        "source_key": "demo:practice:one-stop-newcomers",
        "publish": False,
        "title": "One-stop welcome desks for newcomers in city halls",
        "summary": "Cities open a single desk where newly arrived migrants register, enrol "
        "children in school and sign up for health cover, whatever their status.",
        "description": "Municipal staff trained in several languages receive newcomers, help "
        "them register their address, enrol children at the nearest school and open health "
        "insurance files. Data shared with immigration enforcement is limited by a written "
        "firewall policy.",
        "results": "School enrolment of newly arrived children rose within the first year.",
        "replicability": "Any city with a registry office can start with two trained staff "
        "and a translated leaflet; the firewall policy is the key document to adopt.",
        "implementation": Practice.Implementation.COMPLETED,
        "start_year": 2019,
        "countries": ["ES"],
        "objectives": [15, 16],
        "principles": [8, 9],
        "username": "stakeholder",
    },
]


def _elements(kind: str, codes: list[int]) -> list[FrameworkElement]:
    return list(FrameworkElement.objects.filter(kind=kind, code__in=[str(c) for c in codes]))


def load(*, fixtures_dir: Path | None, stdout) -> None:
    secretariat = User.objects.filter(username="secretariat").first()
    loaded = 0
    if fixtures_dir is not None:
        for filename, title, kind, date, acronyms in DOCUMENTS:
            path = Path(fixtures_dir) / filename
            # Uploading again would overwrite the document's title, kind and date.
            key = f"fixture:{filename}"
            if not path.exists() or Document.objects.filter(source_key=key).exists():
                continue
            services.document_upload(
                actor=secretariat,
                data=path.read_bytes(),
                filename=filename,
                title=title,
                kind=kind,
                date=date,
                organizations=Organization.objects.filter(acronym__in=acronyms),
                source_key=f"fixture:{filename}",
            )
            loaded += 1
    practices = 0
    for spec in PRACTICES:
        spec = dict(spec)
        source_key = spec.pop("source_key")
        publish = spec.pop("publish")
        user = User.objects.filter(username=spec.pop("username")).first()
        if user is None or Practice.objects.filter(source_key=source_key).exists():
            continue
        practice = services.practice_submit(
            actor=user,
            objectives=_elements("objective", spec.pop("objectives")),
            principles=_elements("principle", spec.pop("principles")),
            countries=Country.objects.filter(iso2__in=spec.pop("countries")),
            **spec,
        )
        Practice.objects.filter(pk=practice.pk).update(source_key=source_key)
        if publish and secretariat is not None:
            services.practice_publish(practice=practice, actor=secretariat)
        practices += 1
    ready = Document.objects.filter(status=Document.Status.READY).count()
    stdout.write(
        f"Library: {loaded} fixture documents uploaded ({ready} ready), "
        f"{practices} demo practices added."
    )
