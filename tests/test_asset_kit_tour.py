# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAssetKitTour(HttpCase):
    def test_kit_goes_out_together_and_a_detached_component_comes_back_alone(self):
        """An IT user checks a laptop out with its dock from the laptop's
        form; then, on the dock's form, detaches it and checks it in."""
        it_user = new_test_user(
            self.env, login="tour_kit_user", groups="it_asset.group_it_asset_user"
        )
        category = self.env["it.asset.category"].create({"name": "Tour Kits"})
        laptop, dock = self.env["it.asset"].create(
            [
                {"name": "Tour Kit Laptop", "category_id": category.id},
                {"name": "Tour Dock", "category_id": category.id},
            ]
        )
        (laptop | dock).action_confirm()
        dock.parent_id = laptop
        employee = self.env["hr.employee"].create({"name": "Tour Kit Holder"})
        self.start_tour(
            f"/odoo/it-assets/{laptop.id}",
            "it_asset_kit_tour",
            login=it_user.login,
            timeout=120,
        )
        self.assertEqual((laptop | dock).holder_employee_id, employee)
        self.assertEqual(dock.custody_id.kit_custody_id, laptop.custody_id)
        self.start_tour(
            f"/odoo/it-assets/{dock.id}",
            "it_asset_kit_component_tour",
            login=it_user.login,
            timeout=120,
        )
        self.assertFalse(dock.parent_id)
        self.assertEqual(dock.state, "in_stock")
        self.assertFalse(dock.custody_id)
        self.assertEqual(laptop.holder_employee_id, employee)
