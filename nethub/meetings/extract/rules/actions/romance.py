"""Rules for tasks as French and Spanish minutes write them in running text, outside action
tables and headings: a subject and a verb in the future ("Le collectif va se renseigner", "Une
délégation rencontrera ...", "Alex establecerá contacto con ..."), in the passive future ("Des
contacts seront pris", "Se instalará una mesa"), or with a verb of obligation ("William y
Miguel deben retomar sus gestiones"); the verbs of taking work on ("se compromete a", "se
charge de", "il faut"); and French planning notes' infinitives ("prévoir 2 tables"). The
English ways ("will", "to be done") are in `future_tasks`, `passive` and `commitments`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.rules.actions.vocabulary import (
    TASK_INFINITIVES_FR_ES,
    claim,
    clean_owner,
)

# A subject that can be given work: a name, an acronym or a body, with its article ("Le
# collectif", "El Instituto Nacional de Migración (INM)", "William, Miguel y Jefferson", "chaque
# organisation"); never a pronoun ("il", "on", "nous", "ellos").
_SUBJECT = (
    r"(?P<owner>(?:(?:le|la|les|l['’]|un|une|des|chaque|el|los|las|cada)\s*)?"
    r"(?!(?i:il|elle|ils|elles|on|nous|vous|je|ce|cela|ça|él|ella|ellos|ellas|nosotros|se|si|"
    r"que|qui|où|donde|cuando|quand|igualmente|asimismo|también|además|également|ainsi)\b)"
    r"[\wÀ-ÿ][\wÀ-ÿ'’.-]*(?:\s+(?:\([^()]{1,60}\)|[\wÀ-ÿ'’.-]+)){0,7}?)"
)
# Words that may stand between the subject and its verb ("Alex en los próximos días
# establecerá ...", "Le bureau va également ...").
_ASIDE = (
    r"(?:\s+(?:en\s+los\s+próximos\s+días|dans\s+les\s+prochains\s+jours|prochainement|"
    r"également|aussi|ensuite|también|luego|además|ya))?"
)
# The future of a verb: French "-era", "-ira" ("organisera", "finiront"), Spanish "-ará",
# "-erá", "-irá" ("establecerá", "llevarán"), and the irregular ones minutes use.
_FUTURE = (
    r"(?:[a-zà-ÿ]{3,}(?:era|eront|ira|iront)|(?:fera|feront|enverra|enverront|prendra|prendront|"
    r"mettra|mettront|tiendra|tiendront|verra|verront|devra|devront|fournira)"
    r"|[a-zñáéíóú]{2,}(?:ará|erá|irá|arán|erán|irán)|(?:hará|harán|pondrá|pondrán|dirá|dirán))"
)
# Futures of an event or a state, not of work: "aura lieu", "se réunira", "habrá", "estará",
# "podrá", "se celebrará", "tendrá lugar", "será" (read by the passive rule below).
_NOT_WORK = re.compile(
    r"^(?:aura|auront|sera|seront|pourra|pourront|ira|iront|réunira|réuniront|"
    r"habrá|estará|estarán|podrá|podrán|será|serán|celebrará|celebrarán|reunirá|reunirán|"
    r"quedará|quedarán|continuará|continuarán|durará|empezará|comenzará|terminará|"
    r"tendrá|tendrán|tiendra|tiendront)$"
)
_MEETING_SUBJECT = re.compile(
    r"^(?:(?:la|le|l['’]|el|una?|les|las|los|prochaine?|próxima)\s+)*(?:prochaine\s+|próxima\s+)?"
    r"(?:réunion|assemblée|séance|AG|rencontre|fête|reunión|asamblea|sesión|junta|fiesta|"
    r"evento|encuentro|jornada)s?\b",
    re.I,
)
_ACTIVE_FUTURE = re.compile(
    rf"^{_SUBJECT}{_ASIDE}\s+(?:(?:va|vont)\s+(?:(?:se|s['’])\s*)?(?P<near>[a-zà-ÿ]{{3,}}(?:er|ir|re))"
    # "Mme RICHARD les récupérera": an object pronoun before the verb.
    rf"|(?:se\s+|s['’]|(?:les|le|la|l['’]|lui|leur|en|lo|los|las)\s*)?(?P<verb>{_FUTURE})"
    r"|(?:doit|doivent|devra|devront|debe|deben|deberá|deberán)\s+(?:(?:se|s['’])\s*)?"
    r"(?P<must>[a-zà-ÿñ]{3,}(?:er|ir|re|ar)))\b"
)
# "Des contacts vont être pris", "Un mémoire sera proposé", "serán enviados", "Se instalará
# una mesa": work whose doer is not said (or said after "par"/"por").
_PASSIVE_FUTURE = re.compile(
    r"\b(?:(?:va|vont)\s+être|sera|seront|será|serán)\s+(?:\w+\s+)?"
    # "pris", "mis", "fait": short participles count.
    r"(?P<verb>[a-zà-ÿ]+(?:é|ée|és|ées|is|ise|ises|it|ite|ites|ado|ada|ados|adas|ido|ida|"
    r"idos|idas))\b(?:(?:(?!\b(?:par|por)\b).)*\b(?:par|por)\s+(?P<agent>[A-ZÀ-Ý][\wÀ-ÿ-]*"
    r"(?:\s+[A-ZÀ-Ý][\wÀ-ÿ-]*){0,3}))?"
    rf"|^Se\s+(?P<impersonal>{_FUTURE})\b"
)
# Participles of a state or an event ("sera présent", "será celebrada"), not of work done.
_NOT_WORK_DONE = re.compile(
    r"^(?:présent|présente|présents|présentes|fermé|fermée|ouvert|ouverte|tenu|tenue|organisée?"
    r"|celebrad[ao]s?|realizad[ao]s?|cerrad[ao]s?|abiert[ao]s?)$"
)
# A task says what is to be done: two words at least after its verb.
_WORDS_AFTER = re.compile(r"\s+\S+\s+\S+")


_FUNCTION_WORDS = re.compile(
    r"\b(?:le|la|les|des|du|de|et|est|pour|avec|dans|aux|que|qui|el|los|las|del|y|con|para|"
    r"una|por|en|al)\b",
    re.I,
)


def _romance(text: str) -> bool:
    """Whether the sentence reads as French or Spanish: two of their function words."""
    return len(_FUNCTION_WORDS.findall(text)) >= 2


def _french(text: str) -> bool:
    return bool(re.search(r"\b(?:les|des|avec|pour|dans|aux|du|est|sont)\b", text, re.I))


@lru_cache(maxsize=4)
def _french_minutes(opening: str) -> bool:
    """Whether the opening of the minutes is French: asked once a document, not a segment."""
    return _french(opening)


# "Mais par contre le bureau va ...", "Además, la OIM enviará ...": a connective before the
# subject.
_CONNECTIVES = re.compile(
    r"^(?:(?:mais|par\s+contre|ensuite|enfin|de\s+plus|en\s+outre|d['’]autre\s+part|"
    r"également|pero|además|asimismo|igualmente|también|por\s+otra\s+parte|por\s+otro\s+lado|"
    r"por\s+último|finalmente)\b[,\s]*)+",
    re.I,
)


def future_task(seg, context):
    """A named subject with a verb in the future or of obligation: "Le collectif va se
    renseigner ...", "Une délégation du comité rencontrera le responsable ...", "Alex en los
    próximos días establecerá contacto con ...", "William, Miguel y Jefferson deben retomar
    sus gestiones ...", "el papá Miguel se encargará de hacer los carteles"."""
    text = _CONNECTIVES.sub("", seg.text.strip())
    match = _ACTIVE_FUTURE.match(text)
    if match is None or not _romance(text) or _MEETING_SUBJECT.match(text):
        return None
    verb = match.group("verb") or ""
    if _NOT_WORK.match(verb) or not _WORDS_AFTER.match(text[match.end() :]):
        return None
    if re.search(r"(?:era|eront|ira|iront)$", verb) and not _french(text):
        return None  # "primera", "carrera", "manera": Spanish words, no French future
    return claim(s.ACTION, 0.6, task=text, owner=clean_owner(match.group("owner")))


