"""Participants in the layouts real minutes use, each layout a rule of `LAYOUTS`.

Attendance lines (those a `participant_line` segment opens, up to the first heading or
paragraph) are read by the first layout that finds people in them: table rows ("1 / Name /
Position/ORG"), "Name: Organisation" lines, "Name (ORG), Name (ORG)" lists, "ORG - Name, Name"
groups, two columns of "Name, ORG", plain name lists. A chair, facilitator or note-taker named in
the header is a participant; so is a person named in running prose with an organisation or a
title ("Dr. Joan Clos of UN-Habitat opened ...", "Kelly David, OCHA, ...", "Pippa Bradford from
WFP"). A list of organisations only names organisations, not people.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from nethub.meetings.extract import name_runs
from nethub.meetings.extract import segments as s
from nethub.meetings.extract.labels import ATTENDANCE_INLINE, ATTENDANCE_LABEL
from nethub.meetings.extract.participants import HONORIFICS
from nethub.meetings.extract.result import ExtractedParticipant

# A name's word: "O'Neill", "McDonnell", "DeConnick" (not "RecoveryAbsent", two words glued),
# "Moyser-Boucher" (not "Fernandez-CampCoordination"), "Örnéus" (an accented capital), an
# initial ("S."), "Ma." (Maria, as Philippine minutes abbreviate it).
_NAME_WORD = (
    r"(?:[A-Z]['’][A-Z][a-z]+|Mc[A-Z][a-z]+|[A-Z][a-z]{0,3}[A-Z][a-z]+|d'[A-Z]\w+|Ma\.|"
    r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+(?![A-Za-z]))*|[A-Z]\.(?:\s?[A-Z]\.)*)"
)
_PARTICLE = r"(?:le|de|van|von|da|del|bin|al)"
NAME = rf"{_NAME_WORD}(?:[ -](?:{_PARTICLE}\s)?{_NAME_WORD}){{0,3}}"
# The shortest name that lets the rest of a pattern match ("M. Rono Philippine Undersecretary,
# welcomed": M. Rono).
SHORT_NAME = rf"{_NAME_WORD}(?:[ -](?:{_PARTICLE}\s)?{_NAME_WORD}){{0,3}}?"
# Words that make a phrase a title, a body or a heading rather than a person's name.
_NOT_NAME = frozenset(
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
_COMMON = frozenset(
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
    if any(w.lower().strip(".'’") in _NOT_NAME for w in words):
        return None
    if len(words) == 1 and (text.isupper() or len(text) < 3 or text.lower() in _COMMON):
        return None  # "UNHCR", "IOM": an organisation; "The", "All": words
    if len(words) == 1 and text.lower() in name_runs.not_names():
        return None  # "Attendance", "Venue": a label
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


def _resolve(text: str | None, resolver) -> str | None:
    if not text:
        return None
    text = re.sub(
        r"\((?:chair|co-?chair|facilitator|taking minutes|joined late|tbc)\)", "", text, flags=re.I
    )
    text = re.sub(r"\btaking minutes\b", "", text, flags=re.I).strip(" ,;:()")
    found = resolver.resolve_in(text)
    if found is not None:
        return str(found.organization)
    return text or None


# --- layouts ----------------------------------------------------------------------------------


def slash_row(line: str, resolver) -> list[Found]:
    """ "1 / Khin Mg Naing / Engineer/METTA / / 09 ...", "Tom Bamforth / SC Coordination team /
    Coordinator": a table row whose cells are joined by " / "."""
    cells = [c.strip() for c in re.split(r"\s+/\s+|\s+\|\s+", line)]
    if len(cells) < 2:
        return []
    cells = [c for c in cells if c and not re.fullmatch(r"[\d\s.+()-]*", c)]
    for index, cell in enumerate(cells):
        name = person_name(cell, single=True) or _first_cell_name(cell, index)
        if name and index + 1 < len(cells):
            org_cell = cells[index + 1]
            parts = [p.strip() for p in org_cell.split("/") if p.strip()]
            org = next(
                (p for p in reversed(parts) if resolver.resolve_in(p)), parts[-1] if parts else None
            )
            return [Found(name, _resolve(org, resolver), "slash_row")]
        if name:
            return [Found(name, None, "slash_row")]
    return []


