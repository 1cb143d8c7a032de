"""Minutes in French and Spanish, the network's other working languages (issue 12): their
meeting dates, attendance and absence labels, action headings, the bodies that lead their
tasks and their due dates. Every text here was written for the test; none is copied from real
minutes."""

from __future__ import annotations

import pytest

from nethub.directory.selectors import OrganizationResolver
from nethub.meetings.extract import extract_meeting
from nethub.meetings.extract.deadlines import find_deadline
from nethub.meetings.extract.header import parse_date

RESOLVER = OrganizationResolver.from_reference_data()

FRENCH = """Réunion du réseau migration – compte rendu
Le mardi 7 février 2023, 10h00-12h00

Présents :
- Awa Ndiaye, OIM
- Karim Benali, HCR
Excusés : Paul Girard (UNICEF)

1. Tour de table
Les membres ont partagé leurs actualités.

Prochaines étapes :
- Le HCR et l'OIM prépareront une note conjointe pour le 28 février.
- OCHA partagera la matrice avec les partenaires d'ici le 3 mars.
"""

SPANISH = """Minuta de reunión – Red regional sobre migración
Fecha: miércoles 12 de octubre de 2022
Asistentes: María Gómez (ACNUR), Luis Pérez (OIM)
Ausentes: Jorge Díaz (OIT)

Compromisos:
- La OIM enviará el borrador de la hoja de ruta antes del 20 de octubre.
- ACNUR y UNICEF coordinarán una misión conjunta a la frontera.
"""


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("14 mars 2023", "2023-03-14"),
        ("1er août 2021", "2021-08-01"),
        ("5 de mayo de 2022", "2022-05-05"),
        ("lunes 3 de septiembre del 2018", "2018-09-03"),
    ],
)
def test_a_date_written_in_french_or_spanish(written, day):
    assert parse_date(f"Fecha / Date : {written}").isoformat() == day


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("OCHA partagera la matrice d'ici le 21 mars.", "2023-03-21"),
        ("L'OIM organisera une formation avant fin avril.", "2023-04-30"),
        ("La OIM enviará el informe antes del 15 de mayo.", "2023-05-15"),
        ("ACNUR presentará la nota a más tardar el 2 de junio.", "2023-06-02"),
    ],
)
def test_a_due_date_written_in_french_or_spanish(sentence, due):
    import datetime

    found = find_deadline(sentence, datetime.date(2023, 3, 14))
    assert found is not None and found.date.isoformat() == due


def test_french_minutes():
    meeting = extract_meeting(FRENCH, resolver=RESOLVER)
    assert meeting.date == "2023-02-07"
    assert [(p.name, p.organization) for p in meeting.participants] == [
        ("Awa Ndiaye", "IOM"),
        ("Karim Benali", "UNHCR"),
    ]  # Paul Girard sent his apologies
    assert [(p.owner, p.due_date) for p in meeting.action_points()] == [
        ("UNHCR, IOM", "2023-02-28"),
        ("OCHA", "2023-03-03"),
    ]


def test_spanish_minutes():
    meeting = extract_meeting(SPANISH, resolver=RESOLVER)
    assert meeting.date == "2022-10-12"
    assert [(p.name, p.organization) for p in meeting.participants] == [
        ("María Gómez", "UNHCR"),
        ("Luis Pérez", "IOM"),
    ]
    assert [(p.owner, p.due_date) for p in meeting.action_points()] == [
        ("IOM", "2022-10-20"),
        ("UNHCR, UNICEF", None),
    ]


def test_a_list_item_opening_with_a_body_names_its_owner_in_english_too():
    text = (
        "Working group minutes\n\n7 June 2023\n\nAction points:\n"
        "- UNHCR and IOM update on the returns caseload\n- Shelter partners to be contacted\n"
    )
    owners = [p.owner for p in extract_meeting(text, resolver=RESOLVER).action_points()]
    assert owners[0] == "UNHCR, IOM"


# An action table in French, its tasks in the infinitive and its owner column after them, as
# French minutes write it when the table is flattened to text.
FRENCH_TABLE = """Réunion du groupe éducation – 4 avril 2024

1. Suivi des décisions de la réunion précédente
Actions à prendre
Partager le plan de travail révisé avec les membres
Envoyer la liste des écoles évaluées au ministère
Organiser une visite conjointe des sites de Kalemie
Par qui
UNICEF
Ministère
NRC
Résultat
En cours
En attente
En attente
2. Tour de table
Les partenaires ont présenté leurs activités du mois.
"""


def test_french_action_table_tasks_in_the_infinitive_with_their_owner_column():
    meeting = extract_meeting(FRENCH_TABLE, resolver=RESOLVER)
    points = meeting.action_points()
    assert [p.text.split()[0] for p in points] == ["Partager", "Envoyer", "Organiser"]
    assert [p.owner for p in points] == ["UNICEF", "Ministère", "NRC"]


@pytest.mark.parametrize(
    "item",
    [
        "Compartir el informe de la misión con los socios",
        "Finaliser la cartographie des partenaires avant la réunion",
    ],
)
def test_an_infinitive_under_an_action_heading_is_a_task(item):
    text = f"Reunión del grupo de trabajo, 3 de mayo de 2023\n\nPróximos pasos:\n- {item}\n"
    tasks = [p.text for p in extract_meeting(text, resolver=RESOLVER).action_points()]
    assert tasks and tasks[0].startswith(item.split()[0])


def test_an_infinitive_outside_an_action_section_is_no_task():
    text = (
        "Réunion du groupe éducation – 4 avril 2024\n\n1. Contexte\n"
        "Partager les expériences entre provinces reste un objectif du groupe.\n"
    )
    assert extract_meeting(text, resolver=RESOLVER).action_points() == []


@pytest.mark.parametrize(
    ("line", "people"),
    [
        (
            "Présents : M. Jean Dupont (OIM), Mme Awa Ndiaye (HCR), Mlle Sophie Martin",
            [("Jean Dupont", "IOM"), ("Awa Ndiaye", "UNHCR"), ("Sophie Martin", None)],
        ),
        (
            "Asistentes: Sr. Luis Pérez (OIM), Sra. María Gómez (ACNUR), Ing. Pedro Soto",
            [("Luis Pérez", "IOM"), ("María Gómez", "UNHCR"), ("Pedro Soto", None)],
        ),
    ],
)
def test_french_and_spanish_honorifics_are_no_part_of_the_name(line, people):
    text = (
        f"Réunion du groupe, 4 avril 2024\n\n{line}\n\n1. Tour de table\nLes membres ont parlé.\n"
    )
    found = [
        (p.name, p.organization) for p in extract_meeting(text, resolver=RESOLVER).participants
    ]
    assert found == people


def test_m_before_a_surname_alone_is_an_initial():
    text = "Board, 4 April 2024\n\nPresent: M. Jones, A. Smith, B. Brown\n\n1. Items\nTalked.\n"
    names = [p.name for p in extract_meeting(text, resolver=RESOLVER).participants]
    assert "M. Jones" in names


def _points(discussion: str) -> list[tuple[str, str | None]]:
    """The action points read from minutes whose discussion is `discussion` (no action
    heading, no table): (the task's first words, its owner)."""
    text = (
        "Compte rendu de la réunion du collectif\nLe 14 novembre 2016\n\n"
        f"1. Actualités\n\n{discussion}\n"
    )
    meeting = extract_meeting(text, resolver=RESOLVER)
    return [
        (point.text[:25], point.owner)
        for item in meeting.agenda_items
        for point in item.action_points
    ]


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("Le collectif va se renseigner sur les assurances des bénévoles.", "collectif"),
        (
            "Une délégation du comité rencontrera la préfecture samedi pour faire le point.",
            "délégation",
        ),
        ("Alex en los próximos días establecerá contacto con el concejal del distrito.", "Alex"),
        (
            "El Instituto Nacional de Migración llevará a cabo una campaña de información.",
            "Instituto",
        ),
        ("Le bureau doit contacter la mairie avant la fin du mois.", "bureau"),
        ("Des contacts seront pris avec les associations du secteur pour les inviter.", None),
        ("Se instalará una mesa para elaborar un listado de las familias en el albergue.", None),
        ("La CNDH se compromete a circunstanciar las visas expedidas por el INM.", "CNDH"),
        ("Se acuerda introducir en el orden del día la elección de los asistentes.", None),
        ("Il est convenu d'écrire au maire pour demander une salle.", None),
        ("Hugues Martin et Annie Roux sont volontaires pour effectuer le compte-rendu.", "Hugues"),
        ("On décide de continuer à se renseigner auprès de la préfecture.", None),
        ("Il faut aussi se rapprocher de la maison des habitants du quartier.", None),
        ("Mais par contre le bureau va essayer d'avoir des relais dans les communes.", "bureau"),
    ],
)
def test_french_and_spanish_tasks_in_running_text(sentence, owner):
    points = _points(sentence)
    assert len(points) == 1 and points[0][0] in sentence
    assert (owner or "") in (points[0][1] or "") and bool(points[0][1]) == bool(owner)


