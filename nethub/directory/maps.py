"""World maps as server-rendered SVG (pygal-maps-world, no script, no CDN).

The map is served as its own SVG file and shown in an `<img>` (so it runs nothing), always
next to a table of the same data."""

from __future__ import annotations

import re
from functools import lru_cache

_SCRIPT = re.compile(r"<script.*?</script>", re.S)
_DIGITS = re.compile(r"(\d+\.\d)\d+")


@lru_cache(maxsize=32)
def _render(series: tuple[tuple[str, tuple[str, ...]], ...], title: str) -> str:
    from pygal.style import Style
    from pygal_maps_world.maps import World

    style = Style(
        background="white",
        plot_background="white",
        colors=("#0b6e4f", "#1f5fa8", "#c0392b", "#8e44ad"),
        font_family="sans-serif",
    )
    chart = World(js=[], style=style, width=800, height=420, show_legend=len(series) > 1)
    chart.title = title
    for label, codes in series:
        chart.add(label, {code.lower(): 1 for code in codes})
    # Coordinates to one decimal: a quarter lighter, the same to the eye.
    return _DIGITS.sub(r"\1", _SCRIPT.sub("", chart.render(is_unicode=True)))


def world_map_svg(series: dict[str, list[str]], *, title: str = "") -> str:
    """An SVG world map with each series' countries (ISO alpha-2 codes) coloured."""
    key = tuple((str(label), tuple(sorted(codes))) for label, codes in series.items())
    return _render(key, str(title))
