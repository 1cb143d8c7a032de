"""The words the action rules share: who can be given work, the verbs of a task, reported
speech and events that assign nothing, and the owner as the rules hand it on.
"""

from __future__ import annotations

import re

from nethub.meetings.extract.name_runs import MIXED_ACRONYM

# Who can be given work: a capitalised noun phrase ("WFP", "The Support Team", "CPWG and GBV
# WG", "Candy", "All", "SAG co-chairs"), not a preposition or a pronoun.
OWNER_WORD = (
    r"(?:[A-Z][\w/&'’.-]*|&|and|or|of|the|members?|partners|teams?|co-?chairs?|co-?leads?|leads?|"
    r"colleagues|section|cluster|coordinator|focal|points?|group|agencies|secretariat|staff|"
    r"all|other|chairs?|unit|office|working|level|sector|sectors|principals|heads|"
    r"representatives?|members|agency|agencies|organi[sz]ations?|sub-?groups?|"
    # "All actors", "Humanitarian partners", "Local NGOs", "Parent volunteers".
    r"actors|participants|volunteers|parents|teachers|stakeholders|ngos|donors|entities|"
    r"committee|board|council)"
)
# Who can be given work: a capitalised noun phrase ("WFP", "The Support Team", "CPWG and GBV
# WG", "Candy", "All", "SAG co-chairs", "WASH Cluster coordinator"), not a preposition, a
# pronoun or a sentence's opening words.
OWNER = (
    r"(?P<owner>(?:the\s+|all\s+(?:the\s+)?)?"
    r"(?!(?:According|Further|Thanks|Turning|Welcome|Due|Prior|In|On|As|With|For|From|This|"
    r"That|These|Those|It|There|Here|Please|Also|However|What|How|Who|Which|When|Where|Why|If|"
    r"She|He|They|We|I|Such|An?|Continued|Following)\b)"
    # "@ana.lind to draft ...": a chat or forum handle.
    rf"(?:[A-Z][\w/&'’.-]*|@[\w.-]*\w)(?:\s+{OWNER_WORD}){{0,5}}?)"
)
_NOT_OWNER = re.compile(
    r"^(?:the\s+)?(?:meeting|discussion|presentation|document|training|list|table|report|"
    r"plan|process|session|it|this|which|agenda|minutes?|draft|guideline|package|template|"
    r"information|conversation|outcome|tor|strategy|work\s*plan|not|call|face|followup|"
    r"follow-up)s?$",
    re.I,
)
_VERB_AFTER_TO = (
    r"(?!(?:the|a|an|all|this|these|its|their|his|her|our|your|my|date|day|and|or|but|which|"
    r"be\s+held)\b)"
)
# "Health sub-group (WHO, UNHCR, UNFPA) to finalize ...": the members in brackets.
OWNER_TO = re.compile(
    # "CPSWG still to share ...", "UNHCR yet to send ...": work still open is still work.
    rf"^{OWNER}(?:\s*\([^()]{{1,60}}\))?\s+(?:still\s+|yet\s+)?to\s+{_VERB_AFTER_TO}"
    r"(?P<verb>[A-Za-z]{3,})\b"
)
TASK_VERBS = (
    r"review|prepare|draft|circulate|share|develop|coordinate|map|organi[sz]e|convene|submit|"
    r"compile|finali[sz]e|update|send|follow|reach|consult|liaise|produce|revise|collect|set|"
    r"establish|nominate|facilitate|translate|disseminate|publish|report|draw|propose|identify|"
    r"brief|write|analy[sz]e|assess|lead|engage|mobili[sz]e|email|e-mail|provide|present|"
    r"contact|ensure|consolidate|take|have|create|transcribe|invite|inform|notify|check|"
    r"clarify|work|support|need|look|aim|arrange|launch|monitor|register|"
    r"complete|go|contribute|give|set|make|communicate|host|call|visit|prioriti[sz]e|include|"
    r"fill|"
    # Errands of small committees and project boards.
    r"purchase|buy|get|book|order|telephone|phone|ring|find|ask|remind|chase|confirm|print|pay|"
    r"speak|talk|investigate|approach|research|explore|raise|transfer|obtain|seek|put|add|"
    r"bring|distribute|source|design|install|fix|repair|replace|paint|hire|advertise|post|"
    r"upload|sign|write|produce|tell|edit|draft|test|plan|schedule|set\s+up|sort|handle|"
    r"resend|forward|reply|respond|discuss"
)
# French and Spanish action tables give their tasks in the infinitive ("Partager la feuille de
# route", "Editer une version finale", "Compartir el informe"): the imperative of their lists.
TASK_INFINITIVES_FR_ES = (
    r"partager|envoyer|transmettre|organiser|pr[ée]parer|finaliser|[ée]laborer|faire|mettre|"
    r"diffuser|identifier|contacter|suivre|r[ée]aliser|[ée]diter|discuter|informer|planifier|"
    r"convoquer|valider|compiler|soumettre|collecter|consolider|relancer|int[ée]grer|"
    r"v[ée]rifier|renforcer|appuyer|assurer|[ée]tablir|produire|r[ée]diger|faire\s+circuler|"
    r"proposer|pr[ée]senter|mobiliser|harmoniser|actualiser|tenir|fournir|sensibiliser|"
    r"r[ée]viser|analyser|coordonner|d[ée]signer|recruter|clarifier|examiner|r[ée]pondre|"
    r"briefer|participer|"
    r"compartir|enviar|preparar|organizar|elaborar|revisar|convocar|coordinar|realizar|"
    r"difundir|actualizar|presentar|solicitar|definir|identificar|contactar|finalizar|"
    r"socializar|remitir|circular|dar\s+seguimiento|hacer\s+seguimiento|establecer|incluir|"
    r"consolidar|redactar|validar|informar|gestionar|programar"
)
OWNER_WILL = re.compile(
    rf"^{OWNER}\s+(?:will|shall|would|should|must|is\s+to|are\s+to|needs?\s+to|aims?\s+to|"
    # "Ann is going to email the revised draft": the same future as "will".
    r"(?:is|are)\s+going\s+to)\s+"
    r"(?:also\s+|then\s+|further\s+|now\s+)?(?:need\s+to\s+)?"
    # "will shared" (the inflection written wrong), "will represent", "will attend".
    rf"(?P<verb>(?:{TASK_VERBS})(?:e?d)?|represent|attend|finish)\b(?!\s+place)",
)
PASSIVE_VERBS = (
    r"shared|circulated|communicated|presented|consolidated|developed|reviewed|finali[sz]ed|"
    r"sent|prepared|drafted|updated|organi[sz]ed|informed|contacted|continued|endorsed|"
    r"submitted|distributed|formed|arranged|invited|followed\s+up|set\s+up|emailed|established|defined"
)
FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|should|shall|must|can|could|may|might|"
    r"seems?|appears?|expected|likely|going|used|able|due|needs?|yet|continues?|wants?|plans?)\b"
    # "the Committee selected the first six programmes to be funded": a verb and its object.
    r"|\b\w+ed\s+(?:the|a|an|its|their|his|her|our|some|all)\b",
    re.I,
)
REPORTED_SPEECH = re.compile(
    r"\b(?:informed|reported|announced|noted|mentioned|highlighted|explained|recalled|said|"
    r"stated|indicated|emphasi[sz]ed|stressed|underlined|expressed|welcomed|hoped|glad)\b"
    r"[^.]{0,60}?\bthat\b|\b(?:I|we)\s+(?:will|shall|would)\b",
)
# "a pledging event would be organised in the autumn": an event, not a task.
EVENT_HELD = re.compile(
    r"\b(?:event|meeting|workshop|conference|session|forum|retreat|webinar|dialogue)s?\b"
    r"[^.]{0,40}\b(?:be|been)\s+(?:held|organi[sz]ed|convened|hosted|taking\s+place)\b",
    re.I,
)
# "Roadmap definition review to be discussed": a topic proposed for a meeting, not work given.
AGENDA_PROPOSAL = re.compile(
    r"\bto\s+be\s+(?:further\s+|again\s+)?(?:discussed|considered|debated|revisited|"
    r"presented\s+and\s+discussed)\b(?!\s+(?:with|by)\b)"
    # "... they will be reviewed at the next Cluster meeting": deferred to the next meeting.
    r"|\bwill\s+be\s+(?:discussed|considered|reviewed|revisited|taken\s+up)\s+at\s+the\s+"
    r"next\b"
    # "Work-plan to be developed at the next working group": work the next meeting will do.
    r"|\bto\s+be\s+\w+ed\s+at\s+the\s+next\s+(?:\w+\s+){0,2}?(?:meeting|working\s+group)\b",
    re.I,
)


