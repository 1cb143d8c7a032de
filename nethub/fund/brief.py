"""The "state of the fund" brief: a DOCX for a given date, ready for a briefing to Member
States. Built from the same selectors as the dashboard."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from nethub.core.exports import DocxReport
from nethub.fund import selectors
from nethub.fund.models import Stage

TABLE_STYLE = "Light Grid Accent 1"


def _usd(value) -> str:
    return f"USD {value:,.2f}"


def state_of_the_fund_docx(*, on: datetime.date) -> bytes:
    position = selectors.fund_position(on=on)
    report = DocxReport()
    report.heading(_("Migration MPTF: state of the fund"), 0)
    report.paragraph(_("Position on %(date)s") % {"date": on.isoformat()})

    report.heading(_("Resources"), 1)
    resources = [
        (_("Target for %(year)s") % {"year": on.year}, _usd(position.target)),
        (_("Committed in %(year)s") % {"year": on.year}, _usd(position.committed_this_year)),
        (_("Share of the year's target"), f"{position.target_share or 0} %"),
        (_("Committed since the start"), _usd(position.committed)),
        (_("Received"), _usd(position.received)),
        (_("Pledged, not yet signed"), _usd(position.pledged)),
        (_("Allocated to joint programmes"), _usd(position.allocated)),
        (_("Balance (received less allocated)"), _usd(position.balance)),
        (
            _("Unfunded pipeline demand"),
            _("%(amount)s (%(count)s programmes)")
            % {"amount": _usd(position.unfunded_demand), "count": position.unfunded_programmes},
        ),
    ]
    report.table(None, resources, style=TABLE_STYLE)

    report.heading(_("Pipeline by stage"), 1)
    report.table(
        [_("Stage"), _("Programmes"), _("Requested")],
        (
            [str(row["label"]), str(row["count"]), _usd(row["requested"])]
            for row in selectors.pipeline_by_stage()
            if row["count"]
        ),
        style=TABLE_STYLE,
    )

    report.heading(_("Top donors"), 1)
    for row in selectors.top_donors(limit=10):
        report.paragraph(f"{row['donor__name']}: {_usd(row['total'])}", style="List Bullet")

    report.heading(_("Contributions against targets by year"), 1)
    for row in selectors.contributions_by_year():
        target = _usd(row["target"]) if row["target"] else _("no target")
        report.paragraph(
            _("%(year)s: %(committed)s committed against %(target)s")
            % {"year": row["year"], "committed": _usd(row["committed"]), "target": target},
            style="List Bullet",
        )
    report.paragraph(
        _("Joint programmes under way: %(count)s.")
        % {
            "count": next(
                r["count"] for r in selectors.pipeline_by_stage() if r["stage"] == Stage.UNDER_WAY
            )
        }
    )
    return report.bytes()
