"""Every permission for every role, in each phase, for both kinds of participation."""

import pytest

from nethub.consultations.tests.factories import comment, consultation_in

ROLES = ["anonymous", "stakeholder", "focal_point", "member_state", "secretariat"]
PHASES = ["upcoming", "open", "closed"]


def _takes_part(role, participation):
    """Who may take part while open: a person of an organisation; members-only excludes the
    Member State's representative (Mexico is not a network member organisation)."""
    if role == "anonymous":
        return False
    if participation == "members":
        return role in ("stakeholder", "focal_point", "secretariat")
    return True


@pytest.mark.django_db
@pytest.mark.parametrize("participation", ["registered", "members"])
@pytest.mark.parametrize("phase", PHASES)
def test_every_permission_for_every_role(users_by_role, phase, participation):
    consultation = consultation_in(phase, participation=participation)
    other_org_comment = comment(consultation, body="By nobody in particular.")
    for role in ROLES:
        user = users_by_role[role]
        own = comment(consultation, author=user) if role != "anonymous" else None
        takes_part = _takes_part(role, participation)
        open_ = phase == "open"
        expected = {
            ("view_consultation", consultation): True,
            ("comment", consultation): open_ and takes_part,
            ("express_interest", consultation): open_ and takes_part,
            ("support_comment", other_org_comment): open_ and takes_part,
            ("flag_comment", other_org_comment): role != "anonymous",
            ("follow", consultation): role != "anonymous",
            ("moderate", consultation): role == "secretariat",
            ("moderate", other_org_comment): role == "secretariat",
            ("view_synthesis", consultation): role == "secretariat",
            ("export", consultation): role == "secretariat",
            ("confirm_tags", consultation): role == "secretariat",
            ("add_consultation", None): role == "secretariat",
            ("change_consultation", consultation): role == "secretariat",
            ("view_moderation_queue", None): role == "secretariat",
        }
        if own is not None:
            expected[("change_comment", own)] = open_ and takes_part
            expected[("support_comment", own)] = False  # not one's own organisation's
        for (perm, obj), allowed in expected.items():
            assert user.has_perm(f"consultations.{perm}", obj) is allowed, (
                role,
                phase,
                participation,
                perm,
                obj,
            )
        if own is not None:
            assert not users_by_role["anonymous"].has_perm("consultations.change_comment", own)


@pytest.mark.django_db
@pytest.mark.parametrize("phase", PHASES)
def test_moderator_of_the_consultation(users_by_role, phase):
    moderator = users_by_role["focal_point"]
    consultation = consultation_in(phase, moderator=moderator)
    assert moderator.has_perm("consultations.moderate", consultation)
    assert moderator.has_perm("consultations.view_synthesis", consultation)
    assert moderator.has_perm("consultations.view_moderation_queue")
    other = consultation_in(phase, participation="members", slug=f"other-{phase}")
    assert not moderator.has_perm("consultations.moderate", other)


@pytest.mark.django_db
def test_user_without_organisation_cannot_comment(users_by_role):
    user = users_by_role["stakeholder"]
    user.organization = None
    user.save()
    assert not user.has_perm("consultations.comment", consultation_in("open"))


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["visible", "pending", "hidden"])
def test_view_attachment_for_every_role(users_by_role, status, settings, tmp_path):
    """A visible comment's attachment is anyone's; a pending or hidden one's only the
    secretariat's, the consultation's moderator's and the comment's author's."""
    from django.core.files.base import ContentFile

    from nethub.accounts.models import User
    from nethub.consultations.models import Attachment

    settings.MEDIA_ROOT = tmp_path
    moderator = User.objects.create_user(username="moderator_of_this_one", role="stakeholder")
    consultation = consultation_in("open", moderator=moderator)
    posted = comment(consultation, author=users_by_role["stakeholder"])
    posted.status = status
    posted.save(update_fields=["status"])
    attachment = Attachment(comment=posted, filename="a.txt", mime_type="text/plain", size=1)
    attachment.file.save("a.txt", ContentFile(b"a"), save=False)
    attachment.save()
    for role in ROLES:
        allowed = status == "visible" or role in ("stakeholder", "secretariat")
        user = users_by_role[role]
        assert user.has_perm("consultations.view_attachment", attachment) is allowed, (role, status)
    assert moderator.has_perm("consultations.view_attachment", attachment)
