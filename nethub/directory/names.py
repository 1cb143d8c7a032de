"""Normalising organisation names so that the many ways documents write one name compare equal."""

import re
import unicodedata

_ABBREVIATIONS = [
    (r"\bunited nations\b", "un"),
    (r"\bu\.n\.\b", "un"),
    (r"\borganisation\b", "organization"),
    (r"\bprogramme\b", "program"),
    (r"\b&\b", "and"),
]


def normalise_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for an organisation name."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("’", "'").replace("&", " and ")
    for pattern, replacement in _ABBREVIATIONS:
        text = re.sub(pattern, replacement, text)
    text = re.sub(r"[^\w]+", " ", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()
