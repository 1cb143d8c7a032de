"""General mechanisms added in round 6 of the real minutes (issue 12). Every text here was
written for the test; none is copied from real minutes."""

from __future__ import annotations

from nethub.directory.selectors import OrganizationResolver
from nethub.meetings.extract import extract_meeting

RESOLVER = OrganizationResolver.from_reference_data()


def _points(text: str) -> list[tuple[str, str | None, str | None]]:
    meeting = extract_meeting(text, resolver=RESOLVER)
    return [(p.text, p.owner, p.due_date) for p in meeting.action_points()]


# --- owners: an item led by its owner ---------------------------------------------------------


def test_checklist_items_led_by_their_owner_and_a_colon_or_a_dash():
    text = (
        "# Tools group minutes (3/4/24)\n\n## Attendees:\n\n* Mira Tallis\n* Odo Brenk\n\n"
        "## Action\n\n"
        "* [ ] Mira/Odo: Index Rename- To update the names in every channel.\n"
        "* [ ] Group: Checklist to cover the open questions\n"
        "* [ ] Odo - to book a session with the board on the budget.\n"
        "* [ ] Mira - will draft the note based on Odo’s outline\n"
    )
    assert [owner for _, owner, _ in _points(text)] == ["Mira/Odo", "Group", "Odo", "Mira"]


def test_a_label_before_a_colon_outside_an_action_list_is_no_owner():
    text = (
        "Tools group minutes, 3 April 2024\nPresent: Mira Tallis, Odo Brenk\n\n"
        "Budget: The group reviewed the figures and found them in order for the year.\n"
    )
    assert _points(text) == []


# --- action points: agenda proposals ----------------------------------------------------------


def test_a_topic_to_be_discussed_is_no_task():
    text = (
        "Tools group minutes, 3 April 2024\n\nNotes\n1. Index definition to be discussed.\n"
        "2. Draft outline to be circulated to all members.\n"
    )
    assert [t for t, _, _ in _points(text)] == ["Draft outline to be circulated to all members."]


# --- action points: a flattened action table -------------------------------------------------


def test_a_summary_heading_with_its_column_numbers_opens_an_action_list():
    text = (
        "Water group, 9 March 2019\n\nSummary of Action Points Item 1. 2. 3.\n\n"
        "Action point To send the pump survey to all members. To update the map of the wells "
        "with the new sites. To circulate the draft plan when it is final.\n"
    )
    assert len(_points(text)) == 3


def test_owners_in_a_column_after_the_items_are_theirs_in_order():
    text = (
        "Water group, 9 March 2019\n\nSummary of Action Points Item 1. 2. 3.\n\n"
        "Action point To send the pump survey to all members. To update the map of the wells "
        "with the new sites. To circulate the draft plan when it is final.\n\n"
        "Focal Point / Organization Lina (ABC) Lina (ABC) Omar (DEF)\n"
    )
    assert [owner for _, owner, _ in _points(text)] == ["Lina (ABC)", "Lina (ABC)", "Omar (DEF)"]


def test_owners_and_deadlines_one_a_line_under_their_labels():
    text = (
        "Seed group, Sunday, March 10, 2019, Field Office\n\nAction points:\n"
        "Share the list of seed suppliers\nSend the district figures to the cluster\n"
        "RESPONSIBLE PARTY\nSeed partners\nSeed IM\nTIMELINE\nMar. 17th\nMar. 24th\n\n"
    )
    assert [(o, d) for _, o, d in _points(text)] == [
        ("Seed partners", "2019-03-17"),
        ("Seed IM", "2019-03-24"),
    ]


def test_a_column_with_fewer_values_than_items_fills_nothing():
    text = (
        "Water group, 9 March 2019\n\nAction points:\n- To send the pump survey to members.\n"
        "- To update the map of the wells.\n- To circulate the draft plan.\n\n"
        "Focal Point / Organization Lina (ABC) Omar (DEF)\n"
    )
    assert [owner for _, owner, _ in _points(text)] == [None, None, None]


def test_a_thing_as_of_a_date_has_no_due_date():
    text = (
        "Water group, 9 March 2019\n\nAction points:\n"
        "- To share the partners' appeal figures as of 9 Mar.\n"
    )
    assert [due for _, _, due in _points(text)] == [None]


# --- dates ------------------------------------------------------------------------------------


