# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_stock import ItAssetStockCase


@tagged("post_install", "-at_install")
class TestStockReceipt(ItAssetStockCase):
    """Receipts create assets by the classification rules."""

    @freeze_time("2026-11-02 10:00:00")
    def test_receipt_creates_one_asset_per_serial(self):
        picking = self._receive(
            self.product_laptop, serials=["SN-R-001", "SN-R-002"], price=1250.0
        )
        self.assertEqual(picking.state, "done")
        assets = self._assets_of(picking)
        lots = picking.move_line_ids.lot_id.sorted("name")
        self.assertRecordValues(
            assets.sorted(lambda a: a.lot_id.name),
            [
                {
                    "lot_id": lot.id,
                    "serial_number": lot.name,
                    "product_id": self.product_laptop.id,
                    "category_id": self.category_laptop.id,
                    "acquisition_cost": 1250.0,
                    "vendor_id": self.vendor.id,
                    "purchase_order_ref": "PO-TEST",
                    "location_id": self.stock_room.id,
                    "state": "in_stock",
                    "stock_move_id": picking.move_ids.id,
                    "classification_rule_id": self.rule_laptops.id,
                    "capitalise_on": "deployment",
                    "in_service_date": False,
                    "depreciation_state": "draft",
                }
                for lot in lots
            ],
        )
        self.assertEqual(str(assets[0].acquisition_date), "2026-11-02")
        self.assertTrue(all(a.tag.startswith("ITA") for a in assets))
        self.assertEqual(picking.it_asset_count, 2)
        self.assertEqual(
            lots[0].it_asset_id, assets.filtered(lambda a: a.lot_id == lots[0])
        )
        # the chatter says which rule classified it and why
        body = assets[0].message_ids[:1].body
        self.assertIn(picking.name, body)
        self.assertIn(self.rule_laptops.name, body)
        self.assertIn("capitalised over 36 months", body)
        # capitalised on deployment: the value sits in the stock account
        self.assertAlmostEqual(
            self._balance(self.account_stock, picking.move_ids), 2500
        )
        self.assertAlmostEqual(self._balance(self.account_fixed, picking.move_ids), 0)

    def test_receipt_per_unit_capitalised_on_receipt(self):
        picking = self._receive(self.product_monitor, quantity=3, price=320.0)
        assets = self._assets_of(picking)
        self.assertEqual(len(assets), 3)
        self.assertRecordValues(
            assets,
            [
                {
                    "lot_id": False,
                    "category_id": self.category_monitor.id,
                    "acquisition_cost": 320.0,
                    "state": "in_stock",
                    "location_id": self.stock_room.id,
                    "classification_rule_id": self.rule_monitors.id,
                    "capitalise_on": "receipt",
                    "in_service_date": picking.date_done.date(),
                }
            ]
            * 3,
        )
        # Dr fixed asset / Cr stock input: never in the inventory account
        self.assertAlmostEqual(self._balance(self.account_fixed, picking.move_ids), 960)
        self.assertAlmostEqual(
            self._balance(self.account_input, picking.move_ids), -960
        )
        self.assertAlmostEqual(self._balance(self.account_stock, picking.move_ids), 0)

    def test_inventory_and_below_threshold_create_no_asset(self):
        cables = self._receive(self.product_cable, quantity=10)
        cheap = self._receive(self.product_monitor, quantity=2, price=150.0)
        self.assertFalse(self._assets_of(cables))
        self.assertFalse(self._assets_of(cheap))
        self.assertEqual(cables.state, "done")
        # inventory stays in the stock account
        self.assertAlmostEqual(self._balance(self.account_stock, cables.move_ids), 80)

    def test_storable_expense_is_received_with_a_note(self):
        peripherals = self.product_category_it.copy(
            {"name": "Peripherals (test)", "parent_id": self.product_category_it.id}
        )
        self.env["it.asset.classification.rule"].create(
            {
                "name": "Peripherals are expensed",
                "sequence": -40,
                "product_category_ids": [Command.set(peripherals.ids)],
                "outcome": "expense",
            }
        )
        mouse = self.env["product.product"].create(
            {
                "name": "Test Mouse",
                "is_storable": True,
                "standard_price": 20.0,
                "categ_id": peripherals.id,
            }
        )
        self.assertEqual(mouse.product_tmpl_id.it_asset_outcome, "expense")
        picking = self._receive(mouse, quantity=5)
        self.assertEqual(picking.state, "done")
        self.assertFalse(self._assets_of(picking))
        # received into valued stock all the same, and the receipt says so
        self.assertAlmostEqual(self._balance(self.account_stock, picking.move_ids), 100)
        notes = picking.message_ids.filtered(
            lambda m: "Classified as expense" in (m.body or "")
        )
        self.assertEqual(len(notes), 1)
        self.assertIn("Test Mouse (Peripherals are expensed)", notes.body)
        # inventory outcomes get no such note
        cables = self._receive(self.product_cable, quantity=10)
        self.assertFalse(
            cables.message_ids.filtered(
                lambda m: "Classified as expense" in (m.body or "")
            )
        )

    def test_serial_asset_receipt_without_serial_is_refused(self):
        self.picking_type_in.write(
            {"use_create_lots": False, "use_existing_lots": False}
        )
        picking = self.warehouse_env["stock.picking"].create(
            {
                "picking_type_id": self.picking_type_in.id,
                "partner_id": self.vendor.id,
                "location_id": self.supplier_location.id,
                "location_dest_id": self.stock_room.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "laptops",
                            "product_id": self.product_laptop.id,
                            "product_uom_qty": 2,
                            "product_uom": self.product_laptop.uom_id.id,
                            "location_id": self.supplier_location.id,
                            "location_dest_id": self.stock_room.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        self._set_lines(picking)
        with self.assertRaisesRegex(UserError, "set the serial number of each unit"):
            picking.button_validate()
        self.assertNotEqual(picking.state, "done")
        self.assertFalse(self._assets_of(picking))

    def test_second_asset_for_the_same_serial_is_refused(self):
        picking = self._receive(self.product_laptop, serials=["SN-DUP-1"])
        lot = picking.move_line_ids.lot_id
        again = self.warehouse_env["stock.picking"].create(
            {
                "picking_type_id": self.picking_type_in.id,
                "partner_id": self.vendor.id,
                "location_id": self.supplier_location.id,
                "location_dest_id": self.stock_room.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "laptop",
                            "product_id": self.product_laptop.id,
                            "product_uom_qty": 1,
                            "product_uom": self.product_laptop.uom_id.id,
                            "location_id": self.supplier_location.id,
                            "location_dest_id": self.stock_room.id,
                        }
                    )
                ],
            }
        )
        again.action_confirm()
        self._set_lines(again, lots=lot)
        with self.assertRaisesRegex(UserError, "second asset for the same serial"):
            again.button_validate()
        self.assertEqual(
            self.env["it.asset"].search_count([("lot_id", "=", lot.id)]), 1
        )

    def test_return_to_vendor_before_deployment_cancels_assets(self):
        picking = self._receive(self.product_laptop, serials=["SN-RET-1", "SN-RET-2"])
        assets = self._assets_of(picking)
        returned = assets.filtered(lambda a: a.serial_number == "SN-RET-1")
        kept = assets - returned
        wizard = (
            self.warehouse_env["stock.return.picking"]
            .with_context(active_id=picking.id, active_model="stock.picking")
            .create({})
        )
        wizard.product_return_moves.quantity = 1
        return_picking = wizard._create_return()
        return_picking.action_confirm()
        self._set_lines(return_picking, lots=returned.lot_id)
        return_picking.button_validate()
        self.assertEqual(return_picking.state, "done")
        self.assertRecordValues(
            returned | kept,
            [
                {"active": False, "state": "draft"},
                {"active": True, "state": "in_stock"},
            ],
        )
        self.assertIn(return_picking.name, returned.message_ids[:1].body)
        self.assertIn("archived", returned.message_ids[:1].body)

    def test_return_of_per_unit_assets(self):
        picking = self._receive(self.product_monitor, quantity=3, price=320.0)
        wizard = (
            self.warehouse_env["stock.return.picking"]
            .with_context(active_id=picking.id, active_model="stock.picking")
            .create({})
        )
        wizard.product_return_moves.quantity = 2
        return_picking = wizard._create_return()
        return_picking.action_confirm()
        self._set_lines(return_picking)
        return_picking.button_validate()
        assets = self._assets_of(picking)
        self.assertEqual(len(assets.filtered("active")), 1)
        cancelled = assets.filtered(lambda a: not a.active)
        self.assertRecordValues(
            cancelled,
            [{"state": "draft", "location_id": self.supplier_location.id}] * 2,
        )
        self.assertIn(return_picking.name, cancelled[0].message_ids[:1].body)
        # the return takes the value back out of the fixed-asset account
        self.assertAlmostEqual(
            self._balance(
                self.account_fixed, picking.move_ids | return_picking.move_ids
            ),
            320,
        )