# "Nous allons aussi nous renseigner sur ...", "elle installera la décoration avec ...",
# "Elle se propose de remercier ...", "nos pondremos en contacto con ...", "Vamos a enviar
# ...": a pronoun doing work to come; whom it stands for is in the sentences before.
_PRONOUN_FUTURE = re.compile(
    r"^(?:(?:et|puis|ensuite|mais|y|luego)\s+)?"
    rf"(?:(?:elle|il|elles|ils)\s+(?:(?:va|vont)\s+(?:(?:se|s['’])\s*)?[a-zà-ÿ]{{3,}}(?:er|ir|re)"
    rf"|(?:se\s+|s['’])?(?P<verb>{_FUTURE})|se\s+propose(?:nt)?\s+de)"
    r"|nous\s+(?:allons|devons|devrons)\s+(?:(?:aussi|également|donc)\s+)?(?:nous\s+)?"
    r"[a-zà-ÿ]{3,}(?:er|ir|re)"
    r"|(?:nous\s+|nos\s+)?[a-zà-ÿ]{3,}(?:erons|irons)|vamos\s+a\s+[a-zñ]{3,}(?:ar|er|ir)"
    r"|(?:nos\s+)?(?:[a-zñ]{3,}(?:aremos|eremos|iremos)|[a-zñ]{2,}dremos|haremos|diremos))\b",
    re.I,
)


