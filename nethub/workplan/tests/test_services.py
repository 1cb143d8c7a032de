import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from nethub.consultations import services as consultation_services
from nethub.consultations import targets
from nethub.core.models import AuditEvent
from nethub.meetings.tests.factories import MeetingFactory
from nethub.workplan import services
from nethub.workplan.models import Membership, MembershipRequest, Workplan
from nethub.workplan.tests import factories as f

pytestmark = pytest.mark.django_db


def _draft(secretariat_user):
    wp = services.workplan_create(actor=secretariat_user, title="Draft workplan 2025-2027")
    pr = services.priority_create(actor=secretariat_user, workplan=wp, number="1", title="Pathways")
    g = services.group_create(
        actor=secretariat_user, workplan=wp, priority=pr, title="WG on pathways"
    )
    return wp, pr, g


def test_from_draft_to_consultation_to_membership(
    secretariat_user, stakeholder_user, focal_point_user
):
    wp, pr, g = _draft(secretariat_user)
    now = timezone.now()
    consultation = services.workplan_open_consultation(
        actor=secretariat_user,
        workplan=wp,
        opens_at=now - datetime.timedelta(hours=1),
        closes_at=now + datetime.timedelta(days=30),
    )
    wp.refresh_from_db()
    assert wp.status == Workplan.Status.CONSULTATION and wp.consultation == consultation
    assert {i["title"] for i in wp.draft_snapshot} == {"Pathways", "WG on pathways"}
    # The consultation offers the draft's items (no EngagementTarget: the workplan's own).
    assert set(consultation.targets) == {pr, g}
    consultation_services.interest_set(
        consultation=consultation, actor=stakeholder_user, choices={targets.key(g): "start"}
    )
    request = MembershipRequest.objects.get()
    assert (request.group, request.organization, request.status) == (
        g,
        stakeholder_user.organization,
        "pending",
    )
    # The stakeholder is not a co-lead: it may not decide; a co-lead may.
    with pytest.raises(PermissionDenied):
        services.membership_request_decide(actor=stakeholder_user, request=request, accept=True)
    services.membership_set(
        actor=secretariat_user, group=g, organization=focal_point_user.organization, role="co_lead"
    )
    services.membership_request_decide(
        actor=focal_point_user, request=request, accept=True, note="Welcome"
    )
    request.refresh_from_db()
    assert request.status == "accepted" and request.decision_note == "Welcome"
    assert (
        Membership.objects.get(group=g, organization=stakeholder_user.organization).role == "member"
    )
    with pytest.raises(ValidationError):
        services.membership_request_decide(actor=focal_point_user, request=request, accept=False)
    # Withdrawing a pending interest withdraws its request; decided ones stay.
    consultation_services.interest_set(
        consultation=consultation, actor=stakeholder_user, choices={}
    )
    assert MembershipRequest.objects.filter(status="accepted").count() == 1


def test_priority_request_is_accepted_into_one_of_its_groups(secretariat_user, stakeholder_user):
    wp, pr, g = _draft(secretariat_user)
    other = f.group(wp, None, title="Elsewhere")
    request = MembershipRequest.objects.create(
        organization=stakeholder_user.organization, priority=pr
    )
    with pytest.raises(ValidationError):
        services.membership_request_decide(actor=secretariat_user, request=request, accept=True)
    with pytest.raises(ValidationError):
        services.membership_request_decide(
            actor=secretariat_user, request=request, accept=True, group=other
        )
    assert not Membership.objects.exists()
    services.membership_request_decide(
        actor=secretariat_user, request=request, accept=True, group=g
    )
    assert Membership.objects.get().group == g


def test_ask_to_co_lead(secretariat_user, stakeholder_user):
    wp, pr, g = _draft(secretariat_user)
    wp.status = "endorsed"
    wp.save()
    request = services.membership_request_create(
        actor=stakeholder_user,
        organization=stakeholder_user.organization,
        group=g,
        role="co_lead",
        note="<b>We lead on this</b>",
    )
    services.membership_request_decide(actor=secretariat_user, request=request, accept=True)
    assert Membership.objects.get(group=g).role == "co_lead"


def test_progress_notes_keep_history_and_reject_bad_input(users_by_role):
    stakeholder = users_by_role["stakeholder"]
    wp = f.workplan()
    g = f.group(wp, f.priority(wp), members=[stakeholder.organization])
    a = f.activity(g, contributors=[stakeholder.organization])
    for bad in ({"text": " "}, {"text": "x", "progress": 130}, {"text": "x", "status": "nope"}):
        with pytest.raises(ValidationError):
            services.progress_note_add(actor=stakeholder, activity=a, **bad)
    assert not a.notes.exists()
    services.progress_note_add(
        actor=stakeholder, activity=a, text="Draft shared", status="in_progress", progress=40
    )
    services.progress_note_add(actor=stakeholder, activity=a, text="Published", status="done")
    a.refresh_from_db()
    assert (a.status, a.progress) == ("done", 100)
    notes = list(a.notes.all())
    assert [(n.old_status, n.new_status, n.new_progress) for n in notes] == [
        ("in_progress", "done", 100),
        ("planned", "in_progress", 40),
    ]
    other = f.activity(g, title="Not theirs")
    with pytest.raises(PermissionDenied):
        services.progress_note_add(actor=stakeholder, activity=other, text="x")


def test_endorsement_and_dropping_keep_history(secretariat_user):
    wp, pr, g = _draft(secretariat_user)
    meeting = MeetingFactory()
    decision = meeting.decisions.create(text="The Principals endorsed the workplan.")
    other_meeting = MeetingFactory()
    with pytest.raises(ValidationError):
        services.workplan_endorse(
            actor=secretariat_user,
            workplan=wp,
            endorsed_on=meeting.date,
            meeting=other_meeting,
            decision=decision,
        )
    wp.refresh_from_db()
    assert wp.status == "draft"
    new_group = services.group_create(
        actor=secretariat_user, workplan=wp, title="WG renamed", priority=pr, predecessor=None
    )
    services.item_drop(actor=secretariat_user, item=g, successor=new_group, note="merged")
    services.workplan_endorse(
        actor=secretariat_user,
        workplan=wp,
        endorsed_on=meeting.date,
        meeting=meeting,
        decision=decision,
    )
    wp.refresh_from_db()
    g.refresh_from_db()
    assert (wp.status, wp.endorsed_at, wp.endorsement_decision) == ("endorsed", meeting, decision)
    assert (g.status, g.successor) == ("dropped", new_group)
    assert AuditEvent.objects.filter(action="dropped", comment="merged").exists()


def test_interest_of_a_group_member_needs_no_request(secretariat_user, stakeholder_user):
    wp, pr, g = _draft(secretariat_user)
    now = timezone.now()
    consultation = services.workplan_open_consultation(
        actor=secretariat_user,
        workplan=wp,
        opens_at=now - datetime.timedelta(hours=1),
        closes_at=now + datetime.timedelta(days=1),
    )
    services.membership_set(
        actor=secretariat_user, group=g, organization=stakeholder_user.organization, role="member"
    )
    consultation_services.interest_set(
        consultation=consultation, actor=stakeholder_user, choices={targets.key(g): "continue"}
    )
    assert consultation.interests.count() == 1 and not MembershipRequest.objects.exists()