def _first_cell_name(cell: str, index: int) -> str | None:
    """Rule: the first cell of an attendance row is a name even with a surname typed in lower
    case ("Leny lakaria / ASEAN"); a later cell must be written as a name."""
    cell = re.sub(r"^\d{1,3}[.)]?\s+", "", cell)
    if index == 0 and re.fullmatch(r"[A-Z][a-z]+(?: [A-Za-z][a-z]+){1,2}", cell):
        return person_name(cell, loose=True)
    return None


def name_colon_org(line: str, resolver) -> list[Found]:
    """ "Hedwig DeConnick: Save the Children, US", "Annalies Borrel: UNICEF (Chair)"."""
    match = re.match(rf"^(?P<name>{NAME})\s*:\s+(?P<org>.+)$", line.strip())
    if not match or not person_name(match.group("name")):
        return []
    org = re.split(r",\s*", match.group("org"))[0]
    return [Found(person_name(match.group("name")), _resolve(org, resolver), "name_colon_org")]


def bracketed(line: str, resolver) -> list[Found]:
    """ "Miguel Urquia (UNHCR),Joseph Ashmore (IOM), ..."."""
    found = []
    for match in re.finditer(rf"(?P<name>{NAME})[.\s]*\((?P<org>[^()]+)\)", line):
        name = person_name(match.group("name"))
        if name:
            found.append(Found(name, _resolve(match.group("org"), resolver), "bracketed"))
    items = len(re.findall(r"[^,;]+", line))
    return found if len(found) >= 2 and len(found) * 5 >= items * 3 else []


def org_dash_people(line: str, resolver) -> list[Found]:
    """ "DGMWR - Obed Tabi, Nagali Puech UNICEF - William Fellows, ...": groups of people
    after their organisation and a dash."""
    parts = re.split(r"\s+-\s+", line)
    if len(parts) < 2:
        return []
    found, org = [], parts[0].split(". ")[-1].strip()
    for index, chunk in enumerate(parts[1:], start=1):
        items = [i.strip() for i in re.split(r",\s*", chunk) if i.strip()]
        next_org = None
        if index < len(parts) - 1 and items:
            words = items[-1].split()
            cut = 3 if len(words) > 3 and words[1].islower() else 2
            items[-1], next_org = " ".join(words[:cut]), " ".join(words[cut:])
        for item in items:
            item = re.sub(r"\s*\([^)]*\)", "", item)
            name = person_name(" ".join(item.split()[:4]))
            if name:
                found.append(Found(name, _resolve(org, resolver), "org_dash_people"))
        org = next_org or org
    return found if len(found) >= 2 else []


def two_columns(line: str, resolver) -> list[Found]:
    """ "Olav Kjorven, UNDP Co-Chair        Angela Cropper, UNEP": columns of "Name, ORG"."""
    cells = [c.strip() for c in re.split(r"\s{3,}", line) if c.strip()]
    if len(cells) < 2:
        return []
    found = []
    for cell in cells:
        name, _, org = cell.partition(",")
        name = person_name(name)
        if name:
            org = re.sub(r"\s+(?:co-?chair|chair)$", "", org.strip(), flags=re.I)
            found.append(Found(name, _resolve(org, resolver), "two_columns"))
    return found


def name_list(line: str, resolver) -> list[Found]:
    """ "Simon Lambert, David Giaretta, ...", "Viki, Vicky, Pelu", "Name, Title, ORG": names
    separated by commas (an item that is no name ends the list)."""
    items = [i.strip() for i in re.split(r",\s*|;\s*|\s+and\s+", line) if i.strip()]
    if name_runs.names_bodies(items, resolver):
        return []
    found, short = [], []
    for item in items:
        item = re.sub(r"\s*\((?!joined)[^)]*\)", "", item)
        item = re.sub(r"\s*\(joined late\)", "", item, flags=re.I)
        if _SHORT_NAME.fullmatch(item) and resolver.resolve_in(item) is None:
            short.append(Found(item, None, "name_list"))
        lead = re.match(rf"^{NAME}", item)
        if not lead:
            continue
        written = lead.group(0)
        if item.strip() != written and len(written.split()) > 2:
            written = " ".join(written.split()[:2])  # "Michael Baker Call to order ...": two words
        name = person_name(written, single=True)
        if name and len(name.split()) <= 4:
            found.append(Found(name, None, "name_list"))
    # A list of organisations ("UNHCR, UNICEF, ...") names no people; first names alone
    # ("Viki, Vicky, Pelu") only in a list of them.
    found = _with_short_names(items, found, short)
    if any(len(f.name.split()) == 1 for f in found) and (len(found) < 3 or len(found) < len(items)):
        found = [f for f in found if len(f.name.split()) > 1]
    return found if found and len(found) * 2 >= len(items) else []


