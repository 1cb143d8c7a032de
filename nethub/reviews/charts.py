"""Server-rendered SVG charts (pygal, no script, no CDN). Every chart is shown beside a table
of the same figures, so the chart is never the only way to read them."""

from __future__ import annotations

import base64
import functools
import hashlib
import re

from django.core.cache import cache
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

_SCRIPT = re.compile(r"<script.*?</script>", re.S)


def _style():
    from pygal.style import Style

    return Style(
        background="white",
        plot_background="white",
        colors=("#1f5fa8", "#0b6e4f", "#c0392b", "#8e44ad", "#d35400", "#16a085"),
        font_family="sans-serif",
        label_font_size=12,
        major_label_font_size=12,
        legend_font_size=12,
        title_font_size=14,
    )


def _integer_labels(chart, series: dict[str, list[float | None]]) -> None:
    """Counts get whole-number axis labels (pygal would write 0.1, 0.2... for small counts)."""
    values = [v for values in series.values() for v in values if v is not None]
    if values and all(float(v).is_integer() for v in values):
        top = int(max(values)) or 1
        step = max(1, -(-top // 8))
        chart.y_labels = list(range(0, top + step, step))
        chart.value_formatter = lambda value: f"{value:,.0f}"


def _svg(chart) -> SafeString:
    """The chart as an image of its own: pygal styles its SVG with a <style> element, which the
    page's Content-Security-Policy refuses inline; inside an image it applies."""
    svg = _SCRIPT.sub("", chart.render(is_unicode=True))
    return format_html(
        '<img class="chart-image" src="data:image/svg+xml;base64,{}" alt="{}">',
        base64.b64encode(svg.encode()).decode(),
        _("%(title)s (the table gives the same figures)") % {"title": chart.title},
    )


CHART_CACHE_SECONDS = 24 * 3600


def cached_chart(draw):
    """Keeps a drawn chart under a digest of its figures, labels and the reader's language:
    pygal takes longer to draw a chart than the page takes to read its figures, and the
    figures change rarely. A change of any figure or label is another key, so an edit shows
    on the next view; nothing has to be cleared."""

    @functools.wraps(draw)
    def wrapper(**kwargs) -> SafeString:
        digest = hashlib.sha256(
            repr((draw.__name__, get_language(), sorted(kwargs.items()))).encode()
        )
        key = f"reviews-chart:{digest.hexdigest()}"
        svg = cache.get(key)
        if svg is None:
            svg = str(draw(**kwargs))
            cache.set(key, svg, CHART_CACHE_SECONDS)
        return mark_safe(svg)  # noqa: S308 — drawn by _svg, which escapes what it writes

    return wrapper


@cached_chart
def line_chart_svg(*, title: str, labels: list[str], series: dict[str, list[float | None]]) -> str:
    import pygal

    chart = pygal.Line(
        js=[], style=_style(), width=720, height=340, show_legend=len(series) > 1,
        legend_at_bottom=True, truncate_legend=-1, dots_size=4, explicit_size=False,
    )  # fmt: skip
    chart.title = title
    chart.x_labels = labels
    for name, values in series.items():
        chart.add(name, values)
    _integer_labels(chart, series)
    return _svg(chart)


@cached_chart
def bar_chart_svg(
    *, title: str, labels: list[str], series: dict[str, list[float | None]], stacked: bool = True
) -> str:
    import pygal

    cls = pygal.StackedBar if stacked else pygal.Bar
    chart = cls(
        js=[], style=_style(), width=720, height=340, show_legend=True, legend_at_bottom=True,
        truncate_legend=-1,
    )  # fmt: skip
    chart.title = title
    chart.x_labels = labels
    for name, values in series.items():
        chart.add(name, values)
    _integer_labels(chart, series)
    return _svg(chart)
