"""Dates: the meeting's days and the due dates of its action points (issue 12).
The general mechanisms of rounds 5-7 of the real minutes, gathered by concept (rounds 3-4
are in test_extract_layouts.py). Every text here was written for the test; none is copied
from real minutes."""

from __future__ import annotations

import datetime

import pytest

from nethub.directory.selectors import OrganizationResolver
from nethub.meetings.extract import extract_meeting

RESOLVER = OrganizationResolver.from_reference_data()


def _points(text: str) -> list[tuple[str, str | None, str | None]]:
    meeting = extract_meeting(text, resolver=RESOLVER)
    return [(p.text, p.owner, p.due_date) for p in meeting.action_points()]


@pytest.mark.parametrize(
    ("opening", "first", "last"),
    [
        ("WATER GROUP\n\nThursday 14 Mar2019, 10:00am\nRoom 4", "2019-03-14", None),
        ("Minutes of the group held on 09.04.11\nPresent: Ana Lind", "2011-04-09", None),
        ("Board retreat held on 3, 4 and 5 October 2017 in Oslo", "2017-10-03", "2017-10-05"),
        ("Board meeting, 13.00 - 14.00 hrs, 2 May 2016, Room 3", "2016-05-02", None),
    ],
)
def test_meeting_dates_glued_with_dots_or_listed(opening, first, last):
    from nethub.meetings.extract.dates import meeting_dates

    found = meeting_dates(opening)
    assert (found[0].isoformat(), found[1].isoformat() if found[1] else None) == (first, last)


def test_a_thing_as_of_a_date_has_no_due_date():
    text = (
        "Water group, 9 March 2019\n\nAction points:\n"
        "- To share the partners' appeal figures as of 9 Mar.\n"
    )
    assert [due for _, _, due in _points(text)] == [None]


def test_a_date_under_a_meeting_date_label_wins_over_a_listing_date_before_it():
    text = (
        "Mar 2, 2019 - stored document\nMinutes of Meeting\n\nMeeting Date\n\n9th February, "
        "2019\n\nThe group reviewed the plan.\n"
    )
    assert extract_meeting(text, resolver=RESOLVER).meeting_date.isoformat() == "2019-02-09"


@pytest.mark.parametrize(
    ("opening", "day"),
    [
        # A "Date:" label in the header, under a title that names another day.
        (
            "Draft minutes – water group, 13 March 2012 at 10:30\n\nWATER GROUP MINUTES\n"
            "Date: Wednesday 19/9/2012\nVenue: Town hall",
            "2012-09-19",
        ),
        ("Nota 2 de mayo de 2021\nFecha: 28 de abril de 2021\nLugar: Quito", "2021-04-28"),
        # A line that opens with a date and names itself the minutes, under a post's date.
        (
            "Monday, March 17, 2008\n\nMarch 11 2008, Monthly Meeting Minutes\n\n"
            "Members present: Ana, Ben",
            "2008-03-11",
        ),
        # The last meeting's date is not this one's.
        (
            "Réunion du groupe à Kindu\n\nLa dernière réunion s'était tenue le 26 mai 2015 à "
            "Goma. Celle-ci, le 2 mars 2016, a réuni neuf partenaires.",
            "2016-03-02",
        ),
        (
            "Notes. Our last meeting was held on 4 May 2019; we met again on 8 June 2019.",
            "2019-06-08",
        ),
    ],
)
def test_the_meeting_s_own_date_over_a_title_s_a_post_s_or_the_last_meeting_s(opening, day):
    from nethub.meetings.extract.dates import meeting_dates

    assert meeting_dates(opening)[0].isoformat() == day


@pytest.mark.parametrize(
    ("opening", "first", "last"),
    [
        (
            "REUNION DEL GRUPO\nLIMA, 27, 28 Y 29 DE OCTUBRE DE 1999.\nCONCLUSIONES",
            "1999-10-27",
            "1999-10-29",
        ),
        ("Réunion du bureau du 3 au 5 mai 2019 à Dakar", "2019-05-03", "2019-05-05"),
        ("Cluster Meeting Minutes 2016/06/30 | Chair Ana Lind", "2016-06-30", None),
        # A page's update stamps, then the meeting.
        (
            "Recent Updates\n29th Mar 2024 16:34 GMT\nMINUTES OF THE AGM\nAGM 15th September 2022",
            "2022-09-15",
            None,
        ),
        (
            "Date: Thu, 15 Feb 2001 18:46:34 +0100\nThe group met on 8 February 2001 in Oslo.",
            "2001-02-08",
            None,
        ),
        # Alone, the stamp stands: e-mailed minutes of "today's call".
        (
            "Date: Fri, 7 Sep 2001 14:56:01 -0400\n\nThe status from today's call.",
            "2001-09-07",
            None,
        ),
        # A council's number before its day is no range of three weeks.
        ("Council 3 - 24th November 2015- Brampton 4 (6.30pm-8.30pm)", "2015-11-24", None),
    ],
)
def test_meeting_dates_in_spanish_lists_slashed_iso_after_stamps_and_numbers(opening, first, last):
    from nethub.meetings.extract.dates import meeting_dates

    found = meeting_dates(opening)
    assert (found[0].isoformat(), found[1].isoformat() if found[1] else None) == (first, last)


