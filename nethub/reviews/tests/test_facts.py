"""The figure extractor on sentences written for the tests (the real documents are measured
in bench/facts.py)."""

import datetime

import pytest

from nethub.reviews.facts import extract_facts, sentences

DAY = datetime.date(2023, 3, 1)


def _found(text):
    return [
        (text[f.start : f.end], f.value, f.unit, f.series) for f in extract_facts(text, date=DAY)
    ]


def test_counts_money_percentages_and_scales():
    text = (
        "Some 120 delegates from 35 countries attended, with twelve civil society groups. "
        "The budget is EUR 4.5 million, of which 60% was raised. About 2.1 million migrants "
        "returned."
    )
    assert _found(text) == [
        ("120", 120, "", "delegates"),
        ("35", 35, "", "countries"),
        ("twelve", 12, "", "civil-society-groups"),
        ("EUR 4.5 million", 4_500_000, "EUR", "contributions"),
        ("60%", 60, "%", "percent"),
        ("2.1 million", 2_100_000, "", "migrants"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Board met on 3 June 2019 at 10:00.",
        "Objective 7 and SDG 10 were discussed, as were Objectives 19 and 20 of the Compact.",
        "It ran for three years and meets every four weeks.",
        "See paragraph 24 and resolution 73/195 on COVID-19 and the 2030 Agenda.",
        "The workplan 2022-2024 has a 360-degree approach.",
    ],
)
def test_dates_identifiers_and_durations_are_not_figures(text):
    assert _found(text) == []


def test_network_series_and_constructions():
    text = (
        "So far, 28 Networks have been integrated into UN country teams and 4 regional "
        "migration coordination structures were created. The total number of country Networks "
        "rose to 33. The regional reviews, of which three out of five were held, informed it. "
        "The Champions initiative includes 17 countries. Between 1,000 and 2,500 migrants were "
        "assisted."
    )
    assert [(span, value, series) for span, value, _unit, series in _found(text)] == [
        ("28", 28, "country-networks"),
        ("4", 4, "regional-networks"),
        ("33", 33, "country-networks"),
        ("three", 3, "regional-reviews"),
        ("17", 17, "champion-countries"),
        ("1,000", 1000, "migrants"),
        ("2,500", 2500, "migrants"),
    ]


def test_blank_lines_inside_a_sentence_do_not_cut_it():
    text = "The Network could organize four webinars, one for each of the four \n\nroundtables."
    assert len(sentences(text)) == 1
    assert [f.value for f in extract_facts(text, date=DAY)] == [4, 4]


def test_fractions_subjects_and_counts_in_brackets():
    text = (
        "Nearly one third were women and two thirds were men; one in four was a child. "
        "Of the 700 assisted, 120 were unaccompanied children. Over 3,400 migrants returned from "
        "Chad (2,310) and Niger (1,045). Footnote [3] and list (2) are not figures."
    )
    assert [(span, value, unit) for span, value, unit, _series in _found(text)] == [
        ("one third", 33.33, "%"),
        ("two thirds", 66.67, "%"),
        ("one in four", 25.0, "%"),
        ("700", 700, ""),
        ("120", 120, ""),
        ("3,400", 3400, ""),
        ("2,310", 2310, ""),
        ("1,045", 1045, ""),
    ]
