"""The learned half of stage 1: a classifier of segments for what no rule claims.

A logistic regression over hashed words and word pairs (scikit-learn), trained at first use
from `data/segments.json`: segments of the summaries written in this repository for the bench
(bench/data/meetings, our own text), labelled by the rule table and, where no rule spoke, as
discussion or other. It never sees the real minutes of the bench. It labels a segment an action
point only when it is confident (`ACTION_THRESHOLD`); otherwise discussion or other, with its
probability as the confidence.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from nethub.meetings.extract import segments as s

DATA = Path(__file__).with_name("data") / "segments.json"
ACTION_THRESHOLD = 0.97


@lru_cache(maxsize=1)
def model():
    """The fitted pipeline, or None when the training data is absent."""
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    if not DATA.exists():
        return None
    rows = json.loads(DATA.read_text(encoding="utf-8"))
    texts = [features(row["text"]) for row in rows]
    labels = [row["label"] for row in rows]
    pipeline = make_pipeline(
        HashingVectorizer(ngram_range=(1, 2), n_features=2**16, alternate_sign=False),
        LogisticRegression(C=2.0, max_iter=500),
    )
    pipeline.fit(texts, labels)
    return pipeline


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
    """Label each segment no rule claimed."""
    rest = [seg for seg in document.segments if not seg.rule]
    fitted = model() if rest else None
    if fitted is None:
        for seg in rest:
            seg.label, seg.rule, seg.confidence = s.DISCUSSION, "default", 0.5
        return
    probabilities = fitted.predict_proba([features(seg.text) for seg in rest])
    classes = list(fitted.classes_)
    for seg, row in zip(rest, probabilities, strict=True):
        best = max(range(len(classes)), key=lambda i: row[i])
        label, confidence = classes[best], float(row[best])
        if label == s.ACTION and confidence < ACTION_THRESHOLD:
            label = s.DISCUSSION
        seg.label, seg.rule, seg.confidence = label, "classifier", round(confidence, 3)
