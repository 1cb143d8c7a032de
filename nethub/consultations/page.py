"""Reading the text of a Discussion Space page: its title, welcome text, questions and
comments, with what each comment states about itself (its author, date, whom it answers, the
organisation it speaks for). Pure text work, no database: see importer.py.

Three layouts are told apart by what the page contains, never by its name:
- "live": the page as the hub publishes it. Moderators post the discussion questions as
  comments (the poster's name, then the question, in one or more languages); each comment is a
  date line, the author's name, optionally the name of the person it answers, the body, and for
  a reply a closing "In reply to … by …" line.
- "exported": the text export of the fixture: no dates or authors, comments separated by
  "In reply to … by …" lines, "Posted by" headers, question headings or "Comments from X:".
- "unknown": a comments section with none of these markers. What it holds is read as one
  comment and the page says so (`ParsedPage.unplaced`): such a page is not fully read.
"""

from __future__ import annotations

import datetime
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
    r"(?:\s+(?:on|at|-|–|—|,)\s+(?P<date>\d.*|[A-Z][a-z]+ \d.*))?\s*$",
    re.I,
)
_ON_BEHALF = re.compile(r"^(?:on behalf of|organi[sz]ation\s*:)\s*(?P<org>.+?)\.?$", re.I)
_FROM_HEADER = re.compile(
    r"^(?:some\s+)?comments?\s+(?:from|by)\s+(?:the\s+)?(?P<org>.+?):\s*$", re.I
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "janv", "ene"),
            ("feb", "févr", "fevr", "fév"),
            ("mar", "mars"),
            ("apr", "avr", "abr"),
            ("may", "mai"),
            ("jun", "juin"),
            ("jul", "juil"),
            ("aug", "août", "aout", "ago"),
            ("sep", "sept", "set"),
            ("oct",),
            ("nov",),
            ("dec", "déc", "dic"),
        ),
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>[A-Za-zéû]{3,9})\.?"
_TIME = r"(?:\s*(?:[-–,|]|at|à)?\s*\d{1,2}[:h.]\d{2}(?:\s*[ap]\.?m\.?)?)?"
_DATE_LINES = [
    re.compile(r"^" + _MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})" + _TIME + r"$", re.I),
    re.compile(r"^(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME + r"$", re.I),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})" + _TIME + r"$"),
]
# Lines of the site's frame, not of the discussion.
_CHROME = re.compile(
    r"^(?:skip to main content|moderators|anonymous|reply|permalink|share|"
    r"log ?in to post comments?|login to post comments?|sign in or create your hub account.*|"
    r"discussion moderators?:?)$",
    re.I,
)
_NUMBERED_QUESTION = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<text>\S.*\?)$")
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
    date: datetime.date | None = None
    reply_to_question: bool = False  # answers the question post itself
    reply_index: int | None = None  # index of the comment it answers, in ParsedPage.comments

    @property
    def text(self) -> str:
        return _join_wrapped(self.lines)


@dataclass
class ParsedPage:
    title: str = ""
    welcome: str = ""
    questions: dict[int, str] = field(default_factory=dict)
    comments: list[ParsedComment] = field(default_factory=list)
    layout: str = "exported"
    question_posters: dict[int, str] = field(default_factory=dict)
    # What the reader could not place, in words for the person importing.
    unplaced: list[str] = field(default_factory=list)


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


def parse_date(line: str) -> datetime.date | None:
    """The date a line gives when the line is only a date ("Sep 13, 2022", "13 September
    2022", "2022-09-13", with or without a time)."""
    for pattern in _DATE_LINES:
        match = pattern.match(line.strip())
        if not match:
            continue
        month = match.group("month")
        number = int(month) if month.isdigit() else _MONTHS.get(month.lower()[:4].rstrip("."))
        number = number or _MONTHS.get(month.lower()[:3])
        try:
            return datetime.date(int(match.group("year")), number or 0, int(match.group("day")))
        except ValueError:
            return None
    return None


def _is_name(line: str) -> bool:
    """A person's or account's display name: a few words, no sentence, not a date."""
    return bool(
        _is_byline(line.rstrip("…").rstrip())
        and not line.endswith(",")
        and parse_date(line) is None
        and not _COMMENTS_START.match(line)
        and not re.search(r"\d", line)
    )


