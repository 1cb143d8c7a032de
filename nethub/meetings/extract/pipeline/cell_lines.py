"""Rule: a table flattened one cell a line. Its header's words come one a line ("Action",
"Responsible", "Deadline"; "Name", "Organisation"), then each row's cells in turn, one a line.
Read back into rows written with bars ("Action | Responsible | Deadline"), it is read as any
other action or attendance table."""

from __future__ import annotations

import re
from dataclasses import replace

from nethub.meetings.extract.blocks import Block
from nethub.meetings.extract.labels import ACTION_HEADING_LINE
from nethub.meetings.extract.participants import table_header
from nethub.meetings.extract.people.person_names import person_name
from nethub.meetings.extract.pipeline.listed_points import table_columns

# Columns a table may have besides those read: "No.", "Status", "Comments".
_OTHER_COLUMN = re.compile(r"(?:no\.?|#|s/?n|status|comments?|remarks?|progress)", re.I)
_WIDEST = 6


def rows_from_cell_lines(blocks: list[Block]) -> list[Block]:
    """The blocks, each table flattened one cell a line joined back into its rows."""
    out, index = [], 0
    while index < len(blocks):
        width, name_at = _header(blocks, index)
        rows = _rows(blocks, index + width, width, name_at) if width else []
        if not rows:
            out.append(blocks[index])
            index += 1
            continue
        header = blocks[index : index + width]
        out.append(replace(header[0], text=" | ".join(b.text for b in header), bullet=False))
        for start in range(index + width, index + width * (len(rows) + 1), width):
            cells = blocks[start : start + width]
            out.append(replace(cells[0], text=" | ".join(b.text for b in cells), bullet=False))
        index += width * (len(rows) + 1)
    return out


def _header(blocks: list[Block], index: int) -> tuple[int, int | None]:
    """How many lines from `index` are a table's header, one column name a line (0: none), and
    where an attendance table's header puts the names (None for an action table)."""
    for width in range(min(_WIDEST, len(blocks) - index), 1, -1):
        cells = [b.text.strip().rstrip(":") for b in blocks[index : index + width]]
        if any(" | " in cell or len(cell.split()) > 3 for cell in cells):
            continue
        header = " | ".join(cells)
        named = [c for c in cells if not _OTHER_COLUMN.fullmatch(c)]
        actions = table_columns(header)
        if table_header(" | ".join(named)) or (
            actions and len(actions) >= 2 and len(actions) == len(named)
        ):
            columns = table_header(header)
            return width, columns.index("name") if columns else None
    return 0, None


def _rows(blocks: list[Block], start: int, width: int, name_at: int | None) -> list[list[Block]]:
    """The rows after a header: groups of `width` lines, while each is short enough to be a
    cell (a paragraph, a heading or another table's header ends the table)."""
    rows = []
    while start + width <= len(blocks) and not _header(blocks, start)[0]:
        cells = blocks[start : start + width]
        if any(_ends_table(b) for b in cells):
            break
        if name_at is not None and person_name(cells[name_at].text, loose=True) is None:
            break  # an attendance table ends at its first row without a name ("Agenda")
        rows.append(cells)
        start += width
    return rows


def _ends_table(block: Block) -> bool:
    """A paragraph, a heading or the label of another part ("Action Points") is no cell."""
    text = block.text.strip()
    return (
        len(text.split()) > 40
        or block.md_heading
        or " | " in text
        or bool(ACTION_HEADING_LINE.match(text))
    )
