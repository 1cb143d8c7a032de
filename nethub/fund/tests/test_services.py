"""The pipeline table, selection by a Steering Committee decision, money in Decimal at a stored
rate, the audit trail, and the fund's position at a date."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from nethub.core.models import AuditEvent
from nethub.directory.models import Organization
from nethub.fund import selectors, services
from nethub.fund.models import Allocation, Contribution, Programme, Stage
from nethub.fund.tests.factories import contribution, programme

pytestmark = pytest.mark.django_db
D = datetime.date


def _audits(obj):
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    )


def test_a_concept_note_goes_through_the_pipeline_to_a_funded_joint_programme(
    secretariat_user, sc_member_user
):
    record = programme(requested_budget=Decimal("2000000.00"))
    for stage in (Stage.ELIGIBLE, Stage.PIPELINE):
        services.programme_transition(
            programme=record, to_stage=stage, reason="checked", actor=secretariat_user
        )
    meeting = services.sc_meeting_get_or_create(date=D(2021, 6, 10), actor=sc_member_user)
    decision = services.programmes_select(
        meeting=meeting, text="Select it.", programmes=[record], actor=sc_member_user
    )
    record.refresh_from_db()
    assert record.stage == Stage.SELECTED
    assert record.selection_decision == decision and record.selected_on == D(2021, 6, 10)
    assert record.is_published
    services.programme_update(
        programme=record, approved_budget=Decimal("1800000.00"), actor=secretariat_user
    )
    services.programme_transition(
        programme=record, to_stage=Stage.FUNDED, reason="transfer", actor=secretariat_user
    )
    record.refresh_from_db()
    assert record.stage == Stage.FUNDED and record.is_joint_programme
    assert Allocation.objects.get(programme=record).amount_usd == Decimal("1800000.00")
    history = list(
        record.transitions.order_by("id").values_list("from_stage", "to_stage", "actor__username")
    )
    assert history == [
        ("", "submitted", None),
        ("submitted", "eligible", "secretariat_user"),
        ("eligible", "pipeline", "secretariat_user"),
        ("pipeline", "selected", "scmember_user"),
        ("selected", "funded", "secretariat_user"),
    ]
    assert _audits(record).filter(action="programme.transition").count() == 4
    assert _audits(record).filter(field="approved_budget").exists()


def test_the_table_refuses_a_skipped_step_and_direct_selection(secretariat_user):
    record = programme()
    with pytest.raises(ValidationError):
        services.programme_transition(
            programme=record, to_stage=Stage.FUNDED, actor=secretariat_user
        )
    services.programme_record_stage(
        programme=record, stage=Stage.PIPELINE, reason="import", actor=secretariat_user
    )
    with pytest.raises(ValidationError, match="decision"):
        services.programme_transition(
            programme=record, to_stage=Stage.SELECTED, actor=secretariat_user
        )
    with pytest.raises(ValidationError, match="why"):
        services.programme_transition(
            programme=record, to_stage=Stage.DECLINED, actor=secretariat_user
        )
    assert Programme.objects.get(pk=record.pk).stage == Stage.PIPELINE


def test_funding_needs_an_approved_budget(secretariat_user):
    record = programme(stage=Stage.PIPELINE)
    meeting = services.sc_meeting_get_or_create(date=D(2021, 1, 1), actor=secretariat_user)
    services.programmes_select(
        meeting=meeting, text="x", programmes=[record], actor=secretariat_user
    )
    with pytest.raises(ValidationError, match="approved budget"):
        services.programme_transition(
            programme=record, to_stage=Stage.FUNDED, actor=secretariat_user
        )
    assert not Allocation.objects.exists()


def test_only_the_steering_committee_and_the_secretariat_select(focal_point_user):
    record = programme(stage=Stage.PIPELINE)
    meeting = services.sc_meeting_get_or_create(date=D(2021, 1, 1), actor=None)
    with pytest.raises(PermissionDenied):
        services.programmes_select(
            meeting=meeting, text="x", programmes=[record], actor=focal_point_user
        )
    assert Programme.objects.get(pk=record.pk).stage == Stage.PIPELINE


def test_a_selection_of_a_programme_outside_the_pipeline_saves_nothing(secretariat_user):
    ready, early = programme(stage=Stage.PIPELINE), programme()
    meeting = services.sc_meeting_get_or_create(date=D(2021, 1, 1), actor=None)
    with pytest.raises(ValidationError, match=early.reference):
        services.programmes_select(
            meeting=meeting, text="x", programmes=[ready, early], actor=secretariat_user
        )
    assert not meeting.decisions.exists()
    assert Programme.objects.get(pk=ready.pk).stage == Stage.PIPELINE


def test_a_contribution_is_converted_at_its_stored_rate_in_decimal(secretariat_user):
    record = services.contribution_create(
        reference="EUR-1",
        donor=Organization.objects.get(name="Germany"),
        date=D(2021, 2, 1),
        amount=Decimal("1000000.10"),
        currency="eur",
        usd_rate=Decimal("1.21345678"),
        actor=secretariat_user,
    )
    record.refresh_from_db()
    assert record.currency == "EUR"
    assert record.amount_usd == Decimal("1213456.90")  # 1213456.901...
    assert isinstance(record.amount_usd, Decimal)
    assert _audits(record).get(action="contribution.create").actor == secretariat_user
    services.contribution_update(
        contribution=record, usd_rate=Decimal("1.1"), actor=secretariat_user
    )
    record.refresh_from_db()
    assert record.amount_usd == Decimal("1100000.11")
    assert _audits(record).filter(field="usd_rate").exists()


def test_a_pledge_cannot_be_received(secretariat_user):
    with pytest.raises(ValidationError):
        contribution(kind=Contribution.Kind.PLEDGE, received_on=D(2021, 3, 2))
    assert not Contribution.objects.exists()


def test_the_position_at_a_date(secretariat_user):
    services.target_set(year=2021, amount_usd=Decimal("30000000"), actor=secretariat_user)
    contribution(date=D(2020, 12, 1), amount=Decimal("5000000"), received_on=D(2021, 1, 5))
    contribution(date=D(2021, 4, 1), amount=Decimal("3000000"))
    contribution(date=D(2021, 8, 1), amount=Decimal("9000000"))  # after the date asked
    contribution(date=D(2021, 4, 2), amount=Decimal("700000"), kind=Contribution.Kind.PLEDGE)
    waiting = programme(
        stage=Stage.PIPELINE, requested_budget=Decimal("2500000"), submitted_on=D(2021, 1, 1)
    )
    programme(requested_budget=Decimal("999"), submitted_on=D(2021, 1, 1))  # not eligible yet
    position = selectors.fund_position(on=D(2021, 5, 5))
    assert position.target == Decimal("30000000")
    assert position.committed_this_year == Decimal("3000000")
    assert position.target_share == Decimal("10.0")
    assert position.committed == Decimal("8000000")
    assert position.received == Decimal("5000000")
    assert position.pledged == Decimal("700000")
    assert position.allocated == Decimal("0")
    assert position.balance == Decimal("5000000")
    assert position.unfunded_demand == waiting.requested_usd == Decimal("2500000")
    assert position.unfunded_programmes == 1
    # Before the concept note entered the pipeline, it was no demand.
    waiting.transitions.update(effective_on=D(2021, 6, 1))
    services.figures_version_bump()  # a bulk update sends no signal
    assert selectors.fund_position(on=D(2021, 5, 5)).unfunded_programmes == 0


def test_a_rotation_ends_seats_and_opens_others(secretariat_user):
    ilo = Organization.objects.get(acronym="ILO", kind="un_entity")
    unicef = Organization.objects.get(acronym="UNICEF", kind="un_entity")
    services.membership_create(
        organization=ilo, seat="un_entity", start_date=D(2019, 5, 1), actor=secretariat_user
    )
    services.rotation_record(
        date=D(2021, 6, 1),
        leaving=[ilo],
        joining=[unicef],
        seat="un_entity",
        actor=secretariat_user,
    )
    committee = selectors.steering_committee(on=D(2021, 7, 1))
    assert [m.organization for m in committee["current"]] == [unicef]
    assert committee["past"][0].end_date == D(2021, 5, 31)
    committee = selectors.steering_committee(on=D(2021, 5, 1))
    assert [m.organization for m in committee["current"]] == [ilo]


def test_the_steering_committee_meeting_of_a_day_is_created_once_and_titled_by_its_series(
    sc_member_user,
):
    from nethub.meetings.models import Meeting

    first = services.sc_meeting_get_or_create(date=D(2022, 5, 4), actor=sc_member_user)
    again = services.sc_meeting_get_or_create(date=D(2022, 5, 4), actor=sc_member_user)
    assert first.pk == again.pk
    assert Meeting.objects.filter(series__name=services.SC_SERIES).count() == 1
    assert services.SC_SERIES in first.heading
