"""The extractor on the three EC Principals summaries (expected values spelled out), on a
document of another kind, and on synthetic summaries formatted unlike any fixture."""

import pytest

from conftest import fixture_path
from nethub.directory.selectors import OrganizationResolver
from nethub.meetings.extract import extract_meeting


def extract(name):
    return extract_meeting(
        fixture_path(name).read_text(encoding="utf-8"),
        resolver=OrganizationResolver.from_reference_data(),
    )


def people(meeting):
    return [(p.name, p.title, p.organization) for p in meeting.participants]


def test_2021_summary():
    meeting = extract("ec-principals-2021-05-05.txt")
    assert meeting.series == "Executive Committee Principals Meeting"
    assert (meeting.date, meeting.start_time, meeting.end_time) == ("2021-05-05", "15:00", "16:00")
    assert meeting.timezone == "" and meeting.is_virtual
    assert len(meeting.participants) == 9
    assert people(meeting)[0] == ("António Vitorino", "Director General", "IOM")
    assert meeting.participants[0].role == "Network Coordinator"
    assert ("Liu Zhenmin", "Under-Secretary-General", "DESA") in people(meeting)
    assert ("Santino Severoni", "Director of the Health and Migration Programme", "WHO") in people(
        meeting
    )
    titles = [item.title for item in meeting.agenda_items]
    assert titles == [
        "Opening update",
        "Workplan",
        "The International Migration Review Forum (IMRF), High-Level Political Forum (HLPF) "
        "and Member State engagement",
        "COVID-19 Vaccinations and Immunity Certificates",
        "Network advocacy on returns and reintegration",
    ]
    workplan, imrf, covid, returns = meeting.agenda_items[1:]
    assert workplan.decisions == [
        "The Coordinator proposed, and the Principals agreed, to endorse the Network workplan."
    ]
    assert len(returns.decisions) == 1 and "position paper on returns" in returns.decisions[0]
    assert len(imrf.action_points) == 8
    assert imrf.action_points[0].text == "Develop key advocacy messages for the HLPF."
    assert "UNGA high-level week" in imrf.action_points[3].text
    assert len(covid.action_points) == 2
    assert all(p.owner is None and p.due_date is None for p in meeting.action_points())
    assert len(meeting.action_points()) == 10


def test_2022_summary():
    meeting = extract("ec-principals-2022-02-15.md")
    assert (meeting.date, meeting.start_time, meeting.end_time) == ("2022-02-15", "16:00", "17:00")
    assert meeting.title == "UN Network on Migration - Executive Committee (EC) Principals Meeting"
    assert len(meeting.participants) == 9
    assert (
        "Asako Okai",
        "ASG, Assistant Administrator and Director of the Crisis Bureau",
        "UNDP",
    ) in people(meeting)
    assert [i.title for i in meeting.agenda_items] == [
        "Opening update",
        "UN system pledge",
        "Support to the co-facilitators for the IMRF",
    ]
    pledge, support = meeting.agenda_items[1:]
    assert len(pledge.decisions) == 2 and pledge.decisions[0].startswith(
        "There was broad agreement"
    )
    assert len(support.decisions) == 1
    [revisions] = pledge.action_points
    assert revisions.text.startswith("Final revisions to UN system common pledge")
    assert revisions.due_date is None and revisions.owner == "Executive Committee"
    [relay] = support.action_points
    assert relay.owner == "Coordinator" and relay.text.startswith("Coordinator to relay")


def test_2024_summary_in_the_documented_shape():
    meeting = extract("ec-principals-2024-01-29.txt")
    data = meeting.to_dict()
    assert {k: data[k] for k in ("series", "date", "start_time", "end_time", "timezone")} == {
        "series": "Executive Committee Principals Meeting",
        "date": "2024-01-29",
        "start_time": "09:00",
        "end_time": "10:30",
        "timezone": "America/New_York",
    }
    assert data["other_times"] == [
        {"start_time": "15:00", "end_time": "16:30", "timezone": "Europe/Zurich"}
    ]
    first = data["participants"][0]
    assert (first["name"], first["title"], first["organization"]) == ("Amy E. Pope", "DG", "IOM")
    assert len(meeting.participants) == 12
    assert ("Peggy Hicks", "Director", "OHCHR") in people(meeting)
    assert ("Mamta Murthi", "Vice President for Human Development", "World Bank") in people(meeting)
    assert ("Ruvendrini Menikdiwela", "AHC", "UNHCR") in people(meeting)
    kinds = [item.kind for item in meeting.agenda_items]
    assert kinds == ["opening", "item", "item", "aob"]
    assert meeting.agenda_items[1].title == "The “Politics of Migration”"
    politics, routes = meeting.agenda_items[1:3]
    assert [p.text for p in politics.action_points] == [
        "Produce an overview of the different campaigns and initiatives amongst Network members.",
        "Develop a set of common messages.",
        "Organize technical meeting on communications and advocacy with relevant colleagues.",
    ]
    [proposal] = routes.action_points
    assert proposal.owner == "EC working level" and proposal.due_date == "2024-05-01"
    assert any("tasked the working level" in d for d in routes.decisions)
    assert len(meeting.action_points()) == 4


