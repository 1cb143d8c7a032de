"""A learned reader of participants: how likely a name-like phrase of the minutes names someone
who took part.

The rules read the attendance layouts they know; real minutes keep inventing new ones. This
model reads what stays the same: the label over the list, the separators around a name, how many
names share its line, where in the document it stands, the words after it ("said", "to"),
whether a rule already took it, and whether its words are known first names (`first_names`).
Candidates are every name-like phrase (`person_names.NAME`) and every group of two or three
capitals in the opening; each gets hashed features
(`learned.hashed`, the action model's hashing) and a logistic regression, trained by
`bench/people_model.py` on annotated real minutes and the summaries written here, scores it.
The model file (`data/people_model.json`) holds only hashed indices and weights.

`adjust(participants, mentioned, text, resolver)` adds the candidates no rule found whose
probability reaches the model's threshold, as participants with the rule `learned_participant`
and the probability as their confidence; it removes nobody (the layouts are exact where they
apply).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from nethub.meetings.extract import learned, name_runs
from nethub.meetings.extract.labels import ABSENCE, ABSENCE_FIRST
from nethub.meetings.extract.participants import HONORIFICS
from nethub.meetings.extract.people.first_names import is_first_name
from nethub.meetings.extract.people.person_names import NAME, person_key, person_name
from nethub.meetings.extract.result import ExtractedParticipant

MODEL = Path(__file__).resolve().parent.parent / "data" / "people_model.json"
RULE = "learned_participant"
# Where people are named: the opening and the discussion of ordinary minutes.
_READ = 6000

_INITIALS = re.compile(r"[A-Z]{2,3}")
_CANDIDATE = re.compile(rf"(?<![\w'’.-])(?:{NAME}|[A-Z]{{2,3}})(?![\w'’-])")
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ'’]+|\d+|[^\sA-Za-zÀ-ÿ\d]")
_LABEL = re.compile(r"^\s*(?:\d{1,2}[.)]\s*)?(?P<label>[A-Za-z][^:\n]{0,40}?)\s*[:.–-]\s")
_HEADING = re.compile(r"^\s*(?:\d{1,2}[.)]\s*)?(?P<label>[A-Za-z][^:\n]{0,40}?)\s*:?\s*$")
_HONORIFIC = re.compile(r"(?:Mr|Ms|Mrs|Dr|Prof|Cllr|Rev|Sir)\.?\s*$")
_SPEECH = re.compile(
    r"^\s*(?:said|says|noted|notes|asked|informed|explained|thanked|welcomed|presented|"
    r"reported|suggested|proposed|seconded|agreed|mentioned|stated|highlighted|raised|gave|"
    r"confirmed|added|opened|chaired|introduced|updated|shared|:)",
    re.I,
)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str


def candidates(text: str) -> list[Candidate]:
    """Name-like phrases of the text read: a name of up to four words (trailing title words
    cut), or initials of two or three capitals."""
    found = []
    for match in _CANDIDATE.finditer(text[:_READ]):
        words = match.group(0).split()
        while len(words) > 1 and words[-1].lower().strip(".,") in name_runs.not_names():
            words = words[:-1]
        phrase = " ".join(words)
        if ABSENCE_FIRST.match(phrase):
            continue  # "Regrets Dan": the label glued to whom it heads
        if _INITIALS.fullmatch(phrase) or person_name(phrase, single=True):
            found.append(Candidate(match.start(), match.start() + len(phrase), phrase))
    return found


class _Lines:
    """The text's lines, split once: which line a position is on, and the label above a line."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        self.starts = list(accumulate((len(line) + 1 for line in self.lines[:-1]), initial=0))
        self._above: dict[int, list[str]] = {}

    def index_of(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1

    def heading_above(self, index: int) -> list[str]:
        if index not in self._above:
            self._above[index] = _heading_above(self.lines, index)
        return self._above[index]


def _heading_above(lines: list[str], index: int) -> list[str]:
    """The words of the nearest short line above that reads as a label ("Present", "Apologies:")
    within eight lines (blank lines just above not counted), over the lines that are a full
    name alone (a column of names)."""
    while index > 0 and lines[index - 1] == "":
        index -= 1
    for line in reversed(lines[max(0, index - 8) : index]):
        name = line.strip(" ,;.-*•")
        if len(name.split()) >= 2 and person_name(name):
            continue
        match = _HEADING.match(line) or _LABEL.match(line)
        if match and len(match.group("label").split()) <= 5:
            return [w.lower() for w in re.findall(r"[A-Za-z]+", match.group("label"))][:4]
    return []


def _bucket(value: int, edges: tuple[int, ...]) -> int:
    return sum(value > edge for edge in edges)


def features(
    lines: _Lines, candidate: Candidate, *, on_line: tuple[int, int], ruled: str, is_org: bool
) -> list:
    """A candidate's features as strings (hashed later); `on_line`: how many candidates share
    its line, and how many of them a rule took for participants."""
    index = lines.index_of(candidate.start)
    line = lines.lines[index]
    before = lines.text[lines.starts[index] : candidate.start]
    after = lines.text[candidate.end : candidate.end + 40]
    left = [t.lower() for t in _TOKEN.findall(before)][-2:]
    right = [t.lower() for t in _TOKEN.findall(after)][:2]
    label = _LABEL.match(line)
    out = [
        f"words={len(candidate.text.split())}",
        f"initials={bool(_INITIALS.fullmatch(candidate.text))}",
        f"on_line={_bucket(on_line[0], (1, 2, 4, 8))}",
        f"ruled_on_line={_bucket(on_line[1], (0, 1, 3))}",
        f"ruled_share={_bucket(10 * on_line[1] // max(on_line[0], 1), (0, 3, 6, 9))}",
        f"line_words={_bucket(len(line.split()), (3, 8, 15, 30, 60))}",
        f"pos={_bucket(candidate.start, (150, 400, 800, 1500, 3000))}",
        f"rule={ruled or 'none'}",
        f"org={is_org}",
        f"honorific={bool(_HONORIFIC.search(before))}",
        f"speech={bool(_SPEECH.match(after))}",
        f"line_start={not before.strip()}",
    ]
    out += [f"l{i}={t}" for i, t in enumerate(reversed(left))]
    out += [f"r{i}={t}" for i, t in enumerate(right)]
    if label and label.end() <= len(before):
        out += [f"label={w.lower()}" for w in re.findall(r"[A-Za-z]+", label.group("label"))[:4]]
    above = lines.heading_above(index)
    out += [f"above={w}" for w in above]
    inline = re.findall(r"([A-Za-z]+)\s*:", before)
    if inline:
        out.append(f"inline_label={inline[-1].lower()}")
    # Rule: whoever an absence label heads ("Apologies: A, B", a line under "Regrets") did not
    # attend; the reader never adds them, whatever the weights say.
    if ABSENCE.search(before) or ABSENCE.search(" ".join(above)):
        out.append("absent")
    words = candidate.text.split()
    out += [f"cw={w.lower()}" for w in words[:4]]
    known = [is_first_name(w) for w in words]
    out += [f"first_known={known[0]}", f"known={sum(known)}/{len(words)}"]
    return out


def document_rows(
    text: str, participants: list[ExtractedParticipant], mentioned, resolver
) -> list[tuple[Candidate, list[str]]]:
    """Each candidate of the text with its features; `participants` and `mentioned` are what
    the rules read (their rule is a feature)."""
    return _rows(text, candidates(text), participants, mentioned, resolver)


def _rows(text, found, participants, mentioned, resolver, wanted=None):
    """The features of the candidates `wanted` keeps (all by default); the counts per line
    read every candidate."""
    ruled = {person_key(p.name): p.rule or "rule" for p in participants}
    ruled.update({person_key(p.name): "mentioned" for p in mentioned})
    lines = _Lines(text)
    per_line: dict[int, list[int]] = {}
    for c in found:
        counts = per_line.setdefault(lines.index_of(c.start), [0, 0])
        counts[0] += 1
        counts[1] += ruled.get(person_key(c.text)) not in (None, "mentioned")
    doc_people = f"doc_people={_bucket(len(participants), (0, 2, 5))}"
    rows = []
    for c in found:
        if wanted is not None and not wanted(c):
            continue
        row = features(
            lines,
            c,
            on_line=tuple(per_line[lines.index_of(c.start)]),
            ruled=ruled.get(person_key(c.text), ""),
            is_org=resolver.resolve(c.text) is not None,
        )
        rows.append((c, [*row, doc_people]))
    return rows


def adjust(participants, mentioned, text: str, resolver) -> list[ExtractedParticipant]:
    """The participants with the candidates the model is sure of added (nobody removed: a veto
    of what the rules read lowered F1 in cross-validation)."""
    current = model()
    if current is None:
        return participants
    keys = {person_key(p.name) for p in participants}
    found = candidates(text)
    limit = _attendance_end(text, found, keys)
    # Rule: initials ("JB", "ED") name people only in minutes whose attendance the rules read
    # as initials; elsewhere they are titles and acronyms.
    initials_used = any(_INITIALS.fullmatch(p.name) for p in participants)

    def open_to_reader(candidate: Candidate) -> bool:
        if _known(person_key(candidate.text), keys) or candidate.start > limit:
            return False
        return initials_used or not _INITIALS.fullmatch(candidate.text)

    added = list(participants)
    for candidate, row in _rows(text, found, participants, mentioned, resolver, open_to_reader):
        key = person_key(candidate.text)
        if "absent" in row or _known(key, keys):  # known: added already, under another spelling
            continue
        probability = current.probability(learned.hashed(row))
        if probability >= current.threshold:
            keys.add(key)
            # The model reads a candidate with its title ("Ms P Davies"); the name is without.
            title = HONORIFICS.match(candidate.text)
            cut = title.end() if title and title.end() < len(candidate.text) else 0
            person = ExtractedParticipant(name=candidate.text[cut:], as_written=candidate.text)
            person.rule, person.confidence = RULE, round(probability, 3)
            person.span = [candidate.start + cut, candidate.end]
            added.append(person)
    return added


def _known(key: str, keys: set[str]) -> bool:
    """The candidate is a person read already, or a longer or shorter writing of one ("Debbie
    Weston-Treasurer", "Ana" for Ana Lind, "Alain" for "CIDERE Alain", a surname written
    first)."""
    return any(
        (key.startswith(k) and key[len(k) : len(k) + 1] in ("", " ", "-"))
        or (k.startswith(key) and k[len(key) : len(key) + 1] in (" ", "-"))
        or (" " not in key and k.endswith(" " + key))
        for k in keys
    )


def _attendance_end(text: str, found: list[Candidate], keys: set[str]) -> float:
    """Rule: when the rules read an attendance (two people or more), people named after it are
    mentioned, not participants (as `merging.merge` keeps them): the reader adds only up to the
    first paragraph (a line of more than twenty words) after the last person the rules read."""
    read = [c.start for c in found if person_key(c.text) in keys]
    if len(keys) < 2 or not read:
        return float("inf")
    position = text.find("\n", max(read))
    if position < 0:
        return float("inf")
    for line in text[position + 1 :].split("\n"):
        if len(line.split()) > 20:
            return position
        position += len(line) + 1
    return float("inf")


_SLOT = learned.ModelSlot(lambda: learned.load_members([MODEL] if MODEL.exists() else []))
model = _SLOT.model
using = _SLOT.using