def test_a_date_line_that_is_not_the_minutes_title_does_not_win():
    from nethub.meetings.extract.dates import meeting_dates

    opening = "Board meeting, 3 April 2019\n\n12 March 2019, budget approved by the council."
    assert meeting_dates(opening)[0].isoformat() == "2019-04-03"


def test_a_dateline_stays_over_the_date_label_of_the_event_the_meeting_plans():
    from nethub.meetings.extract.dates import meeting_dates

    opening = (
        "Park association board meeting\nSunday, August 16, 2009\nPresent: Ana, Ben\n"
        "Date: Sunday, September 13, 2009 (the summer fair)\nTime: 4-6 pm"
    )
    assert meeting_dates(opening)[0].isoformat() == "2009-08-16"


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


def test_a_deadline_in_a_clause_of_reason_is_not_the_tasks():
    text = (
        "Donor group, 26 May 2014\n\nMain decisions and Action Points\n"
        "1. WFP to update the group on the corridor since GoS promised a decision by 28 May "
        "2014\n2. OCHA to share the sector reports by 30 May 2014.\n"
    )
    assert [d for _, _, d in _points(text)] == [None, "2014-05-30"]


def test_a_task_before_the_next_working_group_is_due_on_its_day_and_month():
    text = (
        "Shelter working group, Tuesday 4 March 2014\nParticipants: ABC, DEF, GHI\n\n"
        "Action point: Members to send their comments to ABC before the next working group.\n\n"
        "Next meeting: Tuesday 18th March. Office of ABC.\n"
    )
    assert _points(text) == [
        (
            "Members to send their comments to ABC before the next working group.",
            "Members",
            "2014-03-18",
        )
    ]


def test_a_next_meeting_in_january_after_a_december_meeting_is_in_the_next_year():
    text = (
        "Shelter working group, 9 December 2014\nParticipants: ABC, DEF, GHI\n\n"
        "Action point: Members to send their comments to ABC before the next meeting.\n\n"
        "Next meeting: 6 January. Office of ABC.\n"
    )
    assert [due for _, _, due in _points(text)] == ["2015-01-06"]


# --- round 8 ----------------------------------------------------------------------------------


def test_tomorrow_and_a_weekday_count_from_the_meeting_day():
    text = (
        "Board meeting\n15 November 2005\n\nPresent: Ana Lind, Ben Ray\n\n"
        "Ana will contact the county tomorrow for a waiver.\n"
        "Ben will send the list by Friday.\n"
    )
    assert [due for _, _, due in _points(text)] == ["2005-11-16", "2005-11-18"]


def test_a_day_and_month_in_figures_is_read_only_when_unambiguous():
    text = (
        "Board meeting\n20 February 2018\n\nPresent: Ana Lind, Ben Ray\n\n"
        "Ben will gather bids by 4/18.\nAna will post the sheet by 3/4.\n"
        "Ben will send the plan by 27/3.\n"
    )
    assert [due for _, _, due in _points(text)] == ["2018-04-18", None, "2018-03-27"]


def test_the_date_of_minutes_the_meeting_approves_is_no_meeting_date():
    text = (
        "Board members present: Ana Lind, Ben Ray.\n1. Call to order\n"
        "2. Approval of minutes\nMinutes of the October 18, 2005 Board meeting were presented "
        "and approved.\n"
    )
    assert extract_meeting(text, resolver=RESOLVER).meeting_date is None


def test_a_date_after_minutes_of_wins_over_a_post_date_before_it():
    text = (
        "Monday, April 27, 2009\n\nCouncil\n\nMeeting Minutes of April 16, 2009\n\n"
        "Members Present: Ana Lind, Ben Ray.\n"
    )
    assert extract_meeting(text, resolver=RESOLVER).meeting_date.isoformat() == "2009-04-16"


