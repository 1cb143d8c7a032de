"""A learned model of action points: how likely a segment is a task someone is to do.

Logistic regression over hashed features of a segment and its neighbourhood (its words and word
pairs, the shape of its start, the heading it stands under, the label of the segment before),
trained
by `bench/action_model.py` on annotated real minutes (kept outside the repository, their text
not ours) and the summaries written here. The model file (`data/action_model.json`) holds only
numbers: hashed feature indices and their weights, so no text of the training documents is
in it.

`probabilities(document)` gives each segment its probability; `classifier.label_rest` labels a
segment no rule claimed an action point when it is at least the model's threshold. Each
annotation round trains its own member (`data/action_model.json` round 10,
`data/action_model_r11.json` rounds 11-13), and extraction averages them (`Ensemble`): the
texts of a round do not stay, so a later round cannot retrain with them.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.labels import ACTION_HEADING_LINE

MODEL = Path(__file__).with_name("data") / "action_model.json"
BUCKETS = 2**18
RULE = "learned_action"

_WORD = re.compile(r"[a-z]+|\d+|[^\sa-z\d]", re.I)
_OWNER_TO = re.compile(r"^(?:[A-Z][\w.&'/-]*\s+){1,4}(?:to|will|shall|should)\s+[a-z]")
_INITIALS = re.compile(r"\b[A-Z]{2,3}\b")
_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}\b"
    r"|\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|next\s+meeting|asap|end\s+of)\b",
    re.I,
)
_FUTURE = re.compile(r"\b(?:will|shall|to\s+be|needs?\s+to|should|would|agreed|asked|requested)\b")


def _words(text: str) -> list[str]:
    return [("0" if w.isdigit() else w.lower()) for w in _WORD.findall(text)][:80]


def _shape(text: str) -> list[str]:
    words = text.split()
    shape = [f"len={min(len(words) // 4, 10)}"]
    checks = {
        "owner_to": _OWNER_TO.match(text),
        "initials": _INITIALS.search(text),
        "date": _DATE.search(text),
        "future": _FUTURE.search(text.lower()),
        "colon_end": text.rstrip().endswith(":"),
        "question": text.rstrip().endswith("?"),
        "starts_lower": text[:1].islower(),
        "action_word": re.search(r"\baction", text, re.I),
    }
    shape += [name for name, found in checks.items() if found]
    return shape


# Words kept as themselves in a segment's shape; any other word is "w", a capitalised one "N",
# initials or an acronym "C", a number "0".
_SHAPE_WORD_LIST = (
    "to will is are be shall should would must agreed asked requested the a an by and or of "
    "for on with all that it was were has have need needs please action"
)
_SHAPE_WORDS = frozenset(_SHAPE_WORD_LIST.split())


def _token_shape(token: str) -> str:
    if token.isdigit():
        return "0"
    if re.fullmatch(r"[A-Z]{2,5}s?", token):
        return "C"
    if token.lower() in _SHAPE_WORDS:
        return token.lower()
    if token[:1].isupper():
        return "N"
    return "w" if token[:1].isalpha() else token


def features(seg: s.Segment, *, section: str, previous: s.Segment | None, position: int) -> list:
    """The segment's features as strings (hashed later): its words and word pairs, the first
    words, its shape ("N to w w": a name, "to", words) at the start and in pairs."""
    words = _words(seg.text)
    out = [f"w={w}" for w in words]
    out += [f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    out += [f"first{i}={w}" for i, w in enumerate(words[:3])]
    shapes = [_token_shape(token) for token in _WORD.findall(seg.text)[:60]]
    out += [f"start={' '.join(shapes[:n])}" for n in (2, 3, 4)]
    out += [f"sb={a}_{b}_{c}" for a, b, c in zip(shapes, shapes[1:], shapes[2:], strict=False)]
    out += [f"shape={x}" for x in _shape(seg.text)]
    out += [f"section={section}", f"pos={position}", f"bullet={seg.bullet}"]
    out.append(f"prev={previous.label if previous and previous.rule else 'none'}")
    return out


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % BUCKETS


def hashed(features_: list[str]) -> dict[int, float]:
    counts: dict[int, float] = {}
    for feature in features_:
        index = _hash(feature)
        counts[index] = counts.get(index, 0.0) + 1.0
    return counts


def document_features(document: s.LabelledDocument, wanted=None) -> list[list[str] | None]:
    """Each segment's features, with what stands around it: the kind of heading it is under
    ("action" under "Next steps", "heading" under any other) and its tenth of the document.
    With `wanted(segment)`, the others' rows are None (the walk still reads them)."""
    rows, section, previous = [], "none", None
    total = max(len(document.segments), 1)
    for index, seg in enumerate(document.segments):
        if ACTION_HEADING_LINE.match(seg.text.strip()) or seg.data.get("opens_actions"):
            section = "action"
        elif seg.label == s.HEADING:
            section = "heading"
        if wanted is None or wanted(seg):
            position = index * 10 // total
            rows.append(features(seg, section=section, previous=previous, position=position))
        else:
            rows.append(None)
        previous = seg
    return rows


