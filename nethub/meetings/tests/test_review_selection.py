"""What the extraction missed, added from the document's text on the import review: the
selection is read (task without its label, owner, due date against the meeting's date, the
agenda item it stands under), and a row added from it keeps where in the text it came from."""

import datetime

import pytest
from django.urls import reverse

from nethub.meetings.extract import read_task
from nethub.meetings.models import ImportDraft, Meeting
from nethub.meetings.tests.review import review_data, upload

# The second item's discussion holds a task no label announces ("... was asked to ..."),
# written so that the test chooses it by hand whatever the extractor makes of it.
MINUTES = """Shelter working group minutes

14 March 2024

Present: Sara Lind (IOM), Jonas Berg (UNHCR)

1. Stock and pipeline

Action Point: IOM to share the pipeline figures by 22 March 2024.

2. Distribution map

Partners looked at the gaps in the north. In passing, UNHCR offered to redraw the map of \
the northern hubs by 5 April 2024, which partners welcomed.
"""
CHOSEN = "UNHCR offered to redraw the map of the northern hubs by 5 April 2024"


def _selection(client, draft, **params):
    return client.get(reverse("meetings:import_selection", args=[draft.pk]), params)


@pytest.fixture
def review(client, reference_data, secretariat_user, django_capture_on_commit_callbacks):
    client.force_login(secretariat_user)
    response = upload(client, "shelter.txt", MINUTES.encode(), django_capture_on_commit_callbacks)
    return response.url, ImportDraft.objects.get()


@pytest.mark.parametrize(
    "written, task, owner, due",
    [
        (
            "- Action point: UNHCR to share the revised note by 22 March.",
            "UNHCR to share the revised note by 22 March.",
            "UNHCR",
            "2024-03-22",
        ),
        ("2. IOM will circulate the draft before the next meeting", None, "IOM", None),
        ("The support team will prepare a paper by\nend of May 2024.", None, None, "2024-05-31"),
        ("Comments were welcomed.", None, None, None),
    ],
)
def test_a_chosen_task_is_read_without_its_label_with_its_owner_and_due_date(
    reference_data, written, task, owner, due
):
    point = read_task(written, meeting_date=datetime.date(2024, 3, 14))
    if task:
        assert point.text == task
    assert "\n" not in point.text and not point.text.startswith(("-", "2."))
    assert (point.owner, point.due_date) == (owner, due)
    assert point.source_sentence == written.strip() and point.rule == "chosen_in_the_review"


def test_a_selection_is_read_against_the_date_on_the_page_under_its_agenda_item(client, review):
    _url, draft = review
    start = draft.text.index(CHOSEN)
    read = _selection(client, draft, start=start, end=start + len(CHOSEN)).json()
    assert read["text"] == CHOSEN and read["owner"] == "UNHCR"
    assert read["due"] == "2024-04-05"
    titles = [item["title"] for item in draft.extraction["agenda_items"]]
    assert titles[int(read["agenda_item"])] == "Distribution map"
    # Read against the date as corrected on the page: a deadline before it is no due date.
    later = _selection(client, draft, start=start, end=start + len(CHOSEN), date="2024-05-02")
    assert later.json()["due"] == "" and later.json()["owner"] == "UNHCR"
    first = draft.text.index("IOM to share")
    read = _selection(client, draft, start=first, end=first + 20).json()
    assert titles[int(read["agenda_item"])] == "Stock and pipeline"


@pytest.mark.parametrize(
    "params, reason",
    [
        ({"start": "5", "end": "5"}, "not in the document"),
        ({"start": "0", "end": "999999"}, "not in the document"),
        ({"start": "-1", "end": "4"}, "greater than or equal to 0"),
        ({"start": "x", "end": "4"}, "whole number"),
        ({"start": "0", "end": "4", "date": "14/03/2024"}, "valid date"),
        ({"start": "0"}, "required"),
    ],
)
def test_a_selection_outside_the_text_or_malformed_is_refused_with_the_reason(
    client, review, params, reason
):
    _url, draft = review
    response = _selection(client, draft, **params)
    assert response.status_code == 400 and reason in response.json()["error"]