# "Da", "RP": a first name of two letters or initials, a person only in a list of first names.
_SHORT_NAME = re.compile(r"[A-Z][a-z]|[A-Z]{2,3}")


def _with_short_names(items: list[str], found: list[Found], short: list[Found]) -> list[Found]:
    """Rule: in a list of first names ("Steven, Da, Jannetta", "Ben, RP, Reva"), an item of two
    letters or initials is a person too: every other item is a first name, so the list is one of
    people, and a short item is the way the minutes write one of them."""
    names = {f.name for f in found}
    if not short or len(found) < 3 or any(len(f.name.split()) > 1 for f in found):
        return found
    if len(names | {f.name for f in short}) != len(items):
        return found
    order = {item: i for i, item in enumerate(items)}
    extra = [f for f in short if f.name not in names]
    return sorted(found + extra, key=lambda f: order.get(f.name, len(items)))


def honorific_list(line: str, resolver) -> list[Found]:
    """ "Ms. Eleni Tokaduadua, Acting Director of Housing Mr. Vula Shaw, Principal
    Administrative Officer Mr. Atunaisa Keve, NDMO", "Mr. Ivo Lind.... (Norway) Also
    represented by Ms. Ana Sala Ms. Eva Roth (NGO)": people opened by their honorifics, each
    with the organisation in the brackets or the last comma-separated part after the name."""
    pieces = re.split(r"\b(?=(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+[A-ZÀ-Þ])", line)
    found = []
    for piece in pieces[1:]:
        body = HONORIFICS.sub("", piece)
        lead = re.match(NAME, body)
        name = name_before_title(lead.group(0)) if lead else None
        if not name:
            continue
        rest = body[lead.end() :]
        bracket = re.match(r"^[.\s]*\(([^)]+)\)", rest)
        org = bracket.group(1) if bracket else rest.split(",")[-1].strip() if "," in rest else None
        known = resolver.resolve_in(org) if org else None
        found.append(Found(name, str(known.organization) if known else None, "honorific_list"))
    return found if len(found) >= 2 else []


LAYOUTS = [
    slash_row,
    name_colon_org,
    honorific_list,
    bracketed,
    org_dash_people,
    two_columns,
    name_list,
]
# Layouts distinctive enough to find people without an attendance label.
STRONG = [two_columns, org_dash_people, honorific_list, bracketed]


def read_line(line: str, resolver) -> list[Found]:
    for layout in LAYOUTS:
        found = layout(line, resolver)
        if found:
            return found
    return []


def _first_name_line(document, lines, read, position: int) -> list[Found]:
    """Rule: in an attendance listed one person an item, a first name alone ("* Douglas")
    between two items that are people is a participant."""
    index, line = lines[position]
    item = re.match(r"^\s*(?P<name>[A-Z]\S+)\s*$", line)
    if not (item and document.blocks[index].bullet and 0 < position < len(lines) - 1):
        return []
    if not (read[position - 1] and read[position + 1]):
        return []
    name = person_name(item.group("name"), single=True)
    return [Found(name, None, "first_name_line")] if name else []


# --- where people are named -------------------------------------------------------------------

