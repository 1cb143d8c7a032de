"""Rules that find action points: labelled, note-style, asked, agreed, promised, imperative.

Each reads one segment (a sentence, a list item, a cell) and says whether it assigns work, and
to whom (`data["owner"]`, as written; resolved later) and what (`data["task"]`).
"""

from __future__ import annotations

import re

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.labels import ACTION_HEADING_LINE, ACTION_OWNER_LABEL

_INLINE = re.compile(
    r"(?:^|[.;]\s+|\s)(?:>>\s*)?(?:key\s+)?(?:action\s+p(?:oi|io)nts?\s*[:;]|"
    r"(?:action|next\s+steps?)(?:\s*\((?:ongoing|new|open|pending)\))?\s*:)\s*(?P<task>\S.*)$",
    re.I,
)
# "... Action Point/Suggestion First item to be deleted ...", "Proposed action Each agency
# must fill in the matrix": a label without its colon (a flattened action column), taken only
# when a task follows it.
_BARE_LABEL = re.compile(
    r"(?:^|\s)(?:proposed\s+action|action\s+points?\s*/\s*suggestions?|action\s+points?"
    r"(?:\s+(?:update|status|follow[- ]?up|responsible|deadline|timeline|owner)[/\s-]*)+)"
    r"\s+(?P<task>[A-Z]\S.*)$",
    re.I,
)
_TASK_WORDING = re.compile(
    r"\bto\s+be\s+\w+ed\b|^(?:(?:[A-Z][\w/&.-]*|and|&)\s+){1,6}to\s+[a-z]{3,}\b|"
    r"\b(?:must|shall|will|should)\s+(?:be\s+)?\w+"
)
# "review of last meeting action points: ...": a label of past points, not one.
_PAST_POINTS = re.compile(
    r"\b(?:review\w*|follow[- ]?up\s+on|previous|last\s+meeting)\b[^.]{0,30}$", re.I
)
_TRAILING = re.compile(r"^(?P<task>.+?)\s*>>\s*ACTION\b", re.I)
# Who can be given work: a capitalised noun phrase ("WFP", "The Support Team", "CPWG and GBV
# WG", "Candy", "All", "SAG co-chairs"), not a preposition or a pronoun.
_OWNER_WORD = (
    r"(?:[A-Z][\w/&'’.-]*|&|and|or|of|the|members?|partners|teams?|co-?chairs?|co-?leads?|leads?|"
    r"colleagues|section|cluster|coordinator|focal|points?|group|agencies|secretariat|staff|"
    r"all|other|chairs?|unit|office|working|level|sector|sectors|principals|heads|"
    r"representatives?|members|agency|agencies|organi[sz]ations?|sub-?groups?)"
)
# Who can be given work: a capitalised noun phrase ("WFP", "The Support Team", "CPWG and GBV
# WG", "Candy", "All", "SAG co-chairs", "WASH Cluster coordinator"), not a preposition, a
# pronoun or a sentence's opening words.
_OWNER = (
    r"(?P<owner>(?:the\s+|all\s+(?:the\s+)?)?"
    r"(?!(?:According|Further|Thanks|Turning|Welcome|Due|Prior|In|On|As|With|For|From|This|"
    r"That|These|Those|It|There|Here|Please|Also|However|What|How|Who|Which|When|Where|Why|If|"
    r"She|He|They|We|I|Such|An?|Continued|Following)\b)"
    rf"[A-Z][\w/&'’.-]*(?:\s+{_OWNER_WORD}){{0,5}}?)"
)
_NOT_OWNER = re.compile(
    r"^(?:the\s+)?(?:meeting|discussion|presentation|document|training|list|table|report|"
    r"plan|process|session|it|this|which|agenda|minutes?|draft|guideline|package|template|"
    r"information|conversation|outcome|tor|strategy|work\s*plan)s?$",
    re.I,
)
_VERB_AFTER_TO = (
    r"(?!(?:the|a|an|all|this|these|its|their|his|her|our|your|my|date|day|and|or|but|which|"
    r"be\s+held)\b)"
)
# "Health sub-group (WHO, UNHCR, UNFPA) to finalize ...": the members in brackets.
_OWNER_TO = re.compile(
    rf"^{_OWNER}(?:\s*\([^()]{{1,60}}\))?\s+to\s+{_VERB_AFTER_TO}(?P<verb>[A-Za-z]{{3,}})\b"
)
# "Drafts to be re-circulated": a prefix with its hyphen is still the verb.
_TO_BE = re.compile(rf"^{_OWNER}\s+to\s+be\s+(?P<verb>(?:re-|co-|pre-)?[a-z]+ed)\b")
_ASKED = re.compile(
    rf"^{_OWNER}\s+(?:(?:was|were|is|are|have\s+been|has\s+been)\s+(?:also\s+)?"
    r"(?P<verb>requested|asked|urged|invited|tasked|encouraged|advised|called\s+upon)|"
    # "ECHO requested to consider ...": minutes drop the "was".
    r"(?:requested|urged|tasked|mandated))\s+to\s+(?!be\s+mindful)",
)
_AGREED = re.compile(
    r"\b(?:it\s+was|it\s+is|was|were)\s+(?:also\s+)?(?:agreed|decided|proposed|suggested|resolved)"
    r"(?:\s+that)?\s+(?P<rest>.+)$",
    re.I,
)
_SUBJECT_AGREED = re.compile(
    # "Lee volunteered to send a list": who offers the work takes it.
    rf"^{_OWNER}(?:\s*\([^()]{{1,80}}\))?\s+(?:agreed|decided|undertook|committed|volunteered)\s+to\s+"
    r"(?P<verb>[a-z]{3,})\b"
)
_TASK = (
    r"review|prepare|draft|circulate|share|develop|coordinate|map|organi[sz]e|convene|submit|"
    r"compile|finali[sz]e|update|send|follow|reach|consult|liaise|produce|revise|collect|set|"
    r"establish|nominate|facilitate|translate|disseminate|publish|report|draw|propose|identify|"
    r"brief|write|analy[sz]e|assess|lead|engage|mobili[sz]e|email|e-mail|provide|present|"
    r"contact|ensure|consolidate|take|have|create|transcribe|invite|inform|notify|check|"
    r"clarify|work|support|need|look|aim|arrange|launch|monitor|register|"
    r"complete|go|contribute|give|set|make|communicate|host|call|visit|prioriti[sz]e|include|"
    r"fill"
)
_ASKS = re.compile(
    r"(?<!have )(?<!has )(?<!had )\b(?:requested|requests|asked|asks|urged|urges|invited|"
    r"invites|tasked)\s+"
    rf"(?P<owner>(?:the\s+|all\s+)?[A-Za-z][\w/&'’.-]*(?:\s+[\w/&'’.-]+){{0,4}}?)\s+to\s+"
    rf"(?:{_TASK})\b",
)
_WILL = re.compile(
    rf"^{_OWNER}\s+(?:will|shall|would|must|is\s+to|are\s+to|needs?\s+to|aims?\s+to|"
    # "Ann is going to email the revised draft": the same future as "will".
    r"(?:is|are)\s+going\s+to)\s+"
    r"(?:also\s+|then\s+|further\s+|now\s+)?(?:need\s+to\s+)?"
    # "will shared" (the inflection written wrong), "will represent", "will attend".
    rf"(?P<verb>(?:{_TASK})(?:e?d)?|represent|attend|finish)\b(?!\s+place)",
)
_PASSIVE = (
    r"shared|circulated|communicated|presented|consolidated|developed|reviewed|finali[sz]ed|"
    r"sent|prepared|drafted|updated|organi[sz]ed|informed|contacted|continued|endorsed|"
    r"submitted|distributed|formed|arranged|invited|followed\s+up|set\s+up|emailed|established|defined"
)
_PASSIVE_FUTURE = re.compile(
    rf"\b(?:will|shall|would|must|is\s+to|are\s+to)\s+(?:then\s+|also\s+|soon\s+)?be\s+"
    rf"(?:\w+\s+)?(?P<verb>{_PASSIVE})\b(?:(?:(?!\bby\b).)*\bby\s+(?P<agent>(?:the\s+)?[A-Z][\w-]*"
    r"(?:\s+[A-Z][\w-]*){0,3}|the\s+cluster))?",
)
# "Report on Pellagra to be shared by mid-April": a thing to be done, its doer unsaid.
_THING_TO_BE = re.compile(
    r"^(?:the\s+)?[A-Z][\w-]*(?:\s+(?:on|of|for|the|[A-Z][\w-]*)){1,4}\s+to\s+be\s+"
    rf"(?:{_PASSIVE})\b"
)
_ANY_THING_TO_BE = re.compile(
    r"^(?P<thing>(?:the\s+)?[A-Z](?:[^.;:()]|\([^()]{0,60}\)){0,90}?)\s+to\s+be\s+(?:\w+\s+)?"
    rf"(?P<verb>{_PASSIVE}|[a-z]+ed|made|done|filled|added|given|set)\b"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|should|shall|must|can|could|may|might|"
    r"seems?|appears?|expected|likely|going|used|able|due|needs?|yet|continues?|wants?|plans?)\b"
    # "the Committee selected the first six programmes to be funded": a verb and its object.
    r"|\b\w+ed\s+(?:the|a|an|its|their|his|her|our|some|all)\b",
    re.I,
)
_NEEDS = re.compile(
    rf"\bneeds?\s+to\s+be\s+(?:\w+\s+)?(?P<verb>{_PASSIVE}|[\w-]+ed)\b|"
    # "Need to map which authority manages each site": a task, its doer unsaid.
    rf"^(?:there\s+is\s+a\s+)?need\s+to\s+(?:{_TASK}|map|obtain|find|agree|define)\b",
    re.I,
)
_IMPERATIVE = re.compile(
    rf"^(?P<verb>(?:{_TASK})|get|agree|mail|put|post|upload|organise|organize|invite|add|"
    r"design|hold|schedule|confirm|request|follow up)\b\s+\S",
    re.I,
)
_REPORT = re.compile(
    r"\b(?:informed|reported|announced|noted|mentioned|highlighted|explained|recalled|said|"
    r"stated|indicated|emphasi[sz]ed|stressed|underlined|expressed|welcomed|hoped|glad)\b"
    r"[^.]{0,60}?\bthat\b|\b(?:I|we)\s+(?:will|shall|would)\b",
)
# "a pledging event would be organised in the autumn": an event, not a task.
_EVENT = re.compile(
    r"\b(?:event|meeting|workshop|conference|session|forum|retreat|webinar|dialogue)s?\b"
    r"[^.]{0,40}\b(?:be|been)\s+(?:held|organi[sz]ed|convened|hosted|taking\s+place)\b",
    re.I,
)
# "Roadmap definition review to be discussed": a topic proposed for a meeting, not work given.
_AGENDA_PROPOSAL = re.compile(
    r"\bto\s+be\s+(?:further\s+|again\s+)?(?:discussed|considered|debated|revisited|"
    r"presented\s+and\s+discussed)\b(?!\s+(?:with|by)\b)"
    # "... they will be reviewed at the next Cluster meeting": deferred to the next meeting.
    r"|\bwill\s+be\s+(?:discussed|considered|reviewed|revisited|taken\s+up)\s+at\s+the\s+"
    r"next\b"
    # "Work-plan to be developed at the next working group": work the next meeting will do.
    r"|\bto\s+be\s+\w+ed\s+at\s+the\s+next\s+(?:\w+\s+){0,2}?(?:meeting|working\s+group)\b",
    re.I,
)
# "CPiE Coordinator still advocating for UASC to be included": a state of things, no task.
_ONGOING = re.compile(r"\b(?:still|currently|already)\s+\w+ing\b", re.I)
# "Contact the coordinator if interested": an offer to whoever wants it, no task.
_OFFER = re.compile(r"\bif\s+(?:interested|you\s+(?:wish|want|are\s+interested))\b", re.I)
_NOT_WORK_AGREED = re.compile(r"\b(?:no need|not|there is|there was)\b", re.I)