def test_a_date_under_a_meeting_date_label_wins_over_a_listing_date_before_it():
    text = (
        "Mar 2, 2019 - stored document\nMinutes of Meeting\n\nMeeting Date\n\n9th February, "
        "2019\n\nThe group reviewed the plan.\n"
    )
    assert extract_meeting(text, resolver=RESOLVER).meeting_date.isoformat() == "2019-02-09"


def test_a_day_written_month_first_is_a_due_date():
    text = (
        "Water group, 28 April 2017\n\nAction points:\n"
        "- KLM will make a presentation to the coordination meeting on May 5th.\n"
    )
    assert [due for _, _, due in _points(text)] == ["2017-05-05"]


def test_a_day_already_past_in_the_meetings_year_is_no_due_date():
    text = (
        "Tools group, 22 July 2024\n\nAction points:\n"
        "- Minutes of the meeting on July 15 to be approved by email.\n"
    )
    assert [due for _, _, due in _points(text)] == [None]


# --- action points: a review of past points ----------------------------------------------------


def test_a_past_point_marked_done_is_no_task_one_rolled_over_stays():
    text = (
        "Garden group, 12 May 2010\nPresent: Rita Moss, Kel Hart\n\n"
        "1. ACTION POINTS FROM LAST MEETING\n"
        "  • Rita to confirm the seed order - done.\n"
        "  • Rita to book the hall for the fair - (RO)\n"
    )
    assert [t for t, _, _ in _points(text)] == ["Rita to book the hall for the fair - (RO)"]


def test_everyone_is_an_owner_and_agreed_leads_a_note_style_task():
    text = (
        "Garden group, 12 May 2010\nPresent: Rita Moss, Kel Hart\n\n"
        "1. Newsletter - Everyone to email news items to Kel before the end of each month\n"
        "2. Later meetings - Agreed to, Kel to check with Rita which evening suits her\n"
    )
    assert [o for _, o, _ in _points(text)] == ["Everyone", "Kel"]


# --- participants -----------------------------------------------------------------------------


def _names(text: str) -> list[str]:
    return [p.name for p in extract_meeting(text, resolver=RESOLVER).participants]


def test_the_name_cell_of_each_row_under_a_header_of_columns():
    text = (
        "Water group meeting\nDate: 28/04/2017\nAttendees:\n"
        "No / Name / Designation / Organization / Email / Phone1 / Oda Brenner / Officer / ABC "
        "/ / 09 1111\n2 / Lin Lin Aye / WASH Officer / DEF / / 09 2222\n"
        "3 / Marta vell / Coordinator / GHI / marta.vell@example.org\n"
        "4 / Tomas Kerr / PM / JKL / tomas.kerr@example.org\nAgenda:\n1. / Introductions\n"
    )
    assert _names(text) == ["Oda Brenner", "Lin Lin Aye", "Marta vell", "Tomas Kerr"]


def test_lines_of_honorifics_and_names_without_a_label_are_participants():
    text = (
        "Regional team meeting\nMinutes of Meeting – 10 November 2014\nMr. Sadiq\n"
        "Dr. Omar Lindqvist\nEng. Tarik Amin\nNordic Relief Council\nMr. Farid hakim\n"
        "Agenda Item and Discussion\nThe team reviewed the winter plan and agreed the next steps "
        "for the region.\n"
    )
    assert _names(text) == ["Sadiq", "Omar Lindqvist", "Tarik Amin", "Farid hakim"]


def test_two_lines_of_honorifics_are_no_list():
    text = (
        "Regional team meeting\nMinutes of Meeting – 10 November 2014\nMr. Sadiq\n"
        "Agenda Item and Discussion\nThe team reviewed the winter plan.\n"
    )
    assert _names(text) == []


# --- text kept with its markup; people who will do anything ------------------------------------


def test_html_paragraph_and_cell_tags_separate_sentences():
    text = (
        "# (3/4/24) Meeting Minutes\n\n## Attendees:\n\n* Mira Tallis\n* Odo Brenk\n\n"
        "<table><tr><td>Budget</td><td><p>The figures were presented.</p><p>Odo will send "
        "the figures to the board.</p></td><td><p>Mira will incorporate the comments into "
        "the plan</p></td></tr></table>\n"
    )
    assert [(t, o) for t, o, _ in _points(text)] == [
        ("Odo will send the figures to the board.", "Odo"),
        ("Mira will incorporate the comments into the plan", "Mira"),
    ]


