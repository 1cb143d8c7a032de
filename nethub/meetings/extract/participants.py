"""Rules for the participants list: where it is, how its lines split into people, and how each
entry splits into honorific, name, title and organisation.

Forms seen: "Name, Title, ORG[, Network Coordinator]", "Ms. Name, Title/ORG", several people on
one line separated by ";", "Name (ORG)", and "ORG: Name, Title".
"""

from __future__ import annotations

import re

from nethub.meetings.extract.labels import ATTENDANCE_FR_ES, OF_A_BODY
from nethub.meetings.extract.result import ExtractedParticipant

PARTICIPANTS_HEADING = re.compile(
    r"^(?:(?:EC\s+|the\s+)?(?:principals|members)\s+"
    r"(?:present|attending|participating|in attendance)(?=\s*:)|participants|attendees|"
    r"attendance|present|in attendance|participants list|list of participants|participating|"
    rf"{ATTENDANCE_FR_ES})"
    r"\b[^.:]{0,40}(?::\s*(?P<inline>.+))?:?$",
    re.I,
)
# Rule: sub-lists of the attendance, each under its label ("Chair: A, Title, IOM", "EC members:"
# then a list, "Secretariat: B (IOM)"). Everyone under them attended.
SUBLIST_LABEL = re.compile(
    r"^(?P<label>(?:the\s+)?(?:(?:co-?|vice-?)?chair(?:person|s)?|co-?chairs|"
    r"(?:ec\s+|network\s+)?members|principals|un\s+entities|(?:network\s+)?secretariat|"
    r"also\s+(?:present|attending)|observers?|moderators?|facilitators?|guests?|"
    r"(?:guest\s+)?speakers?|presenters?|rapporteurs?|note[- ]?takers?|"
    # "Co-leads of the pathways workstream:", "Focal points:": who leads or follows a stream.
    r"co-?leads?(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:workstreams?|working\s+groups?|"
    r"task\s+(?:teams?|forces?)))?|(?:ec\s+|network\s+)?focal\s+points?))"
    r"\s*:\s*(?P<inline>.*)$",
    re.I,
)
# Rule: "Apologies: ILO, UNICEF", "Regrets:": those who sent apologies did NOT attend; the line
# (and a list under it) is neither participants nor an agenda item.
ABSENT_LABEL = re.compile(
    r"^(?:apologies|regrets|excused|absents?|unable\s+to\s+attend|not\s+present|"
    # French and Spanish: "Excusés :", "Absents :", "Ausentes:".
    r"excus[ée]e?s|excusas|ausentes?)"
    r"(?:\s+(?:received|from|sent))?\s*(?::\s*(?P<inline>.*))?$",
    re.I,
)
_CHAIR_LABEL = re.compile(r"^(?:the\s+)?(?:(?:co-?|vice-?)?chair|moderator|facilitator)", re.I)


def sublist_entries(match: re.Match) -> tuple[list[str], str]:
    """The people written after a sub-list label, and the role the label gives them
    ("Co-chair"). One person unless separated by ";", " / " or as "A (IOM), B (UNHCR)"."""
    inline = match.group("inline").strip().rstrip(".")
    label = match.group("label")
    role = ""
    if _CHAIR_LABEL.match(label):
        role = re.sub(r"^the\s+", "", label, flags=re.I).rstrip("s").capitalize()
    if not inline:
        return [], role
    if ";" in inline or inline.count(" / ") >= 2 or len(re.findall(r"\([^()]+\)", inline)) >= 2:
        return split_inline(inline), role
    return [inline], role


