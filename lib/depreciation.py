# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Depreciation boards computed from plain values (no Odoo dependency).

Vocabulary
----------
* A *period* is a month, a quarter or a fiscal year.  Periods end on the last
  day of a month, of a quarter aligned to the fiscal year (fiscal year ending
  31 March: quarters end 30 June, 30 September, 31 December and 31 March) or of
  the fiscal year itself.
* The *fiscal year* ends on ``fiscal_year_last_month``/``fiscal_year_last_day``
  (Odoo's company settings).  The day is clamped to the length of the month and
  a 28 February end follows leap years, like Odoo does.  Monthly and quarterly
  boards need a fiscal year that ends on the last day of a month; yearly boards
  accept any day.
* Amounts are computed in integer currency units (cents for two digits) and
  converted back to floats only when the lines are built, so that every
  ``accumulated`` and ``remaining`` figure is the exact rounded value.

Methods
-------
* ``linear``: the amount to depreciate is spread evenly over the useful life;
  a period's amount is ``amount / life_in_periods`` (rounded), the last line
  takes what is left.
* ``degressive``: each fiscal year depreciates ``rate x book value at the
  fiscal year start`` (book value = cost - accumulated), spread evenly over the
  periods of that fiscal year; the fiscal year in which the useful life ends
  takes everything left above the salvage value.
* ``degressive_then_linear``: each fiscal year depreciates the larger of the
  declining amount and the linear amount (depreciable base / life in years),
  capped at what is left.
* ``none``: no line.

A fiscal year that is only partly covered by the board (first or last year)
gets the share of the yearly amount matching the periods it covers.

Prorata
-------
* ``none``: the first period is the one containing the in-service date and it
  is depreciated as a full period.
* ``daily``: the first period gets the share of its days from the in-service
  date (inclusive) to the period end; one extra period at the end of the board
  takes what remains.
"""

import calendar
import datetime as dt
import math
from functools import lru_cache
from typing import NamedTuple

METHODS = ("linear", "degressive", "degressive_then_linear", "none")
DEGRESSIVE_METHODS = frozenset({"degressive", "degressive_then_linear"})
PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}
PRORATA_MODES = ("none", "daily")

_MAX_ROUNDING_DIGITS = 6
# Weights (fractions of a period) closer than this to the life end are ignored.
_WEIGHT_EPSILON = 1e-9
# Added before flooring so that binary noise (2.675 stored as 2.67499...) still
# rounds half up; far below one currency unit.
_ROUNDING_EPSILON = 1e-7


class Line(NamedTuple):
    """One line of a depreciation board (immutable; a named tuple, which
    builds three times faster than a frozen dataclass: a board build makes
    one per planned period of every asset).

    ``date`` is the period end (the posting date).  ``period_start`` is the first
    day depreciated by the line: the period start, or the in-service date for the
    first line of a board computed with daily prorata.  ``accumulated`` includes
    the depreciation done before the board (``opening_accumulated``) and
    ``remaining`` is the book value after the line (cost - accumulated).
    """

    date: dt.date
    period_start: dt.date
    amount: float
    accumulated: float
    remaining: float


# ---------------------------------------------------------------------------
# Rounding
# ---------------------------------------------------------------------------


def _round_units(value: float) -> int:
    """Round ``value`` half away from zero to an integer."""
    if value >= 0:
        return math.floor(value + 0.5 + _ROUNDING_EPSILON)
    return -math.floor(-value + 0.5 + _ROUNDING_EPSILON)


def _check_digits(rounding_digits: int) -> int:
    """Return ``10 ** rounding_digits`` after validating the number of digits."""
    if (
        isinstance(rounding_digits, bool)
        or not isinstance(rounding_digits, int)
        or not 0 <= rounding_digits <= _MAX_ROUNDING_DIGITS
    ):
        raise ValueError(
            f"rounding_digits must be an integer between 0 and "
            f"{_MAX_ROUNDING_DIGITS}, got {rounding_digits!r}"
        )
    return 10**rounding_digits


def round_currency(value: float, rounding_digits: int = 2) -> float:
    """Round an amount half up (away from zero) to ``rounding_digits`` decimals.

    >>> round_currency(2.675)
    2.68
    """
    factor = _check_digits(rounding_digits)
    return _round_units(value * factor) / factor


# ---------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------


def _check_fiscal_year(fy_last_month: int, fy_last_day: int) -> None:
    """Raise ValueError unless month and day can describe a fiscal year end."""
    if not isinstance(fy_last_month, int) or not 1 <= fy_last_month <= 12:
        raise ValueError(
            f"fiscal year last month must be between 1 and 12, got {fy_last_month!r}"
        )
    if not isinstance(fy_last_day, int) or not 1 <= fy_last_day <= 31:
        raise ValueError(
            f"fiscal year last day must be between 1 and 31, got {fy_last_day!r}"
        )


def _fy_end_day(year: int, month: int, day: int) -> int:
    """Day of the fiscal year end in ``year`` (Odoo's clamping rules)."""
    max_day = calendar.monthrange(year, month)[1]
    if month == 2 and day in (28, max_day):
        return max_day
    return min(day, max_day)


def _fy_ends_on_month_end(fy_last_month: int, fy_last_day: int) -> bool:
    """True when the fiscal year always ends on the last day of its month."""
    if fy_last_month == 2:
        return fy_last_day >= 28
    return fy_last_day >= calendar.monthrange(2001, fy_last_month)[1]


@lru_cache(maxsize=4096)
def _month_start(index: int) -> dt.date:
    """First day of the month number ``index`` (``year * 12 + month - 1``)."""
    return dt.date(index // 12, index % 12 + 1, 1)


@lru_cache(maxsize=4096)
def _month_end(index: int) -> dt.date:
    """Last day of the month number ``index`` (``year * 12 + month - 1``)."""
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _period_months(period: str) -> int:
    """Number of months of a period kind, ValueError for an unknown kind."""
    try:
        return PERIOD_MONTHS[period]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown period {period!r}, expected one of {', '.join(PERIOD_MONTHS)}"
        ) from None


def fiscal_year_bounds(
    day: dt.date, fy_last_month: int = 12, fy_last_day: int = 31
) -> tuple[dt.date, dt.date]:
    """First and last day of the fiscal year containing ``day``.

    >>> fiscal_year_bounds(dt.date(2026, 5, 4), 3, 31)
    (datetime.date(2026, 4, 1), datetime.date(2027, 3, 31))
    """
    _check_fiscal_year(fy_last_month, fy_last_day)
    year = day.year
    end = dt.date(year, fy_last_month, _fy_end_day(year, fy_last_month, fy_last_day))
    if day > end:
        year += 1
        end = dt.date(
            year, fy_last_month, _fy_end_day(year, fy_last_month, fy_last_day)
        )
    previous_end = dt.date(
        year - 1, fy_last_month, _fy_end_day(year - 1, fy_last_month, fy_last_day)
    )
    return previous_end + dt.timedelta(days=1), end


def period_bounds(
    day: dt.date, period: str, fy_last_month: int = 12, fy_last_day: int = 31
) -> tuple[dt.date, dt.date]:
    """First and last day of the ``period`` ('monthly', 'quarterly', 'yearly')
    containing ``day``; quarters and years follow the fiscal year.

    >>> period_bounds(dt.date(2026, 5, 4), "quarterly", 3, 31)
    (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))
    """
    months = _period_months(period)
    _check_fiscal_year(fy_last_month, fy_last_day)
    if months == 12:
        return fiscal_year_bounds(day, fy_last_month, fy_last_day)
    if not _fy_ends_on_month_end(fy_last_month, fy_last_day):
        raise ValueError(
            f"{period} periods need a fiscal year ending on the last day of a "
            f"month, got {fy_last_day}/{fy_last_month}"
        )
    index = day.year * 12 + day.month - 1
    end_index = index + (fy_last_month - 1 - index) % months
    return _month_start(end_index - months + 1), _month_end(end_index)


def period_end(
    day: dt.date, period: str, fy_last_month: int = 12, fy_last_day: int = 31
) -> dt.date:
    """Last day of the ``period`` containing ``day`` (see :func:`period_bounds`)."""
    return period_bounds(day, period, fy_last_month, fy_last_day)[1]


def daily_share(
    amount: float,
    period_start: dt.date,
    period_end: dt.date,
    until: dt.date,
    rounding_digits: int = 2,
) -> float:
    """Share of a period's ``amount`` for the days from ``period_start`` to
    ``until`` inclusive, rounded to the currency.

    Used for a disposal in the middle of a period: pass the planned line amount,
    the line's ``period_start`` and ``date`` and the disposal date.

    >>> daily_share(310.0, dt.date(2026, 1, 1), dt.date(2026, 1, 31),
    ...             dt.date(2026, 1, 10))
    100.0
    """
    if period_end < period_start:
        raise ValueError(
            f"period end {period_end} is before period start {period_start}"
        )
    if not period_start <= until <= period_end:
        raise ValueError(
            f"date {until} is outside the period {period_start} - {period_end}"
        )
    factor = _check_digits(rounding_digits)
    days = (until - period_start).days + 1
    period_days = (period_end - period_start).days + 1
    return _round_units(amount * factor * days / period_days) / factor


@lru_cache(maxsize=4096)
def _grid(
    first_start: dt.date,
    period: str,
    fy_last_month: int,
    fy_last_day: int,
    count: int,
) -> tuple[tuple[dt.date, ...], tuple[dt.date, ...], tuple[int, ...]]:
    """Starts, ends and fiscal-year keys of ``count`` consecutive periods,
    the first one starting on ``first_start`` (a period start)."""
    months = PERIOD_MONTHS[period]
    if months == 12:
        starts, ends = [], []
        start = first_start
        for _ in range(count):
            start, end = fiscal_year_bounds(start, fy_last_month, fy_last_day)
            starts.append(start)
            ends.append(end)
            start = end + dt.timedelta(days=1)
        return tuple(starts), tuple(ends), tuple(range(count))
    first_end = first_start.year * 12 + first_start.month - 1 + months - 1
    end_indexes = range(first_end, first_end + months * count, months)
    return (
        tuple(_month_start(index - months + 1) for index in end_indexes),
        tuple(_month_end(index) for index in end_indexes),
        # Fiscal year key: month number of the fiscal year end.
        tuple(index + (fy_last_month - 1 - index) % 12 for index in end_indexes),
    )


# ---------------------------------------------------------------------------
# Amount spreading (integer currency units)
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _weights(first: float, life_periods: float) -> tuple[float, ...]:
    """Fraction of a period depreciated by each line.

    The first line weighs ``first`` (1 without prorata), then full periods
    follow until the life is covered; the last one may be partial.
    """
    weights = [min(first, life_periods)]
    total = weights[0]
    while life_periods - total > _WEIGHT_EPSILON:
        weight = min(1.0, life_periods - total)
        weights.append(weight)
        total += weight
    return tuple(weights)


def _linear_amounts(
    to_depreciate: int, weights: tuple[float, ...], life_periods: float
) -> list[int]:
    """Linear amounts per line; the last line takes what is left."""
    per_period = to_depreciate / life_periods
    full = min(_round_units(per_period), to_depreciate)
    left = to_depreciate
    amounts = []
    for weight in weights[:-1]:
        amount = full if weight == 1.0 else _round_units(per_period * weight)
        amount = min(amount, left)
        amounts.append(amount)
        left -= amount
    amounts.append(left)
    return amounts


def _degressive_amounts(
    to_depreciate: int,
    book_value: int,
    weights: tuple[float, ...],
    fy_keys: tuple[int, ...],
    periods_per_year: int,
    rate: float,
    linear_yearly: float | None,
) -> list[int]:
    """Declining-balance amounts per line, computed per fiscal year.

    Each fiscal year depreciates ``rate * book value at its start`` (or the
    larger ``linear_yearly`` amount when given) prorated to the periods of the
    board in that year, capped at what is left; the last fiscal year takes what
    is left.  A year's amount is spread evenly over its periods, the last period
    of the year absorbing the rounding.
    """
    count = len(weights)
    amounts = [0] * count
    left = to_depreciate
    last_key = fy_keys[-1]
    first = 0
    while first < count:
        key = fy_keys[first]
        stop = first + 1
        while stop < count and fy_keys[stop] == key:
            stop += 1
        year_weight = sum(weights[first:stop])
        if key == last_key:
            year_amount = left
        else:
            yearly = rate * book_value
            if linear_yearly is not None and linear_yearly > yearly:
                yearly = linear_yearly
            year_amount = min(
                _round_units(yearly * year_weight / periods_per_year), left
            )
        spent = 0
        for index in range(first, stop - 1):
            amount = min(
                _round_units(year_amount * weights[index] / year_weight),
                year_amount - spent,
            )
            amounts[index] = amount
            spent += amount
        amounts[stop - 1] = year_amount - spent
        left -= year_amount
        book_value -= year_amount
        first = stop
    return amounts


# ---------------------------------------------------------------------------
# Boards
# ---------------------------------------------------------------------------


def _check_amount(name: str, value: float) -> None:
    """ValueError unless ``value`` is a finite, non-negative number."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
    ):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value!r}")


def compute_board(
    *,
    cost: float,
    salvage: float = 0.0,
    method: str,
    useful_life_months: int,
    period: str,
    in_service_date: dt.date,
    prorata: str = "none",
    declining_rate: float = 0.0,
    fiscal_year_last_month: int = 12,
    fiscal_year_last_day: int = 31,
    rounding_digits: int = 2,
    opening_accumulated: float = 0.0,
) -> list[Line]:
    """Compute the depreciation lines of an asset.

    :param cost: gross value of the asset (>= 0).
    :param salvage: value kept at the end of the life (0 <= salvage <= cost).
    :param method: 'linear', 'degressive', 'degressive_then_linear' or 'none'.
    :param useful_life_months: life covered by this board (> 0; not checked
        for method 'none'), counted from the start of the first period, or from
        the in-service date with daily prorata.  For a board continuing earlier
        depreciation (``opening_accumulated``) this is the life that remains.
    :param period: 'monthly', 'quarterly' or 'yearly'.
    :param in_service_date: the first period is the one containing this date
        (a datetime is reduced to its date).
    :param prorata: 'none' (full first period) or 'daily' (see module doc).
    :param declining_rate: yearly rate of the degressive methods, in (0, 1].
    :param fiscal_year_last_month: last month of the company's fiscal year.
    :param fiscal_year_last_day: last day of the company's fiscal year.
    :param rounding_digits: decimals of the currency (0 to 6).
    :param opening_accumulated: depreciation already booked before
        ``in_service_date`` (migrated asset, recomputation); the board spreads
        ``cost - salvage - opening_accumulated``.  With
        ``degressive_then_linear`` the linear floor is that amount divided by
        the life in years.
    :returns: the lines in date order, without zero-amount lines; their amounts
        add up exactly to ``cost - salvage - opening_accumulated`` (rounded).
    :raises ValueError: on any invalid value.
    :raises TypeError: when ``in_service_date`` is not a date.
    """
    if method not in METHODS:
        raise ValueError(
            f"unknown depreciation method {method!r}, expected one of "
            f"{', '.join(METHODS)}"
        )
    months = _period_months(period)
    if prorata not in PRORATA_MODES:
        raise ValueError(
            f"unknown prorata {prorata!r}, expected one of {', '.join(PRORATA_MODES)}"
        )
    factor = _check_digits(rounding_digits)
    _check_amount("cost", cost)
    _check_amount("salvage value", salvage)
    _check_amount("opening accumulated depreciation", opening_accumulated)
    if isinstance(in_service_date, dt.datetime):
        in_service_date = in_service_date.date()
    elif not isinstance(in_service_date, dt.date):
        raise TypeError(f"in-service date must be a date, got {in_service_date!r}")
    cost_units = _round_units(cost * factor)
    salvage_units = _round_units(salvage * factor)
    opening_units = _round_units(opening_accumulated * factor)
    if salvage_units > cost_units:
        raise ValueError(f"salvage value {salvage} exceeds the cost {cost}")
    first_start, first_end = period_bounds(
        in_service_date, period, fiscal_year_last_month, fiscal_year_last_day
    )
    if method == "none":
        return []
    if (
        isinstance(useful_life_months, bool)
        or not isinstance(useful_life_months, int)
        or useful_life_months <= 0
    ):
        raise ValueError(
            f"useful life must be a positive number of months, "
            f"got {useful_life_months!r}"
        )
    if method in DEGRESSIVE_METHODS and not (
        isinstance(declining_rate, int | float) and 0 < declining_rate <= 1
    ):
        raise ValueError(
            f"declining rate must be in (0, 1] for method {method!r}, "
            f"got {declining_rate!r}"
        )
    to_depreciate = cost_units - salvage_units - opening_units
    if to_depreciate < 0:
        raise ValueError(
            f"opening accumulated depreciation {opening_accumulated} exceeds the "
            f"depreciable amount {(cost_units - salvage_units) / factor}"
        )
    if to_depreciate == 0:
        return []

    if prorata == "daily":
        first_weight = ((first_end - in_service_date).days + 1) / (
            (first_end - first_start).days + 1
        )
    else:
        first_weight = 1.0
    life_periods = useful_life_months / months
    weights = _weights(first_weight, life_periods)
    starts, ends, fy_keys = _grid(
        first_start,
        period,
        fiscal_year_last_month,
        fiscal_year_last_day,
        len(weights),
    )
    if method == "linear":
        amounts = _linear_amounts(to_depreciate, weights, life_periods)
    else:
        linear_yearly = None
        if method == "degressive_then_linear":
            linear_yearly = to_depreciate * 12 / useful_life_months
        amounts = _degressive_amounts(
            to_depreciate,
            cost_units - opening_units,
            weights,
            fy_keys,
            12 // months,
            declining_rate,
            linear_yearly,
        )
    if prorata == "daily":
        starts = (in_service_date, *starts[1:])
    return _build_lines(amounts, starts, ends, cost_units, opening_units, factor)


def _build_lines(
    amounts: list[int],
    starts: tuple[dt.date, ...],
    ends: tuple[dt.date, ...],
    cost_units: int,
    opening_units: int,
    factor: int,
) -> list[Line]:
    """Turn integer amounts into :class:`Line` objects, skipping zero amounts."""
    lines = []
    append = lines.append
    accumulated = opening_units
    for amount, start, end in zip(amounts, starts, ends, strict=True):
        if not amount:
            continue
        accumulated += amount
        append(
            Line(
                end,
                start,
                amount / factor,
                accumulated / factor,
                (cost_units - accumulated) / factor,
            )
        )
    return lines


def recompute_board(
    *,
    cost: float,
    book_value: float,
    salvage: float = 0.0,
    method: str = "linear",
    remaining_months: int,
    period: str,
    resume_date: dt.date,
    declining_rate: float = 0.0,
    fiscal_year_last_month: int = 12,
    fiscal_year_last_day: int = 31,
    rounding_digits: int = 2,
) -> list[Line]:
    """Lines replacing the unposted part of a board after a change.

    Use it after a new useful life, a new salvage value or an impairment:
    ``book_value`` is the current book value (after the impairment, if any),
    ``resume_date`` the start of the first unposted period (the board restarts
    with the period containing it, as a full period) and ``remaining_months``
    the life left from that date.  What is left above ``salvage`` is spread with
    ``method`` over the remaining life; ``accumulated`` on the lines is
    ``cost - remaining`` so it includes everything booked before (depreciation
    and impairments).  With a degressive method the rate applies to
    ``book_value``, prorated for the rest of the current fiscal year.
    """
    _check_amount("cost", cost)
    _check_amount("book value", book_value)
    _check_amount("salvage value", salvage)
    factor = _check_digits(rounding_digits)
    book_units = _round_units(book_value * factor)
    if book_units > _round_units(cost * factor):
        raise ValueError(f"book value {book_value} exceeds the cost {cost}")
    if book_units < _round_units(salvage * factor):
        raise ValueError(
            f"book value {book_value} is below the salvage value {salvage}"
        )
    return compute_board(
        cost=cost,
        salvage=salvage,
        method=method,
        useful_life_months=remaining_months,
        period=period,
        in_service_date=resume_date,
        prorata="none",
        declining_rate=declining_rate,
        fiscal_year_last_month=fiscal_year_last_month,
        fiscal_year_last_day=fiscal_year_last_day,
        rounding_digits=rounding_digits,
        opening_accumulated=(_round_units(cost * factor) - book_units) / factor,
    )