def _claim(label, confidence, **data):
    from nethub.meetings.extract.rules import Claim

    return Claim(label, confidence, data)


_BODY_NOUN = re.compile(
    r"\b(?:team|cluster|group|committee|partners|members|member|coordinator|secretariat|sector|"
    r"sectors|chairs?|co-?chairs?|leads?|co-?leads?|agencies|principals|staff|participants|all|"
    r"section|unit|office|heads|representatives?|working\s+level|focal\s+points?|government|"
    r"ministry|network|task\s*force|board|council|champion|director|officers?|manager|hc|rc|"
    r"agency|organi[sz]ations?|cell|editor|consultant|rapporteur|facilitator|moderator|"
    r"presenter|author|coordinator|everyone|everybody)\b",
    re.I,
)


_MIXED_ACRONYM = re.compile(r"^(?!Ma?c[A-Z][a-z]+$)(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z&-]{2,8}$")


def plausible_owner(owner: str, text: str) -> bool:
    """Whether `owner` can be given work: an acronym ("WFP", "GTF"), a body ("Support Team",
    "Partners", "All"), several words naming one, or a first name the minutes give in full
    elsewhere ("Rick" for "Rick White"). "Skip", "Need", "While", "Letters" are not owners."""
    if re.search(r"\d", owner):
        return False
    if re.search(r"\b[A-Z]{2,}[\w-]*\b", owner) or _BODY_NOUN.search(owner):
        return True
    words = owner.split()
    if len(words) == 1 and _MIXED_ACRONYM.match(owner):
        return True  # "MoE", "CPiE": an acronym in mixed case
    if len(words) == 1 and re.search(rf"\b{re.escape(owner.upper())}\b", text):
        return True  # "Reach to translate ..." where the minutes write "REACH"
    if len(words) == 1:
        # A first name the minutes give in full ("Rick White"), or a surname ("Hiro Kishimoto,
        # Member of ..." for "Kishimoto to set the next call").
        return bool(
            re.search(rf"\b{re.escape(owner)}\s+[A-Z][a-z]", text)
            or re.search(rf"\b[A-Z][a-z]+ {re.escape(owner)}\b", text)
        )
    return all(w[:1].isupper() or w.lower() in ("and", "of", "the", "&") for w in words)