def pronoun_future_task(seg, context):
    """A pronoun with a verb of work to come, in French or Spanish ("Nous allons nous
    renseigner sur la législation", "elle installera la décoration", "nos pondremos en
    contacto con el ayuntamiento"). "Nous" is the meeting itself and owns the task as
    written; whom "elle" or "il" stands for is not named here. Events and states ("elle aura
    lieu", "il sera"), and the words of a date ("nous serons"), are no work."""
    text = _CONNECTIVES.sub("", seg.text.strip())
    match = _PRONOUN_FUTURE.match(text)
    if match is None or not _romance(text) or not _WORDS_AFTER.match(text[match.end() :]):
        return None
    verb = (match.group("verb") or "").lower()
    if _NOT_WORK.match(verb) or re.match(r"(?i)^(?:nous\s+)?serons\b", text):
        return None
    if re.search(r"(?:era|eront|ira|iront)$", verb) and not _french(text):
        return None
    # "Nous allons ...": the meeting itself, as written; "elle", "il": someone unnamed here.
    we = re.match(r"(?i)^(?:(?:et|puis|ensuite|mais)\s+)?(nous)\b", text)
    return claim(s.ACTION, 0.5, task=text, owner=we.group(1) if we else None)


# What opens a clause that can carry its own task after the start of a French or Spanish
# sentence: a comma, a semicolon, "et", "y", "puis".
_CLAUSE_OPENER_FR_ES = re.compile(r"[,;]\s+|\s+(?:et|y|puis|luego)\s+")


@dataclass(frozen=True)
class _Clause:
    """A clause read as the segment it would be on its own: the rules read only its text."""

    text: str


def clause_task(seg, context):
    """Rule: a task stated in a clause after the start of its sentence ("Isabelle animera
    l'accueil, elle installera la décoration avec Mme Roy", "Se acuerda el sorteo y nos
    pondremos en contacto con el ayuntamiento"), read by the subject and pronoun rules."""
    text = seg.text.strip()
    if not _romance(text):
        return None
    for opener in _CLAUSE_OPENER_FR_ES.finditer(text):
        if opener.start() == 0:
            continue
        clause = _Clause(text[opener.end() :])
        found = future_task(clause, context) or pronoun_future_task(clause, context)
        if found is not None:
            return found
    return None


def passive_future_task(seg, context):
    """Work to be done, its doer unsaid or after "par"/"por": "Des contacts vont être pris
    avec ...", "Ce trio sera déclaré en préfecture par Miguel Alarcon", "Se instalará una mesa
    para elaborar un listado ..."."""
    text = seg.text.strip()
    match = _PASSIVE_FUTURE.search(text)
    if match is None or not _romance(text) or _MEETING_SUBJECT.match(text):
        return None
    if _NOT_WORK_DONE.match(match.group("verb") or "") or _NOT_WORK.match(
        match.group("impersonal") or ""
    ):
        return None
    agent = match.group("agent")
    return claim(s.ACTION, 0.55, task=text, owner=clean_owner(agent) if agent else None)


