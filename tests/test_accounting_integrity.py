# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime as dt
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.it_asset.models.account_move import AccountMove

from .common_depreciation import DepreciationCase

TODAY = "2026-04-20"


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestAccountingIntegrity(DepreciationCase):
    """What finance signs stays as posted, whoever writes: posted history,
    the board and a capitalised asset's basis change through the actions
    only; reversals reopen a period once they are posted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # accounting rights, no IT group
        cls.accountant = new_test_user(
            cls.env,
            login="integrity_accountant",
            groups="base.group_user,account.group_account_user",
        )
        # finance doing the register's accounting (the wizards)
        cls.finance = new_test_user(
            cls.env,
            login="integrity_finance",
            groups="base.group_user,account.group_account_user,"
            "it_asset.group_it_asset_user",
        )

    def setUp(self):
        super().setUp()
        self.asset = self._capitalised_asset()
        self.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date("2026-03-31"))
        lines = self.asset.depreciation_line_ids.sorted("date")
        self.posted = lines.filtered("move_id")
        self.unposted = lines - self.posted

    # ------------------------------------------------------------------
    # posted history and the board
    # ------------------------------------------------------------------
    def test_posted_line_cannot_be_unposted_by_anyone(self):
        line = self.posted[-1]
        move = line.move_id
        with self.assertRaises(AccessError):
            line.with_user(self.accountant).write({"move_id": False})
        with self.assertRaisesRegex(UserError, "only be changed through the actions"):
            line.write({"move_id": False})
        line.invalidate_recordset()
        self.assertEqual(line.move_id, move)
        # the next run does not post that period again
        self.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date(TODAY))
        self.assertEqual(
            len(self.asset.depreciation_line_ids.filtered("move_id").move_id), 3
        )

    def test_unposted_line_and_new_lines_are_not_entered_by_hand(self):
        line = self.unposted[0]
        for user in (self.accountant, self.finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                line.with_user(user).write({"amount": 1e9})
        with self.assertRaisesRegex(UserError, "only be changed through the actions"):
            line.write({"amount": 1e9})
        with self.assertRaisesRegex(UserError, "only be changed through the actions"):
            self.env["it.asset.depreciation.line"].create(
                {
                    "asset_id": self.asset.id,
                    "date": "2030-01-31",
                    "period_start": "2030-01-01",
                    "amount": 1e9,
                }
            )
        line.invalidate_recordset()
        self.assertEqual(line.amount, 100.0)

    def test_capitalised_basis_changes_through_change_depreciation_only(self):
        it_user = self.it_user
        asset = self.asset.with_user(it_user)
        book_value = self.asset.book_value
        for vals in (
            {"acquisition_cost": 99999.0},
            {"depreciation_life_months": 1},
            {"category_id": self.category_licence.id},
            {"in_service_date": "2025-01-01"},
        ):
            with self.subTest(vals=vals):
                with self.assertRaisesRegex(UserError, "Change Depreciation"):
                    asset.write(vals)
        with self.assertRaisesRegex(UserError, "only be changed through the actions"):
            asset.write({"depreciation_state": "draft"})
        self.asset.invalidate_recordset()
        self.assertEqual(self.asset.book_value, book_value)
        self.assertEqual(self.asset.depreciation_state, "running")
        # writing what is already there, or a field outside the basis, is fine
        asset.write({"acquisition_cost": 3600.0, "hostname": "lt-042"})
        # Change Depreciation, by finance, still changes the life
        wizard = Form(
            self.env["it.asset.revalue"]
            .with_user(self.finance)
            .with_context(active_model="it.asset", active_id=self.asset.id)
        )
        wizard.date = fields.Date.to_date(TODAY)
        wizard.useful_life_months = 48
        wizard.save().action_revalue()
        self.assertEqual(self.asset.depreciation_life_months, 48)

    def test_a_draft_asset_basis_stays_editable(self):
        draft = self.env["it.asset"].create(
            {"name": "Draft laptop", "category_id": self.category_laptop.id}
        )
        draft.with_user(self.it_user).write(
            {"acquisition_cost": 1500.0, "depreciation_life_months": 24}
        )
        self.assertEqual(draft.acquisition_cost, 1500.0)

    def test_fully_depreciated_shows_in_the_chatter(self):
        asset = self._capitalised_asset(depreciation_life_months=2)
        asset = asset.with_context(tracking_disable=False)
        asset.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date(TODAY))
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(asset.depreciation_state, "done")
        tracked = asset.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "depreciation_state"
        )
        self.assertEqual(tracked.mapped("new_value_char"), ["Fully Depreciated"])

    # ------------------------------------------------------------------
    # reversals
    # ------------------------------------------------------------------
    def _reverse(self, move, date):
        form = Form(
            self.env["account.move.reversal"]
            .with_user(self.accountant)
            .with_context(active_model="account.move", active_ids=move.ids)
        )
        form.date = fields.Date.to_date(date)
        form.journal_id = self.journal
        form.save().reverse_moves()
        return move.reversal_move_ids

    def test_reversal_posted_today_reopens_the_period(self):
        line = self.posted[-1]
        move = line.move_id
        reversal = self._reverse(move, TODAY)
        self.assertEqual(reversal.state, "posted")
        self.assertFalse(line.move_id)
        # the next run posts that period again, once
        self.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date(TODAY))
        self.assertTrue(line.move_id)
        self.assertNotEqual(line.move_id, move)

    def test_future_reversal_reopens_only_once_posted(self):
        line = self.posted[-1]
        move = line.move_id
        reversal = self._reverse(move, "2026-05-10")
        self.assertEqual((reversal.state, reversal.auto_post), ("draft", "at_date"))
        self.assertEqual(line.move_id, move, "a draft reversal reopened the period")
        self.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date(TODAY))
        self.assertEqual(line.move_id, move)
        # deleting the draft leaves the period posted once
        reversal.with_user(self.accountant).unlink()
        self.assertEqual(line.move_id, move)
        # a future reversal posted on its date by Odoo reopens it then
        reversal = self._reverse(move, "2026-05-10")
        with freeze_time("2026-05-10"):
            self.env["account.move"]._autopost_draft_entries()
        self.assertEqual(reversal.state, "posted")
        self.assertFalse(line.move_id)

    # ------------------------------------------------------------------
    # bad input
    # ------------------------------------------------------------------
    def test_not_a_number_is_refused_clearly(self):
        for field, value in (
            ("acquisition_cost", float("nan")),
            ("acquisition_cost", float("inf")),
            ("declining_rate", float("-inf")),
        ):
            with self.subTest(field=field, value=value):
                with self.assertRaisesRegex(ValidationError, "must be a number"):
                    self.env["it.asset"].with_user(self.it_user).create(
                        {
                            "name": "Odd laptop",
                            "category_id": self.category_laptop.id,
                            field: value,
                        }
                    )
        with self.assertRaisesRegex(ValidationError, "must be a number"):
            self.category_laptop.write({"declining_rate": float("nan")})

    def _capitalise(self, assets, account=None):
        form = Form(
            self.env["it.asset.capitalise"]
            .with_user(self.finance)
            .with_context(active_model="it.asset", active_ids=assets.ids)
        )
        form.in_service_date = fields.Date.to_date(TODAY)
        if account:
            form.account_id = account
        return form.save().action_capitalise()

    def test_capitalisation_needs_a_cost_and_the_accounts(self):
        free = self.env["it.asset"].create(
            {"name": "Free laptop", "category_id": self.category_laptop.id}
        )
        free.action_confirm()
        with self.assertRaisesRegex(UserError, "no acquisition cost"):
            self._capitalise(free, self.account_suspense)
        self.assertEqual(free.depreciation_state, "draft")
        bare = self.env["it.asset.category"].create(
            {"name": "No accounts", "depreciation_method": "linear"}
        )
        unbooked = self.env["it.asset"].create(
            {"name": "Laptop", "category_id": bare.id, "acquisition_cost": 900.0}
        )
        unbooked.action_confirm()
        # without a counterpart (a migrated asset) too
        with self.assertRaisesRegex(UserError, "Missing accounting settings"):
            self._capitalise(unbooked)
        self.assertEqual(unbooked.depreciation_state, "draft")
        self.assertFalse(unbooked.depreciation_line_ids)

    def test_disposal_in_the_future_is_refused_with_the_date(self):
        form = Form(
            self.env["it.asset.dispose"]
            .with_user(self.finance)
            .with_context(active_model="it.asset", active_id=self.asset.id)
        )
        form.date = dt.date(9999, 12, 31)
        with self.assertRaisesRegex(UserError, "in the future"):
            form.save().action_dispose()
        self.assertEqual(self.asset.depreciation_state, "running")
        self.assertFalse(self.asset.disposal_move_id)

    # ------------------------------------------------------------------
    # the engine writes every entry by default
    # ------------------------------------------------------------------
    def _five_capitalised_assets(self):
        """Five assets of one shape (what bulk copies would apply to)."""
        return self.env["it.asset"].union(
            *(
                self._capitalised_asset(acquisition_cost=cost)
                for cost in (3600.0, 7200.0, 1800.0, 5400.0, 2520.0)
            )
        )

    def test_every_entry_through_the_engine_by_default(self):
        # off for a new company (and for every company after the upgrade to
        # 18.0.1.2.0, see migrations/)
        self.assertFalse(
            self.env["res.company"].create({"name": "New Co"}).it_asset_entry_copies
        )
        self.company.it_asset_entry_copies = False
        assets = self._five_capitalised_assets()
        with patch.object(
            AccountMove, "_it_asset_copy_entries", autospec=True
        ) as copies:
            self.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date(TODAY))
        copies.assert_not_called()
        self.assertEqual(len(assets.depreciation_line_ids.filtered("move_id")), 15)

    def test_audit_trail_logs_each_entry_and_forbids_copies(self):
        self.company.write(
            {"check_account_audit_trail": True, "it_asset_entry_copies": True}
        )
        assets = self._five_capitalised_assets()
        with patch.object(
            AccountMove, "_it_asset_copy_entries", autospec=True
        ) as copies:
            self.env["it.asset"].with_context(
                tracking_disable=False
            )._post_depreciation_up_to(fields.Date.to_date(TODAY))
        copies.assert_not_called()
        moves = assets.depreciation_line_ids.move_id
        self.assertEqual(len(moves), 15)
        for move in moves:
            self.assertTrue(move.message_ids, f"{move.name} has no creation log")
        # Auto-Check on Post went through Odoo's own write, as for any entry
        self.assertEqual(set(moves.mapped("checked")), {True})