@tagged("post_install", "-at_install")
class TestStockReceiptQueries(ItAssetStockCase):
    """The register adds a constant number of queries to a receipt."""

    def _count_validation(self, serials, sync=True):
        picking = self.warehouse_env["stock.picking"].create(
            {
                "picking_type_id": self.picking_type_in.id,
                "partner_id": self.vendor.id,
                "location_id": self.supplier_location.id,
                "location_dest_id": self.stock_room.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "laptops",
                            "product_id": self.product_laptop.id,
                            "product_uom_qty": len(serials),
                            "product_uom": self.product_laptop.uom_id.id,
                            "price_unit": 1000.0,
                            "location_id": self.supplier_location.id,
                            "location_dest_id": self.stock_room.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        self._set_lines(picking, serials=serials)
        self.env.flush_all()
        self.env.invalidate_all()
        picking = picking.with_context(it_asset_no_stock_sync=not sync)
        start = self.cr.sql_log_count
        picking.button_validate()
        self.env.flush_all()
        count = self.cr.sql_log_count - start
        self.assertEqual(len(self._assets_of(picking)), len(serials) if sync else 0)
        return count

    def test_added_queries_do_not_grow_with_serials(self):
        # warm the caches (first receipt of the product, sequences, the
        # warehouse user's access rules, reloaded once after the first sync)
        for i in range(2):
            self._count_validation([f"SN-WARM-P{i}"], sync=False)
            self._count_validation([f"SN-WARM-S{i}"])
        added = {}
        for size in (2, 8):
            serials = [f"SN-Q{size}-{i}" for i in range(size)]
            plain = self._count_validation([s + "P" for s in serials], sync=False)
            synced = self._count_validation(serials)
            added[size] = synced - plain
        self.assertEqual(added[2], added[8], f"queries added by it_asset: {added}")
        self.assertLess(added[8], 60, f"queries added by it_asset: {added}")
