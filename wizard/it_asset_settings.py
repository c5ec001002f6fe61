# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..models.res_company_label import LABEL_FIELDS, LABEL_FORMATS

# company fields IT managers set here (the accounting ones stay in Settings,
# for accounting managers)
COMPANY_FIELDS = (
    "it_asset_stock_location_id",
    "it_asset_in_use_location_id",
    "it_asset_repair_location_id",
    "it_asset_default_outcome",
    "it_asset_default_category_id",
    "it_asset_default_capitalise_on",
    "it_asset_responsible_id",
    "it_asset_eol_notice_days",
) + LABEL_FIELDS
# system parameters: (field, key, default)
PARAMETERS = (
    ("expiry_alert_days", "it_asset.expiry_alert_days", 30),
    ("idle_days", "it_asset.idle_days", 90),
    ("underperforming_factor", "it_asset.underperforming_factor", 2.0),
    ("underperforming_min_failures", "it_asset.underperforming_min_failures", 2),
    ("underperforming_min_years", "it_asset.underperforming_min_years", 1.0),
)


class ItAssetSettings(models.TransientModel):
    """The IT Assets settings an IT manager keeps, without Administration
    rights (Odoo's Settings screen needs them)."""

    _name = "it.asset.settings"
    _description = "IT Asset Settings"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    it_asset_stock_location_id = fields.Many2one(
        "stock.location",
        string="IT Stock Room",
        domain="[('usage', '=', 'internal'), "
        "('company_id', 'in', [company_id, False])]",
    )
    it_asset_in_use_location_id = fields.Many2one(
        "stock.location", string="Assets in Use"
    )
    it_asset_repair_location_id = fields.Many2one(
        "stock.location", string="At Repair Vendor"
    )
    it_asset_default_outcome = fields.Selection(
        [("inventory", "Inventory"), ("expense", "Expense"), ("asset", "Asset")],
        string="Default Classification",
        required=True,
        default="inventory",
    )
    it_asset_default_category_id = fields.Many2one(
        "it.asset.category", string="Default Asset Category"
    )
    it_asset_default_capitalise_on = fields.Selection(
        [("receipt", "On Receipt"), ("deployment", "On Deployment")],
        string="Default Capitalisation",
        required=True,
        default="deployment",
    )
    it_asset_responsible_id = fields.Many2one(
        "res.users",
        string="Default IT Responsible",
        domain="[('share', '=', False)]",
        help="Gets the activities of the assets that have no IT responsible "
        "(else the first IT manager).",
    )
    expiry_alert_days = fields.Integer(
        string="Alert Days Before Expiry",
        help="Warranties, support contracts and licences get an activity this "
        "many days before they end.",
    )
    it_asset_eol_notice_days = fields.Integer(
        string="End of Life Notice (days)",
        help="Assets reaching their end of life within this many days get a "
        "to-do for their IT responsible to plan their replacement.",
    )
    idle_days = fields.Integer(
        help="An asset in stock for more days than this is idle: redeploy it."
    )
    underperforming_factor = fields.Float(
        help="An asset failing this many times as often as its model is "
        "underperforming."
    )
    underperforming_min_failures = fields.Integer(
        string="Minimum Failures",
        help="An asset is compared with its model only once it failed this "
        "many times.",
    )
    underperforming_min_years = fields.Float(
        string="Minimum Asset-Years",
        help="Only models observed for this many asset-years are compared.",
    )

    # asset labels (see models/res_company_label.py)
    it_asset_label_format = fields.Selection(
        LABEL_FORMATS, string="Label Format", required=True, default="a4_3x8"
    )
    it_asset_label_qr_payload = fields.Selection(
        [("url", "Link to the Asset"), ("tag", "Asset Tag Only")],
        string="QR Code Contains",
        required=True,
        default="url",
        help="Link to the Asset: scanned with a phone, the QR code opens the "
        "asset in Odoo (after login).",
    )
    it_asset_label_company = fields.Selection(
        [("name", "Company Name"), ("logo", "Company Logo"), ("none", "Nothing")],
        string="Label Header",
        required=True,
        default="name",
    )
    it_asset_label_show_name = fields.Boolean(string="Asset Name")
    it_asset_label_show_tag = fields.Boolean(string="Tag Under the Barcode")
    it_asset_label_show_serial = fields.Boolean(string="Serial Number")
    it_asset_label_contact = fields.Char(
        string="IT Contact Line",
        help="Printed at the bottom of each label; empty: no contact line.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        company = self.env["res.company"].browse(
            values.get("company_id") or self.env.company.id
        )
        for name in COMPANY_FIELDS:
            value = company.sudo()[name]
            values[name] = value.id if isinstance(value, models.BaseModel) else value
        params = self.env["ir.config_parameter"].sudo()
        for name, key, default in PARAMETERS:
            kind = type(default)
            values[name] = kind(params.get_param(key, default) or default)
        return values

    def action_save(self):
        self.ensure_one()
        if not self.env.user.has_group("it_asset.group_it_asset_manager"):
            raise AccessError(
                self.env._("Only IT managers can change the IT Assets settings.")
            )
        self._check_values()
        # the company fields and parameters of this form, and nothing else:
        # the one elevation of this flow (IT managers cannot edit companies)
        self.company_id.sudo().write(
            {
                name: self[name].id
                if isinstance(self[name], models.BaseModel)
                else self[name]
                for name in COMPANY_FIELDS
            }
        )
        params = self.env["ir.config_parameter"].sudo()
        for name, key, _default in PARAMETERS:
            params.set_param(key, self[name])
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("IT Assets settings saved."),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _check_values(self):
        if (
            self.expiry_alert_days <= 0
            or self.it_asset_eol_notice_days <= 0
            or self.idle_days <= 0
            or self.underperforming_factor <= 0
        ):
            raise ValidationError(
                self.env._(
                    "IT Assets: the expiry alert days, end-of-life notice days, "
                    "idle days and underperforming factor must be positive. "
                    "Nothing was saved."
                )
            )
        if self.underperforming_min_failures < 0 or self.underperforming_min_years < 0:
            raise ValidationError(
                self.env._(
                    "IT Assets: the minimum failures and asset-years cannot be "
                    "negative. Nothing was saved."
                )
            )
        if self.it_asset_default_outcome == "asset" and not (
            self.it_asset_default_category_id
        ):
            raise ValidationError(
                self.env._(
                    "IT Assets: a default classification 'Asset' needs a default "
                    "asset category. Nothing was saved."
                )
            )
