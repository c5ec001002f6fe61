# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.it_asset.lib import lifecycle

from .it_asset_custody import OPEN_STATES


class ItAsset(models.Model):
    _inherit = "it.asset"

    custody_ids = fields.One2many("it.asset.custody", "asset_id", string="Custodies")
    custody_id = fields.Many2one(
        "it.asset.custody",
        string="Current Custody",
        compute="_compute_custody_id",
        store=True,
        index="btree_not_null",
    )
    custody_state = fields.Selection(
        related="custody_id.state",
        store=True,
        string="Custody Status",
        tracking=False,
    )
    holder_name = fields.Char(
        related="custody_id.holder_name", store=True, string="Holder"
    )
    holder_employee_id = fields.Many2one(
        related="custody_id.employee_id", store=True, string="Holder Employee"
    )
    holder_department_id = fields.Many2one(
        related="custody_id.holder_department_id",
        store=True,
        string="Holder Department",
    )
    holder_location_id = fields.Many2one(
        related="custody_id.holder_location_id",
        store=True,
        string="Holder Location",
    )
    custody_is_remote = fields.Boolean(
        related="custody_id.is_remote", store=True, string="Remote"
    )
    custody_expected_return_date = fields.Date(
        related="custody_id.expected_return_date",
        store=True,
        tracking=False,
        string="Expected Return",
    )
    custody_count = fields.Integer(compute="_compute_custody_count")
    no_custodian_in_use = fields.Boolean(
        string="In Use Without Custodian",
        compute="_compute_no_custodian_in_use",
        store=True,
        help="Compliance: the asset is in use but nobody holds it.",
    )

    @api.depends("custody_ids.state")
    def _compute_custody_id(self):
        for asset in self:
            asset.custody_id = asset.custody_ids.filtered(
                lambda c: c.state in OPEN_STATES
            )[:1]

    @api.depends("state", "custody_id", "kind")
    def _compute_no_custodian_in_use(self):
        # a licence in use is assigned through its seats, not held
        for asset in self:
            asset.no_custodian_in_use = (
                asset.state == lifecycle.IN_USE
                and not asset.custody_id
                and asset.kind != "software"
            )

    def _compute_custody_count(self):
        counts = dict(
            self.env["it.asset.custody"]._read_group(
                [("asset_id", "in", self.ids)], ["asset_id"], ["__count"]
            )
        )
        for asset in self:
            asset.custody_count = counts.get(asset, 0)

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def _custody_wizard_action(self, model, name, mode=None):
        context = {"default_asset_ids": [Command.set(self.ids)]}
        if mode:
            context["default_mode"] = mode
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": context,
        }

    def action_open_checkout(self):
        return self._custody_wizard_action(
            "it.asset.checkout", self.env._("Check Out"), "checkout"
        )

    def action_open_handover(self):
        return self._custody_wizard_action(
            "it.asset.checkout", self.env._("Hand Over"), "handover"
        )

    def action_open_checkin(self):
        return self._custody_wizard_action("it.asset.checkin", self.env._("Check In"))

    def action_return_to_stock(self):
        held = self.filtered("custody_id")
        if held:
            raise UserError(
                self.env._(
                    "These assets are checked out: check them in instead, so "
                    "that their custody is closed: %s",
                    ", ".join(held.mapped("display_name")),
                )
            )
        return super().action_return_to_stock()

    def action_print_custody_receipt(self):
        custodies = self.custody_id
        if not custodies:
            raise UserError(self.env._("These assets are not checked out."))
        return custodies.action_print_receipt()

    def action_view_holder_assets(self):
        """Every asset held by this asset's holder."""
        self.ensure_one()
        return self.custody_id.action_view_holder_assets()

    def action_view_custodies(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "it_asset.it_asset_custody_action"
        )
        action["domain"] = [("asset_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------------
    # business methods
    # ------------------------------------------------------------------
    def _custody_move(self, location, new_state, condition=None, message=None):
        """Move ``self`` to ``location`` (with one stock picking for the
        stock-tracked ones) and to ``new_state``, in a few batch writes, and
        log ``message`` with the change on each asset (one batch insert
        instead of one tracking message per asset)."""
        self._custody_move_many([(self, location, new_state, condition, message)])

    @api.model
    def _custody_move_many(self, moves):
        """:meth:`_custody_move` for many groups at once: ``moves`` are
        (assets, location, new status, condition, message) tuples. One
        picking per company and destination, one status write per old
        status, one batch of chatter lines."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        assets = self.union(*(move[0] for move in moves))
        before = {asset.id: asset.state for asset in assets}
        quiet = assets.with_context(mail_notrack=True)
        quiet._custody_stock_moves_many(
            {
                asset.id: location
                for group, location, *_rest in moves
                if location
                for asset in group
            }
        )
        by_state = defaultdict(lambda: self.browse())
        for group, _location, new_state, _condition, _message in moves:
            by_state[new_state] |= group
        for new_state, group in by_state.items():
            group.with_context(mail_notrack=True).filtered(
                lambda a, s=new_state: a.state != s
            )._change_state(new_state)
        logs = {}
        for group, location, new_state, condition, message in moves:
            vals = {}
            if location:
                vals["location_id"] = location.id
            if condition:
                vals["condition"] = condition
            to_write = group.with_context(mail_notrack=True).filtered(
                lambda a, vals=vals: any(
                    (a[f].id if f == "location_id" else a[f]) != v
                    for f, v in vals.items()
                )
            )
            if to_write:
                to_write.write(vals)
            if message:
                where = Markup(" · %s") % location.display_name if location else ""
                logs.update(
                    {
                        asset.id: Markup("%s<br/>%s → %s%s")
                        % (message, labels[before[asset.id]], labels[new_state], where)
                        for asset in group
                    }
                )
        if logs:
            assets._message_log_batch(logs)

    def _custody_stock_moves(self, location):
        """One validated internal picking (per company) moving the serials of
        the stock-tracked assets of ``self`` to ``location``."""
        if not location:
            return self.env["stock.picking"]
        return self._custody_stock_moves_many(dict.fromkeys(self.ids, location))

    def _custody_stock_moves_many(self, destinations):
        """Validated internal pickings (one per company and destination)
        moving the serials of the stock-tracked assets of ``self`` to their
        ``destinations`` ({asset id: location}): one stock move per product
        and source location, created with exactly these serials (no
        reservation to undo), as Odoo's own transfer of the serials would be
        once its operations are filled in.

        Elevated (the stock side of custody): IT users need no Inventory
        rights to check assets out and in; the pickings record who did it."""
        tracked = self.filtered(
            lambda a: a.id in destinations and a.lot_id and a.product_id.is_storable
        )
        if not tracked:
            return self.env["stock.picking"]
        source_by_lot = tracked._custody_serial_sources()
        groups = defaultdict(lambda: defaultdict(list))
        for asset in tracked:
            source = source_by_lot.get(asset.lot_id.id)
            destination = destinations[asset.id]
            if source and source != destination:
                groups[asset.company_id, destination][asset.product_id, source].append(
                    asset
                )
        if not groups:
            return self.env["stock.picking"]
        Picking = (
            self.env["stock.picking"]
            .sudo()
            .with_context(it_asset_custody_move=True, tracking_disable=True)
        )
        keys = list(groups)
        pickings = Picking.create(
            [
                {
                    "picking_type_id": self._custody_picking_type(company).id,
                    "location_id": next(iter(groups[company, destination]))[1].id,
                    "location_dest_id": destination.id,
                    "company_id": company.id,
                    "origin": self.env._("IT asset custody"),
                    "move_ids": [
                        Command.create(
                            self._custody_move_vals(
                                product, source, destination, assets
                            )
                        )
                        for (product, source), assets in groups[
                            company, destination
                        ].items()
                    ],
                }
                for company, destination in keys
            ]
        )
        # exactly these serials, from where they are: one done line each
        move_by_key = {}
        for key, picking in zip(keys, pickings, strict=True):
            for move in picking.move_ids:
                move_by_key[key, move.product_id, move.location_id] = move
        self.env["stock.move.line"].sudo().create(
            [
                self._custody_move_line_vals(move_by_key[key, product, source], asset)
                for key in keys
                for (product, source), assets in groups[key].items()
                for asset in assets
            ]
        )
        pickings._action_done()
        return pickings.with_env(self.env)

    def _custody_serial_sources(self):
        """{lot id: the stock location where that serial is}."""
        quants = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [
                    ("lot_id", "in", self.lot_id.ids),
                    ("quantity", ">", 0),
                    (
                        "location_id.usage",
                        "not in",
                        ("supplier", "customer", "production", "view"),
                    ),
                ],
                ["lot_id", "location_id"],
            )
        )
        return {lot.id: location for lot, location in quants}

    @api.model
    def _custody_picking_type(self, company):
        warehouse = (
            self.env["stock.warehouse"]
            .sudo()
            .search([("company_id", "=", company.id)], limit=1)
        )
        return warehouse.int_type_id

    @api.model
    def _custody_move_vals(self, product, source, destination, assets):
        """Values of the stock move of ``assets`` (one product, one source)."""
        return {
            "name": product.display_name,
            "product_id": product.id,
            "product_uom": product.uom_id.id,
            "product_uom_qty": float(len(assets)),
            "location_id": source.id,
            "location_dest_id": destination.id,
            "company_id": assets[0].company_id.id,
            "picked": True,
        }

    @api.model
    def _custody_move_line_vals(self, move, asset):
        """A done line of ``move`` for the serial of ``asset``."""
        return {
            "move_id": move.id,
            "picking_id": move.picking_id.id,
            "product_id": move.product_id.id,
            "product_uom_id": move.product_uom.id,
            "lot_id": asset.lot_id.id,
            "quantity": 1.0,
            "picked": True,
            "location_id": move.location_id.id,
            "location_dest_id": move.location_dest_id.id,
            "company_id": move.company_id.id,
        }

    # ------------------------------------------------------------------
    # stock screens: a transfer to or from a custody location
    # ------------------------------------------------------------------
    def _it_asset_after_stock_sync(self, changes):
        """A serial moved in the stock screens to an employee's or a
        department's custody location opens their custody (closing the
        previous one: a handover); moved out of it, the custody is closed.
        Moves made by the custody actions themselves are already handled."""
        result = super()._it_asset_after_stock_sync(changes)
        if self.env.context.get("it_asset_custody_move"):
            return result
        last = {}
        for change in changes:
            last[change["asset"].id] = change
        Custody = self.env["it.asset.custody"].sudo()
        # the current custody is stored on the asset: no query for the
        # transfers that touch no custody (receipts, moves between stocks)
        current_by_asset = {
            change["asset"].id: change["asset"].sudo().custody_id
            for change in last.values()
        }
        today = fields.Date.context_today(self)
        to_close = Custody
        to_open = {}
        for asset_id, change in last.items():
            location = change["location_to"]
            holder = location.it_asset_employee_id or location.it_asset_department_id
            current = current_by_asset.get(asset_id, Custody)
            if holder and current:
                current_holder = current.employee_id or current.department_id
                if current_holder == holder:
                    continue
            to_close |= current
            if holder:
                # a warehouse transfer is never blocked by register dates
                start = max(today, change["asset"].acquisition_date or today)
                if current:
                    start = max(start, current.date_start)
                to_open.setdefault((holder, location, start), []).append(asset_id)
        for start in set(to_close.mapped("date_start")):
            to_close.filtered(lambda c, s=start: c.date_start == s)._close(
                max(today, start)
            )
        previous = {c.asset_id.id: c.id for c in to_close}
        for (holder, location, start), asset_ids in to_open.items():
            Custody._create_custodies(
                self.browse(asset_ids),
                holder,
                start,
                location,
                {"previous_by_asset": previous},
            )
        return result
