"""The demo holds the figures the fixtures state, marks what is a placeholder, and a second load
adds nothing and changes nothing."""

import datetime
import io
from decimal import Decimal

import pytest

from nethub.fund import demo, selectors
from nethub.fund.models import Contribution, Membership, Programme, Stage

pytestmark = pytest.mark.django_db


def test_the_demo_states_the_fixtures_figures_and_loads_once(secretariat_user):
    demo.load(fixtures_dir=None, stdout=io.StringIO())
    by_year = {row["year"]: row for row in selectors.contributions_by_year()}
    assert by_year[2020]["target"] == Decimal("25000000.00")
    assert by_year[2020]["committed"] == Decimal("12500000.00")
    assert by_year[2021]["target"] == Decimal("30000000.00")
    assert by_year[2021]["share"] == Decimal("10.0")
    assert (
        Contribution.objects.filter(date__lt="2020-06-01").values("donor").distinct().count() == 8
    )
    assert not Contribution.objects.filter(is_placeholder=False).exists()

    on_selection = selectors.fund_position(on=datetime.date(2020, 10, 19))
    assert on_selection.allocated == Decimal("12500000.00")  # "fully programmed"
    selected = Programme.objects.filter(selected_on=datetime.date(2020, 10, 6))
    assert selected.count() == 6
    assert set(
        selected.exclude(thematic_area=None).values_list("thematic_area__code", flat=True)
    ) == {"1", "2", "3", "4", "5"}
    assert selected.first().selection_decision.meeting.date == datetime.date(2020, 10, 6)
    assert Programme.objects.filter(stage=Stage.UNDER_WAY).count() == 7
    assert Programme.objects.filter(stage=Stage.PIPELINE).count() == 32
    assert not Programme.objects.filter(is_placeholder=False).exists()

    after = {
        m.organization.acronym
        for m in selectors.steering_committee(on=datetime.date(2021, 7, 1))["current"]
    }
    before = {
        m.organization.acronym
        for m in selectors.steering_committee(on=datetime.date(2021, 5, 5))["current"]
    }
    assert {"UNICEF", "UNFPA"} <= after and not {"ILO", "UN Women"} & after
    assert {"ILO", "UN Women"} <= before and not {"UNICEF", "UNFPA"} & before

    counts = (Programme.objects.count(), Contribution.objects.count(), Membership.objects.count())
    demo.load(fixtures_dir=None, stdout=io.StringIO())
    assert (
        Programme.objects.count(),
        Contribution.objects.count(),
        Membership.objects.count(),
    ) == counts
