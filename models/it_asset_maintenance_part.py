# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare


class ItAssetMaintenancePart(models.Model):
    _name = "it.asset.maintenance.part"
    _description = "Spare Part Consumed by a Maintenance Request"
    _order = "request_id desc, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    request_id = fields.Many2one(
        "maintenance.request",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="request_id.company_id", store=True, index=True, precompute=True
    )
    it_asset_id = fields.Many2one(
        related="request_id.it_asset_id", store=True, index="btree_not_null"
    )
    product_id = fields.Many2one(
        "product.product",
        string="Spare Part",
        required=True,
        check_company=True,
        domain="[('is_storable', '=', True)]",
    )
    tracking = fields.Selection(related="product_id.tracking")
    product_uom_id = fields.Many2one(related="product_id.uom_id")
    quantity = fields.Float(
        default=1.0, required=True, digits="Product Unit of Measure"
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )
    location_id = fields.Many2one(
        "stock.location",
        string="From Location",
        required=True,
        check_company=True,
        domain="[('usage', '=', 'internal')]",
        default=lambda self: self._default_location(),
    )
    move_id = fields.Many2one(
        "stock.move", string="Stock Move", readonly=True, copy=False
    )
    state = fields.Selection(
        [("draft", "To Consume"), ("done", "Consumed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    cost = fields.Monetary(
        compute="_compute_cost",
        store=True,
        help="Before consumption: quantity x product cost (estimate); once "
        "consumed: the stock valuation of the move.",
    )

    @api.model
    def _default_location(self):
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        return warehouse.lot_stock_id

    @api.constrains("quantity", "lot_id", "product_id")
    def _check_quantity(self):
        for part in self:
            if part.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "Spare part %(product)s on %(request)s: the quantity must be "
                        "positive.",
                        product=part.product_id.display_name,
                        request=part.request_id.display_name,
                    )
                )
            if (
                part.product_id.tracking == "serial"
                and part.lot_id
                and (float_compare(part.quantity, 1.0, precision_digits=3) != 0)
            ):
                raise ValidationError(
                    self.env._(
                        "Spare part %(product)s on %(request)s: a serial number is "
                        "one unit; add one line per serial.",
                        product=part.product_id.display_name,
                        request=part.request_id.display_name,
                    )
                )

    @api.depends(
        "state",
        "quantity",
        "product_id",
        "move_id.stock_valuation_layer_ids.value",
    )
    def _compute_cost(self):
        for part in self:
            if part.state == "done" and part.move_id:
                part.cost = -sum(
                    part.move_id.sudo().stock_valuation_layer_ids.mapped("value")
                )
            else:
                part.cost = part.quantity * part.product_id.standard_price

    @api.ondelete(at_uninstall=False)
    def _unlink_except_consumed(self):
        consumed = self.filtered(lambda p: p.state == "done")
        if consumed:
            raise UserError(
                self.env._(
                    "Spare part %(product)s was already consumed from stock by "
                    "%(request)s: it cannot be removed.",
                    product=consumed[0].product_id.display_name,
                    request=consumed[0].request_id.display_name,
                )
            )

    def write(self, vals):
        if {"product_id", "quantity", "lot_id", "location_id"} & set(vals):
            consumed = self.filtered(lambda p: p.state == "done")
            if consumed:
                raise UserError(
                    self.env._(
                        "Spare part %(product)s was already consumed from stock by "
                        "%(request)s: it cannot be changed.",
                        product=consumed[0].product_id.display_name,
                        request=consumed[0].request_id.display_name,
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # business methods
    # ------------------------------------------------------------------
    def _action_consume(self):
        """Move the spare parts of ``self`` from their stock location to the
        maintenance consumption location: one batch of stock moves, valued
        by stock_account; the move value becomes the part's cost."""
        parts = self.filtered(lambda p: p.state == "draft")
        if not parts:
            return self.env["stock.move"]
        parts.request_id.check_access("write")
        parts._check_consumable()
        destination = self.env.ref("it_asset.stock_location_maintenance_consumption")
        Move = self.env["stock.move"].sudo()
        vals_list = []
        for part in parts:
            name = self.env._(
                "%(request)s: spare part", request=part.request_id.display_name
            )
            vals_list.append(
                {
                    "name": name,
                    "origin": part.request_id.it_asset_id.display_name or name,
                    "company_id": part.company_id.id,
                    "product_id": part.product_id.id,
                    "product_uom": part.product_id.uom_id.id,
                    "product_uom_qty": part.quantity,
                    "location_id": part.location_id.id,
                    "location_dest_id": destination.id,
                    "picked": True,
                    "move_line_ids": [
                        Command.create(
                            {
                                "product_id": part.product_id.id,
                                "product_uom_id": part.product_id.uom_id.id,
                                "quantity": part.quantity,
                                "location_id": part.location_id.id,
                                "location_dest_id": destination.id,
                                "lot_id": part.lot_id.id,
                            }
                        )
                    ],
                }
            )
        moves = Move.create(vals_list)
        moves._action_done()
        for part, move in zip(parts, moves, strict=True):
            part.move_id = move.id
        parts.write({"state": "done"})
        return moves

    def _check_consumable(self):
        """Refuse, before any move, a part that is not storable, lacks its
        lot/serial or is not available in its location."""
        Quant = self.env["stock.quant"].sudo()
        problems = []
        needed = {}
        for part in self:
            if not part.product_id.is_storable:
                problems.append(
                    self.env._(
                        "%(product)s is not a storable product.",
                        product=part.product_id.display_name,
                    )
                )
                continue
            if part.product_id.tracking != "none" and not part.lot_id:
                problems.append(
                    self.env._(
                        "%(product)s is tracked: choose its lot/serial number.",
                        product=part.product_id.display_name,
                    )
                )
                continue
            key = (part.product_id, part.location_id, part.lot_id)
            needed[key] = needed.get(key, 0.0) + part.quantity
        for (product, location, lot), quantity in needed.items():
            lot_label = f" ({lot.name})" if lot else ""
            available = Quant._get_available_quantity(
                product, location, lot_id=lot or None, strict=False
            )
            if (
                float_compare(
                    available, quantity, precision_rounding=product.uom_id.rounding
                )
                < 0
            ):
                problems.append(
                    self.env._(
                        "%(product)s%(lot)s: %(needed)s needed in %(location)s, "
                        "%(available)s available.",
                        product=product.display_name,
                        lot=lot_label,
                        needed=quantity,
                        location=location.display_name,
                        available=available,
                    )
                )
        if problems:
            raise UserError(
                self.env._(
                    "Spare parts cannot be consumed, nothing was moved:\n%s",
                    "\n".join(problems),
                )
            )
