"""Names read from an attendance section whatever its separators (stage `section_names`).

Participants lists come in more layouts than rules can name: names glued in one run with no
separator ("Ann Lee Bob Ray Cy Dunn"), each followed by a title ("Ann Lee, Manager of ACME Bob
Ray, Chair of ..."), on lines of their own between organisation lines, in a header table whose
labels come first and values after ("Chair person Minutes by ... Ann Lee Bob Ray"). This stage
reads them all the same way: between an attendance or role label and the end of its section,
every run of person-like words (capitalised, not an acronym, not a word the document writes in
lower case, not a word of titles and bodies) is one or more names; a run of more than one name
is cut where the pieces are names the document repeats, else in pairs.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from nethub.meetings.extract.labels import ATTENDANCE_ANYWHERE, OF_A_BODY

# The labels that open an attendance (a list of who was there) or name a role in the header.
_ROLE = re.compile(
    r"\b(?:(?:co-?|vice-?)?chair(?:ed\s+by|\s*person|man|woman)?|minutes?(?:/report)?\s+"
    r"(?:prepared|taken)?\s*by|facilitat(?:or|ed\s+by)|note[- ]?taker|rapporteur)\b\s*:?",
    re.I,
)
# What ends a section: the absent, the agenda, the body of the minutes.
_END = re.compile(
    r"(?i:\b(?:apologies|regrets|excused|absent|unable\s+to\s+attend|agenda|summary|"
    r"introductions?|welcome|opening)\b)|(?:\b[a-z][a-z'’]*\b[\s,]+){5}"
)
# "Rep. of Ana Lind": someone stood in for the person named.
_STOOD_IN = re.compile(r"\b(?:rep\.?|representative|on\s+behalf)\s+of\s*$", re.I)
_LABELS = re.compile(
    r"^(?:\s*(?:chair(?:\s*person)?|co-?chair|agenda|date|venue|time|location|participants|"
    r"attendees|present)\s*:?)+\s*",
    re.I,
)
_TOKEN = re.compile(r"[^\s,;:()\[\]/|–—]+|[,;:()\[\]/|–—]|\n")
_WORD = re.compile(
    r"^(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*|[A-ZÀ-Þ][a-zà-ÿ'’]+|Mc[A-Z][a-z]+|"
    r"[A-Z]['’][A-Z][a-z]+|[A-Z][a-z]{0,3}[A-Z][a-z]+|[A-Z]\.?)$"
)
_INITIAL = re.compile(r"^(?:[A-Z]\.?|Ma\.|M\.?ª\.?)$")  # "S.", "S", "Ma." and "Mª" (María)
_PARTICLE = frozenset(["le", "de", "van", "von", "da", "del", "bin", "al", "la", "di"])
_VOCABULARY = Path(__file__).with_name("data") / "not_names.txt"
# Words that end the name of a body, never a person's ("Legal Aid", "Islamic Relief").
ORG_END = frozenset(
    [
        "aid",
        "relief",
        "international",
        "foundation",
        "worldwide",
        "vision",
        "alliance",
        "association",
        "network",
        "corps",
        "society",
        "council",
        "committee",
        "fund",
        "institute",
        "centre",
        "center",
        "university",
        "ministry",
        "organisation",
        "organization",
        "group",
        "cluster",
        "team",
        "office",
        "unit",
        "agency",
        "secretariat",
        "mission",
        "church",
        "partners",
        "humanity",
        "children",
        "services",
    ]
)
_ACRONYM = re.compile(r"^[A-Z][A-Z&-]+$")
# "MoE", "CPiE", "TdH-L": two capitals or more in a short word ("McKay" is a name).
MIXED_ACRONYM = re.compile(r"^(?!Ma?c[A-Z][a-z]+$)(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z&-]{2,8}$")


def is_acronym(word: str) -> bool:
    """ "UNHCR", "MoE", "TdH-L": a body's acronym, in capitals or in mixed case."""
    return bool(_ACRONYM.match(word) or MIXED_ACRONYM.match(word))


SECTION_CHARS = {"attendance": 2500, "role": 300}