def test_a_space_before_the_comma_after_a_month():
    text = "Special Board Meeting\n3 Nov , 2015\n6:30 PM\n\nTrustees Present: Ana Lind, Ben Ray\n"
    assert extract_meeting(text, resolver=RESOLVER).meeting_date.isoformat() == "2015-11-03"


# Round 9 -----------------------------------------------------------------------------------


def test_a_date_alone_on_the_line_after_an_item_is_its_due_date():
    """Rule `_date_on_next_line`: the item's next line holds only a date, labelled or not."""
    text = (
        "Garden committee, 3 March 2021\nPresent: Ann Lee, Bob Ray\n\nAction items:\n"
        "- Bob to repair the shed door\n  Date: 20/3/21\n"
        "- Ann to order compost\n  By: 27 March\n"
        "- Ann to thank the donors\n  Posters for the fair on 12 May\n"
    )
    assert [due for _, _, due in _points(text)] == ["2021-03-20", "2021-03-27", None]


@pytest.mark.parametrize(
    ("task", "due"),
    [
        ("Bob to send the invoices COB Friday.", "2021-03-05"),
        ("Bob to send the invoices EOD on Tuesday.", "2021-03-09"),
        ("Bob to pay the deposit end of the month.", "2021-03-31"),
        ("Bob to circulate the accounts within two weeks.", "2021-03-17"),
    ],
)
def test_close_of_business_on_a_weekday_and_the_end_of_the_month_without_by(task, due):
    """Rules of `deadlines.RELATIVE`: "COB Friday" is the first Friday after the meeting; "end
    of the month" alone is the meeting month's last day."""
    text = f"Garden committee, 3 March 2021\nPresent: Bob Ray\n\nAction items:\n- {task}\n"
    assert [d for _, _, d in _points(text)] == [due]


def test_the_next_meeting_tentatively_set_for_a_day_without_a_year():
    """Rule `dates._NEXT_MEETING_DATE`: "our next meeting which is tentatively set for 24th
    March" gives "at the next meeting" its day, in the meeting's year."""
    text = (
        "Residents committee, 3 March 2021\nPresent: Ann Lee, Bob Ray\n\n"
        "- Agreed for Ann to update the rota at the next meeting.\n"
        "- The next letter is to be sent out before our next meeting which is tentatively set "
        "for 24th March\n"
    )
    assert [due for _, _, due in _points(text)] == ["2021-03-24", "2021-03-24"]


def test_rows_of_a_table_flattened_with_wide_gaps_give_owners_and_due_dates():
    """Rule `columns.fill_from_gapped_rows`: two or more rows, one a line, whose cells are kept
    apart by runs of spaces: a cell that is only a date is the due date (no year: the next such
    day), a name or initials the owner, the rest the task."""
    text = (
        "Writers group, 18 October 2021\n\n4. Current challenges\n\n"
        "1st November       Halloween story       Rosie\n\n"
        "15th November      The wrong letter       Rosa\n\n"
        "5. Fair\n   Tea stall – confirm if teachers can do this and buy cakes          MJ\n"
        "   Book stall – ask the library for unsold books                     DO/CJ\n"
        "The hall was cold          but the tea was good.\n"
    )
    assert [(owner, due) for _, owner, due in _points(text)] == [
        ("Rosie", "2021-11-01"),
        ("Rosa", "2021-11-15"),
        ("MJ", None),
        ("DO/CJ", None),
    ]


def test_within_weeks_of_any_meeting_is_a_practice_not_a_deadline():
    text = (
        "Friends group, 27 December 2021\n\nAction points:\n"
        "- Secretary to make the minutes available within two weeks of a meeting.\n"
        "- Secretary to send the accounts within two weeks.\n"
    )
    assert [due for _, _, due in _points(text)] == [None, "2022-01-10"]


