"""The "state of the fund" brief: a DOCX for a given date, ready for a briefing to Member
States. Built from the same selectors as the dashboard."""

from __future__ import annotations

import datetime
import io

from django.utils.translation import gettext as _

from nethub.fund import selectors
from nethub.fund.models import Stage


def _usd(value) -> str:
    return f"USD {value:,.2f}"


def state_of_the_fund_docx(*, on: datetime.date) -> bytes:
    from docx import Document

    position = selectors.fund_position(on=on)
    document = Document()
    document.add_heading(_("Migration MPTF: state of the fund"), level=0)
    document.add_paragraph(_("Position on %(date)s") % {"date": on.isoformat()})

    document.add_heading(_("Resources"), level=1)
    table = document.add_table(rows=0, cols=2)
    table.style = "Light Grid Accent 1"
    for label, value in [
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
    ]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value

    document.add_heading(_("Pipeline by stage"), level=1)
    table = document.add_table(rows=1, cols=3)
    table.style = "Light Grid Accent 1"
    header = table.rows[0].cells
    header[0].text, header[1].text, header[2].text = _("Stage"), _("Programmes"), _("Requested")
    for row in selectors.pipeline_by_stage():
        if not row["count"]:
            continue
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(row["label"]), str(row["count"])
        cells[2].text = _usd(row["requested"])

    document.add_heading(_("Top donors"), level=1)
    for row in selectors.top_donors(limit=10):
        document.add_paragraph(f"{row['donor__name']}: {_usd(row['total'])}", style="List Bullet")

    document.add_heading(_("Contributions against targets by year"), level=1)
    for row in selectors.contributions_by_year():
        target = _usd(row["target"]) if row["target"] else _("no target")
        document.add_paragraph(
            _("%(year)s: %(committed)s committed against %(target)s")
            % {"year": row["year"], "committed": _usd(row["committed"]), "target": target},
            style="List Bullet",
        )
    document.add_paragraph(
        _("Joint programmes under way: %(count)s.")
        % {
            "count": next(
                r["count"] for r in selectors.pipeline_by_stage() if r["stage"] == Stage.UNDER_WAY
            )
        }
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
