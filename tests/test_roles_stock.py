# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common_stock import ItAssetStockCase


@tagged("post_install", "-at_install")
class TestWarehouseRole(ItAssetStockCase):
    """Warehouse staff (Inventory / User, no IT group) work in Odoo's stock
    screens; the register follows, and stays out of their sight. The other
    stock tests (receipts, transfers, returns, scraps, counts) validate as
    this user too."""

    def test_receipt_through_the_form_creates_assets(self):
        Picking = self.warehouse_env["stock.picking"]
        with Form(
            Picking.with_context(default_picking_type_id=self.picking_type_in.id)
        ) as form:
            form.partner_id = self.vendor
            form.location_dest_id = self.stock_room
            with form.move_ids_without_package.new() as move:
                move.product_id = self.product_laptop
                move.product_uom_qty = 2
        picking = form.record
        picking.action_confirm()
        move_form = Form(picking.move_ids, view="stock.view_stock_move_operations")
        # the line reserved at confirmation has no serial yet: one per unit
        while len(move_form.move_line_ids):
            move_form.move_line_ids.remove(index=0)
        for serial in ("WH-FORM-1", "WH-FORM-2"):
            with move_form.move_line_ids.new() as line:
                line.lot_name = serial
                line.quantity = 1
        move_form.save()
        picking.move_ids.picked = True
        self.assertIs(picking.button_validate(), True)
        self.assertEqual(picking.state, "done")
        assets = self._assets_of(picking)
        self.assertRecordValues(
            assets.sorted("serial_number"),
            [
                {
                    "serial_number": serial,
                    "state": "in_stock",
                    "location_id": self.stock_room.id,
                    "acquisition_cost": 1200.0,
                    "category_id": self.category_laptop.id,
                    # a warehouse user does not become the IT responsible
                    "user_id": False,
                }
                for serial in ("WH-FORM-1", "WH-FORM-2")
            ],
        )
        # the chatter names the real user who validated
        message = assets[0].message_ids[:1]
        self.assertEqual(message.author_id, self.warehouse_user.partner_id)
        self.assertIn(picking.name, message.body)
        # a formatted amount, one full stop after the rule's rationale
        self.assertIn("1,200.00", message.body)
        self.assertIn("capitalised over 36 months.", message.body)
        self.assertNotIn("..", message.body)
        self.assertEqual(assets.create_uid, self.warehouse_user)

    def test_warehouse_user_sees_nothing_of_the_register(self):
        picking = self._receive(self.product_laptop, serials=["WH-HIDE-1"])
        asset = self._assets_of(picking)
        Asset = self.warehouse_env["it.asset"]
        with self.assertRaises(AccessError):
            Asset.search([])
        with self.assertRaises(AccessError):
            # opening /odoo/it-assets/<id> reads the record
            asset.with_user(self.warehouse_user).read(["name"])
        menus = (
            self.env["ir.ui.menu"].with_user(self.warehouse_user)._visible_menu_ids()
        )
        self.assertNotIn(self.env.ref("it_asset.it_asset_menu_root").id, menus)
        self.assertIn(self.env.ref("stock.menu_stock_root").id, menus)
        # their stock screens load: the IT fields are left out of them
        for model, field in (
            ("stock.picking", "it_asset_count"),
            ("stock.lot", "it_asset_id"),
        ):
            with self.subTest(model=model):
                arch = self.warehouse_env[model].get_views([(False, "form")])["views"][
                    "form"
                ]["arch"]
                self.assertNotIn(f'name="{field}"', arch)
        lot_form = (
            self.warehouse_env["stock.lot"]
            .browse(asset.lot_id.id)
            .web_read({"name": {}, "product_id": {}})
        )
        self.assertEqual(lot_form[0]["name"], "WH-HIDE-1")
        # transfers show Source and Destination: storage locations are on
        self.assertTrue(
            self.warehouse_user.has_group("stock.group_stock_multi_locations")
        )

    def test_warehouse_deploys_and_takes_back_through_transfers(self):
        picking = self._receive(self.product_laptop, serials=["WH-DEP-1"], price=900.0)
        asset = self._assets_of(picking)
        self._transfer(asset.lot_id, self.employee_location)
        self.assertRecordValues(
            asset,
            [
                {
                    "state": "in_use",
                    "location_id": self.employee_location.id,
                    "holder_employee_id": self.employee.id,
                }
            ],
        )
        self.assertEqual(asset.custody_id.checkout_user_id, self.warehouse_user)
        self._transfer(
            asset.lot_id, self.repair_location, source=self.employee_location
        )
        self.assertEqual(asset.state, "in_repair")
        self._transfer(asset.lot_id, self.stock_room, source=self.repair_location)
        self.assertRecordValues(
            asset, [{"state": "in_stock", "location_id": self.stock_room.id}]
        )
        self.assertEqual(asset.custody_ids.state, "returned")