# Round 10 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "first", "last"),
    [
        ("Garden group\nDate: 14April2021 at 10:00, Hall", "2021-04-14", None),
        ("MINUTES OF THE HALL COMMITTEE HELD ON 2nd March2015 AT 1900", "2015-03-02", None),
        ("ALLOTMENTS\nCOMMITTEE 18:00WEDNESDAY9 JUNE 2021\nPresent: Ann Lee", "2021-06-09", None),
        ("MINUTES\n12 th May 2020\nPresent: Ann Lee", "2020-05-12", None),
        ("Tools board 30Apr22; 14:00 BST\nAttending: AL, BR", "2022-04-30", None),
        (
            "10:01:12 <ann> #startmeeting 10:01:12 <bot> Meeting started Tue Mar 3 10:01:12 2015 "
            "UTC. The chair is ann.",
            "2015-03-03",
            None,
        ),
        ("Club minutes, Monday 7th October 03\nPresent: Ann Lee", "2003-10-07", None),
    ],
)
def test_meeting_dates_written_without_their_spaces(opening, first, last):
    """Rule `dates._glued`: day, month, year and weekday run together, a space before an
    ordinal, a short year glued to the month, a chat log's time between day and year."""
    from nethub.meetings.extract.dates import meeting_dates

    found = meeting_dates(opening)
    assert (found[0].isoformat(), found[1].isoformat() if found[1] else None) == (first, last)


@pytest.mark.parametrize(
    ("opening", "first", "last"),
    [
        # The report's own date first, the meeting's in the sentence that says it was held.
        (
            "REPORT 12\nDATE: 2011-03-20\nNotes of a group meeting held in Lyon, France, "
            "2011-03-14/15\nSTATUS: to be discussed at the meeting to be held in Oslo, 2011-06-01",
            "2011-03-14",
            "2011-03-15",
        ),
        (
            "Minutes 2019\n\nMonday 3rd June 2019\n\nMonday 1st July 2019\n\n"
            "Notes of a meeting of the group held on Monday 1st July 2019\n",
            "2019-07-01",
            None,
        ),
        # An earlier meeting said to be held is not this one.
        (
            "Minutes of Committee\n4 March 2021\nThe minutes of the previous meeting held on "
            "2 February 2021 were accepted.",
            "2021-03-04",
            None,
        ),
        (
            "Minutes of Council 9 May 2021\nTO ADOPT THE MINUTES OF THE MEETING HELD ON 3 MAY 2021",
            "2021-05-09",
            None,
        ),
        ("By | May 3, 2018\n\nMinutes of the board\n\nTuesday, 10 April 2018", "2018-04-10", None),
        (
            "Jun 2, 2016 - listing of the text ... more\nMinutes of WATER MEETING Lyon, 5 May 2016 "
            "Room 4\n",
            "2016-05-05",
            None,
        ),
    ],
)
def test_the_date_the_meeting_was_held_wins_over_a_report_byline_or_listing_date(
    opening, first, last
):
    """Rules `dates._HELD` (with `_EARLIER`), `dates._BYLINE` and the ISO range of `_RANGE`."""
    from nethub.meetings.extract.dates import meeting_dates

    found = meeting_dates(opening)
    assert (found[0].isoformat(), found[1].isoformat() if found[1] else None) == (first, last)


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Comments to the chair NLT 12 Apr", "2019-04-12"),
        ("Ann to send the list to the chair today.", "2019-04-03"),
        ("Ann to show the badges at today's call.", "2019-04-03"),
        ("The figures as of today are in the annex.", None),
        ("Partners to finish the mapping by Tue 9", "2019-04-09"),
        ("Partners to finish the mapping by Fri 9", None),  # no Friday the 9th soon: misread
        ("Regional groups and the national group, April 16 latest.", "2019-04-16"),
        ("Ann and Bob to send the email before end of day April 25th.", "2019-04-25"),
        ("Cy is to organise a lunch for Sunday 7th April.", "2019-04-07"),
        ("The report will be sent to the donor at the end of May.", None),
        ("The report will be sent to the donor by the end of May.", "2019-05-31"),
    ],
)
def test_deadline_forms_of_round_10(sentence, due):
    """Rules: "NLT" leads a deadline; `dates._TODAY` (the meeting's day); `_WEEKDAY_DAY` (a
    weekday and a day, no month); `_LATEST`; "end of day"; a Saturday or Sunday; "at the end
    of May" says when, with no day fixed (`deadlines.VAGUE`)."""
    import datetime

    from nethub.meetings.extract.dates import due_date

    assert due_date(sentence, datetime.date(2019, 4, 3))[0] == due


def test_at_the_end_of_a_month_is_still_a_deadline_without_a_date():
    import datetime

    from nethub.meetings.extract.deadlines import find_deadline

    found = find_deadline("It will be sent at the end of May.", datetime.date(2019, 4, 3))
    assert (found.text, found.date) == ("at the end of May", None)


def test_without_the_meetings_date_a_deadline_with_no_year_gives_no_date():
    """Rule of `dates.implausible`: with no meeting date, "before Thursday 27th May" would take
    today's year."""
    text = (
        "Library committee minutes\nPresent: Ann Lee, Bob Ray\n\nAction points:\n"
        "- Ann to return the books before Thursday 27th May.\n"
        "- Bob to send the survey in Feb.\n"
    )
    assert [due for _, _, due in _points(text)] == [None, None]


def test_a_task_at_an_event_already_held_takes_no_date():
    """Rule of `due_dates.event_before_dues`: the sentence before names a past event."""
    text = (
        "Shelter cluster, 5 May 2009\n\n"
        "The donor meeting was held on the 23rd of March. Partners will present the results.\n"
    )
    assert all(due is None for _, _, due in _points(text))


def test_the_next_meeting_in_the_sentence_or_one_invited_to_it():
    """Rules of `due_dates.next_meeting_dues`: "before next meeting 4/16" gives its own day;
    "to invite X to the next meeting" is due on the stated next meeting; "in the August BOARD
    meeting" on the next meeting when it is in August."""
    text = (
        "Board minutes, 2 April 2020\n\nNext Meeting\nTuesday, 9th June, 2020 at the hall.\n\n"
        "Action Items\n"
        "  1. Ann - To invite the other councils to the next meeting\n"
        "  2. Bob will survey the groups for input by or before next meeting 4/16\n"
        "  3. WHO to present the budget in June BOARD meeting.\n"
        "  4. UNICEF to present the plan in July BOARD meeting.\n"
    )
    assert [due for _, _, due in _points(text)] == [
        "2020-06-09",
        "2020-04-16",
        "2020-06-09",
        None,
    ]


def test_a_deadline_read_before_the_meeting_date_was_settled_is_read_again():
    """Rule `due_dates.own_words_dues`: the header gave no date, the opening did."""
    text = (
        "Minutes of the WASH group\nDate: 27March2018 at 11:00\n\n"
        "The partners discussed the designs. SCI to share the designs with the cluster "
        "before 12 April.\n"
    )
    assert [due for _, _, due in _points(text)] == ["2018-04-12"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # The next meeting's, the approved minutes' and the signature's dates are others'.
        (
            "The next board meeting is scheduled on March 3rd, 2020 at 9:00 with this agenda:\n\n"
            "Topic 1: the budget\n",
            None,
        ),
        (
            "Minutes\n\nThe minutes of the Parish Children Board (PCB) meeting held on 4 June 2015 "
            "were approved as a correct record.\n",
            None,
        ),
        (
            "Present: Ann Lee, Bob Ray\n\nThe hall was booked.\n\nThese minutes respectfully "
            "submitted by A. Lee on 6 May 2012.\n",
            None,
        ),
        # "Inverness" holds "ver" but is no version.
        (
            "The Rail Friends\n\nCommittee Meeting, Inverness 18th April 2009\n\nPresent: Ann\n",
            "2009-04-18",
        ),
    ],
)
def test_dates_that_are_not_the_meetings_leave_none(text, date):
    """Rules `dates._NEXT_SCHEDULED`, `_PREVIOUS_MINUTES` (a longer name of the meeting),
    "submitted by ... on", and `rejected_dates` (the header's date dropped when it is one)."""
    assert extract_meeting(text, resolver=RESOLVER).date == date


def test_a_month_alone_just_past_is_no_deadline_next_year():
    """Rule `dates._just_past_month`: at a March meeting, "in Feb" is the February gone, not
    next year's; a month ahead stays the end of that month."""
    text = (
        "Patient group, 9 March 2012\nPresent: Ann Lee, Bob Ray\n\nAction points:\n"
        "- Ann to advise on the survey released in Feb.\n"
        "- Bob to send the survey in August.\n"
    )
    assert [due for _, _, due in _points(text)] == [None, "2012-08-31"]


