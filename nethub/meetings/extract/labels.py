"""The labels minutes write before their parts, each concept in one place: action headings
("Action Points:", "Next steps", "Follow-up actions") and attendance labels ("Present:",
"Participants", "Members present:", "Observers:").

The readers build their patterns from these pieces: the structure walk
(`actions.action_heading`) and the rule table (`rules.actions.labelled.action_section_heading`)
read the same action headings; the rule table (`rules.structure.participants_label`), the
attendance reader (`people`) and the section reader (`name_runs`) read the same attendance
labels. A new label goes here, once.
"""

from __future__ import annotations

import re

# --- action headings --------------------------------------------------------------------------

# "Summary of Action Points", "List of the agreed actions": a heading's optional lead.
_ACTION_LEAD = r"(?:(?:summary|list|overview|table)\s+of\s+(?:the\s+)?(?:agreed\s+)?)?"
ACTION_HEADING_FR_ES = (
    r"points?\s+d['’]actions?|"
    r"(?:actions?|mesures)\s+(?:à|a)\s+(?:mener|entreprendre|suivre|prendre)|"
    r"actions?\s+(?:convenues|retenues|de\s+suivi)|suivi\s+des\s+actions|"
    r"prochaines\s+[ée]tapes|d[ée]cisions\s+et\s+actions|"
    r"(?:acuerdos\s+y\s+)?compromisos(?:\s+y\s+acuerdos)?|pr[óo]ximos\s+pasos|"
    r"puntos\s+de\s+acci[óo]n|acciones(?:\s+(?:a\s+seguir|acordadas))?|tareas"
)
# The heading's words: "Action Points", "Key action items", "Next Steps", "Follow-up actions and
# responsibilities", "Decisions and actions", "To-dos", "Way forward", "Action Points of the
# Meeting", "Actions arising from this meeting", "Next steps / action points".
ACTION_HEADING_WORDS = (
    rf"{_ACTION_LEAD}(?:(?:agreed|key|main|proposed|suggested)\s+)?"
    r"(?:action\s*(?:points?|items?)(?:\s+and\s+agreements)?|"
    r"actions?(?:\s+(?:agreed|required|to\s+be\s+taken))?|"
    r"follow[- ]?ups?(?:\s+actions?)?(?:\s+and\s+responsibilit(?:y|ies))?|next\s+steps?|"
    r"decisions?\s+and\s+action(?:s|\s+points?)?|to[- ]dos?|tasks|way\s+forward|"
    # French and Spanish minutes: "Points d'action", "Actions à mener", "Prochaines étapes",
    # "Suivi des actions"; "Acuerdos y compromisos", "Próximos pasos", "Tareas".
    rf"{ACTION_HEADING_FR_ES})\b"
    r"(?:\s+(?:of|from|arising\s+from)\s+(?:the|this|today['’]s)\s+meeting\b)?"
    r"(?:\s*(?:/|and|&)\s*(?:follow[- ]?ups?|next\s+steps|action\s+points?|decisions?))?"
    # "Action Points (ongoing)", "Next Steps – After Fall Forum": a note after the heading.
    r"(?:\s*\([^)]*\))?"
)
# A heading and what follows it on its line ("Action Points: WHO to share ..."; may be "").
ACTION_HEADING = re.compile(rf"^{ACTION_HEADING_WORDS}\s*[:.]?\s*(?P<rest>.*)$", re.I)
# A heading alone on its line, a short note after a dash allowed ("Next Steps – After Forum").
ACTION_HEADING_LINE = re.compile(
    rf"^{ACTION_HEADING_WORDS}(?:\s*[–-]\s*[^:]{{0,40}})?\s*[:;]?\s*$", re.I
)
# A mid-line label that opens one point ("... for endorsement Action Point: Members to ...").
ACTION_LABEL_WORDS = r"action\s+p(?:oi|io)nts?|follow[- ]up\s+actions?"
# "Action item (staff): publish ...", "Action (Alan): provide ...", "Action point for Thomas:
# reach out ...": a label naming its owner in brackets or after "for"/"by", mid-line too.
ACTION_OWNER_LABEL = (
    r"action(?:\s+(?:items?|points?))?"
    r"(?:\s*\((?P<who>[^()]{1,40})\)|\s+(?:for|by)\s+(?P<for_who>[^():.;]{1,40}?))\s*:"
)

