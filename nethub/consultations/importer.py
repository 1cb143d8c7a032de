"""Import an exported Discussion Space page (its text) into a consultation with its comments.

The page is read as it is; nothing it does not say is invented:
- comments are separated by the page's reply markers ("In reply to … by …"), by "Posted by"
  headers, by question headings and by lines that introduce an author ("Some comments from X:");
- a comment's organisation is the one the page states as its author: a header ("on behalf
  of X", "Organisation: X") or the comment introducing itself ("As X, we …", "X (…) welcomes",
  "For X, we …", "X is a network …", "X's priority area …", "Long Name (ACR) … the ACR
  supports"). Names are resolved through the directory; an organisation the page states as an
  author and the directory does not know is created as a stakeholder organisation, and listed
  in the report. Otherwise the organisation is left empty and the comment listed;
- a reply is linked to the comment it answers when that comment is on the page (matched by
  its byline, organisation or author); otherwise whom it answers is kept as the page writes it;
- "[… attached]" markers flag the comment (the files are not in the export);
- expressions of interest are read from the comment that states them, with the priorities,
  working groups or workstreams listed, under "Continue/Start our engagement" when given.

Importing again updates the consultation and its comments (matched by their text), never
duplicates them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from nethub.consultations import targets as target_registry
from nethub.consultations.asks import priority_mentions
from nethub.consultations.models import (
    Comment,
    CommentTarget,
    Consultation,
    ExpressionOfInterest,
    Question,
)
from nethub.consultations.page import (
    ACADEMIC,
    BULLET,
    ENGAGEMENT,
    GROUP,
    INTEREST,
    MENTIONS_ATTACHMENT,
    UNION,
    ParsedPage,
    parse_page,
    self_named,
    split_acronym,
)
from nethub.consultations.sanitize import html_to_plain, text_to_html
from nethub.core.services import audit_record
from nethub.directory.models import Organization, OrganizationKind
from nethub.directory.names import normalise_name
from nethub.directory.selectors import OrganizationResolver
from nethub.directory.services import organization_add_alias, organization_create
from nethub.search.hooks import record_saved


@dataclass
class ImportReport:
    consultation: Consultation | None = None
    created: int = 0
    updated: int = 0
    organisations_created: list[str] = field(default_factory=list)
    without_organisation: list[str] = field(default_factory=list)
    replies_outside_page: list[str] = field(default_factory=list)
    attachments_not_in_export: list[str] = field(default_factory=list)
    interests_without_list: list[str] = field(default_factory=list)
    no_longer_on_page: list[str] = field(default_factory=list)
    interests: int = 0

    def lines(self) -> list[str]:
        out = [
            f"Consultation: {self.consultation} ({self.created} comments created, "
            f"{self.updated} updated, {self.interests} expressions of interest)",
        ]
        for label, items in (
            (
                "Organisations created (stated as authors, unknown to the directory)",
                self.organisations_created,
            ),
            ("Comments whose organisation the page does not state", self.without_organisation),
            ("Replies to posts the page does not include", self.replies_outside_page),
            ("Comments that mention attachments not in the export", self.attachments_not_in_export),
            ("Expressions of interest whose list is not in the page", self.interests_without_list),
            ("Comments of an earlier import no longer on the page (kept)", self.no_longer_on_page),
        ):
            if items:
                out.append(f"{label}: {len(items)}")
                out.extend(f"  - {item}" for item in items)
        return out


def _kind_for(name: str) -> str:
    if ACADEMIC.search(name):
        return OrganizationKind.ACADEMIA
    if UNION.search(name):
        return OrganizationKind.TRADE_UNION
    return OrganizationKind.NGO


class _Organisations:
    """Resolves the names a page states as authors; creates those the directory lacks."""

    def __init__(self, stated: list[str], report: ImportReport) -> None:
        self.resolver = OrganizationResolver()
        self.report = report
        self.created: dict[str, Organization] = {}
        # The shortest form the page uses for a name is its canonical one ("Caritas
        # Internationalis" rather than "Caritas Internationalis Confederation").
        self.canonical: dict[str, str] = {}
        forms = sorted({split_acronym(s)[0] for s in stated}, key=len)
        for form in forms:
            key = normalise_name(form)
            # Only one word more ("… Confederation") makes a longer form the same name.
            shorter = next(
                (
                    f
                    for f in forms
                    if key.startswith(normalise_name(f) + " ")
                    and len(key.split()) == len(normalise_name(f).split()) + 1
                ),
                None,
            )
            self.canonical[key] = shorter or form

    def get(self, name: str, *, create: bool) -> Organization | None:
        name, acronym = split_acronym(re.sub(r"^the\s+", "", name.strip(), flags=re.I))
        resolution = self.resolver.resolve_in(name) or (
            self.resolver.resolve_in(acronym) if acronym else None
        )
        # Only a resolution that names the whole organisation, not a word inside its name.
        if resolution and not resolution.remainder:
            return resolution.organization
        canonical = self.canonical.get(normalise_name(name), name)
        key = normalise_name(canonical)
        if key in self.created:
            organization = self.created[key]
        else:
            found = self.resolver.resolve_in(canonical)
            organization = found.organization if found and not found.remainder else None
            if organization is None:
                if not create:
                    return None
                organization = Organization.objects.filter(name__iexact=canonical).first()
                if organization is None:
                    organization = organization_create(
                        name=canonical,
                        kind=_kind_for(canonical),
                        acronym=acronym,
                    )
                    self.report.organisations_created.append(organization.name)
            self.created[key] = organization
        for alias in (name, acronym):
            if alias:
                organization_add_alias(organization=organization, alias=alias)
        return organization


def _source_key(text: str, seen: dict[str, int]) -> str:
    base = hashlib.sha1(  # noqa: S324 - a content key, not security
        normalise_name(text[:300]).encode()
    ).hexdigest()[:32]
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def _matches(label: str, who: str) -> bool:
    """A reply marker's name ("Migration Netw…", truncated) against a byline or name."""
    who = who.rstrip("…").rstrip(".").strip()
    return bool(label and who and normalise_name(label).startswith(normalise_name(who)))