@pytest.mark.parametrize(
    ("opening", "first", "last"),
    [
        # A version number before a date is no range's first day; the days of a range may
        # each carry their day's name.
        (
            "DRAFT Note v 3- 28 June 2011\n\nBoard Meeting Weds 1 & Thurs 2 June 2011, Geneva\n",
            "2011-06-01",
            "2011-06-02",
        ),
        # A year, a month's name and a day.
        ("Board call\n2008-June-10, 10.00-10.47 CET\nMinutes\n", "2008-06-10", None),
        # The first date, when it is the held one, stays over a later meeting held.
        (
            "Minutes of Committee meeting held on Wednesday 7th March 2012 at\nthe hall.\n\n"
            "6. Review meeting with the council held on the 13th February 2012. Notes shared.\n",
            "2012-03-07",
            None,
        ),
        # "meeting in <place> on <date>" after a dateline's place and date.
        (
            "Strasbourg, 18 May 2009\n\nThe Standing Committee, meeting in Strasbourg on 29 "
            "April 2009, with the President in the chair:\n",
            "2009-04-29",
            None,
        ),
        # A word starting with "v" ("virtual") is no version label.
        ("Principals meeting (virtual)\n8 July 2020, 8:00 - 9:00\n", "2020-07-08", None),
    ],
)
def test_meeting_dates_of_round_11_layouts(opening, first, last):
    meeting = extract_meeting(opening, resolver=RESOLVER)
    assert (meeting.date, meeting.end_date) == (first, last)


@pytest.mark.parametrize(
    ("opening", "first"),
    [
        # A slashed date that can only be month first sets the order for the others.
        ("Hosting team meeting 7/12/19\nPresent: Ana Lind\nNext session 8/25/19", "2019-07-12"),
        # Day first, as the UN writes it, when nothing says otherwise or a date says so.
        ("Board minutes 6/5/2002\nPresent: Ana Lind", "2002-05-06"),
        ("Board minutes 6/5/2002\nPresent: Ana Lind\nNext meeting 19/5/2002", "2002-05-06"),
    ],
)
def test_slashed_dates_are_read_in_the_order_the_text_writes_them(opening, first):
    assert extract_meeting(opening, resolver=RESOLVER).date == first


@pytest.mark.parametrize(
    ("task", "due"),
    [
        ("Ana will report back by the next steering meeting on 5/17.", "2011-05-17"),
        ("Ben Ray will collect the gifts at the 5/22/11 service.", "2011-05-22"),
        ("Ana Lind will organise the stall at the Sept. 21st fair.", "2011-09-21"),
        ("Ben will gather the quotes by 3/4.", None),  # reads both ways, neither near: no date
        ("Ben will gather the quotes by 10/5.", "2011-05-10"),  # only 10 May is near the meeting
    ],
)
def test_a_day_and_month_in_figures_or_the_day_of_an_event(task, due):
    text = f"Steering committee\n28 April 2011\n\nPresent: Ana Lind, Ben Ray\n\n{task}\n"
    assert [d for _, _, d in _points(text)] == [due]


# --- session of 2026-12-06, night ------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "due"),
    [
        ("Ben will send the draft out tonite.", "2017-12-20"),
        ("Ana will write to the group tonight.", "2017-12-20"),
        ("Sector leads to submit comments by Friday 22nd.", "2017-12-22"),
        ("Hamish to deliver the proposal before 31st.", "2017-12-31"),
        ("The task force will meet on the 4th to finalise the draft.", "2018-01-04"),
        ("Ana to share the 5th edition by the end of the month.", "2017-12-31"),
        ("Ben to bring 2nd copies of the report.", None),
    ],
)
def test_tonight_and_a_day_of_the_month_as_an_ordinal(task, due):
    from nethub.meetings.extract import dates

    assert dates.due_date(task, datetime.date(2017, 12, 20))[0] == due


def test_an_ordinal_opening_a_range_takes_the_month_after_the_range():
    from nethub.meetings.extract import dates

    due, _words = dates.due_date(
        "Clusters to hold their workshops on 24th and 25th January.", datetime.date(2017, 12, 20)
    )
    assert due != "2017-12-24"


@pytest.mark.parametrize(
    ("opening", "first"),
    [
        # A document site's listing: its upload date, and a snippet with another date.
        (
            "Camp Coordination Meeting Minutes\n\n12 downloads 218 Views 176KB Size Report\n"
            "Nov 11, 2014 - Camp management will approve requests ... 11/11/14.\nCamp "
            "Coordination Meeting Minutes Base Camp, Date: 4/11/2014 - 14:00 Chair: Ana Lind\n",
            "2014-11-04",
        ),
        # The day written twice, the year after it.
        (
            "Minutes of the Cash Working Group Meeting Monday 26 th March 26, 2018 (10am)",
            "2018-03-26",
        ),
        # A date glued to the word before it.
        (
            "Minutes of Education Group Meeting UNHCR- Tripoli Office15 January 2014 – 12:00",
            "2014-01-15",
        ),
    ],
)
def test_meeting_dates_from_site_listings_and_mistyped_headers(opening, first):
    from nethub.meetings.extract import dates

    day, _last = dates.meeting_dates(opening)
    assert day is not None and day.isoformat() == first