# --- attendance labels ------------------------------------------------------------------------

# Words that say people did not attend ("Apologies:", "Regrets", "Absent", "Unable to attend"):
# whoever they label is no participant, whichever reader finds them.
ABSENCE_WORDS = (
    r"apolog\w*|regrets?|absent\w*|excused|unable\s+to\s+attend|not\s+present|"
    r"excus[ée]e?s|ausentes?|excusas"  # French and Spanish
)
ABSENCE = re.compile(rf"\b(?:{ABSENCE_WORDS})\b", re.I)
# A phrase that opens with one ("Regrets Dan"): the label glued to whom it heads.
ABSENCE_FIRST = re.compile(rf"(?:{ABSENCE_WORDS})\b", re.I)

# "Present", "Members present", "Consultants Present", "Participants", "List of attendees",
# "In attendance", "Attended by".
# "Board Participants", "Directors Present", "Present (14):", "Those attending": who the label
# counts as there may lead it, and a head count in brackets may follow it.
# French and Spanish: "Présents", "Liste des participants", "Asistentes", "Participantes",
# "Asisten".
ATTENDANCE_FR_ES = (
    r"(?:personnes\s+)?pr[ée]sent(?:e?s)?|liste\s+des\s+participants|participantes|asistentes|"
    r"presentes|lista\s+de\s+(?:asistentes|participantes|asistencia)|"
    # "Asisten:", "Asistieron:", and Catalan and Galician "Hi assisteixen:", "Assistents:".
    r"asisten|asistieron|(?:hi\s+)?assisteixen|assistents"
)
_ATTENDING_WHO = (
    r"members|consultants|staff|others?|partners|board|directors|trustees|officers|guests|"
    r"committee|council|those|also"
)
ATTENDANCE_WORDS = (
    r"(?:list\s+of\s+)?(?:(?:(?:executive\s+)?(?:" + _ATTENDING_WHO + r")\s+)?"
    r"(?:participants|present|attending)|attendees|attendance|in\s+attendance|attended\s+by|"
    rf"{ATTENDANCE_FR_ES})"
    r"(?:\s*\(\s*\d{1,3}\s*\))?"
)
# Those there in another capacity ("Staff: M Lang", "Observers:", "Also present:"): with a
# colon only, as the words alone are common.
ATTENDANCE_OTHER_WORDS = r"(?:staff|observers?|guests?|also\s+present|also\s+attending)"
# "Health Cluster Team: A, B": a team's people, with its colon.
TEAM_LABEL = r"\b(?:[A-Z][\w-]*\s+){0,3}team\s*:"

# A line that opens an attendance ("Present: Ann Lee, ...", "Participants").
# "Staff: M Lang", "Observers: A, B" after the apologies: those there in another capacity.
ATTENDANCE_LINE = re.compile(rf"^{ATTENDANCE_WORDS}\b\s*[:;]?|^{ATTENDANCE_OTHER_WORDS}\s*:", re.I)
# The label at the start of an attendance line, with its separator ("2) Present - Mark").
ATTENDANCE_LABEL = re.compile(
    rf"^{ATTENDANCE_WORDS}\s*(?:[:;]|[-–—](?=\s))?\s*|^{ATTENDANCE_OTHER_WORDS}\s*:\s*", re.I
)
# A label anywhere in the opening of the minutes, whatever follows it: a colon, a line break, a
# dash ("2) Present - Mark (Chair), Dorothy"), a numbered table ("Participants No. Name").
ATTENDANCE_ANYWHERE = re.compile(
    # "Members present Name Ana Lind ...": a flattened table's header after the label.
    rf"\b{ATTENDANCE_WORDS}\b\s*(?::|;|\n|(?<=\s)[-–—]\s|(?=\s+No\.)|(?=\s+Names?\s+[A-Z]))"
    rf"|\b{ATTENDANCE_OTHER_WORDS}\s*:",
    re.I,
)
# Labels in running text, each with its colon: "Members Present: A, B Consultants Present: C
# Staff Present: D", "Health Cluster Team: A, B".
ATTENDANCE_INLINE = re.compile(rf"\b{ATTENDANCE_WORDS}\s*:\s*|{TEAM_LABEL}\s*", re.I)