def _owner(text: str) -> str | None:
    owner = re.sub(r"^(?:the|all\s+the)\s+", "", text.strip(), flags=re.I).strip(" ,.")
    if not owner or _NOT_OWNER.match(owner):
        return None
    return owner


_FOLLOWING = re.compile(r"\bthe\s+following\s+(?:action\s+points|actions|tasks)\b", re.I)
_DONE = re.compile(r"^\W*(?:\w+\s+){0,3}(?:completed|closed|done|achieved)\b", re.I)


# "Summary of Action Points Item 1. 2. 3.": a heading, then the numbers of a flattened column.
_SUMMARY_OF = re.compile(r"^(?:summary|list|table)\s+of\s+(?:the\s+)?(?=action|follow)", re.I)
_COLUMN_TAIL = re.compile(r"(?:\s+(?:items?|no\.?|#)(?:\s+\d{1,2}\.?)+)\s*$", re.I)


def action_section_heading(seg, context):
    """ "Action points:", "Follow-up action and Responsibility:", "Next Steps – After Fall
    Forum", "Decisions and Actions:": what follows is action points. So is what follows a
    sentence announcing them ("... and the following action points have been passed to this
    meeting.")."""
    heading = _COLUMN_TAIL.sub("", _SUMMARY_OF.sub("", seg.text.strip()))
    if len(heading.split()) <= 8 and ACTION_HEADING_LINE.match(heading):
        return _claim(s.HEADING, 0.9, opens_actions=True)
    following = _FOLLOWING.search(seg.text)
    if following and not _DONE.search(seg.text[following.end() :]):
        return _claim(s.OTHER, 0.8, opens_actions=True)
    return None


