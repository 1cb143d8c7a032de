"""Attendance without a label, in the opening of the minutes: a table with a "Name" column,
lines of honorifics and names, a column of names, a numbered run, a line of names in pairs,
list items ending in a dash and an organisation, the distinctive layouts.
"""

from __future__ import annotations

import re

from nethub.meetings.extract import labels, name_runs
from nethub.meetings.extract import segments as s
from nethub.meetings.extract.participants import HONORIFICS
from nethub.meetings.extract.people.first_names import is_first_name
from nethub.meetings.extract.people.layouts import (
    STRONG,
    first_cell_name,
    glued_row,
    resolve_organization,
)
from nethub.meetings.extract.people.person_names import Found, name_before_title, person_name

_ABSENT = re.compile(
    r"\b(?:apologies|regrets|excused|absent)\s*:.*?(?=\b(?:minutes|chair|present|agenda|"
    r"note[- ]?taker)\s*:|$)",
    re.I,
)


_NUMBERED_RUN = re.compile(
    r"(?:list\s+of\s+)?(?:attendees|participants|present)\s*:?\s+(?:name\s+organi[sz]ation\s+"
    r"(?:position|title)\S*\s+)?(?P<run>1\.\s+.+?)(?=\s+(?:AGENDA|Agenda|Apologies|APOLOGIES)\b|$)",
    re.I | re.S,
)


def numbered_run(head: str) -> list[Found]:
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


_CELL_SPLIT = re.compile(r"\s+/\s+|\s*\|\s*|\t")
_HEADER_WORD = re.compile(
    r"^(?:no\.?|#|sr\.?|s/n|name|names|full\s+name|designation|title|position|function|"
    # "Phone No", "Contact number", "E-mail address": a header cell may name its kind.
    r"organi[sz]ation|agency|email|e-mail|phone\d*|mobile|tel\.?|contact|signature)"
    r"(?:\s+(?:no\.?|number|address|details))?$",
    re.I,
)


_HONORIFIC_START = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Miss|Prof|Eng|Engr)\.?\s+(?P<name>\S.*)$")


def honorific_lines(head: str) -> list[Found]:
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


def header_table(head: str) -> list[Found]:
    """Rule: an attendance table whose rows are lines of cells ("No / Name / Designation /
    Organization / Email", then "5 / Ana lind / WASH Officer / ABC / / 09 ..."): in each row
    the cell under "Name" is a person, however it is written (a surname in lower case, a name
    the e-mail repeats), up to the first line that is no row."""
    lines = head.split("\n")
    for index, line in enumerate(lines):
        cells = _CELL_SPLIT.split(line.strip())
        header = []
        for cell in cells:
            # "Position/Organization": one cell under two header words.
            if not all(_HEADER_WORD.match(part.strip()) for part in cell.split("/")):
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
        name = person_name(cells[column], single=True) or first_cell_name(cells[column], 0)
        if name:
            found.append(Found(name, None, "header_table"))
    return found if len(found) >= 2 else []


# Rule: "• Ana Lind", "** Ben Ray (arrived 15:31)", "9 * Cy Dunn" (a wiki page with its line
# numbers): a list item's bullet and a note in brackets after the name are no part of it.
# A list item's marker, glued to the name too ("-Fernando García"), or a bracket that ends it.
_LIST_ITEM = re.compile(
    r"^(?:\d{1,3}\s+(?=[*•·▪◦-]))?(?:[*•·▪◦-]+\s+|[*•·▪◦-](?=[A-ZÀ-Þ]))|\s*\([^()]*\)?$"
)


_ABSENT_HEADING = re.compile(r"^(?:sent\s+)?(?:apologies|regrets|absent|excused)\b", re.I)


