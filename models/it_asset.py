# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.it_asset.lib import lifecycle

from .guarded_fields import by_action, refuse_direct

STATE_SELECTION = [
    (lifecycle.DRAFT, "Draft"),
    (lifecycle.IN_STOCK, "In Stock"),
    (lifecycle.IN_USE, "In Use"),
    (lifecycle.IN_REPAIR, "In Repair"),
    (lifecycle.RETIRED, "Retired"),
    (lifecycle.DISPOSED, "Disposed"),
    (lifecycle.MISSING, "Missing"),
]
# set only by the lifecycle actions (see guarded_fields); a new asset may be
# created in Draft or In Stock, other statuses come through _import_create
GUARDED_FIELDS = frozenset({"state", "previous_state"})
CREATE_STATES = {"state": {lifecycle.DRAFT, lifecycle.IN_STOCK}}


class ItAsset(models.Model):
    _name = "it.asset"
    _description = "IT Asset"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "tag desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["tag", "name", "serial_number"]

    # identity
    # given once, on creation (from the sequence, or kept from a migrated
    # register), then never changed: it is printed on the asset's label
    tag = fields.Char(
        string="Asset Tag",
        copy=False,
        index=True,
        default=lambda self: self.env._("New"),
        help="Unique asset identifier, given from the IT asset sequence (or "
        "kept from the former register on import); it never changes.",
    )
    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    category_id = fields.Many2one(
        "it.asset.category",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    kind = fields.Selection(related="category_id.kind", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="IT Responsible",
        default=lambda self: self._default_user_id(),
        tracking=True,
        domain="[('share', '=', False)]",
        help="IT user in charge of this asset: activities are assigned to them.",
    )
    # what it is
    product_id = fields.Many2one(
        "product.product",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    product_tracking = fields.Selection(related="product_id.tracking")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial (stock)",
        index="btree_not_null",
        copy=False,
        check_company=True,
        domain="[('product_id', '=', product_id)]",
        tracking=True,
        help="The stock serial number of this asset, for products tracked by "
        "serial: stock moves of this serial move the asset.",
    )
    serial_number = fields.Char(copy=False, index="btree_not_null", tracking=True)
    manufacturer_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        domain="[('is_company', '=', True)]",
        tracking=True,
    )
    model_name = fields.Char(string="Model", tracking=True)
    specifications = fields.Text(help="CPU, memory, storage, screen size...")
    hostname = fields.Char()
    mac_address = fields.Char(string="MAC Address")
    # acquisition
    acquisition_date = fields.Date(default=fields.Date.context_today, tracking=True)
    # the register, the board and the entries are in the company's currency;
    # a cost paid in another currency is kept apart and converted
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_currency_id",
        store=True,
        precompute=True,
        help="The company's currency: the cost, the board and the entries.",
    )
    acquisition_cost = fields.Monetary(
        compute="_compute_acquisition_cost",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="In the company's currency. For a cost paid in another currency: "
        "converted at the rate of the in-service date (until then, of the "
        "acquisition date).",
    )
    purchase_currency_id = fields.Many2one(
        "res.currency",
        help="Currency the asset was paid in, when not the company's.",
    )
    purchase_cost = fields.Monetary(
        string="Cost in Purchase Currency",
        currency_field="purchase_currency_id",
        tracking=True,
    )
    vendor_id = fields.Many2one("res.partner", index="btree_not_null", tracking=True)
    warranty_end_date = fields.Date(tracking=True)
    warranty_days_left = fields.Integer(
        compute="_compute_warranty_days_left",
        help="Days until the warranty ends (negative once expired).",
    )
    # where and how
    location_id = fields.Many2one(
        "stock.location",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    condition = fields.Selection(
        [
            ("new", "New"),
            ("good", "Good"),
            ("fair", "Fair"),
            ("poor", "Poor"),
            ("broken", "Broken"),
        ],
        default="new",
        tracking=True,
    )
    state = fields.Selection(
        STATE_SELECTION,
        string="Status",
        required=True,
        default=lifecycle.DRAFT,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        group_expand=True,
    )
    previous_state = fields.Selection(
        STATE_SELECTION,
        readonly=True,
        copy=False,
        help="Status before the last status change (a repair returns to it).",
    )
    notes = fields.Html()

    _sql_constraints = [
        (
            "tag_company_uniq",
            "UNIQUE(company_id, tag)",
            "An asset tag must be unique per company.",
        ),
        (
            "lot_uniq",
            "UNIQUE(lot_id)",
            "A serial number cannot belong to two assets.",
        ),
    ]

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("acquisition_cost", "purchase_cost")
    def _check_acquisition_cost(self):
        for asset in self:
            if asset.acquisition_cost < 0 or asset.purchase_cost < 0:
                raise ValidationError(
                    self.env._(
                        "Asset %(asset)s: the acquisition cost cannot be negative "
                        "(%(cost)s).",
                        asset=asset.display_name,
                        cost=min(asset.acquisition_cost, asset.purchase_cost),
                    )
                )

    @api.constrains("warranty_end_date", "acquisition_date")
    def _check_warranty_end_date(self):
        for asset in self:
            if (
                asset.warranty_end_date
                and asset.acquisition_date
                and asset.warranty_end_date < asset.acquisition_date
            ):
                raise ValidationError(
                    self.env._(
                        "Asset %(asset)s: the warranty end date (%(end)s) is before "
                        "the acquisition date (%(start)s).",
                        asset=asset.display_name,
                        end=asset.warranty_end_date,
                        start=asset.acquisition_date,
                    )
                )

    @api.constrains("lot_id", "product_id")
    def _check_lot_product(self):
        for asset in self.sudo().filtered("lot_id"):
            if asset.product_id and asset.lot_id.product_id != asset.product_id:
                raise ValidationError(
                    self.env._(
                        "Asset %(asset)s: serial %(serial)s belongs to product "
                        "%(lot_product)s, not %(product)s.",
                        asset=asset.display_name,
                        serial=asset.lot_id.name,
                        lot_product=asset.lot_id.product_id.display_name,
                        product=asset.product_id.display_name,
                    )
                )

    def init(self):
        """One asset per serial of a product in a company, whatever the letter
        case (serials are stored trimmed): guarded by the database, so that
        two users saving the same serial at once cannot both succeed."""
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS it_asset_serial_ci_uniq "
                "ON it_asset (company_id, COALESCE(product_id, 0), "
                "lower(serial_number)) WHERE serial_number IS NOT NULL"
            )
        )

    @api.model
    def _check_serials_free(self, keyed):
        """Refuse, before anything is written, a serial already used by
        another asset of the same product and company, compared without
        letter case (serials are stored trimmed). ``keyed``: (asset id or
        None, company id, product id or 0, serial) tuples. One query for a
        receipt of a thousand serials; the unique index is the last guard
        under concurrency."""
        keyed = [k for k in keyed if k[3]]
        if not keyed:
            return
        self.flush_model(["serial_number", "product_id", "company_id"])
        self.env.cr.execute(
            SQL(
                "SELECT id, company_id, COALESCE(product_id, 0), "
                "lower(serial_number) FROM it_asset "
                "WHERE company_id = ANY(%s) AND lower(serial_number) = ANY(%s)",
                list({k[1] for k in keyed}),
                list({k[3].lower() for k in keyed}),
            )
        )
        taken = {(c, p, serial): i for i, c, p, serial in self.env.cr.fetchall()}
        seen = {}
        for asset_id, company_id, product_id, serial in keyed:
            key = (company_id, product_id or 0, serial.lower())
            other = taken.get(key)
            if other in (None, asset_id):
                other = seen.get(key)
            if other is not None and other != asset_id:
                raise ValidationError(
                    self.env._(
                        "Serial number %(serial)s is already used by asset "
                        "%(other)s (serials are compared without letter case "
                        "or surrounding spaces). Nothing was saved.",
                        serial=serial,
                        other=self.browse(other).sudo().display_name
                        if other
                        else self.env._("another asset of the same batch"),
                    )
                )
            seen[key] = asset_id or 0

    # ------------------------------------------------------------------
    # defaults
    # ------------------------------------------------------------------
    @api.model
    def _default_user_id(self):
        """Whoever registers the asset, but never OdooBot: an asset made by
        a scheduled job or data file has no IT responsible until one is set
        (its alerts go to the company's default responsible meanwhile)."""
        return self.env.user if self.env.uid != SUPERUSER_ID else False

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends("tag", "name")
    def _compute_display_name(self):
        for asset in self:
            if asset.tag and asset.tag != self.env._("New"):
                asset.display_name = f"[{asset.tag}] {asset.name or ''}".strip()
            else:
                asset.display_name = asset.name or ""

    @api.depends("warranty_end_date")
    def _compute_warranty_days_left(self):
        today = fields.Date.context_today(self)
        for asset in self:
            asset.warranty_days_left = (
                (asset.warranty_end_date - today).days if asset.warranty_end_date else 0
            )

    @api.depends("company_id")
    def _compute_currency_id(self):
        for asset in self:
            asset.currency_id = (asset.company_id or self.env.company).currency_id

    @api.depends("purchase_currency_id", "purchase_cost", "currency_id")
    def _compute_acquisition_cost(self):
        """A cost in a purchase currency, converted at the rate of the
        acquisition date: an estimate until the capitalisation converts it
        at the rate of the in-service date (``_foreign_cost_at``). Other
        assets keep the cost entered in the company's currency."""
        for asset in self:
            if asset._has_foreign_cost():
                asset.acquisition_cost = asset._foreign_cost_at(
                    asset.acquisition_date or fields.Date.context_today(asset)
                )

    def _foreign_cost_at(self, date):
        """The cost in purchase currency, in the company's currency at the
        rate of ``date``."""
        self.ensure_one()
        return self.purchase_currency_id._convert(
            self.purchase_cost,
            self.currency_id,
            self.company_id or self.env.company,
            date,
        )

    def _has_foreign_cost(self):
        self.ensure_one()
        return bool(
            self.purchase_currency_id and self.purchase_currency_id != self.currency_id
        )

    # ------------------------------------------------------------------
    # onchanges
    # ------------------------------------------------------------------
    @api.onchange("product_id")
    def _onchange_product_id(self):
        if not self.product_id:
            return
        if not self.name:
            self.name = self.product_id.name
        if not self.acquisition_cost:
            self.acquisition_cost = self.product_id.standard_price
        if self.lot_id and self.lot_id.product_id != self.product_id:
            self.lot_id = False
        if not self.category_id:
            self.category_id = self._category_for_product_categories(
                self.product_id.categ_id
            )[self.product_id.categ_id]

    @api.onchange("lot_id")
    def _onchange_lot_id(self):
        if self.lot_id:
            self.serial_number = self.lot_id.name
            self.product_id = self.lot_id.product_id

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        refuse_direct(
            self, vals_list, GUARDED_FIELDS, allowed=CREATE_STATES, operation="create"
        )
        vals_list = [dict(vals) for vals in vals_list]
        self._prepare_serials(vals_list)
        self._check_serials_free(
            [
                (
                    None,
                    vals.get("company_id") or self.env.company.id,
                    vals.get("product_id") or 0,
                    vals.get("serial_number"),
                )
                for vals in vals_list
            ]
        )
        new_label = self.env._("New")
        missing = [v for v in vals_list if not v.get("tag") or v["tag"] == new_label]
        by_company = {}
        for vals in missing:
            company_id = vals.get("company_id") or self.env.company.id
            by_company.setdefault(company_id, []).append(vals)
        for company_id, company_vals in by_company.items():
            company = self.env["res.company"].browse(company_id)
            for vals, tag in zip(
                company_vals, self._next_tags(company, len(company_vals)), strict=True
            ):
                vals["tag"] = tag
        return super().create(vals_list)

    def write(self, vals):
        refuse_direct(self, [vals], GUARDED_FIELDS)
        if "tag" in vals and any(asset.tag != vals["tag"] for asset in self):
            raise UserError(
                self.env._(
                    "The asset tag is given when the asset is created and never "
                    "changes (it is on the asset's label). Nothing was changed."
                )
            )
        if isinstance(vals.get("serial_number"), str):
            vals = dict(vals, serial_number=vals["serial_number"].strip() or False)
        if "state" in vals:
            self._check_transitions(vals["state"])
            vals = dict(vals)
            # remember where each asset came from; one write per old state
            changing = self.filtered(lambda a: a.state != vals["state"])
            for old_state in set(changing.mapped("state")):
                group = changing.filtered(lambda a, s=old_state: a.state == s)
                super(ItAsset, group).write(dict(vals, previous_state=old_state))
            rest = self - changing
            return super(ItAsset, rest).write(vals) if rest else True
        if {"serial_number", "lot_id", "product_id"} & set(vals):
            vals_list = [vals]
            if len(self) == 1 or "serial_number" not in vals:
                self._prepare_serials(vals_list, records=self)
            vals = vals_list[0]
        if {"serial_number", "product_id", "company_id"} & set(vals):
            self._check_serials_free(
                [
                    (
                        asset.id,
                        vals.get("company_id", asset.company_id.id),
                        vals.get("product_id", asset.product_id.id) or 0,
                        vals.get("serial_number", asset.serial_number),
                    )
                    for asset in self
                ]
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        for asset in self:
            if asset.state != lifecycle.DRAFT:
                raise UserError(
                    self.env._(
                        "Asset %(asset)s is %(state)s: only draft assets can be "
                        "deleted; archive it instead.",
                        asset=asset.display_name,
                        state=dict(STATE_SELECTION)[asset.state],
                    )
                )

    # ------------------------------------------------------------------
    # lifecycle actions
    # ------------------------------------------------------------------
    def action_confirm(self):
        """Draft -> In stock: the asset is registered and available."""
        return self._change_state(lifecycle.IN_STOCK)

    def action_deploy(self):
        """In stock -> In use."""
        return self._change_state(lifecycle.IN_USE)

    def action_return_to_stock(self):
        return self._change_state(lifecycle.IN_STOCK)

    def action_send_to_repair(self):
        return self._change_state(lifecycle.IN_REPAIR)

    def action_repair_done(self):
        """In repair -> the status it had before the repair."""
        not_in_repair = self.filtered(lambda a: a.state != lifecycle.IN_REPAIR)
        if not_in_repair:
            raise UserError(
                self.env._(
                    "These assets are not in repair: %s",
                    ", ".join(not_in_repair.mapped("display_name")),
                )
            )
        for previous in set(self.mapped("previous_state")):
            assets = self.filtered(lambda a, p=previous: a.previous_state == p)
            target = previous
            if target in (None, False, lifecycle.DRAFT, lifecycle.IN_REPAIR):
                target = lifecycle.IN_STOCK
            assets._change_state(target)
        return True

    def action_retire(self):
        return self._change_state(lifecycle.RETIRED)

    def action_dispose(self):
        return self._change_state(lifecycle.DISPOSED)

    def action_mark_missing(self):
        return self._change_state(lifecycle.MISSING)

    def action_found(self):
        """Missing -> In stock."""
        return self._change_state(lifecycle.IN_STOCK)

    def action_reset_to_draft(self):
        return self._change_state(lifecycle.DRAFT)

    # ------------------------------------------------------------------
    # extension hooks: the stock, custody, maintenance and depreciation
    # parts of the addon override these (each in its own file)
    # ------------------------------------------------------------------
    def _it_asset_after_stock_sync(self, changes):
        """Called once per validated batch of stock moves, after the assets'
        location and status followed them. ``changes`` is a list of dicts:
        asset, move_line, location_from, location_to, kind (see stock sync)."""
        return

    def _it_asset_on_capitalised(self, date, stock_move=None):
        """Called when ``self`` is capitalised (on receipt, on deployment or by
        hand) on ``date``; ``stock_move`` is the stock move that did it."""
        return

    # ------------------------------------------------------------------
    # business methods
    # ------------------------------------------------------------------
    def _it_asset_responsible(self):
        """{asset: the user who gets its activities}: its IT responsible, else
        the company's default IT responsible or first IT manager. Never
        OdooBot: jobs run as the superuser, whose name must not stand for a
        person who has to act."""
        defaults = {}
        result = {}
        for asset in self:
            user = asset.user_id
            if not user.active or user.id == SUPERUSER_ID:
                company = asset.company_id
                if company not in defaults:
                    defaults[company] = company._it_asset_default_responsible()
                user = defaults[company]
            result[asset] = user
        return result

    def _change_state(self, new_state):
        """Move every asset of ``self`` to ``new_state`` or none of them."""
        self._check_transitions(new_state)
        by_action(self).write({"state": new_state})
        return True

    @api.model
    def _import_create(self, vals_list, reason):
        """Create assets in any status (a register migrated from another
        system): the one documented path around the lifecycle. Each asset's
        chatter says it was imported in that status, and why."""
        if not reason:
            raise UserError(self.env._("Say why these assets are imported."))
        assets = by_action(self).create(vals_list)
        labels = dict(STATE_SELECTION)
        assets._message_log_batch(
            {
                asset.id: self.env._(
                    "Imported in status %(state)s: %(reason)s",
                    state=labels[asset.state],
                    reason=reason,
                )
                for asset in assets
            }
        )
        return assets.with_env(self.env)

    def _check_transitions(self, new_state):
        bad = lifecycle.illegal((asset, asset.state, new_state) for asset in self)
        if bad:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "Illegal status change, nothing was changed:\n%s",
                    "\n".join(
                        self.env._(
                            "%(asset)s cannot go from %(old)s to %(new)s.",
                            asset=asset.display_name,
                            old=labels[old],
                            new=labels[new],
                        )
                        for asset, old, new in bad
                    ),
                )
            )

    @api.model
    def _next_tags(self, company, count):
        """Return ``count`` new tags from the asset sequence of ``company``.

        A standard (PostgreSQL) sequence gives them all in one query.
        """
        if not count:
            return []
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .with_company(company)
            .search(
                [("code", "=", "it.asset"), ("company_id", "in", [company.id, False])],
                order="company_id",
                limit=1,
            )
        )
        if not sequence:
            raise UserError(
                self.env._("The IT asset sequence (code it.asset) is missing.")
            )
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence.next_by_id() for _i in range(count)]
        self.env.cr.execute(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        return [sequence.get_next_char(number) for (number,) in self.env.cr.fetchall()]

    @api.model
    def _prepare_serials(self, vals_list, records=None):
        """Link typed serials to stock serials and back, in batch.

        For a product tracked by serial, a serial number typed on the asset is
        the stock.lot of that product (found, or created when new); a chosen
        stock.lot gives its name to the asset.
        """
        # the register owns the link to the stock serial: IT users without
        # Inventory rights find or create it (this one elevated lookup)
        Lot = self.env["stock.lot"].sudo()
        Product = self.env["product.product"].sudo()
        wanted = []
        for vals in vals_list:
            if isinstance(vals.get("serial_number"), str):
                vals["serial_number"] = vals["serial_number"].strip() or False
            if vals.get("lot_id"):
                lot = Lot.browse(vals["lot_id"])
                vals.setdefault("serial_number", lot.name)
                vals.setdefault("product_id", lot.product_id.id)
                continue
            product_id = vals.get("product_id") or (
                records.product_id.id if records and len(records) == 1 else False
            )
            serial = vals.get("serial_number")
            if not (product_id and serial):
                continue
            product = Product.browse(product_id)
            if product.tracking != "serial":
                continue
            company_id = vals.get("company_id") or (
                records.company_id.id if records else self.env.company.id
            )
            wanted.append((vals, product_id, serial, company_id))
        if wanted:
            self._link_typed_serials(wanted)
        self._check_lots_free(
            [vals["lot_id"] for vals in vals_list if vals.get("lot_id")], records
        )

    @api.model
    def _link_typed_serials(self, wanted):
        """Find (without letter case) or create, in one query and one create,
        the stock serials of ``wanted``: (vals, product_id, serial,
        company_id) tuples. Elevated: see _prepare_serials."""
        Lot = self.env["stock.lot"].sudo()
        Lot.flush_model(["name", "product_id", "company_id"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM stock_lot WHERE product_id = ANY(%s) "
                "AND lower(name) = ANY(%s) ORDER BY id",
                list({w[1] for w in wanted}),
                list({w[2].lower() for w in wanted}),
            )
        )
        existing = {}
        for lot in Lot.browse([row[0] for row in self.env.cr.fetchall()]):
            existing.setdefault((lot.product_id.id, lot.name.lower()), lot)
        to_create = {}
        for _vals, product_id, serial, company_id in wanted:
            key = (product_id, serial.lower())
            if key not in existing:
                to_create.setdefault(
                    key,
                    {
                        "product_id": product_id,
                        "name": serial,
                        "company_id": company_id,
                    },
                )
        if to_create:
            for lot in Lot.create(list(to_create.values())):
                existing[(lot.product_id.id, lot.name.lower())] = lot
        for vals, product_id, serial, _company_id in wanted:
            lot = existing[(product_id, serial.lower())]
            vals["lot_id"] = lot.id
            vals["serial_number"] = lot.name

    @api.model
    def _check_lots_free(self, lot_ids, records=None):
        """Refuse, before anything is written, a stock serial that already has
        an asset (the unique index stays the last guard under concurrency)."""
        if not lot_ids:
            return
        taken = (
            self.env["it.asset"]
            .with_context(active_test=False)
            .search(
                [("lot_id", "in", lot_ids), ("id", "not in", (records or self).ids)]
            )
        )
        repeated = {lot_id for lot_id, n in Counter(lot_ids).items() if n > 1}
        if taken or repeated:
            lot = (
                taken[:1].lot_id or self.env["stock.lot"].browse(min(repeated))
            ).sudo()
            raise ValidationError(
                self.env._(
                    "Serial number %(serial)s is already used by asset %(other)s.",
                    serial=lot.name,
                    other=taken[:1].display_name or self.env._("in the same batch"),
                )
            )

    @api.model
    def _category_for_product_categories(self, product_categories):
        """Map each product category to the asset category covering it (or its
        nearest parent), in one search."""
        asset_categories = self.env["it.asset.category"].search(
            [("product_category_ids", "!=", False)], order="parent_path desc"
        )
        result = {}
        for product_category in product_categories:
            ancestors = [int(i) for i in product_category.parent_path.split("/") if i]
            found = self.env["it.asset.category"]
            for ancestor_id in reversed(ancestors):
                found = asset_categories.filtered(
                    lambda c, a=ancestor_id: a in c.product_category_ids.ids
                )[:1]
                if found:
                    break
            result[product_category] = found
        return result
