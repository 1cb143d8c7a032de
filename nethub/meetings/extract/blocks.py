"""Rule 1: text as documents give it -> logical blocks (paragraphs, list items, headings).

Text pulled out of PDFs breaks lines at the page width, sometimes with a blank line after every
line; Markdown marks headings with `#` and `**`. Every later rule works on the blocks this module
returns, so they never see those differences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A list marker at the start of a line: bullets, dashes, "1.", "1)", "a)", "(a)", "(i)", "i.".
# "1: MoE to share ..." numbers an item as "1." does (a time has no space after its colon).
LIST_MARKER = re.compile(
    r"^\s*(?:[•●○◦▪▫■□‣⁃∙·\-–—*+»>✓✔➢►▶❖◆◇\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8]|o(?=\s)|\(?\d{1,2}[.)]|\d{1,2}:(?=\s+[A-Z])|\(?[a-hA-H][.)](?=\s)"
    r"|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)](?=\s))\s+"
)
_TERMINAL = ".:;!?…"
# Labels of the attendance's parts (the absent too), which start a line of their own even in
# wrapped text (the labels that open an attendance are in `labels`).
ATTENDANCE_PART_LABEL = re.compile(
    r"^(?:(?:co-?|vice-?)?chair(?:person)?s?|(?:ec\s+|network\s+)?members|principals|"
    r"un\s+entities|(?:network\s+)?secretariat|also\s+(?:present|attending)|observers?|"
    r"co-?leads?|(?:ec\s+|network\s+)?focal\s+points?|apologies|regrets|excused|absent)"
    r"\s*:\s+\S",
    re.I,
)


@dataclass
class Block:
    text: str
    bullet: bool = False  # a list item (its marker removed)
    marker: str = ""
    emphasised: bool = False  # the whole block was a Markdown heading or bold/italic
    md_heading: bool = False
    indent: int = 0  # a list item's leading spaces (a deeper one details the item above)


def strip_markdown(line: str) -> tuple[str, bool, bool]:
    """The line without Markdown decoration; whether it was a `#` heading; whether all of it
    was bold or italic."""
    heading = bool(re.match(r"^\s{0,3}#{1,6}\s", line))
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
    stripped = line.strip()
    emphasised = bool(re.fullmatch(r"(\*\*|__|\*|_)(?=\S).+?(?<=\S)\1[:.]?", stripped))
    line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
    line = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", line)
    line = re.sub(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)", r"\1", line)
    line = line.replace("**", "")
    line = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", line)
    return line, heading, emphasised


def _wrap_width(lines: list[str]) -> int | None:
    """The width at which a PDF wrapped its lines, or None when lines are whole paragraphs.

    Wrapped text has many long lines of similar length that end mid-sentence."""
    lengths = sorted(len(line) for line in lines if len(line.strip()) > 0)
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    long_open = [
        line
        for line in lines
        if len(line.strip()) >= 0.7 * width and line.rstrip()[-1:] not in _TERMINAL
    ]
    # Pages hold 60 characters a line or more; a few long lines make no wrapping.
    if 60 <= width <= 130 and len(long_open) >= max(5, 0.15 * len([x for x in lines if x.strip()])):
        return width
    return None


def split_blocks(text: str) -> list[Block]:
    """Logical blocks of `text`, with PDF line wrapping undone and Markdown removed."""
    raw_lines = [line.rstrip() for line in text.replace("\r", "").replace("\f", "\n").split("\n")]
    raw_lines = drop_page_furniture(raw_lines)
    vocabulary = _vocabulary(text)
    width = _wrap_width(raw_lines)
    spaced = _double_spaced(raw_lines)
    blocks: list[Block] = []
    last_raw = ""  # the last physical line added to blocks[-1]
    gap = False  # blank lines since that line
    open_bold = False
    lone_marker = ""
    for raw in raw_lines:
        if not raw.strip():
            gap = True
            continue
        if re.fullmatch(r"\s*(?:[•●▪\-–*]|\d{1,2}[.)])\s*", raw):
            lone_marker = raw.strip()  # "- " then the item's text on the next line
            continue
        if lone_marker:
            raw, lone_marker = f"{lone_marker} {raw.strip()}", ""
        line, heading, emphasised = strip_markdown(raw)
        line = line.strip()
        if open_bold and blocks:
            blocks[-1].text = _join(blocks[-1].text, line, vocabulary)
            if raw.count("**") % 2 == 1:
                open_bold = False
                blocks[-1].emphasised = True
            last_raw, gap = raw, False
            continue
        open_bold = raw.strip().startswith("**") and raw.count("**") % 2 == 1
        marker_match = LIST_MARKER.match(line)
        is_bullet = bool(marker_match) and not _is_date_like(line)
        if (
            blocks
            and not is_bullet
            and not heading
            and _continues(blocks[-1], last_raw, line, width, gap, spaced=spaced)
        ):
            blocks[-1].text = _join(blocks[-1].text, line, vocabulary)
        elif is_bullet:
            item = line[marker_match.end() :].strip()
            nested = LIST_MARKER.match(item)  # "* (i) text": the inner marker numbers the item
            if nested and not _is_date_like(item):
                item = item[nested.end() :].strip()
            blocks.append(
                Block(
                    item,
                    bullet=True,
                    marker=marker_match.group(0).strip(),
                    emphasised=emphasised,
                    indent=len(raw) - len(raw.lstrip()),
                )
            )
        else:
            blocks.append(Block(line, emphasised=emphasised, md_heading=heading))
        last_raw, gap = raw, False
    return [
        Block(
            re.sub(r"\s+", " ", b.text).strip(),
            b.bullet,
            b.marker,
            b.emphasised,
            b.md_heading,
            b.indent,
        )
        for b in blocks
        if b.text.strip()
    ]


PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+)?[-–]?\s*\d{1,3}\s*(?:(?:of|/)\s*\d{1,3})?\s*[-–]?\s*$", re.I
)
# A running footer or header that names its page: "UN Network ... summary      Page 1 of 2".
RUNNING_PAGE = re.compile(
    r"(?:^|\s)(?:page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|\s[-–]\s?\d{1,3}\s?[-–])\s*$", re.I
)


def drop_page_furniture(lines: list[str]) -> list[str]:
    """Page numbers, and short lines a PDF repeats on every page (running headers and
    footers), are not part of the text. Headings like "Action points:" repeat too, so only
    lines seen three times or more that are no label are dropped."""
    counts: dict[str, int] = {}
    for line in lines:
        key = line.strip()
        if key:
            counts[key] = counts.get(key, 0) + 1
    kept = []
    for line in lines:
        key = line.strip()
        if key and (PAGE_NUMBER.match(line) or (len(key) < 140 and RUNNING_PAGE.search(key))):
            continue
        if (
            key
            and counts[key] >= 3
            and len(key) < 80
            and not key.endswith(":")
            and not (
                LIST_MARKER.match(key) or re.search(r"action|follow|decision|next step", key, re.I)
            )
        ):
            continue
        kept.append(line)
    return kept


# A list of people written SURNAME first, cut between a surname and its first name.
_SURNAME_AT_END = re.compile(r"[,:]\s*(?:(?:LE|LA|DE|DU)\s+)?[A-ZÀ-Þ][A-ZÀ-Þ'’-]+$")
_FIRST_NAME_ALONE = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?,?")


def _first_name_alone(line: str) -> bool:
    from nethub.meetings.extract.people.first_names import is_first_name

    return bool(_FIRST_NAME_ALONE.fullmatch(line)) and is_first_name(line.rstrip(","))


def _continues(
    previous: Block, last_raw: str, line: str, width: int | None, gap: bool, *, spaced: bool = False
) -> bool:
    """Whether `line` carries on the block before it rather than starting a new one."""
    last = last_raw.rstrip()
    if last.endswith("-") and not last.endswith(" -") and not previous.emphasised:
        return True  # a word cut at its hyphen: "multi-" / "stakeholder"
    if re.match(r"^[A-Z][^.:]{0,40}:$", line):
        return False  # "Present:", "Action points:": a label starts its own block
    if not gap and _SURNAME_AT_END.search(last) and _first_name_alone(line):
        return True  # "..., LEFEBVRE" / "Claire": a SURNAME-first name cut at the line
    if re.match(r"^(?:H\.\s?E\.|Mr|Ms|Mrs|Dr|Prof)\.?\s+[A-Z]", line):
        return False  # "Ms. Vera Moss, ..." starts the next person of a list
    if " | " in line or " | " in last:
        return False  # table rows are whole lines: "Action | Responsible | Deadline"
    if re.match(r"^[A-Z][A-Za-z&.-]{1,15}\s*(?:[–—]|\s-|:)\s+[A-Z]", line):
        return False  # "UNHCR – Ama Owusu, ...", "WHO: ...": an organisation's people begin
    if ATTENDANCE_PART_LABEL.match(line):
        return False  # "EC members: ...", "Regrets: ...": the next part of the attendance
    if gap and len(line.split()) <= 4 and line[:1].isupper() and line[-1:] not in _TERMINAL:
        return False  # "Participants", "Next steps" after a blank line: a label of its own
    if gap and re.match(r"^(?:agenda\s+)?item\s+\d{1,2}\b", line, re.I):
        return False  # "Agenda item 1. ..." after a blank line opens an item, however wide
    if gap and width and not spaced and _heading_like(line, width):
        return False
    starts_lower = line[:1].islower() or line[:1] in "(%$"
    ends_open = previous.text[-1:] not in ".:!?"
    if starts_lower and ends_open and not previous.md_heading:
        return True  # "... yet is only 10% funded;" / "and"
    if (
        width
        and len(last) >= 0.6 * width
        and last[-1:] not in _TERMINAL
        and not last.endswith("  ")
    ):
        # Cut at the page width: a capital on the next line is a new line only when the cut
        # one was clearly short of the width (a name in a list, a heading).
        return starts_lower or line[:1].isdigit() or len(last) >= 0.8 * width
    # A paragraph cut by a page break: "... stay in a" / "country. They ...".
    return bool(
        gap and not width and len(previous.text) >= 150 and re.search(r"[a-z,]$", previous.text)
    )


def _double_spaced(lines: list[str]) -> bool:
    """Whether a blank line follows nearly every line (some PDFs give text so): then a blank
    line says nothing about where a paragraph ends."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 8:
        return False
    followed = sum(1 for i in filled if i + 1 < len(lines) and not lines[i + 1].strip())
    return followed >= 0.6 * len(filled)