def name_column(head: str, resolver) -> list[Found]:
    """Rule: in the opening, three or more lines in a row each holding only a person's name
    ("Karl Berg / Lisa Marx / Ivo Lind", the organisations in a column of their own after
    them) are the participants. A column spaced out by blank lines goes on past them; one
    written line after line ends at the first. Names under "Sent Regrets" are left out."""
    run: list[str] = []
    found: list[Found] = []
    absent, blank, spaced = False, False, False
    for line in [*head.split("\n"), "."]:
        text = _LIST_ITEM.sub("", line.strip())
        if not text:
            blank = True
            continue
        if _ABSENT_HEADING.match(text):
            absent = True  # "Sent Regrets" then a name a line: those under it were not there
            text = "."
        name = person_name(text) if not resolver.resolve_in(text) else None
        # A column written line after line ends at a blank line; one spaced out does not.
        spaced = blank if len(run) == 1 else spaced
        if name and len(name.split()) <= 4 and not (blank and len(run) > 1 and not spaced):
            run += [] if absent else [name]
            blank = False
            continue
        if len(run) >= 3:
            found += [Found(n, None, "name_column") for n in run]
        run, blank = ([name] if name and not absent else []), False
        absent = absent and text == "."
    return found


_ABSENT_LINE = re.compile(r"\b(?:apologies|regrets|absent|excused)\b", re.I)


def unlabelled_lists(document: s.LabelledDocument, resolver, seen: set[str]) -> list[Found]:
    """Rule: in the opening of the minutes, a line in a distinctive layout (two columns of
    "Name, ORG", "ORG - Name, Name", "Name (ORG), Name (ORG)") lists participants even without
    a label; the people after "Apologies:" on the line are not there, nor those on the line
    under an apologies heading ("1. APOLOGIES FOR ABSENCE." then "Cllr A Lee (work), ...")."""
    found: list[Found] = []
    limit = min(len(document.text), 4000)
    under_absent = False
    for line in document.text[:limit].split("\n"):
        if not line.strip() or line.strip() in seen:
            continue
        if under_absent or (_ABSENT_LINE.search(line) and len(line.split()) <= 8):
            under_absent = not under_absent
            continue
        line = _ABSENT.sub(" ", line)
        for layout in STRONG:
            people = layout(line, resolver)
            if len(people) >= 2:
                found += people
                break
    return found


_NAME_LINE_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")


def name_lines_under_header(text: str) -> list[Found]:
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


# "Finnbar (Secretary) Callum (President)", "Doug (DL) - Chairman": a first name (or two
# names) and its bracket, the bracket a role or the initials the minutes use.
_BRACKETED_NAME = re.compile(
    r"\s*(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*\((?:[^()]|\([^()]*\)){1,40}\)"
)


def bracketed_first_names(text: str) -> list[Found]:
    """Rule: in the opening, four or more people each written as a first name and a bracket
    ("Ana (Chair) Ben (Treasurer) Cy (Web)", or "Doug (DL) - Chairman" a line each, blank
    lines between allowed) are the participants: lines that open with such a name, in a run,
    each giving the names chained at its start."""
    vocabulary = name_runs.document_vocabulary(text)
    found: list[Found] = []
    run: list[str] = []
    lines: list[bool] = []  # of each line of the run, whether a blank line came before it
    blank = False
    for line in [*text[:2500].split("\n"), "."]:
        if not line.strip():
            blank = True
            continue
        names, at = [], 0
        while (match := _BRACKETED_NAME.match(line, at)) is not None:
            if not all(name_runs.name_word(w, vocabulary) for w in match.group("name").split()):
                break
            names.append(match.group("name"))
            at = match.end()
        # As in a column of names: written line after line, the run ends at a blank line.
        tight = len(lines) > 1 and not any(lines[1:])
        if names and not (blank and tight):
            run, lines, blank = run + names, [*lines, blank], False
            continue
        if len(run) >= 4:
            found += [Found(name, None, "bracketed_first_names") for name in run]
        run, lines, blank = names, [False] if names else [], False
    return found


_NUMBERED_ROW = re.compile(
    r"^(?P<number>\d{1,2})[.)]\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?(?P<row>.+)$"
)


def numbered_rows(text: str) -> list[Found]:
    """Rule: an attendance table flattened to numbered lines with no label ("1. Ana Lind Irish
    Aid Member", "2. Ben H Ray WHO Chair"), five rows or more numbered from 1: each row opens
    with a name of two words (three with an initial between) and goes on with its organisation.
    Every word of the name must be name-like, so agenda items ("1. Welcome and ...") are not."""
    vocabulary = name_runs.document_vocabulary(text)
    found: list[Found] = []
    run: list[str] = []
    for line in [*text[:3000].split("\n"), "."]:
        if not line.strip():
            continue
        match = _NUMBERED_ROW.match(line.strip())
        name = _row_opening(match.group("row"), vocabulary) if match else None
        if name and int(match.group("number")) == len(run) + 1:
            run.append(name)
            continue
        if len(run) >= 5:
            found += [Found(n, None, "numbered_rows") for n in run]
        run = [name] if name and match.group("number") == "1" else []
    return found


