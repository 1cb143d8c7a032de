"""Ranks roster experts for a support request, with the reasons for each rank.

Structured fields decide most of the rank (GCM objectives, languages, country and region of
experience, availability); words of the request found in an expert's CV and summary, and how
close the CV's meaning is to the request (sentence embeddings, where semantic search is on),
break ties.
Experts with a declared conflict with the requesting country are left out, never ranked low.
Everything needed is read in a fixed number of queries, so a match over thousands of experts
stays fast (see bench/roster_matching.py).
"""

from __future__ import annotations

import logging
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from nethub.roster.models import ExpertApplication, ExpertLanguage

logger = logging.getLogger(__name__)

# Seconds the embedding service may take for the request's text (milliseconds when it is up).
MEANING_TIMEOUT = 5.0

WEIGHTS = {
    "objectives": 4.0,
    "language": 2.0,
    "country": 1.5,
    "region": 1.0,
    "words": 1.0,
    "meaning": 1.0,
}
# Below this cosine similarity a CV's meaning says nothing about the request.
MEANING_FLOOR = 0.25
USABLE_LEVELS = {"working", "fluent", "native"}
KEYWORD_SHORTLIST = 200
_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


@dataclass
class Match:
    expert_id: int
    score: float
    reasons: list[str] = field(default_factory=list)
    expert: ExpertApplication | None = None


@dataclass
class Need:
    objective_ids: set[int]
    languages: set[str]
    country_id: int | None
    region_ids: set[int]
    text: str = ""


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text or "")}


def _pairs(through, column: str, ids) -> dict[int, set]:
    out: dict[int, set] = defaultdict(set)
    for expert_id, value in through.objects.filter(expertapplication_id__in=ids).values_list(
        "expertapplication_id", column
    ):
        out[expert_id].add(value)
    return out


def _candidates(country_id: int | None) -> list[int]:
    experts = ExpertApplication.objects.filter(
        status=ExpertApplication.Status.ACCEPTED, available=True
    )
    if country_id:
        experts = experts.exclude(conflict_countries__id=country_id)
    return list(experts.values_list("id", flat=True))


def _structured_score(need: Need, objectives, languages, countries, regions) -> Match:
    reasons, score = [], 0.0
    shared = objectives & need.objective_ids
    if need.objective_ids and shared:
        score += WEIGHTS["objectives"] * len(shared) / len(need.objective_ids)
        reasons.append(
            _("%(n)d of %(total)d objectives")
            % {"n": len(shared), "total": len(need.objective_ids)}
        )
    spoken = languages & need.languages
    if spoken:
        score += WEIGHTS["language"]
        reasons.append(_("speaks %(languages)s") % {"languages": ", ".join(sorted(spoken))})
    if need.country_id and need.country_id in countries:
        score += WEIGHTS["country"]
        reasons.append(_("has worked in the country"))
    elif need.region_ids & regions:
        score += WEIGHTS["region"]
        reasons.append(_("has worked in the region"))
    return Match(expert_id=0, score=score, reasons=reasons)


def _add_word_scores(matches: list[Match], need: Need) -> None:
    wanted = _words(need.text)
    if not wanted:
        return
    texts = {
        pk: f"{cv_text} {biography}"
        for pk, cv_text, biography in ExpertApplication.objects.filter(
            pk__in=[m.expert_id for m in matches]
        ).values_list("id", "cv_text", "biography")
    }
    for match in matches:
        found = wanted & _words(texts.get(match.expert_id, ""))
        if found:
            match.score += WEIGHTS["words"] * math.sqrt(len(found) / len(wanted))
            match.reasons.append(
                _("CV mentions %(words)s") % {"words": ", ".join(sorted(found)[:5])}
            )


def _add_meaning_scores(matches: list[Match], need: Need) -> None:
    """Where semantic search is on: how close each CV's meaning is to the request's."""
    from django.conf import settings

    if not (settings.SEARCH_SEMANTIC and need.text.strip()):
        return
    vectors = dict(
        ExpertApplication.objects.filter(
            pk__in=[m.expert_id for m in matches], profile_vector__isnull=False
        ).values_list("id", "profile_vector")
    )
    if not vectors:
        return
    from nethub.search.embeddings import EmbeddingServiceError, encode, from_bytes

    try:
        wanted = encode([need.text], timeout=MEANING_TIMEOUT)[0]
    except EmbeddingServiceError as error:  # the ranking stands on the other reasons
        logger.error("CV meaning left out of the ranking: %s", error)
        return
    for match in matches:
        if match.expert_id not in vectors:
            continue
        similarity = float(from_bytes(vectors[match.expert_id]) @ wanted)
        if similarity > MEANING_FLOOR:
            match.score += WEIGHTS["meaning"] * (similarity - MEANING_FLOOR) / (1 - MEANING_FLOOR)
            match.reasons.append(
                _("CV close in meaning (%(percent)d%%)") % {"percent": round(similarity * 100)}
            )


def rank_experts(need: Need, *, limit: int = 10) -> list[Match]:
    """The best `limit` experts for `need`, best first, each with its reasons."""
    ids = _candidates(need.country_id)
    if not ids:
        return []
    Through = ExpertApplication
    objectives = _pairs(Through.expertise.through, "frameworkelement_id", ids)
    countries = _pairs(Through.countries.through, "country_id", ids)
    regions = _pairs(Through.regions.through, "region_id", ids)
    languages: dict[int, set] = defaultdict(set)
    for expert_id, code in ExpertLanguage.objects.filter(
        application_id__in=ids, level__in=USABLE_LEVELS
    ).values_list("application_id", "code"):
        languages[expert_id].add(code)
    matches = []
    for expert_id in ids:
        match = _structured_score(
            need,
            objectives[expert_id],
            languages[expert_id],
            countries[expert_id],
            regions[expert_id],
        )
        match.expert_id = expert_id
        matches.append(match)
    matches.sort(key=lambda m: (-m.score, m.expert_id))
    shortlist = matches[:KEYWORD_SHORTLIST]
    _add_word_scores(shortlist, need)
    _add_meaning_scores(shortlist, need)
    shortlist.sort(key=lambda m: (-m.score, m.expert_id))
    best = shortlist[:limit]
    experts = ExpertApplication.objects.select_related("organization").in_bulk(
        [m.expert_id for m in best]
    )
    for match in best:
        match.expert = experts[match.expert_id]
        match.score = round(match.score, 3)
    return best


def need_for_request(support_request) -> Need:
    country = support_request.country
    return Need(
        objective_ids={element.pk for element in support_request.objectives.all()},
        languages=set(support_request.languages or []),
        country_id=country.pk if country else None,
        region_ids={pk for pk in (country.region_id, country.subregion_id) if pk},
        text=f"{support_request.topic} {support_request.description}",
    )
