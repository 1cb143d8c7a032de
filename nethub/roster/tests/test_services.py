import pytest
from django.core import mail

from nethub.accounts.models import Role
from nethub.ingest.extract import IngestError
from nethub.roster import services
from nethub.roster.models import ExpertApplication
from nethub.roster.tests import factories

pytestmark = pytest.mark.django_db


def _values(**extra):
    values = {
        "language": "fr",
        "full_name": "Amina Diallo",
        "organization": None,
        "organization_name": "Réseau des migrants",
        "themes": "gender, children",
        "biography": "Labour migration and <b>bilateral</b> agreements.",
        "years_of_experience": 12,
        "conflict_topics": "",
        "available": True,
        "public_fields": ["name", "expertise"],
        "consent_to_be_listed": True,
        "expertise": [factories.objective(6)],
        "regions": [],
        "countries": [factories.country("SN")],
        "conflict_organizations": [],
        "conflict_countries": [],
    }
    values.update(extra)
    return values


def test_a_draft_is_saved_then_submitted_with_its_cv(reference_data):
    person = factories.user()
    draft = services.application_save(actor=person, values=_values(), languages=[("fr", "native")])
    assert draft.status == ExpertApplication.Status.DRAFT
    submitted = services.application_save(
        actor=person,
        values=_values(full_name="Amina Diallo Ba"),
        languages=[("fr", "native"), ("en", "working")],
        cv_data=factories.docx_cv("Expert in bilateral labour migration agreements"),
        cv_filename="cv.docx",
        submit=True,
    )
    assert submitted.pk == draft.pk
    assert submitted.status == ExpertApplication.Status.SUBMITTED
    assert "bilateral labour migration" in submitted.cv_text
    assert submitted.cv.name.startswith("roster/cv/") and "cv.docx" not in submitted.cv.name
    assert sorted(submitted.languages.values_list("code", flat=True)) == ["en", "fr"]


def test_a_pdf_cv_is_read(reference_data):
    person = factories.user()
    application = services.application_save(
        actor=person,
        values=_values(),
        cv_data=factories.pdf_cv("Return and reintegration"),
        cv_filename="cv.pdf",
    )
    assert "reintegration" in application.cv_text
    assert application.cv_type == "application/pdf"


@pytest.mark.parametrize(
    "data, filename",
    [
        (b"<html><script>alert(1)</script></html>", "cv.pdf"),
        (b"%PDF-1.4 truncated", "cv.pdf"),
        (b"plain text pretending", "cv.docx"),
    ],
)
def test_a_cv_that_is_not_what_its_name_says_saves_nothing(reference_data, data, filename):
    person = factories.user()
    with pytest.raises(IngestError):
        services.application_save(
            actor=person, values=_values(), cv_data=data, cv_filename=filename, submit=True
        )
    assert not ExpertApplication.objects.filter(applicant=person).exists()


def test_an_oversized_cv_is_refused(reference_data, settings):
    settings.MAX_UPLOAD_SIZE = 1000
    person = factories.user()
    with pytest.raises(IngestError, match="larger"):
        services.application_save(
            actor=person,
            values=_values(),
            cv_data=factories.docx_cv("x" * 5000),
            cv_filename="cv.docx",
        )
    assert not ExpertApplication.objects.exists()


def test_submitting_needs_consent(reference_data):
    person = factories.user()
    with pytest.raises(services.RosterError):
        services.application_save(
            actor=person, values=_values(consent_to_be_listed=False), submit=True
        )
    assert not ExpertApplication.objects.exists()


def test_a_submitted_application_cannot_be_edited_by_its_applicant(reference_data):
    person = factories.user()
    services.application_save(actor=person, values=_values(), submit=True)
    with pytest.raises(services.RosterError):
        services.application_save(actor=person, values=_values(full_name="Changed"))
    assert ExpertApplication.objects.get().full_name == "Amina Diallo"


def test_acceptance_sets_a_renewal_and_mails_the_applicant_in_their_language(
    reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    person = factories.user()
    application = services.application_save(actor=person, values=_values(), submit=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(
            actor=secretariat_user,
            application=application,
            to_status="accepted",
            note="Bienvenue",
        )
    application.refresh_from_db()
    assert application.status == "accepted" and application.renewal_due
    assert len(mail.outbox) == 1
    assert "accepté" in mail.outbox[0].body.lower() or "accept" in mail.outbox[0].body.lower()
    assert "Bienvenue" in mail.outbox[0].body


def test_no_mail_when_the_decision_rolls_back(reference_data, secretariat_user):
    person = factories.user()
    application = services.application_save(actor=person, values=_values(), submit=True)
    with pytest.raises(services.RosterError):
        services.application_decide(
            actor=secretariat_user, application=application, to_status="draft"
        )
    assert mail.outbox == []
    application.refresh_from_db()
    assert application.status == "submitted"


def test_an_internal_note_is_not_mailed(
    reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    person = factories.user()
    application = services.application_save(actor=person, values=_values(), submit=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(
            actor=secretariat_user,
            application=application,
            to_status="in_review",
            note="check references",
            internal=True,
        )
    assert mail.outbox == []


def test_more_information_then_resubmission(
    reference_data, secretariat_user, django_capture_on_commit_callbacks
):
    person = factories.user(role=Role.STAKEHOLDER)
    application = services.application_save(actor=person, values=_values(), submit=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(
            actor=secretariat_user,
            application=application,
            to_status="more_info",
            note="Please add your CV",
        )
    assert "Please add your CV" in mail.outbox[0].body
    again = services.application_save(
        actor=person,
        values=_values(),
        cv_data=factories.docx_cv("CV"),
        cv_filename="cv.docx",
        submit=True,
    )
    assert again.status == "submitted"
    assert [s.to_status for s in again.steps.all()] == ["submitted", "more_info", "submitted"]


def test_renewal_reminders_go_once_per_renewal(reference_data, django_capture_on_commit_callbacks):
    import datetime

    expert = factories.expert()
    expert.applicant.email = "expert@example.org"
    expert.applicant.save()
    ExpertApplication.objects.filter(pk=expert.pk).update(
        renewal_due=datetime.date.today() - datetime.timedelta(days=1)
    )
    factories.expert()  # no renewal date: not reminded
    with django_capture_on_commit_callbacks(execute=True):
        assert services.renewal_reminders_send() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.renewal_reminders_send() == 0
    assert [m.to for m in mail.outbox] == [["expert@example.org"]]
    assert "confirm" in mail.outbox[0].body


def test_demo_loads_once_and_keeps_what_people_changed(reference_data):
    import io

    from nethub.core.demo import demo_users_ensure
    from nethub.roster import demo

    demo_users_ensure(password="pw-for-tests")
    demo.load(fixtures_dir=None, stdout=io.StringIO())
    accepted = ExpertApplication.objects.filter(status="accepted")
    assert accepted.count() == 2
    ExpertApplication.objects.filter(status="draft").update(full_name="Edited by a person")
    demo.load(fixtures_dir=None, stdout=io.StringIO())
    assert ExpertApplication.objects.count() == 3
    assert ExpertApplication.objects.get(status="draft").full_name == "Edited by a person"


def test_an_organisation_written_by_hand_is_resolved_through_the_directory(reference_data):
    person = factories.user()
    application = services.application_save(
        actor=person,
        values=_values(organization_name="Office of the UN High Commissioner for Refugees"),
    )
    assert application.organization.acronym == "UNHCR"
    unknown = services.application_save(
        actor=factories.user(), values=_values(organization_name="A collective nobody knows")
    )
    assert unknown.organization is None and unknown.organization_name == "A collective nobody knows"