# Rule: civic and church titles ("Cllr K Burn", "Councillor Les Thacker", "Senator Larsen",
# "Trustee Hodson", "Revd Canon Ann Lee", "Bro. D Joynson") stand before a name as an
# honorific does, and are no part of it.
_CIVIC_TITLES = (
    r"Cllrs?|Councill?ors?|Cr|Senators?|Trustees?|Revd|Rev|Reverend|Canon|Deacon|Provost|"
    r"(?:Deputy\s+)?Mayor|"
    r"Bros?|Brother|Sis|Sister|Fr(?=\.?\s+[A-Z][a-z])|"
    # "Present: Chair Okafor, Vice Chair Lind, Commissioners Ray", "Messrs Moss":
    # a board's or a commission's titles before a surname.
    r"Commissioners?|Messrs|Mmes|(?:Vice[- ]?)?Chair(?:man|woman|person)?(?=\s+[A-Z][a-z])|"
    # "Staff present: Executive Director Pike, Clerks Hollis and Crane": staff titles likewise.
    r"(?:(?:Executive|Deputy|Assistant|Associate)\s+)?Directors?(?=\s+[A-Z][a-z])|Clerks?|"
    r"(?:Vice[- ]?)?President(?=\s+[A-Z][a-z])|Treasurer(?=\s+[A-Z][a-z])|Supervisors?|"
    r"Alderm[ae]n|Superintendent"
)
HONORIFICS = re.compile(
    r"^(?:(?:[HS]\.\s?E\.|Ms|Mr|Mrs|Miss|Mx|Dr|Prof|Professor|Amb|Ambassador|Sir|Dame|Excellency|"
    # French and Spanish: "Mme Awa Ndiaye", "Sra. María Gómez", "Lic. Ana Ruiz"; "M." and "Sr."
    # only before a first name and a surname ("M. Jones" is an initial).
    r"Mmes?|Mlles?|Melle|M(?=\.\s?[A-Z][a-zà-ÿ]+\s+[A-Z])|Sr(?=\.?\s+[A-Z][a-zà-ÿ]+\s+[A-Z])|"
    r"Sra|Srta|Dña|Lic(?:da)?(?=\.?\s+[A-Z])|"
    # "Mons. Eugenio Lira", "Pbro. Arturo Montelongo": a bishop's and a priest's titles.
    r"Mons(?=\.?\s+[A-Z])|Pbro(?=\.?\s+[A-Z])|"
    r"Ing(?=\.?\s+[A-Z][a-z])|Arq(?=\.?\s+[A-Z][a-z])|"
    # "Eng. Jawid Latif": an engineer's title, as Afghan and Iraqi minutes write it.
    r"Engr?(?=\.?\s+[A-Z][a-z])|"
    # "Dr.Vighnesh Bhatt": the full stop with no space after it.
    rf"{_CIVIC_TITLES})(?:\.?\s+|\.(?=[A-Z][a-z]))(?=\S))+",
    re.I,
)
# Written after the organisation, these describe the person's role in the network.
ROLE = re.compile(r"^(?:Network\s+)?Coordinator|^Chair|^Co-?chair|^Vice-?chair|^Moderator", re.I)


def is_participant_line(text: str) -> bool:
    """A participants line is short, has no sentence verb, and is split by commas, slashes or
    semicolons ("Ms. Ghada Waly, ED/UNODC")."""
    words = text.split()
    if not words or len(words) > 40 or text.endswith(":"):
        return False
    if _group_of_surnames(text.rstrip(" ,")):
        return True  # "SGAR : MOREAU Lucie": one person, no separator
    if re.search(
        r"\b(provided|informed|discussed|noted|agenda|opened|welcomed|is|are|was|were)\b", text
    ) and not re.search(r"[;/]", text):
        return False
    return bool(re.search(r"[,/;(|]", text)) and len(words) <= 40


def split_entries(line: str) -> list[str]:
    """One line may name several people: "Mr. A, HC/OHCHR; Ms. B, Director/OHCHR", or
    "IOM: A (DG), B (DDG)" (one organisation, each person with their title in brackets)."""
    entries = [part.strip(" ;") for part in re.split(r";\s*(?:and\s+)?", line) if part.strip(" ;")]
    # "IOM: A, DG; B, Chief of Staff": the organisation written first is everyone's.
    # "UNHCR – A, Title; B, Title" likewise, when the label is an acronym.
    label = (
        re.match(r"^([^:,;]{2,80}?):\s+\S|^([A-Z][A-Z&.-]{1,12})\s+[–—-]\s+\S", entries[0])
        if len(entries) > 1
        else None
    )
    if label and not any(re.search(r":|\s[–—-]\s", entry) for entry in entries[1:]):
        org = label.group(1) or label.group(2)
        entries = entries[:1] + [f"{org}: {entry}" for entry in entries[1:]]
    expanded = []
    for entry in entries:
        surnames = _group_of_surnames(entry)
        if surnames:
            expanded += surnames
            continue
        prefix = re.match(r"^([^:,()]{2,60}?)\s*(?::|\s[–—-])\s*(.+)$", entry)
        people = re.findall(r"[^,()]+\([^()]+\)", prefix.group(2)) if prefix else []
        if len(people) >= 2:
            expanded += [f"{prefix.group(1)}: {person.strip(' ,')}" for person in people]
        else:
            expanded.append(entry)
    return expanded


# "BERNARD Paul", "MARTIN-ROUX Claire", "LE GALL Yves": a SURNAME in capitals, then the
# first name, as French registers write them.
SURNAME_FIRST = (
    r"(?:(?:LE|LA|DE|DU|DES|DA|DOS|VAN|VON)\s+){0,2}[A-ZÀ-Þ][A-ZÀ-Þ'’-]+\s+"
    r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?"
)


