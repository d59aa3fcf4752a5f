"""The geometry of the build-time bar charts ("Nuläget över tid", sitebuild/render/chart.py):
bars in proportion to their figures, inside the plot, on an axis whose ticks cover the
largest, and only numbers for coordinates (strings would get Swedish no-break spaces)."""

from __future__ import annotations

import pytest

from sitebuild.render.chart import WIDTH, bar_chart

PHASES = [{"code": c, "label": c.title()} for c in ("inkommen", "testas", "avslutad")]


def coordinates(chart: dict):
    yield chart["width"], chart["height"]
    for bar in chart["bars"]:
        yield bar["y"], bar["mid"], bar["total_x"]
        for segment in bar["segments"]:
            yield segment["x"], segment["width"]
    for tick in chart["ticks"]:
        yield (tick["x"],)
    for item in chart["legend"]:
        yield item["x"], item["y"]


def test_bars_are_in_proportion_and_stacked_left_to_right():
    rows = [
        {"by_phase": {"inkommen": 3, "testas": 0, "avslutad": 1}},
        {"by_phase": {"inkommen": 2, "testas": 5, "avslutad": 1213}},
    ]
    chart = bar_chart(rows, PHASES, ["2019", "I dag"], "by_phase")
    plot = chart["plot"]
    first, last = chart["bars"]
    assert [s["code"] for s in first["segments"]] == ["inkommen", "avslutad"]  # no zero
    assert [s["code"] for s in last["segments"]] == ["inkommen", "testas", "avslutad"]
    assert last["total"] == "1\u202f220" and first["label"] == "2019"
    for bar in (first, last):
        x = plot["x"]
        for segment in bar["segments"]:
            assert segment["x"] == pytest.approx(x, abs=0.1)
            x += segment["width"]
        assert x <= plot["x"] + plot["width"] + 0.1
    # 1 220 on an axis to 1 500 in steps of 500: widths in proportion to the figures.
    assert [t["text"] for t in chart["ticks"]] == ["0", "500", "1\u202f000", "1\u202f500"]
    per_case = plot["width"] / 1500
    assert last["segments"][2]["width"] == pytest.approx(1213 * per_case, abs=0.1)
    assert first["segments"][0]["width"] == pytest.approx(3 * per_case, abs=0.1)
    assert chart["width"] == WIDTH and len(chart["legend"]) == 3
    for values in coordinates(chart):
        assert all(type(v) in (int, float) for v in values), values


def test_one_series_has_no_legend_and_an_empty_register_still_draws_an_axis():
    rows = [{"received_in_year": 0}]
    chart = bar_chart(rows, [{"code": "received_in_year", "label": "Inkomna"}], ["I dag"])
    assert chart["legend"] == [] and chart["bars"][0]["segments"] == []
    assert chart["bars"][0]["total"] == "0"
    assert [t["text"] for t in chart["ticks"]] == ["0", "1"]