_STATUSES = frozenset(["ongoing", "new", "open", "pending"])
_OWNER_IN_LABEL = re.compile(rf"(?:^|[.;]\s+|\s){ACTION_OWNER_LABEL}\s*(?P<task>\S.*)$", re.I)


def action_label_with_owner(seg, context):
    """ "Action item (staff): publish the schedule", "Action (Alan): provide the text": the
    label names the owner in brackets (a status there, "(ongoing)", is no owner)."""
    match = _OWNER_IN_LABEL.search(seg.text)
    if match is None or match.group("who").strip().lower() in _STATUSES:
        return None
    task = match.group("task").strip()
    if len(task.split()) < 2:
        return None
    return _claim(s.ACTION, 0.95, task=task, owner=match.group("who").strip(), opens_actions=True)


def inline_action_label(seg, context):
    """ "Action Points: WHO to share DEWS report regularly.", "ACTION (ongoing): Veronika to
    clarify ...", "... Action point; GTF to design ...", "Share the draft >> ACTION"."""
    match = _INLINE.search(seg.text)
    if match and _PAST_POINTS.search(seg.text[: match.start("task")].rsplit(":", 1)[0]):
        match = None
    if match and len(match.group("task").split()) >= 2:
        task = match.group("task").strip()
        owner = _OWNER_TO.match(task) or _WILL.match(task)
        return _claim(
            s.ACTION,
            0.95,
            task=task,
            owner=_owner(owner.group("owner")) if owner else None,
            opens_actions=True,
        )
    trailing = _TRAILING.match(seg.text)
    if trailing:
        return _claim(s.ACTION, 0.9, task=trailing.group("task"))
    return _bare_label(seg.text)


def _bare_label(text: str):
    bare = _BARE_LABEL.search(text)
    if bare is None or not _TASK_WORDING.search(bare.group("task")):
        return None
    task = bare.group("task").strip()
    owner = _OWNER_TO.match(task) or _WILL.match(task)
    return _claim(s.ACTION, 0.85, task=task, owner=_owner(owner.group("owner")) if owner else None)


_LEAD_CLAUSE = re.compile(
    r"^(?:(?:In|At|On|For|During|Following|After|As|By|Before|Until|No\s+later\s+than|Once|"
    r"When|If)\b"
    r"[^,]{0,50},\s*|(?:Agreed(?:\s+to)?|Decided),\s*(?=[A-Z])|(?:AGREED|RESOLVED)\s+"
    r"(?:[A-Z]\.\s+)?|(?:Also|Further(?:more)?|Moreover|Finally|Then|However),\s*|"
    # "Mar 3, 2016 - PWG coordinators will ...": a page's date line before the sentence.
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})\s+[-–]\s+"
    # "Photocopier – ongoing – MB to arrange", "No quote yet, so AS to ask": a topic and its
    # status before a task by initials.
    r"|[A-Z][^–—.\n]{1,40}?(?:\s[–—]\s[^–—.\n]{0,30}?)?(?:\s[–—]\s|\.\s+|,\s+so\s+)"
    r"(?=[A-Z]{2,}[\w/-]*(?:\s+(?:and|&)\s+[A-Z]{2,}[\w/-]*)?\s+to\s+[a-z]{3,}))"
)


