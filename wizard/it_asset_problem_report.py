# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext

from odoo.addons.it_asset.models.it_asset_custody import OPEN_STATES


class ItAssetProblemReport(models.TransientModel):
    """The holder of an asset tells IT something is wrong with it: a
    corrective maintenance request for IT, without any right on the
    register."""

    _name = "it.asset.problem.report"
    _description = "IT Asset Problem Report"

    custody_id = fields.Many2one("it.asset.custody", required=True, readonly=True)
    asset_name = fields.Char(related="custody_id.asset_name")
    asset_tag = fields.Char(related="custody_id.asset_tag")
    description = fields.Html(
        required=True, help="What happens, since when, what you tried."
    )

    def action_confirm(self):
        self.ensure_one()
        custody = self.custody_id
        self._check_reporter(custody)
        if not html2plaintext(self.description or "").strip():
            raise UserError(self.env._("Describe the problem before sending it."))
        request = self._create_request(custody)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("Problem reported"),
                "message": self.env._(
                    "IT received your report %(request)s about %(asset)s.",
                    request=request.name,
                    asset=custody.asset_name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _check_reporter(self, custody):
        if custody.holder_user_id != self.env.user:
            raise AccessError(
                self.env._(
                    "Only the holder of %(asset)s can report a problem with it "
                    "here; IT reports failures from the asset.",
                    asset=custody.asset_name,
                )
            )
        if custody.state not in OPEN_STATES:
            raise UserError(
                self.env._(
                    "You no longer hold %(asset)s: nothing was reported.",
                    asset=custody.asset_name,
                )
            )

    def _create_request(self, custody):
        """The corrective request, elevated (the holder has no right on the
        asset nor on maintenance): the one named elevation of this flow.
        Its author stays the holder; the asset's IT responsible gets it."""
        asset = custody.sudo().asset_id
        responsible = custody.sudo()._responsible()[custody.sudo()]
        request = (
            self.env["maintenance.request"]
            .sudo()
            .create(
                {
                    "name": self.env._(
                        "Problem reported by %(holder)s: %(asset)s",
                        holder=custody.holder_name,
                        asset=asset.display_name,
                    ),
                    "it_asset_id": asset.id,
                    "maintenance_type": "corrective",
                    "company_id": asset.company_id.id,
                    "description": self.description,
                    "user_id": responsible.id,
                }
            )
        )
        if responsible:
            request.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=responsible.id,
                summary=self.env._("Problem reported on %s", asset.display_name),
            )
        custody.sudo()._message_log(
            body=Markup("%s<br/>%s")
            % (
                self.env._("Problem reported: %s", request.name),
                self.description,
            )
        )
        return request
