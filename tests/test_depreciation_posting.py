# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import SQL

from .common_depreciation import DepreciationCase


@tagged("post_install", "-at_install")
class TestDepreciationPosting(DepreciationCase):
    """Scheduled posting: entries, exactly once, batches, lock dates,
    failures, summary mode, reversal, capitalisation, access rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = new_test_user(
            cls.env,
            login="dep_accountant",
            groups="base.group_user,account.group_account_user,"
            "it_asset.group_it_asset_user",
        )

    def _lines(self, assets, date=None):
        domain = [("asset_id", "in", assets.ids)]
        if date:
            domain.append(("date", "=", date))
        return self.env["it.asset.depreciation.line"].search(domain, order="date")

    @freeze_time("2026-03-15")
    def test_cron_posts_due_lines_once(self):
        assets = self._capitalised_asset() | self._capitalised_asset(
            acquisition_cost=7200.0
        )
        result = self.env["it.asset"]._cron_post_depreciation()
        self.assertEqual(result["posted"], 4)  # January and February, two assets
        self.assertEqual(result["failed"], {})
        posted = self._lines(assets).filtered("move_id")
        self.assertEqual(
            sorted({str(d) for d in posted.mapped("date")}),
            ["2026-01-31", "2026-02-28"],
        )
        move = self._lines(assets[0], "2026-01-31").move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(str(move.date), "2026-01-31")
        self.assertEqual(move.it_asset_id, assets[0])
        self.assertEqual(move.journal_id, self.journal)
        self.assertRecordValues(
            move.line_ids.sorted("debit"),
            [
                {
                    "account_id": self.account_depreciation.id,
                    "debit": 0.0,
                    "credit": 100.0,
                },
                {"account_id": self.account_expense.id, "debit": 100.0, "credit": 0.0},
            ],
        )
        self.assertIn(assets[0].tag, move.ref)
        self.assertIn("2026-01", move.ref)
        self.assertEqual(assets[0].book_value, 3400.0)
        self.assertEqual(assets[1].accumulated_depreciation, 400.0)
        # a second run posts nothing new
        again = self.env["it.asset"]._cron_post_depreciation()
        self.assertEqual(again["posted"], 0)
        self.assertEqual(len(self._lines(assets).filtered("move_id").move_id), 4)

    @freeze_time("2026-06-15")
    def test_batches_post_everything(self):
        assets = self.env["it.asset"].browse()
        for _i in range(3):
            assets |= self._capitalised_asset()
        Cron = type(self.env["ir.cron"])
        with patch.object(Cron, "_notify_progress", autospec=True) as progress:
            result = self.env["it.asset"]._post_depreciation_up_to(
                fields.Date.today(), batch_size=4
            )
        self.assertEqual(result["posted"], 15)  # 3 assets x 5 months
        self.assertEqual(result["moves"], 15)
        # one progress report per batch of 4 lines, the last with nothing left
        self.assertEqual(
            [call.kwargs for call in progress.call_args_list],
            [
                {"done": 4, "remaining": 11},
                {"done": 8, "remaining": 7},
                {"done": 12, "remaining": 3},
                {"done": 15, "remaining": 0},
            ],
        )
        self.assertEqual(len(self._lines(assets).filtered("move_id")), 15)

    def test_fully_depreciated_after_last_line(self):
        asset = self._capitalised_asset(depreciation_life_months=12)
        other = self._capitalised_asset()
        self.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date("2026-11-30"))
        self.assertEqual(asset.depreciation_state, "running")
        self.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date("2026-12-31"))
        self.assertRecordValues(
            asset | other,
            [
                {"depreciation_state": "done", "book_value": 0.0},
                {"depreciation_state": "running", "book_value": 2400.0},
            ],
        )

    def test_summary_mode_one_entry_per_category_and_period(self):
        plan = self.env["account.analytic.plan"].create(
            {"name": "Depreciation test plan"}
        )
        analytic_it, analytic_sales = self.env["account.analytic.account"].create(
            [
                {"name": "IT dept", "plan_id": plan.id},
                {"name": "Sales dept", "plan_id": plan.id},
            ]
        )
        self.category_laptop.posting_mode = "summary"
        assets = (
            self._capitalised_asset(analytic_distribution={str(analytic_it.id): 100})
            | self._capitalised_asset(
                acquisition_cost=7200.0,
                analytic_distribution={str(analytic_it.id): 100},
            )
            | self._capitalised_asset(
                acquisition_cost=1800.0,
                analytic_distribution={str(analytic_sales.id): 100},
            )
        )
        result = self.env["it.asset"]._post_depreciation_up_to(
            fields.Date.to_date("2026-02-10")
        )
        self.assertEqual(
            result,
            {
                "posted": 3,
                "moves": 1,
                "failed": {},
                "deferred": set(),
                "interrupted": False,
            },
        )
        lines = self._lines(assets, "2026-01-31")
        move = lines.move_id
        self.assertEqual(len(move), 1)
        self.assertEqual(len(lines), 3)
        expense = move.line_ids.filtered(
            lambda ml: ml.account_id == self.account_expense
        )
        self.assertEqual(
            sorted((tuple(line.analytic_distribution), line.debit) for line in expense),
            sorted(
                [((str(analytic_it.id),), 300.0), ((str(analytic_sales.id),), 50.0)]
            ),
        )
        credit = move.line_ids.filtered(
            lambda ml: ml.account_id == self.account_depreciation
        )
        self.assertEqual(credit.credit, 350.0)
        self.assertIn("2026-01", move.ref)

    def test_analytic_from_distribution_models(self):
        plan = self.env["account.analytic.plan"].create({"name": "Depreciation cc"})
        analytic = self.env["account.analytic.account"].create(
            {"name": "Laptop fleet", "plan_id": plan.id}
        )
        self.env["account.analytic.distribution.model"].create(
            {
                "product_id": self.product_laptop.id,
                "analytic_distribution": {str(analytic.id): 100},
            }
        )
        asset = self._capitalised_asset(product_id=self.product_laptop.id)
        self.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date("2026-01-31"))
        expense = self._lines(asset, "2026-01-31").move_id.line_ids.filtered(
            lambda ml: ml.account_id == self.account_expense
        )
        self.assertEqual(expense.analytic_distribution, {str(analytic.id): 100})

    def test_locked_period_posts_on_first_open_date(self):
        asset = self._capitalised_asset()
        # (set directly: the demo data has unreconciled bank lines, which the
        # lock date wizard checks)
        self.env.cr.execute(
            SQL(
                "UPDATE res_company SET fiscalyear_lock_date = %s WHERE id = %s",
                "2026-02-28",
                self.company.id,
            )
        )
        self.env.invalidate_all()
        result = self.env["it.asset"]._post_depreciation_up_to(
            fields.Date.to_date("2026-03-31")
        )
        self.assertEqual(result["posted"], 3)
        january = self._lines(asset, "2026-01-31")
        self.assertEqual(str(january.move_id.date), "2026-03-01")
        self.assertEqual(str(january.posting_date), "2026-03-01")
        self.assertIn("2026-01", january.move_id.ref)
        march = self._lines(asset, "2026-03-31")
        self.assertEqual(str(march.move_id.date), "2026-03-31")

    def test_failure_is_isolated_and_reported(self):
        broken_category = self.env["it.asset.category"].create(
            {
                "name": "No accounts",
                "useful_life_months": 12,
                "depreciation_responsible_id": self.accountant.id,
            }
        )
        good = self._capitalised_asset()
        bad = self._capitalised_asset(category_id=broken_category.id)
        result = self.env["it.asset"]._post_depreciation_up_to(
            fields.Date.to_date("2026-01-31")
        )
        self.assertEqual(result["posted"], 1)
        self.assertEqual(list(result["failed"]), [bad.id])
        self.assertIn("Depreciation Expense Account", result["failed"][bad.id])
        self.assertTrue(self._lines(good, "2026-01-31").move_id)
        self.assertFalse(self._lines(bad, "2026-01-31").move_id)
        self.assertIn("could not be posted", bad.message_ids[0].body.striptags())
        activity = bad.activity_ids
        self.assertEqual(activity.user_id, self.accountant)
        self.assertTrue(self._lines(bad, "2026-01-31").failure_message)
        # the next run reports it again, without a second activity
        again = self.env["it.asset"]._post_depreciation_up_to(
            fields.Date.to_date("2026-01-31")
        )
        self.assertEqual(again["posted"], 0)
        self.assertEqual(list(again["failed"]), [bad.id])
        self.assertEqual(len(bad.activity_ids), 1)

    def test_reversal_reopens_the_line(self):
        asset = self._capitalised_asset()
        self.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date("2026-01-31"))
        line = self._lines(asset, "2026-01-31")
        move = line.move_id
        move._reverse_moves(cancel=True)
        self.assertFalse(line.move_id)
        result = self.env["it.asset"]._post_depreciation_up_to(
            fields.Date.to_date("2026-01-31")
        )
        self.assertEqual(result["posted"], 1)
        self.assertTrue(line.move_id)
        self.assertNotEqual(line.move_id, move)

    def test_wizard_posts_up_to_date_and_refuses_before_capitalisation(self):
        asset = self._capitalised_asset("2026-03-01")
        wizard_form = Form(
            self.env["it.asset.post.depreciation"]
            .with_user(self.accountant)
            .with_context(active_model="it.asset", active_ids=asset.ids)
        )
        wizard_form.date = fields.Date.to_date("2026-02-15")
        wizard = wizard_form.save()
        with self.assertRaisesRegex(UserError, "only capitalised on"):
            wizard.action_post()
        wizard.date = fields.Date.to_date("2026-04-30")
        action = wizard.action_post()
        self.assertIn("2 depreciation lines posted", wizard.result)
        self.assertEqual(len(self._lines(asset).filtered("move_id")), 2)
        # it ends on a notification that opens the entries just posted, in
        # the journal-entry views
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("2 depreciation lines posted", action["params"]["message"])
        entries = action["params"]["next"]
        self.assertEqual(entries["res_model"], "account.move")
        self.assertEqual(
            entries["id"], self.env.ref("account.action_move_journal_line").id
        )
        self.assertEqual(
            self.env["account.move"].search(entries["domain"]),
            self._lines(asset).move_id,
        )

    def _capitalise_as_accountant(self, assets):
        wizard_form = Form(
            self.env["it.asset.capitalise"]
            .with_user(self.accountant)
            .with_context(active_model="it.asset", active_ids=assets.ids)
        )
        wizard_form.in_service_date = fields.Date.to_date("2026-02-01")
        wizard_form.account_id = self.account_suspense
        wizard_form.save().action_capitalise()

    def _planner_rows(self, table):
        """(rows the planner's statistics know, rows the table has)."""
        self.env.cr.execute(
            SQL(
                "SELECT reltuples, (SELECT count(*) FROM %s) FROM pg_class "
                "WHERE oid = %s::regclass",
                SQL.identifier(table),
                table,
            )
        )
        return self.env.cr.fetchone()

    def test_mass_capitalisation_refreshes_the_planner_statistics(self):
        """Boards copied in bulk are analysed at once (not a minute later by
        autovacuum): the posting run right after is planned on them."""
        assets = self.env["it.asset"].create(
            [
                {
                    "name": f"Mass {i}",
                    "category_id": self.category_laptop.id,
                    "acquisition_cost": 3600.0,
                }
                for i in range(3)
            ]
        )
        known, _rows = self._planner_rows("it_asset_depreciation_line")
        # 3 boards of 36 lines count as a mass capitalisation here
        with patch.object(type(self.env["it.asset"]), "_ANALYZE_MIN_ROWS", 100):
            self._capitalise_as_accountant(assets)
        self.assertEqual(len(assets.depreciation_line_ids), 108)
        known_after, rows = self._planner_rows("it_asset_depreciation_line")
        self.assertNotEqual(known, rows)
        self.assertEqual(known_after, rows)

    def test_everyday_capitalisation_leaves_the_statistics_to_autovacuum(self):
        asset = self._create_asset(acquisition_cost=3600.0)
        known, _rows = self._planner_rows("it_asset_depreciation_line")
        self._capitalise_as_accountant(asset)
        self.assertEqual(len(asset.depreciation_line_ids), 36)
        self.assertEqual(self._planner_rows("it_asset_depreciation_line")[0], known)

    def test_capitalise_wizard_posts_gross_value(self):
        asset = self._create_asset(acquisition_cost=2400.0)
        self._capitalise_as_accountant(asset)
        self.assertEqual(asset.depreciation_state, "running")
        move = asset.capitalisation_move_id
        self.assertEqual(move.state, "posted")
        self.assertRecordValues(
            move.line_ids.sorted("debit"),
            [
                {
                    "account_id": self.account_suspense.id,
                    "debit": 0.0,
                    "credit": 2400.0,
                },
                {"account_id": self.account_asset.id, "debit": 2400.0, "credit": 0.0},
            ],
        )
        self.assertEqual(len(asset.depreciation_line_ids), 36)
        self.assertEqual(
            str(asset.depreciation_line_ids.sorted("date")[0].date), "2026-02-28"
        )

    def test_capitalise_refuses_missing_accounts(self):
        category = self.env["it.asset.category"].create({"name": "Bare"})
        asset = self._create_asset(category_id=category.id, acquisition_cost=500.0)
        wizard = self.env["it.asset.capitalise"].create(
            {
                "asset_ids": [(6, 0, asset.ids)],
                "in_service_date": "2026-01-01",
                "account_id": self.account_suspense.id,
            }
        )
        with self.assertRaisesRegex(UserError, "Fixed Asset Account"):
            wizard.action_capitalise()
        self.assertEqual(asset.depreciation_state, "draft")
        self.assertFalse(asset.depreciation_line_ids)

    def test_it_user_cannot_post_or_capitalise(self):
        asset = self._capitalised_asset()
        with self.assertRaises(AccessError):
            self.env["it.asset.post.depreciation"].with_user(self.it_user).create(
                {"date": "2026-01-31"}
            )
        with self.assertRaises(AccessError):
            self.env["it.asset.capitalise"].with_user(self.it_manager).create(
                {"asset_ids": [(6, 0, asset.ids)], "in_service_date": "2026-01-01"}
            )
        with self.assertRaises(AccessError):
            self.env["it.asset.depreciation.line"].with_user(self.it_manager).create(
                {
                    "asset_id": asset.id,
                    "date": "2030-01-31",
                    "period_start": "2030-01-01",
                    "amount": 1.0,
                }
            )
        # IT users read the board, plain employees do not
        lines = asset.depreciation_line_ids.with_user(self.it_user)
        self.assertEqual(len(lines.read(["amount"])), 36)
        with self.assertRaises(AccessError):
            asset.depreciation_line_ids.with_user(self.employee_user).read(["amount"])