# "2 Apologies for absence: ...": a numbered part of the minutes stops the attendance too.
_STOP_LIST = re.compile(
    r"^(?:\d{1,2}[.)]?\s+)?(?:agenda|minutes|summary|apologies|regrets|excused|absent|unable)\b",
    re.I,
)
# "Members Present: A, B Consultants Present: C Staff Present: D", "Health Cluster Team: A, B".
_INLINE_END = re.compile(
    r"\b(?:apologies|regrets|excused|absent|agenda|call to order)\b|\s{2,}|\n", re.I
)
# "Chaired by DSWD: Name" (the body before a colon), "Chair person  Name" (a flattened header
# table), "Minutes prepared by\nName, UNHCR Intern" (the name on the next line).
_ROLE_LABEL = re.compile(
    r"(?i:(?:co[- ]?)?chair(?:ed|\s*person)?(?:\s+by)?|(?:co[- ]?)?facilitat(?:or|ed\s+by)|"
    r"note[- ]?taker|minutes?\s+(?:taken|prepared)\s+by|rapporteur)"
    r"(?:\s+[A-Z][A-Za-z&]{1,11}(?=\s*:))?\s*:?\s+"
    rf"(?:[^:;\n]{{0,60}}?,\s*)?(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?{NAME})",
)
_SPEAKER_VERBS = (
    r"said|stated|noted|asked|informed|explained|thanked|welcomed|presented|clarified|"
    r"suggested|requested|stressed|proposed|called|identified|gave|mentioned|highlighted|"
    r"reported|emphasi[sz]ed|raised|expressed|briefed|recalled|reminded|added|confirmed|"
    r"underlined|opened|introduced|acknowledged|agreed|queried|replied|responded|drew"
)
_PROSE = [
    (
        "prose_of",
        re.compile(
            rf"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?(?P<name>{NAME})\s+(?:of|from)\s+(?:the\s+)?"
            r"(?P<org>[A-Z][\w-]*(?:[ -][A-Z][\w-]*){0,3})"
        ),
    ),
    (
        "prose_comma_org",
        re.compile(
            rf"(?P<name>{NAME}),\s+(?:[A-Z]{{2,}}/)?(?P<org>[A-Z]{{2,}}[\w-]*)\b"
            r"(?:\s*\([a-z ]+\))?[,.]"
        ),
    ),
    (
        "prose_org_title",
        re.compile(
            rf"(?P<org>[A-Z]{{2,}}[\w-]*)['’]s\s+(?:[A-Z][\w-]*\s+){{1,4}}(?P<name>{NAME}),"
        ),
    ),
    (
        "prose_title_name",
        re.compile(
            rf"(?:chaired\s+by|welcomed|by)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){{1,4}},?\s*(?P<name>{NAME})\b(?:,|\s+(?:of|from)\s+(?P<org>[A-Z][\w-]+))"
        ),
    ),
    ("prose_honorific", re.compile(rf"\b(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+(?P<name>{NAME})")),
    # "Update by Rana Ksaifi-Registration Officer-UNHCR", "presented by Ana Lind, Officer": the
    # presenter named with a title after a dash or a comma.
    (
        "prose_presenter",
        re.compile(rf"\b(?:[Bb]y|[Pp]resenter:?)\s+(?P<name>{SHORT_NAME})\s*[-–,]\s*(?:[A-Z])"),
    ),
    # "B. Salvat (France) called the attention ...", "W Ludwig gave a summary", "M. Stahl of
    # Sida thanked the chair": a person opening a sentence, an affiliation between, then a
    # reporting verb, is a speaker at the meeting.
    (
        "prose_speaker",
        re.compile(
            rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>(?:[A-Z]\.?\s)?{SHORT_NAME})"
            r"(?:\s*\([^()]{1,40}\)|\s+(?:of|from)\s+[\w/&.-]+(?:\s+\([^()]{1,30}\))?|"
            r"\s+/\s+[A-Z]\w+(?:\s+\(\?\))?(?:\s+\([^()]{1,30}\))?|,?\s+[A-Z][\w\s]{2,40}?,)?"
            rf"\s+(?P<verb>{_SPEAKER_VERBS})\b"
        ),
    ),
]


