"""Rules for action points and decisions, sentence by sentence.

- An *action-points heading* ("Action Points:", "Follow-up actions", "Next steps", "Agreed
  actions") opens a list: each item under it is an action point.
- An *implicit* action point is a sentence of the discussion that assigns work (a modal or an
  assignment: "will", "should", "to be", "agreed to", "requested ... to") AND gives a deadline
  ("by 1 May", "in December", "by end of Q2"). Events that merely happen ("will take place")
  assign nothing.
- An *owner* is who the sentence gives the work to: its subject ("Coordinator to relay", "The
  Secretariat will"), the one asked ("requested UNICEF to"), or the agent ("by the Coordinator").
- A *decision* is a sentence in which the meeting agrees, endorses, decides, approves or tasks.
"""

from __future__ import annotations

import re

from nethub.meetings.extract.header import MONTHS
from nethub.meetings.extract.labels import ACTION_HEADING, REGISTER_CODE

DECISION_HEADING = re.compile(
    r"^(?:key\s+|main\s+)?(?:decisions?|conclusions?|outcomes?|agreements?)"
    r"(?:\s+(?:taken|reached))?\s*(?::\s*(?P<rest>.*))?$",
    re.I,
)

_MODAL = re.compile(
    r"(?:\b(?:is|are|was|were|needs?|has|have)\s+to\s+be"
    r"|\b(?:will|shall|should|must|would|is to|are to|agreed to|undertook to|committed to|"
    r"offered to|(?:requested|asked|tasked|invited|mandated|encouraged)\b.{0,80}?\bto))\s+"
    r"(?:be\s+)?(?P<verb>\w+)"
    # "tasked the working level with preparing": the assignment, its verb in -ing.
    r"|\b(?:tasked|charged|entrusted)\s+(?:(?:the\s+)?[\w\s]{1,40}?\s+)?with\s+(?P<ing>\w+ing)\b",
    re.I,
)
# Verbs after a modal that report an event rather than assign work.
_NOT_WORK = {
    "take",
    "be",
    "see",
    "have",
    "remain",
    "happen",
    "occur",
    "come",
    "become",
    "include",
    "continue",
    "mark",
    "coincide",
    "allow",
    "need",
    "want",
    "like",
    "face",
    "depend",
    "meet",  # "The Steering Committee will meet again in January": an event
    "reconvene",
}
# Rule: "The priorities will be discussed again at the next meeting", "the report, which will be
# launched in January": a passive event names what will happen, not work given to anyone.
_EVENT_PASSIVE = {
    "discussed",
    "considered",
    "debated",
    "revisited",
    "examined",
    "held",
    "launched",
    "convened",
    "hosted",
    "celebrated",
    "observed",
    "marked",
}
_SUBJECT_MODAL = re.compile(
    r"^(?:(?:As\s+)?[\w\s,]{0,40}?,\s*)?(?P<owner>(?:the\s+)?[A-Z][\w/&’'.-]*(?:\s+[\w/&’'.-]+){0,5}?)\s+"
    r"(?:to|will|shall|should|must|is to|are to|agreed to|undertook to|offered to|would|can|"
    # "Earl plans to contact ...": an intention names its owner; "is to be placed" (a passive)
    # names none.
    r"plans to|intends to|has to|have to|needs to)\s+(?!be\s+[\w-]+(?:ed|en|wn)\b)\w+",
)
_ASKED = re.compile(
    r"\b(?:requested|asked|tasked|invited|mandated|encouraged|called on|called upon|charged|"
    r"entrusted)\s+(?P<owner>(?:the\s+)?[\w/&’'.-]+(?:\s+[\w/&’'.-]+){0,5}?)\s+"
    r"(?:to\s+\w+|with\s+\w+ing\b)",
    re.I,
)
# "ILO, IOM and UNHCR to develop": several owners listed as the subject (the first is no
# introductory phrase, as in "As agreed, the Secretariat will").
_SUBJECT_LIST = re.compile(
    r"^(?P<owner>(?:the\s+)?[A-Z][\w/&.-]*(?:\s*,\s*(?:the\s+)?[A-Z][\w/&.-]*)+,?\s+(?:and|&)\s+"
    r"(?:the\s+)?[A-Z][\w/&.-]*)\s+(?:to|will|shall|should|must|would|agreed to|undertook to)\s+\w+"
)
# "Members were requested to send inputs": the one asked, as the passive sentence's subject.
_ASKED_PASSIVE = re.compile(
    r"^(?:(?:As\s+)?[\w\s,]{0,40}?,\s*)?(?P<owner>(?:the\s+)?[A-Z][\w/&’'.-]*(?:\s+[\w/&’'.-]+){0,5}?)"
    r"\s+(?:were|was|are|is)\s+(?:also\s+)?(?:requested|asked|invited|tasked|encouraged|"
    r"called\s+upon|mandated|charged|entrusted)\s+(?:to\s+\w+|with\s+\w+ing\b)"
)
# "..., with the Secretariat to circulate a draft": the one given the work.
_WITH = re.compile(
    r"\bwith\s+(?P<owner>(?:the\s+)?[A-Z][\w/&’'.-]*(?:\s+[\w/&’'.-]+){0,4}?)\s+to\s+"
    r"(?!be\b)\w+"
)
# "It was agreed that UNHCR and IOM would prepare": the subject of the clause.
_THAT = re.compile(
    r"\bthat\s+(?P<owner>(?:the\s+)?[A-Z][\w/&’'.-]*(?:\s+[\w/&’'.-]+){0,5}?)\s+"
    r"(?:will|would|should|shall|must|is to|are to)\s+\w+"
)
# "(Lead: UNHCR)", "Responsible: the Secretariat": owners given as a label.
_LABEL = re.compile(
    r"\b(?:lead|leads|responsible|owner|focal point|who)\s*[:–-]\s*(?P<owner>[^;,)\]\n]+)", re.I
)
# "Secretariat – draft pledging guide (17 December)": a list item led by its owner and a dash.
# "Andy - To investigate the hire": a hyphen as the dash, before "to" and the task.
_LEADING = re.compile(r"^(?P<owner>[A-Z][^–—:]{1,40}?)\s+(?:[–—]\s+\S|-\s+(?i:to)\s+[a-z])")
# "Secretariat: synthesis of the outcomes – end of January": a list item led by its owner and a
# colon (only when what is before the colon is a known owner).
_LEADING_COLON = re.compile(r"^(?P<owner>[A-Z][^–—:]{1,40}?):\s+\S")
# "Develop messages (Secretariat)" or "... – UNHCR": an owner written after the action.
_TRAILING = re.compile(r"(?:\(|\[|\s[–—-]\s)(?P<owner>[^()\[\]–—]{2,60}?)[)\]]?\s*\.?\s*$")
# "Revisions from the EC to be sent in": who the thing is to come from.
_FROM = re.compile(
    r"\bfrom\s+(?P<owner>(?:the\s+)?[A-Z][\w/&-]*(?:\s+[\w/&-]+){0,3}?)\s+to\s+be\s+\w+"
)
_AGENT = re.compile(r"\bby\s+(?P<owner>the\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}|[A-Z]{2,}[\w-]*)")
_DECISION_VERB = r"(?<!be )(?<!been )(?:agreed|endorsed|decided|approved|adopted|tasked|resolved)\b"
_DECISION = re.compile(
    r"\b(?:(?:the\s+)?(?:Principals|meeting|Committee|EC|participants|members|Executive Committee|"
    r"working group|group|Network)"
    rf"\b[^.;]{{0,50}}?\b{_DECISION_VERB}"
    r"|\bit\s+was\s+(?:\w+\s+)?(?:agreed|decided|endorsed|approved|resolved)\b"
    r"|\bthere\s+was\s+(?:a\s+)?(?:broad|general|full|unanimous)?\s*(?:agreement|consensus)\b"
    r"|\b(?:agreement|consensus)\s+was\s+reached\b"
    r"|\bwithout\s+discussion,.{0,40}\b(?:endorsed|approved|adopted)\b)",
    re.I,
)
_NOT_DECISION = re.compile(r"\b(?:agreed to disagree|not agreed|was not endorsed)\b", re.I)

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"(])")
_ABBREVIATIONS = re.compile(r"\b(?:Ms|Mr|Mrs|Dr|Prof|H\.E|e\.g|i\.e|etc|No|St|Amb|vs)\.$", re.I)


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; "Ms." or "e.g." do not end one; table cells run together are
    cut where the next body's work begins (`_run_on`)."""
    pieces = SENTENCE_END.split(text)
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _ABBREVIATIONS.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return [part for s in sentences if s.strip() for part in _run_on(s.strip())]