@transaction.atomic
def consultation_import(*, path: Path | str, actor=None, text: str | None = None) -> ImportReport:
    """Create or update the consultation an exported page describes. Runs in one transaction:
    a failure leaves the database as it was."""
    path = Path(path)
    text = text if text is not None else path.read_text(encoding="utf-8")
    page = parse_page(text)
    report = ImportReport()
    title = page.title or path.stem
    slug = slugify(title)[:200] or "consultation"
    consultation, created = Consultation.objects.get_or_create(
        slug=slug, defaults={"title": title, "source": path.name}
    )
    consultation.title = title
    consultation.welcome = text_to_html(page.welcome)
    consultation.document_title = consultation.document_title or title
    consultation.source = path.name
    consultation.save()
    if created:
        audit_record(actor=actor, subject=consultation, action="imported", new_value=path.name)
    report.consultation = consultation

    questions: dict[int, Question] = {}
    for number, question_text in page.questions.items():
        questions[number], _ = Question.objects.update_or_create(
            consultation=consultation, position=number, defaults={"text": question_text}
        )

    targets = _targets_from(page, consultation)
    stated = [c.stated_org for c in page.comments if c.stated_org]
    named_by_comment = [self_named(c.text) for c in page.comments]
    organisations = _Organisations(
        stated + [n for names in named_by_comment for n in names], report
    )
    existing = {c.source_key: c for c in consultation.comments.exclude(source_key="")}
    seen: dict[str, int] = {}
    imported: list[Comment] = []
    for position, (parsed, names) in enumerate(
        zip(page.comments, named_by_comment, strict=True), 1
    ):
        body_text = parsed.text
        organization = None
        if parsed.stated_org:
            organization = organisations.get(parsed.stated_org, create=True)
        for name in names:
            if organization is None:
                organization = organisations.get(name, create=True)
        parent = None
        if parsed.reply_to:
            for earlier in reversed(imported):
                labels = [earlier.byline]
                if earlier.organization_id:
                    labels += [earlier.organization.name, earlier.organization.acronym]
                if any(_matches(label, parsed.reply_to) for label in labels):
                    parent = earlier
                    break
        key = _source_key(body_text or f"attachment-{position}", seen)
        comment = existing.get(key)
        fields = {
            "body": text_to_html(body_text),
            "text": html_to_plain(text_to_html(body_text)),
            "organization": organization,
            "byline": parsed.byline[:255],
            "reply_to_label": "" if parent else parsed.reply_to[:255],
            "parent": parent,
            "question": questions.get(parsed.question)
            if parsed.question
            else (parent.question if parent else None),
            "attachment_mentioned": parsed.attachment
            or bool(MENTIONS_ATTACHMENT.search(body_text)),
            "position": position,
        }
        if comment is None:
            comment = Comment.objects.create(
                consultation=consultation,
                source_key=key,
                status=Comment.Status.VISIBLE,
                **fields,
            )
            report.created += 1
        else:
            for name, value in fields.items():
                setattr(comment, name, value)
            comment.save()
            report.updated += 1
        imported.append(comment)
        label = f"#{position} “{body_text[:60]}…”"
        if organization is None:
            report.without_organisation.append(label)
        if parsed.reply_to and parent is None:
            report.replies_outside_page.append(f"{label} in reply to {parsed.reply_to}")
        if comment.attachment_mentioned:
            report.attachments_not_in_export.append(label)
        named = [targets[m.number] for m in priority_mentions(body_text) if m.number in targets]
        CommentTarget.objects.filter(comment=comment).delete()
        CommentTarget.objects.bulk_create(
            [CommentTarget(comment=comment, **target_registry.ref(t)) for t in dict.fromkeys(named)]
        )
        report.interests += _interests_from(consultation, comment, parsed, targets, report, label)
        record_saved(comment)
    imported_keys = {c.source_key for c in imported}
    for key, comment in existing.items():
        if key not in imported_keys:
            report.no_longer_on_page.append(f"#{comment.pk} “{comment.text[:60]}…”")
    return report


def _priorities_named(page: ParsedPage) -> dict[str, dict[str, str]]:
    """Each priority number the comments name, with the first title and status given."""
    found: dict[str, dict[str, str]] = {}
    for comment in page.comments:
        for mention in priority_mentions(comment.text):
            entry = found.setdefault(mention.number, {"title": "", "status": ""})
            entry["title"] = entry["title"] or mention.title
            entry["status"] = entry["status"] or mention.status
    return found


def _targets_from(page: ParsedPage, consultation: Consultation) -> dict:
    """The numbered priorities the page names, titled where the page gives a title: records
    of the workplan under consultation, found or made through its provider (targets.py)."""
    provider = target_registry.provider()
    if provider is None:
        return {}
    found = _priorities_named(page)
    return {
        number: provider.priority(
            consultation, number=number, title=entry["title"], status=entry["status"]
        )
        for number, entry in sorted(found.items(), key=lambda kv: int(kv[0]))
    }


def _group_target(consultation: Consultation, line: str):
    match = GROUP.match(BULLET.sub("", line) if BULLET.match(line) else line)
    provider = target_registry.provider()
    if provider is None or not match or not (match.group("title") or match.group("number")):
        return None
    kind = "working_group" if match.group("kind").lower().startswith("working") else "workstream"
    return provider.group(
        consultation,
        kind=kind,
        number=match.group("number") or "",
        title=match.group("title").strip(" .:")[:255],
    )


def _interests_from(consultation, comment, parsed, targets, report, label) -> int:
    """Expressions of interest stated in one comment: the sentence that states interest, and
    the items under "Continue/Start our engagement" headings where the page has them."""
    if comment.organization is None:
        return 0
    lines = parsed.lines
    start = next((i for i, line in enumerate(lines) if INTEREST.search(line)), None)
    if start is None:
        return 0
    found: list[tuple[object, str]] = []
    engagement = ""
    for line in lines[start:]:
        heading = ENGAGEMENT.match(line)
        if heading:
            engagement = heading.group(1).lower()
            continue
        for mention in priority_mentions(line):
            if mention.number in targets:
                found.append((targets[mention.number], engagement))
        group = _group_target(consultation, line)
        if group is not None:
            found.append((group, engagement))
        if not engagement and found:
            break  # a sentence naming its priorities; what follows is detail
    ExpressionOfInterest.objects.filter(consultation=consultation, comment=comment).delete()
    if not found:
        ExpressionOfInterest.objects.create(
            consultation=consultation,
            organization=comment.organization,
            comment=comment,
            note=lines[start][:1000],
        )
        report.interests_without_list.append(f"{comment.organization}: {label}")
        return 1
    count = 0
    for target, engagement in dict(found).items():
        interest, _ = ExpressionOfInterest.objects.update_or_create(
            consultation=consultation,
            organization=comment.organization,
            **target_registry.ref(target),
            defaults={"engagement": engagement, "comment": comment, "note": lines[start][:1000]},
        )
        count += 1
    return count


def consultation_extract(text: str) -> dict:
    """What an import would record, without writing anything: the page's structure, the
    organisation each comment states (and whether the directory knows it), the priorities
    named and the expressions of interest."""
    page = parse_page(text)
    resolver = OrganizationResolver()

    def known(name: str) -> str | None:
        found = resolver.resolve_in(split_acronym(re.sub(r"^the\s+", "", name, flags=re.I))[0])
        return found.organization.name if found and not found.remainder else None

    comments = []
    for position, parsed in enumerate(page.comments, start=1):
        body = parsed.text
        names = ([parsed.stated_org] if parsed.stated_org else []) + self_named(body)
        comments.append(
            {
                "position": position,
                "question": parsed.question,
                "byline": parsed.byline,
                "in_reply_to": parsed.reply_to,
                "organisation_stated": names[0] if names else None,
                "organisation_in_directory": known(names[0]) if names else None,
                "attachment_mentioned": parsed.attachment or bool(MENTIONS_ATTACHMENT.search(body)),
                "priorities_named": sorted({m.number for m in priority_mentions(body)}, key=int),
                "states_interest": bool(INTEREST.search(body)),
                "text": body,
            }
        )
    return {
        "title": page.title,
        "welcome": page.welcome,
        "questions": page.questions,
        "priorities": _priorities_named(page),
        "comments": comments,
    }