def _main(text: str) -> str:
    """The sentence without a leading clause ("In a related decision, CEB agreed ...")."""
    return _LEAD_CLAUSE.sub("", text.strip())


def _thing_to_be(text: str):
    """ "Tools developed by the WG (guidelines, SOPs) to be made available", "SMS mapping tool
    shared by DRC, to be filled in": a thing to be done, however it is described, when no
    finite verb comes before "to be" ("The meeting is expected to be held" is no task) and
    it is no event."""
    match = _ANY_THING_TO_BE.match(text)
    if match is None or _FINITE.search(match.group("thing")) or _EVENT.search(text):
        return None
    if _ONGOING.search(match.group("thing")):
        return None
    return match


def owner_to_verb(seg, context):
    """Note style: "WFP to maintain meetings", "HC to share the package", "All to send
    suggestions", "ICCT to be informed on this schedule" (no owner: passive)."""
    text = _main(seg.text)
    if _REPORT.search(text):
        return None
    passive = _TO_BE.match(text) or _THING_TO_BE.match(text) or _thing_to_be(text)
    if passive and _AGENDA_PROPOSAL.search(text):
        return None
    if passive:
        # The task keeps its leading clause ("Once all inputs are received, ToR to be ..."):
        # it says when.
        return _claim(s.ACTION, 0.75, task=seg.text.strip(), owner=None)
    match = _OWNER_TO.match(text)
    if match and not re.match(r"^(?:due|according|prior|thanks)\b", text, re.I):
        owner = _owner(match.group("owner"))
        if owner is None or len(owner.split()) > 5:
            return None
        if not plausible_owner(owner, context.document.text):
            return None
        return _claim(s.ACTION, 0.9, task=text, owner=owner)
    return None


_FOR_OWNER = re.compile(
    r"^(?:\[[ xX]?\]\s*)?For\s+(?P<owner>[A-Z][\w&/.-]*(?:\s+[A-Z][\w&/.-]*){0,3})\s*:\s*"
    r"(?P<task>\S.{5,})$"
)


_NOT_FOR_OWNER = frozenset(["information", "example", "instance", "reference", "discussion"])


def for_owner_label(seg, context):
    """A checklist item naming its owner: "[ ] For Lena: Draft the outline.", "For the
    Secretariat: circulate the note" (a "[x]" box ticked or not, the item is the task)."""
    match = _FOR_OWNER.match(seg.text.strip())
    if match is None or match.group("owner").lower() in _NOT_FOR_OWNER:
        return None
    return _claim(s.ACTION, 0.85, task=match.group("task").strip(), owner=match.group("owner"))


# "[ ] Hwang: To use the guidelines", "Hwang/Douglas: rename the group", "Silona - to complete
# the plan": an item led by its owner and a colon or a dash.
_OWNER_LABEL = re.compile(
    r"^(?:\[[ xX]?\]\s*)?(?P<owner>[A-Z][\w&.’'-]*(?:\s*/\s*[A-Z][\w&.’'-]*)*)"
    r"\s*(?::|\s[-–—])\s*(?P<task>\S.{5,})$"
)
_TASK_START = re.compile(r"^(?:to|will|shall|should|must)\s+[a-z]{3,}", re.I)


def owner_label(seg, context):
    """A checklist item or an item of an action section led by its owner ("[ ] Hwang: To use
    the guidelines", "Hwang - to set up a session"): the owner is each name before the colon
    or dash (a person the minutes name in full, a body, an acronym). Outside a checklist the
    task must read as one ("to ...", "will ..."): "Agenda: review" is no owner."""
    text = seg.text.strip()
    match = _OWNER_LABEL.match(text)
    if match is None:
        return None
    boxed = text.startswith("[")
    task = match.group("task").strip()
    if not boxed and not (context.action_section and _TASK_START.match(task)):
        return None
    owner = match.group("owner")
    parts = re.split(r"\s*/\s*", owner)
    if not all(plausible_owner(part, context.document.text) for part in parts):
        return None
    return _claim(s.ACTION, 0.85, task=task, owner=owner)


_PRONOUN_WILL = re.compile(
    rf"^(?:She|He)\s+(?:will|would|shall)\s+(?:then\s+|also\s+)?(?P<verb>{_TASK})\b"
)
_PERSON = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\b")


