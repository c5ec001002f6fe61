# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCustodyTour(HttpCase):
    def test_checkout_and_checkin_from_the_asset_form(self):
        """From the asset form: check a laptop out to an employee, then in."""
        category = self.env["it.asset.category"].create({"name": "Tour Laptops"})
        asset = self.env["it.asset"].create(
            {"name": "Tour Custody Laptop", "category_id": category.id}
        )
        asset.action_confirm()
        employee = self.env["hr.employee"].create({"name": "Tour Holder"})
        self.start_tour(
            f"/odoo/it-assets/{asset.id}",
            "it_asset_custody_tour",
            login="admin",
            timeout=120,
        )
        custody = asset.custody_ids
        self.assertEqual(len(custody), 1)
        self.assertRecordValues(
            custody,
            [
                {
                    "employee_id": employee.id,
                    "state": "returned",
                    "checkout_user_id": self.env.ref("base.user_admin").id,
                }
            ],
        )
        self.assertEqual(asset.state, "in_stock")
        self.assertFalse(asset.custody_id)