def attendance_lines(document: s.LabelledDocument) -> list[tuple[int, str]]:
    """(block index, raw line) of the attendance: the lines after a participants label, up to a
    heading or a paragraph."""
    lines: list[tuple[int, str]] = []
    for seg in document.labelled(s.PARTICIPANTS):
        index = seg.block
        raw = _raw(document, index)
        rest = ATTENDANCE_LABEL.sub("", raw.split("\n")[0]).strip()
        lines += [(index, line) for line in ([rest] if rest else []) + raw.split("\n")[1:]]
        for following in range(index + 1, min(index + 80, len(document.blocks))):
            block = document.blocks[following]
            text = block.text
            if len(text.split()) > 40 or _STOP_LIST.match(text) or _agenda_heading(block):
                break
            text = html.unescape(text).strip()
            if not (
                re.search(r"[,/(:]|\s{3}", _raw(document, following))
                or person_name(text, single=True)
            ):
                break
            lines += [
                (following, html.unescape(line)) for line in _raw(document, following).split("\n")
            ]
    return lines


def _agenda_heading(block) -> bool:
    """Rule: a numbered item ending with a colon ("5. Practice News:") is the next agenda
    item's heading: the attendance above it has ended."""
    return block.bullet and block.marker[:1].isdigit() and block.text.rstrip().endswith(":")


def _raw(document: s.LabelledDocument, block_index: int) -> str:
    """A block as the text has it (columns kept), else as cleaned."""
    segs = [x for x in document.segments if x.block == block_index and x.start is not None]
    if not segs:
        return document.blocks[block_index].text
    return document.text[segs[0].start : segs[-1].end]


def find_people(document: s.LabelledDocument, resolver) -> list[Found]:
    """Everyone the minutes name as attending, in the order of the rules that found them."""
    found: list[Found] = []
    seen_lines: set[str] = set()
    lines = attendance_lines(document)
    read = [
        [p for part in _split_labels(line) for p in read_line(part, resolver)] for _, line in lines
    ]
    for position, (_index, line) in enumerate(lines):
        seen_lines.add(line.strip())
        found += read[position] or _first_name_line(document, lines, read, position)
    found += _attendance_column(document)
    found += _header_table(document.text[:3000])
    found += _honorific_lines(document.text[:2000])
    found += _unlabelled_lists(document, resolver, seen_lines)
    found += _name_lines_under_header(document.text)
    found += _name_column(document.text[:1500], resolver)
    found += _numbered_run(document.text[:2500])
    found += _section_names(document, resolver, found)
    found += _inline_attendance(document.text[:2500], resolver)
    found += _roles_in_header(document.text[:1500])
    found += _prose(document.text, resolver)
    return found


def _section_names(document: s.LabelledDocument, resolver, found: list[Found]) -> list[Found]:
    """Stage: the names of the attendance and role sections read whatever their separators
    (`name_runs`), when the layout rules read fewer than half of them: the layouts are exact
    where they apply, the general reader covers the layouts they do not know."""
    names = name_runs.section_names(document.text[:3000], document.text, resolver)
    keys = {_key(f.name) for f in found}
    if not names or len([n for n in names if _key(n) in keys]) * 2 >= len(names):
        return []
    # "Were present: Ana Lind, Ben Ray.": the sentence's full stop is no part of the last name.
    return [Found(name.rstrip(" ."), None, "section_names") for name in names]


_ABSENT = re.compile(
    r"\b(?:apologies|regrets|excused|absent)\s*:.*?(?=\b(?:minutes|chair|present|agenda|"
    r"note[- ]?taker)\s*:|$)",
    re.I,
)
_HONORIFIC_LINE = re.compile(
    rf"^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+(?P<name>{NAME})\s*(?:[ivx]+\))?$",
)


_NUMBERED_RUN = re.compile(
    r"(?:list\s+of\s+)?(?:attendees|participants|present)\s*:?\s+(?:name\s+organi[sz]ation\s+"
    r"(?:position|title)\S*\s+)?(?P<run>1\.\s+.+?)(?=\s+(?:AGENDA|Agenda|Apologies|APOLOGIES)\b|$)",
    re.I | re.S,
)