# "se compromete a", "se encarga de", "queda encargado de", "se acuerda", "s'engage à", "se
# charge de", "est chargé de", "il est convenu de", "il faut": the French and Spanish of
# "agreed to", "undertook to", "is in charge of", "need to", before the task's verb.
# "se charge de": before the task's verb or the thing to do (`_CHARGE_OF_A_THING`).
_SE_CHARGE = r"se\s+(?:charge|chargent|chargera|chargeront)\s+"
_COMMITMENT = re.compile(
    r"(?:^|[,;:]\s*|\s)(?:"
    r"se\s+(?:compromete|comprometen|comprometió|comprometieron)\s+a"
    r"|se\s+(?:encarga|encargan|encargará|encargarán|encargó|encargaron)\s+de"
    r"|queda(?:n|ron)?\s+encargad[oa]s?\s+de"
    r"|se\s+(?:acuerda|acordó|decide|decidió|resuelve|resolvió)"
    r"|s['’]\s*(?:engage|engagent|engagera|engageront)\s+à"
    rf"|{_SE_CHARGE}de"
    r"|se\s+(?:responsabiliza|responsabilizan|responsabilizará|responsabilizarán)\s+de"
    r"|queda(?:n)?\s+pendientes?(?:\s+de)?"
    r"|(?:est|sont|sera|seront)\s+chargée?s?\s+de"
    r"|il\s+(?:est|a\s+été)\s+(?:convenu|décidé|proposé)\s+(?:de|d['’])"
    r"|(?:a|ont)\s+accepté\s+(?:de|d['’])"
    # "On décide de continuer ...", "sont volontaires pour effectuer ...", "se ofrece a ...".
    r"|(?:on|nous)\s+(?:décide|décidons|a\s+décidé|avons\s+décidé)\s+(?:de|d['’])"
    r"|(?:est|sont)\s+volontaires?\s+pour|se\s+(?:ofrece|ofrecen|ofreció)\s+a"
    r"|(?:acordamos|decidimos|acordaron|decidieron)"
    # "Il faut aussi se rapprocher de ...", "Hay que enviar ...": work that needs doing.
    r"|il\s+(?:faut|faudra|faudrait)(?:\s+(?:aussi|également|donc))?|hay\s+que|habrá\s+que"
    r")\s*(?:(?:se|s['’])\s*)?(?P<verb>[a-zà-ÿñ]{3,}(?:er|ir|re|ar))\b",
    re.I,
)
_OWNER_BEFORE = re.compile(rf"^{_SUBJECT}\s+(?:se|s['’]|queda|est|sont|a|ont)\b")


# "Mme Poirel se charge de l'achat des gâteaux": taking on a thing to do, a noun after the
# verb of taking work on.
_CHARGE_OF_A_THING = re.compile(
    rf"\b{_SE_CHARGE}(?:de\s+la|de\s+l['’]|du|des|de)\s*"
    r"[a-zà-ÿ]{3,}",
    re.I,
)
# "Il faut noter l'intervention du trésorier ...", "Por lo tanto, no hay que pagar ...": a
# statement of what is worth noting, or of what need not be done, gives no work.
_NO_WORK_GIVEN = re.compile(
    r"\bil\s+(?:faut|faudra|faudrait)\s+(?:noter|souligner|signaler|remarquer|rappeler)\b"
    r"|\b(?:no|ne|n['’])\s*(?:hay|habrá|faut|faudra|faudrait)\b|\bil\s+ne\s+faut\b",
    re.I,
)


def commitment_task(seg, context):
    """Work someone took on or the meeting agreed, in French or Spanish: "La CNDH se
    compromete a circunstanciar las visas ...", "el papá Miguel se encargará de hacer los
    carteles", "Se acuerda introducir en el orden del día ...", "Le bureau se charge de
    contacter la mairie", "Il est convenu d'écrire au préfet"."""
    text = seg.text.strip()
    match = _COMMITMENT.search(text) or _CHARGE_OF_A_THING.search(text)
    if match is None or _NO_WORK_GIVEN.search(text):
        return None
    owner = _OWNER_BEFORE.match(text[: match.start() + 12])
    return claim(
        s.ACTION, 0.6, task=text, owner=clean_owner(owner.group("owner")) if owner else None
    )