def test_another_kind_of_document_does_not_break_the_extractor():
    meeting = extract("coordinator-briefing-2020-10-19.txt")
    assert meeting.date == "2020-10-19"
    assert meeting.participants == []
    assert "No participants list found." in meeting.warnings


UNSEEN_NUMBERED = """
MINUTES

Executive Committee Principals Meeting
Thursday, 9 March 2023, 10:00-11:30 New York time (virtual)

In attendance:
- Ms. Jane Roe, Director-General, International Organization for Migration (Coordinator)
- Mr. Ken Koe, High Commissioner, UNHCR; Dr. Ann Lee, Deputy DG/WHO
- Sam Soe, Executive Director, UNICEF

Agenda:
1. Regional reviews
2. Funding of the Trust Fund
3. AOB

1. Regional reviews

The Coordinator reported on preparations. The Principals agreed to hold the reviews
in a hybrid format.
The Secretariat will circulate a draft concept note by 15 March 2023.

Follow-up actions
a) UNHCR to share its regional analysis by end-June.
b) Secretariat to update the roadmap.

2. Funding of the Trust Fund

Members discussed the funding gap. It was decided that a pledging event would be organised.
The Principals requested UNICEF to prepare an options paper before the end of the year.

3. AOB

No other business was raised.
"""

UNSEEN_MARKDOWN = """# Summary of the Network Annual Meeting

**18 October 2023, 14.00 – 17.00 (Geneva time), Palais des Nations**

## Participants

UNDP: Ms. Sam Soe, Administrator; ILO: Mr. Jo Ray, Director

## Item 1: Workplan

The meeting endorsed the workplan. Working groups should report on progress in December.

**Next steps:**

* (i) The Coordinator to brief Member States by 30 November.
* (ii) Working groups to nominate co-leads.

## Any other business

None.
"""


def test_unseen_numbered_summary_generalises():
    meeting = extract_meeting(UNSEEN_NUMBERED, resolver=OrganizationResolver.from_reference_data())
    assert meeting.date == "2023-03-09"
    assert (meeting.start_time, meeting.end_time, meeting.timezone) == (
        "10:00",
        "11:30",
        "America/New_York",
    )
    assert [p.organization for p in meeting.participants] == ["IOM", "UNHCR", "WHO", "UNICEF"]
    assert [i.title for i in meeting.agenda_items] == [
        "Regional reviews",
        "Funding of the Trust Fund",
        "AOB",
    ]
    reviews, funding, aob = meeting.agenda_items
    assert aob.kind == "aob"
    assert reviews.decisions == ["The Principals agreed to hold the reviews in a hybrid format."]
    # In the document's order: the one found in the discussion, then the listed ones.
    assert [(p.owner, p.due_date, p.explicit) for p in reviews.action_points] == [
        ("Secretariat", "2023-03-15", False),
        ("UNHCR", "2023-06-30", True),
        ("Secretariat", None, True),
    ]
    assert [(p.owner, p.due_date, p.explicit) for p in funding.action_points] == [
        ("UNICEF", "2023-12-31", False)
    ]
    assert funding.decisions == ["It was decided that a pledging event would be organised."]


def test_unseen_markdown_summary_generalises():
    meeting = extract_meeting(UNSEEN_MARKDOWN, resolver=OrganizationResolver.from_reference_data())
    assert meeting.series == "Network Annual Meeting"
    assert (meeting.date, meeting.start_time, meeting.timezone) == (
        "2023-10-18",
        "14:00",
        "Europe/Zurich",
    )
    assert [(p.name, p.organization) for p in meeting.participants] == [
        ("Sam Soe", "UNDP"),
        ("Jo Ray", "ILO"),
    ]
    workplan = meeting.agenda_items[0]
    assert workplan.title == "Workplan"
    assert workplan.decisions == ["The meeting endorsed the workplan."]
    assert [(p.owner, p.due_date) for p in workplan.action_points] == [
        ("Working group", "2023-12-31"),  # "should report on progress in December"
        ("Coordinator", "2023-11-30"),
        ("Working group", None),
    ]
    assert meeting.agenda_items[-1].kind == "aob"


@pytest.mark.parametrize("text", ["", "\n\n", "Just one line", "• • •\n- \n1.\n", "Action Points:"])
def test_odd_input_never_crashes(text):
    extract_meeting(text, resolver=OrganizationResolver.from_reference_data())