def _row_opening(row: str, vocabulary: frozenset[str]) -> str | None:
    words = row.split()
    size = 3 if len(words) > 3 and re.fullmatch(r"[A-Z]\.?", words[1]) else 2
    if len(words) <= size or not all(name_runs.name_word(w, vocabulary) for w in words[:size]):
        return None
    return person_name(" ".join(words[:size]))


# "- Ana Lind Sector Lead- NEMA", "3. Ben RayShelter Officer – UNHCR (observer)": a list item
# that ends in a dash and the organisation.
_DASH_ORG_ITEM = re.compile(
    r"^\s*(?:\d{1,3}[.)]\s*|[-*•·▪◦–]\s+)(?P<body>.+?)(?:\s*[-–—]\s+|\s+[-–—]\s*)"
    r"(?P<org>(?:[^–—()\s-]|\s(?![-–—]\s)|-(?!\s)){2,40}?)\s*(?:\([^()]{1,20}\))?\s*$"
)
# "Windle Trust Kenya", "Lokado", "GOK – Office of the DCC": a body's name in capitalised words.
_TITLED_BODY = re.compile(
    r"[A-Z][\w&'’.-]*(?:\s+(?:of|the|for|and|de|du|des|[A-Z][\w&'’.-]*)){0,5}"
)
# "12. Ana Lind – IOM 13. Ben Ray – RCK": numbered items run together on one line.
_NUMBERED_ITEM = re.compile(r"\s+(?=\d{1,3}\.\s+[A-Z])")


def dash_org_items(head: str, resolver) -> list[Found]:
    """Rule: three list items or more in a row, each a person then a dash and an organisation
    ("- Ana Lind RRO – Sector Lead- NEMA", "1. Carlos Ruiz – OIM"), list the participants even
    without a label. The name runs up to the role after it (glued or not); every word of it
    must be name-like in this document, so agenda items ("1. Budget update – OCHA") are not."""
    vocabulary = name_runs.document_vocabulary(head)
    found: list[Found] = []
    run: list[Found] = []
    lines = [item for line in head.split("\n") for item in _NUMBERED_ITEM.split(line)]
    for line in [*lines, "."]:
        if not line.strip():
            continue
        person = _dash_org_person(line, vocabulary, resolver)
        if person:
            run.append(person)
            continue
        found += run if len(run) >= 3 else []
        run = []
    return found


def _dash_org_person(line: str, vocabulary: frozenset[str], resolver) -> Found | None:
    match = _DASH_ORG_ITEM.match(line)
    if match is None:
        return None
    org = match.group("org").strip()
    known = resolver.resolve_in(org)
    if known is None and not (name_runs.is_acronym(org) or _TITLED_BODY.fullmatch(org)):
        return None
    body = match.group("body")
    glued = glued_row(body, resolver)
    name = glued[0].name if glued else name_before_title(body)
    if not name or not all(name_runs.name_word(w, vocabulary) for w in name.split()):
        return None
    return Found(name, str(known.organization) if known else org, "dash_org_item")


# The header of an attendance table flattened into running text: a number column, then "Name".
_NUMBER_NAME_HEADER = re.compile(r"\b(?:No\.?|N°|S/?N|Sr\.?|#)\s+Names?\b", re.I)
_ROW_GAP = 400  # the longest row (name, title, organisation, e-mail, phones) between numbers


def numbered_table_run(head: str) -> list[Found]:
    """Rule: an attendance table flattened into one run after its header ("No Name Designation
    Organisation Email Phone 1 Ana LIND WASH PM RI ana@... 2 Ben Ray Officer UNICEF ..."): the
    rows are cut at the numbers 1, 2, 3 ... in turn, and each opens with its name."""
    header = _NUMBER_NAME_HEADER.search(head)
    if header is None:
        return []
    vocabulary = name_runs.document_vocabulary(head)
    found, at, number = [], header.end(), 1
    while match := re.compile(rf"(?<!\S){number}\.?\s+(?=[A-Z])").search(head, at, at + _ROW_GAP):
        name = _row_name(head[match.end() : match.end() + 80].split(), vocabulary)
        if name:
            found.append(Found(name, None, "numbered_table_run"))
        at, number = match.end(), number + 1
    return found if len(found) >= 3 else []


