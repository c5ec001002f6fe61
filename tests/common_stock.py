# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from .common import ItAssetCase


class ItAssetStockCase(ItAssetCase):
    """Real-time valued IT products, classification rules and stock helpers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company
        all_category = cls.env.ref("product.product_category_all").with_company(company)
        cls.account_stock = all_category.property_stock_valuation_account_id
        cls.account_input = all_category.property_stock_account_input_categ_id
        cls.account_output = all_category.property_stock_account_output_categ_id
        cls.account_fixed = cls.env["account.account"].create(
            {
                "name": "IT Equipment (test)",
                "code": "219901",
                "account_type": "asset_fixed",
            }
        )
        cls.product_category_it = cls.env["product.category"].create(
            {
                "name": "IT Hardware (test)",
                "property_valuation": "real_time",
                "property_cost_method": "fifo",
                "property_stock_valuation_account_id": cls.account_stock.id,
                "property_stock_account_input_categ_id": cls.account_input.id,
                "property_stock_account_output_categ_id": cls.account_output.id,
                "property_stock_journal": all_category.property_stock_journal.id,
            }
        )
        cls.product_category_cables = cls.product_category_it.copy(
            {"name": "Cables (test)", "parent_id": cls.product_category_it.id}
        )
        cls.category_monitor = cls.env["it.asset.category"].create(
            {"name": "Test Monitors", "kind": "hardware", "useful_life_months": 60}
        )
        Account = cls.env["account.account"]
        (cls.category_laptop | cls.category_monitor).with_company(company).write(
            {
                "account_asset_id": cls.account_fixed.id,
                "account_depreciation_id": Account.create(
                    {
                        "name": "Acc. Depreciation IT (test)",
                        "code": "219902",
                        "account_type": "asset_non_current",
                    }
                ).id,
                "account_expense_id": Account.create(
                    {
                        "name": "Depreciation IT (test)",
                        "code": "619901",
                        "account_type": "expense_depreciation",
                    }
                ).id,
                "account_gain_id": Account.create(
                    {
                        "name": "Gain on IT disposal (test)",
                        "code": "719901",
                        "account_type": "income_other",
                    }
                ).id,
                "account_loss_id": Account.create(
                    {
                        "name": "Loss on IT disposal (test)",
                        "code": "619902",
                        "account_type": "expense",
                    }
                ).id,
                "journal_id": cls.env["account.journal"]
                .search(
                    [("type", "=", "general"), ("company_id", "=", company.id)],
                    limit=1,
                )
                .id,
            }
        )
        cls.product_laptop.write({"categ_id": cls.product_category_it.id})
        cls.product_monitor = cls.env["product.product"].create(
            {
                "name": "Test Monitor 27",
                "is_storable": True,
                "tracking": "none",
                "standard_price": 300.0,
                "categ_id": cls.product_category_it.id,
            }
        )
        cls.product_cable = cls.env["product.product"].create(
            {
                "name": "Test HDMI Cable",
                "is_storable": True,
                "standard_price": 8.0,
                "categ_id": cls.product_category_cables.id,
            }
        )
        Rule = cls.env["it.asset.classification.rule"]
        cls.rule_cables = Rule.create(
            {
                "name": "Cables are inventory",
                "sequence": -30,
                "product_category_ids": [Command.set(cls.product_category_cables.ids)],
                "outcome": "inventory",
                "rationale": "Cables are consumed, not tracked.",
            }
        )
        cls.rule_laptops = Rule.create(
            {
                "name": "Serial IT over 500",
                "sequence": -20,
                "product_category_ids": [Command.set(cls.product_category_it.ids)],
                "serial_tracked_only": True,
                "min_unit_cost": 500.0,
                "outcome": "asset",
                "asset_category_id": cls.category_laptop.id,
                "capitalise_on": "deployment",
                "rationale": "Laptops over 500 are capitalised over 36 months.",
            }
        )
        cls.rule_monitors = Rule.create(
            {
                "name": "IT hardware over 200",
                "sequence": -10,
                "product_category_ids": [Command.set(cls.product_category_it.ids)],
                "min_unit_cost": 200.0,
                "outcome": "asset",
                "asset_category_id": cls.category_monitor.id,
                "capitalise_on": "receipt",
                "rationale": "Monitors are capitalised when received.",
            }
        )
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Test IT Vendor", "is_company": True}
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1
        )
        cls.picking_type_in = warehouse.in_type_id
        cls.picking_type_internal = warehouse.int_type_id
        cls.supplier_location = cls.env.ref("stock.stock_location_suppliers")
        cls.stock_room, cls.in_use_location, cls.repair_location = (
            company._it_asset_locations()[company]
        )
        cls.employee = cls.env["hr.employee"].create({"name": "Test Holder Ada"})
        cls.employee_location = company._it_asset_holder_locations(cls.employee)[
            cls.employee
        ]

    @classmethod
    def _receive(
        cls, product, serials=(), quantity=0, price=0.0, user=None, **picking_vals
    ):
        """Validate a receipt of ``product`` (``serials`` or ``quantity`` units
        at ``price``) into the IT stock room, as the Receipts screen does, as
        ``user`` (by default the warehouse user)."""
        env = cls.env(user=user or cls.warehouse_user)
        quantity = len(serials) or quantity
        vals = {
            "picking_type_id": cls.picking_type_in.id,
            "partner_id": cls.vendor.id,
            "location_id": cls.supplier_location.id,
            "location_dest_id": cls.stock_room.id,
            "origin": "PO-TEST",
            "move_ids": [
                Command.create(
                    {
                        "name": product.name,
                        "product_id": product.id,
                        "product_uom_qty": quantity,
                        "product_uom": product.uom_id.id,
                        "price_unit": price or product.standard_price,
                        "location_id": cls.supplier_location.id,
                        "location_dest_id": cls.stock_room.id,
                    }
                )
            ],
        }
        vals.update(picking_vals)
        picking = env["stock.picking"].create(vals)
        picking.action_confirm()
        cls._set_lines(picking, serials=serials)
        picking.button_validate()
        return picking.with_env(cls.env)

    @classmethod
    def _set_lines(cls, picking, serials=(), lots=None):
        """Replace the detailed operations of ``picking`` (one product) by
        one line per new serial, per existing lot, or one line for all."""
        move = picking.move_ids
        move.move_line_ids.unlink()
        base = {
            "move_id": move.id,
            "picking_id": picking.id,
            "product_id": move.product_id.id,
            "product_uom_id": move.product_uom.id,
            "location_id": move.location_id.id,
            "location_dest_id": move.location_dest_id.id,
            "picked": True,
        }
        if lots:
            vals_list = [dict(base, lot_id=lot.id, quantity=1) for lot in lots]
        elif serials:
            vals_list = [dict(base, lot_name=sn, quantity=1) for sn in serials]
        else:
            vals_list = [dict(base, quantity=move.product_uom_qty)]
        picking.env["stock.move.line"].create(vals_list)
        move.picked = True

    @classmethod
    def _transfer(cls, lots, destination, source=None, picking_type=None, user=None):
        """Validate a transfer of the serials ``lots`` to ``destination``, as
        ``user`` (by default the warehouse user)."""
        env = cls.env(user=user or cls.warehouse_user)
        source = (
            source
            or lots[:1].quant_ids.filtered(lambda q: q.quantity > 0).location_id[:1]
        )
        product = lots.product_id
        picking = env["stock.picking"].create(
            {
                "picking_type_id": (picking_type or cls.picking_type_internal).id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": len(lots),
                            "product_uom": product.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        cls._set_lines(picking, lots=lots)
        picking.button_validate()
        return picking.with_env(cls.env)

    @classmethod
    def _assets_of(cls, picking):
        return (
            cls.env["it.asset"]
            .with_context(active_test=False)
            .search([("stock_move_id", "in", picking.move_ids.ids)], order="id")
        )

    def _balance(self, account, moves):
        """Balance of ``account`` in the journal entries of stock ``moves``."""
        lines = moves.sudo().account_move_ids.line_ids.filtered(
            lambda line: line.account_id == account
        )
        return sum(lines.mapped("balance"))
