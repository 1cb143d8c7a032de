"""Which GCM objectives and guiding principles a text concerns, each with a confidence.

The text is cut into passages and embedded (all-MiniLM-L6-v2, see `nethub.search.embeddings`);
each framework element is embedded from its title, short title and description (once per
process). An element's score pools its similarity over the passages (the best passage and the
mean of the best few), and keyword cues drawn from the element's own words add a small bonus
(the Compact's name, "safe, orderly and regular migration", is no cue: every text about the
Compact has it).

Objective 23 (international cooperation) is about cooperation itself: its score is lowered for
a text that does not speak of cooperation, partnerships or agreements between States, so texts
about the Compact in general no longer get it first ("capacity building" alone is not such
cooperation: workplans use it for any training).

An objective's one-line description is too thin for texts that never name it: the model also
reads a plain-words scope of each objective written for nethub (`scope.py`).

The score becomes a calibrated confidence (the chance that the element is one the publisher
would tag): a logistic model of how far the element stands out from the others for this text,
how far it is behind the best one, and how long the text is, fitted on the development part of
the publisher-labelled set (`bench/tagging.py --fit`, never on the part set aside). A text too
short to judge (under MIN_WORDS words, a teaser) gets no confident suggestion: a policy, not
learned (on the labelled set, 60-word teasers were nearly as often right as the full texts);
under ABSTAIN_WORDS words it suggests nothing.
Several elements can pass: an item about several objectives gets several. Confidences are for
editors; the public sees confirmed tags only. `bench/tagging.py` measures all of this.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django_tasks import task

from nethub.framework.models import ElementKind, FrameworkElement
from nethub.framework.scope import OBJECTIVE_SCOPE

DEFAULT_KINDS = (ElementKind.OBJECTIVE, ElementKind.PRINCIPLE)
# Passages of about this many words: the model was trained on sentences of up to 128 tokens.
PASSAGE_WORDS = 90
MAX_PASSAGES = 200
# Pooling: the best passage counts most; the mean of the best few rewards a text that keeps
# coming back to the subject. Keyword cues add at most KEYWORD_WEIGHT.
TOP_PASSAGES = 3
MAX_WEIGHT = 0.6
KEYWORD_WEIGHT = 0.3
# Calibrated confidence: below THRESHOLD a suggestion is not worth an editor's time; from
# CONFIDENT on it is shown as confident (measured in bench/tagging.py).
THRESHOLD = 0.15
CONFIDENT = 0.6
# Logistic calibration: intercept, standing out (z-score among the elements of the kind),
# distance behind the best element, log of the number of words (fitted by bench/tagging.py
# --fit on the development part of the real set and the fixture passages; refitted in round 2
# after the scope texts moved the raw scores, on the 6 round-1 texts that could be restored,
# their teasers and the 40 fixture passages).
CALIBRATION = (-1.271, 1.556, 8.050, -0.239)
# Under this many words a text is a teaser or a title: never a confident suggestion.
MIN_WORDS = 100
# Under this many words (a title, a heading) the suggester abstains: no suggestion at all. Short
# records that say what they are about (a 20-word comment on remittance fees, an action point)
# still get tentative suggestions.
ABSTAIN_WORDS = 8
# Objective 23: the cooperation a text must speak of (mentions per 100 words) for its full
# score, and the most its score is lowered otherwise.
COOPERATION = re.compile(
    r"\b(?:cooperat\w*|co-operat\w*|partnerships?|bilateral|multilateral|"
    r"solidarity|donors?|dialogues?|agreements?|burden[- ]sharing)\b",
    re.I,
)
COOPERATION_DENSITY = 1.5
COOPERATION_PENALTY = 0.5

_STOPWORDS = frozenset(
    """a about above across after again against all also among an and any are as at be been
    before being between both but by can could do does each for from further had has have how
    in into is it its more most no nor not of on once only or other out over own same should
    so some such than that the their them then there these they this those through to under
    until up very was were what when where which while who whom why will with within would
    people persons person migrants migrant migration migratory including include ensure
    countries country national international global compact objective principle all stages
    well based use using their support""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class _ElementIndex:
    key: tuple
    elements: list[FrameworkElement]
    vectors: np.ndarray  # one normalised row per element
    cues: list[set[str]]  # keyword stems per element


_cache: dict[tuple, _ElementIndex] = {}
_lock = threading.Lock()


def _stem(word: str) -> str:
    """A crude stem that lets "remittances"/"remittance", "trafficking"/"trafficked" meet."""
    word = word.lower()
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zA-ZÀ-ÿ]{3,}", text)


