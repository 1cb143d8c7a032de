import pytest

from nethub.library.models import Practice
from nethub.roster import selectors, services
from nethub.roster.models import ReviewAssignment
from nethub.roster.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(reference_data, stakeholder_user):
    practice = Practice.objects.create(
        title="Skills partnership for seasonal workers",
        summary="A bilateral labour agreement with fair recruitment.",
        description="d",
        replicability="r",
        implementation="ongoing",
        organization=stakeholder_user.organization,
        submitted_by=stakeholder_user,
        status="in_review",
    )
    practice.countries.set([factories.country("MX")])
    return practice


@pytest.fixture
def roster(reference_data, stakeholder_user):
    return {
        "internal": factories.expert(
            name="Ilo Internal", organization=factories.un_entity("ILO"), objectives=[6]
        ),
        "internal_conflicted": factories.expert(
            name="Unicef Conflicted",
            organization=factories.un_entity("UNICEF"),
            objectives=[6, 5],
            conflict_countries=[factories.country("MX")],
        ),
        "external_a": factories.expert(
            name="External A", organization=factories.ngo("NGO A"), objectives=[6]
        ),
        "external_b": factories.expert(
            name="External B", organization=factories.ngo("NGO B"), objectives=[5]
        ),
        "same_org": factories.expert(
            name="Same Org", organization=stakeholder_user.organization, objectives=[6]
        ),
        "topic": factories.expert(
            name="Topic Conflict",
            organization=factories.ngo("NGO C"),
            objectives=[6],
            conflict_topics="seasonal workers",
        ),
        "spare": factories.expert(
            name="Spare External", organization=factories.ngo("NGO D"), objectives=[]
        ),
    }


def test_suggestion_is_one_internal_and_two_external_with_no_conflict(practice, roster):
    suggested = selectors.reviewers_suggest(practice)
    names = {expert.full_name: seat for expert, seat in suggested}
    assert names == {"Ilo Internal": "internal", "External A": "external", "External B": "external"}


def test_conflicted_experts_are_refused_when_assigned_directly(practice, roster, secretariat_user):
    for key in ("internal_conflicted", "same_org", "topic"):
        with pytest.raises(services.RosterError):
            services.reviewers_assign(
                actor=secretariat_user, item=practice, experts=[(roster[key], "external")]
            )
    assert not ReviewAssignment.objects.exists()


def _review(assignment, verdict):
    services.assignment_respond(
        actor=assignment.expert.applicant, assignment=assignment, accept=True
    )
    services.assignment_submit(
        actor=assignment.expert.applicant,
        assignment=assignment,
        verdict=verdict,
        scores={"relevance": 4, "principles": 4, "results": 3, "replicability": 4},
        comments="ok",
    )


def test_disagreement_suggests_a_third_reviewer(practice, roster, secretariat_user):
    assignments = services.reviewers_assign(
        actor=secretariat_user, item=practice, experts=selectors.reviewers_suggest(practice)
    )
    assert len(assignments) == 3
    _review(assignments[0], "recommend")
    _review(assignments[1], "reject")
    state = selectors.review_state(practice)
    assert state.needs_third and not state.complete
    third = selectors.reviewers_suggest(practice)
    assert [(e.full_name, seat) for e, seat in third] == [("Spare External", "third")]


def test_agreement_completes_the_review(practice, roster, secretariat_user):
    assignments = services.reviewers_assign(
        actor=secretariat_user, item=practice, experts=selectors.reviewers_suggest(practice)
    )
    _review(assignments[0], "recommend")
    _review(assignments[1], "recommend")
    state = selectors.review_state(practice)
    assert state.complete and not state.needs_third


def test_a_review_is_submitted_once(practice, roster, secretariat_user):
    (assignment,) = services.reviewers_assign(
        actor=secretariat_user, item=practice, experts=[(roster["external_a"], "external")]
    )
    _review(assignment, "recommend")
    with pytest.raises(services.RosterError):
        services.assignment_submit(
            actor=assignment.expert.applicant,
            assignment=assignment,
            verdict="reject",
            scores={},
            comments="again",
        )
    assignment.refresh_from_db()
    assert assignment.verdict == "recommend"


def test_invited_reviewers_get_mail_after_commit(
    practice, roster, secretariat_user, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.reviewers_assign(
            actor=secretariat_user, item=practice, experts=[(roster["external_a"], "external")]
        )
    assert [m.to for m in mailoutbox] == [[roster["external_a"].applicant.email]]


def test_publishing_waits_for_the_quorum_once_reviewers_are_assigned(
    practice, roster, secretariat_user
):
    from nethub.library.services import PracticeTransitionError, practice_publish

    assignments = services.reviewers_assign(
        actor=secretariat_user, item=practice, experts=selectors.reviewers_suggest(practice)
    )
    _review(assignments[0], "recommend")
    with pytest.raises(PracticeTransitionError, match="1 of 3"):
        practice_publish(practice=practice, actor=secretariat_user)
    _review(assignments[1], "recommend")
    practice_publish(practice=practice, actor=secretariat_user)
    practice.refresh_from_db()
    assert practice.status == "published"
