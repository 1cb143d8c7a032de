"""Demo records of the Migration MPTF, holding the figures the fixtures state (the Coordinator's
briefing of 19 October 2020 and the EC Principals summary of 5 May 2021):

- first-year target USD 25 million; 2021 target USD 30 million, about 10% funded in May 2021;
- eight Member States contributed USD 12 million (late 2019, early 2020); two more brought the
  total to about USD 12.5 million by October 2020;
- on 6 October 2020 the Steering Committee selected the first six joint programmes (at least one
  per thematic area) and added five concept notes to the pipeline; seven joint programmes were
  under way in May 2021 and 32 ready pending funding;
- a separate window funds the regional reviews;
- the Steering Committee's first rotation, June 2021: UNICEF and UNFPA replace ILO and UN Women.

What the sources do not give (donors' names, titles, budgets, exact dates) is a placeholder,
marked as such on the record. Records are created only when missing; nothing is overwritten."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

from nethub.directory.models import Organization
from nethub.directory.services import organization_create
from nethub.framework.models import FrameworkElement
from nethub.fund import services
from nethub.fund.models import Contribution, FundingTarget, Membership, Programme, Stage

D = datetime.date
SELECTION_DAY = D(2020, 10, 6)
PLACEHOLDER = "Placeholder: the sources do not give this value."


def load(*, fixtures_dir: Path | None, stdout) -> None:
    thematic = services.window_ensure(
        code="thematic",
        name="Thematic window",
        kind="thematic",
        description="Joint programmes under the fund's five thematic areas.",
    )
    services.window_ensure(
        code="regional-reviews",
        name="Regional reviews window",
        kind="regional_reviews",
        description="A separate window agreed by the Steering Committee to fund participatory "
        "regional reviews of the Global Compact.",
    )
    _targets(stdout)
    _contributions(thematic, stdout)
    _steering_committee(stdout)
    _programmes(thematic, stdout)


def _targets(stdout) -> None:
    for year, amount, source in [
        (
            2020,
            Decimal("25000000"),
            "Coordinator's briefing, 19 October 2020: first-year target "
            "(the year is a placeholder: the briefing says 'first-year')",
        ),
        (2021, Decimal("30000000"), "EC Principals, 5 May 2021: target for 2021"),
    ]:
        if not FundingTarget.objects.filter(year=year, window__isnull=True).exists():
            services.target_set(year=year, amount_usd=amount, source=source, actor=None)
    stdout.write("Fund: targets 2020 (USD 25M) and 2021 (USD 30M).")


def _placeholder_donor(number: int) -> Organization:
    name = f"Contributing Member State {number} (placeholder)"
    return Organization.objects.filter(name=name).first() or organization_create(
        name=name, kind="member_state", is_network_member=False
    )


def _contributions(window, stdout) -> None:
    rows = [
        # eight Member States, USD 12 million together (shares unknown: equal placeholders)
        *[(f"DEMO-2020-{n}", n, D(2020, 1, 15), Decimal("1500000")) for n in range(1, 9)],
        # two Member States more, the total then "approximately USD 12.5 million"
        ("DEMO-2020-9", 9, D(2020, 9, 15), Decimal("250000")),
        ("DEMO-2020-10", 10, D(2020, 9, 15), Decimal("250000")),
        # 2021: "only 10% funded" of USD 30 million by 5 May 2021
        ("DEMO-2021-1", 11, D(2021, 4, 15), Decimal("3000000")),
    ]
    created = 0
    for reference, donor, date, amount in rows:
        if Contribution.objects.filter(reference=reference).exists():
            continue
        services.contribution_create(
            reference=reference,
            donor=_placeholder_donor(donor),
            kind=Contribution.Kind.COMMITMENT,
            date=date,
            received_on=date,
            amount=amount,
            currency="USD",
            window=window,
            note=f"{PLACEHOLDER} Donor, date and split stand in for the stated total.",
            is_placeholder=True,
            actor=None,
        )
        created += 1
    stdout.write(
        f"Fund: {created} placeholder contributions added (USD 12.5M in 2020, 3M in 2021 in all)."
    )


def _steering_committee(stdout) -> None:
    if Membership.objects.exists():
        return
    by_acronym = {
        o.acronym: o
        for o in Organization.objects.filter(
            acronym__in=["IOM", "ILO", "UN Women", "UNICEF", "UNFPA"], kind="un_entity"
        )
    }
    if "IOM" in by_acronym:
        services.membership_create(
            organization=by_acronym["IOM"],
            seat=Membership.Seat.CHAIR,
            start_date=D(2019, 5, 1),
            is_placeholder=True,
            actor=None,
        )
    leaving = [by_acronym[a] for a in ("ILO", "UN Women") if a in by_acronym]
    joining = [by_acronym[a] for a in ("UNICEF", "UNFPA") if a in by_acronym]
    for organization in leaving:
        services.membership_create(
            organization=organization,
            seat=Membership.Seat.UN_ENTITY,
            start_date=D(2019, 5, 1),
            is_placeholder=True,
            actor=None,
        )
    services.rotation_record(
        date=D(2021, 6, 1),
        leaving=leaving,
        joining=joining,
        seat=Membership.Seat.UN_ENTITY,
        note="First rotation (EC Principals, 5 May 2021: due in June 2021; the day is a "
        "placeholder).",
        is_placeholder=True,
        actor=None,
    )
    stdout.write("Fund: Steering Committee with its first rotation (June 2021).")


def _programmes(window, stdout) -> None:
    if Programme.objects.filter(reference__startswith="DEMO-").exists():
        return
    areas = {e.code: e for e in FrameworkElement.objects.filter(kind="thematic_area")}
    meeting = services.sc_meeting_get_or_create(date=SELECTION_DAY, actor=None)
    first = []
    # six selected: at least one per thematic area; the sixth's area is not stated
    for number, code in enumerate(["1", "2", "3", "4", "5", None], start=1):
        area = areas.get(code) if code else None
        title = (
            f"Joint programme {number}, thematic area {code} (placeholder)"
            if code
            else f"Joint programme {number}, thematic area not stated (placeholder)"
        )
        first.append(_placeholder(f"DEMO-JP-{number:02}", title, area, window))
    services.programmes_select(
        meeting=meeting,
        text="The Steering Committee selects the first six joint programmes for funding, at "
        "least one for each thematic area, and adds five concept notes to the pipeline. "
        "(Demo record of the decision reported in the Coordinator's briefing of 19 October "
        "2020; wording is nethub's.)",
        programmes=first,
        actor=None,
    )
    # "This amount has been fully programmed": USD 12.5M over the six (split unknown).
    share = (Decimal("12500000") / 6).quantize(Decimal("0.01"))
    for number, programme in enumerate(first):
        amount = share if number < 5 else Decimal("12500000") - 5 * share
        services.programme_update(
            programme=programme, approved_budget=amount, requested_budget=amount, actor=None
        )
        _advance(programme, Stage.FUNDED, D(2020, 10, 15))
        _advance(programme, Stage.UNDER_WAY, D(2021, 1, 15))
    seventh = _placeholder("DEMO-JP-07", "Joint programme 7 (placeholder)", None, window)
    services.programmes_select(
        meeting=services.sc_meeting_get_or_create(date=D(2021, 3, 1), actor=None),
        text="Placeholder decision: a seventh joint programme is selected (the sources say "
        "seven were under way in May 2021, not when the seventh was selected).",
        programmes=[seventh],
        actor=None,
    )
    services.programme_update(programme=seventh, approved_budget=Decimal("0"), actor=None)
    _advance(seventh, Stage.FUNDED, D(2021, 3, 15))
    _advance(seventh, Stage.UNDER_WAY, D(2021, 4, 1))
    # 32 concept notes ready, pending funding (May 2021); no budgets are stated.
    for number in range(1, 33):
        _placeholder(f"DEMO-CN-{number:02}", f"Concept note {number} (placeholder)", None, window)
    stdout.write("Fund: 7 joint programmes under way and 32 concept notes in the pipeline.")


def _placeholder(reference, title, area, window) -> Programme:
    return services.programme_create(
        reference=reference,
        title=title,
        summary=PLACEHOLDER,
        thematic_area=area,
        window=window,
        stage=Stage.PIPELINE,
        submitted_on=D(2020, 3, 1),
        is_placeholder=True,
        actor=None,
    )


def _advance(programme, stage, day) -> None:
    services.programme_transition(
        programme=programme,
        to_stage=stage,
        effective_on=day,
        reason="Demo: placeholder date.",
        actor=None,
    )