@tagged("post_install", "-at_install")
class TestItUserStockSide(ItAssetStockCase):
    """IT users (IT Assets / User, no Inventory rights) check assets out and
    in whatever the product's costing method, and type serials."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.products = {}
        for method in ("standard", "fifo", "average"):
            category = cls.product_category_it.copy(
                {"name": f"IT {method} (test)", "property_cost_method": method}
            )
            cls.rule_laptops.product_category_ids |= category
            cls.products[method] = cls.env["product.product"].create(
                {
                    "name": f"Laptop {method}",
                    "is_storable": True,
                    "tracking": "serial",
                    "standard_price": 1000.0,
                    "categ_id": category.id,
                }
            )

    def test_check_out_and_in_for_every_costing_method(self):
        self.assertFalse(self.it_user.has_group("stock.group_stock_user"))
        for method, product in self.products.items():
            with self.subTest(method=method):
                picking = self._receive(product, serials=[f"IT-{method}-1"])
                asset = self._assets_of(picking).with_user(self.it_user)
                wizard = Form(
                    self.env["it.asset.checkout"]
                    .with_user(self.it_user)
                    .with_context(active_model="it.asset", active_ids=asset.ids)
                )
                wizard.employee_id = self.employee
                wizard.save().action_confirm()
                self.assertRecordValues(
                    asset,
                    [{"state": "in_use", "location_id": self.employee_location.id}],
                )
                self.assertEqual(
                    asset.sudo()
                    .lot_id.quant_ids.filtered(lambda q: q.quantity > 0)
                    .location_id,
                    self.employee_location,
                )
                checkin = Form(
                    self.env["it.asset.checkin"]
                    .with_user(self.it_user)
                    .with_context(active_model="it.asset", active_ids=asset.ids)
                )
                checkin.save().action_confirm()
                self.assertRecordValues(
                    asset, [{"state": "in_stock", "location_id": self.stock_room.id}]
                )

    def test_typing_a_serial_finds_or_creates_the_stock_serial(self):
        Asset = self.env["it.asset"].with_user(self.it_user)
        form = Form(Asset)
        form.name = "Typed laptop"
        form.category_id = self.category_laptop
        form.product_id = self.product_laptop
        form.serial_number = " IT-TYPED-1 "
        typed = form.save()
        lot = typed.sudo().lot_id
        self.assertEqual(
            (lot.name, lot.product_id), ("IT-TYPED-1", self.product_laptop)
        )
        self.assertEqual(typed.serial_number, "IT-TYPED-1")
        # an existing stock serial is found whatever the letter case
        existing = self.env["stock.lot"].create(
            {"name": "IT-LOT-9", "product_id": self.product_laptop.id}
        )
        found = Asset.create(
            {
                "name": "Found laptop",
                "category_id": self.category_laptop.id,
                "product_id": self.product_laptop.id,
                "serial_number": "it-lot-9",
            }
        )
        self.assertEqual(found.sudo().lot_id, existing)
        self.assertEqual(found.serial_number, "IT-LOT-9")
