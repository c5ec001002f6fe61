# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.it_asset.models.stock_move import movement_kind

from .common_stock import ItAssetStockCase


@tagged("post_install", "-at_install")
class TestStockMoves(ItAssetStockCase):
    """Transfers, deployments, returns and scraps drive the register."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.receipt = cls._receive(
            cls.product_laptop, serials=["SN-M-1", "SN-M-2"], price=1000.0
        )
        cls.assets = cls._assets_of(cls.receipt)
        cls.asset_1, cls.asset_2 = cls.assets.sorted(lambda a: a.serial_number)
        cls.server_room = cls.env["stock.location"].create(
            {
                "name": "Test Server Room",
                "usage": "internal",
                "location_id": cls.stock_room.location_id.id,
            }
        )

    def _capture_hook(self):
        calls = []

        def hook(assets, changes):
            calls.append((assets, changes))

        return calls, patch.object(
            type(self.env["it.asset"]),
            "_it_asset_after_stock_sync",
            autospec=True,
            side_effect=hook,
        )

    def test_internal_transfer_moves_the_asset(self):
        calls, patcher = self._capture_hook()
        with patcher:
            picking = self._transfer(self.asset_1.lot_id, self.server_room)
        self.assertRecordValues(
            self.asset_1 | self.asset_2,
            [
                {"location_id": self.server_room.id, "state": "in_stock"},
                {"location_id": self.stock_room.id, "state": "in_stock"},
            ],
        )
        self.assertIn(picking.name, self.asset_1.message_ids[:1].body)
        self.assertEqual(len(calls), 1)
        assets, changes = calls[0]
        self.assertEqual(assets, self.asset_1)
        self.assertEqual(changes[0]["kind"], "internal")
        self.assertEqual(changes[0]["location_to"], self.server_room)
        self.assertEqual(changes[0]["move_line"].picking_id, picking)
        # internal to internal: no valuation entry
        self.assertFalse(picking.move_ids.account_move_ids)

    def test_deployment_capitalises_and_return_reverses(self):
        calls, patcher = self._capture_hook()
        capitalised = []
        original = type(self.env["it.asset"])._it_asset_on_capitalised

        def on_capitalised(assets, date, stock_move=None):
            capitalised.append((assets, date, stock_move))
            return original(assets, date, stock_move=stock_move)

        with (
            patcher,
            patch.object(
                type(self.env["it.asset"]),
                "_it_asset_on_capitalised",
                autospec=True,
                side_effect=on_capitalised,
            ),
        ):
            deploy = self._transfer(self.assets.lot_id, self.employee_location)
        self.assertRecordValues(
            self.assets,
            [{"location_id": self.employee_location.id, "state": "in_use"}] * 2,
        )
        self.assertEqual(calls[0][1][0]["kind"], "to_holder")
        self.assertEqual(len(capitalised), 1)
        self.assertEqual(capitalised[0][0], self.assets)
        self.assertEqual(capitalised[0][2], deploy.move_ids)
        # one capitalisation date: the in-service date, the deployment's
        self.assertEqual(
            set(self.assets.mapped("in_service_date")), {deploy.date_done.date()}
        )
        self.assertEqual(set(self.assets.mapped("depreciation_state")), {"running"})
        # Dr fixed asset / Cr stock valuation through stock_account
        self.assertAlmostEqual(self._balance(self.account_fixed, deploy.move_ids), 2000)
        self.assertAlmostEqual(
            self._balance(self.account_stock, deploy.move_ids), -2000
        )
        # back to stock: reversed, status In Stock, no second capitalisation
        with patch.object(
            type(self.env["it.asset"]),
            "_it_asset_on_capitalised",
            autospec=True,
            side_effect=on_capitalised,
        ):
            back = self._transfer(
                self.asset_1.lot_id, self.stock_room, source=self.employee_location
            )
        self.assertEqual(len(capitalised), 1)
        self.assertRecordValues(
            self.asset_1, [{"location_id": self.stock_room.id, "state": "in_stock"}]
        )
        self.assertAlmostEqual(self._balance(self.account_fixed, back.move_ids), -1000)
        self.assertAlmostEqual(self._balance(self.account_stock, back.move_ids), 1000)

    def test_repair_round_trip(self):
        self._transfer(self.asset_1.lot_id, self.employee_location)
        to_repair = self._transfer(
            self.asset_1.lot_id, self.repair_location, source=self.employee_location
        )
        self.assertRecordValues(
            self.asset_1,
            [{"location_id": self.repair_location.id, "state": "in_repair"}],
        )
        # already out of the valued stock: nothing to post
        self.assertFalse(to_repair.move_ids.account_move_ids)
        self._transfer(
            self.asset_1.lot_id, self.stock_room, source=self.repair_location
        )
        self.assertRecordValues(
            self.asset_1, [{"location_id": self.stock_room.id, "state": "in_stock"}]
        )

    def test_scrap_disposes_and_disposed_serial_cannot_move(self):
        scrap = self.warehouse_env["stock.scrap"].create(
            {
                "product_id": self.product_laptop.id,
                "lot_id": self.asset_2.lot_id.id,
                "scrap_qty": 1,
                "location_id": self.stock_room.id,
            }
        )
        scrap.action_validate()
        self.assertEqual(scrap.state, "done")
        self.assertRecordValues(
            self.asset_2,
            [{"state": "disposed", "location_id": scrap.scrap_location_id.id}],
        )
        with self.assertRaisesRegex(UserError, "which is disposed"):
            self._transfer(
                self.asset_2.lot_id, self.stock_room, source=scrap.scrap_location_id
            )
        self.assertEqual(self.asset_2.location_id, scrap.scrap_location_id)

    def test_scrap_of_a_capitalised_asset_back_in_stock(self):
        self._transfer(self.asset_1.lot_id, self.employee_location)
        self._transfer(
            self.asset_1.lot_id, self.stock_room, source=self.employee_location
        )
        scrap = self.warehouse_env["stock.scrap"].create(
            {
                "product_id": self.product_laptop.id,
                "lot_id": self.asset_1.lot_id.id,
                "scrap_qty": 1,
                "location_id": self.stock_room.id,
            }
        )
        scrap.action_validate()
        self.assertEqual(self.asset_1.state, "disposed")
        # the value leaves the stock for the fixed-asset account, where the
        # disposal takes the gross value out
        self.assertAlmostEqual(self._balance(self.account_fixed, scrap.move_ids), 1000)
        self.assertAlmostEqual(self._balance(self.account_stock, scrap.move_ids), -1000)

    def test_validation_is_all_or_nothing(self):
        scrap = self.warehouse_env["stock.scrap"].create(
            {
                "product_id": self.product_laptop.id,
                "lot_id": self.asset_2.lot_id.id,
                "scrap_qty": 1,
                "location_id": self.stock_room.id,
            }
        )
        scrap.action_validate()
        picking = self.warehouse_env["stock.picking"].create(
            {
                "picking_type_id": self.picking_type_in.id,
                "partner_id": self.vendor.id,
                "location_id": self.supplier_location.id,
                "location_dest_id": self.stock_room.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": 1,
                            "product_uom": product.uom_id.id,
                            "location_id": self.supplier_location.id,
                            "location_dest_id": self.stock_room.id,
                        }
                    )
                    for product in (self.product_monitor, self.product_laptop)
                ],
            }
        )
        picking.action_confirm()
        laptop_move = picking.move_ids.filtered(
            lambda m: m.product_id == self.product_laptop
        )
        laptop_move.move_line_ids.unlink()
        self.warehouse_env["stock.move.line"].create(
            {
                "move_id": laptop_move.id,
                "picking_id": picking.id,
                "product_id": self.product_laptop.id,
                "lot_id": self.asset_2.lot_id.id,
                "quantity": 1,
                "location_id": self.supplier_location.id,
                "location_dest_id": self.stock_room.id,
            }
        )
        picking.move_ids.picked = True
        with self.assertRaises(UserError) as error:
            picking.button_validate()
        self.assertIn("which is disposed", str(error.exception))
        self.assertNotEqual(picking.state, "done")
        self.assertFalse(self._assets_of(picking))

    def test_inventory_count_marks_missing_then_found(self):
        # the count is entered and applied in Physical Inventory by the
        # warehouse user
        Quant = self.warehouse_env["stock.quant"].with_context(inventory_mode=True)
        quant = Quant.browse(
            self.asset_1.lot_id.quant_ids.filtered(
                lambda q: q.location_id == self.stock_room
            ).ids
        )
        quant.inventory_quantity = 0
        quant.action_apply_inventory()
        self.assertEqual(self.asset_1.state, "missing")
        Quant.create(
            {
                "product_id": self.product_laptop.id,
                "lot_id": self.asset_1.lot_id.id,
                "location_id": self.server_room.id,
                "inventory_quantity": 1,
            }
        ).action_apply_inventory()
        self.assertRecordValues(
            self.asset_1, [{"state": "in_stock", "location_id": self.server_room.id}]
        )

    def test_scrap_of_an_asset_in_use(self):
        self._transfer(self.asset_1.lot_id, self.employee_location)
        scrap = self.warehouse_env["stock.scrap"].create(
            {
                "product_id": self.product_laptop.id,
                "lot_id": self.asset_1.lot_id.id,
                "scrap_qty": 1,
                "location_id": self.employee_location.id,
            }
        )
        scrap.action_validate()
        self.assertEqual(self.asset_1.state, "disposed")

    def test_custody_moves_are_synced_too(self):
        calls, patcher = self._capture_hook()
        with patcher:
            self._transfer(self.asset_1.lot_id, self.employee_location).with_context(
                it_asset_custody_move=True
            )
        self.assertEqual(self.asset_1.state, "in_use")
        self.assertEqual(len(calls), 1)


@tagged("post_install", "-at_install")
class TestStockLocations(ItAssetStockCase):
    """IT locations of the companies and custody locations of holders."""

    def test_holder_locations_created_once_and_linked_back(self):
        employees = self.env["hr.employee"].create(
            [{"name": "Holder One"}, {"name": "Holder Two"}]
        )
        department = self.env["hr.department"].create({"name": "Test IT Dept"})
        Location = self.env["stock.location"]
        with patch.object(
            type(Location), "create", autospec=True, side_effect=type(Location).create
        ) as create:
            first = self.company._it_asset_holder_locations(employees | self.employee)
        self.assertEqual(create.call_count, 1)
        self.assertEqual(first[self.employee], self.employee_location)
        for employee in employees:
            self.assertRecordValues(
                first[employee],
                [
                    {
                        "name": employee.name,
                        "it_asset_employee_id": employee.id,
                        "location_id": self.in_use_location.id,
                        "usage": "inventory",
                        "it_asset_role": "in_use",
                    }
                ],
            )
        again = self.company._it_asset_holder_locations(employees)
        self.assertEqual(again, {e: first[e] for e in employees})
        by_department = self.company._it_asset_holder_locations(department)
        self.assertEqual(by_department[department].it_asset_department_id, department)
        self.assertEqual(self.stock_room.it_asset_role, "stock")
        self.assertEqual(self.repair_location.it_asset_role, "repair")

    def test_locations_created_on_demand_for_a_new_company(self):
        company = self.env["res.company"].create({"name": "IT Branch Co"})
        stock_room, in_use, repair = company._it_asset_locations()[company]
        self.assertRecordValues(
            stock_room | in_use | repair,
            [
                {"usage": "internal", "company_id": company.id},
                {"usage": "inventory", "company_id": company.id},
                {"usage": "inventory", "company_id": company.id},
            ],
        )
        self.assertEqual(company.it_asset_in_use_location_id, in_use)
        self.assertEqual(
            company._it_asset_locations()[company], (stock_room, in_use, repair)
        )

    def test_movement_kinds(self):
        roles = self.env["stock.location"]._it_asset_roles()
        customer = self.env.ref("stock.stock_location_customers")
        scrap = self.env["stock.location"].search(
            [("scrap_location", "=", True)], limit=1
        )
        loss = self.product_laptop.with_company(self.company).property_stock_inventory
        room, holder, repair = (
            self.stock_room,
            self.employee_location,
            self.repair_location,
        )
        cases = [
            (self.supplier_location, room, "receipt"),
            (room, self.supplier_location, "return_vendor"),
            (room, room.location_id, "internal"),
            (room, holder, "to_holder"),
            (holder, room, "from_holder"),
            (room, repair, "to_repair"),
            (holder, repair, "to_repair"),
            (repair, room, "from_repair"),
            (repair, holder, "to_holder"),
            (room, scrap, "scrap"),
            (holder, scrap, "scrap"),
            (room, customer, "out"),
            (room, loss, "out"),
        ]
        for source, destination, kind in cases:
            with self.subTest(source=source.name, destination=destination.name):
                self.assertEqual(movement_kind(source, destination, roles), kind)
