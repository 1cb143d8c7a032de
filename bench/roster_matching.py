"""Roster matching quality and speed: a generated roster of 2,000 experts and 100 support
requests, each with one planted best fit (its objectives, a working language and experience in
the requesting country) among experts drawn at random. Reports how often the planted expert is
first and in the top 3, and the time of one match. SQLite by default; PostgreSQL when
DATABASE_URL is set.

    .venv/bin/python bench/roster_matching.py
Ends with one line of key=value figures.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nethub.settings.test")
os.environ.setdefault("TEST_DB_SUFFIX", "bench_roster")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

EXPERTS = 2000
REQUESTS = 100
LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh", "pt", "sw"]
WORDS = [
    "remittances",
    "diaspora",
    "labour",
    "recruitment",
    "return",
    "reintegration",
    "climate",
    "displacement",
    "trafficking",
    "smuggling",
    "detention",
    "alternatives",
    "children",
    "gender",
    "data",
    "statistics",
    "border",
    "health",
    "integration",
    "skills",
    "education",
    "consular",
    "identity",
]


def build(rng):
    from nethub.accounts.models import User
    from nethub.directory.models import Country
    from nethub.framework.models import FrameworkElement
    from nethub.roster.models import ExpertApplication, ExpertLanguage

    objectives = list(FrameworkElement.objects.filter(kind="objective").order_by("position"))
    countries = list(Country.objects.filter(is_un_member=True).order_by("iso2")[:120])
    users = User.objects.bulk_create(User(username=f"x{i}") for i in range(EXPERTS))
    experts = ExpertApplication.objects.bulk_create(
        ExpertApplication(
            applicant=user,
            full_name=f"Expert {i}",
            status="accepted",
            consent_to_be_listed=True,
            cv_text=" ".join(rng.sample(WORDS, 6)),
        )
        for i, user in enumerate(users)
    )
    through = ExpertApplication.expertise.through
    country_through = ExpertApplication.countries.through
    links, places, spoken = [], [], []
    for expert in experts:
        for element in rng.sample(objectives, rng.randint(1, 4)):
            links.append(through(expertapplication_id=expert.pk, frameworkelement_id=element.pk))
        for country in rng.sample(countries, rng.randint(1, 3)):
            places.append(country_through(expertapplication_id=expert.pk, country_id=country.pk))
        for code in rng.sample(LANGUAGES, rng.randint(1, 2)):
            spoken.append(ExpertLanguage(application_id=expert.pk, code=code, level="fluent"))
    # The planted best fits: the first REQUESTS experts, one per request.
    needs = []
    for index in range(REQUESTS):
        expert = experts[index]
        wanted = rng.sample(objectives, 2)
        country = rng.choice(countries)
        language = rng.choice(LANGUAGES)
        topic = " ".join(rng.sample(WORDS, 3))
        links = [link for link in links if link.expertapplication_id != expert.pk]
        places = [p for p in places if p.expertapplication_id != expert.pk]
        spoken = [s for s in spoken if s.application_id != expert.pk]
        links += [through(expertapplication_id=expert.pk, frameworkelement_id=e.pk) for e in wanted]
        places.append(country_through(expertapplication_id=expert.pk, country_id=country.pk))
        spoken.append(ExpertLanguage(application_id=expert.pk, code=language, level="native"))
        expert.cv_text = topic
        needs.append((expert.pk, wanted, country, language, topic))
    ExpertApplication.objects.bulk_update(experts[:REQUESTS], ["cv_text"])
    through.objects.bulk_create(links)
    country_through.objects.bulk_create(places)
    ExpertLanguage.objects.bulk_create(spoken)
    return needs


def main() -> None:
    from nethub.directory.services import reference_data_load
    from nethub.framework.services import framework_load
    from nethub.roster.matching import Need, rank_experts

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        reference_data_load()
        framework_load()
        rng = random.Random(7)
        needs = build(rng)
        first = top3 = 0
        times = []
        for expert_id, wanted, country, language, topic in needs:
            need = Need(
                objective_ids={e.pk for e in wanted},
                languages={language},
                country_id=country.pk,
                region_ids={pk for pk in (country.region_id, country.subregion_id) if pk},
                text=topic,
            )
            started = time.perf_counter()
            ranked = rank_experts(need, limit=10)
            times.append((time.perf_counter() - started) * 1000)
            ids = [m.expert_id for m in ranked]
            first += ids[:1] == [expert_id]
            top3 += expert_id in ids[:3]
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"experts={EXPERTS} requests={REQUESTS} vendor={connection.vendor}")
        print(
            f"top1={first / REQUESTS:.2f} top3={top3 / REQUESTS:.2f} "
            f"match_p50_ms={statistics.median(times):.1f} match_p95_ms={p95:.1f}"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