@pytest.mark.parametrize(
    "sentence",
    [
        "La prochaine réunion aura lieu le 12 décembre à la Maison des associations.",
        "La próxima reunión se celebrará el 5 de diciembre en el local de la asociación.",
        "La fête de quartier sera organisée en juin avec les écoles.",
        "Los participantes en la carrera recibieron una medalla de la asociación.",
        "Le collectif a rencontré la préfecture la semaine dernière pour faire le point.",
        "La salle sera présente dans le programme de la ville pour les associations.",
        "Partners agreed that the primera meeting went well.",
    ],
)
def test_french_and_spanish_events_reports_and_states_are_no_tasks(sentence):
    assert _points(sentence) == []


def _people(attendance: str) -> list[str]:
    text = (
        f"Acta de la reunión del consejo\nFecha: 3 de mayo de 2019\n\n{attendance}\n\n1. Informe\n"
    )
    return [person.name for person in extract_meeting(text, resolver=RESOLVER).participants]


def test_a_role_before_each_spanish_name_of_four_words():
    people = _people(
        "ASISTENTES: Rector Víctor Manuel Rodríguez Sarmiento, Vicerrectora Académica Olga "
        "Lucía Díaz Flórez, Decano Facultad de Humanidades Luis Eduardo Espitia Supelano, "
        "Representante de los Profesores Lewis Leonardo Barriga"
    )
    assert people == [
        "Víctor Manuel Rodríguez Sarmiento",
        "Olga Lucía Díaz Flórez",
        "Luis Eduardo Espitia Supelano",
        "Lewis Leonardo Barriga",
    ]


def test_maria_abbreviated_is_part_of_the_name():
    people = _people("Asistentes:\nMª Ángeles Ibáñez Ruiz\nMª José Parada Piñero\nJuan López")
    assert people == ["Mª Ángeles Ibáñez Ruiz", "Mª José Parada Piñero", "Juan López"]


def test_french_civility_surname_then_first_name_and_the_absent_sections():
    text = (
        "Conseil de quartier – réunion du 20 juin 2016\n\nPrésents :\n\n"
        "- Mme BOIZIAU Janine, M. CIDERE Alain, Mr DEBENOIST Bernard, Titulaires ;\n"
        "- M. CIUP Daniel, Mme DUFAU Thérèse, Suppléants ;\n\nExcusés :\n\n"
        "- Mme FENOLL Véronique, M. DOKOULA Yvon, Titulaires ;\n\nAbsents :\n\n"
        "- Mme BESSARD Magali, M. CROTTE Joël, Titulaires.\n\nI- Le compte-rendu\n"
    )
    people = {p.name for p in extract_meeting(text, resolver=RESOLVER).participants}
    assert {"CIDERE Alain", "DEBENOIST Bernard", "DUFAU Thérèse"} <= people
    assert not people & {"FENOLL Véronique", "DOKOULA Yvon", "BESSARD Magali", "CROTTE Joël"}
    assert not people & {"Alain", "Bernard", "Thérèse"}  # a first name read again alone


def test_french_planning_notes_open_their_tasks_with_an_infinitive():
    text = (
        "Compte rendu de la réunion de l'association des parents\nLe 7 juin 2011\n\n"
        "1. Approuver le compte rendu de la dernière réunion\n\n2. Kermesse\n\n"
        "Les parents ont fait le point sur les stands et les lots.\n\n"
        "Acheter des gommettes pour valider les stands\n\n"
        "Lots à gagner : prévoir plusieurs tables pour les lots\n\n"
        "Vérifier l'état des palettes de l'année dernière\n\n"
        "Editer l'article Suivre ce blog\n\n"
        'Partager "Compte rendu de la réunion de l\'association des parents"\n\n'
        "Voir liste à la fin.\n"
    )
    meeting = extract_meeting(text, resolver=RESOLVER)
    tasks = [p.text for item in meeting.agenda_items for p in item.action_points]
    assert any(t.startswith("Acheter des gommettes") for t in tasks)
    assert any(t.startswith("Vérifier l'état") for t in tasks)
    assert not any("Approuver" in t or "Suivre ce blog" in t for t in tasks)
    assert not any(t.startswith(("Partager", "Voir liste")) for t in tasks)  # the page's links


