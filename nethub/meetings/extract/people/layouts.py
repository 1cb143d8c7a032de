"""The layouts of an attendance line, each a rule of `LAYOUTS` ("1 / Name / Position/ORG",
"Name: ORG", "Name (ORG), Name (ORG)", "ORG - Name, Name", columns of "Name, ORG", name
lists, honorifics): `read_line` reads a line with the first layout that finds people in it.
"""

from __future__ import annotations

import re

from nethub.meetings.extract import name_runs
from nethub.meetings.extract.participants import HONORIFICS, SURNAME_FIRST
from nethub.meetings.extract.people.first_names import is_first_name
from nethub.meetings.extract.people.person_names import (
    NAME,
    Found,
    after_leading_role,
    name_before_title,
    person_name,
)


def resolve_organization(text: str | None, resolver) -> str | None:
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


def slash_row(line: str, resolver) -> list[Found]:
    """ "1 / Khin Mg Naing / Engineer/METTA / / 09 ...", "Tom Bamforth / SC Coordination team /
    Coordinator": a table row whose cells are joined by " / "."""
    cells = [c.strip() for c in re.split(r"\s+/\s+|\s+\|\s+", line)]
    if len(cells) < 2:
        return []
    cells = [c for c in cells if c and not re.fullmatch(r"[\d\s.+()-]*", c)]
    for index, cell in enumerate(cells):
        name = person_name(cell, single=True) or first_cell_name(cell, index)
        if name and index + 1 < len(cells):
            org_cell = cells[index + 1]
            parts = [p.strip() for p in org_cell.split("/") if p.strip()]
            org = next(
                (p for p in reversed(parts) if resolver.resolve_in(p)), parts[-1] if parts else None
            )
            return [Found(name, resolve_organization(org, resolver), "slash_row")]
        if name:
            return [Found(name, None, "slash_row")]
    return []


# "1. Sudha SharmaUNICEFDPG Chair", "Thomas TeuscherSwiss EmbassyMember", "Dr. Ana Lind WHO
# Member", "Ana K. LindShelter Officer": a table flattened to text with its cells glued, the
# name (an initial inside it) ending where its last word runs into the organisation's capital,
# or where the organisation's acronym follows it.
_GLUED_WORD = r"(?:Ma?c(?=[A-Z])|[A-Z](?=[A-Z][a-z]))?[A-Z][a-z'’]+"
GLUED_ROW = re.compile(
    r"^\s*(?:\d{1,3}[.)]?\s+)?(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
    rf"(?P<name>{_GLUED_WORD}(?:[ -](?:[A-Z]\.\s?)?{_GLUED_WORD}){{1,3}})"
    r"(?=[A-Z]|\s+(?!(?:II|III|IV)\b)[A-Z][A-Z0-9&]+\b)"  # "Ana S. Ruiz III": a suffix
)


def glued_row(line: str, resolver) -> list[Found]:
    """Rule: an attendance row whose cells lost their separators ("Carol HannonIrish AidMember")
    is a person: the name ends where a capital follows a small letter with no space between,
    or where an acronym follows it. A line with commas or semicolons is a list, not a row."""
    match = GLUED_ROW.match(line) if not re.search(r"[,;|]", line) else None
    name = person_name(match.group("name")) if match else None
    if name and any(w.lower() in name_runs.not_names() for w in name.split()):
        return []  # "The MigrationNetwork": words, not a name
    return [Found(name, None, "glued_row")] if name else []


def first_cell_name(cell: str, index: int) -> str | None:
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
    return [
        Found(
            person_name(match.group("name")), resolve_organization(org, resolver), "name_colon_org"
        )
    ]


def bracketed(line: str, resolver) -> list[Found]:
    """ "Miguel Urquia (UNHCR),Joseph Ashmore (IOM), ..."."""
    found = []
    for match in re.finditer(rf"(?P<name>{NAME})[.\s]*\((?P<org>[^()]+)\)", line):
        name = person_name(match.group("name"))
        if name:
            found.append(
                Found(name, resolve_organization(match.group("org"), resolver), "bracketed")
            )
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
                found.append(Found(name, resolve_organization(org, resolver), "org_dash_people"))
        org = next_org or org
    return found if len(found) >= 2 else []


def two_columns(line: str, resolver) -> list[Found]:
    """ "Olav Kjorven, UNDP Co-Chair        Angela Cropper, UNEP": columns of "Name, ORG"."""
    cells = [c.strip() for c in re.split(r"\s{3,}", line) if c.strip()]
    if len(cells) < 2:
        return []
    if len(cells) >= 3 and cells[1][:1].islower():
        # Rule: "Marta Puig Soler     presidenta     Alcaldessa": one person, their role in
        # lower case, then a title or a body (which, is not told): no second person.
        name = person_name(cells[0])
        return [Found(name, None, "two_columns")] if name else []
    found = []
    for cell in cells:
        name, _, org = cell.partition(",")
        name = person_name(re.sub(r"\s*\([^()]*\)$", "", name))  # "Ana Lind (chair)"
        if name:
            org = re.sub(r"\s+(?:co-?chair|chair)$", "", org.strip(), flags=re.I)
            found.append(Found(name, resolve_organization(org, resolver), "two_columns"))
    return found


