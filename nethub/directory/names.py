"""Normalising organisation names so that the many ways documents write one name compare equal."""

import re
import unicodedata

# Spelling variants that mean the same name, applied after case and accents are folded.
_ABBREVIATIONS = [
    (r"\bu\.\s?n\.?(?=\s|$)", "un"),
    (r"\bunited nations\b", "un"),
    (r"\bnations unies\b", "un"),
    (r"\bnaciones unidas\b", "un"),
    (r"\borganisation\b", "organization"),
    (r"\bprogramme\b", "program"),
    (r"\blabour\b", "labor"),
    (r"\bcentre\b", "center"),
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


def is_short_acronym(text: str) -> bool:
    """ "WHO", "ILO", "PAM": capitals only and short, so the same letters in lower case are an
    ordinary word ("who", "bit") and must not name the organisation."""
    letters = re.sub(r"[^\w]", "", text)
    return 1 < len(letters) <= 4 and letters.isupper()