# "... during October and January UNICEF will support 50 schools ... fees UNICEF will draft a
# SOP ...": a table's cells run together without their full stops; a body's acronym and what
# it will do begin the next sentence.
_RUN_ON = re.compile(
    r"(?<=[a-z0-9)])\s+(?=[A-Z]{2,}[\w/&-]*(?:\s+and\s+[A-Z]{2,}[\w/&-]*)?\s+"
    r"(?:will|shall|agreed\s+to|to)\s+[a-z]{3,})"
)


_MONTH_WORD = re.compile(rf"(?:{MONTHS})\.?", re.I)


def _ends_a_cell(before: str) -> bool:
    word = before.split()[-1]
    if word.lower() in NOT_BEFORE_A_SUBJECT:
        return False
    return not word[:1].isupper() or bool(_MONTH_WORD.fullmatch(word))


# Words after which a capitalised word is an object, or the subject of a clause that goes on,
# not the next task's owner: prepositions, conjunctions, verbs that give someone work ("asked
# UNHCR to", "whereby UNICEF will join").
NOT_BEFORE_A_SUBJECT = frozenset(
    [
        "with",
        "to",
        "by",
        "for",
        "from",
        "of",
        "and",
        "or",
        "the",
        "a",
        "an",
        "between",
        "among",
        "that",
        "than",
        "as",
        "at",
        "on",
        "in",
        "into",
        "ask",
        "asks",
        "asked",
        "request",
        "requested",
        "invite",
        "invited",
        "help",
        "helps",
        "allow",
        "allows",
        "support",
        "supports",
        "urge",
        "urged",
        "encourage",
        "encouraged",
        "remind",
        "reminded",
        "whereby",
        "where",
        "when",
        "which",
        "who",
        "if",
        "because",
        "since",
        "while",
        "so",
        "but",
        "once",
        "until",
        "after",
        "before",
        "whereas",
        "unless",
        "although",
        "though",
    ]
)


