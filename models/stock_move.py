# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round, format_amount, html_escape

from odoo.addons.it_asset.lib import lifecycle

# kind of stock movement -> target asset status (None: keep, see _target_state)
KIND_STATE = {
    "receipt": lifecycle.IN_STOCK,
    "internal": None,
    "to_holder": lifecycle.IN_USE,
    "from_holder": lifecycle.IN_STOCK,
    "to_repair": lifecycle.IN_REPAIR,
    "from_repair": lifecycle.IN_STOCK,
    "scrap": lifecycle.DISPOSED,
    "return_vendor": lifecycle.DISPOSED,
    "out": lifecycle.DISPOSED,
}


def movement_kind(source, destination, roles):
    """Kind of a stock movement of an asset from ``source`` to
    ``destination`` (stock.location); ``roles`` maps a location to its IT role
    ('stock', 'in_use', 'repair' or False), see stock.location._it_asset_roles."""
    if source.usage == "supplier":
        return "receipt"
    if destination.usage == "supplier":
        return "return_vendor"
    if destination.scrap_location:
        return "scrap"
    destination_role = roles(destination)
    if destination_role == "repair":
        return "to_repair"
    if destination_role == "in_use":
        return "to_holder"
    if destination.usage in ("internal", "transit"):
        source_role = roles(source)
        if source_role == "repair":
            return "from_repair"
        if source_role == "in_use":
            return "from_holder"
        return "internal"
    return "out"