@cache
def not_names() -> frozenset[str]:
    """Words of titles, bodies, places of meeting and minutes' furniture, capitalised in lists
    but never a person's name ("Senior", "Officer", "Relief", "Venue", "Monthly")."""
    from nethub.meetings.extract.people.person_names import COMMON_WORDS, NOT_NAME_WORDS

    lines = [line for line in _VOCABULARY.read_text(encoding="utf-8").split("\n")]
    words = {w.lower() for line in lines if not line.startswith("#") for w in line.split()}
    return frozenset(words | COMMON_WORDS | NOT_NAME_WORDS)


def document_vocabulary(text: str) -> frozenset[str]:
    """Words the document writes in lower case: common words, not names."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-zà-ÿ][a-zà-ÿ'’-]{2,}(?![\w'’-])", text))


def name_word(token: str, vocabulary: frozenset[str]) -> bool:
    if _INITIAL.match(token):
        return True
    word = token.rstrip(".")
    if not _WORD.match(word):
        return False
    lower = word.lower()
    return lower not in vocabulary and lower not in not_names()


def runs(section: str, vocabulary: frozenset[str]) -> list[tuple[list[str], bool]]:
    """Runs of name words (a particle inside a run: "Philippe Le Hegaret"), each with whether it
    fills its line alone; not a run after "Rep. of" (the person was not there)."""
    found: list[tuple[list[str], bool]] = []
    for line in section.split("\n"):
        # "Dennis Moroni- UNHCR": a hyphen before a space separates, as a dash does.
        line = re.sub(r"(?<=\w)-(?=\s)", " | ", line)
        line = OF_A_BODY.sub(" | ", line)
        tokens = list(_TOKEN.finditer(line))
        run: list[re.Match] = []
        for token in [*tokens, None]:
            word = token.group(0) if token else ","
            if name_word(word, vocabulary) or (run and word.lower() in _PARTICLE):
                run.append(token)
                continue
            if run and not _STOOD_IN.search(line[: run[0].start()]) and not _body_after(line, run):
                alone = (
                    len(run) == len(tokens) or line[: run[0].start()].strip(" .0123456789") == ""
                )
                found.append(([t.group(0) for t in run], alone))
            run = []
    return found


# "Islamic Relief", "Ramon Abolitz Foundation", "Concern Worldwide (CW)": a run that a body
# word or an acronym in brackets follows is the start of a body's name.
_BODY_AFTER = re.compile(
    r"^\s*(?:(?:Aid|Relief|International|Foundation|Worldwide|Vision|Alliance|Association|Corps|"
    r"Society|Fund|Institute|Church|Humanity|Children)\b|\(\s*[A-Z]{2,}\s*\))"
)


def _body_after(line: str, run: list[re.Match]) -> bool:
    return bool(_BODY_AFTER.match(line[run[-1].end() :]))


def split_run(run: list[str], text: str, alone: bool) -> list[str]:
    """A run as names: whole when it is one (two to four words, on a line alone or up to three
    words), else cut in the pieces of two or three words that the document repeats most (a
    piece with an initial in its middle counting once more), pairs winning ties."""
    while run and run[-1].lower() in _PARTICLE:
        run = run[:-1]
    if len(run) < 2:
        return []
    # "Devanna de la Puente": particles are no words of their own.
    particles = sum(w.lower() in _PARTICLE for w in run)
    words = [w for w in run if not _INITIAL.match(w) and w.lower() not in _PARTICLE]
    if len(words) <= 3 and (alone or len(run) - particles <= 4):
        return [" ".join(run)]
    best: dict[int, tuple[int, int, list[str]]] = {0: (0, 0, [])}
    for end in range(1, len(run) + 1):
        options = []
        for size in (1, 2, 3):
            if end - size in best:
                score, pieces, names = best[end - size]
                piece = " ".join(run[end - size : end])
                if size == 1:
                    options.append((score, pieces, names))
                elif not _INITIAL.match(run[end - 1]) and run[end - size].lower() not in _PARTICLE:
                    # "Omar K Daoud": an initial inside a piece of three binds it (not "K Daoud").
                    middle = size == 3 and bool(_INITIAL.match(run[end - 2]))
                    gain = text.count(piece) + middle
                    options.append((score + gain, pieces + 1, [*names, piece]))
        if options:
            best[end] = max(options, key=lambda o: (o[0], o[1]))
    return best.get(len(run), (0, 0, []))[2]


def sections(head: str) -> list[tuple[str, str]]:
    """The attendance sections and header role sections of the opening of the minutes."""
    found = []
    for kind, pattern in (("attendance", ATTENDANCE_ANYWHERE), ("role", _ROLE)):
        for match in pattern.finditer(head):
            rest = head[match.end() : match.end() + SECTION_CHARS[kind]]
            # "Participants: Chair: Agenda\n21 July ... Ana Lind": labels in a row, then values.
            rest = _LABELS.sub("", rest)
            end = _END.search(rest)
            # A section cut at its length ends at its last separator (no name cut in two).
            last = max(rest.rfind(c) for c in ",;/\n(")
            found.append((kind, rest[: end.start()] if end else rest[: last + 1] or rest))
    return found


def section_names(head: str, text: str, resolver) -> list[str]:
    """Stage: every name in the attendance and role sections of `head` (the opening of `text`),
    organisations the resolver knows and repeated words ("Help Help") left out."""
    vocabulary = document_vocabulary(text)
    names: list[str] = []
    for kind, section in sections(head):
        found = runs(section, vocabulary)
        if kind == "attendance" and (
            lists_bodies(section, found) or names_bodies(list_items(section), resolver)
        ):
            continue
        for run, alone in found:
            for name in split_run(run, text, alone):
                words = name.split()
                if len(set(words)) < len(words) or resolver.resolve_in(name) is not None:
                    continue
                if not any(same_person(name, other) for other in names):
                    names.append(name)
    return [n for n in names if not any(n != o and initialled(n, o) for o in names)]


def body_item(item: str, resolver) -> bool:
    """An item of a list that names a body: an acronym ("UNHCR", "MoE"), a body word ("Mercy
    Corps", "Church of Ankawa") or an organisation the resolver knows."""
    item = re.sub(r"\([^)]*\)", " ", item).strip()
    words = item.split()
    # A long item is a run of several entries ("Samia Hashmi UNAIDS Lubna Baqi UNFPA"): not judged.
    return 0 < len(words) <= 5 and (
        any(is_acronym(w) for w in words)
        or any(w.lower().strip(".") in ORG_END for w in words)
        or resolver.resolve_in(item) is not None
    )


def names_bodies(items: list[str], resolver) -> bool:
    """Rule: a list most of whose items are bodies ("Present: IRC, UNESCO, SCI, Church of
    Ankawa, MoE, Qandil and UNICEF") lists organisations, not people: its other items
    ("Qandil", "Jord", "Un Ponte Per") are organisations too. A list of people with their
    organisations ("Ana Lind, UNHCR, Ben Ray, IOM") has as many names as bodies."""
    items = [i for i in items if i.split()]
    short = [i for i in items if len(i.split()) <= 5]
    # Entries run together ("Manager of OASIS Patrick Gannon") are read by the name rules.
    if len(short) < 3 or 5 * len(short) < 4 * len(items):
        return False
    return 2 * sum(body_item(i, resolver) for i in short) > len(short)


def list_items(section: str) -> list[str]:
    return [i.strip() for i in re.split(r",|;|\n|\s+and\s+", section) if i.strip()]


def lists_bodies(section: str, found: list[tuple[list[str], bool]]) -> bool:
    """Rule: a section of organisations ("Present: Care IRD Concern Worldwide (CW) Islamic
    Relief ...") names bodies, not people: more acronyms and body words than name words."""
    bodies = [
        t for t in _TOKEN.findall(section) if _ACRONYM.match(t) or t.lower().strip(".") in ORG_END
    ]
    return len(bodies) > 2 * sum(len(run) for run, _ in found)


def _key(name: str) -> str:
    return re.sub(r"^ma ", "maria ", re.sub(r"[.\s]+", " ", name.lower()).strip())


def same_person(one: str, other: str) -> bool:
    """ "Lorelie T Jayma" is "Lorelie T. Jayma"; "Ma. Elena" is "Maria Elena"."""
    return _key(one) == _key(other)


def initialled(short: str, full: str) -> bool:
    """ "E. Brumat" is "Elisabetta Brumat" written with an initial."""
    words, others = short.split(), full.split()
    return (
        len(words) == 2
        and bool(_INITIAL.match(words[0]))
        and len(others) >= 2
        and not _INITIAL.match(others[0])
        and others[-1] == words[-1]
        and others[0][0] == words[0][0]
    )