def name_list(line: str, resolver) -> list[Found]:
    """ "Simon Lambert, David Giaretta, ...", "Viki, Vicky, Pelu", "Name, Title, ORG": names
    separated by commas (an item that is no name ends the list)."""
    items = [
        piece
        for i in re.split(r",\s*|;\s*|\s+(?:and|&)\s+", line)
        if i.strip()
        for piece in _closed_by_a_bracket(i.strip())
    ]
    if name_runs.names_bodies(items, resolver):
        return []
    found, short, titled = [], [], set()
    for item in items:
        item = re.sub(r"\s*\((?!joined)[^)]*\)", "", item)
        item = re.sub(r"\s*\(joined late\)", "", item, flags=re.I)
        if _SHORT_NAME.fullmatch(item) and resolver.resolve_in(item) is None:
            short.append(Found(item, None, "name_list"))
        # "Rector Víctor Manuel Rodríguez Sarmiento": the item's role before its name.
        roled = after_leading_role(item.strip())
        lead = re.match(rf"^{NAME}", roled[1] if roled else item)
        if not lead:
            continue
        written = lead.group(0)
        if not roled and item.strip() != written and len(written.split()) > 2:
            written = " ".join(written.split()[:2])  # "Michael Baker Call to order ...": two words
        name = person_name(written, single=True)
        if name and len(name.split()) <= 4:
            found.append(Found(name, None, "name_list"))
            if name != written and HONORIFICS.match(written):
                titled.add(name)  # "Commissioner Tamm": a surname, the title says a person's
    # A list of organisations ("UNHCR, UNICEF, ...") names no people; first names alone
    # ("Viki, Vicky, Pelu") only in a list of them.
    found = _with_short_names(items, found, short)
    if any(len(f.name.split()) == 1 for f in found) and (len(found) < 3 or len(found) < len(items)):
        found = [f for f in found if len(f.name.split()) > 1 or f.name in titled]
    return found if found and len(found) * 2 >= len(items) else []


_BRACKET_THEN_NAME = re.compile(
    r"^(?P<one>(?P<first>[A-Z][a-z]+)\s+[^()]+?\s*\([^()]*\))\s+(?P<two>[A-Z][a-z].*)$"
)


def _closed_by_a_bracket(item: str) -> list[str]:
    """Rule: "David Frost(Treasurer) Mike Morris": a full name's bracket ends its item, and the
    next person follows without a comma (not after a place or a body: "Newport (RW) Donald
    Graham" is a row of two columns)."""
    match = _BRACKET_THEN_NAME.match(item)
    if match is None or not is_first_name(match.group("first")):
        return [item]
    return [match.group("one"), *_closed_by_a_bracket(match.group("two"))]


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


# A numbered table row's number and organisation, just before a person's honorific.
_TABLE_ROW_BEFORE = re.compile(r"(?:^|\s)\d{1,3}\s+(?P<org>\S+)\s*$")


# The honorifics that open each person of such a list, in English, Spanish ("la Sra. Marcela
# Chacón Castro, representante ...; el Sr. ...", "Lic. Roberto Campa Cifrián, Subsecretario
# ...") and French ("Mme Anne Roy, ..."); the longer spelling first.
_HONORIFIC_OPENING = r"Mrs|Mr|Ms|Dra|Dr|Prof|Engr?|Srta|Sra|Sr|Licda|Lic|Mme|Mlle|Mons|Pbro"


def honorific_list(line: str, resolver) -> list[Found]:
    """ "Ms. Eleni Tokaduadua, Acting Director of Housing Mr. Vula Shaw, Principal
    Administrative Officer Mr. Atunaisa Keve, NDMO", "Mr. Ivo Lind.... (Norway) Also
    represented by Ms. Ana Sala Ms. Eva Roth (NGO)": people opened by their honorifics, each
    with the organisation in the brackets or the last comma-separated part after the name, or
    the acronym just before the honorific."""
    pieces = re.split(rf"\b(?=(?:{_HONORIFIC_OPENING})\.?\s+[A-ZÀ-Þ])", line)
    found = []
    for before, piece in zip(pieces, pieces[1:], strict=False):
        body = HONORIFICS.sub("", piece)
        lead = re.match(NAME, body)
        rest = body[lead.end() :] if lead else ""
        row = _TABLE_ROW_BEFORE.search(before)  # "... 8 NPO/RRAA Ms. Yalda 9 IRC ..."
        name = name_before_title(lead.group(0)) if lead else None
        if lead and not name and row and re.match(r"\s+\d{1,3}\s", rest + " 0 "):
            name = person_name(lead.group(0), single=True)  # one name, in a numbered row
        if not name:
            continue
        bracket = re.match(r"^[.\s]*\(([^)]+)\)", rest)
        org = bracket.group(1) if bracket else rest.split(",")[-1].strip() if "," in rest else None
        known = resolver.resolve_in(org) if org else None
        organization = str(known.organization) if known else None
        if known is None and row and name_runs.is_acronym(row.group("org")):
            # "1 UNAMA Mr. Rahim Azizi 2 NRC ...": a table whose organisation column comes first.
            organization = resolve_organization(row.group("org"), resolver)
        found.append(Found(name, organization, "honorific_list"))
    return found if len(found) >= 2 else []


