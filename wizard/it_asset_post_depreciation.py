# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class ItAssetPostDepreciation(models.TransientModel):
    _name = "it.asset.post.depreciation"
    _description = "Post IT Asset Depreciation"

    date = fields.Date(
        string="Post Up To",
        required=True,
        default=fields.Date.context_today,
        help="Every unposted depreciation line dated up to this date is posted.",
    )
    asset_ids = fields.Many2many(
        "it.asset",
        string="Assets",
        help="Leave empty to post the depreciation of every asset.",
    )
    result = fields.Text(readonly=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            self.env.context.get("active_model") == "it.asset"
            and self.env.context.get("active_ids")
            and "asset_ids" in fields_list
        ):
            values["asset_ids"] = [(6, 0, self.env.context["active_ids"])]
        return values

    def action_post(self):
        self.ensure_one()
        assets = self.asset_ids
        early = assets.filtered(
            lambda a: a.in_service_date and a.in_service_date > self.date
        )
        if early:
            raise UserError(
                self.env._(
                    "Cannot post depreciation up to %(date)s: %(assets)s "
                    "is only capitalised on %(start)s.",
                    date=self.date,
                    assets=early[0].display_name,
                    start=early[0].in_service_date,
                )
            )
        not_running = assets.filtered(lambda a: a.depreciation_state == "draft")
        if not_running:
            raise UserError(
                self.env._(
                    "Asset %(asset)s is not capitalised: it has no depreciation "
                    "to post.",
                    asset=not_running[0].display_name,
                )
            )
        # the transaction time Odoo stamps on the entries it creates
        started = self.env.cr.now()
        result = self.env["it.asset"]._post_depreciation_up_to(
            self.date, asset_ids=assets.ids if assets else None
        )
        lines = [
            self.env._(
                "%(lines)s depreciation lines posted in %(moves)s journal entries.",
                lines=result["posted"],
                moves=result["moves"],
            )
        ]
        for asset in self.env["it.asset"].browse(list(result["failed"])):
            lines.append(
                self.env._(
                    "%(asset)s failed: %(error)s",
                    asset=asset.display_name,
                    error=result["failed"][asset.id],
                )
            )
        self.result = "\n".join(lines)
        return self._result_action(started, result)

    def _result_action(self, started, result):
        """Say what was posted and open the entries of this run (no dialog
        left behind, nor a blank page)."""
        entries = self.env["ir.actions.actions"]._for_xml_id(
            "account.action_move_journal_line"
        )
        title = self.env._("Posted Depreciation")
        entries.update(
            {
                # the breadcrumb shows display_name
                "name": title,
                "display_name": title,
                "domain": [
                    ("it_asset_depreciation_line_ids", "!=", False),
                    ("create_uid", "=", self.env.uid),
                    ("create_date", ">=", fields.Datetime.to_string(started)),
                ],
                "context": {"create": False, "default_move_type": "entry"},
            }
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning" if result["failed"] else "success",
                "title": self.env._("Depreciation posted"),
                "message": self.result,
                "sticky": bool(result["failed"]),
                "next": entries
                if result["moves"]
                else {"type": "ir.actions.act_window_close"},
            },
        }