# The verbs French planning notes open a to-do with ("Acheter des gommettes", "prévoir 2
# tables", "Vérifier l'état des palettes"), beside those of action tables.
_TODO = re.compile(
    rf"^(?:{TASK_INFINITIVES_FR_ES}|acheter|prévoir|compléter|voir|définir|prendre|limiter|"
    r"vérifier|refaire|retenir|demander|augmenter|installer|appeler|réserver|commander|trouver|"
    r"récupérer|ajuster|penser\s+à|s['’]assurer|se\s+renseigner|se\s+rapprocher)\b(?!\s*:)",
    re.I,
)


# A verb conjugated after the infinitive makes it the subject of a statement ("Partager les
# expériences reste un objectif"), not a to-do.
_FINITE_FR = re.compile(
    r"\b(?:est|sont|reste|restent|sera|seront|serait|était|permet|permettent|doit|doivent|"
    r"peut|peuvent|semble|constitue|demeure|apparaît)\b",
    re.I,
)
# A web page's links, not a task: "Editer l'article", "Suivre ce blog", "Voir le rapport".
_PAGE_LINKS = re.compile(
    r"\b(?:blog|l['’]article|commentaires?|voir\s+(?:le\s+rappor|plus|aussi|la\s+suite|"
    r"le\s+profil|tous|(?:la\s+)?liste))"
    # "Partager "Compte rendu de la réunion ..."": a page's share button before its title.
    r"|^partager\s*[\"«“]|\bcliquer\b|\bcontinuer\s+[àa]\s+lire\b|\blire\s+la\s+suite\b"
    r"|^(?:se\s+(?:connecter|d[ée]connecter)|s['’]inscrire)\b",
    re.I,
)


# A French infinitive by its shape, then what opens its object ("Approfondir le travail ...",
# "Echanger entre les antennes ..."); nouns and adjectives of the same shape are left out
# ("Ordre du jour", "Atelier sur ...", "Rencontre avec ...").
_INFINITIVE_FR = re.compile(
    r"^(?!(?:ordre|atelier|dossier|courrier|lettre|centre|rencontre|membres?|cadre|titre|nombre|"
    r"calendrier|chantier|quartier|foyer|premi[eè]re?|derni[eè]re?|entier|loisirs?|avenir|"
    r"plaisir|souvenir|septembre|octobre|novembre|d[ée]cembre|registre|ministre|th[ée][âa]tre|"
    r"semestre|trimestre|offre|notre|votre|autre|entre|contre|livre|chambre|papier|fichier|"
    r"d[îi]ner|d[ée]jeuner|go[ûu]ter|cahier|m[ée]tier|sentier|libre|propre|pauvre|g[ée]n[ée]reux|"
    r"conseiller|conseill[eè]re|tr[ée]sori[eè]re?|infirmi[eè]re?|boulanger|[ée]tranger|"
    r"logiciel|manuel|site|mode|compte|reste|suite|liste|charte|partenaire|bénévole|terre|"
    r"m[èe]re|p[èe]re|fr[èe]re|s[œo]eur)\b)"
    # A word in capitals is a heading's or a body's ("TERRE DES HOMMES"), not a to-do's.
    r"(?!(?-i:[A-ZÀ-Þ]{2,})\b)"
    r"(?:s['’]|se\s+)?[a-zàâçéèêëîïôûùüÿœ]{3,}(?:er|ir|re)\s+"
    # The object's opening word in lower case ("Cluster SA" is a body).
    r"(?-i:le|la|les|l['’]|un|une|des|du|au|aux|à|avec|sur|entre|pour|en|ce|cet|cette|ces|chaque|"
    r"tous|toutes|notre|nos|leur|leurs|son|sa|ses)\b",
    re.I,
)


# "Mur d'escalade : voir si ...": a short topic, its colon, then the task.
_TOPIC_THEN = re.compile(r"^(?P<topic>[^:]{2,40}?)\s*:\s+(?P<task>\S.*)$")


