"""The geometry of a horizontal bar chart, for the theme to draw as inline SVG at build time.

``statistics.html`` draws "Nuläget över tid" with it: no JavaScript, no chart library,
nothing loaded from elsewhere. This module only places things; the template writes the
markup (``partials/bar_chart.html``), so colours, patterns and wording stay in the theme.

Every coordinate is an ``int`` or a ``float`` rounded to one decimal: Jinja's ``finalize``
(the plugin's Swedish no-break spaces) changes only strings, so numbers printed into SVG
attributes stay plain. Labels are strings (``swedish_number``), for the text elements only.
"""

from __future__ import annotations

from swedish import swedish_number

WIDTH = 480
LABEL_WIDTH = 64  # the row labels, left of the bars
TOTAL_WIDTH = 44  # the total, right of each bar
BAR = 26
GAP = 12
LEGEND_ROW = 26
LEGEND_COLUMNS = 2
AXIS = 30  # the tick labels below the bars
TOP = 8


def _nice_step(largest: int, ticks: int = 4) -> int:
    """A step of 1, 2 or 5 × 10ⁿ that divides 0…largest into at most ``ticks`` parts."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if largest <= factor * step * ticks:
                return factor * step
        step *= 10


def bar_chart(
    rows: list[dict], series: list[dict], labels: list[str], values: str | None = None
) -> dict:
    """Geometry of one bar per row, stacked by series, in user units of a ``WIDTH`` wide
    view box.

    ``rows``: dicts, top to bottom, each holding a number by series code (in
    ``row[values]``, or in the row itself when ``values`` is None); ``labels``: the rows'
    labels; ``series``: ``[{"code": …, "label": …}]`` in stacking order (left to right).
    Returns
    ``{width, height, legend [{code, label, x, y}], bars [{label, y, mid, total, total_x,
    segments [{code, label, value, text, x, width}]}], ticks [{x, text}], plot {x, y, width,
    height}, bar_height}``; a segment of zero is left out.
    """
    legend_rows = -(-len(series) // LEGEND_COLUMNS) if len(series) > 1 else 0
    legend_height = legend_rows * LEGEND_ROW + (GAP if legend_rows else 0)
    legend = (
        [
            {
                "code": s["code"],
                "label": s["label"],
                "x": (i % LEGEND_COLUMNS) * (WIDTH // LEGEND_COLUMNS),
                "y": TOP + (i // LEGEND_COLUMNS) * LEGEND_ROW,
            }
            for i, s in enumerate(series)
        ]
        if legend_rows
        else []
    )

    numbers = [row if values is None else row[values] for row in rows]
    totals = [sum(number.get(s["code"]) or 0 for s in series) for number in numbers]
    step = _nice_step(max(totals, default=0) or 1)
    top = -(-max(max(totals, default=0), 1) // step) * step
    plot_x = LABEL_WIDTH
    plot_width = WIDTH - LABEL_WIDTH - TOTAL_WIDTH
    plot_y = TOP + legend_height
    scale = plot_width / top

    bars = []
    for n, (label, number, total) in enumerate(zip(labels, numbers, totals, strict=True)):
        y = plot_y + n * (BAR + GAP)
        x = plot_x
        segments = []
        for s in series:
            value = number.get(s["code"]) or 0
            if not value:
                continue
            width = value * scale
            segments.append(
                {
                    "code": s["code"],
                    "label": s["label"],
                    "value": value,
                    "text": swedish_number(value),
                    "x": round(x, 1),
                    "width": round(width, 1),
                }
            )
            x += width
        bars.append(
            {
                "label": label,
                "y": y,
                "mid": round(y + BAR / 2, 1),
                "total": swedish_number(total),
                "total_x": round(x + 6, 1),
                "segments": segments,
            }
        )
    plot_height = len(rows) * (BAR + GAP) - GAP if rows else 0
    ticks = [
        {"x": round(plot_x + value * scale, 1), "text": swedish_number(value)}
        for value in range(0, top + 1, step)
    ]
    return {
        "width": WIDTH,
        "height": plot_y + plot_height + AXIS,
        "legend": legend,
        "bars": bars,
        "ticks": ticks,
        "plot": {"x": plot_x, "y": plot_y, "width": plot_width, "height": plot_height},
        "bar_height": BAR,
    }
