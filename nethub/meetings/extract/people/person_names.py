"""What a person's name looks like: the name patterns, the words that are no names,
`person_name`, a role or initials glued to a name, the key under which two spellings are one
person, and `Found`, a person as a reader finds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nethub.meetings.extract import name_runs
from nethub.meetings.extract.participants import HONORIFICS
from nethub.meetings.extract.people.first_names import is_first_name

# A name's word: "O'Neill", "McDonnell", "DeConnick" (not "RecoveryAbsent", two words glued),
# "Moyser-Boucher" (not "Fernandez-CampCoordination"), "Örnéus" (an accented capital), an
# initial ("S."), "Ma." (Maria, as Philippine minutes abbreviate it), "Mª" (María, as Spanish
# minutes do).
_NAME_WORD = (
    r"(?:[A-Z]['’][A-Z][a-z]+|Mc[A-Z][a-z]+|[A-Z][a-z]{0,3}[A-Z][a-z]+|d'[A-Z]\w+|Ma\.|M\.?ª\.?|"
    r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+(?![A-Za-z]))*|[A-Z]\.(?:\s?[A-Z]\.)*|"
    # "Craig L Russell", "R Jones": an initial written without its full stop.
    r"[A-Z](?= [A-ZÀ-Þ][a-zà-ÿ'’]))"
)
# "Omar de la Torre de la Mora": Spanish particles of two words too.
_PARTICLE = r"(?:de\s+la|de\s+los|de\s+las|le|de|van|von|da|dos|das|del|bin|al|i)"
NAME = rf"{_NAME_WORD}(?:[ -](?:{_PARTICLE}\s)?{_NAME_WORD}){{0,3}}"
# The shortest name that lets the rest of a pattern match ("M. Rono Philippine Undersecretary,
# welcomed": M. Rono).
SHORT_NAME = rf"{_NAME_WORD}(?:[ -](?:{_PARTICLE}\s)?{_NAME_WORD}){{0,3}}?"
# Words that make a phrase a title, a body or a heading rather than a person's name.
NOT_NAME_WORDS = frozenset(
    [
        "agency",
        "affairs",
        "inter-agency",
        "policy",
        "development",
        "rights",
        "email",
        "phone",
        "position",
        "function",
        "commissioner",
        "secretary",
        "minister",
        "ambassador",
        "excellency",
        "name",
        "bank",
        "heads",
        "agenda",
        "army",
        "assessment",
        "bureau",
        "chair",
        "cluster",
        "committee",
        "coordination",
        "coordinator",
        "council",
        "country",
        "cross",
        "director",
        "division",
        "emergency",
        "engineer",
        "executive",
        "facilitator",
        "food",
        "forum",
        "government",
        "group",
        "health",
        "humanitarian",
        "information",
        "international",
        "introduction",
        "leader",
        "manager",
        "meeting",
        "members",
        "minutes",
        "ministry",
        "mission",
        "nations",
        "network",
        "office",
        "officer",
        "organization",
        "organisation",
        "partners",
        "participants",
        "plan",
        "presentation",
        "programme",
        "project",
        "protection",
        "relief",
        "representative",
        "review",
        "secretariat",
        "security",
        "service",
        "shelter",
        "society",
        "support",
        "team",
        "technical",
        "unit",
        "update",
        "vision",
        "wash",
        "welcome",
        "working",
        "world",
        "action",
        "points",
        "apologies",
        "present",
        "attendees",
        "list",
        "date",
        "time",
        "venue",
        "location",
        "minute",
        "notes",
        "next",
        "steps",
        "regional",
        "national",
        "state",
        "general",
        "deputy",
        "head",
        "senior",
        "principal",
        "acting",
        "assistant",
        "president",
        "chief",
        "special",
        "envoy",
        "adviser",
        "advisor",
        "note",
        "taker",
        "consultants",
        "staff",
        "children",
        "children's",
        "summary",
        "discussion",
        "cluster's",
        "sector",
        "nutrition",
        "education",
        "logistics",
        "programme",
        # titles and bodies in attendance tables ("Program Officer", "Swedish Cooperative
        # Centre", "Keepers Zambia Foundation", "District Support Officer")
        "program",
        "programs",
        "district",
        "associate",
        "centre",
        "center",
        "foundation",
        "alliance",
        "embassy",
        "department",
        "cooperative",
        "resources",
        "trustees",
        "observers",
        "agendas",
        "agriculture",
        "recovery",
        "corps",
        "co",
    ]
)
COMMON_WORDS = frozenset(
    [
        "the",
        "all",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "by",
        "with",
        "at",
        "from",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "you",
        "our",
        "their",
        "his",
        "her",
        "any",
        "each",
        "every",
        "some",
        "other",
        "others",
        "none",
        "both",
        "also",
        "as",
        "an",
        "a",
        "but",
        "if",
        "then",
        "thus",
        "so",
        "yes",
        "no",
        "not",
        "new",
        "next",
        "last",
        "first",
        "second",
        "third",
        "chair",
        "agenda",
    ]
)


@dataclass
class Found:
    name: str
    organization: str | None
    rule: str
    start: int | None = None

    @property
    def in_prose(self) -> bool:
        return self.rule.startswith("prose_")


def person_name(text: str, *, single: bool = False, loose: bool = False) -> str | None:
    """`text` as a person's name (honorific dropped), or None when it is not one. `loose`:
    any spelling of the words ("Ailan LI"), for names a participants list already gave."""
    text = HONORIFICS.sub("", text.strip(" ,.;:")).strip(" ,.;:")
    text = re.sub(r"\s+", " ", text)
    if not text or re.search(r"\d|[/|@]", text):
        return None
    if not loose and not re.fullmatch(NAME, text):
        return None
    if loose and not re.search(r"\b[A-Z][a-zà-ÿ]", text):
        return None  # "RC a.i": a title
    words = text.split()
    if len(words) == 1 and not single:
        return None
    if any(w.lower().strip(".'’") in NOT_NAME_WORDS for w in words):
        return None
    if len(words) == 1 and (text.isupper() or len(text) < 3 or text.lower() in COMMON_WORDS):
        return None  # "UNHCR", "IOM": an organisation; "The", "All": words
    title = HONORIFICS.match(f"{text} x")
    if len(words) == 1 and title and title.end() > len(text):
        return None  # "Cllr", "Sis": a title read without the name after it
    if len(words) == 1 and text.lower() in name_runs.not_names():
        return None  # "Attendance", "Venue": a label
    if all(w.lower().strip(".,") in name_runs.not_names() for w in words):
        return None  # "Parish Clerk", "Deanery Synod": every word a title's or a body's
    if len(words) > 1 and words[-1].lower() in name_runs.ORG_END:
        return None  # "Legal Aid", "Islamic Relief": a body
    return text


def name_before_title(text: str) -> str | None:
    """Rule: a name runs up to the title written after it ("Deeba Pervez District Support
    Officer" is Deeba Pervez): the longest opening of two words or more that is a name."""
    words = HONORIFICS.sub("", text.strip()).split()
    for cut in range(len(words), 1, -1):
        name = person_name(" ".join(words[:cut]))
        if name:
            return name
    return None


def without_initials(name: str) -> str:
    """Rule: "Amer Daoudi (AD)": the initials the minutes then use for a person are no part of
    the name."""
    match = re.match(r"^(?P<name>.+?)\s*\((?P<initials>[A-Z][A-Za-z]{1,4})\)$", name.strip())
    if match is None:
        return name
    if match.group("initials")[0] == match.group("name")[0].upper():
        return match.group("name")
    return name


_ROLES = frozenset(
    ["chairperson", "chair", "oic", "lead", "focal", "coordinator", "cluster", "treasurer"]
    + ["secretary"]
)


# A role's words, one of which stands among the words written before a name.
_LEADING_ROLE_WORD = re.compile(
    r"^(?:officers?|president|councill?ors?|editor|manager|chair(?:man|woman|person)?|"
    r"secretary|treasurer|director|coordinator|representative|rep|lead|head|trustee|governor|"
    r"clerk|member|delegate|convenor|liaison|advisor|adviser|focal|"
    # Spanish and French: "Decano Facultad de Humanidades Luis Eduardo Espitia Supelano".
    r"rector|rectora|vicerrector|vicerrectora|decano|decana|directora|directeur|directrice|"
    r"representante|jefe|jefa|coordinador|coordinadora|secretario|secretaria|presidente|"
    r"presidenta|tesorero|tesorera|vocal|concejal|concejala|alcalde|alcaldesa|consejero|"
    r"consejera|président|présidente|secrétaire|trésorier|trésorière|conseiller|conseillère|"
    r"délégué|déléguée|adjoint|adjointe|maire)$",
    re.I,
)


def after_leading_role(text: str) -> tuple[str, str] | None:
    """Rule: ("Union Councillor", "Mark Lavery") for "Union Councillor Mark Lavery": a role
    written before a name, the name opening at its first name with a surname or two after it
    (or, as Spanish names, two first names and two surnames: "Rector Víctor Manuel Rodríguez
    Sarmiento") and a role's word among the words before it; None otherwise."""
    words = text.split()
    for k in range(1, len(words) - 1):
        if len(words) - k not in (2, 3, 4) or not is_first_name(words[k]):
            continue
        if any(_LEADING_ROLE_WORD.match(w) for w in words[:k]):
            name = person_name(" ".join(words[k:]), single=True)
            if name:
                return " ".join(words[:k]), name
    return None


def without_leading_role(name: str) -> str:
    found = after_leading_role(name)
    return found[1] if found else name


def without_role(name: str) -> str:
    """Rule: "Rania Dagash-Chairperson", "Dale Rowe-OIC", "Mia Barr-Health Cluster Lead": a role
    or an organisation glued to the name by a hyphen is no part of it ("Moyser-Boucher" is)."""
    match = re.match(r"^(?P<name>.+?[a-z])-\s*(?P<rest>[A-Z]\S*(?:\s.*)?)$", name.strip())
    if match is None:
        return name
    rest = match.group("rest")
    first = rest.split()[0]
    words = {w.lower().strip(".,") for w in rest.split()}
    if (
        first.isupper()
        or re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*", first)
        or words & (_ROLES | NOT_NAME_WORDS | name_runs.not_names())
    ):
        return match.group("name")
    return name


def person_key(name: str) -> str:
    """The same person however written: honorific aside, "Ma." for "Maria", a chat nick's
    underscores as spaces ("Noah_Mendelsohn")."""
    key = HONORIFICS.sub("", name.replace("_", " ")).strip().lower()
    return re.sub(r"^ma\.\s+", "maria ", key)


def body_not_person(name: str) -> bool:
    """Rule: a name none of whose words is a first name or an initial, and one of whose words
    names a body, a place or a part of the minutes ("Redevelopment Authority", "Clydebank
    East", "Public Comment"), is no person: neither signal decides alone (the dictionary of
    first names lacks many names; "Hope Street" could be a person)."""
    words = [w.strip(".,;:()'’") for w in name.split()]
    if not words or any(is_first_name(w) or re.fullmatch(r"[A-Z]\.?", w) for w in words):
        return False
    return any(w.lower() in name_runs.not_names() or w.lower() in _BODY_WORDS for w in words)


_BODY_WORD_LIST = (
    "authority authorities transcript east west north south central public approach proposed "
    "strategic housing agenda item items update updates report minutes"
)
_BODY_WORDS = frozenset(_BODY_WORD_LIST.split())