@pytest.mark.parametrize(
    ("opening", "first"),
    [
        (
            "Flood response, Nepal\n\nCoordination Meeting3rd December 2008.\n\nVenue: Hall",
            "2008-12-03",
        ),
        (
            "Graduate Council Executive Meeting Minutes3/29/2016\nMembers Present: Ana Lind",
            "2016-03-29",
        ),
        ("Steering Committee Meeting Minutes 24th, Feb, 2015 Chaired By: Ana Lind", "2015-02-24"),
        ("About Us |\n2009.06.15 Meeting Notes\nFood Co-op", "2009-06-15"),
        # The year the text names elsewhere whose calendar fits the weekday.
        ("Library Committee, Trinity 2010, Week 5 (Monday 24th May) 2.30 p.m.", "2010-05-24"),
        ("Board of Trustees Meeting held on Thursday 17 March at 1830 (c) 2021-2022", "2022-03-17"),
    ],
)
def test_meeting_dates_glued_punctuated_dotted_or_without_their_year(opening, first):
    from nethub.meetings.extract import dates

    day, _last = dates.meeting_dates(opening)
    assert day is not None and day.isoformat() == first


def test_a_weekday_date_without_a_year_that_no_named_year_fits_gives_no_date():
    from nethub.meetings.extract import dates

    assert dates.meeting_dates("Committee meeting, Monday 24th May, see the 2011 plan")[0] is None


def test_a_deadline_label_right_after_an_item_dates_it():
    text = (
        "FSA Working Group, 20 December 2017\n\nSummary of Action Points  SWG Coordinators to "
        "circulate the draft work-plan for 2018. Deadline: 28 December.  Partners to provide "
        "their feedback on the work-plan. Deadline: 10 January.  WHH to share the link.\n"
    )
    assert [due for _, _, due in _points(text)] == ["2017-12-28", "2018-01-10", None]


@pytest.mark.parametrize(
    ("task", "due"),
    [
        ("The list was updated and will be issued 22 Oct for review.", "2013-10-22"),
        ("Sanjay will discuss it with the presenters, Oct 28.", "2013-10-28"),
        ("Ben will call the mayor on 12 Oct and the council on 14 Nov.", None),  # two dates
        ("Ana will share the report on the 5 March visit.", None),  # too far to be a deadline
        ("Ana will share the 2013 report from 2 March 2014.", None),  # a full date is read apart
    ],
)
def test_a_task_naming_one_day_and_month_soon_after_the_meeting_is_due_then(task, due):
    from nethub.meetings.extract import dates

    found = dates.bare_date(task, datetime.date(2013, 10, 21))
    assert (found[0] if found else None) == due


