# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reliability figures computed from maintenance history (no Odoo dependency).

* MTBF (mean time between failures): operating days / failures.
* MTTR (mean time to repair): average repair duration in days.
* Failure rate: failures per asset-year, an asset-year being 365.25 days of
  one asset in service.

Figures are returned unrounded; rounding is a display concern.
"""

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

DAYS_PER_YEAR = 365.25


def _check_days(name: str, value: float) -> None:
    """ValueError unless ``value`` is a finite, non-negative number of days."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise ValueError(f"{name} must be a non-negative number, got {value!r}")


def _check_count(name: str, value: int) -> None:
    """ValueError unless ``value`` is a non-negative integer."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {value!r}")


def mtbf_days(in_service_days: float, failures: int) -> float | None:
    """Mean time between failures in days, None when there was no failure."""
    _check_days("days in service", in_service_days)
    _check_count("failures", failures)
    if not failures:
        return None
    return in_service_days / failures


def mttr_days(repair_durations_days: Sequence[float]) -> float | None:
    """Mean time to repair in days, None when there was no repair."""
    for duration in repair_durations_days:
        _check_days("repair duration", duration)
    if not repair_durations_days:
        return None
    return math.fsum(repair_durations_days) / len(repair_durations_days)


def failure_rate_per_asset_year(failures: int, asset_days: float) -> float:
    """Failures per asset-year (365.25 days); 0.0 without exposure."""
    _check_count("failures", failures)
    _check_days("asset days", asset_days)
    if not asset_days:
        return 0.0
    return failures / (asset_days / DAYS_PER_YEAR)


class AssetRecord(NamedTuple):
    """Maintenance history of one asset, the input of :func:`group_stats`."""

    group: Hashable
    asset_days: float
    failures: int
    repair_cost: float = 0.0
    repair_durations: Sequence[float] = ()


@dataclass(frozen=True, slots=True)
class GroupStats:
    """Reliability of a group of assets (e.g. a model or a category).

    ``failure_rate`` is per asset-year; ``avg_repair_cost`` is the repair cost
    per failure; the optional figures are None when there was no failure or no
    repair.  MTBF and MTTR are pooled over the group (total days / total
    failures, mean of all repair durations).
    """

    assets: int
    asset_days: float
    asset_years: float
    failures: int
    failure_rate: float
    repair_cost: float
    avg_repair_cost: float | None
    mtbf_days: float | None
    mttr_days: float | None


def _as_record(record: AssetRecord | Mapping[str, Any] | Sequence[Any]) -> AssetRecord:
    """Accept an AssetRecord, a mapping with its field names or a tuple."""
    if isinstance(record, AssetRecord):
        result = record
    elif isinstance(record, Mapping):
        unknown = set(record) - set(AssetRecord._fields)
        if unknown:
            raise ValueError(f"unknown record keys: {', '.join(sorted(unknown))}")
        try:
            result = AssetRecord(**record)
        except TypeError as error:
            raise ValueError(f"incomplete record {dict(record)!r}: {error}") from None
    else:
        if not 3 <= len(record) <= 5:
            raise ValueError(
                "a record tuple needs 3 to 5 items (group, asset_days, failures"
                f"[, repair_cost[, repair_durations]]), got {record!r}"
            )
        result = AssetRecord(*record)
    _check_days("asset days", result.asset_days)
    _check_count("failures", result.failures)
    _check_days("repair cost", result.repair_cost)
    for duration in result.repair_durations:
        _check_days("repair duration", duration)
    return result


def group_stats(
    records: Iterable[AssetRecord | Mapping[str, Any] | Sequence[Any]],
) -> dict[Hashable, GroupStats]:
    """Aggregate per-asset history into per-group reliability figures.

    Each record describes one asset: ``group`` key, ``asset_days`` in service,
    ``failures``, ``repair_cost`` total and ``repair_durations`` (days).  A
    record may be an :class:`AssetRecord`, a tuple in that order (the last two
    optional) or a mapping with those keys.
    """
    totals: dict[Hashable, list[Any]] = {}
    for raw in records:
        record = _as_record(raw)
        # assets, days, failures, cost, durations
        total = totals.setdefault(record.group, [0, 0.0, 0, 0.0, []])
        total[0] += 1
        total[1] += record.asset_days
        total[2] += record.failures
        total[3] += record.repair_cost
        total[4].extend(record.repair_durations)
    return {
        group: GroupStats(
            assets=assets,
            asset_days=days,
            asset_years=days / DAYS_PER_YEAR,
            failures=failures,
            failure_rate=failure_rate_per_asset_year(failures, days),
            repair_cost=cost,
            avg_repair_cost=cost / failures if failures else None,
            mtbf_days=mtbf_days(days, failures),
            mttr_days=mttr_days(durations),
        )
        for group, (assets, days, failures, cost, durations) in totals.items()
    }


def underperformers(
    asset_rates: Mapping[Hashable, tuple[Hashable, float]],
    group_avg: Mapping[Hashable, float],
    factor: float = 2.0,
    asset_failures: Mapping[Hashable, int] | None = None,
    min_failures: int = 0,
    group_years: Mapping[Hashable, float] | None = None,
    min_group_years: float = 0.0,
) -> set[Hashable]:
    """Assets whose failure rate is at least ``factor`` times their group's.

    ``asset_rates`` maps an asset id to ``(group key, rate)``; ``group_avg``
    maps a group key to its average rate.  Groups with no (or a zero) average
    flag nobody.

    Minimum exposure, so that one failure is never a verdict: an asset is
    compared only once it has ``min_failures`` failures (``asset_failures``
    maps an asset id to its count), and only within a group observed for at
    least ``min_group_years`` asset-years (``group_years``).
    """
    if (
        isinstance(factor, bool)
        or not isinstance(factor, int | float)
        or not math.isfinite(factor)
        or factor <= 0
    ):
        raise ValueError(f"factor must be a positive number, got {factor!r}")
    _check_count("min_failures", min_failures)
    if not math.isfinite(min_group_years) or min_group_years < 0:
        raise ValueError(
            f"min_group_years must be a non-negative number, got {min_group_years!r}"
        )
    if min_failures and asset_failures is None:
        raise ValueError("min_failures needs asset_failures")
    if min_group_years and group_years is None:
        raise ValueError("min_group_years needs group_years")
    flagged = set()
    for asset_id, (group, rate) in asset_rates.items():
        if min_failures and asset_failures.get(asset_id, 0) < min_failures:
            continue
        if min_group_years and group_years.get(group, 0.0) < min_group_years:
            continue
        average = group_avg.get(group, 0.0)
        if average > 0 and rate >= factor * average:
            flagged.add(asset_id)
    return flagged