def _numbered_run(head: str) -> list[Found]:
    """Rule: an attendance table flattened into one run, each row numbered ("1. Ana Lind
    MOLGUDH&E Principal Officer 2. Ben Ray IFRC Coordinator 3. Cy Dunn Act for Peace Field
    Officer"): each number opens a person, whose name is the opening words up to the
    organisation (an acronym, or a capitalised word followed by a small word)."""
    match = _NUMBERED_RUN.search(head)
    if match is None:
        return []
    found = []
    for row in re.split(r"\s+\d{1,2}\.\s+", " " + match.group("run"))[1:]:
        words = row.split()
        for cut in range(min(4, len(words)), 1, -1):
            org_starts = cut < len(words) - 1 and words[cut].islower()
            name = person_name(" ".join(words[:cut])) if not org_starts else None
            if name:
                found.append(Found(name, None, "numbered_run"))
                break
    return found if len(found) >= 2 else []


def _attendance_column(document: s.LabelledDocument) -> list[Found]:
    """Rule: an attendance written as a column, each person on a line of their own with their
    title and organisation on the lines below ("PRESENT / i) / Ms. Ana Sala / Programme
    Officer / ..."): after the label, every line that is an honorific and a name is a person,
    up to the apologies, the next paragraph or 60 lines."""
    found: list[Found] = []
    for seg in document.labelled(s.PARTICIPANTS):
        for block in document.blocks[seg.block + 1 : seg.block + 60]:
            text = block.text.strip()
            if _STOP_LIST.match(text) or len(text.split()) > 25:
                break
            match = _HONORIFIC_LINE.match(text)
            name = person_name(match.group("name")) if match else None
            if name:
                found.append(Found(name, None, "attendance_column"))
    return found


_CELL_SPLIT = re.compile(r"\s+/\s+|\s*\|\s*|\t")
_HEADER_WORD = re.compile(
    r"^(?:no\.?|#|sr\.?|s/n|name|names|full\s+name|designation|title|position|function|"
    r"organi[sz]ation|agency|email|e-mail|phone\d*|mobile|tel\.?|contact|signature)$",
    re.I,
)


_HONORIFIC_START = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Miss|Prof|Eng|Engr)\.?\s+(?P<name>\S.*)$")


def _honorific_lines(head: str) -> list[Found]:
    """Rule: in the opening, three or more lines in a row each an honorific and a name ("Mr.
    Saddiqi / Dr. Ana Lind / Eng. Omar Khan"), no label before them, are the participants:
    the honorific makes one word a name and a surname in lower case one too; a line between
    them that is a name without an honorific counts, an organisation's line is passed over."""
    found: list[Found] = []
    run: list[str] = []
    marked = 0
    for line in [*head.split("\n"), ""]:
        text = line.strip()
        match = _HONORIFIC_START.match(text)
        name = None
        if match and len(text.split()) <= 5:
            name = person_name(match.group("name"), single=True) or person_name(
                match.group("name"), loose=True
            )
        elif text and len(text.split()) <= 4:
            name = person_name(text)
            if name is None and re.fullmatch(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}", text):
                continue  # "CARE International": an organisation's line within the list
        if name:
            run.append(name)
            marked += bool(match)
            continue
        if marked >= 3:
            found += [Found(n, None, "honorific_lines") for n in run]
        run, marked = [], 0
    return found


def _header_table(head: str) -> list[Found]:
    """Rule: an attendance table whose rows are lines of cells ("No / Name / Designation /
    Organization / Email", then "5 / Ana lind / WASH Officer / ABC / / 09 ..."): in each row
    the cell under "Name" is a person, however it is written (a surname in lower case, a name
    the e-mail repeats), up to the first line that is no row."""
    lines = head.split("\n")
    for index, line in enumerate(lines):
        cells = _CELL_SPLIT.split(line.strip())
        header = []
        for cell in cells:
            if not _HEADER_WORD.match(cell.strip()):
                break
            header.append(cell.strip().lower())
        if len(header) < 3 or not {"name", "names", "full name"} & set(header):
            continue
        column = next(i for i, h in enumerate(header) if h in ("name", "names", "full name"))
        rows = [cells[len(header) :]] if len(cells) > len(header) else []
        for row in lines[index + 1 : index + 80]:
            row_cells = _CELL_SPLIT.split(row.strip())
            if len(row_cells) < 2:
                break
            rows.append(row_cells)
        return _row_names(
            rows, column, numbered=header[0] in ("no", "no.", "#", "sr", "sr.", "s/n")
        )
    return []


