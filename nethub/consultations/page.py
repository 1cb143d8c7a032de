"""Reading the text of an exported Discussion Space page: its title, welcome text,
questions and comments, with what each comment states about itself (its byline, whom it
answers, the organisation it speaks for). Pure text work, no database: see importer.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nethub.directory.names import normalise_name

_SECTION = re.compile(r"^discussion spaces?$", re.I)
_COMMENTS_START = re.compile(
    r"^(?:discussion )?questions?\s*(?:&|and)\s*comments?$|^comments$", re.I
)
_WELCOME = re.compile(r"^welcome$", re.I)
_QUESTION = re.compile(r"^(?:discussion\s+)?question\s*(\d+)\s*[:.)\-–]\s*(.+)$", re.I)
_REPLY = re.compile(r"^in reply to(?:\s+(?P<title>.*?))?\s+by\s+(?P<who>.+?)\s*$", re.I)
_POSTED = re.compile(
    r"^(?:posted|submitted|comment)\s+by\s+(?P<who>.+?)"
    r"(?:\s+on behalf of\s+(?P<org>.+?))?"
    r"(?:\s+(?:on|at)\s+(?P<date>\d.*|[A-Z][a-z]+ \d.*))?\s*$",
    re.I,
)
_ON_BEHALF = re.compile(r"^(?:on behalf of|organi[sz]ation\s*:)\s*(?P<org>.+?)\.?$", re.I)
_FROM_HEADER = re.compile(
    r"^(?:some\s+)?comments?\s+(?:from|by)\s+(?:the\s+)?(?P<org>.+?):\s*$", re.I
)
_ATTACHED = re.compile(r"^\[[^\]]*attach[^\]]*\]$", re.I)
MENTIONS_ATTACHMENT = re.compile(r"\battached (?:file|below|resources|document|paper)\b", re.I)
ENGAGEMENT = re.compile(r"^(continue|start)\s+(?:our\s+)?engagement\b", re.I)
INTEREST = re.compile(
    r"interested in|express(?:es)? (?:our|its) interest|area of interest|would like to join|"
    r"wish(?:es)? to join|want(?:s)? to join",
    re.I,
)
GROUP = re.compile(
    r"^(?:[-•*]\s*)?(?P<kind>working group|workstream)\s*(?P<number>\d+)?\s*(?:on|:|–|-)?\s*"
    r"(?P<title>.*?)\s*$",
    re.I,
)
BULLET = re.compile(r"^\s*(?:[-•*]|\(?[ivx]+[.)]|\d+[.)])\s+", re.I)

# A proper name: capitalised words, with the small words names contain.
_NAME = (
    r"(?:[A-Z][\w’'&\-]*(?:\s+(?:of|for|on|the|and|in|de|des|du|la|le|y|del)\b)*\s+)*"
    r"[A-Z][\w’'&\-]*"
)
_VERBS = (
    r"(?:welcomes|supports|highlights|recommends|calls|urges|submits|proposes|appreciates|"
    r"thanks|is particularly interested|is interested|would like)"
)
_SELF = [
    re.compile(r"^As\s+(?:the\s+)?(?P<org>" + _NAME + r")\s*,\s"),
    re.compile(r"^For\s+(?:the\s+)?(?P<org>" + _NAME + r")\s*,\s+(?:we|our)\b", re.I),
    re.compile(r"^(?:The\s+)?(?P<org>" + _NAME + r")\s+\([^)]{3,400}\)\s+" + _VERBS),
    re.compile(
        r"^(?:\d+\.\s*)?(?:The\s+)?(?P<org>"
        + _NAME
        + r")\s+(?:also\s+|strongly\s+|roundly\s+)?"
        + _VERBS
    ),
    re.compile(
        r"^(?P<org>" + _NAME + r")\s+is\s+an?\s+(?:\w+\s+){0,3}(?:network|organi[sz]ation|"
        r"coalition|alliance|union|federation|confederation|association|partnership|institute)\b"
    ),
    re.compile(r"^(?P<org>" + _NAME + r")[’']s\s+(?:priority|priorities|comments|submission)\b"),
]
_ACRONYM_DEF = re.compile(r"(?P<org>" + _NAME + r")\s*\((?P<acronym>[A-Z][A-Za-z]{1,9})\)")
_NOT_NAMES = {"our", "we", "this", "these", "the network", "network", "un network", "member states"}
ACADEMIC = re.compile(r"\b(university|school|college|institute|clinic|academy)\b", re.I)
UNION = re.compile(r"\b(trade union|workers'? union|union of)\b", re.I)


@dataclass
class ParsedComment:
    lines: list[str] = field(default_factory=list)
    reply_to: str = ""
    byline: str = ""
    stated_org: str = ""  # from a header
    question: int | None = None
    attachment: bool = False

    @property
    def text(self) -> str:
        return _join_wrapped(self.lines)


@dataclass
class ParsedPage:
    title: str = ""
    welcome: str = ""
    questions: dict[int, str] = field(default_factory=dict)
    comments: list[ParsedComment] = field(default_factory=list)


def _join_wrapped(lines: list[str]) -> str:
    """Paragraphs of the comment; a line broken inside a sentence is joined to the next."""
    paragraphs: list[str] = []
    for line in lines:
        if (
            paragraphs
            and paragraphs[-1]
            and not re.search(r"[.!?:;”\")\]]$", paragraphs[-1])
            and line[:1].islower()
        ):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def _is_byline(line: str) -> bool:
    return bool(
        len(line) <= 60
        and len(line.split()) <= 6
        and not re.search(r"[.:;!?]$", line)
        and not ENGAGEMENT.match(line)
        and line[:1].isupper()
    )


def parse_page(text: str) -> ParsedPage:
    """Split the page into its title, welcome text, questions and comments."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.replace("\r", "").split("\n")]
    lines = [line for line in lines if line]
    page = ParsedPage()
    index = 0
    while index < len(lines) and _SECTION.match(lines[index]):
        index += 1
    if index < len(lines):
        page.title = lines[index]
        index += 1
    while index < len(lines) and lines[index] == page.title:
        index += 1
    title_end = index
    welcome: list[str] = []
    while (
        index < len(lines)
        and not _COMMENTS_START.match(lines[index])
        and not _QUESTION.match(lines[index])
    ):
        if not _WELCOME.match(lines[index]):
            welcome.append(lines[index])
        index += 1
    if index >= len(lines):  # no comments section: everything after the title is comments
        index, welcome = title_end, []
    page.welcome = "\n\n".join(welcome)
    if index < len(lines) and _COMMENTS_START.match(lines[index]):
        index += 1

    current: ParsedComment | None = None
    question: int | None = None
    expect_byline = False

    def start(**kwargs) -> ParsedComment:
        comment = ParsedComment(question=question, **kwargs)
        page.comments.append(comment)
        return comment

    for line in lines[index:]:
        match = _QUESTION.match(line)
        if match:
            question = int(match.group(1))
            page.questions[question] = match.group(2)
            current, expect_byline = None, False
            continue
        match = _REPLY.match(line)
        if match:
            current, expect_byline = start(reply_to=match.group("who").strip()), True
            continue
        match = _POSTED.match(line)
        if match and len(line) < 200:
            if current is None or current.lines or current.byline:
                current = start()
            current.byline = match.group("who").strip()
            current.stated_org = (match.group("org") or "").strip()
            expect_byline = False
            continue
        match = _FROM_HEADER.match(line)
        if match and len(line) < 120:
            current = start(stated_org=match.group("org").strip())
            expect_byline = False
            continue
        if current is None:
            current = start()
        match = _ON_BEHALF.match(line)
        if match and not current.lines:
            current.stated_org = match.group("org").strip()
            continue
        if expect_byline and not current.lines and _is_byline(line):
            current.byline = line
            expect_byline = False
            continue
        expect_byline = False
        if _ATTACHED.match(line):
            current.attachment = True
            continue
        current.lines.append(line)
    page.comments = [c for c in page.comments if c.lines or c.attachment]
    return page


def self_named(text: str) -> list[str]:
    """Names a comment gives itself as author, in the order the comment gives them."""
    names: list[str] = []
    for paragraph in text.split("\n\n"):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", paragraph.strip()):
            for pattern in _SELF:
                match = pattern.match(sentence)
                if match:
                    names.append(match.group("org"))
                    break
    for match in _ACRONYM_DEF.finditer(text):
        acronym = match.group("acronym")
        if re.search(
            r"\b(?:the\s+)?" + re.escape(acronym) + r"\s+(?:also\s+|roundly\s+|strongly\s+)?"
            r"(?:supports|welcomes|recommends|calls|urges|proposes|and our partner)",
            text,
        ):
            names.append(f"{match.group('org')} ({acronym})")
    return [n.strip() for n in names if normalise_name(n) not in _NOT_NAMES and len(n) > 2]


def split_acronym(name: str) -> tuple[str, str]:
    match = re.match(r"^(.*?)\s*\(([A-Z][A-Za-z]{1,9})\)$", name)
    return (match.group(1), match.group(2)) if match else (name, "")
