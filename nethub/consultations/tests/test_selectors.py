"""The thread selector: order, depth, visibility, and threads deeper than Python's stack."""

import pytest
from django.contrib.auth.models import AnonymousUser

from nethub.consultations.models import Comment
from nethub.consultations.selectors import consultation_thread
from nethub.consultations.tests.factories import comment, consultation_in


@pytest.mark.django_db
def test_order_depth_and_whom_each_answers(stakeholder_user, focal_point_user):
    consultation = consultation_in("open")
    a = comment(consultation, author=stakeholder_user, body="A")
    b = comment(consultation, author=focal_point_user, body="B")
    a1 = comment(consultation, author=focal_point_user, parent=a, body="A1")
    a1x = comment(consultation, author=stakeholder_user, parent=a1, body="A1x")
    a2 = comment(consultation, author=focal_point_user, parent=a, body="A2")
    items = consultation_thread(consultation=consultation, user=AnonymousUser())
    assert [(i.comment.text, i.depth) for i in items] == [
        ("A", 0),
        ("A1", 1),
        ("A1x", 2),
        ("A2", 1),
        ("B", 0),
    ]
    answers = {i.comment.pk: i.replying_to for i in items}
    assert answers[a1x.pk] == focal_point_user.organization.display_name
    assert answers[a2.pk] == stakeholder_user.organization.display_name
    assert answers[b.pk] == ""


@pytest.mark.django_db
def test_pending_comment_only_for_author_and_moderators(
    stakeholder_user, focal_point_user, secretariat_user
):
    consultation = consultation_in("open")
    pending = comment(consultation, author=stakeholder_user, body="P")
    pending.status = Comment.Status.PENDING
    pending.save()

    def seen(user):
        return [i.comment.pk for i in consultation_thread(consultation=consultation, user=user)]

    assert seen(AnonymousUser()) == [] and seen(focal_point_user) == []
    assert seen(stakeholder_user) == [pending.pk] == seen(secretariat_user)


@pytest.mark.django_db
def test_a_chain_deeper_than_the_recursion_limit(stakeholder_user):
    consultation = consultation_in("open")
    parent = None
    for _ in range(1200):
        parent = Comment.objects.create(
            consultation=consultation,
            parent=parent,
            body="<p>x</p>",
            text="x",
            organization=stakeholder_user.organization,
        )
    items = consultation_thread(consultation=consultation, user=AnonymousUser())
    assert [i.depth for i in items] == list(range(1200))