def _lines(text: str) -> list[str]:
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.replace("\r", "").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line or _CHROME.match(line):
            continue
        out.extend(_split_date_and_name(line))
    return out


def _split_date_and_name(line: str) -> list[str]:
    """A date and a name on one line, as a page's HTML may render them ("Sep 13, 2022 Ana
    Ruiz"), become the two lines of the live layout."""
    match = re.match(r"^(.+?\d{4})\s+(\S.*)$", line)
    if match and parse_date(match.group(1)) and _is_name(match.group(2)):
        return [match.group(1), match.group(2)]
    return [line]


def _is_question(line: str) -> bool:
    return line.endswith("?") or line.endswith("? ") or bool(_NUMBERED_QUESTION.match(line))


def parse_page(text: str) -> ParsedPage:
    """Split the page into its title, welcome text, questions and comments, in the layout
    the page has (see the module's docstring)."""
    lines = _lines(text)
    anchors = _comment_anchors(lines)
    if anchors:
        return _parse_live(lines, anchors)
    page = _parse_exported(lines)
    if not _has_markers(lines):
        _flag_unknown_layout(page)
    return page


def _has_markers(lines: list[str]) -> bool:
    return any(
        _REPLY.match(line)
        or (_POSTED.match(line) and len(line) < 200)
        or _QUESTION.match(line)
        or (_FROM_HEADER.match(line) and len(line) < 120)
        for line in lines
    )


def _flag_unknown_layout(page: ParsedPage) -> None:
    page.layout = "unknown"
    # A question the page shows right after its comments heading, with no "Question 1:".
    if page.comments and not page.questions and _is_question(page.comments[0].lines[0]):
        first = page.comments[0]
        match = _NUMBERED_QUESTION.match(first.lines[0])
        number = int(match.group("number")) if match else 1
        page.questions[number] = match.group("text") if match else first.lines[0]
        first.lines = first.lines[1:]
        for comment in page.comments:
            comment.question = number
        page.comments = [c for c in page.comments if c.lines or c.attachment]
    for position, comment in enumerate(page.comments, 1):
        page.unplaced.append(
            f"comment #{position}: no date line, author or reply marker, so where it starts and "
            f"ends, who posted it and when are not known (“{comment.text[:60]}…”)"
        )


def _comment_anchors(lines: list[str]) -> list[int]:
    """Indexes of the date lines that open a comment in the live layout (a date, then a name)."""
    return [
        i
        for i, line in enumerate(lines[:-1])
        if parse_date(line) is not None and _is_name(lines[i + 1])
    ]


def _split_question_block(block: list[str]) -> tuple[str, list[str]] | None:
    """A moderator's question post: the poster's name (when shown), then the question in one or
    more languages. None when the block is not a question."""
    poster = ""
    if len(block) > 1 and _is_name(block[0]) and not _is_question(block[0]):
        poster, block = block[0], block[1:]
    if not block or not _is_question(block[0]):
        return None
    return poster, block


def _add_question(page: ParsedPage, poster: str, block: list[str]) -> int:
    match = _NUMBERED_QUESTION.match(block[0])
    number = int(match.group("number")) if match else len(page.questions) + 1
    while number in page.questions:
        number += 1
    page.questions[number] = "\n".join([match.group("text") if match else block[0], *block[1:]])
    if poster:
        page.question_posters[number] = poster
    return number


def _same_name(label: str, name: str) -> bool:
    """A name as shown in a reply marker (often cut: "Migration Netw…") against a full one."""
    label = normalise_name(label.rstrip("…").rstrip(".").strip())
    name = normalise_name(name)
    return bool(label and name) and (name.startswith(label) or label.startswith(name))