def test_spanish_honorifics_open_each_person_of_an_inline_attendance():
    text = (
        "ACTA DE LA SESIÓN ORDINARIA No. 12-2012 DEL CONSEJO NACIONAL DE MIGRACIÓN, CELEBRADA "
        "EL 3 DE JULIO DE 2012\n\nSe inicia la sesión a las diecisiete horas. ASISTENTES: La "
        "Sra. Marta Chaves Castro, representante suplente por el Ministerio de Gobernación; la "
        "Sra. Karla Ruiz Araya, representante titular de la Dirección de Migración; el Sr. "
        "Rolando Obando González, representante del Ministerio de Relaciones Exteriores y el "
        "Sr. Arturo Guzmán Rojas, representante por la Caja de Seguro Social. Ausentes: La Sra. "
        "Karen Fonseca Vargas.\n\nARTÍCULO PRIMERO\nSe aprueba el acta anterior.\n"
    )
    people = {p.name for p in extract_meeting(text, resolver=RESOLVER).participants}
    assert people == {
        "Marta Chaves Castro",
        "Karla Ruiz Araya",
        "Rolando Obando González",
        "Arturo Guzmán Rojas",
    }  # not the absent, not the pieces ("Sr. Rolando") a general reader cuts, nor bodies


def test_french_planning_notes_open_with_the_infinitives_of_answering_and_briefing():
    text = (
        "Compte rendu de la réunion du cluster WASH\nLe 27 juillet 2017\n\n"
        "1. Enquête\n\nLes partenaires ont présenté les résultats.\n\n"
        "- Répondre à l'enquête en ligne sur le suivi des engagements\n\n"
        "- Briefer les membres sur le fonctionnement du système d'alerte\n"
    )
    meeting = extract_meeting(text, resolver=RESOLVER)
    tasks = [p.text for p in meeting.action_points()]
    assert any(t.startswith("Répondre à l'enquête") for t in tasks)
    assert any(t.startswith("Briefer les membres") for t in tasks)


def test_spanish_church_titles_and_particles_of_two_words_in_an_inline_attendance():
    text = (
        "Reunión de seguimiento de acuerdos sobre migración, 14 de octubre de 2015\n\n"
        "En la reunión participaron: Lic. Roberto Cano Cifuentes, Subsecretario de Derechos "
        "Humanos; Lic. Omar de la Torre de la Mora, Encargado de la Subsecretaría de Población; "
        "S.E. Mons. Eugenio Lara Rugama, Secretario General; Pbro. Arturo Montes, Secretario "
        "Ejecutivo de la Dimensión.\n\n1. Acuerdos\nSe revisaron los acuerdos.\n"
    )
    people = {p.name for p in extract_meeting(text, resolver=RESOLVER).participants}
    assert people == {
        "Roberto Cano Cifuentes",
        "Omar de la Torre de la Mora",
        "Eugenio Lara Rugama",
        "Arturo Montes",
    }


@pytest.mark.parametrize(
    ("sentence", "task"),
    [
        ("Nous allons aussi nous renseigner sur la législation des associations.", True),
        ("Elle installera la décoration de la salle avec les parents.", True),
        ("Elle se propose de remercier les adhérents par un courriel.", True),
        ("Mme Poirel se charge de l'achat des gâteaux et des boissons.", True),
        ("Il faut noter l'intervention du trésorier sur les comptes.", False),
        ("Il ne faut pas oublier que la salle est fermée en août.", False),
        ("Elle aura lieu dans la salle des fêtes de la commune.", False),
        ("Nous serons une vingtaine pour la sortie de printemps.", False),
    ],
)
def test_french_pronouns_doing_work_to_come_and_statements_that_give_none(sentence, task):
    assert bool(_points(sentence)) is task


