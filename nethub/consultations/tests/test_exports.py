"""The consultation's exports: what each column holds, and a fixed number of queries whatever
the number of comments (the rows are streamed from `.values()`)."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from nethub.consultations import targets
from nethub.consultations.exports import COLUMNS
from nethub.consultations.models import Attachment, Comment, CommentTarget, Support
from nethub.consultations.tests.factories import comment, consultation_in
from nethub.consultations.tests.test_views import build_thread
from nethub.directory.models import Organization
from nethub.framework.models import FrameworkElement, Tagging

pytestmark = pytest.mark.django_db


def _csv(response) -> list[dict]:
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def test_every_column_of_a_reply(client, secretariat_user, stakeholder_user):
    consultation = consultation_in("open")
    root = comment(consultation, author=stakeholder_user, body="We ask for a priority.")
    reply = comment(consultation, author=secretariat_user, parent=root, body="+1 from us")
    reply.question = consultation.questions.get()
    reply.attachment_mentioned = True
    reply.save()
    Attachment.objects.create(
        comment=reply, file="a.pdf", filename="a.pdf", mime_type="application/pdf", size=3
    )
    Support.objects.create(comment=reply, organization=stakeholder_user.organization)
    priority = targets.provider().priority(
        consultation, number="3", title="Health emergencies", status=""
    )
    CommentTarget.objects.create(comment=reply, target=priority)
    Tagging.objects.create(
        tagged=reply,
        element=FrameworkElement.objects.get(kind="objective", code="20"),
        status="suggested",
        score=0.7,
    )
    client.force_login(secretariat_user)
    rows = _csv(client.get(reverse("consultations:export", args=[consultation.slug, "csv"])))
    assert list(rows[0]) == COLUMNS
    row = rows[1]
    assert row["id"] == str(reply.pk) and row["parent_id"] == str(root.pk)
    assert row["in_reply_to"] == stakeholder_user.organization.display_name
    assert row["question"] == "What is missing?"
    assert row["organisation"] == secretariat_user.organization.name
    assert row["organisation_kind"] == secretariat_user.organization.kind
    assert row["posted_by"] == secretariat_user.display_name
    assert row["text"] == "'+1 from us"  # a formula start is quoted
    assert row["attachments"] == "a.pdf [mentioned, not in import]"
    assert row["supports"] == "1" and rows[0]["supports"] == "0"
    assert row["priorities"] == str(priority)
    assert row["gcm_objectives"] == "20 (suggested)"
    assert row["created_at"] == Comment.objects.get(pk=reply.pk).created_at.isoformat()
    xlsx = client.get(reverse("consultations:export", args=[consultation.slug, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.getvalue()), read_only=True)["comments"]
    table = [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]
    assert table[0] == COLUMNS
    assert table[2] == [row[c] for c in COLUMNS]


def test_reply_to_a_hidden_comment_names_its_author(client, secretariat_user, stakeholder_user):
    consultation = consultation_in("open")
    root = comment(consultation, author=stakeholder_user)
    Comment.objects.filter(pk=root.pk).update(status="hidden", hidden_reason="off topic")
    comment(consultation, author=secretariat_user, parent=root)
    client.force_login(secretariat_user)
    url = reverse("consultations:export", args=[consultation.slug, "csv"])
    visible = _csv(client.get(url))
    assert len(visible) == 1
    assert visible[0]["in_reply_to"] == stakeholder_user.organization.display_name
    everything = _csv(client.get(url + "?hidden=1"))
    assert [r["hidden_reason"] for r in everything] == ["off topic", ""]


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        response.getvalue()  # the rows are read while the body is sent
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx"])
def test_export_queries_do_not_grow_with_comments(
    client, secretariat_user, stakeholder_user, django_assert_num_queries, fmt
):
    organizations = [
        stakeholder_user.organization,
        Organization.objects.exclude(pk=stakeholder_user.organization_id).first(),
    ]
    objective = FrameworkElement.objects.filter(kind="objective").first()
    client.force_login(secretariat_user)
    urls = {}
    for n in (10, 100):
        consultation = consultation_in("open", slug=f"c{n}")
        build_thread(consultation, n, organizations[n % 2])
        for c in Comment.objects.filter(consultation=consultation)[::3]:
            Tagging.objects.create(tagged=c, element=objective, status="suggested")
        urls[n] = reverse("consultations:export", args=[consultation.slug, fmt]) + "?hidden=1"
    _count(client, urls[10])  # fills process-wide caches (content types, sessions)
    expected = _count(client, urls[10])
    with django_assert_num_queries(expected):
        body = client.get(urls[100]).getvalue()
    if fmt == "csv":
        assert body.decode("utf-8-sig").count("\r\n") == 101


def test_docx_report_names_each_organisations_asks_and_the_threads_in_order(
    client, secretariat_user, stakeholder_user
):
    import docx

    consultation = consultation_in("open", title="Workplan 2026 consultation")
    root = comment(
        consultation, author=stakeholder_user, body="We recommend a priority on regular pathways."
    )
    comment(consultation, author=secretariat_user, parent=root, body="Noted with thanks.")
    hidden = comment(consultation, author=secretariat_user, body="Off topic remark.")
    Comment.objects.filter(pk=hidden.pk).update(status="hidden", hidden_reason="spam")
    priority = targets.provider().priority(
        consultation, number="3", title="Health emergencies", status=""
    )
    CommentTarget.objects.create(comment=root, target=priority)
    stakeholder = stakeholder_user.organization
    client.force_login(secretariat_user)
    url = reverse("consultations:export", args=[consultation.slug, "docx"])
    response = client.get(url)
    assert response["Content-Disposition"] == f'attachment; filename="{consultation.slug}.docx"'
    paragraphs = docx.Document(io.BytesIO(response.getvalue())).paragraphs
    lines = [(p.style.name, p.text, any(r.bold for r in p.runs)) for p in paragraphs]
    assert lines[:3] == [
        ("Title", "Workplan 2026 consultation", False),
        ("Normal", "2 comments from 2 organisations.", False),
        ("Heading 1", "What each organisation asked for", False),
    ]
    organisations = [text for style, text, _bold in lines if style == "Heading 2"]
    names = [stakeholder.name, secretariat_user.organization.name]
    assert organisations == sorted(names, key=str.casefold)
    texts = [text for _style, text, _bold in lines]
    at = texts.index(stakeholder.name)
    assert texts[at + 1] == f"Priorities: {priority} (named in a comment)"
    assert lines[at + 2] == (
        "List Bullet",
        "We recommend a priority on regular pathways.",
        False,
    )
    threads = texts[texts.index("Threads") + 1 :]
    assert threads == [
        stakeholder.display_name,
        "We recommend a priority on regular pathways.",
        "    "
        + secretariat_user.organization.display_name
        + " — in reply to "
        + stakeholder.display_name,
        "Noted with thanks.",
    ]
    start = texts.index("Threads") + 1
    assert [bold for _s, _text, bold in lines[start:]] == [True, False, True, False]
    with_hidden = docx.Document(io.BytesIO(client.get(url + "?hidden=1").getvalue()))
    assert any("[hidden: spam]" in p.text for p in with_hidden.paragraphs)
