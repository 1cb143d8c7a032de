"""Reading Discussion Space pages in the layouts they come in: as the hub publishes them (HTML
or its text), as exported, and pages that cannot be fully read. Synthetic pages only."""

import datetime
import json

import pytest
from django.core.management import call_command

from nethub.consultations.importer import consultation_extract, consultation_import
from nethub.consultations.models import Comment, Consultation
from nethub.consultations.page import parse_date, parse_page
from nethub.ingest.extract import IngestError

# The live layout: the moderator's question posted as a comment, then comments (date line,
# author, the name answered, body, the closing "In reply to … by …" line).
LIVE = """Skip to main content
Discussion Spaces
Harbour Cities Dialogue
Welcome
Cities are invited to share how they welcome newcomers.
Moderators
Login to post comment
Discussion Questions & Comments
Lena Okafor
1. Which local services reach newcomers first?
Quels services locaux atteignent les nouveaux arrivants en premier ?
Mar 4, 2024
Tomas Berg
Lena Okafor
As Port Alder Council, we run a one-stop desk at the ferry terminal.
It opens at night too.
In reply to by Lena Okaf…
Mar 6, 2024 - 14:05
Ines Duarte
Tomas Berg
Does the desk offer interpretation?
In reply to by Tomas Berg
7 March 2024
Tomas Berg
Ines Duarte
Yes, in six languages.
In reply to by Ines Duarte
Lena Okafor
2. What would you change first?
Apr 2, 2024
Ines Duarte
Opening hours, mostly.
"""


def test_live_layout_questions_comments_dates_and_replies():
    page = parse_page(LIVE)
    assert page.layout == "live" and page.unplaced == []
    assert page.title == "Harbour Cities Dialogue"
    assert "one-stop" not in page.welcome and "welcome newcomers" in page.welcome
    assert page.questions[1].startswith("Which local services") and "Quels" in page.questions[1]
    assert page.question_posters == {1: "Lena Okafor", 2: "Lena Okafor"}
    got = [
        (c.byline, c.date, c.question, c.reply_to_question, c.reply_index) for c in page.comments
    ]
    assert got == [
        ("Tomas Berg", datetime.date(2024, 3, 4), 1, True, None),
        ("Ines Duarte", datetime.date(2024, 3, 6), 1, False, 0),
        ("Tomas Berg", datetime.date(2024, 3, 7), 1, False, 1),
        ("Ines Duarte", datetime.date(2024, 4, 2), 2, False, None),
    ]
    first = page.comments[0]
    assert first.text.startswith("As Port Alder Council") and "Lena" not in first.text
    assert "In reply to" not in first.text and "night too" in first.text


def test_a_reply_mentioning_its_parent_inline_is_read():
    page = parse_page(
        "Discussion Questions & Comments\nNoor Haddad\nWhat is missing?\n"
        "Jan 6, 2022\nKai Lund\nNoor Haddad The report should cover remittances.\n"
    )
    (comment,) = page.comments
    assert comment.text == "The report should cover remittances."
    assert comment.reply_to == "Noor Haddad" and comment.reply_to_question


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Sep 13, 2022", datetime.date(2022, 9, 13)),
        ("13 September 2022", datetime.date(2022, 9, 13)),
        ("2022-09-13 10:30", datetime.date(2022, 9, 13)),
        ("Sept 3, 2021 - 9:15 am", datetime.date(2021, 9, 3)),
        ("Feb 30, 2022", None),
        ("Sep 13, 2022 we met", None),
        ("In 2022 we met", None),
    ],
)
def test_date_lines(line, expected):
    assert parse_date(line) == expected


