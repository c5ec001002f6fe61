# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Chart data of the IT Assets overview, from plain values.

A chart is a JSON-ready dict the overview's chart widget draws with the
Chart.js bundled in Odoo: bars along ``labels``, one dataset per series, and
for every bar the domain of the records it counts, so that a click on a bar
opens them::

    {"type": "bar", "stacked": bool, "res_model": str, "title": str,
     "labels": [str], "axes": {"y": str, "y1": str},
     "datasets": [{"label": str, "axis": "y" | "y1",
                   "color": str | None, "data": [number],
                   "domains": [domain]}]}
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from datetime import date


def bar_chart(
    labels: Sequence[tuple[Hashable, str]],
    series: Sequence[tuple[Hashable, str]],
    cells: Mapping[tuple[Hashable, Hashable], tuple[float, list]],
    *,
    res_model: str,
    title: str,
    stacked: bool = False,
    axes: Mapping[Hashable, str] | None = None,
    series_axis: Mapping[Hashable, str] | None = None,
    series_colors: Mapping[Hashable, str] | None = None,
) -> dict:
    """One bar per label and series. ``cells`` maps (label key, series key)
    to (value, domain); a missing cell is a bar of 0 opening nothing.
    ``series_axis`` puts a series on the second axis ("y1"), ``axes`` names
    the axes, ``series_colors`` gives a series its colour (CSS)."""
    series_axis = series_axis or {}
    series_colors = series_colors or {}
    datasets = []
    for series_key, series_label in series:
        data, domains = [], []
        for label_key, _label in labels:
            value, domain = cells.get((label_key, series_key), (0, None))
            data.append(round(value, 2))
            domains.append(domain)
        datasets.append(
            {
                "label": series_label,
                "axis": series_axis.get(series_key, "y"),
                "color": series_colors.get(series_key),
                "data": data,
                "domains": domains,
            }
        )
    return {
        "type": "bar",
        "stacked": stacked,
        "res_model": res_model,
        "title": title,
        "labels": [label for _key, label in labels],
        "axes": dict(axes or {}),
        "datasets": datasets,
    }


def next_months(today: date, count: int = 12) -> list[tuple[date, date]]:
    """The ``count`` calendar months from the one holding ``today``, as
    (first day, first day of the next month)."""
    if count < 1:
        raise ValueError(f"count must be at least 1, got {count!r}")
    months = []
    year, month = today.year, today.month
    for _i in range(count):
        start = date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        months.append((start, date(year, month, 1)))
    return months


def top(totals: Iterable[tuple[Hashable, float]], limit: int = 10) -> list[Hashable]:
    """The keys of the ``limit`` largest totals, largest first (ties in the
    order given)."""
    ranked = sorted(enumerate(totals), key=lambda item: (-item[1][1], item[0]))
    return [key for _index, (key, _total) in ranked[:limit]]