@pytest.mark.parametrize(
    ("sentence", "task"),
    [
        ("Nos pondremos en contacto con la asociación de vecinos.", True),
        ("Queda pendiente contactar con los responsables de la comisión de fiestas.", True),
        ("Nadia y Eva se responsabilizan de traer los carteles a la próxima reunión.", True),
        ("Por lo tanto, no hay que pagar la cuota este año.", False),
    ],
)
def test_spanish_work_to_come_taken_on_or_left_pending(sentence, task):
    text = f"Acta de la reunión de la comisión\n14 de enero de 2018\n\n1. Carnaval\n\n{sentence}\n"
    meeting = extract_meeting(text, resolver=RESOLVER)
    assert bool(meeting.action_points()) is task


def test_a_register_marking_each_person_present_or_absent():
    text = (
        "Assemblée générale du 3 juillet 2004\n\n"
        "Composition du conseil d'administration au début de l'assemblée :\n\n"
        "· Benoît Borel, administrateur, présent\n· Stéphane Bouton, secrétaire, présent\n"
        "· Pascal Daumier, administrateur, absent excusé\n"
        "· Marie-Cécile Desmarais, trésorière, présente\n"
        "· Isabelle Sadoul, administratrice, absente excusée\n\n"
        "1. Rapport moral\nLe président présente le rapport.\n"
    )
    people = {p.name for p in extract_meeting(text, resolver=RESOLVER).participants}
    assert {"Benoît Borel", "Stéphane Bouton", "Marie-Cécile Desmarais"} <= people
    assert not people & {"Pascal Daumier", "Isabelle Sadoul"}


def test_a_numbered_register_with_capital_surnames_and_roles_before_the_mark():
    text = (
        "COMMISSION DE QUARTIER\nCOMPTE RENDU\nLUNDI 11 DECEMBRE 2017\n\nMEMBRES\n\n"
        "1. Chantal FOURNIER Présente\n\n2. Jacques MENARD Présent\n\n"
        "3. Michael LE BRUN Présent\n\n4. Sébastien VIAL Excusé\n\n"
        "Benoît Charmes Président présent\n\nORDRE DU JOUR\n\nI. Budgets participatifs\n"
    )
    people = {p.name for p in extract_meeting(text, resolver=RESOLVER).participants}
    assert {"Chantal FOURNIER", "Jacques MENARD", "Michael LE BRUN", "Benoît Charmes"} <= people
    assert "Sébastien VIAL" not in people


def test_plural_civilities_list_people_and_absence_lines_name_those_not_there():
    text = (
        "Réunion du comité\n\nL'an deux mille dix-huit, le 19 octobre, le Comité s'est réuni "
        "à la Mairie.\nÉtaient présents : Mmes BRANDON, FOUCHET, ATSEM, MM. BESSON, LE GARREC.\n"
        "Ont donné leur pouvoir : M. NOBEL.\nAbsents Excusés : Mmes PERCHE, M. DUJARDIN.\n"
        "Le quorum étant atteint, la séance est ouverte.\n"
    )
    people = {p.name for p in extract_meeting(text, resolver=RESOLVER).participants}
    assert people == {"BRANDON", "FOUCHET", "BESSON", "LE GARREC"}


def test_those_convened_attend_unless_an_absence_line_names_them():
    text = (
        "Compte rendu de la réunion du comité directeur du lundi 1er février 2010\n"
        "Étaient convoqués:\nMmes : Marie France CLASTRE; Nicole HEMME et Nadine SIDOINE\n"
        "MM: Daniel MARTIN; Louis FACCHI et Jean Louis LUCCA\n"
        "Excusés: Nadine SIDOINE, et Louis FACCHI\n---\n1. Finances\nLe trésorier présente.\n"
    )
    people = {p.name for p in extract_meeting(text, resolver=RESOLVER).participants}
    assert people == {"Marie France CLASTRE", "Nicole HEMME", "Daniel MARTIN", "Jean Louis LUCCA"}


