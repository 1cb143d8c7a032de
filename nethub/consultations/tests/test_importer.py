"""Importing an exported Discussion Space page: the real fixture and a synthetic page."""

import pytest
from django.core.management import call_command

from conftest import fixture_path
from nethub.consultations.importer import consultation_import
from nethub.consultations.models import Comment, ExpressionOfInterest
from nethub.consultations.selectors import synthesis
from nethub.directory.models import Organization

FIXTURE = "discussion-space-draft-workplan-2022-2024.txt"

# (position, organisation name or None, byline, in reply to) as the page states them.
EXPECTED = [
    (1, "Caritas Internationalis", "", ""),
    (2, "Initiative for Child Rights in the Global Compacts", "UN Network", "Migration Netw…"),
    (3, None, "UN Network", "Migration Netw…"),
    (4, None, "UN Network", "Migration Netw…"),
    (5, None, "UN Network", "Migration Netw…"),
    (6, None, "UN Network", "Migration Netw…"),
    (7, "Caritas Internationalis", "", "Migration Netw…"),
    (8, "CARAM Asia", "UN Network", "Migration Netw…"),
    (9, "Caritas Internationalis", "", "Migration Netw…"),
    (10, "Initiative for Child Rights in the Global Compacts", "UN Network", "Migration Netw…"),
    (11, "CARAM Asia", "UN Network", "Migration Netw…"),
    (
        12,
        "Boston University School of Law’s International Human Rights Clinic",
        "",
        "Migration Netw…",
    ),
    (13, "United Kingdom", "", ""),
]


@pytest.fixture
def imported(reference_data):
    return consultation_import(path=fixture_path(FIXTURE))


@pytest.mark.django_db
def test_fixture_comments_organisations_and_reply_links(imported):
    consultation = imported.consultation
    assert consultation.title == "Draft Network Workplan 2022-2024"
    assert "annual meeting" in consultation.welcome
    comments = list(consultation.comments.select_related("organization").order_by("position"))
    got = [
        (c.position, c.organization.name if c.organization else None, c.byline, c.reply_to_label)
        for c in comments
    ]
    assert got == EXPECTED
    # Every reply answers a post of "Migration Netw…" (the questions), which the export does
    # not contain: no comment is linked to another, none is invented.
    assert all(c.parent_id is None for c in comments)
    assert comments[0].attachment_mentioned and comments[1].attachment_mentioned
    assert "[Full comments attached]" not in comments[0].text
    assert comments[11].organization.acronym == "IHRC"
    assert comments[11].organization.kind == "academia"
    assert comments[12].organization.kind == "member_state"
    assert comments[12].text.startswith("In 04/09/2020, Network of Girls")
    # A line broken inside a sentence is joined again.
    assert "(NoGAHT)in partnership" in comments[12].text
    assert len(imported.without_organisation) == 4
    assert sorted(imported.organisations_created) == sorted(
        [EXPECTED[0][1], EXPECTED[1][1], "CARAM Asia", EXPECTED[11][1]]
    )


@pytest.mark.django_db
def test_fixture_priorities_and_interests(imported):
    consultation = imported.consultation
    priorities = {t.number: t for t in consultation.targets}
    assert set(priorities) == {"2", "3", "4", "5", "6"}
    assert priorities["3"].title == "Preparing for future health emergencies"
    assert priorities["5"].novelty == "new"
    assert priorities["6"].title == "Climate Change, the GCM and the Paris Agreement"
    caram = ExpressionOfInterest.objects.get(organization__name="CARAM Asia")
    assert caram.target == priorities["3"]
    # Caritas and the Initiative say they are interested, but their lists are not in the page.
    unlisted = ExpressionOfInterest.objects.filter(target_id__isnull=True)
    assert {i.organization.name for i in unlisted} == {
        "Caritas Internationalis",
        "Initiative for Child Rights in the Global Compacts",
    }


@pytest.mark.django_db
def test_fixture_synthesis_lists_priorities_per_organisation(imported):
    result = synthesis(consultation=imported.consultation)
    by_org = {e["organization"].name: e for e in result["organizations"]}
    numbers = {name: sorted(t.number for t in e["targets"]) for name, e in by_org.items()}
    assert numbers["CARAM Asia"] == ["3"]
    assert numbers[EXPECTED[11][1]] == ["2"]
    assert numbers["Caritas Internationalis"] == ["3", "4", "5", "6"]
    assert any(
        "New Priority focusing on the special protection" in ask
        for _c, ask in by_org["Caritas Internationalis"]["asks"]
    )
    assert result["count"] == 13


@pytest.mark.django_db
def test_reimport_updates_never_duplicates(imported, reference_data):
    organisations = Organization.objects.count()
    again = consultation_import(path=fixture_path(FIXTURE))
    assert again.consultation.pk == imported.consultation.pk
    assert again.created == 0 and again.updated == 13
    assert Comment.objects.count() == 13
    assert Organization.objects.count() == organisations
    assert ExpressionOfInterest.objects.count() == 3


