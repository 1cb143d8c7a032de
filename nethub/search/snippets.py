"""Highlighted snippets: the passage text around the first query term, HTML-escaped, with the
query's words (and their inflections) wrapped in <mark>. Never trusts the text."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from nethub.search.keyword import query_terms

STOP_WORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "de", "des", "du", "en", "et", "for"}
    | {"from", "in", "is", "la", "le", "les", "of", "on", "or", "the", "to", "un", "une", "with"}
)


def _stem(term: str) -> str:
    """A crude prefix, so "remittance" marks "remittances" as the stemming index found it."""
    return term[: max(4, len(term) - 2)] if len(term) > 5 else term


def term_pattern(query: str) -> re.Pattern | None:
    stems = sorted(
        {_stem(term) for term in query_terms(query) if term not in STOP_WORDS and len(term) > 1},
        key=len,
        reverse=True,
    )
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")\w*", re.IGNORECASE)


def highlight(text: str, query: str, *, words: int = 40) -> SafeString:
    """About `words` words of `text` around the first match, escaped, matches marked."""
    text = " ".join((text or "").split())
    pattern = term_pattern(query)
    first = pattern.search(text) if pattern else None
    start = 0
    if first:
        before = text[: first.start()].split()
        start = len(" ".join(before[: max(0, len(before) - words // 3)]))
    tokens = text[start:].split(" ")
    window = " ".join(tokens[:words]).strip()
    prefix = "… " if start else ""
    suffix = " …" if len(tokens) > words else ""
    if not pattern:
        return mark_safe(escape(prefix + window + suffix))  # noqa: S308
    out, position = [], 0
    for match in pattern.finditer(window):
        out.append(escape(window[position : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    out.append(escape(window[position:]))
    return mark_safe(escape(prefix) + "".join(out) + escape(suffix))  # noqa: S308