def test_a_local_group_then_its_people_and_pairs_joined_by_et_or_y():
    text = (
        "Réunion de coordination des antennes\n\n22 novembre 2018 – Montpellier\n\nPrésents :\n\n"
        "Béziers : Vincent Lebrun (animateur), Anne-Marie Lebrun (accompagnatrice).\n\n"
        "Castelnau : Sylviane Lestrade et Josée Lhomme (co-animatrices)\n\n"
        "LMC : Marie Fabre (accompagnatrice)\n\n"
        "1 - Point sur les accueils :\n\nLe groupe fonctionne.\n"
    )
    people = {
        (p.name, p.organization) for p in extract_meeting(text, resolver=RESOLVER).participants
    }
    assert {
        ("Vincent Lebrun", "Béziers"),
        ("Anne-Marie Lebrun", "Béziers"),
        ("Sylviane Lestrade", "Castelnau"),
        ("Marie Fabre", "LMC"),
    } <= people
    assert "Josée Lhomme" in {name for name, _org in people}


def test_apologies_for_absence_name_no_group_and_no_participant():
    text = (
        "Refugee Action Group\nMinutes of the meeting on 8 May 2017\n\n"
        "1. Present: Ana Lind, Ben Ray, Cy Moss\n2. Apologies for absence: Gene Cook, Paula Dunn\n"
        "3. Matters arising\nNone.\n"
    )
    people = {p.name for p in extract_meeting(text, resolver=RESOLVER).participants}
    assert {"Ana Lind", "Ben Ray", "Cy Moss"} <= people
    assert not people & {"Gene Cook", "Paula Dunn"}


def test_civility_surname_first_name_lists_without_a_label_a_name_broken_over_lines():
    text = (
        "Association des parents d'élèves\nRéunion du 6 juin 2012\n\n"
        "Etaient présents : Mme CERTAIN Christelle, Mr COTTARD Laurent, Mme BOULET\n\n"
        "Stéphanie, Mr LE QUERE Pascal, Mme POILU Edith\n\n"
        "Etaient excusés : Mme LECLERE Gwenaëlle, Mme PLANCHE Lydie\n\n"
        "Mme LE BORGNE\nMr GUEGAN\nParents d'élèves :\n\n1. Kermesse\nLes stands sont prêts.\n"
    )
    people = {p.name for p in extract_meeting(text, resolver=RESOLVER).participants}
    assert {"CERTAIN Christelle", "BOULET Stéphanie", "LE QUERE Pascal"} <= people
    assert not people & {"LECLERE Gwenaëlle", "PLANCHE Lydie", "Christelle", "Stéphanie"}
    assert not any(name.endswith((" Mr", " Parents")) for name in people)


@pytest.mark.parametrize(
    ("sentence", "task"),
    [
        (
            "Isabelle animera l'accueil du parcours, elle installera la décoration avec Mme Roy.",
            True,
        ),
        ("Le stand est prêt, les parents apporteront des gâteaux pour la vente.", True),
        ("La kermesse a bien marché, elle aura lieu au même endroit l'an prochain.", False),
    ],
)
def test_a_french_task_in_a_clause_after_the_start_of_its_sentence(sentence, task):
    assert bool(_points(sentence)) is task


def test_the_meeting_itself_owns_what_nous_will_do_and_an_object_pronoun_keeps_the_subject():
    assert _points("Nous allons aussi nous renseigner sur la législation des associations.") == [
        ("Nous allons aussi nous re", "Nous")
    ]
    assert _points("Mme Richard les récupérera le samedi matin à la mairie.") == [
        ("Mme Richard les récupérer", "Mme Richard")
    ]


def test_groups_then_their_people_written_surname_first():
    text = (
        "Commission logement\n12 mars 2015\nParticipants :\n"
        "DDETS : BERNARD Paul, FAURE Julie\nCAF du Gard : PETIT Marc, LEROY Nadine\n"
        "SGAR : MOREAU Lucie\nCCAS Nîmes : MARTIN-ROUX Claire\nExcusés :\nGIRARD Yves\n\n"
        "1. Introduction\nLe président ouvre la séance.\n"
    )
    people = {
        (p.name, p.organization) for p in extract_meeting(text, resolver=RESOLVER).participants
    }
    assert people == {
        ("BERNARD Paul", "DDETS"),
        ("FAURE Julie", "DDETS"),
        ("PETIT Marc", "CAF du Gard"),
        ("LEROY Nadine", "CAF du Gard"),
        ("MOREAU Lucie", "SGAR"),
        ("MARTIN-ROUX Claire", "CCAS Nîmes"),
    }  # not "Julie CAF": a first name, then the next row's body