def infinitive_todo(seg, context):
    """Rule: in French minutes, a short line or list item that opens with an infinitive of work
    is a task, with or without an action heading ("Acheter gommette ou perforateur pour valider
    les stands", "prévoir 2 tables et un drap"), also after the topic it is about ("Le
    maquillage : vérifier l'état des palettes"); not a numbered item (an agenda's "1.
    Approuver le compte rendu"), a heading, a question, or the subject of a statement."""
    text = seg.text.strip()
    topic = _TOPIC_THEN.match(text)
    if topic and (_TODO.match(topic.group("task")) or _INFINITIVE_FR.match(topic.group("task"))):
        text = topic.group("task")
    if not (_TODO.match(text) or _INFINITIVE_FR.match(text)) or len(text.split()) > 25:
        return None
    if text.endswith((":", "?")):
        return None
    if _PAGE_LINKS.search(text) or _FINITE_FR.search(text):
        return None
    block = context.document.blocks[seg.block]
    if block.marker[:1].isdigit() or not _french_minutes(context.document.text[:3000]):
        return None
    return claim(s.ACTION, 0.5, task=text)


# A Spanish infinitive by its shape, with its pronoun glued on ("colgarlas"), then what opens
# its object: an article, a determiner or a preposition ("Reenviar los correos ...", "Informar
# sobre ...", "Elaborar un cartel ..."); nouns of the same shape are left out ("Taller ...").
_INFINITIVE_ES = re.compile(
    r"^(?!(?:lugar|hogar|mujer|taller|alquiler|bar|mar|par|militar|familiar|particular|similar|"
    r"popular|ayer|placer|poder|deber|ser|l[íi]der|c[áa]ncer|az[úu]car|pilar|altar|d[óo]lar|"
    r"nivel|mayor|menor|primer|tercer|exterior|interior|anterior|posterior|car[áa]cter)\b)"
    r"[a-záéíóúñ]{2,}(?:ar|er|ir)(?:se|lo|la|los|las|le|les|nos)?\s+"
    r"(?:el|la|los|las|un|una|unos|unas|al|a|con|sobre|en|por|para|que|todos|todas|su|sus|"
    r"nuestro|nuestra|nuestros|nuestras|este|esta|estos|estas|dicho|dicha|cada|lo)\b",
    re.I,
)


# "1.c) ", "b) ": the letter of a sub-item, which no agenda heading has.
_SUB_ITEM = re.compile(r"^(?:\d{1,2}\.?)?[a-z]\)\s+")


def infinitive_todo_es(seg, context):
    """Rule: in Spanish minutes, a paragraph or list item that opens with an infinitive and
    its object is a task to do ("Reenviar los correos de la asamblea ...", "1.c) Informar
    sobre los recursos legales ..."); not a numbered agenda heading ("1. Aprobar el acta"), a
    question, or the subject of a statement."""
    text = _SUB_ITEM.sub("", seg.text.strip())
    if not _INFINITIVE_ES.match(text) or len(text.split()) > 45 or text.endswith((":", "?")):
        return None
    if _FINITE_ES.search(text.split(".")[0]) or _PAGE_LINKS.search(text):
        return None
    block = context.document.blocks[seg.block]
    if re.fullmatch(r"\d{1,2}[.)]?", block.marker) or not _spanish(context.document.text[:3000]):
        return None
    return claim(s.ACTION, 0.5, task=text)


# A verb conjugated after the infinitive makes it the subject of a statement ("Informar a las
# familias es una prioridad"), not a to-do.
_FINITE_ES = re.compile(
    r"\b(?:es|son|será|serán|sería|era|fue|permite|permiten|debe|deben|puede|pueden|parece|"
    r"constituye|resulta|supone|sigue|queda)\b",
    re.I,
)


@lru_cache(maxsize=4)
def _spanish(text: str) -> bool:
    """Whether the opening of the minutes is Spanish (asked once a document)."""
    return len(
        re.findall(r"\b(?:los|las|del|para|con|una|que|por|se)\b", text, re.I)
    ) >= 5 and not _french_minutes(text)
