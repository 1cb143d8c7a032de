"""Writes nethub/meetings/extract/data/segments.json, the classifier's training data: the
segments of the summaries written in this repository (bench/data/meetings), labelled by the rule
table; segments no rule claims are "discussion" (long) or "other" (short). Real minutes never
go in. Run: .venv/bin/python scripts/meetings_training_data.py
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nethub.settings.test")

import django  # noqa: E402

django.setup()

from nethub.ingest.extract import extract_text  # noqa: E402
from nethub.meetings.extract.rules import label_segments  # noqa: E402
from nethub.meetings.extract.segments import DISCUSSION, OTHER, segment  # noqa: E402

rows = []
for path in sorted((ROOT / "bench" / "data" / "meetings").iterdir()):
    document = segment(extract_text(path.read_bytes(), filename=path.name).text)
    label_segments(document)
    for seg in document.segments:
        label = seg.label if seg.rule else (DISCUSSION if len(seg.text.split()) > 8 else OTHER)
        rows.append({"label": label, "text": seg.text})
target = ROOT / "nethub" / "meetings" / "extract" / "data" / "segments.json"
target.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
print(len(rows), "segments")