def test_a_surname_first_name_cut_at_the_line_and_the_rows_after_it():
    text = (
        "Commission logement\n12 mars 2015\nParticipants :\n"
        "DDETS : BERNARD Paul, FAURE Julie, LEFEBVRE\nClaire\n"
        "SGAR : MOREAU Lucie\nCAF du Gard : PETIT Marc\nExcusés :\nGIRARD Yves\n\n"
        "1. Introduction\nLe président ouvre la séance.\n"
    )
    people = {
        (p.name, p.organization) for p in extract_meeting(text, resolver=RESOLVER).participants
    }
    assert people == {
        ("BERNARD Paul", "DDETS"),
        ("FAURE Julie", "DDETS"),
        ("LEFEBVRE Claire", "DDETS"),
        ("MOREAU Lucie", "SGAR"),
        ("PETIT Marc", "CAF du Gard"),
    }  # not "Lucie CAF": a first name ending a row, then the next row's body


def test_spanish_attendance_with_each_persons_body_after_de_la():
    text = (
        "Acta de la reunión de la Plataforma Vecinal del Arrabal\n\n"
        "Reunión celebrada el jueves, día 3 de marzo de 2016.\n\nAsisten:\n\n"
        "- Rosa Blasco; Tomás Gil; y Pilar Lasheras de la Parroquia de Santa Engracia\n\n"
        "- Chema Lozano de la AVV El Picarral\n\n- Sergio Moya de la Asociación El Olmo\n\n"
        "- Elena Sanz\n\n- Angelines Royo\n\n"
        "1. Fiestas del barrio\n\nSe comenta la organización de las fiestas del barrio y el "
        "reparto de tareas entre las asociaciones que participan en la plataforma.\n"
    )
    assert sorted(_participants(text)) == [
        "Angelines Royo",
        "Chema Lozano",
        "Elena Sanz",
        "Pilar Lasheras",
        "Rosa Blasco",
        "Sergio Moya",
        "Tomás Gil",
    ]  # not "Santa Engracia" nor "El Olmo": the bodies they come from


def test_an_attendance_table_whose_cell_wraps_onto_an_indented_line():
    spaces = " " * 30
    text = (
        "ACTA DEL CONSELL MUNICIPAL DE COOPERACIÓ\n\nDia: 12 de març de 2009\n\n"
        "Hi assisteixen:\n\n"
        f"Marta Puig Soler{spaces}presidenta     Alcaldessa\n\n"
        f"Jordi Vila i Roca{spaces}vocal      Associació per a la cooperació i el\n\n"
        f"{' ' * 60}desenvolupament dels pobles\n\n"
        f"Pere Casals Mir{spaces}vocal      Creu Roja\n\n"
        f"Anna Ferrer Pons{spaces}vocal      Grup Municipal\n\n"
        "1. Aprovació de l'acta anterior\n\nS'aprova l'acta de la sessió anterior.\n"
    )
    assert sorted(_participants(text)) == [
        "Anna Ferrer Pons",
        "Jordi Vila i Roca",
        "Marta Puig Soler",
        "Pere Casals Mir",
    ]


def _participants(text: str) -> list[str]:
    return [person.name for person in extract_meeting(text, resolver=RESOLVER).participants]


@pytest.mark.parametrize(
    ("paragraph", "task"),
    [
        ("Reenviar los correos que lleguen a la asamblea a las personas de cada grupo.", True),
        ("1.c) Informar sobre los recursos legales frente a las multas.", True),
        ("Colgarlas en la página del grupo cada lunes.", True),
        ("Informar a las familias es una prioridad del grupo.", False),
        ("Taller de costura para las madres del barrio.", False),
        ("¿Organizar una fiesta en la plaza?", False),
    ],
)
def test_a_spanish_paragraph_that_opens_with_an_infinitive_and_its_object(paragraph, task):
    text = (
        "Acta de la asamblea del grupo de comunicación\nConil, 12 de julio de 2011\n\n"
        "Se habla de las tareas del grupo para las próximas semanas y de las personas que se "
        "encargan de cada una de ellas.\n\n"
        f"{paragraph}\n"
    )
    points = [p.text for p in extract_meeting(text, resolver=RESOLVER).action_points()]
    assert any(paragraph[-25:] in point for point in points) is task