def cut_at(text: str, positions: list[int]) -> list[str]:
    """`text` cut at each of `positions`, each piece stripped."""
    bounds = [0, *positions, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]


def _run_on(sentence: str) -> list[str]:
    """Rule: a long sentence whose table cells ran together is cut before each body's acronym
    that will do something, unless a preposition or a verb leads to it ("asked UNHCR to") or
    a capitalised word makes it part of a name ("the Migration MPTF agreed to")."""
    if len(sentence.split()) <= 25:
        return [sentence]
    return cut_at(
        sentence,
        [m.start() for m in _RUN_ON.finditer(sentence) if _ends_a_cell(sentence[: m.start()])],
    )


def action_heading(text: str) -> str | None:
    """If `text` opens a list of action points, the text after the heading (may be "")."""
    if len(text.split()) > 40:
        return None
    match = ACTION_HEADING.match(text.strip())
    if not match:
        return None
    rest = match.group("rest").strip()
    # "Actions to protect migrants were discussed." is a sentence, not a heading.
    if rest and not text.strip()[: match.start("rest")].rstrip().endswith((":", ".", "–", "-")):
        return None
    return rest


_REPORTED = re.compile(
    r"\b(?:informed|reported|announced|noted|mentioned|highlighted|explained|recalled|indicated|"
    r"said|stated|shared|updated)\b[^.]{0,80}?\bthat\b",
    re.I,
)


# "We will release the report": a speaker's plan (a speech, a briefing), not work assigned.
_FIRST_PERSON = re.compile(r"\b(?:I|we)\s+(?:will|shall|would|should|must|are going to)\b")