@pytest.mark.django_db
def test_live_page_imported_with_dates_questions_and_links(reference_data, tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(LIVE, encoding="utf-8")
    report = consultation_import(path=path)
    assert report.saved and report.layout == "live" and report.created == 4
    consultation = report.consultation
    first, question_reply, answer, second = consultation.comments.order_by("position")
    assert [q.position for q in consultation.questions.all()] == [1, 2]
    assert first.posted_on == datetime.date(2024, 3, 4) and first.byline == "Tomas Berg"
    assert first.parent is None and first.question.position == 1 and first.reply_to_label == ""
    assert first.organization.name == "Port Alder Council"
    assert question_reply.parent == first and answer.parent == question_reply
    assert second.question.position == 2 and second.parent is None
    assert first.search_document().date == datetime.date(2024, 3, 4)
    assert report.replies_outside_page == []
    # Importing again updates; nothing is duplicated.
    again = consultation_import(path=path)
    assert again.created == 0 and again.updated == 4 and Comment.objects.count() == 4


@pytest.mark.django_db
def test_thread_shows_the_page_date_of_an_imported_comment(reference_data, tmp_path, client):
    path = tmp_path / "harbour.txt"
    path.write_text(LIVE, encoding="utf-8")
    consultation = consultation_import(path=path).consultation
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert '<time class="meta" datetime="2024-03-04">' in html
    assert "the page states no date" not in html


@pytest.mark.django_db
def test_html_page_is_read_through_ingest(reference_data, tmp_path):
    blocks = "".join(f"<p>{line}</p>" for line in LIVE.splitlines())
    path = tmp_path / "harbour.html"
    path.write_text(f"<!doctype html><html><body><div>{blocks}</div></body></html>", "utf-8")
    extracted = consultation_extract(path.read_bytes(), filename=path.name)
    assert extracted["layout"] == "live"
    assert [c["date"] for c in extracted["comments"]] == [
        "2024-03-04",
        "2024-03-06",
        "2024-03-07",
        "2024-04-02",
    ]
    assert [c["reply_to_position"] for c in extracted["comments"]] == [None, 1, 2, None]


@pytest.mark.django_db
def test_a_file_that_is_not_a_page_is_refused(reference_data, tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(b"%PDF-1.4 not a page")
    with pytest.raises(IngestError):
        consultation_import(path=path)
    assert not Consultation.objects.exists()


# The exported layout: no dates; comments opened by reply markers and "Posted by" lines.
EXPORTED = """Discussion Spaces
River Basin Mobility
Welcome
Share your views.
Discussion Questions & Comments
Question 1: What works?
Posted by Mara Vell on behalf of Delta Aid Network
Delta Aid Network supports community relocation planning.
In reply to by Mara Vell
Hub Team
Thank you, could you share the plan?
"""


@pytest.mark.django_db
def test_exported_layout_still_read(reference_data, tmp_path):
    page = parse_page(EXPORTED)
    assert page.layout == "exported" and page.unplaced == []
    path = tmp_path / "river.txt"
    path.write_text(EXPORTED, encoding="utf-8")
    report = consultation_import(path=path)
    first, reply = report.consultation.comments.order_by("position")
    assert first.organization.name == "Delta Aid Network" and first.posted_on is None
    assert reply.parent == first and reply.byline == "Hub Team"


# A page whose comments carry no marker at all: who wrote what, and when, is unknown.
FLAT = """Coastal Consultation
Discussion Questions & Comments
Which coastal risks matter most?
As Shoreline Union, we see erosion first.
Storm surges come second for us.
"""


@pytest.mark.django_db
def test_a_page_not_fully_read_is_not_saved_unless_asked(reference_data, tmp_path, capsys):
    path = tmp_path / "coast.txt"
    path.write_text(FLAT, encoding="utf-8")
    report = consultation_import(path=path)
    assert not report.saved and report.layout == "unknown"
    assert not Consultation.objects.exists() and not Comment.objects.exists()
    assert "no date line, author or reply marker" in report.unplaced[0]
    assert "--accept-partial" in report.lines()[0]

    call_command("import_consultation", str(path))
    assert "Nothing was saved" in capsys.readouterr().out
    assert not Consultation.objects.exists()

    call_command("import_consultation", str(path), "--accept-partial")
    out = capsys.readouterr().out
    assert "Not placed (imported as read): 1" in out
    consultation = Consultation.objects.get()
    assert consultation.questions.get().text == "Which coastal risks matter most?"
    assert consultation.comments.get().byline == ""


@pytest.mark.django_db
def test_dry_run_says_what_it_could_not_place(reference_data, tmp_path, capsys):
    path = tmp_path / "coast.txt"
    path.write_text(FLAT, encoding="utf-8")
    call_command("import_consultation", str(path), "--dry-run")
    assert "Not placed: comment #1" in capsys.readouterr().out
    call_command("import_consultation", str(path), "--dry-run", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["layout"] == "unknown" and data["unplaced"]
    assert not Consultation.objects.exists()


def test_lines_after_a_reply_that_are_not_a_question_are_reported():
    page = parse_page(
        "Discussion Questions & Comments\nMay 1, 2024\nAna Ruiz\nFirst point.\n"
        "In reply to by Someone\nthis line belongs to nothing\n"
        "May 2, 2024\nLi Wei\nSecond point.\n"
    )
    assert [c.byline for c in page.comments] == ["Ana Ruiz", "Li Wei"]
    assert len(page.unplaced) == 1 and "after the comment of Ana Ruiz" in page.unplaced[0]


def test_date_and_author_on_one_line_as_html_may_render_them():
    page = parse_page(
        "Discussion Questions & Comments\nHub Team\nWhat worked?\n"
        "Sep 13, 2022 Ana Ruiz\nThe helpdesk worked.\nIn reply to by Hub Team\n"
    )
    (comment,) = page.comments
    assert (comment.byline, comment.date) == ("Ana Ruiz", datetime.date(2022, 9, 13))
    assert comment.reply_to_question and comment.text == "The helpdesk worked."


def test_submitted_by_header_gives_author_and_date():
    page = parse_page(
        "Champions' space\nDiscussion questions\n"
        "Submitted by Carla Mendes - 25 February 2021\nQuestion 1. Is the guide clear?\n"
        "Posted by Li Wei on 3 March 2021\nMostly, yes.\n"
    )
    comment = page.comments[-1]
    assert (comment.byline, comment.date) == ("Li Wei", datetime.date(2021, 3, 3))


def test_a_dated_comment_without_author_is_kept_apart_and_reported():
    page = parse_page(
        "Discussion Questions & Comments\nHub Team\nWhat worked?\n"
        "May 1, 2024\nAna Ruiz\nThe helpdesk worked.\nIn reply to by Hub Team\n"
        "May 2, 2024\nthe translations were late, and nobody signed this.\n"
    )
    first, second = page.comments
    assert first.text == "The helpdesk worked." and second.byline == ""
    assert second.date == datetime.date(2024, 5, 2)
    assert page.unplaced == ["comment dated May 2, 2024: no author line"]
