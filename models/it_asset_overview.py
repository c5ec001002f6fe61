# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError

# tile -> (domain on it.asset, given today's date); one _read_group per tile
TILES = {
    "total": lambda today: [],
    "in_use": lambda today: [("state", "=", "in_use")],
    "in_stock": lambda today: [("state", "=", "in_stock")],
    "in_repair": lambda today: [("state", "=", "in_repair")],
    "missing": lambda today: [("state", "=", "missing")],
    "idle": lambda today: [("idle", "=", True)],
    "underperforming": lambda today: [("underperforming", "=", True)],
    "warranty_ending": lambda today: [
        ("warranty_end_date", ">=", today),
        ("warranty_end_date", "<=", today + timedelta(days=30)),
    ],
    "warranty_expired_in_use": lambda today: [("warranty_expired_in_use", "=", True)],
    "no_custodian": lambda today: [("no_custodian_in_use", "=", True)],
    "waiting_acceptance": lambda today: [("custody_state", "=", "waiting")],
    "overdue_return": lambda today: [
        ("custody_id", "!=", False),
        ("custody_expected_return_date", "<", today),
    ],
    "audit_overdue": lambda today: [("audit_overdue", "=", True)],
}


class ItAssetOverview(models.Model):
    """One card per company on the IT Assets overview: what needs attention
    (idle, underperforming, expiring, unassigned, overdue), each count opening
    the matching assets."""

    _name = "it.asset.overview"
    _description = "IT Asset Overview"
    _auto = False
    _order = "company_id"

    company_id = fields.Many2one("res.company", readonly=True)
    total_count = fields.Integer(compute="_compute_counts")
    in_use_count = fields.Integer(compute="_compute_counts")
    in_stock_count = fields.Integer(compute="_compute_counts")
    in_repair_count = fields.Integer(compute="_compute_counts")
    missing_count = fields.Integer(compute="_compute_counts")
    idle_count = fields.Integer(compute="_compute_counts")
    underperforming_count = fields.Integer(compute="_compute_counts")
    warranty_ending_count = fields.Integer(compute="_compute_counts")
    warranty_expired_in_use_count = fields.Integer(compute="_compute_counts")
    no_custodian_count = fields.Integer(compute="_compute_counts")
    waiting_acceptance_count = fields.Integer(compute="_compute_counts")
    overdue_return_count = fields.Integer(compute="_compute_counts")
    audit_overdue_count = fields.Integer(compute="_compute_counts")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            tools.SQL(
                "CREATE VIEW %s AS SELECT id, id AS company_id FROM res_company",
                tools.SQL.identifier(self._table),
            )
        )

    @api.depends_context("company", "allowed_company_ids")
    def _compute_counts(self):
        today = fields.Date.context_today(self)
        Asset = self.env["it.asset"]
        for tile, domain in TILES.items():
            counts = dict(
                Asset._read_group(
                    [("company_id", "in", self.company_id.ids), *domain(today)],
                    ["company_id"],
                    ["__count"],
                )
            )
            for card in self:
                card[f"{tile}_count"] = counts.get(card.company_id, 0)

    def action_open_tile(self):
        """Open the assets counted by the tile named in the context."""
        self.ensure_one()
        tile = self.env.context.get("tile")
        if tile not in TILES:
            raise UserError(self.env._("Unknown overview tile: %s", tile))
        action = self.env["ir.actions.actions"]._for_xml_id("it_asset.it_asset_action")
        today = fields.Date.context_today(self)
        action["domain"] = [
            ("company_id", "=", self.company_id.id),
            *TILES[tile](today),
        ]
        action["context"] = {"create": False}
        action["view_mode"] = "list,kanban,form"
        action["views"] = [(False, "list"), (False, "kanban"), (False, "form")]
        return action