def initials_list(line: str, resolver) -> list[Found]:
    """Rule: "Present: LB, SM, NR, PE, IB": an attendance written as initials, at least three,
    mostly of two letters, none an organisation's acronym, names people (the minutes then give
    their tasks by the same initials)."""
    items = [i.strip(" .") for i in re.split(r"[,;]\s*|\s+(?:and|&)\s+", line) if i.strip(" .")]
    if len(items) < 3 or not all(re.fullmatch(r"[A-Z]{2,3}", i) for i in items):
        return []
    if sum(len(i) == 2 for i in items) * 2 < len(items):
        return []
    if any(resolver.resolve_in(i) is not None for i in items):
        return []
    return [Found(i, None, "initials_list") for i in items]


_ROLE_LINE = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|&|and|of|for|the))*")


def role_then_name(line: str, resolver) -> list[Found]:
    """ "Vice President Education Samuel Dedman", "Union Councillor Mark Lavery": one person a
    line, the role written before the name (`person_names.after_leading_role`)."""
    line = line.strip()
    if not _ROLE_LINE.fullmatch(line) or not 3 <= len(line.split()) <= 9:
        return []
    found = after_leading_role(line)
    if found is None:
        return []
    role, name = found
    return [Found(name, resolve_organization(role, resolver), "role_then_name")]


# "M. CIDERE Alain", "Mme DOMEC Marie-France": French civility, the SURNAME in capitals, then
# the first name.
_SURNAME_FIRST = re.compile(
    r"\b(?:M|Mr|Mme|Mlle|Melle)\.?\s+(?P<name>[A-ZÀ-Þ][A-ZÀ-Þ'’]+(?:[\s-][A-ZÀ-Þ][A-ZÀ-Þ'’]+)?"
    r"\s+[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?)\b"
)


def surname_first_list(line: str, resolver) -> list[Found]:
    """Rule: "Mme BOIZIAU Janine, M. CIDERE Alain, M. DEBENOIST Bernard, Titulaires": French
    attendance lists name people by civility, SURNAME and first name, in that order (two at
    least on the line)."""
    found = [
        Found(m.group("name"), None, "surname_first_list") for m in _SURNAME_FIRST.finditer(line)
    ]
    return found if len(found) >= 2 else []


def surname_first_items(line: str, resolver) -> list[Found]:
    """Rule: "DE LA TOUR Sophie, MOREAU Béatrice, PETIT Jacqueline": a list whose every item is
    a SURNAME in capitals then a first name, without civilities (two at least)."""
    items = [i.strip(" .") for i in re.split(r"[,;]|\s+et\s+", line) if i.strip(" .")]
    if len(items) < 2 or not all(re.fullmatch(SURNAME_FIRST, item) for item in items):
        return []
    return [Found(item, None, "surname_first_items") for item in items]


def surname_first_run(head: str) -> list[Found]:
    """Rule: the same civility, SURNAME and first name lists without an attendance label
    ("Etaient présents : Mme CERTENAIS Christelle, Mr COTTEREAU Laurent, ..."), three at
    least in the opening, a name broken over two lines read whole."""
    found = [
        Found(re.sub(r"\s+", " ", m.group("name")), None, "surname_first_run")
        for m in _SURNAME_FIRST.finditer(head)
    ]
    # "Mme LE BOURDON / Mr GUEGUEN", "Mr IMPREZ / Parents d'élèves": a surname alone on its
    # line, the next line's civility or heading taken for a first name.
    found = [f for f in found if not _NO_FIRST_NAME.fullmatch(f.name.split()[-1])]
    return found if len(found) >= 3 else []


_NO_FIRST_NAME = re.compile(r"M|Mr|Mme|Mlle|Mrs|Ms|Dr|Parents?|Enseignants?|Invités?|Membres?")


LAYOUTS = [
    glued_row,
    surname_first_list,
    surname_first_items,
    slash_row,
    name_colon_org,
    honorific_list,
    bracketed,
    org_dash_people,
    two_columns,
    role_then_name,
    name_list,
    initials_list,
]
# Layouts distinctive enough to find people without an attendance label.
STRONG = [two_columns, org_dash_people, honorific_list, bracketed]


# "... y el Sr. Arturo Guzmán Rojas. Ausentes: La Sra. Karen Fonseca": those after an absence
# label written within the line did not attend.
_ABSENT_WITHIN = re.compile(
    r"[.;]\s*(?:ausentes?|excusad[oa]s|absents?|excus[ée]e?s|apologies|regrets)\s*:", re.I
)


def read_line(line: str, resolver) -> list[Found]:
    line = _ABSENT_WITHIN.split(line, maxsplit=1)[0]
    for layout in LAYOUTS:
        found = layout(line, resolver)
        if found:
            return found
    return []
