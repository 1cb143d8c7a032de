"""People named in running text: a chair, facilitator or note-taker in the header, and a
person with an organisation or a title ("Dr. Joan Clos of UN-Habitat opened ...", "Kelly
David, OCHA, ...", "W Ludwig gave a summary").
"""

from __future__ import annotations

import re

from nethub.meetings.extract import name_runs
from nethub.meetings.extract.people.person_names import (
    NAME,
    SHORT_NAME,
    Found,
    name_before_title,
    person_name,
    without_role,
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
    r"underlined|opened|introduced|acknowledged|agreed|queried|replied|responded|drew|"
    # Rule: summaries written in the present ("Ana Lind suggests ...", "Ben Ray agrees and
    # mentions ...") report their speakers the same way.
    r"says|states|notes|asks|informs|explains|thanks|welcomes|presents|clarifies|suggests|"
    r"requests|stresses|proposes|mentions|highlights|reports|emphasi[sz]es|raises|expresses|"
    r"briefs|recalls|reminds|adds|confirms|agrees|replies|responds|talks|shares|discusses|"
    r"doesn['’]t\s+think|thinks"
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


def roles_in_header(head: str) -> list[Found]:
    """ "Chair: RC a.i., Michael Jones", "Facilitator: Dr. Abdullah Zohairy", "Note taker: IMO,
    Nakai Munikwa", "Chaired by DSWD: Maria Elena S. Labrador"."""
    found = []
    for match in _ROLE_LABEL.finditer(head):
        name = name_before_title(match.group("name"))
        if name:
            found.append(Found(name, None, "role_in_header", match.start("name")))
    return found


def people_in_prose(text: str, resolver) -> list[Found]:
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
