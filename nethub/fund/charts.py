"""The dashboard's charts as server-rendered SVG: plain bars drawn here (each chart has its
table beside it on the page), the map of countries by pygal's world map, served by the app."""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def _svg(template: str, *args) -> SafeString:
    """Like format_html, but numbers keep their format specs; text is escaped."""
    return mark_safe(  # noqa: S308 — every text argument is escaped
        template.format(*[escape(a) if isinstance(a, str) else a for a in args])
    )


def money_short(value: Decimal | None) -> str:
    if value is None:
        return "–"
    value = Decimal(value)
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:,.1f}M"
    if abs(value) >= 1_000:
        return f"{value / 1_000:,.0f}k"
    return f"{value:,.0f}"


def bars_with_target(rows: list[dict], *, title: str) -> SafeString:
    """Vertical bars (committed per year) with a target line across each year's bar."""
    width, height, left, bottom, top = 640, 280, 56, 36, 24
    plot_h = height - bottom - top
    if not rows:
        return mark_safe("")  # noqa: S308 — empty
    peak = max([r["committed"] for r in rows] + [r["target"] or 0 for r in rows]) or Decimal(1)
    slot = (width - left - 8) / len(rows)
    bar_w = min(64, slot * 0.6)
    parts = [
        _svg(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
            'aria-labelledby="chart-years-title" class="chart" data-chart="years">'
            '<title id="chart-years-title">{}</title>',
            width,
            height,
            title,
        ),
        _svg(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#888"/>',
            left,
            height - bottom,
            width - 4,
            height - bottom,
        ),
    ]
    for i, row in enumerate(rows):
        x = left + slot * i + (slot - bar_w) / 2
        h = float(row["committed"] / peak) * plot_h
        y = height - bottom - h
        parts.append(
            _svg(
                '<g data-year="{}"><rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" '
                'fill="#1f5c99"><title>{}</title></rect>'
                '<text x="{:.1f}" y="{:.1f}" font-size="12" text-anchor="middle" '
                'data-value="{}">{}</text>'
                '<text x="{:.1f}" y="{}" font-size="12" text-anchor="middle">{}</text>',
                row["year"],
                x,
                y,
                bar_w,
                h,
                _("%(year)s: USD %(amount)s committed")
                % {"year": row["year"], "amount": f"{row['committed']:,.2f}"},
                x + bar_w / 2,
                y - 4,
                row["committed"],
                money_short(row["committed"]),
                x + bar_w / 2,
                height - bottom + 16,
                row["year"],
            )
        )
        if row["target"]:
            ty = height - bottom - float(row["target"] / peak) * plot_h
            parts.append(
                _svg(
                    '<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" '
                    'stroke="#c0392b" stroke-width="3" '
                    'data-target="{}"><title>{}</title></line>'
                    '<text x="{:.1f}" y="{:.1f}" font-size="11" fill="#c0392b">{}</text>',
                    x - 6,
                    ty,
                    x + bar_w + 6,
                    ty,
                    row["target"],
                    _("%(year)s target: USD %(amount)s")
                    % {"year": row["year"], "amount": f"{row['target']:,.2f}"},
                    x + bar_w + 8,
                    ty + 4,
                    money_short(row["target"]),
                )
            )
        parts.append(mark_safe("</g>"))  # noqa: S308 — constant markup
    parts.append(mark_safe("</svg>"))  # noqa: S308 — constant markup
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 — parts escaped above


def horizontal_bars(rows: list[tuple[str, Decimal | int]], *, title: str, name: str) -> SafeString:
    """One bar per row: label on the left, value at the end of the bar."""
    if not rows:
        return mark_safe("")  # noqa: S308 — empty
    row_h, label_w, width = 24, 220, 640
    height = row_h * len(rows) + 8
    peak = max(value for _label, value in rows) or 1
    parts = [
        _svg(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" '
            'aria-labelledby="chart-{}-title" class="chart" data-chart="{}">'
            '<title id="chart-{}-title">{}</title>',
            width,
            height,
            name,
            name,
            name,
            title,
        )
    ]
    for i, (label, value) in enumerate(rows):
        y = 4 + i * row_h
        w = float(Decimal(value) / Decimal(peak)) * (width - label_w - 80)
        text = money_short(value) if isinstance(value, Decimal) else str(value)
        parts.append(
            _svg(
                '<g><text x="{}" y="{}" text-anchor="end" font-size="12">{}</text>'
                '<rect x="{}" y="{}" width="{:.1f}" height="{}" fill="#1f5c99">'
                "<title>{}: {}</title>"
                '</rect><text x="{:.1f}" y="{}" font-size="12">{}</text></g>',
                label_w - 6,
                y + 15,
                label[:34],
                label_w,
                y + 2,
                w,
                row_h - 6,
                label,
                text,
                label_w + w + 4,
                y + 15,
                text,
            )
        )
    parts.append(mark_safe("</svg>"))  # noqa: S308 — constant markup
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 — parts escaped above


def world_map(rows: list[dict], *, title: str) -> str:
    """Countries with programmes, shaded by their number: an SVG document from pygal's world
    map (no script, no stylesheet from elsewhere)."""
    from pygal.style import Style
    from pygal_maps_world.maps import World

    chart = World(
        style=Style(colors=("#1f5c99",), background="white", plot_background="white"),
        js=[],
        disable_xml_declaration=True,
        show_legend=False,
        width=800,
        height=420,
    )
    chart.title = title
    chart.add(
        _("Programmes"),
        {row["country__iso2"].lower(): row["count"] for row in rows if row["country__iso2"]},
    )
    # pygal adds a script for its tooltips; the map is served as an image, without it.
    return re.sub(r"<script.*?</script>", "", chart.render(is_unicode=True), flags=re.S)
