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

    return frozenset(name.lower() for name in Detector(case_sensitive=False).names)


def is_first_name(word: str) -> bool:
    return word.strip(".,;:()'’").lower() in _names()