# "The Secretariat to prepare a letter": a capitalised subject, "to" and a verb (note style).
_SUBJECT_TO = re.compile(
    r"^(?:The\s+)?(?!(?:According|Further|Thanks|Turning|Welcome|Due|Prior|In addition)\b)"
    r"[A-Z][\w/&.-]*(?:\s+(?:and\s+)?[A-Z][\w/&.-]*){0,3}\s+to\s+"
    r"(?!(?:the|a|an|all|this|these|its|their|his|her|be)\b)[a-z]{3,}\b"
)


# "Planning to request funds for ...", "Plans to distribute 800 kits": an agency reporting its
# own plans in a round of updates, no work the meeting gives.
_PLANS = re.compile(r"^(?:(?:is|are)\s+)?(?:plans|planning)\s+to\b", re.I)


def assigns_work(sentence: str) -> bool:
    """A modal or an assignment with a verb of work; plans someone reports ("informed the
    meeting that the guidance will be launched") assign nothing."""
    if _REPORTED.search(sentence) or _FIRST_PERSON.search(sentence):
        return False
    if _PLANS.match(sentence.strip()):
        return False
    if _SUBJECT_TO.match(sentence.strip()):
        return True
    for match in _MODAL.finditer(sentence):
        if match.group("ing"):
            return True
        verb = match.group("verb").lower()
        if verb == "be":
            continue
        if verb in _EVENT_PASSIVE and re.search(r"\bbe\s+\w+$", match.group(0), re.I):
            continue
        if verb not in _NOT_WORK and not verb.endswith("ing"):
            return True
    return False


def owner_of(sentence: str, resolve_owner, *, near: int | None = None) -> str | None:
    """Who `sentence` gives the work to, canonical ("Coordinator", "EC working level", "UNHCR"),
    or None when it does not say. `resolve_owner(text)` names a body or organisation or None.
    With `near` (where the deadline is written), of several asks the one closest before it
    wins: "encouraged members to ..., and requested UNHCR to present ... at the next meeting"."""
    text = REGISTER_CODE.sub("", sentence.strip())
    for pattern in (
        _LABEL,
        _LEADING,
        _LEADING_COLON,
        _ASKED,
        _ASKED_PASSIVE,
        _WITH,
        _SUBJECT_LIST,
        _SUBJECT_MODAL,
        _THAT,
        _FROM,
        _AGENT,
        _TRAILING,
    ):
        found = []
        for match in pattern.finditer(text):
            candidate = match.group("owner").strip()
            name = resolve_owner(candidate) or _several(candidate, resolve_owner)
            if name:
                found.append((match.start(), name))
        if found:
            if near is None:
                return found[0][1]
            before = [item for item in found if item[0] <= near] or found
            return before[-1][1]
    return None


def subject_owner(sentence: str, resolve_owner) -> str | None:
    """The owner when the sentence's subject or the one asked is given the work ("IOM to
    prepare", "Members were invited to"); not an agent ("taken forward by the Coordinator")."""
    for pattern in (_LABEL, _ASKED, _ASKED_PASSIVE, _SUBJECT_LIST, _SUBJECT_MODAL, _THAT):
        for match in pattern.finditer(sentence.strip()):
            candidate = match.group("owner").strip()
            name = resolve_owner(candidate) or _several(candidate, resolve_owner)
            if name:
                return name
    return None


# A French or Spanish article before a body's name ("L'OIM", "le HCR", "El ACNUR").
_ARTICLE = re.compile(r"^(?:l['’]\s*|(?:le|la|les|el|los|las)\s+)", re.I)


def leading_body(text: str, resolve_owner) -> str | None:
    """Rule: an item of an action list that opens with the body that does it, in whatever
    language the list is written ("OCHA partagera la matrice", "L'OIM doit organiser", "ACNUR y
    UNICEF coordinarán"): the longest opening of up to six words that names bodies."""
    words = _ARTICLE.sub("", text.strip()).split()
    for count in range(min(6, len(words) - 1), 0, -1):
        candidate = " ".join(words[:count]).rstrip(",:;")
        name = resolve_owner(candidate) or _several(candidate, resolve_owner)
        if name:
            return name
    return None