def test_a_selection_longer_than_one_task_is_refused(client, secretariat_user, reference_data):
    draft = ImportDraft.objects.create(
        filename="long.txt", text="word " * 1000, extraction={}, status="review"
    )
    client.force_login(secretariat_user)
    response = _selection(client, draft, start=0, end=3001)
    assert response.status_code == 400 and "at most 3000" in response.json()["error"]
    assert _selection(client, draft, start=0, end=3000).status_code == 200


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "member_state", "focal_point"])
def test_reading_a_selection_is_for_the_secretariat(client, users_by_role, role, reference_data):
    draft = ImportDraft.objects.create(
        filename="a.txt", text="IOM to share the figures.", extraction={}, status="review"
    )
    if role != "anonymous":
        client.force_login(users_by_role[role])
    assert _selection(client, draft, start=0, end=10).status_code == 403


def test_rows_added_from_a_selection_keep_the_text_they_came_from(client, review):
    """The page posts a new point and a new decision with the span they were chosen from: the
    saved point's source sentence is the document's text there, whatever was typed over it; a
    span that is not in the document is left out, and the row is saved as typed."""
    url, draft = review
    page = client.get(url)
    assert "data-selection-tools" in page.text
    data = review_data(page.context["review"])
    start = draft.text.index(CHOSEN)
    points = int(data["action_points-TOTAL_FORMS"]) - 1  # the blank row
    data[f"action_points-{points}-text"] = "UNHCR to redraw the map of the northern hubs."
    data[f"action_points-{points}-owner"] = "UNHCR"
    data[f"action_points-{points}-agenda_item"] = "1"
    data[f"action_points-{points}-span"] = f"{start}:{start + len(CHOSEN)}"
    data["decisions-0-text"] = "Partners welcomed the offer."
    data["decisions-0-agenda_item"] = "1"
    data["decisions-0-span"] = "5:999999"
    assert client.post(url, data).status_code == 302

    meeting = Meeting.objects.get()
    added = meeting.action_points.get(text="UNHCR to redraw the map of the northern hubs.")
    assert added.source_sentence == CHOSEN
    assert added.agenda_item.title == "Distribution map"
    assert meeting.decisions.get().text == "Partners welcomed the offer."


@pytest.fixture
def imported(reference_data, secretariat_user):
    from nethub.meetings.services import meeting_import

    return meeting_import(data=MINUTES.encode(), filename="shelter.txt", actor=secretariat_user)


def test_a_selection_on_the_edit_page_names_the_meetings_agenda_item_and_organisation(
    client, secretariat_user, imported
):
    from nethub.directory.models import Organization

    client.force_login(secretariat_user)
    page = client.get(reverse("meetings:edit", args=[imported.pk]))
    assert "data-selection-tools" in page.text and "data-source-text" in page.text
    start = imported.source_text.index(CHOSEN)
    url = reverse("meetings:edit_selection", args=[imported.pk])
    read = client.get(url, {"start": start, "end": start + len(CHOSEN)}).json()
    unhcr = Organization.objects.get(acronym="UNHCR")
    assert (read["owner_organization"], read["owner"]) == (str(unhcr.pk), "")
    assert read["due"] == "2024-04-05"
    assert read["agenda_item"] == str(imported.agenda_items.get(title="Distribution map").pk)
    assert client.get(url, {"start": 0, "end": 10**6}).status_code == 400


def test_a_meeting_without_a_document_has_no_text_to_select(client, secretariat_user, db):
    from nethub.meetings.tests.factories import MeetingFactory

    meeting = MeetingFactory(source_text="")
    client.force_login(secretariat_user)
    assert (
        "data-selection-tools" not in client.get(reverse("meetings:edit", args=[meeting.pk])).text
    )
    url = reverse("meetings:edit_selection", args=[meeting.pk])
    assert client.get(url, {"start": 0, "end": 1}).status_code == 404


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "member_state", "focal_point"])
def test_reading_a_meetings_selection_is_for_the_secretariat(client, users_by_role, role, imported):
    if role != "anonymous":
        client.force_login(users_by_role[role])
    url = reverse("meetings:edit_selection", args=[imported.pk])
    assert client.get(url, {"start": 0, "end": 10}).status_code == 403
