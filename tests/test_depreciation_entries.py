# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.it_asset.models import account_move

from .common_depreciation import DepreciationCase

# journal item fields that the posting gives itself instead of letting
# account.move.line compute them (plus what follows from them)
LINE_FIELDS = [
    "account_id",
    "display_type",
    "company_id",
    "journal_id",
    "currency_id",
    "company_currency_id",
    "partner_id",
    "product_id",
    "product_uom_id",
    "quantity",
    "price_unit",
    "discount",
    "sequence",
    "tax_ids",
    "tax_line_id",
    "tax_group_id",
    "tax_tag_ids",
    "tax_tag_invert",
    "balance",
    "amount_currency",
    "debit",
    "credit",
    "price_subtotal",
    "price_total",
    "amount_residual",
    "reconciled",
    "analytic_distribution",
    "date",
    "parent_state",
]
MOVE_FIELDS = [
    "move_type",
    "state",
    "journal_id",
    "company_id",
    "currency_id",
    "partner_id",
    "fiscal_position_id",
    "invoice_payment_term_id",
    "partner_shipping_id",
    "delivery_date",
    "invoice_currency_rate",
    "amount_total",
    "amount_total_signed",
    "sequence_prefix",
    "checked",
]


def _values(record, fnames):
    values = record.read(fnames, load=None)[0]
    del values["id"]
    return values


