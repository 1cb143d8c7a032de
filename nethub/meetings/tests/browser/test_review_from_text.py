"""In a real browser: the secretariat selects what the extraction missed in the document's
text beside the review form and adds it, a task as an action point (filled with its owner,
due date and agenda item) and a name as a participant, then saves."""

import io

import docx
import pytest
from playwright.sync_api import expect

from conftest import browser_login
from nethub.meetings.models import Meeting
from nethub.meetings.services import import_draft_create

TASK = "UNHCR offered to redraw the map of the northern hubs by 5 April 2024"
LATE = "Tomas Rye (WFP)"


def _summary_docx() -> bytes:
    document = docx.Document()
    for line in (
        "Shelter Working Group – minutes",
        "14 March 2024",
        "Present: Sara Lind (IOM), Jonas Berg (UNHCR)",
        "1. Stock and pipeline",
        "Action: IOM to share the pipeline figures by 22 March 2024.",
        "2. Distribution map",
        f"Partners looked at the gaps in the north. In passing, {TASK}, which partners "
        f"welcomed. {LATE} joined for this item.",
    ):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _select(page, words: str) -> None:
    """Select `words` in the document's panel, as a person dragging over them would."""
    page.evaluate(
        """(words) => {
          const panel = document.querySelector("[data-source-text]");
          const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(words);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + words.length);
            document.getSelection().removeAllRanges();
            document.getSelection().addRange(range);
            return;
          }
          throw new Error("not in the panel: " + words);
        }""",
        words,
    )


def _open_review(page, user) -> None:
    """The secretariat on the review page of the summary, read."""
    draft, _created = import_draft_create(data=_summary_docx(), filename="shelter.docx", actor=user)
    browser_login(page, user.username)
    page.goto(f"/meetings/import/{draft.pk}/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_missed_task_and_participant_are_added_from_the_text(page, secretariat_user):
    _open_review(page, secretariat_user)
    add_point = page.get_by_role("button", name="Add as an action point")
    assert add_point.is_disabled()  # nothing selected yet

    points = page.locator("[data-testid=action-point]")
    before = points.count()
    _select(page, TASK)
    add_point.click()
    page.get_by_role("status").filter(has_text="check the new row").wait_for()
    assert points.count() == before + 1
    added = points.last
    assert added.get_by_label("Action point").input_value() == TASK
    assert added.get_by_label("Owner").input_value() == "UNHCR"
    assert added.get_by_label("Due").input_value() == "2024-04-05"
    assert "Distribution map" in added.get_by_label("Agenda item").evaluate(
        "select => select.selectedOptions[0].textContent"
    )
    assert page.locator("[data-source-text] mark.chosen").inner_text() == TASK
    added.get_by_label("Action point").fill("UNHCR to redraw the map of the northern hubs")

    _select(page, LATE)
    page.get_by_role("button", name="Add as participants").click()
    assert LATE in page.get_by_label("Add several participants").input_value()

    page.get_by_role("button", name="Save the meeting").click()
    page.get_by_text("The meeting was saved.").wait_for()
    meeting = Meeting.objects.get()
    point = meeting.action_points.get(text="UNHCR to redraw the map of the northern hubs")
    assert point.source_sentence == TASK and point.due_date.isoformat() == "2024-04-05"
    assert point.agenda_item.title == "Distribution map"
    rye = meeting.participants.get(name="Tomas Rye")
    assert rye.organization.acronym == "WFP"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_row_added_from_the_text_is_marked_again_after_a_failed_save(page, secretariat_user):
    _open_review(page, secretariat_user)
    _select(page, TASK)
    page.get_by_role("button", name="Add as an action point").click()
    page.get_by_role("status").filter(has_text="check the new row").wait_for()
    title = page.locator('input[name="title"]')  # the meeting's title, which is required
    title.fill("")
    title.evaluate("field => field.removeAttribute('required')")
    page.get_by_role("button", name="Save the meeting").click()
    page.get_by_text("This field is required.").first.wait_for()
    assert not Meeting.objects.exists()
    # The page came back from the server: the row kept its span, and its text is marked again.
    assert page.locator("[data-source-text] mark.chosen").inner_text() == TASK
    assert (
        page.locator("[data-testid=action-point]").last.get_by_label("Action point").input_value()
        == TASK
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_task_is_added_later_from_the_text_on_the_meetings_edit_page(page, secretariat_user):
    from nethub.meetings.services import meeting_import

    meeting = meeting_import(data=_summary_docx(), filename="shelter.docx", actor=secretariat_user)
    browser_login(page, secretariat_user.username)
    page.goto(f"/meetings/{meeting.pk}/edit/")
    _select(page, TASK)
    page.get_by_role("button", name="Add as an action point").click()
    page.get_by_role("status").filter(has_text="check the new row").wait_for()
    added = page.locator("[data-testid=action_points]").last
    assert added.get_by_label("Action point").input_value() == TASK
    organisation = added.get_by_label("Owner organisation")
    assert "UNHCR" in organisation.evaluate("select => select.selectedOptions[0].textContent")
    assert added.get_by_label("Due").input_value() == "2024-04-05"
    page.get_by_role("button", name="Save the meeting").click()
    page.get_by_text("The meeting was saved.").wait_for()
    point = meeting.action_points.get(text=TASK)
    assert (
        point.owner_organization.acronym == "UNHCR" and point.due_date.isoformat() == "2024-04-05"
    )
    assert point.agenda_item.title == "Distribution map"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_text_is_selected_with_the_keyboard_and_cannot_be_changed(page, secretariat_user):
    _open_review(page, secretariat_user)
    panel = page.locator("[data-source-text]")
    before = panel.inner_text()
    panel.focus()
    page.keyboard.press("Control+End")
    page.keyboard.type("typed over")
    page.keyboard.press("Backspace")
    page.keyboard.press("Enter")
    assert panel.inner_text() == before  # a caret to walk the text, not to edit it

    page.keyboard.press("Control+Home")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # past the blank line between paragraphs: the date
    page.keyboard.press("Shift+End")
    expect(page.get_by_role("button", name="Add as an action point")).to_be_enabled()
    for _ in range(4):  # from the text back to the toolbar, button by button
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.dataset.add === 'action_points'"):
            break
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="check the new row").wait_for()
    added = page.locator("[data-testid=action-point]").last
    assert added.get_by_label("Action point").input_value() == "14 March 2024"
