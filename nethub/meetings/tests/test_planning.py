"""Planning a meeting before it is held, editing a saved one with its history, and importing
the summary into the planned meeting."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import fixture_path
from nethub.core.selectors import audit_history
from nethub.directory.models import Organization, Person
from nethub.meetings.models import ActionPoint, Meeting, Participant
from nethub.meetings.services import meeting_edit, meeting_import, meeting_plan
from nethub.meetings.tests.factories import (
    ActionPointFactory,
    AgendaItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
)

pytestmark = pytest.mark.django_db


def _plan(actor, **extra):
    return meeting_plan(
        actor=actor,
        series=MeetingSeriesFactory(),
        date=datetime.date(2024, 1, 29),
        agenda=["Route-based approach", "", "Any other business"],
        invitees=[{"name": "Amy Pope", "organization": Organization.objects.get(acronym="IOM")}],
        **extra,
    )


def test_the_secretariat_plans_a_meeting_with_agenda_and_invitees(secretariat_user):
    meeting = _plan(secretariat_user, timezone="Europe/Zurich")
    assert meeting.is_planned
    assert [item.title for item in meeting.agenda_items.all()] == [
        "Route-based approach",
        "Any other business",
    ]
    invited = meeting.participants.get()
    assert invited.attendance == Participant.Attendance.INVITED
    assert invited.person == Person.objects.get(name="Amy Pope")
    assert audit_history(subject=meeting).first().action == "planned"


def test_planning_refuses_others_a_bad_zone_and_a_second_meeting_on_the_day(
    secretariat_user, focal_point_user
):
    with pytest.raises(PermissionDenied):
        _plan(focal_point_user)
    with pytest.raises(ValidationError):
        _plan(secretariat_user, timezone="Geneva time")
    _plan(secretariat_user)
    with pytest.raises(ValidationError):
        _plan(secretariat_user)
    assert Meeting.objects.count() == 1


def test_the_imported_summary_fills_the_planned_meeting(secretariat_user):
    path = fixture_path("ec-principals-2024-01-29.txt")
    planned = _plan(secretariat_user)
    planned.participants.create(name="Someone Absent", attendance="invited", position=5)
    meeting = meeting_import(
        data=path.read_bytes(), filename=path.name, actor=secretariat_user, meeting=planned
    )
    assert meeting.pk == planned.pk and not meeting.is_planned
    assert Meeting.objects.count() == 1
    assert meeting.participants.filter(attendance="present").count() == 12
    # Amy Pope attended (listed in the summary); the other invitee stays "invited".
    assert list(
        meeting.participants.filter(attendance="invited").values_list("name", flat=True)
    ) == ["Someone Absent"]
    assert meeting.action_points.count() == 4
    # The document says "NY time": that is the zone, not a guess.
    assert meeting.timezone == "America/New_York"


def test_a_summary_without_a_zone_leaves_the_zone_empty(secretariat_user):
    path = fixture_path("ec-principals-2021-05-05.txt")
    meeting = meeting_import(data=path.read_bytes(), filename=path.name, actor=secretariat_user)
    assert meeting.start_time == datetime.time(15, 0) and meeting.timezone == ""


def test_editing_changes_rows_and_leaves_history(secretariat_user):
    meeting = MeetingFactory(title="EC Principals Meeting")
    item = AgendaItemFactory(meeting=meeting, title="Old item")
    point = ActionPointFactory(meeting=meeting, agenda_item=item, text="Draft the note.")
    gone = ActionPointFactory(meeting=meeting, agenda_item=item, text="Drop me.")
    person = meeting.participants.create(name="A Person", position=0)
    unhcr = Organization.objects.get(acronym="UNHCR")
    meeting_edit(
        meeting=meeting,
        actor=secretariat_user,
        fields={"title": "EC Principals: route-based approach", "timezone": ""},
        participants=[{"instance": person, "delete": True}, {"instance": None, "name": "New One"}],
        agenda_items=[{"instance": item, "title": "Route-based approach", "kind": "item"}],
        decisions=[{"instance": None, "agenda_item": item, "text": "Agreed."}],
        action_points=[
            {
                "instance": point,
                "agenda_item": item,
                "text": "Draft the note.",
                "owner": "",
                "owner_organization": unhcr,
                "due_date": datetime.date(2030, 5, 1),
            },
            {"instance": gone, "delete": True},
            {"instance": None, "text": "Share the note.", "owner": "EC working level"},
        ],
    )
    meeting.refresh_from_db()
    point.refresh_from_db()
    assert meeting.title == "EC Principals: route-based approach"
    assert list(meeting.participants.values_list("name", flat=True)) == ["New One"]
    assert meeting.agenda_items.get().title == "Route-based approach"
    assert meeting.decisions.get().text == "Agreed."
    assert point.owner_organization == unhcr and point.due_date == datetime.date(2030, 5, 1)
    assert not ActionPoint.objects.filter(pk=gone.pk).exists()
    assert meeting.action_points.filter(text="Share the note.", owner="EC working level").exists()
    actions = {(e.action, e.field) for e in audit_history(subject=meeting)}
    assert {
        ("edited", "title"),
        ("participant_removed", ""),
        ("participant_added", ""),
        ("agenda_item_changed", "title"),
        ("decision_added", ""),
        ("action_point_removed", ""),
        ("action_point_added", ""),
    } <= actions
    point_history = {(e.field, e.new_value) for e in audit_history(subject=point)}
    assert ("due_date", "2030-05-01") in point_history
    assert ("owner", "Secretariat") not in point_history
    assert any(field == "owner_organization" for field, _value in point_history)


def test_a_bad_edit_saves_nothing(secretariat_user):
    meeting = MeetingFactory(title="Kept")
    other = MeetingFactory()
    foreign = AgendaItemFactory(meeting=other)
    with pytest.raises(ValidationError):
        meeting_edit(
            meeting=meeting,
            actor=secretariat_user,
            fields={"title": "Changed"},
            decisions=[{"instance": None, "agenda_item": foreign, "text": "Sneaky."}],
        )
    meeting.refresh_from_db()
    assert meeting.title == "Kept" and not audit_history(subject=meeting).exists()


def test_only_the_secretariat_edits(focal_point_user):
    meeting = MeetingFactory()
    with pytest.raises(PermissionDenied):
        meeting_edit(meeting=meeting, actor=focal_point_user, fields={"title": "X"})


def test_titles_state_series_and_date():
    series = MeetingSeriesFactory(name="Executive Committee Principals Meeting")
    plain = MeetingFactory(series=series, title=series.name, date=datetime.date(2024, 1, 29))
    named = MeetingFactory(series=series, title="Retreat", date=datetime.date(2024, 3, 5))
    assert plain.heading == "Executive Committee Principals Meeting, 29 January 2024"
    assert named.heading == "Retreat (Executive Committee Principals Meeting, 5 March 2024)"


def _management(prefix, total, initial):
    return {f"{prefix}-TOTAL_FORMS": total, f"{prefix}-INITIAL_FORMS": initial}


def test_edit_page_round_trip(client, secretariat_user, django_assert_max_num_queries):
    meeting = MeetingFactory(title="EC Principals Meeting", date=datetime.date(2024, 1, 29))
    item = AgendaItemFactory(meeting=meeting, title="Item one")
    point = ActionPointFactory(meeting=meeting, agenda_item=item, text="Old text.")
    client.force_login(secretariat_user)
    url = reverse("meetings:edit", args=[meeting.pk])
    page = client.get(url)
    assert page.status_code == 200 and b"Old text." in page.content
    data = {
        "meeting-title": "EC Principals Meeting",
        "meeting-date": "2024-01-29",
        "meeting-timezone": "",
        "meeting-venue": "<b>Geneva</b>",
        **_management("participants", 1, 0),
        **_management("agenda_items", 1, 1),
        "agenda_items-0-id": item.pk,
        "agenda_items-0-title": "Item one",
        "agenda_items-0-kind": "item",
        **_management("decisions", 0, 0),
        **_management("action_points", 2, 1),
        "action_points-0-id": point.pk,
        "action_points-0-text": "New text.",
        "action_points-0-agenda_item": item.pk,
        "action_points-1-text": "Added point.",
        "action_points-1-owner_organization": Organization.objects.get(acronym="UNHCR").pk,
    }
    response = client.post(url, data)
    assert response.status_code == 302, (
        response.context["forms"].fields.errors,
        {n: fs.errors for n, fs in response.context["forms"]},
        response.context["error"],
    )
    point.refresh_from_db()
    assert point.text == "New text."
    added = meeting.action_points.get(text="Added point.")
    assert added.owner_organization.acronym == "UNHCR"
    detail = client.get(meeting.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Geneva&lt;/b&gt;" in detail
    history = client.get(reverse("meetings:history", args=[meeting.pk])).content.decode()
    assert "action point added" in history and "Geneva" in history


def test_edit_page_adds_participants_pasted_at_once(client, secretariat_user):
    """An attendance pasted as an e-mail lists it: each person added once after the rows,
    linked to the directory's organisation where the line names one."""
    meeting = MeetingFactory(date=datetime.date(2024, 1, 29))
    Participant.objects.create(meeting=meeting, position=0, name="Ana Lind")
    client.force_login(secretariat_user)
    url = reverse("meetings:edit", args=[meeting.pk])
    page = client.get(url)
    assert b'data-testid="more-participants"' in page.content
    kept = meeting.participants.get()
    data = {
        "meeting-title": meeting.title,
        "meeting-date": "2024-01-29",
        **_management("participants", 1, 1),
        "participants-0-id": kept.pk,
        "participants-0-name": "Ana Lind",
        "participants-0-attendance": "present",
        **_management("agenda_items", 0, 0),
        **_management("decisions", 0, 0),
        **_management("action_points", 0, 0),
        "more-names": "Ben Ray (UNHCR)\nAna Lind\nCarla Moss, Lyon Refugee Forum",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    people = list(meeting.participants.order_by("position"))
    assert [p.name for p in people] == ["Ana Lind", "Ben Ray", "Carla Moss"]
    assert people[1].organization.acronym == "UNHCR"
    assert people[2].organization is None
    assert people[2].organization_as_written == "Lyon Refugee Forum"


def test_edit_page_shows_errors_and_keeps_input(client, secretariat_user):
    meeting = MeetingFactory()
    client.force_login(secretariat_user)
    url = reverse("meetings:edit", args=[meeting.pk])
    response = client.post(
        url,
        {
            "meeting-title": "Kept input",
            "meeting-date": "not a date",
            **_management("participants", 0, 0),
            **_management("agenda_items", 0, 0),
            **_management("decisions", 0, 0),
            **_management("action_points", 0, 0),
        },
    )
    assert response.status_code == 200 and b"Kept input" in response.content
    meeting.refresh_from_db()
    assert meeting.title == "EC Principals Meeting"


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "focal_point", "member_state"])
def test_plan_and_edit_pages_are_closed_to_others(client, users_by_role, role):
    meeting = MeetingFactory()
    if role != "anonymous":
        client.force_login(users_by_role[role])
    for url in (
        reverse("meetings:plan"),
        reverse("meetings:edit", args=[meeting.pk]),
        reverse("meetings:history", args=[meeting.pk]),
    ):
        assert client.get(url).status_code in (302, 403)