def _parse_live(lines: list[str], anchors: list[int]) -> ParsedPage:
    page = ParsedPage(layout="live")
    start = next((i for i in range(anchors[0]) if _COMMENTS_START.match(lines[i])), None)
    head = lines[: start if start is not None else anchors[0]]
    head = [line for line in head if not _SECTION.match(line)]
    before_first = lines[start + 1 if start is not None else 0 : anchors[0]]
    if start is None:
        # No comments heading: the page starts inside the discussion (a cut page).
        head, before_first = [], before_first
    if head:
        page.title = head[0]
        page.welcome = "\n\n".join(
            line for line in head[1:] if line != page.title and not _WELCOME.match(line)
        )
    question: int | None = None
    if before_first:
        found = _split_question_block(before_first)
        if found:
            question = _add_question(page, *found)
        else:
            page.unplaced.append(
                f"{len(before_first)} line(s) before the first dated comment are neither a "
                f"question nor a comment (“{before_first[0][:60]}…”)"
            )
    known_names = set(page.question_posters.values())
    # A date line with no author after it still opens a comment; the page says so.
    with_author = set(anchors)
    bare = [i for i in range(anchors[0] + 1, len(lines)) if i not in with_author]
    bare = [i for i in bare if parse_date(lines[i]) is not None]
    anchors = sorted(with_author | set(bare))
    bounds = [*anchors, len(lines)]
    for k, anchor in enumerate(anchors):
        date = parse_date(lines[anchor])
        author = lines[anchor + 1] if anchor in with_author else ""
        body = lines[anchor + (2 if author else 1) : bounds[k + 1]]
        if not author:
            page.unplaced.append(f"comment dated {lines[anchor]}: no author line")
        comment = ParsedComment(byline=author, date=date, question=question)
        closer = next((i for i, line in enumerate(body) if _REPLY.match(line)), None)
        after: list[str] = []
        if closer is not None:
            comment.reply_to = _REPLY.match(body[closer]).group("who").strip()
            body, after = body[:closer], body[closer + 1 :]
        else:
            body, after = _trailing_question(body)
        mention = _mention(body, known_names | {c.byline for c in page.comments})
        if mention:
            label, body = mention
            comment.reply_to = comment.reply_to or label
        for line in body:
            match = _ON_BEHALF.match(line)
            if match and not comment.lines and not comment.stated_org:
                comment.stated_org = match.group("org").strip()
            elif _ATTACHED.match(line):
                comment.attachment = True
            else:
                comment.lines.append(line)
        if not comment.lines and not comment.attachment:
            page.unplaced.append(f"comment of {author} dated {lines[anchor]}: no text")
        else:
            _link_reply(page, comment)
            page.comments.append(comment)
            if author:
                known_names.add(author)
        if after:
            found = _split_question_block(after)
            if found:
                question = _add_question(page, *found)
                known_names.add(found[0])
            else:
                page.unplaced.append(
                    f"{len(after)} line(s) after the comment of {author} dated {lines[anchor]} "
                    f"could not be placed (“{after[0][:60]}…”)"
                )
    return page


def _trailing_question(body: list[str]) -> tuple[list[str], list[str]]:
    """A question post at the end of a comment's lines (a name, then a question)."""
    for i in range(len(body) - 2, 0, -1):
        if _is_name(body[i]) and _is_question(body[i + 1]):
            return body[:i], body[i:]
    return body, []


def _mention(body: list[str], names: set[str]) -> tuple[str, list[str]] | None:
    """The name of the person a comment answers, shown before its text: on a line of its own,
    or at the start of the first line ("Florence Kim The Roundtable should…")."""
    if len(body) > 1 and _is_name(body[0]):
        return body[0], body[1:]
    if body:
        for name in sorted((n for n in names if n), key=len, reverse=True):
            if body[0].startswith(name + " ") and body[0][len(name) + 1 : len(name) + 2].isupper():
                return name, [body[0][len(name) + 1 :], *body[1:]]
    return None


def _link_reply(page: ParsedPage, comment: ParsedComment) -> None:
    """Whom a reply answers: the latest earlier comment of that author on the page, else the
    question post it sits under (the only other posts of the page); else the name is kept."""
    if not comment.reply_to:
        return
    for index in range(len(page.comments) - 1, -1, -1):
        if _same_name(comment.reply_to, page.comments[index].byline):
            comment.reply_index = index
            return
    if comment.question is not None:
        comment.reply_to_question = True


def _parse_exported(lines: list[str]) -> ParsedPage:
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
            current.date = parse_date(match.group("date") or "")
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
