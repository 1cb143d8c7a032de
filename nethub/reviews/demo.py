"""Demo records of the review cycle, from what the fixture documents say: the regional
reviews and the IMRF, the SG reports, the UN system pledge, and the figures the documents
state (extracted from the library's copies of the fixtures; the demo, acting as the
secretariat, confirms those about Champion countries and networks). Only what is missing is
added; records people changed are left alone."""

from __future__ import annotations

import datetime
from pathlib import Path

from nethub.accounts.models import Role, User
from nethub.directory.models import Country, Region
from nethub.library.models import Document
from nethub.reviews import services
from nethub.reviews.models import Fact, Forum, Pledge, SGReport

BRIEFING = "The Coordinator's briefing to Member States, 19 October 2020"
EC_2021 = "Executive Committee Principals meeting, 5 May 2021: summary"
EC_2022 = "Executive Committee Principals meeting, 15 February 2022: summary"
EC_2024 = "Executive Committee Principals meeting, 29 January 2024: summary"

FORUMS = [
    {
        "kind": "regional_review",
        "title": "Regional review of the GCM in the UNECE region (Europe)",
        "region": "europe",
        "start_date": datetime.date(2020, 11, 1),
        "date_is_approximate": True,
        "source": BRIEFING + ": 'The first intergovernmental regional fora ... will take place "
        "next month in Europe.'",
    },
    {
        "kind": "imrf",
        "title": "International Migration Review Forum 2022",
        "start_date": datetime.date(2022, 5, 1),
        "date_is_approximate": True,
        "host": "United Nations General Assembly",
        "co_facilitators": ["BD", "LU"],
        "roundtables": 4,
        "source": EC_2021
        + " (four roundtables; May 2022 suggested); "
        + EC_2022
        + " (co-facilitators for the Progress Declaration: Bangladesh and Luxembourg)",
    },
]
SG_REPORTS = [
    {
        "title": "First report of the Secretary-General on the implementation of the GCM",
        "date": datetime.date(2020, 11, 1),
        "source": BRIEFING + " ('in November we will release the first Secretary-General's "
        "report')",
    },
    {
        "title": "Report of the Secretary-General for the first IMRF",
        "date": datetime.date(2022, 2, 1),
        "forum": "International Migration Review Forum 2022",
        "source": EC_2021 + " ('to be released by February 2022')",
    },
]
UN_PLEDGE = {
    "title": "UN system pledge for the IMRF",
    "text": "A common pledge of the UN system, adopted by each entity through an opt-in, "
    "that the UN system works and speaks with one voice, in line with the recommendations of "
    "the Secretary-General's report for the first IMRF, and integrates the voices of "
    "stakeholders and migrants. Entities may combine it with their own pledges.",
    "date": datetime.date(2022, 2, 15),
    "source": EC_2022,
}
CONFIRMED_SERIES = {"champion-countries", "country-networks", "regional-networks"}

# A demo review written for the demo (not from the fixtures), so that the review pages, the
# country page and the dashboard have something to show; submitted by the demo Member State.
DEMO_REVIEW = {
    "country": "MX",
    "year": 2021,
    "title": "Informe voluntario sobre la aplicación del Pacto Mundial (demostración)",
    "language": "es",
    "summary": "Un informe de demostración, escrito para nethub: no es un documento oficial.",
    "paragraphs": [
        "Este informe de demostración describe, a título de ejemplo, cómo un Estado informa "
        "sobre la aplicación del Pacto Mundial para una Migración Segura, Ordenada y Regular.",
        "El Gobierno reforzó la protección consular de las personas migrantes y amplió las "
        "vías regulares de migración laboral, en cooperación con la sociedad civil.",
    ],
}


def _docx(paragraphs: list[str]) -> bytes:
    import io

    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _demo_review(actor) -> int:
    from nethub.reviews.models import VoluntaryReview

    if actor is None or VoluntaryReview.objects.filter(title=DEMO_REVIEW["title"]).exists():
        return 0
    submitter = User.objects.filter(username="memberstate").first() or actor
    country = Country.objects.get(iso2=DEMO_REVIEW["country"])
    if not submitter.has_perm("reviews.submit_review_for", country):
        submitter = actor
    review = services.voluntary_review_submit(
        actor=submitter, country=country, year=DEMO_REVIEW["year"], title=DEMO_REVIEW["title"],
        language=DEMO_REVIEW["language"], summary=DEMO_REVIEW["summary"],
        data=_docx(DEMO_REVIEW["paragraphs"]), filename="informe-demostracion.docx",
    )  # fmt: skip
    services.voluntary_review_set_status(actor=actor, review=review, status="featured")
    return 1


def _secretariat() -> User | None:
    return User.objects.filter(role=Role.SECRETARIAT).order_by("pk").first()


def load(*, fixtures_dir: Path | None, stdout) -> None:
    actor = _secretariat()
    added = 0
    for spec in FORUMS:
        if Forum.objects.filter(title=spec["title"]).exists():
            continue
        spec = dict(spec)
        region = Region.objects.filter(slug=spec.pop("region", "")).first()
        co = Country.objects.filter(iso2__in=spec.pop("co_facilitators", []))
        roundtables = [f"Roundtable {n}" for n in range(1, spec.pop("roundtables", 0) + 1)]
        services.forum_create(
            actor=actor, region=region, co_facilitators=co, roundtables=roundtables, **spec
        )
        added += 1
    for spec in SG_REPORTS:
        if SGReport.objects.filter(title=spec["title"]).exists():
            continue
        spec = dict(spec)
        forum = Forum.objects.filter(title=spec.pop("forum", "")).first()
        services.sg_report_create(actor=actor, forum=forum, date_is_approximate=True, **spec)
        added += 1
    if actor is not None and not Pledge.objects.filter(title=UN_PLEDGE["title"]).exists():
        forum = Forum.objects.filter(kind="imrf").first()
        services.pledge_create(actor=actor, is_joint=True, forum=forum, **UN_PLEDGE)
        added += 1
    added += _demo_review(actor)
    facts = 0
    for document in Document.objects.filter(
        source_key__startswith="fixture:", status=Document.Status.READY
    ):
        found = services.facts_extract(
            actor=actor, text=document.text, date=document.date or document.created_at.date(),
            source_title=document.title, document=document,
        )  # fmt: skip
        facts += len(found)
        for fact in found:
            if fact.series in CONFIRMED_SERIES and actor is not None:
                services.fact_decide(actor=actor, fact=fact, status="confirmed", is_headline=True)
    confirmed = Fact.objects.filter(status="confirmed").count()
    stdout.write(
        f"Review cycle: {added} forums, reports and pledges added; {facts} candidate figures "
        f"found in the fixtures, {confirmed} confirmed."
    )