def claim(label, confidence, **data):
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


def _first_name(word: str) -> bool:
    """ "Carmen will call the depot": minutes that name people by first name alone."""
    from nethub.meetings.extract.people.first_names import is_first_name

    return len(word) > 2 and word.lower() not in _NOT_FIRST_NAMES and is_first_name(word)


def plausible_owner(owner: str, text: str) -> bool:
    """Whether `owner` can be given work: an acronym ("WFP", "GTF"), a body ("Support Team",
    "Partners", "All"), several words naming one, or a first name the minutes give in full
    elsewhere ("Rick" for "Rick White"). "Skip", "Need", "While", "Letters" are not owners."""
    if re.search(r"\d", owner):
        return False
    if re.search(r"\b[A-Z]{2,}[\w-]*\b", owner) or _BODY_NOUN.search(owner):
        return True
    words = owner.split()
    if len(words) == 1 and MIXED_ACRONYM.match(owner):
        return True  # "MoE", "CPiE": an acronym in mixed case
    if len(words) == 1 and re.search(rf"\b{re.escape(owner.upper())}\b", text):
        return True  # "Reach to translate ..." where the minutes write "REACH"
    if len(words) == 1:
        # A first name the minutes give in full ("Rick White"), or a surname ("Hiro Kishimoto,
        # Member of ..." for "Kishimoto to set the next call").
        return bool(
            re.search(rf"\b{re.escape(owner)}\s+[A-Z][a-z]", text)
            or re.search(rf"\b[A-Z][a-z]+ {re.escape(owner)}\b", text)
            or _first_name(owner)
        )
    return all(w[:1].isupper() or w.lower() in ("and", "of", "the", "&") for w in words)