class _ScoresSegments:
    """`probabilities(document)` for any model with `probability(hashed_features)`."""

    def probabilities(self, document: s.LabelledDocument, wanted=None) -> list[float | None]:
        """Each segment's probability; None for those `wanted` leaves out."""
        rows = document_features(document, wanted)
        return [None if row is None else self.probability(hashed(row)) for row in rows]


@dataclass(frozen=True)
class LinearModel(_ScoresSegments):
    """A logistic regression over hashed features (the action model's, and the participant
    reader's in `people.learned`)."""

    bias: float
    weights: dict[int, float]
    threshold: float

    def probability(self, hashed_features: dict[int, float]) -> float:
        score = self.bias + sum(self.weights.get(i, 0.0) * n for i, n in hashed_features.items())
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def to_json(self, about: dict) -> str:
        # Weights under 0.01 move no probability by more than a point: left out, the file is
        # a third of the size.
        weights = {str(i): round(w, 3) for i, w in sorted(self.weights.items()) if abs(w) >= 0.01}
        return json.dumps(
            {
                "about": about,
                "buckets": BUCKETS,
                "bias": round(self.bias, 4),
                "threshold": self.threshold,
                "weights": weights,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> LinearModel:
        data = json.loads(text)
        if data.get("buckets") != BUCKETS:
            raise ValueError("the model was trained with another number of buckets")
        weights = {int(i): float(w) for i, w in data["weights"].items()}
        return cls(float(data["bias"]), weights, float(data["threshold"]))


@dataclass(frozen=True)
class Ensemble(_ScoresSegments):
    """Models trained on different annotation rounds, their probabilities averaged. The texts
    of a round do not stay on the machines that annotate them, so a round cannot be retrained
    with the next: each round's model is kept beside the others instead. The threshold is the
    newest member's, chosen with the ensemble in `bench/action_model.py cv`."""

    members: tuple[LinearModel, ...]

    @property
    def threshold(self) -> float:
        return self.members[-1].threshold

    def probability(self, hashed_features: dict[int, float]) -> float:
        chances = [m.probability(hashed_features) for m in self.members]
        return sum(chances) / len(chances)


def member_files(directory: Path = MODEL.parent) -> list[Path]:
    """The stored members, oldest first: `action_model.json` (round 10), then
    `action_model_<round>.json`."""
    return sorted(
        directory.glob("action_model*.json"), key=lambda p: (p.name != MODEL.name, p.name)
    )


def load_members(files: list[Path]):
    """One model, or the ensemble of several; None without files."""
    members = tuple(LinearModel.from_json(p.read_text(encoding="utf-8")) for p in files)
    if not members:
        return None
    return members[0] if len(members) == 1 else Ensemble(members)


class ModelSlot:
    """The model a reader uses: the stored one, loaded once, or one a bench or a test puts in
    place (`using`), as cross-validation does with a model trained without the scored
    document."""

    def __init__(self, load):
        self._load = lru_cache(maxsize=1)(load)
        self._stack: list = []

    def model(self):
        return self._stack[-1] if self._stack else self._load()

    def using(self, candidate) -> _Using:
        """Context manager: `candidate` (None: no model) is used while inside."""
        return _Using(self._stack, candidate)


class _Using:
    def __init__(self, stack: list, candidate):
        self.stack, self.candidate = stack, candidate

    def __enter__(self):
        self.stack.append(self.candidate)
        return self.candidate

    def __exit__(self, *exc):
        self.stack.pop()
        return False


_SLOT = ModelSlot(lambda: load_members(member_files()))
model = _SLOT.model
using = _SLOT.using
