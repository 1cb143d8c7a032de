"""In a real browser: a double click on "Post" posts one comment (the page's script disables
the button after the first click; the server refuses the form's token a second time)."""

import pytest

from conftest import browser_login
from nethub.consultations.models import Comment
from nethub.consultations.tests.factories import consultation_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_double_click_posts_one_comment(page, stakeholder_user):
    consultation = consultation_in("open", title="Draft workplan consultation")
    browser_login(page, stakeholder_user.username)
    page.goto(consultation.get_absolute_url())
    page.get_by_label("Your comment").fill("We ask for a priority on migrant women.")
    button = page.get_by_role("button", name="Post on behalf of my organisation")
    button.dblclick()
    page.get_by_text("Your comment is published.").wait_for()
    assert Comment.objects.filter(text__startswith="We ask for a priority").count() == 1

    # The script's part alone: the first submit disables the button.
    page.goto(consultation.get_absolute_url())
    page.get_by_label("Your comment").fill("Second thought.")
    page.evaluate(
        """() => { const form = document.querySelector('form[data-submit-once]');
                   form.addEventListener('submit', (e) => e.preventDefault());
                   form.requestSubmit(); }"""
    )
    page.wait_for_function(
        "() => document.querySelector('form[data-submit-once] button[type=submit]').disabled"
    )