def test_a_person_named_in_full_elsewhere_who_will_meet_is_no_task():
    text = (
        "Tools group, 3 April 2024\nPresent: Mira Tallis, Odo Brenk\n\n"
        "Budget\nMira will meet the auditors in May as every year.\n"
        "Mira will incorporate the comments into the plan.\n"
    )
    assert [o for _, o, _ in _points(text)] == ["Mira"]


def test_column_labels_after_an_action_heading_are_no_task():
    text = (
        "Tools group, 3 April 2024\nPresent: Mira Tallis, Odo Brenk\n\n"
        "Actions: Responsible/None\n- Odo to send the figures.\n"
    )
    assert [t for t, _, _ in _points(text)] == ["Odo to send the figures."]


# --- due dates: the event announced in the sentence before -----------------------------------


def test_a_task_at_an_event_is_due_on_the_day_the_sentence_before_gives():
    text = (
        "Shelter cluster, 18 November 2013\n\nUpdates\nThe province leads the response. On "
        "Tuesday 19th November there is a provincial shelter meeting. The cluster coordinator "
        "will represent the agencies of the cluster.\n"
    )
    assert [d for _, _, d in _points(text)] == ["2013-11-19"]


def test_a_task_not_at_an_event_takes_no_date_from_the_sentence_before():
    text = (
        "Shelter cluster, 18 November 2013\n\nUpdates\nOn Tuesday 19th November there is a "
        "provincial shelter meeting. The cluster coordinator will share the stock report.\n"
    )
    assert [d for _, _, d in _points(text)] == [None]


# --- action points: surnames, prefixed verbs, proposed agenda items ----------------------------


def test_a_surname_given_in_full_elsewhere_owns_a_note_style_task():
    text = (
        "Liaison call, 18 October 2004\nAttendees: Hana Ostrova, Chair of ABC; Per Lund, "
        "Member of DEF\nDiscussion of the draft: comments were made. Drafts to be "
        "re-circulated. Ostrova to set the next conference call.\n"
    )
    assert [(o) for _, o, _ in _points(text)] == [None, "Ostrova"]


def test_topics_proposed_for_the_next_meeting_are_no_tasks():
    text = (
        "Donor group, 26 May 2014\n\nMain decisions and Action Points\n"
        "1. HC to write to the authorities on access.\n"
        "2. Proposed agenda items for next meeting:\n"
        "a. Discussion of the reporting of violations at the next meeting (ABC)\n"
        "b. A review of how the suspension of the convoys has affected aid (DEF)\n"
        "3. OCHA to share the sector reports with the donors.\n"
    )
    assert [o for _, o, _ in _points(text)] == ["HC", "OCHA"]


def test_a_staff_label_with_its_colon_lists_a_participant():
    text = (
        "13 October 2008 Summary Minutes\nParticipants: E Lind, D Kaso, S Bacho\n"
        "Apologies: S Herl, D Young\nStaff: M Langer\nThe meeting was called to order.\n"
    )
    assert "M Langer" in _names(text)


def test_an_item_deferred_to_the_next_meeting_and_a_practice_kept_are_no_tasks():
    text = (
        "Cluster call, 26 January 2006\n\nMinutes\nAs the minutes of the last call were not "
        "final, they will be reviewed at the next Cluster meeting. The group agreed to keep "
        "the two lists separate in its reports. The Chair will send the work plan to the "
        "members.\n"
    )
    assert [t for t, _, _ in _points(text)] == ["The Chair will send the work plan to the members."]


def test_a_deadline_in_a_clause_of_reason_is_not_the_tasks():
    text = (
        "Donor group, 26 May 2014\n\nMain decisions and Action Points\n"
        "1. WFP to update the group on the corridor since GoS promised a decision by 28 May "
        "2014\n2. OCHA to share the sector reports by 30 May 2014.\n"
    )
    assert [d for _, _, d in _points(text)] == [None, "2014-05-30"]


def test_an_event_listed_with_its_day_and_no_work_is_no_task():
    text = (
        "Donor group, 26 May 2014\n\nMain decisions and Action Points\n"
        "1. HC, WFP and the Minister meeting on 28 May 2014 on refugees and access to ABC.\n"
        "2. OCHA to share the sector reports before the meeting on 28 May 2014.\n"
    )
    assert [o for _, o, _ in _points(text)] == ["OCHA"]