# The Compact's own name: every text about the Compact and objective 23's title share it, so
# its words are not a cue for any element.
COMPACT_NAME = re.compile(r"\bsafe,?\s+orderly,?\s+and\s+regular\s+migration\b", re.I)


def _cue_words(text: str) -> set[str]:
    return {
        _stem(word)
        for word in _words(COMPACT_NAME.sub(" ", text))
        if word.lower() not in _STOPWORDS
    }


def _cue_stems(element: FrameworkElement) -> set[str]:
    return _cue_words(f"{element.short_title} {element.title} {element.description}")


def element_text(element: FrameworkElement) -> str:
    """What the model embeds for an element: its title, short title and description and, for
    an objective, the plain-words scope the suggester keeps (`scope.OBJECTIVE_SCOPE`)."""
    parts = [element.title]
    if element.short_title and element.short_title != element.title:
        parts.append(element.short_title)
    if element.description:
        parts.append(element.description)
    if element.kind == ElementKind.OBJECTIVE and element.code in OBJECTIVE_SCOPE:
        parts.append(OBJECTIVE_SCOPE[element.code])
    return ". ".join(parts)


def _element_index(kinds: Iterable[str]) -> _ElementIndex:
    """Embeddings of the framework elements of `kinds`, cached per process and rebuilt when
    their texts change (one query to check)."""
    from nethub.search.embeddings import encode

    elements = list(
        FrameworkElement.objects.filter(kind__in=list(kinds)).order_by("kind", "position")
    )
    key = tuple((e.pk, e.title, e.short_title, e.description) for e in elements)
    with _lock:
        cached = _cache.get(key)
        if cached is None:
            vectors = encode([element_text(e) for e in elements])
            cached = _ElementIndex(
                key=key,
                elements=elements,
                vectors=vectors,
                cues=[_cue_stems(e) for e in elements],
            )
            _cache.clear()
            _cache[key] = cached
    return cached


