"""The learned action model's second stage: a segment read with its neighbours.

The first stage (`learned`) gives each segment open to it a chance of being a task from its own
words. A task is seldom alone: it stands in a run of tasks, next to a rule's action point, after
a heading that opens them (minutes that list their actions do not reach the model at all). The
second stage is a small logistic regression over the first stage's chances of the segment and
of its neighbours, and over what the rules made of the segments around it (stacked sequential
learning). `bench/action_model.py stack-cv` trains it on the first stage's out-of-fold chances
and cross-validates it by document; `stack-train` writes `data/neighbour_model.json` (only the
weights of the named features below: no text).

`Stacked(first, second)` stands where the first stage stood (`learned.model()`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from nethub.meetings.extract import segments as s

MODEL = Path(__file__).with_name("data") / "neighbour_model.json"

FEATURES = (
    "chance",
    "previous_chance",
    "previous_open",
    "next_chance",
    "next_open",
    "best_chance_near",
    "previous_rule_action",
    "next_rule_action",
    "rule_actions_near",
    "previous_heading",
    "next_heading",
    "bullet_run",
)
_NEAR = 3


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _rule_action(seg: s.Segment | None) -> bool:
    return bool(seg and seg.rule and seg.label == s.ACTION)


def rows(document: s.LabelledDocument, chances: list[float | None]) -> list[list[float] | None]:
    """The named FEATURES of each segment with a chance; None for the others."""
    segments = document.segments
    out: list[list[float] | None] = []
    for i, chance in enumerate(chances):
        if chance is None:
            out.append(None)
            continue
        before = segments[i - 1] if i else None
        after = segments[i + 1] if i + 1 < len(segments) else None
        chance_before = chances[i - 1] if i else None
        chance_after = chances[i + 1] if i + 1 < len(chances) else None
        near = [
            c for j, c in enumerate(chances[max(i - 2, 0) : i + 3], max(i - 2, 0)) if j != i and c
        ]
        actions_near = sum(_rule_action(seg) for seg in segments[max(i - _NEAR, 0) : i + _NEAR + 1])
        out.append(
            [
                _logit(chance),
                _logit(chance_before) if chance_before is not None else 0.0,
                float(chance_before is not None),
                _logit(chance_after) if chance_after is not None else 0.0,
                float(chance_after is not None),
                max(near, default=0.0),
                float(_rule_action(before)),
                float(_rule_action(after)),
                min(actions_near, _NEAR) / _NEAR,
                float(bool(before and before.label == s.HEADING)),
                float(bool(after and after.label == s.HEADING)),
                float(bool(before and before.bullet and segments[i].bullet)),
            ]
        )
    return out


@dataclass(frozen=True)
class NeighbourModel:
    """The second stage's weights, one per named feature."""

    bias: float
    weights: tuple[float, ...]
    threshold: float

    def probability(self, row: list[float]) -> float:
        score = self.bias + sum(w * x for w, x in zip(self.weights, row, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def to_json(self, about: dict) -> str:
        return json.dumps(
            {
                "about": about,
                "features": list(FEATURES),
                "bias": round(self.bias, 4),
                "weights": [round(w, 4) for w in self.weights],
                "threshold": self.threshold,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> NeighbourModel:
        data = json.loads(text)
        if tuple(data["features"]) != FEATURES:
            raise ValueError("the second stage was trained on other features")
        return cls(float(data["bias"]), tuple(map(float, data["weights"])), data["threshold"])


@dataclass(frozen=True)
class Stacked:
    """The first stage's chances, read again with the neighbours' by the second stage."""

    first: object  # learned.LinearModel or learned.Ensemble
    second: NeighbourModel

    @property
    def threshold(self) -> float:
        return self.second.threshold

    def probabilities(self, document: s.LabelledDocument, wanted=None) -> list[float | None]:
        chances = self.first.probabilities(document, wanted)
        return [
            None if row is None else self.second.probability(row) for row in rows(document, chances)
        ]


def load(first):
    """The first stage with its second stage on top, when one is stored."""
    if first is None or not MODEL.exists():
        return first
    return Stacked(first, NeighbourModel.from_json(MODEL.read_text(encoding="utf-8")))
