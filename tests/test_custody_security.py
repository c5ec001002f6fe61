# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .custody_common import CustodyCase


@tagged("post_install", "-at_install")
class TestCustodySecurity(CustodyCase):
    """IT users manage custody; a plain employee sees and accepts only their
    own custodies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_2 = new_test_user(
            cls.env, login="plain_employee_2", groups="base.group_user"
        )
        cls.employee_2.user_id = cls.user_2
        cls.mine = cls.env["it.asset.custody"]._checkout(
            cls.assets[:2], cls.employee, date(2026, 3, 2)
        )
        cls.theirs = cls.env["it.asset.custody"]._checkout(
            cls.assets[2], cls.employee_2, date(2026, 3, 2)
        )

    def test_employee_sees_only_their_custodies(self):
        Custody = self.env["it.asset.custody"].with_user(self.employee_user)
        self.assertEqual(Custody.search([]), self.mine)
        self.assertEqual(
            self.mine.with_user(self.employee_user).read(
                ["asset_tag", "serial_number", "asset_name"]
            )[0]["asset_name"],
            "Custody laptop 0",
        )
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.employee_user).read(["asset_name"])
        # what the custody form shows them is readable
        values = (
            self.mine[0]
            .with_user(self.employee_user)
            .web_read(
                {
                    "holder_name": {},
                    "holder_department_id": {"fields": {"display_name": {}}},
                    "checkout_user_id": {"fields": {"display_name": {}}},
                    "date_start": {},
                    "condition_out": {},
                    "state": {},
                    "delivery_address": {},
                    "activity_ids": {},
                    "message_ids": {},
                }
            )[0]
        )
        self.assertEqual(values["holder_name"], "Alice Custody")
        self.assertEqual(values["holder_department_id"]["display_name"], "Test Finance")
        # the "My IT Assets" menu action shows them
        action = self.env.ref("it_asset.it_asset_custody_action_my")
        self.assertIn("holder_user_id", action.domain)

    def test_employee_accepts_their_own_custody_only(self):
        mine = self.mine.with_user(self.employee_user)
        mine[0].action_accept()
        self.assertRecordValues(
            self.mine[0],
            [{"state": "active", "accepted_user_id": self.employee_user.id}],
        )
        self.assertTrue(self.mine[0].accepted_datetime)
        self.assertEqual(self.assets[0].custody_state, "active")
        with self.assertRaises(UserError):
            mine[0].action_accept()
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.employee_user).action_accept()
        # IT cannot accept in the employee's place either
        with self.assertRaises(AccessError):
            self.mine[1].with_user(self.it_user).action_accept()
        self.assertEqual(self.mine[1].state, "waiting")
        self.assertEqual(self.theirs.state, "waiting")

    def test_employee_can_do_nothing_else(self):
        Custody = self.env["it.asset.custody"].with_user(self.employee_user)
        with self.assertRaises(AccessError):
            self.mine.with_user(self.employee_user).write({"notes": "mine now"})
        with self.assertRaises(AccessError):
            Custody.create(
                {"asset_id": self.assets[0].id, "employee_id": self.employee.id}
            )
        with self.assertRaises(AccessError):
            self.mine.with_user(self.employee_user).unlink()
        with self.assertRaises(AccessError):
            self.env["it.asset.checkout"].with_user(self.employee_user).create(
                {
                    "asset_ids": [(6, 0, self.assets.ids)],
                    "employee_id": self.employee.id,
                }
            )
        with self.assertRaises(AccessError):
            self.env["it.asset.checkin"].with_user(self.employee_user).create(
                {
                    "asset_ids": [(6, 0, self.assets.ids)],
                    "location_id": self.stock_room.id,
                }
            )
        with self.assertRaises(AccessError):
            Custody._checkin(self.assets[:2], self.stock_room)
        with self.assertRaises(AccessError):
            Custody._handover(self.assets[:2], self.employee_2)
        self.assertEqual(set(self.mine.mapped("state")), {"waiting"})

    def test_it_user_manages_custody(self):
        assets = self._create_assets(2)
        wizard = (
            self.env["it.asset.checkout"]
            .with_user(self.it_user)
            .create(
                {
                    "asset_ids": [(6, 0, assets.ids)],
                    "holder_type": "department",
                    "department_id": self.department.id,
                    "date": date(2026, 3, 5),
                }
            )
        )
        wizard.action_confirm()
        Custody = self.env["it.asset.custody"].with_user(self.it_user)
        self.assertEqual(
            Custody.search([("asset_id", "in", assets.ids)]).department_id,
            self.department,
        )
        self.assertIn(self.theirs, Custody.search([]))
        # an IT user without HR rights checks out to an employee
        other = self._create_assets(1)
        Custody._checkout(other, self.employee_2, date(2026, 3, 5))
        self.assertEqual(other.holder_employee_id, self.employee_2)
        # the department has no manager with a user: an IT manager accepts
        # on its behalf, an IT user cannot
        with self.assertRaises(AccessError):
            assets.custody_id.with_user(self.it_user).action_accept()
        with self.assertRaises(AccessError):
            assets.custody_id.with_user(self.it_user).action_accept_on_behalf()
        assets.custody_id.with_user(self.it_manager).action_accept_on_behalf()
        self.assertEqual(set(assets.mapped("custody_state")), {"active"})
        with self.assertRaises(AccessError):
            assets.custody_ids.with_user(self.it_user).unlink()
        self.assertEqual(len(assets.custody_ids), 2)

    def test_manager_cannot_delete_history(self):
        with self.assertRaises(UserError):
            self.mine[0].with_user(self.it_manager).unlink()

    def test_custodies_of_another_company_are_hidden(self):
        other_company = self.env["res.company"].create({"name": "Other Custody Co"})
        asset = self.env["it.asset"].create(
            {
                "name": "Foreign laptop",
                "category_id": self.category_laptop.id,
                "company_id": other_company.id,
                "state": "in_stock",
                "acquisition_date": date(2026, 1, 5),
            }
        )
        employee = self.env["hr.employee"].create(
            {"name": "Foreign Holder", "company_id": other_company.id}
        )
        custody = (
            self.env["it.asset.custody"]
            .with_company(other_company)
            ._checkout(asset, employee, date(2026, 3, 2))
        )
        self.assertEqual(custody.company_id, other_company)
        Custody = self.env["it.asset.custody"].with_user(self.it_user)
        self.assertNotIn(custody, Custody.search([]))
        with self.assertRaises(AccessError):
            custody.with_user(self.it_user).read(["state"])

    def test_it_user_reaches_an_employees_assets_without_hr_rights(self):
        """Odoo 18.0's Employees app fails for users without HR rights (its
        search view names a field they cannot read): from a custody or an
        asset, IT opens everything its holder holds."""
        self.assertFalse(self.it_user.has_group("hr.group_hr_user"))
        action = self.mine[0].with_user(self.it_user).action_view_holder_assets()
        Asset = self.env["it.asset"].with_user(self.it_user)
        self.assertEqual(Asset.search(action["domain"]), self.assets[:2])
        self.assertIn("Alice Custody", action["display_name"])
        from_asset = self.assets[2].with_user(self.it_user).action_view_holder_assets()
        self.assertEqual(Asset.search(from_asset["domain"]), self.assets[2])