def passages(text: str, *, words: int = PASSAGE_WORDS) -> list[str]:
    """Cut `text` into passages of about `words` words along paragraph and sentence ends."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n(?=[-•*]\s)", text) if p.strip()]
    pieces: list[str] = []
    for paragraph in paragraphs:
        paragraph = re.sub(r"\s+", " ", paragraph)
        if len(paragraph.split()) <= words:
            pieces.append(paragraph)
            continue
        sentences = re.split(r"(?<=[.!?;])\s+", paragraph)
        for sentence in sentences:
            tokens = sentence.split()
            for start in range(0, len(tokens), words):
                pieces.append(" ".join(tokens[start : start + words]))
    chunks: list[str] = []
    current: list[str] = []
    count = 0
    for piece in pieces:
        size = len(piece.split())
        if current and count + size > words:
            chunks.append(" ".join(current))
            current, count = [], 0
        current.append(piece)
        count += size
    if current:
        chunks.append(" ".join(current))
    return [chunk for chunk in chunks if len(chunk.split()) >= 3][:MAX_PASSAGES]


def score_elements(
    text: str,
    *,
    kinds: Iterable[str] = DEFAULT_KINDS,
    max_weight: float = MAX_WEIGHT,
    keyword_weight: float = KEYWORD_WEIGHT,
    top_passages: int = TOP_PASSAGES,
    cooperation_guard: bool = True,
) -> list[tuple[FrameworkElement, float]]:
    """Every element of `kinds` with its raw score for `text`, best first (no threshold)."""
    from nethub.search.embeddings import encode

    chunks = passages(text)
    if not chunks:
        return []
    index = _element_index(kinds)
    similarity = encode(chunks) @ index.vectors.T  # passages × elements
    if keyword_weight:
        # Cues count within a passage, so a long text does not match every element by
        # containing a few of each one's words somewhere.
        cue_scores = np.zeros_like(similarity)
        for p, chunk in enumerate(chunks):
            stems = _cue_words(chunk)
            for i, cues in enumerate(index.cues):
                if cues:
                    cue_scores[p, i] = min(1.0, 3 * len(cues & stems) / len(cues))
        similarity = similarity + keyword_weight * cue_scores
    best = similarity.max(axis=0)
    k = min(top_passages, similarity.shape[0])
    top_mean = np.sort(similarity, axis=0)[-k:].mean(axis=0)
    scores = max_weight * best + (1 - max_weight) * top_mean
    if cooperation_guard:
        lowered = COOPERATION_PENALTY * (
            1 - min(1.0, cooperation_density(text) / COOPERATION_DENSITY)
        )
        for i, element in enumerate(index.elements):
            if element.kind == ElementKind.OBJECTIVE and element.code == "23":
                scores[i] -= lowered
    order = np.argsort(-scores)
    return [(index.elements[i], float(scores[i])) for i in order]


def cooperation_density(text: str) -> float:
    """Mentions of cooperation, partnerships or agreements per 100 words of `text`."""
    words = len(text.split())
    return 100 * len(COOPERATION.findall(text)) / words if words else 0.0


def calibrated(
    scored: list[tuple[FrameworkElement, float]], *, words: int
) -> list[tuple[FrameworkElement, float]]:
    """Raw scores of one kind of element turned into confidences (see the module docstring),
    best first. A text under MIN_WORDS words never reaches CONFIDENT."""
    if not scored:
        return []
    raw = np.array([score for _, score in scored])
    spread = raw.std() or 1.0
    z = (raw - raw.mean()) / spread
    behind = raw - raw.max()
    a, b, c, d = CALIBRATION
    confidence = 1 / (1 + np.exp(-(a + b * z + c * behind + d * np.log(max(words, 1)))))
    if words < MIN_WORDS:
        confidence = np.minimum(confidence, CONFIDENT - 0.01)
    return sorted(
        ((element, float(p)) for (element, _), p in zip(scored, confidence, strict=True)),
        key=lambda pair: -pair[1],
    )


def rank_objectives(text: str) -> list[tuple[FrameworkElement, float]]:
    """Every objective with its confidence for `text`, best first."""
    return calibrated(score_elements(text, kinds=(ElementKind.OBJECTIVE,)), words=len(text.split()))


def suggest_elements(
    text: str,
    *,
    kinds: Iterable[str] = DEFAULT_KINDS,
    top_k: int = 3,
    threshold: float = THRESHOLD,
) -> list[tuple[FrameworkElement, float]]:
    """The elements `text` most likely concerns, each with its calibrated confidence: at most
    `top_k` per kind, confidence at least `threshold`, best first. Several elements of a kind
    are kept when the text concerns several; none is confident for a teaser, and a title
    (under ABSTAIN_WORDS words) gets none at all."""
    words = len(text.split())
    if words < ABSTAIN_WORDS:
        return []
    scored = score_elements(text, kinds=kinds)
    kept: list[tuple[FrameworkElement, float]] = []
    for kind in dict.fromkeys(element.kind for element, _ in scored):
        of_kind = calibrated([(e, s) for e, s in scored if e.kind == kind], words=words)
        kept.extend((e, round(p, 4)) for e, p in of_kind[:top_k] if p >= threshold)
    return sorted(kept, key=lambda pair: -pair[1])


def suggestions_enabled() -> bool:
    """Tag suggestions need the embedding model: they follow SEARCH_SEMANTIC (off in the test
    settings, so only tests marked `model` load it) and can be switched off on their own with
    NETHUB_SUGGEST_TAGS = False."""
    return getattr(settings, "SEARCH_SEMANTIC", True) and getattr(
        settings, "NETHUB_SUGGEST_TAGS", True
    )


def _text_to_tag(obj) -> str:
    """A record may offer `tag_suggestion_text()` (e.g. a practice still in review, which
    search does not see); otherwise the text of its `search_document()` is used."""
    if hasattr(obj, "tag_suggestion_text"):
        return obj.tag_suggestion_text() or ""
    document = obj.search_document() if hasattr(obj, "search_document") else None
    if document is None or not document.suggest_tags:
        return ""
    return document.text or ""


def record_suggest_tags(obj) -> list[tuple[FrameworkElement, float]]:
    """Suggest GCM tags for `obj` and record them (replacing nethub's earlier suggestions;
    tags a person confirmed stay). Returns the suggestions. Does nothing when suggestions are
    switched off (see `suggestions_enabled`)."""
    from nethub.framework.services import tag_suggestions_record

    if not suggestions_enabled():
        return []
    text = _text_to_tag(obj)
    if not text.strip():
        return []
    scored = suggest_elements(text)
    tag_suggestions_record(obj=obj, scored=scored)
    return scored


@task()
def suggest_tags_for_record(*, content_type_id: int, object_id: int) -> int:
    """Background task: suggest tags for one saved record. Returns how many were suggested."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    obj = model._default_manager.filter(pk=object_id).first() if model else None
    return len(record_suggest_tags(obj)) if obj is not None else 0
