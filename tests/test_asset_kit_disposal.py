# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import fields
from odoo.tests import Form, new_test_user, tagged

from .common_depreciation import DepreciationCase


@freeze_time("2026-04-20")
@tagged("post_install", "-at_install")
class TestAssetKitDisposal(DepreciationCase):
    """Dispose (accounting) of a kit, as the accountant: its capitalised
    components leave the books with it, or stay, as chosen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = new_test_user(
            cls.env,
            login="kit_accountant",
            groups="base.group_user,account.group_account_user,"
            "it_asset.group_it_asset_user",
        )

    def setUp(self):
        super().setUp()
        self.laptop = self._capitalised_asset(name="Kit laptop")
        self.dock = self._capitalised_asset(name="Kit dock", acquisition_cost=360.0)
        self.cable = self.env["it.asset"].create(
            {"name": "Kit cable", "category_id": self.category_laptop.id}
        )
        (self.laptop | self.dock | self.cable).action_confirm()
        (self.dock | self.cable).write({"parent_id": self.laptop.id})

    def _dispose(self, policy):
        form = Form(
            self.env["it.asset.dispose"]
            .with_user(self.accountant)
            .with_context(active_model="it.asset", active_id=self.laptop.id)
        )
        self.assertEqual(len(form.component_ids), 2)
        form.date = fields.Date.to_date("2026-04-15")
        form.component_policy = policy
        form.save().action_dispose()

    def test_components_disposed_with_the_kit(self):
        self._dispose("dispose")
        self.assertEqual(
            (self.laptop | self.dock | self.cable).mapped("state"),
            ["disposed", "disposed", "disposed"],
        )
        # the capitalised dock has its own disposal entry, posted
        self.assertEqual(self.dock.depreciation_state, "disposed")
        self.assertEqual(self.dock.disposal_move_id.state, "posted")
        gross = self.dock.disposal_move_id.line_ids.filtered(
            lambda line: line.account_id == self.account_asset
        )
        self.assertEqual(gross.credit, 360.0)
        self.assertEqual(self.laptop.disposal_move_id.state, "posted")

    def test_components_detached_and_kept(self):
        self._dispose("detach")
        self.assertEqual(self.laptop.state, "disposed")
        self.assertEqual((self.dock | self.cable).mapped("state"), ["in_stock"] * 2)
        self.assertFalse((self.dock | self.cable).parent_id)
        self.assertEqual(self.dock.depreciation_state, "running")
        self.assertFalse(self.dock.disposal_move_id)