# Nouns that lead a record ("Motion to approve", "Changes to update", "Proposal to develop"):
# no one's name ends so.
_DEVERBAL_NOUN = re.compile(r"(?:tion|sion|ment|ance|ence|ness|ship|ity|ure|osal|oval|ival|ing)$")
# Capitalised words that lead a sentence and are no one's name ("Need to translate the list was
# raised"), for a first name alone given a task.
_NOT_FIRST_NAME_WORDS = (
    "need needs plan plans proposal decision decided agreed proposed attempt invitation "
    "reminder request time failure right ability opportunity effort efforts intention "
    "permission unable able important difficult hard easy nothing something nobody "
    "visit trip reply response access changes welcome call motion "
    # First names too, that open sentences as something else ("Will", "May"), and a page's
    # links ("Skip to main content").
    "will may june april august grace hope joy skip jump back read"
)
_NOT_FIRST_NAMES = frozenset(_NOT_FIRST_NAME_WORDS.split())


def named_errand(owner: str, verb: str) -> bool:
    """A first name alone given a task ("Simon to remind the partners", "Priya to book the
    hall"), the full name written nowhere in the excerpt: one capitalised word that is no
    record noun, and a verb of tasks or errands."""
    return (
        re.fullmatch(r"[A-Z][a-z]{2,14}", owner) is not None
        and owner.lower() not in _NOT_FIRST_NAMES
        and not _DEVERBAL_NOUN.search(owner)
        # "Liz to Send the reminder": a verb written with a capital is still the verb.
        and re.fullmatch(rf"(?:{TASK_VERBS})", verb.lower()) is not None
    )


def clean_owner(text: str) -> str | None:
    owner = re.sub(r"^(?:the|all\s+the)\s+", "", text.strip(), flags=re.I).strip(" ,.")
    if not owner or _NOT_OWNER.match(owner):
        return None
    return owner


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


def main_clause(text: str) -> str:
    """The sentence without a leading clause ("In a related decision, CEB agreed ...") or the
    arrow that leads a follow-up ("=> Sari, UNHCR, will raise ...")."""
    return _LEAD_CLAUSE.sub("", re.sub(r"^(?:=>|->|→|➔|➢|»)\s*", "", text.strip()))