def _row_names(rows: list[list[str]], column: int, *, numbered: bool) -> list[Found]:
    found = []
    for cells in rows:
        cells = [c.strip() for c in cells]
        if numbered and cells and not re.fullmatch(r"\d{1,3}\.?", cells[0]):
            cells = ["", *cells]  # the first row, its number glued to the header ("Phone1")
        if column >= len(cells):
            continue
        name = person_name(cells[column], single=True) or _first_cell_name(cells[column], 0)
        if name:
            found.append(Found(name, None, "header_table"))
    return found if len(found) >= 2 else []


def _name_column(head: str, resolver) -> list[Found]:
    """Rule: in the opening, three or more lines in a row each holding only a person's name
    ("Karl Berg / Lisa Marx / Ivo Lind", the organisations in a column of their own after
    them) are the participants."""
    run: list[str] = []
    found: list[Found] = []
    for line in [*head.split("\n"), ""]:
        text = line.strip()
        name = person_name(text) if text and not resolver.resolve_in(text) else None
        if name and len(name.split()) <= 4:
            run.append(name)
            continue
        if len(run) >= 3:
            found += [Found(n, None, "name_column") for n in run]
        run = []
    return found


def _unlabelled_lists(document: s.LabelledDocument, resolver, seen: set[str]) -> list[Found]:
    """Rule: in the opening of the minutes, a line in a distinctive layout (two columns of
    "Name, ORG", "ORG - Name, Name", "Name (ORG), Name (ORG)") lists participants even without
    a label; the people after "Apologies:" on the line are not there."""
    found: list[Found] = []
    limit = min(len(document.text), 4000)
    for line in document.text[:limit].split("\n"):
        if line.strip() in seen:
            continue
        line = _ABSENT.sub(" ", line)
        for layout in STRONG:
            people = layout(line, resolver)
            if len(people) >= 2:
                found += people
                break
    return found


_NAME_LINE_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")


def _name_lines_under_header(text: str) -> list[Found]:
    """Rule: in the first lines of the minutes, before any numbered item, a line made only of
    three or more first-and-last names ("Ana Lind Ben Ray Cy Dunn", no label, no separator)
    lists who attended: its words are taken in pairs. Every word must be name-like (capitalised,
    never written in lower case in the minutes, no title or body word)."""
    vocabulary = name_runs.document_vocabulary(text)
    found: list[Found] = []
    for line in [x.strip() for x in text[:600].split("\n") if x.strip()][:8]:
        if re.match(r"^(?:\d{1,2}[.)]?\s|apologies|regrets|absent|agenda)", line, re.I):
            break
        words = line.split()
        if (
            len(words) < 6
            or len(words) % 2
            or not all(
                _NAME_LINE_WORD.match(w) and name_runs.name_word(w, vocabulary) for w in words
            )
        ):
            continue
        pairs = [f"{words[i]} {words[i + 1]}" for i in range(0, len(words), 2)]
        found += [Found(name, None, "name_line") for name in pairs]
    return found


def _inline_attendance(head: str, resolver) -> list[Found]:
    """ "Members Present: A, B Consultants Present: C Staff Present: D, E Call to order":
    lists after labels in running text, each up to the next label or the text that follows."""
    found: list[Found] = []
    matches = list(ATTENDANCE_INLINE.finditer(head))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(head)
        stop = _INLINE_END.search(head, match.end(), end)
        found += name_list(head[match.end() : stop.start() if stop else end], resolver)
    return found


def _roles_in_header(head: str) -> list[Found]:
    """ "Chair: RC a.i., Michael Jones", "Facilitator: Dr. Abdullah Zohairy", "Note taker: IMO,
    Nakai Munikwa", "Chaired by DSWD: Maria Elena S. Labrador"."""
    found = []
    for match in _ROLE_LABEL.finditer(head):
        name = name_before_title(match.group("name"))
        if name:
            found.append(Found(name, None, "role_in_header", match.start("name")))
    return found


