# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

LABEL_FORMATS = [
    ("a4_3x8", "A4 Sheet, 3 x 8 (70 x 37 mm)"),
    ("letter_30", "US Letter Sheet of 30 (2 5/8 x 1 in, Avery 5160)"),
    ("roll_62x29", "Roll Label (62 x 29 mm)"),
]
# what a label shows, set per company (see reports/it_asset_label_report.py)
LABEL_FIELDS = (
    "it_asset_label_format",
    "it_asset_label_qr_payload",
    "it_asset_label_company",
    "it_asset_label_show_name",
    "it_asset_label_show_tag",
    "it_asset_label_show_serial",
    "it_asset_label_contact",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    it_asset_label_format = fields.Selection(
        LABEL_FORMATS,
        string="Label Format",
        default="a4_3x8",
        required=True,
        help="Format proposed when asset labels are printed.",
    )
    it_asset_label_qr_payload = fields.Selection(
        [("url", "Link to the Asset"), ("tag", "Asset Tag Only")],
        string="QR Code Contains",
        default="url",
        required=True,
        help="Link to the Asset: scanned with a phone, the QR code opens the "
        "asset in Odoo (after login). Asset Tag Only: the QR code holds the "
        "tag, like the barcode.",
    )
    it_asset_label_company = fields.Selection(
        [("name", "Company Name"), ("logo", "Company Logo"), ("none", "Nothing")],
        string="Label Header",
        default="name",
        required=True,
    )
    it_asset_label_show_name = fields.Boolean(
        string="Asset Name on Labels", default=True
    )
    it_asset_label_show_tag = fields.Boolean(
        string="Tag on Labels",
        default=True,
        help="The tag written under its barcode.",
    )
    it_asset_label_show_serial = fields.Boolean(
        string="Serial Number on Labels", default=True
    )
    it_asset_label_contact = fields.Char(
        string="IT Contact Line",
        help="Printed at the bottom of each label, e.g. 'IT helpdesk: ext. "
        "4357 - it@example.com'. Left empty: no contact line.",
    )