def _heading_like(line: str, width: int) -> bool:
    """Rule: after a blank line, in wrapped text, a capitalised line clearly short of the page
    width that ends without punctuation and has no comma is a heading ("Preparations for the
    regional review"), not the rest of a long line cut at the width before it."""
    return (
        line[:1].isupper()
        and line[-1:] not in _TERMINAL + ","
        and "," not in line
        and len(line) < 0.75 * width
    )


def _is_date_like(line: str) -> bool:
    # "15. March" or "1) ..." are markers, but "15.00 – 16.00h" is a time, not a list item.
    return bool(re.match(r"^\s*\d{1,2}[.:]\d{2}", line))


def _join(left: str, right: str, vocabulary: frozenset[str] = frozenset()) -> str:
    if left.endswith("-") and not left.endswith(" -") and right[:1].isalnum():
        # "multi-" + "stakeholder", "COVID-" + "19": the hyphen belongs to the word;
        # "devel-" + "oped": a word cut at the line's end, whose hyphen goes.
        if _cut_word(left, right, vocabulary):
            return left[:-1] + right
        return left + right
    return f"{left} {right}"


# Rule: a hyphen at a line's end. Compounds start with these words or end with these, so their
# hyphen stays ("multi-stakeholder", "rights-based"); other words cut at the line's end
# ("Secre-" / "tariat") lose it, and so does any word the document also writes whole.
_COMPOUND_FIRST = frozenset(
    re.findall(
        r"\S+",
        "multi co non inter intra self cross pre post re sub well follow anti socio long short "
        "high low mid large small child gender human rights evidence cost time full part "
        "whole year community people state country region regional national "
        "cross-border sub-regional top bottom up down first second third fourth fifth half",
    )
)
_COMPOUND_LAST = frozenset(
    re.findall(
        r"\S+",
        "based led related specific sensitive level term up making wide owned driven friendly "
        "centred centered oriented focused responsive informed bound affected day",
    )
)


def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower()))


def _cut_word(left: str, right: str, vocabulary: frozenset[str]) -> bool:
    head = re.search(r"([A-Za-z]+)-$", left)
    tail = re.match(r"[a-z]+", right)
    if not head or not tail:
        return False  # "COVID-" + "19", "Member-" + "States": no cut word
    first, last = head.group(1).lower(), tail.group(0)
    if f"{first}-{last}" in vocabulary:
        return False
    whole = first + last
    if whole in vocabulary or whole.rstrip("s") in vocabulary:
        return True
    return first not in _COMPOUND_FIRST and last not in _COMPOUND_LAST
