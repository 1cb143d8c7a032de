"""What the secretariat's check changed of each import is counted when the meeting is saved
(rows kept, corrected, removed and added, and the rules of those kept and removed), and shown
to the secretariat in all and import by import: the extraction measured on the network's own
documents."""

import csv
import io

import pytest
from django.urls import reverse

from nethub.meetings.models import ImportDraft, ImportOutcome, ImportOutcomeSection, Meeting
from nethub.meetings.services import import_draft_save, import_outcome_record
from nethub.meetings.tests.factories import MeetingFactory
from nethub.meetings.tests.review import review_data, upload

MINUTES = """Shelter working group minutes

14 March 2024

Present: Sara Lind (IOM), Jonas Berg (UNHCR)

1. Stock and pipeline

Action Point: IOM to share the pipeline figures by 22 March 2024.

Action Point: WFP to check the stock in the southern hubs by 29 March 2024.

Action Point: UNICEF to send the kit list by 5 April 2024.

2. Distribution map

Partners looked at the gaps in the north and agreed on a new map.
"""


def _row(review, name: str, key: str, text: str) -> int:
    return next(
        n for n, form in enumerate(review.formsets[name].forms) if text in (form[key].value() or "")
    )


def _checked(client, on_commit) -> tuple[dict, str]:
    response = upload(client, "shelter.txt", MINUTES.encode(), on_commit)
    page = client.get(response.url)
    review = page.context["review"]
    data = review_data(review)
    points = review.formsets["action_points"]
    assert len(points.forms) == 4  # three extracted, one blank
    data[f"action_points-{_row(review, 'action_points', 'text', 'WFP to check')}-DELETE"] = "on"
    data[f"action_points-{_row(review, 'action_points', 'text', 'UNICEF')}-owner"] = "UNHCR"
    start = MINUTES.index("agreed on a new map")
    data["action_points-3-text"] = "Partners to agree on a new map."
    data["action_points-3-agenda_item"] = "1"
    data["action_points-3-span"] = f"{start}:{start + 19}"
    data["names"] = "Mia Holm (WFP)"
    return data, response.url


def test_saving_a_checked_import_counts_what_the_check_changed(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    client.force_login(secretariat_user)
    data, url = _checked(client, django_capture_on_commit_callbacks)
    assert client.post(url, data).status_code == 302

    outcome = ImportOutcome.objects.get()
    assert outcome.meeting == Meeting.objects.get() and outcome.created_by == secretariat_user
    points = outcome.section_counts()["action_points"]
    counted = [getattr(points, name) for name in ImportOutcomeSection.COUNTS]
    # extracted, kept, corrected, removed, added, from the text
    assert counted == [3, 2, 1, 1, 1, 1] and points.changed == {"owner": 1}
    rules = {(r.section, r.rule): (r.kept, r.removed) for r in outcome.rules.all()}
    point_rules = [
        counts for (section, _rule), counts in rules.items() if section == "action_points"
    ]
    assert [sum(kept for kept, _ in point_rules), sum(gone for _, gone in point_rules)] == [2, 1]
    people = outcome.section_counts()["participants"]
    assert (people.extracted, people.kept, people.added) == (2, 2, 1)
    assert outcome.meeting_changed == []


def test_a_failed_save_counts_nothing_and_keeps_the_draft(
    client, reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    client.force_login(secretariat_user)
    response = upload(client, "shelter.txt", MINUTES.encode(), django_capture_on_commit_callbacks)
    draft = ImportDraft.objects.get()
    draft.outcome = {"sections": {}}
    draft.extraction = {**draft.extraction, "date": None}  # refused: no meeting date
    draft.save()
    with pytest.raises(Exception, match="meeting date"):
        import_draft_save(draft=draft, actor=secretariat_user)
    assert not ImportOutcome.objects.exists() and ImportDraft.objects.filter(pk=draft.pk).exists()
    assert client.get(response.url).status_code == 200


def _outcome(*, kept: int, extracted: int, added: int) -> dict:
    section = {"extracted": extracted, "kept": kept, "removed": extracted - kept, "added": added}
    return {
        "sections": {
            "action_points": {
                **section,
                "rules": {
                    "inline_action_label": {"kept": kept, "removed": 0},
                    "learned_action": {"kept": 0, "removed": extracted - kept},
                },
            },
            "participants": section,
        }
    }


def _record(filename: str, meeting=None, **counts) -> ImportOutcome:
    return import_outcome_record(
        meeting=meeting, filename=filename, actor=None, outcome=_outcome(**counts)
    )


def test_the_outcomes_page_sums_the_checks_and_lists_each_import(client, secretariat_user):
    client.force_login(secretariat_user)
    empty = client.get(reverse("meetings:import_outcomes"))
    assert empty.status_code == 200 and "No import has been checked yet." in empty.text
    _record("a.docx", kept=3, extracted=4, added=1)
    _record("b.pdf", kept=5, extracted=6, added=3)
    page = client.get(reverse("meetings:import_outcomes"))
    totals = dict(page.context["totals"]["sections"])
    points = totals["Action points"]
    assert (points.extracted, points.kept, points.removed, points.added) == (10, 8, 2, 4)
    assert (points.kept_percent, points.found_percent) == (80, 67)
    assert totals["Decisions"].kept_percent is None
    rules = {row["rule"]: row for row in page.context["totals"]["rules"]["action_points"]}
    assert rules["inline_action_label"]["kept"] == 8 and rules["learned_action"]["removed"] == 2
    assert (
        "80%" in page.text and "b.pdf" in page.text and "<code>learned_action</code>" in page.text
    )

    export = client.get(reverse("meetings:import_outcomes_export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    header = rows[0]
    assert [row[1] for row in rows[1:]] == ["b.pdf", "a.docx"]
    assert rows[1][header.index("action_points_added")] == "3"
    assert client.get(reverse("meetings:import_outcomes_export", args=["pdf"])).status_code == 404


def test_the_outcomes_page_costs_the_same_queries_for_60_imports_as_for_3(
    client, secretariat_user, reference_data, django_assert_max_num_queries
):
    client.force_login(secretariat_user)
    meeting = MeetingFactory()

    def make(count):
        for n in range(count):
            _record(f"{n}.txt", meeting, kept=1, extracted=2, added=0)

    make(3)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("meetings:import_outcomes"))
    make(57)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("meetings:import_outcomes"))
    assert page.context["totals"]["imports"] == 60
    assert dict(page.context["totals"]["sections"])["Action points"].extracted == 120


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "member_state", "focal_point"])
def test_the_outcomes_are_for_the_secretariat(client, users_by_role, role):
    if role != "anonymous":
        client.force_login(users_by_role[role])
    assert client.get(reverse("meetings:import_outcomes")).status_code == 403
    export = reverse("meetings:import_outcomes_export", args=["csv"])
    assert client.get(export).status_code == 403