def _group_and_rest(entry: str) -> tuple[str, str] | None:
    """ "Sète : Paul Rivière": what stands before the colon, when it can be a group's
    name, and what follows."""
    group, colon, rest = entry.partition(":")
    if not colon or not 2 <= len(group.strip()) <= 40 or "(" in group:
        return None
    return group.strip(), rest.strip()


def _group_of_surnames(entry: str) -> list[str]:
    """Rule: "DDETS : BERNARD Paul, FAURE Julie, ROUX Anne": a group, its colon, then
    its people written SURNAME first; one entry a person, each with the group."""
    split = _group_and_rest(entry)
    people = [p.strip() for p in split[1].split(",") if p.strip()] if split else []
    if not people or not all(re.fullmatch(SURNAME_FIRST, person) for person in people):
        return []
    return [f"{split[0]}: {person}" for person in people]


def split_inline(text: str) -> list[str]:
    """People written in one sentence after "Participants:": "A (IOM), B (UNHCR) and C (ILO)"
    or "A, DG, IOM; B, HC, UNHCR"."""
    text = text.strip().rstrip(".")
    if not text:
        return []
    if ";" in text:
        return split_entries(text)
    if text.count(" / ") >= 2:  # "A, Title, IOM / B, Title, UNHCR / ..."
        return [part.strip() for part in text.split(" / ") if part.strip()]
    bracketed = re.findall(r"\s*(?:and\s+)?([^,()]+?\([^()]+\))\s*(?:,|\band\b|$)", text)
    if bracketed:
        return [entry.strip() for entry in bracketed]
    return [part.strip() for part in re.split(r",\s*|\s+and\s+", text) if part.strip()]


def parse_participant(entry: str, resolver) -> ExtractedParticipant:
    """Honorific, name, title, organisation and role of one entry."""
    as_written = entry
    entry = re.sub(r"\s*\|\s*", ", ", entry)  # a table row: "Name | Title | Organisation"
    entry = re.sub(r"\s+", " ", entry).strip(" .,")
    person_after = organisation_then_person(entry, resolver) or _person_of_a_body(entry)
    if person_after is not None:
        return person_after
    role_label, entry = _leading_role(entry)
    org_first = re.match(r"^([^:,–—]{2,60}?)\s*(?::|\s[–—-])\s*(.+)$", entry)
    prefix_org = None
    org_name = org_first.group(1) if org_first else ""
    # "International Organization for Migration (IOM): ...": the name, or its acronym.
    written = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", org_name)
    if written and not ((found := resolver.resolve_in(org_name)) and not found.remainder):
        org_name = next(
            (
                part
                for part in written.groups()
                if (known := resolver.resolve_in(part)) and not known.remainder
            ),
            org_name,
        )
    if org_first and resolver.resolve_in(org_name):
        found = resolver.resolve_in(org_name)
        if found and found.remainder == "":
            prefix_org, entry = found.organization, org_first.group(2)
    if prefix_org is None and (group := _group_then_person(entry)):
        prefix_org, entry = group
    honorific_match = HONORIFICS.match(entry)
    honorific = honorific_match.group(0).strip() if honorific_match else ""
    entry = entry[honorific_match.end() :] if honorific_match else entry
    bracket = re.match(r"^([^,(]+?)\s*\(([^)]+)\)\s*,?\s*(.*)$", entry)
    if bracket and prefix_org is not None and not bracket.group(3):
        name, rest = bracket.group(1), bracket.group(2)  # "IOM: Name (Title)"
    elif bracket and _organisation_like(bracket.group(2), resolver, of=bracket.group(1)):
        name, rest = bracket.group(1), f"{bracket.group(3)}, {bracket.group(2)}".strip(" ,")
    else:
        name, _, rest = entry.partition(",")
        dash = re.match(r"^(.+?)\s+[–—-]\s+(.+)$", name)
        if dash:  # "Name – Title, ORG"
            name, rest = dash.group(1), f"{dash.group(2)}, {rest}".strip(" ,")
        elif not rest and "/" in name:  # "Name Title/ORG" has no comma to split on
            pass
    name, rest = name.strip(), rest.strip()
    title, organization, role = _title_org_role(rest, resolver)
    if prefix_org is not None:
        organization = organization or str(prefix_org)
    if organization is None and bracket and _organisation_like(bracket[2], resolver, of=name):
        # "Paul Otieno (MSF)": an organisation the directory does not know, kept as written.
        organization = bracket.group(2).strip()
        title = _without(title, organization)
    return ExtractedParticipant(
        name=name,
        title=title,
        organization=organization,
        honorific=honorific,
        role=role or role_label,
        as_written=as_written.strip(),
    )


