# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Kits: an asset made of components (a laptop with its dock and monitor).

A component belongs to one parent asset of the same company, without cycles.
Custody follows the kit: checking out, handing over or checking in the
parent moves its components with it (one custody per asset, each component's
custody linked to its parent's); a component moves on its own only once it is
detached. Disposing of a parent decides what becomes of its components:
disposed of with it, or detached and kept.
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.it_asset.lib import lifecycle

from .guarded_fields import by_action, is_action, refuse_direct

# what becomes of the components when their parent is disposed of
COMPONENT_POLICIES = [
    ("detach", "Detach them and keep them in the register"),
    ("dispose", "Dispose of them with it"),
]
KIT_CONTEXT_KEY = "it_asset_kit_components"
GUARDED_CUSTODY_FIELDS = frozenset({"kit_custody_id"})


class ItAsset(models.Model):
    _inherit = "it.asset"

    parent_id = fields.Many2one(
        "it.asset",
        string="Part of Kit",
        index="btree_not_null",
        check_company=True,
        ondelete="restrict",
        tracking=True,
        domain="[('id', '!=', id), ('kind', '!=', 'software')]",
        help="The asset this one is a component of (a dock of a laptop): it "
        "is checked out, handed over and checked in with it.",
    )
    child_ids = fields.One2many("it.asset", "parent_id", string="Components")
    component_count = fields.Integer(compute="_compute_component_count")

    @api.depends("child_ids")
    def _compute_component_count(self):
        counts = dict(
            self._read_group(
                [("parent_id", "in", self.ids)], ["parent_id"], ["__count"]
            )
        )
        for asset in self:
            asset.component_count = counts.get(asset, 0)

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._(
                    "An asset cannot be a component of itself or of one of its "
                    "own components: %s",
                    ", ".join(self.filtered("parent_id").mapped("display_name")),
                )
            )

    def write(self, vals):
        if "parent_id" in vals and not is_action(self.env):
            self._check_kit_change(vals["parent_id"])
        return super().write(vals)

    def _check_kit_change(self, parent_id):
        """A kit changes while all of it is in hand, never while a part of it
        is checked out (detaching has its own action)."""
        parent = self.browse(parent_id)
        held = (self | self.parent_id | parent).filtered("custody_id")
        if held:
            raise UserError(
                self.env._(
                    "%(assets)s: a kit cannot change while it is checked out "
                    "(%(held)s). Check it in first, or use Detach from Kit. "
                    "Nothing was changed.",
                    assets=", ".join(self.mapped("display_name")),
                    held=", ".join(held.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def action_detach_from_kit(self):
        """The component leaves its kit and keeps its custody, if any: from
        now on it is checked in and out on its own."""
        components = self.filtered("parent_id")
        if not components:
            raise UserError(self.env._("These assets are not part of a kit."))
        kit_names = {asset.id: asset.parent_id.display_name for asset in components}
        by_action(components).write({"parent_id": False})
        components._message_log_batch(
            {
                asset.id: self.env._("Detached from kit %s", kit_names[asset.id])
                for asset in components
            }
        )
        return True

    def action_view_components(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("it_asset.it_asset_action")
        title = self.env._("Components of %s", self.display_name)
        action.update(
            {
                "name": title,
                "display_name": title,
                "domain": [("parent_id", "=", self.id)],
                "context": {"default_parent_id": self.id},
            }
        )
        return action

    def action_dispose(self):
        """A kit is disposed of once its owner has said what becomes of its
        components (the Dispose Kit dialog)."""
        if KIT_CONTEXT_KEY not in self.env.context and self.child_ids:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Dispose of a Kit"),
                "res_model": "it.asset.kit.dispose",
                "view_mode": "form",
                "target": "new",
                "context": {"default_asset_ids": self.ids},
            }
        return super().action_dispose()

    # ------------------------------------------------------------------
    # lifecycle: disposing of a parent
    # ------------------------------------------------------------------
    def _change_state(self, new_state):
        result = super()._change_state(new_state)
        if new_state == lifecycle.DISPOSED:
            components = self.child_ids - self
            if components:
                self._settle_components(components)
        return result

    def _settle_components(self, components):
        """The components of disposed kits ``self``: disposed of with them
        (``it_asset_kit_components='dispose'`` in the context) or detached
        (the default, e.g. for a scrap validated in the stock screens)."""
        policy = self.env.context.get(KIT_CONTEXT_KEY) or "detach"
        kit_names = {asset.id: asset.parent_id.display_name for asset in components}
        if policy == "dispose":
            components.filtered(lambda a: a.state != lifecycle.DISPOSED)._change_state(
                lifecycle.DISPOSED
            )
            note = self.env._("Disposed of with its kit %s")
        else:
            by_action(components).write({"parent_id": False})
            note = self.env._("Detached from kit %s, which was disposed of")
        components._message_log_batch(
            {asset.id: note % kit_names[asset.id] for asset in components}
        )

    # ------------------------------------------------------------------
    # custody: the kit moves together
    # ------------------------------------------------------------------
    def _kit_check_not_alone(self, action_label):
        """Refuse moving a component without its parent (it is detached
        first)."""
        alone = self.filtered(lambda a: a.parent_id and a.parent_id not in self)
        if alone:
            raise UserError(
                self.env._(
                    "%(assets)s cannot be %(action)s on its own: it is part of "
                    "kit %(kits)s. Select the kit, or detach the component "
                    "first. Nothing was done.",
                    assets=", ".join(alone.mapped("display_name")),
                    action=action_label,
                    kits=", ".join(alone.parent_id.mapped("display_name")),
                )
            )

    def _kit_with_components(self):
        """``self`` and every component of theirs, at any depth."""
        if not self.child_ids:
            return self
        return self.search([("id", "child_of", self.ids)])


class ItAssetCustody(models.Model):
    _inherit = "it.asset.custody"

    kit_custody_id = fields.Many2one(
        "it.asset.custody",
        string="Custody of the Kit",
        readonly=True,
        index="btree_not_null",
        help="The custody of the kit this asset went with.",
    )
    component_custody_ids = fields.One2many(
        "it.asset.custody", "kit_custody_id", string="Components"
    )

    @api.model_create_multi
    def create(self, vals_list):
        refuse_direct(self, vals_list, GUARDED_CUSTODY_FIELDS, operation="create")
        return super().create(vals_list)

    def write(self, vals):
        refuse_direct(self, [vals], GUARDED_CUSTODY_FIELDS)
        return super().write(vals)

    @api.model
    def _checkout_many(self, assignments):
        # kits of every assignment read at once (a register imported with
        # thousands of holders)
        self.env["it.asset"].union(*(group[0] for group in assignments)).mapped(
            "child_ids"
        )
        for assets, *_rest in assignments:
            assets._kit_check_not_alone(self.env._("checked out"))
        custodies = super()._checkout_many(
            [
                (assets._kit_with_components(), holder, date, values)
                for assets, holder, date, values in assignments
            ]
        )
        custodies._link_kit()
        return custodies

    @api.model
    def _handover(self, assets, holder, date=None, **values):
        assets._kit_check_not_alone(self.env._("handed over"))
        custodies = super()._handover(self._kit_held(assets), holder, date, **values)
        custodies._link_kit()
        return custodies

    @api.model
    def _checkin(self, assets, location, date=None, condition=None, notes=None):
        assets._kit_check_not_alone(self.env._("checked in"))
        return super()._checkin(
            self._kit_held(assets), location, date, condition, notes
        )

    @api.model
    def _kit_held(self, assets):
        """``assets`` and those of their components that are checked out."""
        components = assets._kit_with_components() - assets
        return assets | components.filtered("custody_id")

    def _link_kit(self):
        """Link each component's new custody to its parent's."""
        by_asset = {custody.asset_id.id: custody for custody in self}
        groups = defaultdict(list)
        for custody in self:
            parent_custody = by_asset.get(custody.asset_id.parent_id.id)
            if parent_custody:
                groups[parent_custody.id].append(custody.id)
        for parent_custody_id, custody_ids in groups.items():
            by_action(self.browse(custody_ids)).write(
                {"kit_custody_id": parent_custody_id}
            )
