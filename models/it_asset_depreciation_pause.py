# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Depreciation of an asset capitalised on deployment that goes back to stock.

The company chooses (Settings > IT Assets, accounting): keep depreciating
(the default: the asset stays in the fixed assets and loses value on the
shelf too), or pause until it is deployed again. A paused asset keeps the
period in which it came back; the later periods wait. Redeployed, the book
value left is spread over the life that remains, lengthened by the days it
spent in stock. Both dates are kept on the asset and in its chatter.
"""

from odoo import fields, models
from odoo.tools import SQL, format_date

from .guarded_fields import by_action

STOCK_DEPRECIATION_POLICIES = [
    ("keep", "Keep Depreciating"),
    ("pause", "Pause Until Redeployed"),
]


class ItAsset(models.Model):
    _inherit = "it.asset"

    depreciation_paused_since = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
        help="Back in stock since this date: its depreciation waits until it is "
        "deployed again (company setting).",
    )
    depreciation_resumed_on = fields.Date(
        readonly=True,
        copy=False,
        help="Deployed again on this date after a pause: the board goes on from "
        "there.",
    )
    depreciation_pause_days = fields.Integer(
        readonly=True,
        copy=False,
        help="Days spent paused in stock: the depreciated life is that much " "longer.",
    )

    # ------------------------------------------------------------------
    # stock sync: back to stock, deployed again
    # ------------------------------------------------------------------
    def _it_asset_after_stock_sync(self, changes):
        res = super()._it_asset_after_stock_sync(changes)
        to_pause, to_resume = {}, {}
        for change in changes:
            asset = change["asset"]
            date = fields.Date.to_date(change["move_line"].date)
            if asset.depreciation_paused_since:
                if change["kind"] in ("to_holder", "to_repair"):
                    to_resume[asset] = date
            elif (
                change["kind"] == "from_holder"
                and asset.capitalise_on == "deployment"
                and asset.depreciation_state == "running"
                and asset.company_id.it_asset_stock_depreciation == "pause"
            ):
                to_pause[asset] = date
        for asset, date in to_pause.items():
            asset._pause_depreciation(date)
        for asset, date in to_resume.items():
            asset._resume_depreciation(date)
        return res

    def _pause_depreciation(self, date):
        """Back in stock on ``date``: the periods after the one containing it
        are taken off the board until the asset is deployed again."""
        self.ensure_one()
        Line = self.env["it.asset.depreciation.line"]
        Line.flush_model()
        self.env.cr.execute(
            SQL(
                "DELETE FROM it_asset_depreciation_line "
                "WHERE asset_id = %s AND move_id IS NULL AND period_start > %s",
                self.id,
                date,
            )
        )
        Line.invalidate_model()
        by_action(self).write({"depreciation_paused_since": date})
        self._message_log(
            body=self.env._(
                "Back in stock on %(date)s: depreciation paused until it is "
                "deployed again (company setting).",
                date=format_date(self.env, date),
            )
        )

    def _resume_depreciation(self, date):
        """Deployed again on ``date``: the board goes on from there over the
        life left, lengthened by the days in stock."""
        self.ensure_one()
        paused = max((date - self.depreciation_paused_since).days, 0)
        by_action(self).write(
            {
                "depreciation_paused_since": False,
                "depreciation_resumed_on": date,
                "depreciation_pause_days": self.depreciation_pause_days + paused,
            }
        )
        self._build_depreciation_boards()
        self._message_log(
            body=self.env._(
                "Deployed again on %(date)s after %(days)s days in stock: "
                "depreciation resumed, its life lengthened by as much.",
                date=format_date(self.env, date),
                days=paused,
            )
        )