def _row_name(words: list[str], vocabulary: frozenset[str]) -> str | None:
    """The name a row opens with: name-like words; a surname in capitals only straight after
    the first name ("Anna MARIA WASH PM": the next capitals are the title's)."""
    name: list[str] = []
    for word in words[:4]:
        if len(name) == 1 and word.isupper() and len(word) > 2 and word.isalpha():
            name.append(word.capitalize())
            continue
        if not name_runs.name_word(word, vocabulary) or word.isupper():
            break
        name.append(word)
    return person_name(" ".join(name)) if len(name) >= 2 else None


# "(Ana Lind), (Ben Ray) - WHO;": bracketed names, then a dash and their organisation.
_BRACKETED_GROUP = re.compile(
    r"(?P<names>(?:\(\s*[^()\d]{2,60}\)\s*,?\s*)+)[-–—]\s*(?P<org>[^;()\n]{2,60}?)\s*(?:;|$)", re.M
)


def bracketed_names_by_org(head: str, resolver) -> list[Found]:
    """Rule: "Participants: (Suzan Lind)- MOH; (Gasser Al Kareem), (Madiha Ray) - WHO; ...":
    three groups or more of names each in brackets, then a dash and the organisation they
    are from, are the participants with their organisations. A single name is a person's
    only when it is a first name ("(Mohamed) – MSF")."""
    found: list[Found] = []
    groups = list(_BRACKETED_GROUP.finditer(head))
    if len(groups) < 3:
        return []
    for group in groups:
        org = resolve_organization(group.group("org").strip(" .,"), resolver)
        for written in re.findall(r"\(\s*([^()]+?)\s*\)", group.group("names")):
            name = person_name(written) or (
                person_name(written, single=True) if is_first_name(written) else None
            )
            if name:
                found.append(Found(name, org, "bracketed_names_by_org"))
    return found


# "Muriel CORMORANT", "Francis de BARBEYRAC", "Béatrice D’ORNANO": a first name, then the
# surname in capitals, as French, Belgian and Swiss minutes write names.
_FIRST_THEN_CAPITALS = re.compile(
    # A name cut at the line ("Francis" / "de LATOUR - ..."), but not a first name ending a
    # row and the next row's body before its colon ("MOREAU Lucie" / "CAF du Gard : ...").
    r"(?<![\w’'])(?P<first>[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)"
    r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*(?=[^\n:]*(?:\n|\Z)))"
    r"(?P<last>(?:(?:de|du|des|van|von|del|da|di|le|la)\s+)?[A-ZÀ-Þ](?:[’'][A-ZÀ-Þ])?[A-ZÀ-Þ-]+"
    r"(?:\s+[A-ZÀ-Þ]{2,}(?![a-zà-ÿ]))?)(?![\w’'])"
    # Not the next row's body and its colon ("Lucie\nDDETS : PETIT Marc").
    r"(?!\s*(?:\d+(?:/\d+)?\s*)?:)"
)


def capital_surnames(head: str, resolver) -> list[Found]:
    """Rule: after an attendance label and before any absence label, three names or more
    written first name then SURNAME are the participants, whatever separates them ("Philippe
    BOUÉ - Michèle BRUN - ...", "Muriel CORMORANT - Adjointe au Maire"). The first name must be
    one ("Cabinet du MAIRE" is no person), and the capitals no body's: not one the directory
    knows, nor one the text writes three times or more ("Anna Lind WASH PM": a title)."""
    label = labels.ATTENDANCE_ANYWHERE.search(head)
    if label is None:
        return []
    section = head[label.end() :]
    absent = labels.ABSENCE.search(section)
    section = section[: absent.start()] if absent else section
    found = [
        Found(
            f"{m.group('first')} {m.group('last')}",
            None,
            "capital_surnames",
            label.end() + m.start(),
        )
        for m in _FIRST_THEN_CAPITALS.finditer(section)
        if _first_then_surname(m, head, resolver)
    ]
    return found if len(found) >= 3 else []


