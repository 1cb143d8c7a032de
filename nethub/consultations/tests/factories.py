"""Builders for consultations in a given phase, and comments."""

from __future__ import annotations

import io
from datetime import timedelta

from django.utils import timezone

from nethub.consultations.models import Comment, Consultation, Question
from nethub.consultations.sanitize import html_to_plain, sanitize_html


def consultation_in(phase: str, *, participation="registered", moderation="post", **kwargs):
    now = timezone.now()
    opens, closes = {
        "upcoming": (now + timedelta(days=1), now + timedelta(days=30)),
        "open": (now - timedelta(days=1), now + timedelta(days=30)),
        "closed": (now - timedelta(days=30), now - timedelta(days=1)),
    }[phase]
    consultation = Consultation.objects.create(
        title=kwargs.pop("title", f"Consultation {phase}"),
        slug=kwargs.pop("slug", f"consultation-{phase}-{participation}-{moderation}"),
        participation=participation,
        moderation=moderation,
        opens_at=opens,
        closes_at=closes,
        **kwargs,
    )
    Question.objects.create(consultation=consultation, position=1, text="What is missing?")
    return consultation


def comment(consultation, *, author=None, organization=None, parent=None, body="A comment."):
    clean = sanitize_html(body)
    return Comment.objects.create(
        consultation=consultation,
        author=author,
        organization=organization or (author.organization if author else None),
        parent=parent,
        body=clean,
        text=html_to_plain(clean),
    )


def pdf_bytes(text: str = "Comments on the draft workplan by our organisation.") -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 10, text)
    return bytes(pdf.output())


def docx_bytes(text: str = "Our full reflections on priority 3.") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
