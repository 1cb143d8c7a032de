"""List the interface strings not yet translated (or marked fuzzy) in nethub's catalogues.

Every catalogue counts: the foundation's (`nethub/locale/`) and each app's own
(`nethub/<app>/locale/`). Gettext has one namespace per language: Django merges these
catalogues, `nethub/locale` first, then the apps in INSTALLED_APPS order, so a msgid found in two
catalogues with two translations shows only one of them everywhere; such clashes are listed too
(give the string a context, `pgettext`/`{% translate "..." context "..." %}`, when the meanings
differ). Usage: .venv/bin/python scripts/translations_check.py [LOCALE ...] (default: fr es).
Run `make messages` first so the catalogues hold every string. Exits 1 on any problem."""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "nethub"
LOCALE_DIR = PACKAGE_DIR / "locale"  # the foundation's catalogue (site frame, core, accounts...)
LOCALES = ["fr", "es"]


@dataclass(frozen=True)
class Entry:
    context: str
    msgid: str
    msgid_plural: str
    translations: tuple[str, ...]
    fuzzy: bool


def catalogues(locale: str) -> list[Path]:
    """The django.po of `locale` in nethub/locale and in every app's locale/ directory."""
    return sorted(PACKAGE_DIR.glob(f"**/locale/{locale}/LC_MESSAGES/django.po"))


def entries(po_file: Path) -> list[Entry]:
    """The catalogue's messages, obsolete ones (#~) and the header excluded."""
    found: list[Entry] = []
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
        if not fields.get("msgid"):
            continue
        translations = tuple(
            value for key, value in sorted(fields.items()) if key.startswith("msgstr")
        )
        found.append(
            Entry(
                context=fields.get("msgctxt", ""),
                msgid=fields["msgid"],
                msgid_plural=fields.get("msgid_plural", ""),
                translations=translations,
                fuzzy=fuzzy,
            )
        )
    return found


def untranslated(po_file: Path) -> list[str]:
    """msgids whose translation is empty or fuzzy (the header excluded)."""
    return [
        entry.msgid
        for entry in entries(po_file)
        if entry.fuzzy or not entry.translations or not all(entry.translations)
    ]


def clashes(locale: str) -> dict[tuple[str, str], dict[str, tuple[str, ...]]]:
    """(context, msgid) that catalogues of `locale` translate differently: catalogue -> msgstr."""
    seen: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}
    for po_file in catalogues(locale):
        name = str(po_file.relative_to(PACKAGE_DIR).parents[2])
        for entry in entries(po_file):
            if entry.translations and all(entry.translations):
                seen.setdefault((entry.context, entry.msgid), {})[name] = entry.translations
    return {key: by_file for key, by_file in seen.items() if len(set(by_file.values())) > 1}


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
        clashing = clashes(locale)
        print(f"{locale}: {len(clashing)} msgids translated differently by two catalogues")
        for (context, msgid), by_file in clashing.items():
            label = f"{context}|{msgid}" if context else msgid
            print(
                f"  {label!r}: "
                + "; ".join(f"{name}: {' / '.join(t)}" for name, t in by_file.items())
            )
        failed = failed or bool(clashing)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or LOCALES))
