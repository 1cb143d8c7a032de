"""`make run` loads the demo on every start: a second load adds what is missing and never
undoes what people changed in between."""

import datetime
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail

from conftest import FIXTURES_DIR, fixture_path
from nethub.accounts.models import User
from nethub.core.demo import demo_load

pytestmark = pytest.mark.django_db


# Transactional: e-mails and indexing run after each commit, inside the load, as in `make run`.
@pytest.mark.django_db(transaction=True)
def test_a_second_demo_load_keeps_what_people_changed(reference_data, capsys):
    from nethub.consultations.models import Consultation
    from nethub.library.models import Document
    from nethub.meetings.models import ActionPoint, Meeting

    fixture_path("ec-principals-2024-01-29.txt")
    fixture_path("discussion-space-draft-workplan-2022-2024.txt")
    first_out = StringIO()
    demo_load(stdout=first_out, fixtures_dir=FIXTURES_DIR)
    password = settings.DEMO_PASSWORD_FILE.read_text().strip()
    assert f"secretariat    {password}" in first_out.getvalue()
    assert User.objects.get(username="focal.unhcr").check_password(password)

    # What the secretariat does between two starts.
    meeting = Meeting.objects.get(source_filename="ec-principals-2024-01-29.txt")
    Meeting.objects.filter(pk=meeting.pk).update(title="Renamed by the secretariat")
    point = meeting.action_points.order_by("position").first()
    ActionPoint.objects.filter(pk=point.pk).update(
        due_date=datetime.date(2031, 3, 1), status="done"
    )
    added = ActionPoint.objects.create(meeting=meeting, text="Added during review", position=99)
    points = meeting.action_points.count()
    focal = User.objects.get(username="focal.unhcr")
    focal.set_password("my-own-password-42")
    focal.first_name = "Fatima"
    focal.save()
    consultation = Consultation.objects.exclude(slug__startswith="demo-").get()
    Consultation.objects.filter(pk=consultation.pk).update(title="Consultation renamed")
    document = Document.objects.get(source_key="fixture:ec-principals-2024-01-29.txt")
    Document.objects.filter(pk=document.pk).update(title="Document renamed")
    counts = (Meeting.objects.count(), Consultation.objects.count(), Document.objects.count())

    second_out = StringIO()
    demo_load(stdout=second_out, fixtures_dir=FIXTURES_DIR)

    meeting.refresh_from_db()
    point.refresh_from_db()
    focal.refresh_from_db()
    assert meeting.title == "Renamed by the secretariat"
    assert point.due_date == datetime.date(2031, 3, 1) and point.status == "done"
    assert ActionPoint.objects.filter(pk=added.pk).exists()
    assert meeting.action_points.count() == points
    assert focal.check_password("my-own-password-42") and focal.first_name == "Fatima"
    assert User.objects.get(username="secretariat").check_password(password)
    assert Consultation.objects.get(pk=consultation.pk).title == "Consultation renamed"
    assert Document.objects.get(pk=document.pk).title == "Document renamed"
    assert (Meeting.objects.count(), Consultation.objects.count(), Document.objects.count()) == (
        counts
    )
    # The same password is printed on every run.
    assert f"secretariat    {password}" in second_out.getvalue()
    # No raw e-mail went to the console (or anywhere) while loading.
    assert [message.subject for message in mail.outbox] == []
    assert "Content-Type:" not in capsys.readouterr().out


def test_demo_password_for_new_users_only(reference_data, settings):
    from nethub.core.demo import demo_users_ensure

    first = demo_users_ensure()
    stored = settings.DEMO_PASSWORD_FILE.read_text().strip()
    assert set(first.values()) == {stored}
    User.objects.filter(username="stakeholder2").delete()
    settings.DEMO_PASSWORD = "chosen-by-env-123"
    again = demo_users_ensure()
    assert again["stakeholder2"] == "chosen-by-env-123"
    assert User.objects.get(username="stakeholder2").check_password("chosen-by-env-123")
    assert again["secretariat"] == stored
    assert User.objects.get(username="secretariat").check_password(stored)


def test_reloading_reference_data_keeps_a_renamed_un_entity(reference_data, secretariat_user):
    from nethub.directory.models import Organization
    from nethub.directory.services import organization_update, reference_data_load

    unhcr = Organization.objects.get(acronym="UNHCR", kind="un_entity")
    organization_update(
        organization=unhcr, actor=secretariat_user, name="UNHCR, the UN Refugee Agency"
    )
    count = Organization.objects.count()
    reference_data_load()
    unhcr.refresh_from_db()
    assert unhcr.name == "UNHCR, the UN Refugee Agency"
    assert Organization.objects.count() == count
