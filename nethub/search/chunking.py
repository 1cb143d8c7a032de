"""Cutting long texts into passages of about 100-150 words on paragraph and sentence
boundaries: small enough for the embedding model (256 word pieces), big enough to be read."""

from __future__ import annotations

import re

MAX_WORDS = 150
_PARAGRAPHS = re.compile(r"\n\s*\n")
_SENTENCES = re.compile(r"(?<=[.!?;:])\s+")


def _units(text: str, max_words: int) -> list[str]:
    """Paragraphs, with those longer than `max_words` split into sentences (and sentences
    longer than that into runs of words)."""
    units = []
    for paragraph in _PARAGRAPHS.split(text):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        if len(paragraph.split()) <= max_words:
            units.append(paragraph)
            continue
        for sentence in _SENTENCES.split(paragraph):
            words = sentence.split()
            for start in range(0, len(words), max_words):
                units.append(" ".join(words[start : start + max_words]))
    return units


def chunk_text(text: str, *, max_words: int = MAX_WORDS) -> list[str]:
    """Consecutive units merged into chunks of at most `max_words` words; a short last chunk
    joins the previous one when they fit together."""
    chunks: list[list[str]] = []
    sizes: list[int] = []
    for unit in _units(text or "", max_words):
        size = len(unit.split())
        if chunks and sizes[-1] + size <= max_words:
            chunks[-1].append(unit)
            sizes[-1] += size
        else:
            chunks.append([unit])
            sizes.append(size)
    return ["\n\n".join(chunk) for chunk in chunks]
