"""The learned half of stage 1: a classifier of segments for what no rule claims.

A naive Bayes model over words and word pairs, trained at first use (milliseconds) from
`data/segments.json`: segments of the summaries written in this repository for the bench
(bench/data/meetings, our own text), labelled by the rule table and, where no rule spoke, as
discussion or other. It never sees the real minutes of the bench. It labels a segment an action
point or a participant line never (see RULES_ONLY); its probability is the confidence.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.rules.actions.labelled import LABEL_RULES

DATA = Path(__file__).with_name("data") / "segments.json"
# Naive Bayes is sure of itself: on the dev set an action point or a participant line from it
# alone was more often wrong than right, so it never makes one (only rules do); it tells
# headings, discussion, decisions and other text apart.
RULES_ONLY = (s.ACTION, s.PARTICIPANTS)


@dataclass(frozen=True)
class NaiveBayes:
    """A multinomial naive Bayes model over words and word pairs (Laplace smoothing): small,
    trained in milliseconds, readable; its probabilities are sharp, hence the high threshold
    for action points."""

    priors: dict[str, float]
    likelihoods: dict[str, dict[str, float]]
    unseen: dict[str, float]

    @property
    def classes_(self) -> list[str]:
        return list(self.priors)

    def predict_proba(self, texts: list[str]) -> list[list[float]]:
        rows = []
        for text in texts:
            scores = {
                label: prior
                + sum(self.likelihoods[label].get(t, self.unseen[label]) for t in tokens(text))
                for label, prior in self.priors.items()
            }
            top = max(scores.values())
            exps = {label: math.exp(score - top) for label, score in scores.items()}
            total = sum(exps.values())
            rows.append([exps[label] / total for label in self.priors])
        return rows


def tokens(text: str) -> list[str]:
    words = text.split()
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


def fit(rows: list[dict]) -> NaiveBayes:
    counts: dict[str, Counter] = {}
    documents = Counter()
    for row in rows:
        documents[row["label"]] += 1
        counts.setdefault(row["label"], Counter()).update(tokens(features(row["text"])))
    vocabulary = {token for counter in counts.values() for token in counter}
    priors, likelihoods, unseen = {}, {}, {}
    for label, counter in counts.items():
        total = sum(counter.values()) + len(vocabulary)
        priors[label] = math.log(documents[label] / len(rows))
        likelihoods[label] = {t: math.log((n + 1) / total) for t, n in counter.items()}
        unseen[label] = math.log(1 / total)
    return NaiveBayes(priors, likelihoods, unseen)


@lru_cache(maxsize=1)
def model() -> NaiveBayes | None:
    """The fitted model, or None when the training data is absent."""
    if not DATA.exists():
        return None
    return fit(json.loads(DATA.read_text(encoding="utf-8")))


def features(text: str) -> str:
    """Words, with the shape of the start of the segment (capitalised subject + "to", a bullet,
    its length) as extra tokens."""
    words = text.split()
    shape = [f"__len{min(len(words) // 5, 8)}"]
    if words and words[0][:1].isupper():
        shape.append("__cap")
    if len(words) > 1 and words[1].lower() == "to":
        shape.append("__x_to")
    if text.rstrip().endswith(":"):
        shape.append("__colon")
    return " ".join([*shape, text.lower()])


def label_rest(document: s.LabelledDocument) -> None:
    """Label each segment no rule claimed: an action point where the learned action model
    (`learned`) is sure enough, else by the naive Bayes model."""
    _learned_actions(document)
    rest = [seg for seg in document.segments if not seg.rule]
    fitted = model() if rest else None
    if fitted is None:
        for seg in rest:
            seg.label, seg.rule, seg.confidence = s.DISCUSSION, "default", 0.5
        return
    probabilities = fitted.predict_proba([features(seg.text) for seg in rest])
    classes = fitted.classes_
    for seg, row in zip(rest, probabilities, strict=True):
        best = max(range(len(classes)), key=lambda i: row[i])
        label, confidence = classes[best], float(row[best])
        if label in RULES_ONLY:
            label = s.DISCUSSION
        seg.label, seg.rule, seg.confidence = label, "classifier", round(confidence, 3)


# A rule that only guesses from a segment's length ("Book the hall – JT" is short, too): the
# learned model may say it is a task.
OVERRIDABLE = frozenset(["short_heading"])


def _learned_actions(document: s.LabelledDocument) -> None:
    """Rule "learned_action": a segment no rule claimed (or only a guessing rule) is an action
    point when the model of real minutes gives it at least its threshold (a fragment of fewer
    than four words never is)."""
    from nethub.meetings.extract import learned

    action_model = learned.model()
    if action_model is None or _lists_its_actions(document):
        return
    chances = action_model.probabilities(document, wanted=_open_to_model)
    for seg, probability in zip(document.segments, chances, strict=True):
        if probability is not None and probability >= action_model.threshold:
            seg.label, seg.rule, seg.confidence = s.ACTION, learned.RULE, round(probability, 3)


def _open_to_model(seg: s.Segment) -> bool:
    """Only what no rule claimed (or only a guessing rule), of four words or more, can take
    the model's label: the others are not scored."""
    return (not seg.rule or seg.rule in OVERRIDABLE) and len(seg.text.split()) >= 4


# Rules that read a point from a label, an action's or its owner's ("Action point:", "AI:",
# "Action JH", "UNHCR: share the list").
_LABELLED = frozenset([*LABEL_RULES, "owner_label", "for_owner_label"])


def _lists_its_actions(document: s.LabelledDocument) -> bool:
    """Minutes that list their action points (under an action heading, or labelled one by one)
    put every task there, and the tasks in their discussion are the same ones again: the model
    adds points only to minutes that do not."""
    return any(seg.data.get("opens_actions") or seg.rule in _LABELLED for seg in document.segments)