def _prose(text: str, resolver) -> list[Found]:
    found = []
    vocabulary = name_runs.document_vocabulary(text)
    for rule, pattern in _PROSE:
        for match in pattern.finditer(text):
            written = match.group("name")
            if rule in ("prose_speaker", "prose_presenter"):
                written = without_role(written)
            name = person_name(written)
            if not name or len([w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)]) > 3:
                continue  # initials ("J. C. Van Heuven") do not make a name longer
            org = match.groupdict().get("org")
            known = resolver.resolve_in(org) if org else None
            if rule in ("prose_of", "prose_comma_org") and not known:
                continue
            if rule in ("prose_speaker", "prose_presenter") and not all(
                name_runs.name_word(w, vocabulary) for w in name.split()
            ):
                continue  # "Health Cluster presented", "Next Steps stressed": no person
            if resolver.resolve_in(name) is not None and rule == "prose_speaker":
                continue
            organization = str(known.organization) if known else None
            found.append(Found(name, organization, rule, match.start("name")))
    return found


# "..., Jill Eve. Apologies: Jane Lawrence, ...": those after it on the line did not attend.
_ABSENT_INLINE = re.compile(
    r"\b(?:apologies(?:\s+for\s+absence)?|regrets|absent|excused)\s*(?:received\s*)?:", re.I
)


def _split_labels(line: str) -> list[str]:
    """ "Members Present: A, B Consultants Present: C Staff Present: D": one list a label; the
    line ends at an inline "Apologies:"."""
    line = _ABSENT_INLINE.split(line)[0]
    parts = [p.strip() for p in ATTENDANCE_INLINE.split(line) if p.strip()]
    return parts or [line]


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
        or words & (_ROLES | _NOT_NAME | name_runs.not_names())
    ):
        return match.group("name")
    return name


def merge(
    existing: list[ExtractedParticipant], found: list[Found]
) -> tuple[list[ExtractedParticipant], list[ExtractedParticipant]]:
    """(participants, people mentioned): the participants already read that are people, then
    the newly found ones not among them (a first name alone joins a full name that starts with
    it). People named in prose are participants when the minutes list no attendance, else
    people mentioned, kept apart."""
    for item in found:
        item.name = without_role(without_initials(item.name))
    kept = []
    for person in existing:
        person.name = re.sub(r"\s*\((?:joined late|left early|tbc)\)$", "", person.name, flags=re.I)
        # "Attendance: Rita Moss (cluster)": the label and the bracketed body are no part of it.
        person.name = ATTENDANCE_LABEL.sub("", person.name).strip()
        person.name = re.sub(r"\s*\([^()]*\)$", "", person.name)
        person.name = without_role(without_initials(person.name))
        if person_name(person.name, single=True, loose=True) and not any(
            f.name.lower().startswith(person.name.lower()) and f.name.lower() != person.name.lower()
            for f in found
        ):
            kept.append(person)
    listed = [f for f in found if not f.in_prose]
    prose = [f for f in found if f.in_prose]
    kept = _add(kept, listed)
    _add(kept, [f for f in prose if _known(kept, f)])  # their organisation, when prose gives it
    if len(kept) >= 3:
        return kept, _add([], [f for f in prose if not _known(kept, f)])
    return _add(kept, prose), []


def _known(people: list[ExtractedParticipant], item: Found) -> bool:
    key = _key(item.name)
    return any(_key(p.name) == key or _key(p.name).startswith(key + " ") for p in people)


def _add(kept: list[ExtractedParticipant], found: list[Found]) -> list[ExtractedParticipant]:
    kept = list(kept)
    keys = {_key(p.name) for p in kept}
    for item in found:
        key = _key(item.name)
        if key in keys or any(k.startswith(key + " ") for k in keys):
            # The same person found again by a rule that reads the organisation too.
            same = next((p for p in kept if _key(p.name) == key), None)
            if same is not None and not same.organization and item.organization:
                same.organization = item.organization
            continue
        keys.add(key)
        kept.append(
            ExtractedParticipant(
                name=item.name, organization=item.organization, as_written=item.name
            )
        )
        kept[-1].rule = item.rule
    return kept


def _key(name: str) -> str:
    """The same person however written: honorific aside, "Ma." for "Maria"."""
    key = HONORIFICS.sub("", name).strip().lower()
    return re.sub(r"^ma\.\s+", "maria ", key)