def pronoun_will_task(seg, context):
    """ "She will then circulate a revised version.": the person named last in the sentence
    before is the owner ("... comments should be provided to Lea Berg by Friday.")."""
    if not _PRONOUN_WILL.match(seg.text.strip()) or context.previous is None:
        return None
    from nethub.meetings.extract.people import person_name

    names = [person_name(m.group(0)) for m in _PERSON.finditer(context.previous.text)]
    names = [n for n in names if n]
    if not names:
        return None
    return _claim(s.ACTION, 0.7, task=seg.text.strip(), owner=names[-1])


def asked_to(seg, context):
    """ "Agencies were urged to finalize ...", "W.H.O. was requested to ensure ...", "the chair
    requested the cluster members to share ...", "Partners ... are advised contact ..."."""
    text = _main(seg.text)
    match = _ASKED.match(text)
    if match:
        return _claim(s.ACTION, 0.85, task=text, owner=_owner(match.group("owner")))
    match = _ASKS.search(text)
    if match and not _REPORT.search(text):
        return _claim(s.ACTION, 0.8, task=text, owner=_owner(match.group("owner")))
    return None


# "that the support team will prepare ...": the owner after "that" is written in lower case.
_THAT_WILL = re.compile(
    r"^(?:the\s+)?(?P<owner>[\w/&'’.-]+(?:\s+[\w/&'’.-]+){0,4}?)\s+(?:will|would|should|shall)\s+"
    rf"(?:{_TASK})\b"
)


# "Steve offered to assist", "Jack Pia offered to inquire", "NF offered to do this work".
_OFFERED = re.compile(
    r"^(?P<owner>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|[A-Z]{2,3})\s+offered\s+to\s+(?P<verb>[a-z]{2,})\b"
)


def person_offered(seg, context):
    """Rule: a person (a name or initials) who offers to do something at the meeting takes the
    work. An agency's offer in a principals' meeting ("OHCHR offered to review ...") is no
    task of the meeting's: the acronym of a body is longer than initials."""
    match = _OFFERED.match(_main(seg.text))
    if match is None or match.group("verb") == "continue":
        return None
    return _claim(s.ACTION, 0.75, task=_main(seg.text), owner=match.group("owner"))


# "Agreed to publish the current version and for Noel to amend it": the one the agreement names.
_AGREED_FOR = re.compile(
    rf"(?i:\bagreed\b)[^.;]{{0,80}}?\bfor\s+{_OWNER}\s+to\s+(?P<verb>[a-z]{{3,}})\b"
)
# "Andrew said he would liaise with Jill", "Ann suggested she would approach the school".
_SAID_WOULD = re.compile(
    rf"^{_OWNER}\s+(?:said|suggested|confirmed|promised|agreed)\s+(?:that\s+)?(?:he|she|they)\s+"
    rf"would\s+(?:{_TASK}|approach|ask|speak|talk|find|buy|book|print|order)\b"
)


def promised_work(seg, context):
    """Rule: work a named person takes on in reported speech ("Andrew said he would liaise
    with Jill") or that an agreement gives by name ("Agreed ... for Noel to amend ...")."""
    text = _main(seg.text)
    match = _SAID_WOULD.match(text) or _AGREED_FOR.search(text)
    if match is None:
        return None
    owner = _owner(match.group("owner"))
    named = match.re is _AGREED_FOR  # "for Noel to amend": the agreement names a person
    if owner is None or not (named or plausible_owner(owner, context.document.text)):
        return None
    task = text[match.start("owner") :] if named else text
    return _claim(s.ACTION, 0.7, task=task, owner=owner)


def agreed_work(seg, context):
    """An unlabelled decision that assigns work: "It was decided that the Support Team will
    prepare ...", "it was decided to email the latest version again", "Participants agreed to
    review ...", "MACRAM questionnaire was agreed to be circulated"."""
    text = _main(seg.text)
    match = _SUBJECT_AGREED.match(text)
    # "agreed to keep grants and core projects separate": a practice kept, no work given.
    if match and match.group("verb") not in (
        "continue",
        "use",
        "add",
        "hold",
        "meet",
        "keep",
        "maintain",
        "retain",
    ):
        return _claim(s.ACTION, 0.8, task=text, owner=_owner(match.group("owner")))
    match = _AGREED.search(text)
    if match is None or _NOT_WORK_AGREED.match(match.group("rest")) or _EVENT.search(text):
        return None
    rest = match.group("rest")
    if re.search(r"\b(?:proposed|suggested)\b", seg.text[: match.start("rest")], re.I) and not (
        context.action_section
    ):
        return None  # a suggestion in the discussion assigns nothing; under "Follow-up" it does
    inner = _WILL.match(rest) or _OWNER_TO.match(rest) or _THAT_WILL.match(rest)
    if inner:
        return _claim(s.ACTION, 0.8, task=text, owner=_owner(inner.group("owner")))
    if re.match(rf"^to\s+(?:be\s+)?(?:{_TASK}|{_PASSIVE})\b", rest) or re.search(
        rf"\b(?:should|must|will|would)\s+be\s+(?:{_PASSIVE})\b", rest
    ):
        return _claim(s.ACTION, 0.7, task=text, owner=None)
    return None


