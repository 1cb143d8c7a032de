"""`extract_meeting` and `import_meeting` from the command line."""

import json

import pytest
from django.core.management import CommandError, call_command

from conftest import fixture_path
from nethub.meetings.models import Meeting

SHAPE = {
    "title",
    "series",
    "date",
    "start_time",
    "end_time",
    "timezone",
    "participants",
    "agenda_items",
}


def test_extract_meeting_prints_the_documented_json(capsys, db):
    call_command(
        "extract_meeting", str(fixture_path("ec-principals-2024-01-29.txt")), format="json"
    )
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= SHAPE
    assert data["series"] == "Executive Committee Principals Meeting"
    assert (data["date"], data["start_time"], data["end_time"], data["timezone"]) == (
        "2024-01-29",
        "09:00",
        "10:30",
        "America/New_York",
    )
    assert {"name": "Amy E. Pope", "title": "DG", "organization": "IOM"}.items() <= (
        data["participants"][0].items()
    )
    item = data["agenda_items"][2]
    assert set(item) >= {"title", "decisions", "action_points"}
    assert {"text", "owner", "due_date"} <= set(item["action_points"][0])
    assert item["action_points"][0]["due_date"] == "2024-05-01"
    assert Meeting.objects.count() == 0


def test_extract_meeting_as_text(capsys, db):
    call_command("extract_meeting", str(fixture_path("ec-principals-2022-02-15.md")), format="text")
    out = capsys.readouterr().out
    assert "Coordinator to relay" in out and "owner: Coordinator" in out


def test_extract_meeting_without_database_tables(capsys):
    # The static resolver reads UN entities from the data file when the database is absent.
    from nethub.directory.selectors import OrganizationResolver

    assert (
        OrganizationResolver.from_reference_data().resolve("UN Refugee Agency").acronym == "UNHCR"
    )


@pytest.mark.django_db
def test_import_meeting_twice_updates(capsys, reference_data):
    path = str(fixture_path("ec-principals-2021-05-05.txt"))
    call_command("import_meeting", path)
    call_command("import_meeting", path)
    assert Meeting.objects.count() == 1
    assert "10 action points" in capsys.readouterr().out


@pytest.mark.django_db
def test_import_meeting_errors(tmp_path, reference_data):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_meeting", str(tmp_path / "missing.txt"))
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing")
    with pytest.raises(CommandError, match="could not be read"):
        call_command("import_meeting", str(bad))
    assert Meeting.objects.count() == 0