def test_plan_page_creates_the_meeting(client, secretariat_user):
    client.force_login(secretariat_user)
    person = Person.objects.create(name="Amy Pope")
    response = client.post(
        reverse("meetings:plan"),
        {
            "new_series": "Annual meeting of the Network",
            "date": "2030-06-01",
            "agenda": "Opening\nWorkplan",
            "invited_people": [person.pk],
            "invited_others": "Jane Doe | ILO",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(date=datetime.date(2030, 6, 1))
    assert meeting.heading == "Annual meeting of the Network, 1 June 2030"
    assert meeting.agenda_items.count() == 2
    assert set(meeting.participants.values_list("name", "attendance")) == {
        ("Amy Pope", "invited"),
        ("Jane Doe", "invited"),
    }
    assert meeting.timezone == ""


def test_the_import_page_can_target_a_planned_meeting(client, secretariat_user):
    from nethub.meetings.models import ImportDraft

    path = fixture_path("ec-principals-2024-01-29.txt")
    planned = _plan(secretariat_user)
    client.force_login(secretariat_user)
    url = f"{reverse('meetings:import')}?meeting={planned.pk}"
    assert planned.heading in client.get(url).content.decode()
    with path.open("rb") as handle:
        response = client.post(url, {"file": handle})
    assert response.status_code == 302
    assert ImportDraft.objects.get().meeting == planned


def test_the_import_task_fills_the_drafts_planned_meeting(
    secretariat_user, django_capture_on_commit_callbacks
):
    from nethub.meetings.services import import_draft_create
    from nethub.meetings.tasks import import_draft

    path = fixture_path("ec-principals-2024-01-29.txt")
    planned = _plan(secretariat_user)
    with django_capture_on_commit_callbacks(execute=True):  # read after commit
        draft, _created = import_draft_create(
            data=path.read_bytes(), filename=path.name, actor=secretariat_user, meeting=planned
        )
    result = import_draft.enqueue(draft_id=draft.pk, actor_id=secretariat_user.pk)
    assert result.return_value == planned.pk
    planned.refresh_from_db()
    assert not planned.is_planned and Meeting.objects.count() == 1
