# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestStockReceiptTour(HttpCase):
    def test_receive_two_serial_laptops_in_the_receipts_screen(self):
        """A warehouse user (Inventory / User, no IT group) receives two
        serials in the Receipts screen: two assets in the register."""
        product_category = self.env["product.category"].create(
            {"name": "Tour IT Hardware"}
        )
        asset_category = self.env["it.asset.category"].create(
            {"name": "Tour Laptops", "useful_life_months": 36}
        )
        rule = self.env["it.asset.classification.rule"].create(
            {
                "name": "Tour laptops are assets",
                "sequence": -100,
                "product_category_ids": [Command.set(product_category.ids)],
                "outcome": "asset",
                "asset_category_id": asset_category.id,
                "capitalise_on": "deployment",
            }
        )
        product = self.env["product.product"].create(
            {
                "name": "Tour Receipt Laptop",
                "is_storable": True,
                "tracking": "serial",
                "standard_price": 1100.0,
                "categ_id": product_category.id,
            }
        )
        warehouse = new_test_user(
            self.env, login="tour_warehouse", groups="stock.group_stock_user"
        )
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": self.env.ref("stock.picking_type_in").id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.env.ref("stock.stock_location_stock").id,
            }
        )
        self.start_tour(
            f"/odoo/action-stock.action_picking_tree_incoming/{receipt.id}",
            "it_asset_stock_receipt_tour",
            login=warehouse.login,
            timeout=120,
        )
        self.assertEqual(receipt.state, "done")
        assets = self.env["it.asset"].search(
            [("product_id", "=", product.id)], order="serial_number"
        )
        self.assertRecordValues(
            assets,
            [
                {
                    "serial_number": serial,
                    "state": "in_stock",
                    "category_id": asset_category.id,
                    "classification_rule_id": rule.id,
                    "acquisition_cost": 1100.0,
                    "location_id": self.env.ref("stock.stock_location_stock").id,
                    "create_uid": warehouse.id,
                }
                for serial in ("TOUR-RCV-1", "TOUR-RCV-2")
            ],
        )
        self.assertEqual(
            assets.message_ids.filtered(lambda m: receipt.name in m.body).author_id,
            warehouse.partner_id,
        )