def _several(candidate: str, resolve_owner) -> str | None:
    """ "IOM and UNHCR": each named, joined with commas; None unless every part is known."""
    # "ACNUR y UNICEF", "le HCR et l'OIM": the network writes in French and Spanish too.
    parts = [p for p in re.split(r"\s*(?:,|/|\band\b|\bet\b|\by\b|&)\s*", candidate) if p.strip()]
    parts = [_ARTICLE.sub("", part) for part in parts]
    if len(parts) < 2:
        return None
    names = [resolve_owner(part) for part in parts]
    return ", ".join(names) if all(names) else None


def is_decision(sentence: str) -> bool:
    return bool(_DECISION.search(sentence)) and not _NOT_DECISION.search(sentence)


# Rule: work given in running text without a deadline ("OHCHR will review the draft", "The
# Secretariat should coordinate with UNDP"): the sentence's subject must be a named
# organisation or body and its verb a concrete task; what someone informed, noted or highlighted
# is no task, nor is an event ("will take place") or a wish ("will continue to support").
_TASK_VERBS = (
    r"review|prepare|draft|redraft|circulate|share|develop|coordinate|map|organi[sz]e|convene|"
    r"submit|compile|finali[sz]e|update|send|follow\s+up|reach\s+out|consult|liaise|produce|"
    r"revise|collect|set\s+up|establish|nominate|facilitate|translate|disseminate|publish|"
    r"report\s+back|draw\s+up|propose|identify|convene|brief|write|analy[sz]e|assess|test"
)
_RUNNING_TASK = re.compile(
    r"^(?P<owner>(?:the\s+)?[A-Z][\w/&’'.-]*(?:\s+(?:and\s+)?[\w/&’'.-]+){0,4}?)\s+"
    r"(?:will|should|shall|is\s+to|are\s+to|agreed\s+to|undertook\s+to)\s+(?:also\s+)?"
    rf"(?:{_TASK_VERBS})\b",
)


def running_task_owner(sentence: str, resolve_owner) -> str | None:
    """The owner when `sentence` gives a named owner a concrete task in running text."""
    text = sentence.strip()
    if _REPORTED.search(text) or _FIRST_PERSON.search(text):
        return None
    match = _RUNNING_TASK.match(text)
    if not match:
        return None
    candidate = match.group("owner")
    return resolve_owner(candidate) or _several(candidate, resolve_owner)


# "ACTION JOHN/DODIE: arrange ...": a label naming its owners before the colon.
_ACTION_NAMED = re.compile(r"^action\s+(?P<owner>[A-Z][\w/&’'. -]{1,40}?)\s*:", re.I)
# Subjects that name no one: pronouns, and nouns and verbs that lead a record ("Agreed to
# publish ...", "Accounts to end July tabled", "Due to low attendance ...").
_NOT_OWNER_WORDS = (
    "it this that there these those they he she which what who any each every some minutes "
    "meeting meetings item items action actions agenda agreed agreement due accounts discussion "
    "decision motion report not plan plans proposal need needs matter"
)
_NOT_OWNERS = frozenset(_NOT_OWNER_WORDS.split())


def subject_as_written(task: str) -> str | None:
    """The owner of a task as written, when the task is led by it: a person or initials ("Simon
    to remind ...", "Dylan is to purchase ...", "JZ and DN to update ..."), a role ("The
    secretary will look at ..."), an action label's names ("ACTION JOHN/DODIE: ..."). For the
    learned model's points, whose owner no rule read; a pronoun or a generic word is no owner."""
    text = task.strip()
    match = _ACTION_NAMED.match(text) or _SUBJECT_MODAL.match(text)
    if not match:
        return None
    owner = re.sub(r"^the\s+", "", match.group("owner").strip(), flags=re.I)
    words = re.findall(r"[\w’'.-]+", owner)
    if not words or len(words) > 4 or words[0].lower() in _NOT_OWNERS:
        return None
    if not all(w[:1].isupper() or w.lower() in ("and", "of") for w in words[1:]):
        return None
    return owner[:1].upper() + owner[1:]
