# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .custody_common import CustodyCase

DAY = date(2026, 3, 2)


@tagged("post_install", "-at_install")
class TestAssetKit(CustodyCase):
    """Kits: a laptop with its dock and monitor moves together; run as the
    IT user who manages them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.laptop, cls.dock, cls.monitor = cls.assets
        cls.it_env = cls.env(user=cls.it_user)
        cls.Custody = cls.it_env["it.asset.custody"]

    def _kit(self):
        """The IT user puts the dock and the monitor in the laptop's kit."""
        laptop = self.laptop.with_user(self.it_user)
        (self.dock | self.monitor).with_user(self.it_user).write(
            {"parent_id": laptop.id}
        )
        return laptop

    def test_kit_is_built_and_shown(self):
        laptop = self._kit()
        self.assertEqual(laptop.child_ids, self.dock | self.monitor)
        self.assertEqual(laptop.component_count, 2)
        action = laptop.action_view_components()
        self.assertEqual(
            self.env["it.asset"].search(action["domain"]), self.dock | self.monitor
        )
        groups = (
            self.it_env["it.asset"]
            .with_context(active_test=False)
            ._read_group(
                [("id", "in", self.assets.ids), ("parent_id", "!=", False)],
                ["parent_id"],
                ["__count"],
            )
        )
        self.assertEqual(groups, [(self.laptop, 2)])

    def test_checkout_moves_the_kit_with_linked_custodies(self):
        laptop = self._kit()
        custodies = self.Custody._checkout(laptop, self.employee, DAY)
        self.assertEqual(custodies.asset_id, self.assets)
        by_asset = {c.asset_id: c for c in custodies}
        parent_custody = by_asset[self.laptop]
        self.assertFalse(parent_custody.kit_custody_id)
        self.assertEqual(by_asset[self.dock].kit_custody_id, parent_custody)
        self.assertEqual(by_asset[self.monitor].kit_custody_id, parent_custody)
        self.assertEqual(
            parent_custody.component_custody_ids, custodies - parent_custody
        )
        self.assertEqual(set(self.assets.mapped("state")), {"in_use"})
        self.assertEqual(set(self.assets.mapped("holder_employee_id")), {self.employee})

    def test_handover_and_checkin_move_the_kit(self):
        laptop = self._kit()
        self.Custody._checkout(laptop, self.employee, DAY)
        handed = self.Custody._handover(laptop, self.employee_2, date(2026, 4, 1))
        self.assertEqual(handed.asset_id, self.assets)
        self.assertEqual(
            set(self.assets.mapped("holder_employee_id")), {self.employee_2}
        )
        self.assertEqual(
            handed.filtered(lambda c: c.asset_id == self.dock).kit_custody_id.asset_id,
            self.laptop,
        )
        returned = self.Custody._checkin(laptop, self.stock_room, date(2026, 5, 1))
        self.assertEqual(returned.asset_id, self.assets)
        self.assertFalse(self.assets.custody_id)
        self.assertEqual(set(self.assets.mapped("state")), {"in_stock"})
        self.assertEqual(self.assets.location_id, self.stock_room)

    def test_wizard_checks_the_kit_out(self):
        laptop = self._kit()
        wizard = Form(
            self.it_env["it.asset.checkout"].with_context(
                active_model="it.asset", active_ids=laptop.ids
            )
        )
        wizard.employee_id = self.employee
        wizard.date = DAY
        wizard.save().action_confirm()
        self.assertEqual(self.dock.holder_employee_id, self.employee)

    def test_component_cannot_move_alone(self):
        self._kit()
        with self.assertRaisesRegex(UserError, "part of kit"):
            self.Custody._checkout(self.dock, self.employee, DAY)
        self.assertFalse(self.dock.custody_id)
        self.Custody._checkout(self.laptop, self.employee, DAY)
        for method, args in (
            ("_checkin", (self.dock, self.stock_room, date(2026, 4, 1))),
            ("_handover", (self.dock, self.employee_2, date(2026, 4, 1))),
        ):
            with self.subTest(method), self.assertRaisesRegex(UserError, "part of kit"):
                getattr(self.Custody, method)(*args)
        self.assertEqual(self.dock.holder_employee_id, self.employee)

    def test_detached_component_moves_on_its_own(self):
        self._kit()
        self.Custody._checkout(self.laptop, self.employee, DAY)
        self.dock.with_user(self.it_user).action_detach_from_kit()
        self.assertFalse(self.dock.parent_id)
        # it keeps its custody and is now checked in on its own
        self.assertEqual(self.dock.holder_employee_id, self.employee)
        self.Custody._checkin(self.dock, self.stock_room, date(2026, 4, 1))
        self.assertFalse(self.dock.custody_id)
        self.assertEqual(self.laptop.holder_employee_id, self.employee)
        self.assertTrue(
            any(
                "Detached from kit" in body
                for body in self.dock.message_ids.mapped("body")
            )
        )

    def test_kit_does_not_change_while_out(self):
        laptop = self._kit()
        self.Custody._checkout(laptop, self.employee, DAY)
        spare = self._create_assets(1)
        with self.assertRaisesRegex(UserError, "checked out"):
            spare.with_user(self.it_user).write({"parent_id": laptop.id})
        with self.assertRaisesRegex(UserError, "checked out"):
            self.dock.with_user(self.it_user).write({"parent_id": False})
        self.assertFalse(spare.parent_id)
        self.assertEqual(self.dock.parent_id, laptop)

    def test_no_cycle_and_same_company(self):
        laptop = self._kit()
        # Odoo's assertRaises rolls back what the refused write did
        with self.assertRaises(ValidationError) as caught:
            laptop.write({"parent_id": self.dock.id})
        self.assertIn("component of itself", str(caught.exception))
        laptop.invalidate_recordset()
        self.assertFalse(laptop.parent_id)
        other = self.env["res.company"].create({"name": "Other Kit Company"})
        foreign = self.env["it.asset"].create(
            {
                "name": "Foreign dock",
                "category_id": self.category_laptop.id,
                "company_id": other.id,
            }
        )
        with self.assertRaises(UserError):
            foreign.write({"parent_id": laptop.id})
        foreign.invalidate_recordset()
        self.assertFalse(foreign.parent_id)

    def test_dispose_asks_what_becomes_of_components(self):
        laptop = self._kit()
        action = laptop.with_user(self.it_user).action_dispose()
        self.assertEqual(action["res_model"], "it.asset.kit.dispose")
        self.assertEqual(laptop.state, "in_stock")
        wizard = Form(
            self.it_env["it.asset.kit.dispose"].with_context(**action["context"])
        )
        self.assertEqual(len(wizard.component_ids), 2)
        wizard.component_policy = "detach"
        wizard.save().action_confirm()
        self.assertEqual(laptop.state, "disposed")
        self.assertEqual(set((self.dock | self.monitor).mapped("state")), {"in_stock"})
        self.assertFalse((self.dock | self.monitor).parent_id)

    def test_dispose_components_with_the_kit(self):
        laptop = self._kit()
        action = laptop.with_user(self.it_user).action_dispose()
        wizard = Form(
            self.it_env["it.asset.kit.dispose"].with_context(**action["context"])
        )
        wizard.component_policy = "dispose"
        wizard.save().action_confirm()
        self.assertEqual(set(self.assets.mapped("state")), {"disposed"})
        self.assertTrue(
            any(
                "Disposed of with its kit" in body
                for body in self.dock.message_ids.mapped("body")
            )
        )

    def test_stock_scrap_of_a_kit_detaches_components(self):
        """Without a decision (a disposal from the stock side), components
        are kept."""
        laptop = self._kit()
        laptop._change_state("disposed")
        self.assertFalse(self.dock.parent_id)
        self.assertEqual(self.dock.state, "in_stock")

    def test_employee_cannot_build_kits(self):
        employee_env = self.env(user=self.employee_user)
        with self.assertRaises(AccessError):
            employee_env["it.asset"].browse(self.dock.id).write(
                {"parent_id": self.laptop.id}
            )
        self.assertFalse(self.dock.parent_id)

    def test_kit_form_adds_and_detaches_existing_assets(self):
        """The Components tab adds existing assets and removing a row
        detaches it (the asset stays in the register)."""
        laptop = self.laptop.with_user(self.it_user)
        laptop.write({"child_ids": [Command.link(self.dock.id)]})
        self.assertEqual(self.dock.parent_id, self.laptop)
        laptop.write({"child_ids": [Command.unlink(self.dock.id)]})
        self.assertTrue(self.dock.exists())
        self.assertFalse(self.dock.parent_id)
        self.assertEqual(self.dock.state, "in_stock")
