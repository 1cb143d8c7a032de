"""Whether a word is a first name, from the name dictionary `gender-guesser` ships (61,000
first names of many countries; only the names are read, never a gender). A phrase of
capitalised words whose first word is no first name ("Durham Wildlife Trust", "Herts Police")
is more likely a body than a person; the dictionary lacks many names of some regions, so it is
evidence for the learned reader, never a rule on its own.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    from gender_guesser.detector import Detector

    return frozenset(name.lower() for name in Detector(case_sensitive=False).names) | _MORE


# Everyday forms of Spanish, Galician and Basque first names that the dictionary lacks ("Chema"
# is José María, "Angelines" Ángeles), as minutes of associations write them.
_MORE = frozenset(
    [
        "chema",
        "txema",
        "angelines",
        "charo",
        "merche",
        "marité",
        "kike",
        "loli",
        "puri",
        "anxelo",
        "xoan",
        "xabier",
        "maripaz",
        "mariló",
        "chelo",
        "nieves",
        "reme",
        "trini",
    ]
)


def is_first_name(word: str) -> bool:
    return word.strip(".,;:()'’").lower() in _names()
