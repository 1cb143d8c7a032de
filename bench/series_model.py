"""Whether the learned action model gains from the network's own checked imports: minutes of
one series (one body's meetings, written the same way) read with a member trained on the
series' other minutes, against the extractor as it stands.

Series are the real documents (bench/meetings_real.json, texts in NETHUB_REAL_MINUTES_DIR)
whose file names differ only by their date and collection prefix, three or more to a series.
Each document is scored leave-one-out: a member is fitted on the series' other documents only
(their annotations stand for the spans the secretariat confirms on the review page), averaged
with the stored members (`learned.Ensemble`), and the document is extracted with and without
it. The last line is key=value.

    .venv/bin/python bench/series_model.py [--heldout-round N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import action_model  # noqa: E402  (sets Django up)
import extraction as bench  # noqa: E402

from nethub.meetings.extract import learned  # noqa: E402

_DATED = re.compile(
    r"-(?:\d{4}(?:-\d{2}){0,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-\d{4}|"
    r"undated|0000-00-00)$"
)


MINIMUM = 3


def series_key(name: str) -> str:
    """ "ay-siret-coordination-2022-05-26.txt" -> "siret-coordination"."""
    stem = name.rsplit(".", 1)[0].split("-", 1)[1]
    return _DATED.sub("", stem)


def series(docs: list[dict], minimum: int = MINIMUM) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        if doc["real"] and doc["action_points"]:
            groups[series_key(doc["path"].name)].append(doc)
    return {key: group for key, group in groups.items() if len(group) >= minimum}


def totals(doc: dict, candidate, resolver) -> dict[str, int]:
    with learned.using(candidate):
        return bench.score(doc, bench.extract_meeting(doc["text"], resolver=resolver))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--heldout-round", type=int)
    parser.add_argument("--minimum", type=int, default=MINIMUM, help="documents to a series")
    args = parser.parse_args()
    docs = action_model.documents(args.heldout_round)
    resolver = bench.OrganizationResolver.from_reference_data()
    stored = learned.load_members(learned.member_files())
    members = stored.members if isinstance(stored, learned.Ensemble) else (stored,)
    groups = series(docs, args.minimum)
    held = [doc for group in groups.values() for doc in group]
    print(f"{len(groups)} series, {len(held)} documents with action points")
    before: list[dict] = []
    after: list[dict] = []
    for group in groups.values():
        for doc in group:
            others = [d for d in group if d is not doc]
            local = action_model.fit(others, threshold=members[-1].threshold)
            before.append(totals(doc, stored, resolver))
            after.append(totals(doc, learned.Ensemble((*members, local)), resolver))
    figures = {}
    for name, runs in (("stored", before), ("with_series", after)):
        summed = {f"{f}_{k}": 0 for f in bench.FIELDS for k in ("tp", "pred", "gold")}
        for run in runs:
            for key, value in run.items():
                if key in summed:
                    summed[key] += value
        result = bench.figures(summed)
        figures[name] = result
        print(f"[{name}] ap F1={result['ap_f1']:.3f} owner F1={result['owner_f1']:.3f}")
    print(
        f"series={len(groups)} documents={len(held)} "
        f"stored_ap_f1={figures['stored']['ap_f1']:.3f} "
        f"with_series_ap_f1={figures['with_series']['ap_f1']:.3f} "
        f"stored_owner_f1={figures['stored']['owner_f1']:.3f} "
        f"with_series_owner_f1={figures['with_series']['owner_f1']:.3f}"
    )


if __name__ == "__main__":
    main()