@pytest.mark.parametrize(
    ("opening", "day"),
    [
        # A blog post's date, then the minutes' own title ending with their date.
        ("Monday 11 January 2016\nRiverside Welcome Group Minutes, Jan. 6, 2016\n", "2016-01-06"),
        ("23 novembre 2024\nCompte rendu de la réunion du 6 février 2017\n", "2017-02-06"),
        ("2 mai 2017\nActa de la asamblea, 30 de marzo de 2017\n", "2017-03-30"),
        # The sentence that says the meeting was held, in Spanish and French.
        (
            "domingo, 28 de abril de 2013\nReunión celebrada el día 8 de abril de 2013\n",
            "2013-04-08",
        ),
        (
            "30 mai 2019\nLa réunion tenue le 21 mai 2019 à la mairie a réuni douze membres.\n",
            "2019-05-21",
        ),
        # An earlier meeting's minutes named on the line are not the title.
        ("4 June 2018\nThe minutes of the previous meeting, 2 May 2018\n", "2018-06-04"),
    ],
)
def test_the_minutes_title_ending_with_its_date_beats_a_posts_date(opening, day):
    from nethub.meetings.extract.dates import meeting_dates

    first, _last = meeting_dates(opening)
    assert first.isoformat() == day


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        # The year French official minutes write in words.
        (
            "Réunion du comité\n\nL'an deux mille dix-huit, le 19 octobre à vingt heures, le "
            "Comité s'est réuni à la Mairie.\n\nÉtaient présents : Mmes Roy, Lind.\n",
            datetime.date(2018, 10, 19),
        ),
        (
            "Séance du conseil\n\nL’an deux mille vingt et un, le premier juillet, le conseil "
            "s'est réuni.\n",
            datetime.date(2021, 7, 1),
        ),
        # "del año" between the month and the year.
        (
            "Décima Sesión Ordinaria, martes 05 de noviembre del año 2002\n\nSe reunió el "
            "Consejo.\n",
            datetime.date(2002, 11, 5),
        ),
        # A post's date, then the minutes' title with the meeting's own date on its line.
        (
            'lundi 24 octobre 2011\nCompte rendu de la réunion du "Collectif de soutien aux '
            'familles du quartier des Lilas" du mardi 18/10/2011\nPrésent-e-s :\n- Ana Roy\n',
            datetime.date(2011, 10, 18),
        ),
    ],
)
def test_the_meeting_date_in_french_and_spanish_formal_openings(opening, date):
    assert extract_meeting(opening, resolver=RESOLVER).meeting_date == date


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        (
            "Les partenaires transmettront leurs contributions au plus tard vendredi 29 novembre.",
            "2019-11-29",
        ),
        ("Echéance : 13 décembre 2019", "2019-12-13"),
        ("Le secrétariat enverra le compte rendu fin novembre.", "2019-11-30"),
        ("Le bureau contactera la mairie la semaine prochaine.", "2019-11-29"),
        ("Enviar el informe antes del viernes 6 de diciembre.", "2019-12-06"),
        ("Le bureau a parlé de la fin de la saison.", None),
    ],
)
def test_french_and_spanish_deadlines_with_a_weekday_a_label_or_a_month_end(sentence, due):
    from nethub.meetings.extract.dates import due_date

    assert due_date(sentence, datetime.date(2019, 11, 20))[0] == due


@pytest.mark.parametrize(
    ("sentence", "due", "written"),
    [
        (
            "Le bureau contactera la mairie la semaine prochaine.",
            "2019-11-29",
            "la semaine prochaine",
        ),
        ("Enviaremos el acta el próximo mes.", "2019-12-31", "el próximo mes"),
        ("Marie appellera le traiteur demain.", "2019-11-21", "demain"),
        ("The office will call the council next week.", "2019-11-29", "next week"),
    ],
)
def test_a_relative_deadline_keeps_the_words_the_minutes_wrote(sentence, due, written):
    from nethub.meetings.extract.dates import due_date

    assert due_date(sentence, datetime.date(2019, 11, 20)) == (due, written)


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        (
            "Jun 3, 2016 - UNHCR Office\nUNHCR Office - WASH Unit\n3 June 2016\n"
            "WASH CO-ORDINATION MEETING - 27 May 2016, 10:00, UNHCR Office\n",
            datetime.date(2016, 5, 27),
        ),
        (
            "Revision as of 15:16, 14 November 2011 by Ana\nMeeting Minutes\n"
            "Group – Finance Working Group\nMeeting– November 7, 2011 from 6:00PM\n",
            datetime.date(2011, 11, 7),
        ),
        (
            "Minutes, 3 June 2016\nThe group discussed the budget.\nNext meeting - 17 June 2016\n",
            datetime.date(2016, 6, 3),
        ),
        (
            "miércoles, 19 de febrero de 2014\nACTA provisional CONSEJO ESCOLAR\n"
            "En Alcobendas a las 14:00 horas del 24 de enero de 2014 se reúne el CONSEJO "
            "ESCOLAR con el siguiente orden del día:\n",
            datetime.date(2014, 1, 24),
        ),
        (
            "3 mai 2016\nCompte rendu\nLe 28 avril 2016 s'est réuni le bureau de l'association.\n",
            datetime.date(2016, 4, 28),
        ),
    ],
)
def test_a_later_line_that_names_the_meeting_dates_it(opening, date):
    from nethub.meetings.extract.dates import meeting_dates

    assert meeting_dates(opening)[0] == date


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        ("Acta do Consello reunido o 6 de febreiro de 2009 na sede\n", datetime.date(2009, 2, 6)),
        ("ACTA DEL CONSELL\nDia: 17 de maig de 2008\n", datetime.date(2008, 5, 17)),
        ("Ata da reunião de 5 de março de 2019\n", datetime.date(2019, 3, 5)),
    ],
)
def test_catalan_galician_and_portuguese_months(opening, date):
    from nethub.meetings.extract.dates import meeting_dates

    assert meeting_dates(opening)[0] == date
