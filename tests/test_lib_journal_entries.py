# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from odoo.addons.it_asset.lib.journal_entries import (
    Item,
    disposal_items,
    entry_vals,
)

EUR, USD = 1, 2
ACCOUNTS = {"accumulated": 10, "gross": 11, "proceeds": 12, "gain": 13, "loss": 14}


def _vals(items, **kwargs):
    params = {
        "kind": "depreciation",
        "company_id": 1,
        "company_currency_id": EUR,
        "journal_id": 3,
        "date": "2026-01-31",
        "name": "A: Depreciation 2026-01",
        "items": items,
        "digits": 2,
    }
    params.update(kwargs)
    return entry_vals(**params)


def _lines(vals):
    return [line for _zero, _zero2, line in vals["line_ids"]]


@tagged("post_install", "-at_install")
class TestLibJournalEntries(BaseCase):
    def test_company_currency_lines_carry_their_balance(self):
        vals = _vals([Item(5, 100.0), Item(6, -100.0)], asset_id=42)
        self.assertEqual(vals["move_type"], "entry")
        self.assertEqual(vals["it_asset_id"], 42)
        self.assertEqual(vals["ref"], "A: Depreciation 2026-01")
        lines = _lines(vals)
        self.assertEqual([line["account_id"] for line in lines], [5, 6])
        self.assertEqual([line["balance"] for line in lines], [100.0, -100.0])
        self.assertEqual([line["amount_currency"] for line in lines], [100.0, -100.0])
        self.assertEqual({line["currency_id"] for line in lines}, {EUR})
        # no distribution given: Odoo's distribution models decide
        self.assertNotIn("analytic_distribution", lines[0])

    def test_foreign_amount_kept_on_its_item(self):
        vals = _vals(
            [
                Item(11, 1080.0, currency_id=USD, amount_currency=1200.0),
                Item(7, -1080.0, currency_id=USD, amount_currency=-1200.0),
            ],
            kind="capitalisation",
        )
        lines = _lines(vals)
        self.assertEqual([line["currency_id"] for line in lines], [USD, USD])
        self.assertEqual([line["amount_currency"] for line in lines], [1200.0, -1200.0])
        self.assertEqual([line["balance"] for line in lines], [1080.0, -1080.0])
        # the entry itself is in company currency
        self.assertEqual(vals["currency_id"], EUR)
        self.assertNotIn("it_asset_id", vals)

    def test_company_currency_given_as_currency_is_not_foreign(self):
        lines = _lines(
            _vals(
                [Item(5, 10.0, currency_id=EUR, amount_currency=99.0), Item(6, -10.0)]
            )
        )
        self.assertEqual(lines[0]["amount_currency"], 10.0)

    def test_distribution_given_is_set(self):
        lines = _lines(
            _vals(
                [
                    Item(5, 60.0, analytic_distribution={"4": 100}),
                    Item(5, 40.0, analytic_distribution=False),
                    Item(6, -100.0),
                ],
                kind="summary",
            )
        )
        self.assertEqual(lines[0]["analytic_distribution"], {"4": 100})
        self.assertIs(lines[1]["analytic_distribution"], False)

    def test_zero_items_left_out(self):
        lines = _lines(_vals([Item(5, 10.0), Item(9, 0.001), Item(6, -10.0)]))
        self.assertEqual([line["account_id"] for line in lines], [5, 6])

    def test_refused(self):
        with self.assertRaisesRegex(ValueError, "not balanced"):
            _vals([Item(5, 10.0), Item(6, -9.99)])
        with self.assertRaisesRegex(ValueError, "no amount"):
            _vals([Item(5, 0.0), Item(6, 0.0)])
        with self.assertRaisesRegex(ValueError, "unknown kind"):
            _vals([Item(5, 1.0), Item(6, -1.0)], kind="bonus")

    def test_disposal_with_gain(self):
        items = disposal_items(
            gross=1000.0, accumulated=700.0, proceeds=500.0, digits=2, accounts=ACCOUNTS
        )
        by_account = {item.account_id: item.balance for item in items}
        # book value 300 sold for 500: gain 200
        self.assertEqual(by_account, {10: 700.0, 11: -1000.0, 12: 500.0, 13: -200.0})

    def test_disposal_with_loss_and_nothing_received(self):
        items = disposal_items(
            gross=1000.0, accumulated=700.0, proceeds=0.0, digits=2, accounts=ACCOUNTS
        )
        by_account = {item.account_id: item.balance for item in items}
        self.assertEqual(by_account, {10: 700.0, 11: -1000.0, 14: 300.0})

    def test_disposal_of_a_foreign_cost_releases_its_foreign_amount(self):
        items = disposal_items(
            gross=1080.0,
            accumulated=1080.0,
            proceeds=0.0,
            digits=2,
            accounts=ACCOUNTS,
            gross_currency_id=USD,
            gross_amount_currency=1200.0,
        )
        gross = next(item for item in items if item.account_id == 11)
        self.assertEqual(
            (gross.balance, gross.currency_id, gross.amount_currency),
            (-1080.0, USD, -1200.0),
        )
        # fully depreciated, nothing received: no gain or loss line
        self.assertEqual(len(items), 2)
