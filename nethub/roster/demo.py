"""Demo records of the roster, built on the demo users (the fixtures name no expert): two
accepted experts, a draft application and a Member State's support request, so that each roster
page has something to show. Loaded only into an empty roster: what people entered stays."""

from __future__ import annotations

from pathlib import Path

from nethub.accounts.models import User
from nethub.directory.models import Country
from nethub.framework.models import ElementKind, FrameworkElement
from nethub.roster import services
from nethub.roster.models import ExpertApplication

# (username, application language, objectives, languages, country ISO codes, summary, decision)
EXPERTS = [
    ("focal.ilo", "en", [6, 5], [("en", "native"), ("fr", "fluent")], ["SN", "GH"],
     "Demo expert: fair recruitment and labour mobility agreements.", "accepted"),
    ("stakeholder2", "es", [6, 16], [("es", "native"), ("en", "working")], ["MX", "GT"],
     "Demo expert: workers' rights and social inclusion.", "accepted"),
    ("stakeholder", "fr", [7], [("fr", "native")], [],
     "Demo draft: not submitted yet.", ""),
]  # fmt: skip


def load(*, fixtures_dir: Path | None, stdout) -> None:
    if ExpertApplication.objects.exists():
        stdout.write("Roster: kept as it is (it already has applications).")
        return
    secretariat = User.objects.filter(username="secretariat").first()
    created = 0
    for username, language, objectives, languages, countries, summary, decision in EXPERTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        application = services.application_save(
            actor=user,
            values={
                "language": language,
                "full_name": user.get_full_name() or username,
                "organization": user.organization,
                "biography": summary,
                "consent_to_be_listed": True,
                "public_fields": ["name", "organization", "expertise", "languages"],
                "expertise": FrameworkElement.objects.filter(
                    kind=ElementKind.OBJECTIVE, code__in=[str(n) for n in objectives]
                ),
                "countries": Country.objects.filter(iso2__in=countries),
            },
            languages=languages,
            submit=bool(decision),
        )
        if decision:
            services.application_decide(
                actor=secretariat, application=application, to_status=decision
            )
        created += 1
    member_state = User.objects.filter(username="memberstate").first()
    if member_state:
        services.request_file(
            actor=member_state,
            values={
                "topic": "Demo request: bilateral labour migration agreements",
                "country": Country.objects.get(iso2="MX"),
            },
            objectives=FrameworkElement.objects.filter(kind=ElementKind.OBJECTIVE, code="6"),
            languages=["es"],
        )
    stdout.write(f"Roster: {created} demo applications and one support request.")