class StockMove(models.Model):
    _inherit = "stock.move"

    it_asset_ids = fields.One2many("it.asset", "stock_move_id", string="IT Assets")

    # ------------------------------------------------------------------
    # validation: check, let stock do its work, then sync the register
    # ------------------------------------------------------------------
    def _action_done(self, cancel_backorder=False):
        if self.env.context.get("it_asset_no_stock_sync"):
            return super()._action_done(cancel_backorder=cancel_backorder)
        already_done = set(self.filtered(lambda m: m.state == "done").ids)
        todo = self.filtered(lambda m: m.state not in ("done", "cancel"))
        register = todo._it_asset_register()
        decisions = register._it_asset_receipt_decisions()
        register._it_asset_check_before_done(decisions)
        moves = super(
            StockMove,
            self.with_context(it_asset_decisions=tuple(decisions.items())),
        )._action_done(cancel_backorder=cancel_backorder)
        # back to the caller's environment: the decisions are only for the
        # valuation inside super()
        moves = moves.with_env(self.env)
        done = moves.filtered(lambda m: m.state == "done" and m.id not in already_done)
        if done:
            register = done._it_asset_register()
            register._it_asset_stock_sync(decisions)
            register._it_asset_note_expensed_in_stock(decisions)
        return moves

    def _it_asset_register(self):
        """``self`` as the register sees it: the one elevation of the stock
        flow. Warehouse staff validate transfers of IT assets without any
        right on the register (they may not read it); what they validate
        must still be checked against it and reach it (assets created,
        moved, custodies opened or closed, capitalised). Only the addon's own
        bookkeeping runs here, after Odoo's stock checks, with the validating
        user kept as author of every chatter line and record."""
        return self.sudo()

    def _it_asset_is_receipt(self):
        self.ensure_one()
        return self.location_id.usage == "supplier" and self.product_id.is_storable

    def _it_asset_unit_cost_hint(self):
        """Unit cost used to classify a receipt before it is valued."""
        self.ensure_one()
        return (
            self.price_unit
            or self.product_id.with_company(self.company_id).standard_price
        )

    def _it_asset_receipt_decisions(self):
        """{move id: classification decision} of the receipt moves of ``self``
        (one classification per company and unit cost, not per move)."""
        receipts = self.filtered(lambda m: m._it_asset_is_receipt())
        groups = receipts.grouped(
            lambda move: (move.company_id, move._it_asset_unit_cost_hint())
        )
        Rule = self.env["it.asset.classification.rule"]
        result = {}
        for (company, cost), moves in groups.items():
            decisions = Rule._classify_products(
                moves.product_id,
                company=company,
                unit_costs=dict.fromkeys(moves.product_id.ids, cost),
            )
            for move in moves:
                result[move.id] = decisions[move.product_id]
        return result

    def _it_asset_note_expensed_in_stock(self, decisions):
        """Storable products classified as expense are received into valued
        stock like any other (no asset): say so on the receipt, one note per
        picking, so that finance is not surprised by their inventory value."""
        by_picking = defaultdict(dict)
        for move in self:
            decision = decisions.get(move.id)
            if decision and decision.outcome == "expense" and move.picking_id:
                by_picking[move.picking_id][move.product_id] = decision
        for picking, products in by_picking.items():
            items = Markup().join(
                Markup("<li>%s</li>")
                % self.env._(
                    "%(product)s (%(rule)s)",
                    product=product.display_name,
                    rule=decision.rule_name,
                )
                for product, decision in products.items()
            )
            # a note, as Odoo's own logs: no sender email needed
            picking._message_log(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._(
                        "Classified as expense but tracked in stock: received "
                        "into inventory at their cost, no asset created. Make "
                        "them consumable (untick Track Inventory) to expense "
                        "them when bought."
                    ),
                    items,
                ),
            )

    def _it_asset_check_before_done(self, decisions):
        """Refuse, before anything is written, what would break the register:
        a serial-tracked asset received without serials, a disposed asset's
        serial moved, a serial received again while its asset is here."""
        lines = self.move_line_ids.filtered(lambda ml: ml.quantity)
        for move in self:
            decision = decisions.get(move.id)
            if not decision or decision.outcome != "asset":
                continue
            if move.product_id.tracking == "serial" and any(
                not (ml.lot_id or ml.lot_name) for ml in lines if ml.move_id == move
            ):
                raise UserError(
                    self.env._(
                        "%(ref)s: %(product)s is classified as an asset (%(rule)s) "
                        "and tracked by serial number: set the serial number of "
                        "each unit before validating.",
                        ref=move.picking_id.name or move.reference or move.name,
                        product=move.product_id.display_name,
                        rule=decision.rule_name,
                    )
                )
        if not lines.lot_id:
            return
        assets = (
            self.env["it.asset"]
            .with_context(active_test=False)
            .search([("lot_id", "in", lines.lot_id.ids)])
        )
        by_lot = {asset.lot_id: asset for asset in assets}
        for line in lines:
            asset = by_lot.get(line.lot_id)
            if not asset:
                continue
            ref = line.picking_id.name or line.reference or line.move_id.name
            if asset.state == lifecycle.DISPOSED:
                raise UserError(
                    self.env._(
                        "%(ref)s: serial %(serial)s belongs to asset %(asset)s, "
                        "which is disposed: it cannot be moved. Nothing was "
                        "validated.",
                        ref=ref,
                        serial=line.lot_id.name,
                        asset=asset.display_name,
                    )
                )
            if (
                line.location_id.usage == "supplier"
                and asset.active
                and asset.state in (lifecycle.IN_STOCK, lifecycle.IN_USE)
            ):
                raise UserError(
                    self.env._(
                        "%(ref)s: serial %(serial)s is already registered as "
                        "asset %(asset)s; receiving it again would make a second "
                        "asset for the same serial. Nothing was validated.",
                        ref=ref,
                        serial=line.lot_id.name,
                        asset=asset.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # the sync itself (batch: a few queries whatever the number of serials)
    # ------------------------------------------------------------------
    def _it_asset_stock_sync(self, decisions):
        Asset = self.env["it.asset"].with_context(
            mail_notrack=True, mail_create_nolog=True, mail_create_nosubscribe=True
        )
        roles = self.env["stock.location"]._it_asset_roles()
        lines = self.move_line_ids.filtered(lambda ml: ml.quantity)
        existing = (
            {
                asset.lot_id: asset
                for asset in Asset.with_context(active_test=False).search(
                    [("lot_id", "in", lines.lot_id.ids)]
                )
            }
            if lines.lot_id
            else {}
        )
        changes = []
        # 1. receipts of assets: one asset per serial / per unit
        new_assets = self._it_asset_create_from_receipts(lines, existing, decisions)
        for asset, line in new_assets:
            changes.append(
                {
                    "asset": asset,
                    "move_line": line,
                    "location_from": line.location_id,
                    "location_to": line.location_dest_id,
                    "kind": "receipt",
                }
            )
        # 2. receipt returns of per-unit (non serial) assets
        cancelled, returned = self._it_asset_unit_returns(lines)
        changes += returned
        # 3. existing assets whose serial moved
        moved = []
        for line in lines:
            asset = existing.get(line.lot_id)
            if asset:
                moved.append(
                    {
                        "asset": asset,
                        "move_line": line,
                        "location_from": line.location_id,
                        "location_to": line.location_dest_id,
                        "kind": movement_kind(
                            line.location_id, line.location_dest_id, roles
                        ),
                    }
                )
        changes += moved
        cancelled |= self._it_asset_apply_moves(moved)
        self._it_asset_capitalise(new_assets, changes)
        self._it_asset_log(changes, cancelled)
        if changes:
            assets = Asset.browse(list(dict.fromkeys(c["asset"].id for c in changes)))
            assets._it_asset_after_stock_sync(changes)

    def _it_asset_create_from_receipts(self, lines, existing, decisions):
        """Create the assets of received units (one create); return the
        [(asset, move line)] pairs."""
        vals_list = []
        origin = []
        it_user = self.env.user.filtered(
            lambda u: u.has_group("it_asset.group_it_asset_user")
        )
        for move in self:
            decision = decisions.get(move.id)
            if (
                not decision
                or decision.outcome != "asset"
                or move.location_dest_id.usage not in ("internal", "transit")
            ):
                continue
            unit_costs = move._it_asset_unit_costs()
            common = {
                "name": move.product_id.name,
                "product_id": move.product_id.id,
                "category_id": decision.asset_category_id,
                "company_id": move.company_id.id,
                "acquisition_date": fields.Date.to_date(move.date),
                "vendor_id": move._it_asset_vendor().id,
                "purchase_order_ref": move._it_asset_purchase_ref(),
                "stock_move_id": move.id,
                "classification_rule_id": decision.rule_id or False,
                "capitalise_on": decision.capitalise_on,
                "state": lifecycle.IN_STOCK,
                # the IT user who received it follows it; a warehouse
                # user does not (they cannot see the register)
                "user_id": it_user.id,
            }
            for line in lines:
                if line.move_id != move:
                    continue
                cost = unit_costs.get(line.lot_id, unit_costs.get(None, 0.0))
                vals = dict(
                    common,
                    location_id=line.location_dest_id.id,
                    acquisition_cost=cost,
                )
                if line.lot_id:
                    if line.lot_id in existing:
                        continue
                    vals["lot_id"] = line.lot_id.id
                    vals_list.append(vals)
                    origin.append(line)
                else:
                    units = int(
                        float_round(line.quantity_product_uom, precision_rounding=1.0)
                    )
                    vals_list.extend([dict(vals)] * units)
                    origin.extend([line] * units)
        if not vals_list:
            return []
        # no creation message, follower or tracking per asset: the receipt
        # logs one explanation per asset in one batch below
        assets = (
            self.env["it.asset"].with_context(tracking_disable=True).create(vals_list)
        )
        return list(zip(assets, origin, strict=True))

    def _it_asset_unit_costs(self):
        """{stock.lot or None: unit cost} recorded by the stock valuation of
        this move (None: the move's average unit cost)."""
        self.ensure_one()
        layers = self.sudo().stock_valuation_layer_ids
        quantity = sum(layers.mapped("quantity"))
        result = {
            None: sum(layers.mapped("value")) / quantity
            if quantity
            else self._it_asset_unit_cost_hint()
        }
        for lot, lot_layers in layers.filtered("lot_id").grouped("lot_id").items():
            lot_quantity = sum(lot_layers.mapped("quantity"))
            if lot_quantity:
                result[lot] = sum(lot_layers.mapped("value")) / lot_quantity
        currency = self.company_id.currency_id
        return {key: currency.round(value) for key, value in result.items()}

    def _it_asset_vendor(self):
        self.ensure_one()
        partner = self.picking_id.partner_id or self.partner_id
        if "purchase_line_id" in self._fields and self.purchase_line_id:
            partner = self.purchase_line_id.order_id.partner_id
        return partner.commercial_partner_id

    def _it_asset_purchase_ref(self):
        self.ensure_one()
        if "purchase_line_id" in self._fields and self.purchase_line_id:
            return self.purchase_line_id.order_id.name
        return self.picking_id.origin or self.origin or False

    def _it_asset_unit_returns(self, lines):
        """Cancel the assets of per-unit (not serial) goods returned to their
        vendor: as many as returned, among those of the original receipt still
        in stock. Return the changes (one per cancelled asset)."""
        Asset = self.env["it.asset"]
        cancelled = Asset
        changes = []
        for move in self:
            origin = move.origin_returned_move_id
            if (
                move.location_dest_id.usage != "supplier"
                or not origin
                or move.product_id.tracking == "serial"
            ):
                continue
            move_lines = [ml for ml in lines if ml.move_id == move and not ml.lot_id]
            if not move_lines:
                continue
            returned = sum(ml.quantity_product_uom for ml in move_lines)
            candidates = origin.it_asset_ids.filtered(
                lambda a: a.active and a.state == lifecycle.IN_STOCK
            )[: int(returned)]
            cancelled |= candidates
            changes += [
                {
                    "asset": asset,
                    "move_line": move_lines[0],
                    "location_from": move_lines[0].location_id,
                    "location_to": move_lines[0].location_dest_id,
                    "kind": "return_vendor",
                }
                for asset in candidates
            ]
        by_location = defaultdict(list)
        for change in changes:
            by_location[change["location_to"].id].append(change["asset"].id)
        for location_id, asset_ids in by_location.items():
            Asset.browse(asset_ids).with_context(mail_notrack=True).write(
                {"location_id": location_id}
            )
        if cancelled:
            cancelled._it_asset_cancel()
        return cancelled, changes

    def _it_asset_apply_moves(self, changes):
        """Location and status of the assets of ``changes`` (grouped writes).
        Return the assets cancelled (receipt returned before deployment)."""
        Asset = self.env["it.asset"].with_context(mail_notrack=True)
        by_location = defaultdict(list)
        by_state = defaultdict(list)
        to_cancel = []
        for change in changes:
            asset = change["asset"]
            by_location[change["location_to"].id].append(asset.id)
            if change["kind"] == "return_vendor" and (
                asset.state in (lifecycle.DRAFT, lifecycle.IN_STOCK)
                and (
                    asset.capitalise_on == "receipt"
                    or not asset._it_asset_capitalised()
                )
            ):
                to_cancel.append(asset.id)
                continue
            target = _target_state(change, asset)
            if target and target != asset.state:
                by_state[target].append(asset.id)
        for location_id, asset_ids in by_location.items():
            Asset.browse(asset_ids).with_context(active_test=False).write(
                {"location_id": location_id}
            )
        for target, asset_ids in by_state.items():
            Asset.browse(asset_ids)._it_asset_move_to_state(target)
        cancelled = Asset.browse(to_cancel)
        if cancelled:
            cancelled._it_asset_cancel()
        return cancelled

    def _it_asset_capitalise(self, new_assets, changes):
        """Capitalise what the rules say: new 'on receipt' assets now, 'on
        deployment' assets when they first leave the stock for a holder (or a
        repair vendor); one hook call per stock move."""
        by_move = defaultdict(list)
        for asset, line in new_assets:
            if asset.capitalise_on == "receipt":
                by_move[line.move_id].append(asset.id)
        for change in changes:
            asset = change["asset"]
            if (
                change["kind"] in ("to_holder", "to_repair")
                and not asset._it_asset_capitalised()
                and change["location_from"]._should_be_valued()
            ):
                by_move[change["move_line"].move_id].append(asset.id)
        Asset = self.env["it.asset"].with_context(mail_notrack=True)
        for move, asset_ids in by_move.items():
            assets = Asset.browse(asset_ids)
            # the one capitalisation date: the in-service date the hook sets
            assets._it_asset_on_capitalised(
                fields.Date.to_date(move.date), stock_move=move
            )

    def _it_asset_log(self, changes, cancelled):
        """One chatter line per asset (one batch insert)."""
        labels = dict(
            self.env["it.asset"]._fields["state"]._description_selection(self.env)
        )
        bodies = {}
        for change in changes:
            asset = change["asset"]
            line = change["move_line"]
            ref = line.picking_id.name or line.reference or line.move_id.name
            if change["kind"] == "receipt" and asset.stock_move_id == line.move_id:
                rule = asset.classification_rule_id
                text = self.env._(
                    "Received with %(ref)s into %(location)s at %(cost)s. Classified "
                    "as an asset by %(rule)s%(why)s.",
                    ref=ref,
                    location=line.location_dest_id.display_name,
                    cost=format_amount(
                        self.env, asset.acquisition_cost, asset.currency_id
                    ),
                    rule=rule.name or self.env._("the company default"),
                    # the sentence ends with its own full stop
                    why=f": {rule.rationale.strip().rstrip('.')}"
                    if rule.rationale
                    else "",
                )
            else:
                text = self.env._(
                    "%(ref)s: moved from %(origin)s to %(destination)s; status "
                    "%(state)s.",
                    ref=ref,
                    origin=line.location_id.display_name,
                    destination=line.location_dest_id.display_name,
                    state=labels[asset.state],
                )
            if asset in cancelled:
                text += " " + self.env._(
                    "Returned to the vendor before deployment: asset cancelled "
                    "and archived."
                )
            bodies[asset.id] = bodies.get(asset.id, "") + str(html_escape(text))
        if bodies:
            self.env["it.asset"].browse(list(bodies))._message_log_batch(bodies=bodies)

    # ------------------------------------------------------------------
    # stock valuation: the value of IT assets lands in the fixed-asset
    # account of their category
    # ------------------------------------------------------------------
    def _it_asset_valuation_category(self):
        """(it.asset.category, capitalise_on, capitalised) of the assets this
        move carries, from their register entries or, for a receipt, from the
        rules."""
        self.ensure_one()
        assets = False
        if self.move_line_ids.lot_id:
            assets = (
                self.env["it.asset"]
                .sudo()
                .with_context(active_test=False)
                .search([("lot_id", "in", self.move_line_ids.lot_id.ids)], limit=1)
            )
        if not assets and self.origin_returned_move_id:
            assets = self.origin_returned_move_id.sudo().it_asset_ids[:1]
        if assets:
            return (
                assets.category_id,
                assets.capitalise_on,
                assets._it_asset_capitalised(),
            )
        decision = dict(self.env.context.get("it_asset_decisions") or ()).get(self.id)
        if decision is None and self.product_id.tracking != "serial":
            decision = self.env["it.asset.classification.rule"]._classify_products(
                self.product_id, company=self.company_id
            )[self.product_id]
        if decision and decision.outcome == "asset":
            return (
                self.env["it.asset.category"].browse(decision.asset_category_id),
                decision.capitalise_on,
                decision.capitalise_on == "receipt",
            )
        return self.env["it.asset.category"], False, False

    def _it_asset_fixed_asset_account(self):
        """(fixed-asset account, capitalise_on, capitalised) of this move's
        assets; an empty account when the move carries no asset."""
        category, capitalise_on, capitalised = self._it_asset_valuation_category()
        account = category.with_company(self.company_id).sudo().account_asset_id
        return account, capitalise_on, capitalised

    def _get_src_account(self, accounts_data):
        roles = self.env["stock.location"]._it_asset_roles()
        if roles(self.location_id) in ("in_use", "repair"):
            account = self._it_asset_fixed_asset_account()[0]
            if account:
                return account.id
        return super()._get_src_account(accounts_data)

    def _get_dest_account(self, accounts_data):
        roles = self.env["stock.location"]._it_asset_roles()
        if roles(self.location_dest_id) in ("in_use", "repair"):
            account = self._it_asset_fixed_asset_account()[0]
            if account:
                return account.id
        if self.location_dest_id.scrap_location:
            # scrapping a capitalised asset: its gross value goes back to the
            # fixed-asset account, where the disposal entry takes it out
            account, _capitalise_on, capitalised = self._it_asset_fixed_asset_account()
            if account and capitalised:
                return account.id
        return super()._get_dest_account(accounts_data)

    def _get_accounting_data_for_valuation(self):
        journal_id, acc_src, acc_dest, acc_valuation = (
            super()._get_accounting_data_for_valuation()
        )
        account, capitalise_on, _capitalised = self._it_asset_fixed_asset_account()
        if account and capitalise_on == "receipt":
            # capitalised on receipt: the asset's value never sits in the
            # inventory account, the fixed-asset account holds it
            acc_valuation = account.id
        return journal_id, acc_src, acc_dest, acc_valuation

    def _account_entry_move(self, qty, description, svl_id, cost):
        am_vals = super()._account_entry_move(qty, description, svl_id, cost)
        # an asset already capitalised moving between the stock room and a
        # holder: debit and credit on the same account, nothing to post
        return [
            vals
            for vals in am_vals
            if len({line[2]["account_id"] for line in vals.get("line_ids", [])}) > 1
        ]


def _target_state(change, asset):
    """Status an asset takes after ``change``; None to keep it."""
    kind = change["kind"]
    if kind == "internal":
        if asset.state in (
            lifecycle.DRAFT,
            lifecycle.MISSING,
            lifecycle.IN_REPAIR,
        ):
            return lifecycle.IN_STOCK
        return None
    if kind == "out" and change["location_to"].usage == "inventory":
        # inventory adjustment: the serial was not found
        return lifecycle.MISSING
    return KIND_STATE[kind]
