# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCustodyTour(HttpCase):
    def test_checkout_and_checkin_from_the_asset_form(self):
        """An IT user (IT Assets / User, no Inventory or HR rights) checks a
        laptop out to an employee from the asset form, scanning a charger's
        tag into the dialog (Add by Scan), then checks both in."""
        it_user = new_test_user(
            self.env, login="tour_it_user", groups="it_asset.group_it_asset_user"
        )
        category = self.env["it.asset.category"].create({"name": "Tour Laptops"})
        asset = self.env["it.asset"].create(
            {"name": "Tour Custody Laptop", "category_id": category.id}
        )
        charger = self.env["it.asset"].create(
            {"name": "Tour Charger", "tag": "TOUR-SCAN-2", "category_id": category.id}
        )
        (asset | charger).action_confirm()
        employee = self.env["hr.employee"].create({"name": "Tour Holder"})
        self.start_tour(
            f"/odoo/it-assets/{asset.id}",
            "it_asset_custody_tour",
            login=it_user.login,
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
                    "checkout_user_id": it_user.id,
                    "checkin_user_id": it_user.id,
                }
            ],
        )
        self.assertEqual(asset.state, "in_stock")
        self.assertFalse(asset.custody_id)
        self.assertRecordValues(
            charger.custody_ids, [{"employee_id": employee.id, "state": "returned"}]
        )
        self.assertEqual(charger.state, "in_stock")


@tagged("post_install", "-at_install")
class TestCustodyAcceptPhoneTour(HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_employee_accepts_on_a_phone(self):
        """An employee with no IT group accepts, on a 390x844 screen, the
        laptop IT checked out to them, from its card in My IT Assets."""
        employee_user = new_test_user(
            self.env, login="tour_employee", groups="base.group_user"
        )
        it_user = new_test_user(
            self.env, login="tour_it_phone", groups="it_asset.group_it_asset_user"
        )
        employee = self.env["hr.employee"].create(
            {"name": "Tour Phone Holder", "user_id": employee_user.id}
        )
        category = self.env["it.asset.category"].create({"name": "Tour Phones"})
        asset = self.env["it.asset"].create(
            {"name": "Tour Phone Laptop", "category_id": category.id}
        )
        asset.action_confirm()
        custody = (
            self.env["it.asset.custody"].with_user(it_user)._checkout(asset, employee)
        )
        self.assertEqual(custody.state, "waiting")
        self.start_tour(
            "/odoo/my-it-assets",
            "it_asset_custody_accept_phone_tour",
            login=employee_user.login,
            timeout=120,
        )
        self.assertRecordValues(
            custody,
            [
                {
                    "state": "active",
                    "accepted_user_id": employee_user.id,
                    "accepted_on_behalf": False,
                }
            ],
        )