@tagged("post_install", "-at_install")
class TestDepreciationEntries(DepreciationCase):
    """The entries posted per asset are ordinary journal entries: the same
    values as an entry a user would create, consecutive numbers, and a
    number of queries that does not grow with the number of entries."""

    def _lines(self, assets, date):
        return self.env["it.asset.depreciation.line"].search(
            [("asset_id", "in", assets.ids), ("date", "=", date)]
        )

    def _plain_entry(self, amount, date):
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self.journal.id,
                "date": date,
                "line_ids": [
                    Command.create(
                        {
                            "name": "plain",
                            "account_id": self.account_expense.id,
                            "debit": amount,
                        }
                    ),
                    Command.create(
                        {
                            "name": "plain",
                            "account_id": self.account_depreciation.id,
                            "credit": amount,
                        }
                    ),
                ],
            }
        )
        move.action_post()
        return move

    def test_per_asset_entry_matches_plain_entry(self):
        plan = self.env["account.analytic.plan"].create({"name": "Cost centres"})
        analytic = self.env["account.analytic.account"].create(
            {"name": "IT", "plan_id": plan.id}
        )
        balance_sheet = self.env["account.analytic.account"].create(
            {"name": "Fixed assets", "plan_id": plan.id}
        )
        Model = self.env["account.analytic.distribution.model"]
        Model.create(
            {"account_prefix": "681", "analytic_distribution": {analytic.id: 100}}
        )
        Model.create(
            {
                "account_prefix": "2818",
                "analytic_distribution": {balance_sheet.id: 100},
            }
        )
        asset = self._capitalised_asset()
        self.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date("2026-01-31"))
        ours = self._lines(asset, "2026-01-31").move_id
        plain = self._plain_entry(100.0, "2026-01-31")
        self.assertEqual(len(ours), 1)
        self.assertRecordValues(ours, [_values(plain, MOVE_FIELDS)])
        for account in (self.account_expense, self.account_depreciation):
            mine = ours.line_ids.filtered(lambda ml, a=account: ml.account_id == a)
            theirs = plain.line_ids.filtered(lambda ml, a=account: ml.account_id == a)
            self.assertRecordValues(mine, [_values(theirs, LINE_FIELDS)])
        self.assertEqual(
            ours.line_ids.sorted("balance").mapped("analytic_distribution"),
            [{str(balance_sheet.id): 100}, {str(analytic.id): 100}],
        )
        self.assertEqual(
            sorted(ours.line_ids.analytic_line_ids.mapped("amount")), [-100.0, 100.0]
        )

    def test_numbers_are_consecutive_and_continue_the_journal(self):
        before = self._plain_entry(10.0, "2026-01-15")
        assets = self.env["it.asset"].browse(
            [self._capitalised_asset().id for _i in range(4)]
        )
        january = self._lines(assets, "2026-01-31")
        moves = january.sorted("id")._post_depreciation_lines()
        prefix = before.sequence_prefix
        self.assertEqual(set(moves.mapped("sequence_prefix")), {prefix})
        self.assertEqual(
            sorted(moves.mapped("sequence_number")),
            list(range(before.sequence_number + 1, before.sequence_number + 5)),
        )
        # an entry posted meanwhile in the same transaction, then the next
        # period: numbers go on from the journal's last one, never twice
        between = self._plain_entry(10.0, "2026-01-31")
        self.assertEqual(between.sequence_number, before.sequence_number + 5)
        february = self._lines(assets, "2026-02-28")._post_depreciation_lines()
        self.assertNotEqual(february[0].sequence_prefix, prefix)
        self.assertEqual(sorted(february.mapped("sequence_number")), [1, 2, 3, 4])
        more = self._lines(assets, "2026-03-31")[:2]._post_depreciation_lines()
        later = self._plain_entry(10.0, "2026-01-31")
        self.assertEqual(later.sequence_number, before.sequence_number + 6)
        names = (moves | between | february | more | later).mapped("name")
        self.assertEqual(len(names), len(set(names)))

    def test_queries_do_not_grow_with_the_entries(self):
        assets = self.env["it.asset"].browse(
            [self._capitalised_asset().id for _i in range(12)]
        )

        def queries(lines):
            lines.env.invalidate_all()
            count = self.env.cr.sql_log_count
            lines._post_depreciation_lines()
            self.env.flush_all()
            return self.env.cr.sql_log_count - count

        # warm up (first entry of a journal and period, registry caches)
        queries(self._lines(assets[:1], "2026-01-31"))
        few = queries(self._lines(assets[1:4], "2026-01-31"))
        many = queries(self._lines(assets[4:12], "2026-01-31"))
        # with Odoo's checks on, nothing is done entry by entry: the balance
        # is checked for the batch at create() and when it is posted, and
        # Auto-Check on Post's flag is saved with the batch (without that,
        # one write and balance query per entry: many - few = 5)
        self.assertLessEqual(many - few, 0, (few, many))
        moves = self._lines(assets, "2026-01-31").move_id
        self.assertTrue(all(moves.mapped("checked")))
        self.assertFalse(
            self.env["account.move"].search_count(
                [("id", "in", moves.ids), ("checked", "=", False)]
            )
        )

    def test_fields_depending_on_checked_are_told_once_per_batch(self):
        # statement lines' amount_residual and is_reconciled depend on their
        # entry's 'checked': what Odoo's write per entry would tell them, the
        # batch tells them once
        dependents = self.env.registry.get_dependent_fields(
            self.env["account.move"]._fields["checked"]
        )
        self.assertIn("amount_residual", {field.name for field in dependents})
        assets = self.env["it.asset"].browse(
            [self._capitalised_asset().id for _i in range(3)]
        )
        Move = type(self.env["account.move"])
        with patch.object(
            Move, "modified", side_effect=Move.modified, autospec=True
        ) as modified:
            moves = self._lines(assets, "2026-01-31")._post_depreciation_lines()
        told = [
            call.args[0]
            for call in modified.call_args_list
            if call.args[1] == ["checked"]
        ]
        self.assertEqual(len(told), 1)
        self.assertEqual(told[0], moves)

    def test_checked_by_odoos_write_when_a_module_could_react_to_it(self):
        # the modules overriding account.move write() in this database are
        # all known to ignore 'checked'
        self.assertLessEqual(
            self.env["account.move"]._it_asset_overriding_modules(
                {"account.move": ("write",)}
            ),
            account_move.CHECKED_WRITE_OVERRIDES_ALLOWED,
        )
        assets = self.env["it.asset"].browse(
            [self._capitalised_asset().id for _i in range(3)]
        )
        # as if a module not known to the addon overrode write(): 'account'
        # itself taken off the allow-list; Odoo's write sets the flag, and
        # is seen doing it once per entry
        allowed = account_move.CHECKED_WRITE_OVERRIDES_ALLOWED - {"account"}
        Move = type(self.env["account.move"])
        with (
            patch.object(account_move, "CHECKED_WRITE_OVERRIDES_ALLOWED", allowed),
            patch.object(Move, "write", side_effect=Move.write, autospec=True) as write,
        ):
            moves = self._lines(assets, "2026-01-31")._post_depreciation_lines()
        self.assertTrue(all(moves.mapped("checked")))
        checked_writes = [
            call for call in write.call_args_list if call.args[1] == {"checked": True}
        ]
        self.assertEqual(len(checked_writes), len(moves))
