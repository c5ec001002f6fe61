# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one builder of the values of the addon's journal entries.

Five kinds of entry come from an asset: capitalisation (Dr gross value, Cr
counterpart), depreciation per asset (Dr expense, Cr accumulated
depreciation), the summary of a category's period (Dr expense per analytic
distribution, Cr accumulated), disposal (Dr accumulated, Dr proceeds, Cr
gross value, the difference to gain or loss) and impairment (Dr loss, Cr
accumulated). Each is a list of :class:`Item` given to :func:`entry_vals`,
which returns the ``account.move`` values that ``create()`` takes; the
entries are then posted by Odoo's ``_post()`` with its checks.

The fields ``account.move`` and ``account.move.line`` would otherwise
precompute record by record are given, with the values Odoo computes for an
entry without partner, product or tax (see
test_per_asset_entry_matches_plain_entry): with hundreds of entries per
batch those computes were a fifth of the posting time. The analytic
distribution is given only when the caller computed it; otherwise Odoo's
distribution models apply as for any entry.

No Odoo import: a one2many command is the tuple ``(0, 0, values)``.
"""

from dataclasses import dataclass
from math import isclose

KINDS = ("capitalisation", "depreciation", "summary", "disposal", "impairment")


@dataclass(frozen=True)
class Item:
    """One journal item: ``balance`` in company currency (debit > 0 >
    credit). ``currency_id`` and ``amount_currency`` when the item is in
    another currency (a cost paid in a foreign currency); the company
    currency otherwise. ``analytic_distribution``: None lets Odoo compute
    it, False or a dict sets it."""

    account_id: int
    balance: float
    currency_id: int = None
    amount_currency: float = None
    analytic_distribution: object = None


def items_balance(items, digits):
    """Rounded sum of the balances (0.0 for a balanced entry)."""
    return round(sum(item.balance for item in items), digits)


def entry_vals(
    *,
    kind,
    company_id,
    company_currency_id,
    journal_id,
    date,
    name,
    items,
    digits,
    asset_id=None,
):
    """``account.move`` values of one entry of ``kind`` (see :data:`KINDS`).

    Items with a zero balance and no foreign amount are left out. Raises
    ValueError for an unknown kind, an unbalanced entry or an entry without
    any amount: the callers validate their input first, this is the last
    guard before Odoo's own balance check."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of entry: {kind!r}")
    kept = [
        item
        for item in items
        if not isclose(item.balance, 0.0, abs_tol=10**-digits / 2)
        or item.amount_currency
    ]
    if not kept:
        raise ValueError(f"{kind} entry {name!r} has no amount")
    if items_balance(kept, digits):
        raise ValueError(
            f"{kind} entry {name!r} is not balanced "
            f"({items_balance(kept, digits)} left)"
        )
    common = {
        "name": name,
        "display_type": "product",
        "company_id": company_id,
        "journal_id": journal_id,
        "partner_id": False,
        "product_uom_id": False,
        "quantity": 1.0,
        "price_unit": 0.0,
        "sequence": 100,
        "tax_ids": [],
        "tax_line_id": False,
        "tax_group_id": False,
    }
    lines = []
    for item in kept:
        foreign = item.currency_id and item.currency_id != company_currency_id
        line = {
            **common,
            "account_id": item.account_id,
            "currency_id": item.currency_id if foreign else company_currency_id,
            "balance": round(item.balance, digits),
            "amount_currency": (
                item.amount_currency if foreign else round(item.balance, digits)
            ),
        }
        if item.analytic_distribution is not None:
            line["analytic_distribution"] = item.analytic_distribution
        lines.append((0, 0, line))
    vals = {
        "move_type": "entry",
        "journal_id": journal_id,
        "company_id": company_id,
        "currency_id": company_currency_id,
        "date": date,
        "ref": name,
        "partner_shipping_id": False,
        "fiscal_position_id": False,
        "invoice_payment_term_id": False,
        "invoice_currency_rate": 0.0,
        "delivery_date": False,
        "line_ids": lines,
    }
    if asset_id:
        vals["it_asset_id"] = asset_id
    return vals


def disposal_items(
    *,
    gross,
    accumulated,
    proceeds,
    digits,
    accounts,
    gross_currency_id=None,
    gross_amount_currency=None,
):
    """Items of a disposal: Dr accumulated depreciation, Dr proceeds, Cr gross
    value (in its purchase currency when there is one), the difference
    between proceeds and book value to gain (Cr) or loss (Dr). ``accounts``
    maps 'accumulated', 'gross', 'proceeds', 'gain', 'loss' to account ids."""
    difference = round(proceeds - (gross - accumulated), digits)
    items = [
        Item(accounts["accumulated"], accumulated),
        Item(
            accounts["gross"],
            -gross,
            currency_id=gross_currency_id,
            amount_currency=(
                -gross_amount_currency if gross_amount_currency is not None else None
            ),
        ),
    ]
    if proceeds:
        items.append(Item(accounts["proceeds"], proceeds))
    if difference > 0:
        items.append(Item(accounts["gain"], -difference))
    elif difference < 0:
        items.append(Item(accounts["loss"], -difference))
    return items
