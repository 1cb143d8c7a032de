"""In a real browser: an upload waits for the worker with its progress shown, the page turns
into the review form once it is read, and the secretariat reorders, removes and adds rows
(a decision under an agenda item added on the page) before saving."""

import io

import docx
import pytest

from conftest import browser_login
from nethub.meetings.models import Meeting
from nethub.meetings.services import import_draft_create, import_draft_read


def _summary_docx() -> bytes:
    document = docx.Document()
    for line in (
        "Shelter Working Group – minutes",
        "14 March 2024",
        "Present: Sara Lind (IOM), Jonas Berg (UNHCR), Mia Holm (WFP)",
        "1. Stock and pipeline",
        "Partners reviewed the stock of kits in the three hubs in detail.",
        "Action: IOM to share the pipeline figures by 22 March 2024.",
        "Action: UNHCR to update the distribution map by 30 April 2024.",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_progress_then_rows_reordered_removed_and_added(page, settings, secretariat_user):
    # No worker runs: the upload waits to be read.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    draft, _created = import_draft_create(
        data=_summary_docx(), filename="shelter.docx", actor=secretariat_user
    )
    browser_login(page, secretariat_user.username)
    page.goto(f"/meetings/import/{draft.pk}/")
    page.get_by_text("The summary is being read.").wait_for()
    import_draft_read(draft_id=draft.pk)  # the worker reads it; the page follows by itself
    page.get_by_role("heading", name="Check the extracted meeting").wait_for(timeout=10_000)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    points = page.locator("[data-testid=action-point]")
    second = points.filter(has=page.get_by_text("update the distribution map"))
    second.get_by_role("button", name="Move up").click()
    assert "update the distribution map" in points.first.get_by_label("Action point").input_value()
    # The position is the buttons' business: its field is hidden, the rows renumbered.
    assert not points.first.get_by_label("Order").is_visible()
    assert points.first.locator("legend").inner_text() == "1"

    page.locator("[data-testid=participant]").filter(
        has=page.locator('input[value="Jonas Berg"]')
    ).get_by_text("Remove").click()

    page.get_by_role("button", name="Add a decision").click()
    page.locator("[data-testid=decision]").last.get_by_label("Decision").fill(
        "Partners agreed to pool their stock."
    )
    # An agenda item added here takes a decision at once, under the title being typed.
    page.get_by_role("button", name="Add an agenda item").click()
    page.locator("[data-testid=agenda-item]").last.get_by_label("Agenda item title").fill(
        "Next steps"
    )
    page.get_by_role("button", name="Add a decision").click()
    added = page.locator("[data-testid=decision]").last
    added.get_by_label("Decision").fill("The hubs will report monthly.")
    added.get_by_label("Agenda item").select_option(label="3. Next steps")
    page.get_by_role("button", name="Save the meeting").click()
    page.get_by_text("The meeting was saved.").wait_for()

    meeting = Meeting.objects.get()
    texts = list(meeting.action_points.order_by("position").values_list("text", flat=True))
    assert "distribution map" in texts[0] and "pipeline figures" in texts[1]
    names = set(meeting.participants.values_list("name", flat=True))
    assert names == {"Sara Lind", "Mia Holm"}
    assert meeting.decisions.filter(text="Partners agreed to pool their stock.").exists()
    later = meeting.decisions.get(text="The hubs will report monthly.")
    assert later.agenda_item.title == "Next steps"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_double_click_reads_once_and_saves_once(page, secretariat_user):
    import tempfile
    from pathlib import Path

    from nethub.meetings.models import ImportDraft

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "shelter.docx"
        path.write_bytes(_summary_docx())
        browser_login(page, secretariat_user.username)
        page.goto("/meetings/import/")
        page.get_by_label("Meeting summary").set_input_files(str(path))
        page.get_by_role("button", name="Read the summary").dblclick()
        # Inside the folder's lifetime: the browser reads the file as it posts the form.
        page.get_by_role("heading", name="Check the extracted meeting").wait_for()
    assert ImportDraft.objects.count() == 1
    page.get_by_role("button", name="Save the meeting").dblclick()
    page.get_by_text("The meeting was saved.").wait_for()
    assert Meeting.objects.count() == 1 and not ImportDraft.objects.exists()
