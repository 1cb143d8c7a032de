"""List the interface strings not yet translated (or marked fuzzy) in nethub's catalogues.

Every catalogue counts: the foundation's (`nethub/locale/`) and each app's own
(`nethub/<app>/locale/`). Usage: .venv/bin/python scripts/translations_check.py [LOCALE ...]
(default: fr es). Run `make messages` first so the catalogues hold every string.
Exits 1 if any string is missing or a locale has no catalogue at all."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "nethub"
LOCALES = ["fr", "es"]


def catalogues(locale: str) -> list[Path]:
    """The django.po of `locale` in nethub/locale and in every app's locale/ directory."""
    return sorted(PACKAGE_DIR.glob(f"**/locale/{locale}/LC_MESSAGES/django.po"))


def untranslated(po_file: Path) -> list[str]:
    """msgids whose translation is empty or fuzzy (the header excluded)."""
    missing: list[str] = []
    for block in po_file.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("#~")]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields: dict[str, str] = {}
        current = None
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
            else:
                keyword, _, value = line.partition(" ")
                current = keyword
                fields[current] = ast.literal_eval(value) if value else ""
        msgid = fields.get("msgid")
        if not msgid:
            continue
        translations = [value for key, value in fields.items() if key.startswith("msgstr")]
        if fuzzy or not translations or not all(translations):
            missing.append(msgid)
    return missing


def main(locales: list[str]) -> int:
    failed = False
    for locale in locales:
        po_files = catalogues(locale)
        if not po_files:
            print(f"{locale}: no catalogue under {PACKAGE_DIR}")
            failed = True
            continue
        for po_file in po_files:
            missing = untranslated(po_file)
            print(f"{locale}: {po_file.relative_to(ROOT)}: {len(missing)} untranslated")
            for msgid in missing:
                print(f"  {msgid!r}")
            failed = failed or bool(missing)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or LOCALES))
