"""Horizontal bar charts drawn on the server as data for `roster/_bar_chart.html` (an SVG with
the same numbers in the table beside it)."""

from __future__ import annotations

BAR_HEIGHT = 18
GAP = 6
LABEL_WIDTH = 180
PLOT_WIDTH = 320


def bar_chart(rows: list[tuple[str, int]], *, title: str) -> dict:
    peak = max((value for _label, value in rows), default=0) or 1
    bars = [
        {
            "label": str(label),
            "value": value,
            "y": index * (BAR_HEIGHT + GAP),
            "text_y": index * (BAR_HEIGHT + GAP) + BAR_HEIGHT - 5,
            "width": round(PLOT_WIDTH * value / peak, 1),
            "value_x": LABEL_WIDTH + round(PLOT_WIDTH * value / peak, 1) + 4,
        }
        for index, (label, value) in enumerate(rows)
    ]
    return {
        "title": title,
        "bars": bars,
        "height": max(len(bars), 1) * (BAR_HEIGHT + GAP),
        "width": LABEL_WIDTH + PLOT_WIDTH + 40,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }
