"""The roster in a real browser: an expert applies in French with a CV and is accepted; a
practice gets three reviewers, none conflicted; two disagree and a third is suggested; a Member
State's request is matched, and the best fit comes first with the reasons shown."""

import pytest
from playwright.sync_api import expect

from conftest import browser_login
from nethub.library.models import Practice
from nethub.roster import selectors, services
from nethub.roster.models import ExpertApplication
from nethub.roster.tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_out(page):
    page.context.clear_cookies()


def test_apply_review_and_match(page, secretariat_user, stakeholder_user, member_state_user):
    applicant = factories.user(first_name="Awa")
    browser_login(page, applicant.username)
    # The applicant uses the French interface and writes in French.
    page.goto("/fr/roster/apply/")
    page.get_by_label("Langue de votre candidature").select_option("fr")
    page.get_by_label("Nom complet").fill("Awa Ndiaye")
    page.get_by_role("textbox", name="Résumé de l’expertise").fill(
        "Accords bilatéraux de mobilité de main-d'œuvre en Afrique de l'Ouest."
    )
    page.get_by_label("Objectif 6:", exact=False).check()
    page.locator("#id_language_0").select_option("fr")
    page.locator("#id_level_0").select_option("native")
    page.get_by_label("CV (PDF ou Word)").set_input_files(
        files=[
            {
                "name": "cv.docx",
                "mimeType": "application/octet-stream",
                "buffer": factories.docx_cv(
                    "Experte en recrutement équitable et migration de travail"
                ),
            }
        ]
    )
    page.get_by_role("button", name="Enregistrer comme brouillon").click()
    expect(page.get_by_test_id("application-status")).to_have_text("Brouillon")
    page.get_by_role("link", name="Modifier ma candidature").click()
    page.get_by_label("J’accepte de figurer dans le registre").check()
    page.get_by_role("button", name="Soumettre ma candidature").click()
    expect(page.get_by_test_id("application-status")).to_have_text("Soumise")
    application = ExpertApplication.objects.get(applicant=applicant)
    assert application.language == "fr" and "recrutement équitable" in application.cv_text

    _log_out(page)
    browser_login(page, secretariat_user.username)
    page.goto("/roster/applications/")
    page.get_by_role("link", name="Awa Ndiaye").click()
    page.get_by_label("Decision").select_option("accepted")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Status: Accepted")).to_be_visible()

    # A practice from the stakeholder's organisation in Mexico; one expert is conflicted.
    practice = Practice.objects.create(
        title="Fair recruitment corridor",
        summary="s",
        description="d",
        replicability="r",
        implementation="ongoing",
        organization=stakeholder_user.organization,
        submitted_by=stakeholder_user,
        status="in_review",
    )
    practice.countries.set([factories.country("MX")])
    factories.expert(name="Ilo Reviewer", organization=factories.un_entity("ILO"), objectives=[6])
    factories.expert(name="Ngo Reviewer", organization=factories.ngo("Ngo Two"), objectives=[6])
    factories.expert(
        name="Conflicted Reviewer",
        organization=factories.ngo("Ngo Three"),
        objectives=[6],
        conflict_countries=[factories.country("MX")],
    )
    factories.expert(name="Spare Reviewer", organization=factories.ngo("Ngo Four"))

    page.goto(f"/roster/peer-review/library/practice/{practice.pk}/")
    expect(page.get_by_label("Conflicted Reviewer", exact=False)).to_have_count(0)
    expect(page.locator("input[name=expert]")).to_have_count(3)
    page.get_by_role("button", name="Invite the selected reviewers").click()
    expect(page.get_by_role("row")).to_have_count(4)  # header + three reviewers
    state = selectors.review_state(practice)
    names = {a.expert.full_name for a in state.assignments}
    assert "Conflicted Reviewer" not in names and len(names) == 3

    # Two reviewers disagree (one of them through the browser).
    first, second = state.assignments[0], state.assignments[1]
    services.assignment_submit(
        actor=first.expert.applicant,
        assignment=first,
        verdict="recommend",
        scores={"relevance": 5},
        comments="good",
    )
    _log_out(page)
    browser_login(page, second.expert.applicant.username)
    page.goto("/roster/assignments/")
    page.get_by_role("link", name="Fair recruitment corridor").click()
    expect(page.get_by_text("Other reviews")).to_have_count(0)  # not before submitting
    page.get_by_label("Do not recommend").check()
    for label in (
        "Relevance to the GCM",
        "Applies the guiding principles",
        "Evidence of results",
        "Replicability",
    ):
        page.get_by_label(label).select_option("2")
    page.get_by_label("Comments").fill("No evidence of results yet.")
    page.get_by_role("button", name="Submit the review").click()
    expect(page.get_by_text("Recommend publication")).to_be_visible()  # now sees the other

    _log_out(page)
    browser_login(page, secretariat_user.username)
    page.goto(f"/roster/peer-review/library/practice/{practice.pk}/")
    expect(page.get_by_test_id("review-state")).to_contain_text("third reviewer")
    expect(page.get_by_label("Spare Reviewer", exact=False)).to_be_visible()

    # A Member State asks for support; the French-speaking expert on objective 6 with
    # experience in the region fits best.
    factories.expert(name="English Only", objectives=[6], languages=[("en", "native")])
    ExpertApplication.objects.filter(pk=application.pk).update(available=True)
    application.regions.set([factories.country("SN").region])
    _log_out(page)
    browser_login(page, member_state_user.username)
    page.goto("/roster/requests/new/")
    page.get_by_label("Topic").fill("Labour migration agreements")
    page.get_by_label("Country").select_option(label="Senegal")
    page.get_by_label("Objective 6:", exact=False).check()
    page.get_by_label("Languages").select_option("fr")
    page.get_by_role("button", name="File the request").click()
    expect(page.get_by_test_id("request-status")).to_have_text("Open")

    _log_out(page)
    browser_login(page, secretariat_user.username)
    page.goto("/roster/requests/")
    page.get_by_role("link", name="Labour migration agreements").click()
    top = page.get_by_test_id("match").first
    expect(top).to_contain_text("Awa Ndiaye")
    expect(top).to_contain_text("1 of 1 objectives")
    expect(top).to_contain_text("speaks fr")
    expect(top).to_contain_text("region")
