# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from odoo.addons.it_asset.models import account_move
from odoo.addons.it_asset.models.account_move import AccountMove

from .common_depreciation import DepreciationCase

# what tells two entries apart whatever wrote them
_MOVE_OWN = {"id", "name", "sequence_number", "ref", "it_asset_id"}
_LINE_OWN = {"id", "move_id", "move_name", "ref", "name"}
_ANALYTIC_OWN = {"id", "move_line_id", "name", "ref"}
JANUARY = fields.Date.to_date("2026-01-31")


@tagged("post_install", "-at_install")
class TestDepreciationEntryCopies(DepreciationCase):
    """Per-asset entries of one shape are written in bulk: the engine writes
    two, the others are copies. A copy must be the very entry the engine
    would have written, down to every column of the move, of its journal
    items and of their analytic lines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # an opt-in of the accounting manager (off by default)
        cls.company.it_asset_entry_copies = True
        plan = cls.env["account.analytic.plan"].create({"name": "Cost centres"})
        cls.analytic_it = cls.env["account.analytic.account"].create(
            {"name": "IT", "plan_id": plan.id}
        )
        cls.analytic_fixed = cls.env["account.analytic.account"].create(
            {"name": "Fixed assets", "plan_id": plan.id}
        )
        cls.env["account.analytic.distribution.model"].create(
            {
                "account_prefix": "2818",
                "analytic_distribution": {cls.analytic_fixed.id: 100},
            }
        )

    def _assets(self, costs, **vals):
        return self.env["it.asset"].browse(
            [
                self._capitalised_asset(
                    acquisition_cost=cost,
                    analytic_distribution={self.analytic_it.id: 100},
                    **vals,
                ).id
                for cost in costs
            ]
        )

    def _post(self, assets, date=JANUARY):
        lines = self.env["it.asset.depreciation.line"].search(
            [("asset_id", "in", assets.ids), ("date", "=", date)]
        )
        with patch.object(
            AccountMove,
            "_it_asset_insert_copies",
            autospec=True,
            side_effect=AccountMove._it_asset_insert_copies,
        ) as insert_copies:
            moves = lines._post_depreciation_lines()
        return moves, insert_copies.call_count

    def _rows(self, moves):
        """The database rows of ``moves``, their items and analytic lines,
        without what tells entries apart, in the order of ``moves``."""
        self.env.flush_all()
        cr = self.env.cr
        result = []
        for move in moves:
            cr.execute("SELECT * FROM account_move WHERE id = %s", [move.id])
            row = {k: v for k, v in cr.dictfetchone().items() if k not in _MOVE_OWN}
            cr.execute(
                "SELECT * FROM account_move_line WHERE move_id = %s ORDER BY id",
                [move.id],
            )
            items = cr.dictfetchall()
            cr.execute(
                "SELECT * FROM account_analytic_line WHERE move_line_id = ANY(%s) "
                "ORDER BY move_line_id, id",
                [[item["id"] for item in items]],
            )
            analytic = cr.dictfetchall()
            result.append(
                (
                    row,
                    [{k: v for k, v in i.items() if k not in _LINE_OWN} for i in items],
                    [
                        {k: v for k, v in a.items() if k not in _ANALYTIC_OWN}
                        for a in analytic
                    ],
                )
            )
        return result

    def test_copies_are_the_entries_the_engine_writes(self):
        costs = [3600.0, 7200.0, 1800.0, 3600.0, 5400.0, 2520.0]
        copied_assets = self._assets(costs)
        engine_assets = self._assets(costs)
        copied, copy_calls = self._post(copied_assets)
        self.company.it_asset_entry_copies = False
        engine, engine_copy_calls = self._post(engine_assets)
        self.assertEqual((copy_calls, engine_copy_calls), (1, 0))

        def by_asset(moves, assets):
            return [moves.filtered(lambda m, a=a: m.it_asset_id == a) for a in assets]

        self.assertEqual(
            self._rows(by_asset(copied, copied_assets)),
            self._rows(by_asset(engine, engine_assets)),
        )
        self.assertEqual(
            sorted(copied.mapped("amount_total")), sorted(c / 36 for c in costs)
        )
        # what each entry has of its own
        for move, asset in zip(
            by_asset(copied, copied_assets), copied_assets, strict=True
        ):
            self.assertEqual(move.state, "posted")
            self.assertIn(asset.tag, move.ref)
            self.assertEqual(set(move.line_ids.mapped("name")), {move.ref})
            expense = move.line_ids.filtered(lambda ml: ml.debit)
            self.assertEqual(expense.debit, asset.acquisition_cost / 36)
            self.assertEqual(
                expense.analytic_line_ids.mapped("amount"), [-expense.debit]
            )
            column = self.analytic_it.plan_id._column_name()
            self.assertEqual(expense.analytic_line_ids[column], self.analytic_it)
        names = (copied | engine).mapped("name")
        self.assertEqual(len(set(names)), 12)
        self.assertEqual(
            sorted(copied.mapped("sequence_number")),
            list(range(1, 7)),
        )
        # the depreciation lines link to their entries, the ledger adds up
        lines = copied_assets.depreciation_line_ids.filtered("move_id")
        self.assertEqual(lines.move_id, copied)
        self.assertEqual(
            lines.mapped(lambda line: line.move_id.it_asset_id), lines.asset_id
        )
        balance = self.env["account.move.line"].read_group(
            [("move_id", "in", copied.ids)], ["balance:sum"], ["account_id"]
        )
        self.assertEqual(
            {row["account_id"][0]: row["balance"] for row in balance},
            {
                self.account_expense.id: sum(costs) / 36,
                self.account_depreciation.id: -sum(costs) / 36,
            },
        )

    def test_a_copied_entry_reverses_like_any_entry(self):
        assets = self._assets([3600.0, 7200.0, 1800.0, 5400.0])
        moves, copy_calls = self._post(assets)
        self.assertEqual(copy_calls, 1)
        copy = moves.filtered(lambda m: m.amount_total == 200.0)
        self.assertTrue(copy)
        reversal = copy._reverse_moves(cancel=True)
        self.assertEqual(reversal.state, "posted")
        self.assertEqual(copy.reversal_move_ids, reversal)
        self.assertEqual(
            sorted(reversal.line_ids.mapped("balance")),
            sorted(-b for b in copy.line_ids.mapped("balance")),
        )
        line = assets.depreciation_line_ids.filtered(
            lambda dl: dl.date == JANUARY and dl.asset_id.acquisition_cost == 7200.0
        )
        self.assertFalse(line.move_id)
        # posted again by the next run, as a new entry
        again = self.env["it.asset"]._post_depreciation_up_to(JANUARY)
        self.assertEqual(again["posted"], 1)
        self.assertTrue(line.move_id)
        self.assertNotEqual(line.move_id, copy)

    def test_split_analytic_distribution_goes_through_the_engine(self):
        other = self.env["account.analytic.account"].create(
            {"name": "Support", "plan_id": self.analytic_it.plan_id.id}
        )
        assets = self._assets([3600.0, 7200.0, 1800.0])
        assets.analytic_distribution = {self.analytic_it.id: 60, other.id: 40}
        moves, copy_calls = self._post(assets)
        self.assertEqual(copy_calls, 0)
        self.assertEqual(len(moves), 3)
        big = moves.filtered(lambda m: m.amount_total == 200.0)
        self.assertEqual(
            sorted(big.line_ids.analytic_line_ids.mapped("amount")),
            [-120.0, -80.0, 200.0],
        )

    def test_hash_protected_journal_goes_through_the_engine(self):
        self.journal.restrict_mode_hash_table = True
        assets = self._assets([3600.0, 7200.0, 1800.0, 5400.0])
        moves, copy_calls = self._post(assets)
        self.assertEqual(copy_calls, 0)
        self.assertEqual(len(moves), 4)
        self.assertTrue(all(moves.mapped("inalterable_hash")))

    def test_two_entries_of_a_shape_are_not_copied(self):
        assets = self._assets([3600.0, 7200.0])
        moves, copy_calls = self._post(assets)
        self.assertEqual(copy_calls, 0)
        self.assertEqual(sorted(moves.mapped("amount_total")), [100.0, 200.0])

    def test_queries_do_not_grow_with_the_copies(self):
        assets = self._assets([1200.0 + i * 100 for i in range(24)])

        def queries(subset):
            self.env.invalidate_all()
            count = self.env.cr.sql_log_count
            _moves, copy_calls = self._post(subset)
            self.env.flush_all()
            self.assertEqual(copy_calls, 1)
            return self.env.cr.sql_log_count - count

        queries(assets[:4])  # warm-up: first entry of the journal and month
        self.assertEqual(queries(assets[4:10]), queries(assets[10:24]))

    def _assert_all_through_the_engine(self, assets):
        moves, copy_calls = self._post(assets)
        self.assertEqual(copy_calls, 0)
        self.assertEqual(len(moves), len(assets))
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        return moves

    def test_an_override_outside_the_allow_list_sends_entries_to_the_engine(self):
        # as if a module not known to the addon overrode account.move's
        # create() or _post(): 'account' itself taken off the allow-list
        allowed = account_move.COPY_OVERRIDES_ALLOWED - {"account"}
        assets = self._assets([3600.0, 7200.0, 1800.0, 5400.0])
        with patch.object(account_move, "COPY_OVERRIDES_ALLOWED", allowed):
            self.assertIn(
                "overridden by account",
                self.env["account.move"]._it_asset_copy_fence(),
            )
            self._assert_all_through_the_engine(assets)

    def test_a_missing_odoo_internal_sends_entries_to_the_engine(self):
        # as if a private API the copies rely on were renamed within 18.0
        api = (*account_move._PRIVATE_API, "_it_asset_renamed_in_a_patch")
        assets = self._assets([3600.0, 7200.0, 1800.0, 5400.0])
        with patch.object(account_move, "_PRIVATE_API", api):
            self.assertIn(
                "_it_asset_renamed_in_a_patch",
                self.env["account.move"]._it_asset_copy_fence(),
            )
            self._assert_all_through_the_engine(assets)

    def test_allowed_overrides_leave_the_copies_on(self):
        self.assertIsNone(self.env["account.move"]._it_asset_copy_fence())
        self.assertLessEqual(
            self.env["account.move"]._it_asset_overriding_modules(),
            account_move.COPY_OVERRIDES_ALLOWED,
        )

    def test_copies_with_wrong_totals_are_rolled_back(self):
        original = AccountMove._it_asset_insert_copies

        def corrupt(model, *args):
            new_ids = original(model, *args)
            # one copied item written with a wrong amount
            model.env.cr.execute(
                "UPDATE account_move_line SET balance = balance + 1 "
                "WHERE id = (SELECT min(id) FROM account_move_line "
                "WHERE move_id = ANY(%s) AND balance > 0)",
                [list(new_ids)],
            )
            return new_ids

        assets = self._assets([3600.0, 7200.0, 1800.0, 5400.0, 2520.0])
        lines = self.env["it.asset.depreciation.line"].search(
            [("asset_id", "in", assets.ids), ("date", "=", JANUARY)]
        )
        with (
            patch.object(
                AccountMove,
                "_it_asset_insert_copies",
                autospec=True,
                side_effect=corrupt,
            ) as insert_copies,
            self.assertLogs("odoo.addons.it_asset.models.account_move", "WARNING"),
        ):
            moves = lines._post_depreciation_lines()
        self.assertEqual(insert_copies.call_count, 1)
        # every entry written by the engine instead, right and numbered on
        self.assertEqual(len(moves), 5)
        self.assertEqual(
            sorted(moves.mapped("amount_total")),
            sorted(c / 36 for c in [3600.0, 7200.0, 1800.0, 5400.0, 2520.0]),
        )
        numbers = sorted(moves.mapped("sequence_number"))
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 5)))
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT count(*) FROM account_move_line l JOIN account_move m "
            "ON m.id = l.move_id WHERE m.journal_id = %s",
            [self.journal.id],
        )
        # the rolled back copies left no row behind: 2 items per entry
        self.assertEqual(self.env.cr.fetchone()[0], 2 * 5)

    def test_one_chatter_line_per_batch_on_the_journal(self):
        assets = self._assets([3600.0, 7200.0, 1800.0, 5400.0, 2520.0])
        _moves, copy_calls = self._post(assets)
        self.assertEqual(copy_calls, 1)
        notes = self.journal.message_ids.filtered(
            lambda m: "written in bulk" in (m.body or "")
        )
        self.assertEqual(len(notes), 1)
        self.assertIn("3 depreciation entries", notes.body)
