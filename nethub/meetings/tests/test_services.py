"""Importing summaries (all formats, re-import, bad files) and changing an action point's status."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import fixture_path
from nethub.core.selectors import audit_history
from nethub.ingest.extract import IngestError
from nethub.meetings.models import ActionPoint, Meeting
from nethub.meetings.services import action_point_update_status, meeting_import
from nethub.meetings.tests.documents import docx_from_text, pdf_from_text
from nethub.meetings.tests.factories import ActionPointFactory

pytestmark = pytest.mark.django_db

FIXTURES = {
    "ec-principals-2021-05-05.txt": {
        "date": datetime.date(2021, 5, 5),
        "participants": 9,
        "items": 5,
        "decisions": 2,
        "points": 10,
        "start": datetime.time(15, 0),
        "timezone": "",
    },
    "ec-principals-2022-02-15.md": {
        "date": datetime.date(2022, 2, 15),
        "participants": 9,
        "items": 3,
        "decisions": 3,
        "points": 2,
        "start": datetime.time(16, 0),
        "timezone": "",
    },
    "ec-principals-2024-01-29.txt": {
        "date": datetime.date(2024, 1, 29),
        "participants": 12,
        "items": 4,
        "decisions": 1,
        "points": 4,
        "start": datetime.time(9, 0),
        "timezone": "America/New_York",
    },
}


def _import(name, *, data=None, filename=None, actor=None):
    path = fixture_path(name)
    return meeting_import(data=data or path.read_bytes(), filename=filename or name, actor=actor)


@pytest.mark.parametrize("name", list(FIXTURES))
def test_each_ec_summary_imports_into_a_meeting(name, reference_data, secretariat_user):
    expected = FIXTURES[name]
    meeting = _import(name, actor=secretariat_user)
    assert meeting.date == expected["date"]
    assert meeting.start_time == expected["start"] and meeting.timezone == expected["timezone"]
    assert meeting.series.name == "Executive Committee Principals Meeting"
    assert meeting.participants.count() == expected["participants"]
    assert meeting.participants.filter(organization__isnull=True).count() == 0
    assert meeting.agenda_items.count() == expected["items"]
    assert meeting.decisions.count() == expected["decisions"]
    assert meeting.action_points.count() == expected["points"]
    assert meeting.source_document and meeting.source_filename == name
    assert audit_history(subject=meeting).first().action == "imported"


def test_2024_action_point_owned_by_a_body_with_its_due_date(reference_data):
    meeting = _import("ec-principals-2024-01-29.txt")
    proposal = meeting.action_points.get(due_date__isnull=False)
    assert proposal.owner == "EC working level"
    assert proposal.due_date == datetime.date(2024, 5, 1)
    assert proposal.agenda_item.title.startswith("Route-based approach")
    assert proposal.status == ActionPoint.Status.OPEN
    pope = meeting.participants.get(name="Amy E. Pope")
    assert (pope.title, pope.organization.acronym, pope.role) == (
        "DG",
        "IOM",
        "Network Coordinator",
    )
    assert pope.person.name == "Amy E. Pope" and pope.person.organization == pope.organization


def test_2022_coordinator_owns_the_relay(reference_data):
    meeting = _import("ec-principals-2022-02-15.md")
    assert meeting.action_points.get(owner="Coordinator").text.startswith("Coordinator to relay")


def test_reimport_updates_and_keeps_status_and_history(reference_data, secretariat_user):
    meeting = _import("ec-principals-2024-01-29.txt", actor=secretariat_user)
    point = meeting.action_points.get(due_date__isnull=False)
    action_point_update_status(
        action_point=point, status="in_progress", comment="drafting", actor=secretariat_user
    )
    again = _import("ec-principals-2024-01-29.txt", actor=secretariat_user)
    assert again.pk == meeting.pk and Meeting.objects.count() == 1
    assert again.action_points.count() == 4
    point.refresh_from_db()
    assert point.status == "in_progress"
    assert audit_history(subject=point).filter(comment="drafting").exists()


def test_another_version_of_the_same_meeting_updates_it(reference_data):
    path = fixture_path("ec-principals-2022-02-15.md")
    first = _import("ec-principals-2022-02-15.md")
    edited = (
        path.read_bytes()
        + b"\n\nAction Points:\n\n- Secretariat to circulate the pledge by 1 March.\n"
    )
    second = meeting_import(data=edited, filename="summary-v2.md", actor=None)
    assert second.pk == first.pk and Meeting.objects.count() == 1
    assert second.action_points.filter(owner="Secretariat", due_date="2022-03-01").exists()


@pytest.mark.parametrize(
    "name,size", [("ec-principals-2024-01-29.txt", 11), ("ec-principals-2021-05-05.txt", 8)]
)
def test_pdf_and_docx_import_to_the_same_result_as_the_text(name, size, reference_data):
    text = fixture_path(name).read_text(encoding="utf-8")

    def snapshot(meeting):
        return (
            meeting.date,
            meeting.start_time,
            meeting.end_time,
            meeting.timezone,
            [(p.name, p.title, p.organization_id) for p in meeting.participants.all()],
            [(i.title, [d.text for d in i.decisions.all()]) for i in meeting.agenda_items.all()],
            [(a.text, a.owner, a.due_date) for a in meeting.action_points.order_by("position")],
        )

    from_text = snapshot(_import(name))
    Meeting.objects.all().delete()
    from_pdf = snapshot(
        meeting_import(data=pdf_from_text(text, size=size), filename="s.pdf", actor=None)
    )
    Meeting.objects.all().delete()
    from_docx = snapshot(meeting_import(data=docx_from_text(text), filename="s.docx", actor=None))
    assert from_pdf == from_text
    assert from_docx == from_text


@pytest.mark.parametrize(
    "data,filename",
    [
        (b"", "empty.txt"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image.png"),
        (b"%PDF-1.4 broken", "broken.pdf"),
        (b"PK\x03\x04 not really a zip", "fake.docx"),
    ],
)
def test_unreadable_file_gives_a_clear_error_and_saves_nothing(data, filename, reference_data):
    with pytest.raises(IngestError) as error:
        meeting_import(data=data, filename=filename, actor=None)
    assert str(error.value)
    assert Meeting.objects.count() == 0 and ActionPoint.objects.count() == 0


def test_a_summary_without_a_date_is_refused_whole(reference_data):
    with pytest.raises(ValidationError):
        meeting_import(
            data=b"Some notes\n\nAction Points:\n- Do it.\n", filename="n.txt", actor=None
        )
    assert Meeting.objects.count() == 0


def test_status_change_leaves_history(reference_data, secretariat_user):
    point = ActionPointFactory()
    action_point_update_status(
        action_point=point, status="done", comment="sent", actor=secretariat_user
    )
    point.refresh_from_db()
    assert point.status == "done"
    [event] = audit_history(subject=point)
    assert (event.actor, event.old_value, event.new_value, event.comment) == (
        secretariat_user,
        "open",
        "done",
        "sent",
    )


def test_focal_point_may_change_only_their_organisations(reference_data, focal_point_user):
    own = ActionPointFactory(owner_organization=focal_point_user.organization)
    other = ActionPointFactory()
    action_point_update_status(action_point=own, status="done", actor=focal_point_user)
    with pytest.raises(PermissionDenied):
        action_point_update_status(action_point=other, status="done", actor=focal_point_user)
    other.refresh_from_db()
    assert other.status == "open" and not audit_history(subject=other).exists()


def test_unknown_status_is_refused(reference_data, secretariat_user):
    with pytest.raises(ValidationError):
        action_point_update_status(
            action_point=ActionPointFactory(), status="lost", actor=secretariat_user
        )


def test_a_draft_imports_as_a_background_task(
    reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    from nethub.meetings.services import import_draft_create
    from nethub.meetings.tasks import import_draft

    path = fixture_path("ec-principals-2022-02-15.md")
    with django_capture_on_commit_callbacks(execute=True):  # read after commit
        draft, _created = import_draft_create(
            data=path.read_bytes(), filename=path.name, actor=secretariat_user
        )
    result = import_draft.enqueue(draft_id=draft.pk, actor_id=secretariat_user.pk)
    meeting = Meeting.objects.get(pk=result.return_value)
    assert meeting.action_points.count() == 2


def test_demo_loads_the_summaries_twice_without_duplicates(reference_data, secretariat_user):
    import io

    from nethub.meetings import demo

    secretariat_user.username = "secretariat"
    secretariat_user.save(update_fields=["username"])
    folder = fixture_path("ec-principals-2021-05-05.txt").parent
    demo.load(fixtures_dir=folder, stdout=io.StringIO())
    demo.load(fixtures_dir=folder, stdout=io.StringIO())
    demo.load(fixtures_dir=None, stdout=io.StringIO())
    assert Meeting.objects.count() == 3
    assert ActionPoint.objects.filter(status="in_progress").count() == 2


@pytest.mark.parametrize(
    "name,size", [("ec-principals-2024-01-29.txt", 11), ("ec-principals-2021-05-05.txt", 8)]
)
def test_a_pdf_with_running_headers_and_page_numbers_extracts_the_same(name, size, reference_data):
    from nethub.directory.selectors import OrganizationResolver
    from nethub.ingest.extract import extract_text
    from nethub.meetings.extract import extract_meeting

    text = fixture_path(name).read_text(encoding="utf-8")
    pdf = pdf_from_text(text, size=size, running="UN Network on Migration – EC Principals")
    pages = extract_text(pdf).text
    assert pages.count("Page ") >= 2  # the furniture really is in the text

    def points(source):
        meeting = extract_meeting(source, resolver=OrganizationResolver.from_reference_data())
        return [
            (i.title, [(p.text, p.owner, p.due_date) for p in i.action_points])
            for i in meeting.agenda_items
        ], len(meeting.participants)

    assert points(pages) == points(text)


def test_stale_drafts_are_removed(reference_data, secretariat_user):
    from django.utils import timezone

    from nethub.meetings.models import ImportDraft
    from nethub.meetings.services import import_draft_create

    path = fixture_path("ec-principals-2022-02-15.md")
    old, _created = import_draft_create(
        data=path.read_bytes(), filename=path.name, actor=secretariat_user
    )
    ImportDraft.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    new, _created = import_draft_create(
        data=path.read_bytes(), filename=path.name, actor=secretariat_user
    )
    assert list(ImportDraft.objects.values_list("pk", flat=True)) == [new.pk]


@pytest.mark.django_db
def test_the_secretariat_assigns_an_owner_and_its_focal_point_may_then_update(
    secretariat_user, focal_point_user, stakeholder_user
):
    from django.core.exceptions import PermissionDenied

    from nethub.core.selectors import audit_history
    from nethub.directory.models import Organization
    from nethub.meetings.services import action_point_assign_owner, action_point_update_status
    from nethub.meetings.tests.factories import ActionPointFactory

    point = ActionPointFactory(owner="", owner_organization=None)
    assert not focal_point_user.has_perm("meetings.change_action_point_status", point)
    with pytest.raises(PermissionDenied):
        action_point_assign_owner(
            action_point=point, organization=focal_point_user.organization, actor=stakeholder_user
        )
    unhcr = Organization.objects.get(acronym="UNHCR", kind="un_entity")
    point = action_point_assign_owner(
        action_point=point, organization=unhcr, actor=secretariat_user
    )
    event = audit_history(subject=point).first()
    assert (event.field, event.new_value, event.actor) == ("owner", "UNHCR", secretariat_user)
    assert focal_point_user.has_perm("meetings.change_action_point_status", point)
    action_point_update_status(action_point=point, status="done", actor=focal_point_user)


@pytest.mark.django_db
def test_reimport_keeps_an_owner_the_secretariat_assigned(secretariat_user, reference_data):
    from nethub.directory.models import Organization
    from nethub.meetings.services import action_point_assign_owner, meeting_import

    summary = (
        b"Executive Committee Principals Meeting\n\nMonday, 3 March 2025\n\n"
        b"Participants:\n\nJane Doe, Director, ILO\n\nLabour migration\n\nAction Points:\n\n"
        b"- Prepare a note on fair recruitment.\n"
    )
    meeting = meeting_import(data=summary, filename="s.txt", actor=secretariat_user)
    point = meeting.action_points.get()
    ilo = Organization.objects.get(acronym="ILO", kind="un_entity")
    action_point_assign_owner(action_point=point, organization=ilo, actor=secretariat_user)
    meeting = meeting_import(data=summary, filename="s.txt", actor=secretariat_user)
    assert meeting.action_points.get().owner_organization == ilo


@pytest.mark.django_db(transaction=True)
def test_the_migration_to_one_import_a_file_keeps_the_newest_of_duplicates():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def migrate(targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = migrate([("meetings", "0006_importdraft_reading")])
        Draft = old.get_model("meetings", "ImportDraft")
        for name in ("first.txt", "second.txt", "other.txt"):
            Draft.objects.create(
                filename=name,
                checksum="b" if name == "other.txt" else "a",
                text="",
                status="review",
            )
        migrate(leaves)
        from nethub.meetings.models import ImportDraft

        statuses = dict(ImportDraft.objects.values_list("filename", "status"))
        assert statuses == {
            "first.txt": "unreadable",
            "second.txt": "review",
            "other.txt": "review",
        }
        assert "replaced" in ImportDraft.objects.get(filename="first.txt").error
    finally:
        migrate(leaves)