def _first_then_surname(match: re.Match, head: str, resolver) -> bool:
    first, last = match.group("first"), match.group("last")
    if not is_first_name(first) or first.lower() in name_runs.not_names():
        return False
    surname = last.split()[-1]
    if len(surname) < 3 or resolver.resolve_in(surname) is not None:
        return False
    return len(re.findall(rf"(?<![\w’']){re.escape(surname)}(?![\w’'])", head)) < 3


_BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\d{1,3}[.)])\s+")
# "Corey HuntingtonCIDA Acting chair": the name runs straight into an acronym.
_INTO_ACRONYM = re.compile(r"[a-zà-ÿ'’](?=[A-Z]{2,})")


def glued_rows_run(head: str, resolver) -> list[Found]:
    """Rule: three list items or more in a row, each a name run straight into an acronym
    ("- Joseph VereUNESCOMember", "- Tomoko MaedaWFPMember"), are an attendance table
    flattened without its label; a run under an absence label ("Absent with Apology:") is
    not."""
    found: list[Found] = []
    run: list[Found] = []
    absent = False
    for line in [*head.split("\n"), "."]:
        if not line.strip():
            continue
        person = _glued_item(line, resolver)
        if person:
            run.append(person)
            continue
        found += run if len(run) >= 3 and not absent else []
        if labels.ABSENCE.search(line) and len(line.split()) <= 6:
            absent = True  # those listed under it, glued or not, did not attend
        elif not _BULLET.match(line):
            absent = False
        run = []
    return found


def _glued_item(line: str, resolver) -> Found | None:
    bullet = _BULLET.match(line)
    if bullet is None or not _INTO_ACRONYM.search(line):
        return None
    people = glued_row(line[bullet.end() :], resolver)
    return Found(people[0].name, None, "glued_rows_run") if people else None


# "Dr. Ana Lind- MOH Ben Ray-UNFPA Eva Moss – TDH-Italy": each person, a dash, then the acronym
# of their body (and the country of a national branch), all on one line.
_DASHED_ACRONYM = re.compile(r"\s*[-–]\s*(?P<org>[A-Za-z&]{2,10}(?:-[A-Z][a-z]+)?)(?=\s|$|[.,;])")


def dashed_acronym_run(head: str, resolver) -> list[Found]:
    """Rule: after an attendance label, three people or more in a row on one line, each a name,
    a dash and the acronym of their body ("Attendance: Dr. Ana Lind- MOH Ben Ray-UNFPA ..."),
    with nothing else between them."""
    for label in labels.ATTENDANCE_ANYWHERE.finditer(head):
        found = _dashed_people(head[label.end() :].split("\n", 1)[0], resolver)
        if len(found) >= 3:
            return found
    return []


def _dashed_people(line: str, resolver) -> list[Found]:
    found: list[Found] = []
    start = 0
    for match in _DASHED_ACRONYM.finditer(line):
        org = match.group("org")
        if not name_runs.is_acronym(org.split("-")[0]):
            continue
        name = person_name(HONORIFICS.sub("", line[start : match.start()].strip(" ,;")))
        if name is None:
            break
        found.append(Found(name, resolve_organization(org, resolver), "dashed_acronym_run"))
        start = match.end()
    return found


# A contact cell of an attendance table: a phone number, an e-mail address, or the mark a web
# page leaves for a hidden one.
_CONTACT_CELL = re.compile(
    r"^\s*(?:\+?[\d(][\d\s()./-]{5,}|\S+@\S+\.\w+|\[email\s*protected\])\s*$", re.I
)


def names_over_contacts(head: str) -> list[Found]:
    """Rule: an attendance table flattened one cell a line ("NRC", "Shelter Officer", "Ana
    Lind", "76 123456", "[email protected]"): three names or more, each on its line with a
    phone number or an e-mail address on the next, are the participants."""
    lines = head.split("\n")
    contact = [bool(_CONTACT_CELL.match(line)) for line in lines]
    found = []
    for index, line in enumerate(lines[:-1]):
        if contact[index] or not contact[index + 1]:
            continue
        name = person_name(HONORIFICS.sub("", line.strip()))
        if name:
            found.append(Found(name, None, "names_over_contacts"))
    return found if len(found) >= 3 else []