# "sector chairs are to review ...", "The shelter cluster coordinator will represent ...",
# "PWG coordinators will share ...": an owner written in lower case or plural, named by the
# body or role noun that ends it.
_ROLE_NOUN = (
    r"(?:team|cluster|group|committee|partners|members|coordinators?|co-?ordinators?|secretariat|"
    r"chairs?|co-?chairs?|leads?|co-?leads?|agencies|focal\s+points?|staff|officers?|managers?|"
    r"directors?|heads|representatives?|task\s*force|unit|office|section|sectors?|clusters)"
)
_ROLE_WILL = re.compile(
    rf"^(?:the\s+|all\s+(?:the\s+)?)?(?P<owner>(?:[A-Za-z][\w/&'’.-]*\s+){{0,3}}{_ROLE_NOUN})"
    r"\s+(?:will|shall|must|should|is\s+to|are\s+to)\s+(?:also\s+|then\s+)?"
    rf"(?P<verb>(?:{_TASK})(?:e?d)?|represent|attend)\b",
    re.I,
)


_PERSON_WILL = re.compile(
    r"^(?P<owner>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+will\s+(?:also\s+|then\s+)?"
    r"(?P<verb>[a-z]{3,})\b"
)
_NOT_A_TASK_VERB = frozenset(["not", "never", "still", "probably", "likely"])
# Verbs of an event or a state: "will be", "will meet", "will take place".
_EVENT_VERBS = frozenset(
    [
        "be",
        "have",
        "take",
        "see",
        "remain",
        "meet",
        "come",
        "become",
        "need",
        "want",
        "like",
        "continue",
        "happen",
        "reconvene",
        "depend",
        "join",
        "start",
        "begin",
        "end",
        "return",
    ]
)


def _person_will(text: str, context):
    """Rule: a person the minutes name in full elsewhere ("Silona" for "Silona Bonewald") who
    will do anything is given work, whatever the verb ("Silona will incorporate the feedback
    into the deck"), unless it names an event or a state ("will be", "will meet")."""
    match = _PERSON_WILL.match(text)
    if match is None:
        return None
    verb = match.group("verb")
    if verb in _NOT_A_TASK_VERB or verb in _EVENT_VERBS or verb.endswith("ing"):
        return None
    owner = match.group("owner")
    full = owner if " " in owner else None
    if full is None and not re.search(rf"\b{re.escape(owner)}\s+[A-Z][a-z]", context.document.text):
        return None
    return match


def will_task(seg, context):
    """A named owner promised a task: "PC will share report on the findings", "Rick will
    prepare a memo", "The HC will engage with AUHIP", "UNICEF will email all participants"."""
    text = _main(seg.text)
    if _REPORT.search(text):
        return None
    match = _WILL.match(text) or _ROLE_WILL.match(text) or _person_will(text, context)
    if match is None:
        return None
    owner = _owner(match.group("owner"))
    if owner is None or not plausible_owner(owner, context.document.text):
        return None
    if re.search(r"\b(?:you|your)\b", text):
        return None  # said to an audience (a speech, a briefing): no task of the meeting
    if re.search(
        r"\b(?:hold|meet|convene|host)\b[^.]{0,30}\b(?:event|meeting|session|again)\b", text
    ):
        return None  # an event, not a task
    return _claim(s.ACTION, 0.7, task=text, owner=owner)


def passive_future_task(seg, context):
    """Work to be done, its doer unsaid or an agent: "A template will be shared with the
    cluster members", "a summary ... will be shared by the cluster"."""
    text = seg.text.strip()
    if _REPORT.search(text):
        return None
    match = _PASSIVE_FUTURE.search(text)
    if match is None or _EVENT.search(text) or _AGENDA_PROPOSAL.search(text):
        return None
    agent = match.group("agent")
    return _claim(s.ACTION, 0.6, task=text, owner=_owner(agent) if agent else None)