# An action table's owner cell: "Maysa (UNHCR)", "Esmaeil (UNICEF) & Hiba (UNICEF)", "Ana
# (WV), Jill (UNHCR) & Neil (UNICEF)": people, each with their organisation in brackets.
OWNER_CELL = re.compile(
    r"^(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*\([A-Z][\w&/ -]{1,15}\)\s*[,&]?\s*)+$"
)

# An action register's code before an item: "AP125 SL to ask", "AI12. Henne to evaluate" (a
# bare "AI:" is a short action label, read as one), or an action log's reference ("20-4Ⓐ6 PH
# to provide ...").
REGISTER_CODE = re.compile(r"^\s*(?:A[PI]\d{1,4}[.:]?|\d{1,4}-\d{1,3}[^\s\w]\d{1,3})\s+(?=[A-Z])")

# The column labels of an action table: who owns each row, and when it is due ("Focal Point /
# Organization", "Responsible party", "By whom"; "Timeline", "Deadline", "By when").
OWNER_COLUMN = (
    r"focal\s+points?(?:\s*/\s*(?:organi[sz]ation|agency))?|responsible(?:\s+(?:party|parties|"
    r"person|persons|agency|organi[sz]ation))?(?:\s*/\s*agency)?|by\s+whom|owners?|lead\s+agency|"
    # French and Spanish: "Par qui", "Responsable(s)".
    r"par\s+qui\b|responsables?\b"
)
DUE_COLUMN = (
    r"timelines?|timeframe|deadlines?|due\s+dates?|by\s+when|"
    r"[ée]ch[ée]ances?\b|date\s+limite\b|fecha\s+l[íi]mite\b"
)


# "Sergio Moya de la Asociación El Olmo", "Ana Gil del AMPA": who the person is from, in
# Spanish, Catalan and French lists, is a body, not more of the name.
OF_A_BODY = re.compile(
    r"\s+(?:de|del|du|des)\s+(?:la\s+|l['’]|los\s+|las\s+|les\s+)?"
    r"(?P<body>(?:[A-Z]{2,}\b|(?:Parroquia|Parr[òo]quia|Paroisse|Asociaci[óo]n|Associaci[óo]|Association|"
    r"Fundaci[óo]n?|Fondation|Federaci[óo]n?|F[ée]d[ée]ration|Plataforma|Plateforme|"
    r"Coordinadora|Comisi[óo]n|Commission|Comit[ée]|Colectivo|Col·lectiu|Collectif|"
    r"Ayuntamiento|Ajuntament|Concello|Mairie|Cruz\s+Roja|Croix[- ]Rouge|C[áa]ritas|Iglesia|"
    r"Universidad|Universitat|Universit[ée]|Sindicato|Sindicat|Syndicat|Centro|Centre|Consejo|"
    r"Consell|Conseil|Mesa|Red|R[ée]seau|ONG|Grupo|Groupe)\b)[^;,|\n]*)"
)


# "Action point –" standing alone before its task.
ACTION_POINT_ALONE = re.compile(r"^(?:>>\s*)?action\s+p(?:oi|io)nts?\s*[–—:;-]?$", re.I)

# "Action point – CARE to share the training in next meeting UNHCR suggested to host ...": the
# next sentence of the discussion, its full stop lost, begins with who reported what.
NEXT_REPORT = re.compile(
    r"\s+(?=(?:[A-Z][\w&/-]+\s+){1,3}(?:informed|reported|explained|suggested|mentioned|noted|"
    r"said|stated|shared|highlighted|stressed|asked|added|presented|updated)\s+"
    r"(?:that|the|about|on|of|to|members|partners|participants|everyone|all)\b)"
)
