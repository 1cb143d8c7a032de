import pytest

from nethub.library.models import Document, Practice

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "stakeholder", "focal_point", "member_state", "secretariat"]


def expect(users_by_role, perm, obj, allowed: set[str]):
    got = {role for role in ROLES if users_by_role[role].has_perm(perm, obj)}
    assert got == allowed, perm


@pytest.fixture
def documents(users_by_role):
    uploader = users_by_role["focal_point"]
    return {
        status: Document.objects.create(title=status, status=status, uploaded_by=uploader)
        for status in ("ready", "processing", "failed")
    }


@pytest.fixture
def practices(users_by_role):
    submitter = users_by_role["stakeholder"]
    return {
        status: Practice.objects.create(
            title=status,
            summary="s",
            description="d",
            replicability="r",
            implementation="ongoing",
            status=status,
            submitted_by=submitter,
        )
        for status, _ in Practice.Status.choices
    }


def test_document_permissions_for_every_role(users_by_role, documents):
    everyone = set(ROLES)
    members = everyone - {"anonymous"}
    expect(users_by_role, "library.view_document", documents["ready"], everyone)
    for status in ("processing", "failed"):
        expect(
            users_by_role,
            "library.view_document",
            documents[status],
            {"focal_point", "secretariat"},
        )
    expect(users_by_role, "library.upload_document", None, members)
    for perm in ("change_document", "delete_document", "tag_document"):
        expect(users_by_role, f"library.{perm}", documents["ready"], {"focal_point", "secretariat"})


def test_practice_permissions_for_every_role(users_by_role, practices):
    members = set(ROLES) - {"anonymous"}
    expect(users_by_role, "library.submit_practice", None, members)
    expect(users_by_role, "library.review_practice", practices["submitted"], {"secretariat"})
    expect(users_by_role, "library.tag_practice", practices["published"], {"secretariat"})
    expect(users_by_role, "library.view_practice", practices["published"], set(ROLES))
    for status in ("submitted", "in_review", "changes_requested", "declined"):
        expect(
            users_by_role,
            "library.view_practice",
            practices[status],
            {"stakeholder", "secretariat"},
        )
    for status in ("submitted", "changes_requested"):
        expect(
            users_by_role,
            "library.change_practice",
            practices[status],
            {"stakeholder", "secretariat"},
        )
    for status in ("in_review", "published", "declined"):
        expect(users_by_role, "library.change_practice", practices[status], {"secretariat"})
    expect(
        users_by_role, "library.resubmit_practice", practices["changes_requested"], {"stakeholder"}
    )
    expect(users_by_role, "library.resubmit_practice", practices["submitted"], set())
