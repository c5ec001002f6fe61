# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""End of life and refresh planning, on plain values (no Odoo dependency).

* The end of life of an asset is the end of support of its product when
  known, else its start of service (in-service date, else acquisition date)
  plus the useful life of its category, in calendar months. It is never
  before the acquisition date: a model bought after its end of support is at
  its end of life the day it is bought.
* The replacement cost is the first positive amount of: the last purchase
  unit cost, the product's cost, the category's default.
* Quarters start on 1 January, 1 April, 1 July and 1 October.
"""

import calendar
from datetime import date, timedelta

PASSED = "passed"
SOON = "soon"


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, the day clamped to the
    length of the target month (31 January + 1 month = 28/29 February)."""
    if isinstance(months, bool) or not isinstance(months, int):
        raise ValueError(f"months must be an integer, got {months!r}")
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def end_of_life_date(
    acquisition_date: date | None,
    useful_life_months: int | None,
    in_service_date: date | None = None,
    end_of_support_date: date | None = None,
) -> date | None:
    """The end-of-life date of an asset, or None when it cannot be known (no
    end of support, and no start date or no useful life)."""
    if useful_life_months is not None and useful_life_months < 0:
        raise ValueError(
            f"useful_life_months cannot be negative, got {useful_life_months!r}"
        )
    if end_of_support_date:
        result = end_of_support_date
    else:
        start = in_service_date or acquisition_date
        if not start or not useful_life_months:
            return None
        result = add_months(start, useful_life_months)
    if acquisition_date and result < acquisition_date:
        return acquisition_date
    return result


def replacement_cost(*amounts: float | None) -> float:
    """The first positive amount of ``amounts`` (last purchase unit cost,
    product cost, category default, in that order), else 0.0."""
    for amount in amounts:
        if amount and amount > 0:
            return float(amount)
    return 0.0


def notice_horizon(today: date, notice_days: int) -> date:
    """The last end-of-life date announced ``notice_days`` ahead of ``today``."""
    if isinstance(notice_days, bool) or not isinstance(notice_days, int):
        raise ValueError(f"notice_days must be an integer, got {notice_days!r}")
    if notice_days < 0:
        raise ValueError(f"notice_days cannot be negative, got {notice_days!r}")
    return today + timedelta(days=notice_days)


def end_of_life_status(
    end_of_life: date | None, today: date, notice_days: int
) -> str | None:
    """PASSED when the end of life is before ``today``, SOON when it is
    within ``notice_days`` from ``today`` (both ends included), else None."""
    if not end_of_life:
        return None
    if end_of_life < today:
        return PASSED
    if end_of_life <= notice_horizon(today, notice_days):
        return SOON
    return None


def quarter_start(day: date) -> date:
    """First day of the quarter of ``day`` (how a pivot groups by quarter)."""
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