def _person_of_a_body(entry: str) -> ExtractedParticipant | None:
    """Rule: "y Pilar Lasheras de la Parroquia de Santa Engracia": the last of a Spanish list,
    then the body the person comes from, kept as written."""
    from nethub.meetings.extract.people.person_names import person_name

    entry = re.sub(r"^(?:y|e|et|i|and)\s+", "", entry)
    body = OF_A_BODY.search(entry)
    name = person_name(entry[: body.start()]) if body else None
    if not name:
        return None
    return ExtractedParticipant(name=name, organization=body.group("body"), as_written=entry)


# "Apologies for absence: Gene Cook", "Regrets: ...": no group, those who were not there.
_ABSENCE_WORD = re.compile(r"\b(?:apolog|regret|excus|absen|ausen|unable)", re.I)


def _group_then_person(entry: str) -> tuple[str, str] | None:
    """Rule: "Sète : Paul Rivière (animateur)", "LMC: Anne Petit": a group the directory
    does not know (a place, a local branch), its colon, then a person's name; the group is
    the person's organisation as written. Not "Ana Lind: IOM" (a name before the colon).
    (group, the person's entry), or None."""
    from nethub.meetings.extract.people.person_names import NAME, person_name

    split = _group_and_rest(entry)
    if split is None:
        return None
    group, rest = split
    if person_name(group) or _ROLE_LABEL.match(entry) or _ABSENCE_WORD.search(group):
        return None
    if re.match(SURNAME_FIRST, rest):
        return split  # "DDETS: BERNARD Paul"
    lead = re.match(NAME, rest)
    return split if lead and person_name(lead.group(0)) else None


# "Minutes: Kenji Sato (WFP)", "Note taker: ...": what the person does at the meeting.
_ROLE_LABEL = re.compile(
    r"^(?P<role>minutes?(?:[- ]?tak(?:er|ing))?|minutes\s+by|note[- ]?tak(?:er|ing)|"
    r"rapporteur|recorder|scribe|secretary|facilitator|moderator|chair(?:person)?)\s*:\s*",
    re.I,
)


def _leading_role(entry: str) -> tuple[str, str]:
    """Rule: an entry led by the role its person has ("Minutes: Kenji Sato (WFP)"): the role
    apart, the person after it."""
    match = _ROLE_LABEL.match(entry)
    if match is None or not entry[match.end() :].strip():
        return "", entry
    return match["role"].strip(), entry[match.end() :]


def _organisation_like(text: str, resolver, *, of: str = "") -> bool:
    """What is written in an organisation's place: a name the directory knows, an acronym
    ("MSF"; not the initials of the person `of` it is written after, "Jonas Berg (JB)"), or
    a name ending as a body's does ("Relief Council")."""
    from nethub.meetings.extract.name_runs import ORG_END, is_acronym

    text = text.strip()
    if not text:
        return False
    if resolver.resolve_in(text):
        return True
    initials = "".join(word[0] for word in of.split() if word[:1].isupper())
    letters = text.replace(".", "")  # "M.S.F." is "MSF"
    if " " not in letters and is_acronym(letters) and letters != initials:
        return True
    return text.split()[-1].lower() in ORG_END


def _without(title: str, organization: str) -> str:
    parts = [p.strip() for p in title.split(",") if p.strip() and p.strip() != organization]
    return ", ".join(parts)


_ORG_THEN_BRACKET = re.compile(r"(?P<org>[^()]{2,80}?)\s*\((?P<inside>[^()]+)\)")


def organisation_then_person(entry: str, resolver) -> ExtractedParticipant | None:
    """Rule: "OCHA (John Smith)", "UNHCR (Mary Jones, Protection Officer)", "Danish Refugee
    Council (Sofia Berg)": an organisation (one the directory knows, an acronym, or a name
    ending as a body's does), then its person (and title) in brackets. "IOM (International
    Organization for Migration)" names no person."""
    from nethub.meetings.extract.people.person_names import person_name

    match = _ORG_THEN_BRACKET.fullmatch(entry)
    if match is None:
        return None
    org = match["org"].strip()
    found = resolver.resolve_in(org)
    known = found is not None and not found.remainder
    if not (known or (found is None and _organisation_like(org, resolver))):
        return None
    written, _comma, title = match["inside"].partition(",")
    honorific = HONORIFICS.match(written.strip())
    name = person_name(written)
    if name is None or resolver.resolve_in(written):
        return None
    return ExtractedParticipant(
        name=name,
        title=title.strip(),
        organization=str(found.organization) if known else org,
        honorific=honorific.group(0).strip() if honorific else "",
        as_written=entry,
    )