# "Posters printed and delivered by Cy Dunn", "A newsletter will be produced by Bob Ray each
# month": a thing to be done and the person named as its agent.
_PASSIVE_BY = re.compile(
    r"^(?P<thing>(?:the\s+|a\s+|an\s+)?[A-Z\d][^.;:]{2,80}?)\s+"
    r"(?:(?:will|shall|would|is\s+to|are\s+to|to)\s+be\s+)?"
    r"(?P<verb>[a-z]+(?:ed|en)|bought|made|done|sent|put|set|kept|brought)"
    r"(?:\s+and\s+[a-z]+(?:ed|en))?\s+by\s+(?P<owner>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}|[A-Z]{2,3})\b"
)
# Participles of a record or a ceremony, not of work to do ("Minutes taken by", "Chaired by").
_RECORD_VERBS = frozenset(
    [
        "chaired",
        "attended",
        "presented",
        "led",
        "hosted",
        "followed",
        "seconded",
        "proposed",
        "opened",
        "closed",
        "welcomed",
        "noted",
        "taken",
        "prepared",
        "recorded",
        "written",
        "signed",
        "approved",
        "accepted",
        "received",
        "moved",
        "given",
        "raised",
        "reported",
        "explained",
        "introduced",
        "asked",
        "supported",
    ]
)


def passive_by_person(seg, context):
    """Rule: a passive task whose agent is a person the minutes name ("Posters printed and
    delivered by Cy Dunn") is that person's; a record ("Minutes taken by ...") is no task, nor
    a statement with a finite verb ("The meeting was chaired by ...")."""
    text = seg.text.strip()
    match = _PASSIVE_BY.match(text)
    if match is None or match.group("verb") in _RECORD_VERBS:
        return None
    if _FINITE.search(match.group("thing")) or _REPORT.search(text) or _EVENT.search(text):
        return None
    if not plausible_owner(match.group("owner"), context.document.text):
        return None
    return _claim(s.ACTION, 0.65, task=text, owner=match.group("owner"))


def needs_doing(seg, context):
    """ "The document need to be finalised in Sep/2022"."""
    if _NEEDS.search(seg.text) and not _REPORT.search(seg.text):
        return _claim(s.ACTION, 0.6, task=seg.text.strip(), owner=None)
    return None


_MODAL_SUBJECT = re.compile(
    rf"^{_OWNER}\s+(?:(?:has|have|needs?)\s+to|must|will|shall)\s+(?:also\s+)?[a-z]{{3,}}\b"
)


_TITLE_LINE = re.compile(
    r"^[A-Z][\w/&-]*(?:\s+(?:[A-Z][\w/&()-]*|of|from|and|the|on|for|in)){1,5}$"
)


def modal_in_action_section(seg, context):
    """Under an action heading, an item that gives a body work with a modal ("the working group
    has to meet before the next meeting to finalise the guideline"): the section makes it a
    task even when its verb alone would not."""
    if not context.action_section:
        return None
    match = _MODAL_SUBJECT.match(seg.text.strip())
    if match is None or _REPORT.search(seg.text):
        return None
    owner = _owner(match.group("owner"))
    if owner is None or not plausible_owner(owner, context.document.text):
        return None
    return _claim(s.ACTION, 0.75, task=seg.text.strip(), owner=owner)


def imperative_in_action_section(seg, context):
    """Under an action heading, an item in the imperative: "Send a press release ...",
    "Share Draft preliminary assessment ...", "To follow up with sub-cluster meetings"."""
    if not context.action_section:
        return None
    # "Action point To share the report": the first item glued to its column's label.
    text = re.sub(r"^action\s+points?\s+(?=to\s)", "", seg.text.strip(), flags=re.I)
    text = re.sub(r"^to\s+", "", text, flags=re.I)
    if _TITLE_LINE.match(text):
        return None  # "Update from Partners": the next heading, not a task
    if _IMPERATIVE.match(text) and len(text.split()) >= 3 and not _OFFER.search(text):
        return _claim(s.ACTION, 0.8, task=seg.text.strip(), owner=None)
    return None


_RESOLVED_THAT = re.compile(
    r"^(?:(?:AGREED|RESOLVED)\s+)?(?:[A-Z]\.\s+|\([a-z]\)\s+)?That\s+.{3,200}?\bbe\s+"
    r"(?P<verb>[a-z]+ed)\b(?:.*?\bby\s+(?:the\s+)?(?P<agent>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}))?",
)


def resolved_that(seg, context):
    """A resolution in the council style: "AGREED A. That a meeting be arranged for September
    to refresh the Action Plan", "B. That membership of the small team be appointed by the
    Armed Forces Champion"."""
    match = _RESOLVED_THAT.match(seg.text.strip())
    if match is None or match.group("verb") in ("noted", "received", "welcomed"):
        return None
    agent = match.group("agent")
    return _claim(s.ACTION, 0.75, task=seg.text.strip(), owner=_owner(agent) if agent else None)
