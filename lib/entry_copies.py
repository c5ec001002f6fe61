# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How to write more journal entries like two the accounting engine wrote.

Per-asset depreciation posts thousands of entries that differ only in their
amount, label, reference and asset: same journal, date, accounts and
analytic distribution (one *shape*). The first two entries of a shape go
through Odoo's whole ``create`` and ``_post``; the others are copies of the
first, written in set-based SQL. This module decides, from the two rows the
engine wrote (of the move, of each journal item, of each analytic line), how
to fill each column of a copy:

* ``COPY``: the column has the same value in both rows: copy it;
* ``AMOUNT`` or ``MINUS_AMOUNT``: the column is the entry's amount (or its
  opposite) in both rows: the copy takes its own amount;
* anything else (a column that changes in another way, or an amount-like
  column when both amounts are equal and the copies' are not): the shape is
  not copyable and every entry goes through the engine.

The columns the caller fills itself (number, label, reference, links) are
named in ``given`` and left out.
"""

COPY = "copy"
AMOUNT = 1
MINUS_AMOUNT = -1


class NotCopyable(Exception):
    """A column of the two rows follows no rule a copy could apply."""

    def __init__(self, column):
        super().__init__(column)
        self.column = column


def _same(first, second):
    if isinstance(first, float) or isinstance(second, float):
        if first is None or second is None:
            return False
        return abs(first - second) <= 1e-9 * max(1.0, abs(first), abs(second))
    return first == second


def copy_plan(first, second, first_amount, second_amount, given=(), numeric=()):
    """{column: COPY, AMOUNT or MINUS_AMOUNT} for the columns of ``first`` and
    ``second`` (two rows as dicts, of entries of amounts ``first_amount`` and
    ``second_amount``) that are not in ``given``.

    Only columns in ``numeric`` may follow the amount. When the two amounts
    are equal, every column must be equal: the copies then share that
    amount too (the caller picks the smallest and the largest amount of the
    shape as its two samples).

    :raises NotCopyable: with the first column that follows no rule.
    """
    if set(first) != set(second):
        raise NotCopyable(sorted(set(first) ^ set(second))[0])
    plan = {}
    for column in first:
        if column in given:
            continue
        one, two = first[column], second[column]
        if _same(one, two):
            plan[column] = COPY
            continue
        if column in numeric and not _same(first_amount, second_amount):
            sign = next(
                (
                    sign
                    for sign in (AMOUNT, MINUS_AMOUNT)
                    if _same(one, sign * first_amount)
                    and _same(two, sign * second_amount)
                ),
                None,
            )
            if sign is not None:
                plan[column] = sign
                continue
        raise NotCopyable(column)
    return plan


def samples(amounts):
    """Indexes of the two entries to write through the engine: the smallest
    and the largest amount (the first two when all are equal)."""
    if len(amounts) < 2:
        raise ValueError("two entries are needed to learn a shape")
    low = min(range(len(amounts)), key=lambda i: (amounts[i], i))
    high = max(range(len(amounts)), key=lambda i: (amounts[i], -i))
    if low == high:
        high = 1 if low == 0 else 0
    return low, high