SYNTHETIC = """\
Consultation on the Regional Roadmap 2025
Comments

Question 1: What should the roadmap add?
Posted by Ana Ruiz on behalf of Red Jesuita con Migrantes on 3 March 2025
We ask that the roadmap adds a chapter on return.
Another paragraph of the same comment,
broken inside a sentence.
In reply to Re: roadmap by Ana Ruiz
Organisation: UNHCR
We agree with Red Jesuita.
In reply to by Somebody Unkn…
A reply whose author the page does not give.
Question 2: Which priorities would you like to join?
Posted by Li Wei on behalf of Asia Pacific Migrant Forum
Asia Pacific Migrant Forum is particularly interested in the following:
Continue our engagement
- Priority 1 "Safe pathways"
- Working group on return and reintegration
Start our engagement
- Workstream 2: Data
"""


@pytest.mark.django_db
def test_synthetic_page_with_another_layout(reference_data, tmp_path):
    path = tmp_path / "roadmap.txt"
    path.write_text(SYNTHETIC, encoding="utf-8")
    report = consultation_import(path=path)
    consultation = report.consultation
    assert consultation.title == "Consultation on the Regional Roadmap 2025"
    assert [q.text for q in consultation.questions.all()] == [
        "What should the roadmap add?",
        "Which priorities would you like to join?",
    ]
    first, reply, orphan, forum = consultation.comments.order_by("position")
    assert first.organization.name == "Red Jesuita con Migrantes"
    assert first.byline == "Ana Ruiz"
    assert "Another paragraph of the same comment, broken inside" in first.text
    assert reply.parent == first and reply.organization.acronym == "UNHCR"
    assert reply.question == first.question
    assert orphan.parent is None and orphan.organization is None
    assert orphan.reply_to_label == "Somebody Unkn…"
    assert forum.question.position == 2
    interests = {
        (i.target.kind, i.target.number, i.target.title, i.engagement)
        for i in ExpressionOfInterest.objects.filter(organization=forum.organization)
    }
    assert interests == {
        ("priority", "1", "Safe pathways", "continue"),
        ("working_group", "", "return and reintegration", "continue"),
        ("workstream", "2", "Data", "start"),
    }
    assert report.organisations_created == [
        "Red Jesuita con Migrantes",
        "Asia Pacific Migrant Forum",
    ]


@pytest.mark.django_db
def test_command_prints_report(reference_data, capsys):
    call_command("import_consultation", str(fixture_path(FIXTURE)))
    out = capsys.readouterr().out
    assert "13 comments created" in out
    assert "organisation the page does not state: 4" in out


@pytest.mark.django_db
def test_reimport_of_a_changed_page_keeps_and_reports_the_old_comment(reference_data, tmp_path):
    path = tmp_path / "page.txt"
    page = "A page\nComments\nMar 1, 2024\nAna Ruiz\nAs Example Org, we say {}.\n"
    path.write_text(page.format("one thing"), encoding="utf-8")
    consultation_import(path=path)
    path.write_text(page.format("another"), encoding="utf-8")
    report = consultation_import(path=path)
    assert report.created == 1 and len(report.no_longer_on_page) == 1
    assert any("no longer on the page (kept): 1" in line for line in report.lines())
    assert Comment.objects.count() == 2


@pytest.mark.django_db
def test_dry_run_json_writes_nothing(reference_data, capsys):
    import json

    call_command("import_consultation", str(fixture_path(FIXTURE)), "--dry-run", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert (
        not Comment.objects.exists() and not Organization.objects.filter(name="CARAM Asia").exists()
    )
    assert len(data["comments"]) == 13
    assert data["comments"][12]["organisation_in_directory"] == "United Kingdom"
    assert data["comments"][7]["organisation_stated"] == "CARAM Asia"
    assert data["comments"][7]["organisation_in_directory"] is None
    assert data["priorities"]["3"]["title"] == "Preparing for future health emergencies"


def test_imported_comments_show_no_invented_date(imported, client):
    """The page states no posting dates: the thread says so rather than showing the day of
    the import, and search records no date for them."""
    consultation = imported.consultation
    html = client.get(consultation.get_absolute_url()).content.decode()
    # Said once, above the thread, not on every comment.
    assert html.count("the page states no date") == 1
    assert '<time class="meta"' not in html
    comment = consultation.comments.first()
    assert comment.search_document().date is None


def test_an_imported_consultation_is_closed_not_unscheduled(imported, client):
    consultation = imported.consultation
    assert consultation.opens_at is None and consultation.phase == "closed"
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert '<span class="badge" id="phase">Closed</span>' in html
    assert "Not scheduled" not in html