@pytest.mark.parametrize(
    ("line", "task"),
    [
        ("Approfondir le travail avec les autres réseaux de la région.", True),
        ("Echanger entre les antennes pour partager les bonnes pratiques.", True),
        ("Ordre du jour de la prochaine réunion du collectif.", False),
        ("TERRE DES HOMMES France", False),
        ("CONTINUER À LIRE", False),
        ("Atelier sur le logement des jeunes majeurs.", False),
        ("Cluster SA - CR février 2016", False),
        ("Se connecter avec OpenID", False),
    ],
)
def test_a_french_line_that_opens_with_an_infinitive_and_its_object(line, task):
    text = (
        "Compte rendu de la réunion du collectif\nLe 27 novembre 2020\n\n"
        "Le collectif a fait le point sur les actions de l'année et sur les demandes des "
        "familles accompagnées.\n\nPerspectives de travail :\n\n"
        f"- {line}\n"
    )
    points = [p.text for p in extract_meeting(text, resolver=RESOLVER).action_points()]
    assert any(line[:20] in point for point in points) is task


def test_a_french_attendance_of_surnames_in_capitals_then_first_names():
    text = (
        "CA du 05/03/2021\n\nLe conseil s’est réuni dans la salle municipale.\n\n"
        "Présents : DE LA TOUR Sophie, MOREAU Béatrice, PETIT Jacqueline, LAMBERT Marc.\n\n"
        "Excusés : GIRARD Marie, FAURE Yves.\n\nLe bureau a été élu.\n"
    )
    assert _participants(text) == [
        "DE LA TOUR Sophie",
        "MOREAU Béatrice",
        "PETIT Jacqueline",
        "LAMBERT Marc",
    ]


def test_a_column_of_names_whose_dashes_are_glued_to_them():
    text = (
        "ACTA DE LA ASAMBLEA GENERAL 2024\n\nA las 13:00 h. del día 27 de enero de 2024 se "
        "constituye la Asamblea General del club con la asistencia de los siguientes socios:\n\n"
        "-Pilar Ortega Ruiz\n\n-Miguel Ángel Soto Vega\n\n- Lucía Marín Gil\n\n"
        "- Carmen Jara\n\n1. Cuentas del año\n\nSe aprueban las cuentas.\n"
    )
    assert _participants(text) == [
        "Pilar Ortega Ruiz",
        "Miguel Ángel Soto Vega",
        "Lucía Marín Gil",
        "Carmen Jara",
    ]


def test_a_spanish_list_whose_items_each_open_with_the_role_of_the_person():
    text = (
        "CONSEJO ACADÉMICO SESIÓN ORDINARIA ACTA No. 40 FECHA: Cali, 18 de diciembre de 2012 "
        "HORA: 7:46 a.m. LUGAR: Sala Mayor. ASISTENTES: Juan Pablo Ortiz Cano, Rector Víctor "
        "Hugo Salas Mejía, Vicerrector de Gestión Universitaria Edgar Andrés Mora Parra, "
        "Vicerrectora Académica Laura Inés Vega Ríos, Decana Facultad de Educación Olga Lucía "
        "Díaz Flórez, Decano Facultad de Ciencias Mario Andrés Gil Toro.\nORDEN DEL DÍA 1. "
        "Verificación del quórum 2. Informe del Rector\n"
    )
    assert _participants(text) == [
        "Juan Pablo Ortiz Cano",
        "Víctor Hugo Salas Mejía",
        "Edgar Andrés Mora Parra",
        "Laura Inés Vega Ríos",
        "Olga Lucía Díaz Flórez",
        "Mario Andrés Gil Toro",
    ]  # not "Juan Pablo", "Mora Parra": the first two words of each item


def test_a_french_to_do_after_the_topic_it_is_about():
    text = (
        "Réunion APE\nLe 6 juin 2012\n\n1. Kermesse\n\n- Le chamboule foot : OK\n"
        "- Mur d’escalade : voir si on a assez de volontaires pour tenir ce stand\n"
        "- Le maquillage : vérifier l’état des palettes de l’année dernière\n"
    )
    assert [p.text for p in extract_meeting(text, resolver=RESOLVER).action_points()] == [
        "voir si on a assez de volontaires pour tenir ce stand",
        "vérifier l’état des palettes de l’année dernière",
    ]