def _title_org_role(rest: str, resolver) -> tuple[str, str | None, str]:
    """Split "Assistant DG/Governance, Rights and Dialogue, ILO" into its title and organisation.

    The organisation is the rightmost comma- or slash-separated part that is wholly a known
    name; what comes before is the title, what comes after (", Network Coordinator") the role.
    When no part is, the longest known name inside the text is the organisation and the title
    keeps its words ("ASG and Director of UNDP Crisis Bureau")."""
    if not rest:
        return "", None, ""
    bracket = re.search(r"\s*\(([^()]+)\)\s*$", rest)
    if bracket and not resolver.resolve_in(bracket.group(1)):
        title, organization, role = _title_org_role(rest[: bracket.start()], resolver)
        return title, organization, ", ".join(filter(None, [role, bracket.group(1).strip()]))
    # Rule: "Head, Network Secretariat (IOM)": a known organisation in closing brackets is the
    # organisation; the title is what comes before it, without the brackets.
    known = resolver.resolve_in(bracket.group(1)) if bracket else None
    if known and not known.remainder and rest[: bracket.start()].strip(" ,"):
        title, _, role = _title_org_role(rest[: bracket.start()], resolver)
        return title, str(known.organization), role
    pieces = re.split(r"(\s*[,/]\s*)", rest)  # keeps separators at odd indexes
    parts = pieces[0::2]
    for index in range(len(parts) - 1, -1, -1):
        found = resolver.resolve_in(parts[index]) if parts[index].strip() else None
        if found and not found.remainder:
            title = "".join(pieces[: 2 * index - 1]) if index else ""
            after = [p.strip() for p in parts[index + 1 :] if p.strip()]
            return title.strip(" ,/"), str(found.organization), ", ".join(after)
    found = resolver.resolve_in(rest)
    role_parts = [p.strip() for p in parts if ROLE.match(p.strip())]
    title = ", ".join(p.strip() for p in parts if p.strip() and p.strip() not in role_parts)
    if found:
        return title, str(found.organization), ", ".join(role_parts)
    # Unknown organisation: an all-capitals last part ("Director, XYZ") is taken as written.
    if len(parts) > 1 and re.fullmatch(r"[A-Z][A-Z0-9&.\-]{1,15}", parts[-1].strip()):
        return "".join(pieces[:-2]).strip(" ,/"), parts[-1].strip(), ""
    return title, None, ", ".join(role_parts)


# Rule: a participants table ("Name | Title | Entity", "Organisation | Name | Position"). Its
# header row names the columns; its Markdown separator row ("---|---") is no one.
_TABLE_COLUMNS = [
    ("name", r"(?:full\s+)?name|participant|representative|person"),
    ("title", r"title|position|function|role|designation"),
    ("org", r"entity|organi[sz]ation|agency|org\.?|department|office|body"),
]


def table_header(text: str) -> list[str] | None:
    """The column of each cell ("name", "title", "org") when `text` is a table's header row."""
    if "|" not in text:
        return None
    cells = [cell.strip() for cell in text.strip(" |").split("|")]
    columns = []
    for cell in cells:
        column = next(
            (name for name, pattern in _TABLE_COLUMNS if re.fullmatch(pattern, cell, re.I)), None
        )
        if column is None:
            return None
        columns.append(column)
    return columns if "name" in columns and len(cells) >= 2 else None


def is_table_rule(text: str) -> bool:
    """A Markdown table's separator row: "|---|:---:|"."""
    return bool(re.fullmatch(r"[\s|:+=-]*-[\s|:+=-]*", text))


def table_participant(text: str, columns: list[str], resolver) -> ExtractedParticipant:
    """A row of an attendance table; its organisation column names the organisation, kept as
    written when the directory does not know it ("Save the Children")."""
    by_column = _cells_by_column(text, columns)
    person = parse_participant(_entry(by_column), resolver)
    written = by_column.get("org", "")
    if person.organization is None and written:
        person.organization, person.title = written, _without(person.title, written)
    return person


def _cells_by_column(text: str, columns: list[str]) -> dict[str, str]:
    cells = [cell.strip() for cell in text.strip(" |").split("|")]
    return {column: cells[i] for i, column in enumerate(columns) if i < len(cells)}


def _entry(by_column: dict[str, str]) -> str:
    """A table row as "Name, Title, Organisation", whatever the order of its columns."""
    return ", ".join(by_column[c] for c in ("name", "title", "org") if by_column.get(c))
