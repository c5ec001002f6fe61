# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Asset labels (QWeb PDF): one report per paper format, one template.

The assets come from the report's ``docids`` (printed from the register) or
from ``data`` (the Print Labels wizard): ``asset_ids``, read with the user's
rights, or ``picking_ids``, the assets those receipts created (read through
``stock.picking._it_asset_label_assets``, over the one elevation of this flow,
``_it_asset_received``).
Each asset's codes are drawn once, whatever the number of copies.
"""

from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools.image import image_data_uri

from odoo.addons.it_asset.lib import labels


class ReportItAssetLabelA4(models.AbstractModel):
    _name = "report.it_asset.report_it_asset_label_a4"
    _description = "IT Asset Labels (A4 sheet, 3 x 8)"

    _label_sheet = labels.A4_3X8

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        sheet = self._label_sheet
        start = 1 if sheet.is_roll else int(data.get("start_position") or 1)
        copies = int(data.get("copies") or 1)
        if copies < 1 or not 1 <= start <= sheet.per_page:
            raise UserError(
                self.env._(
                    "Asset labels: start at a position from 1 to %(cells)s and "
                    "print at least one copy.",
                    cells=sheet.per_page,
                )
            )
        assets = self._label_assets(docids, data)
        cards = self._label_cards(assets, sheet)
        pages = labels.paginate(
            [cards[asset.id] for asset in assets], sheet, start, copies
        )
        px = labels.PX_PER_MM

        def place(cell):
            left, top = sheet.cell_origin(cell)
            return f"left: {left * px:.1f}px; top: {top * px:.1f}px;"

        return {
            "doc_ids": assets.ids,
            "doc_model": "it.asset",
            "docs": assets,
            "pages": pages,
            "place": place,
            "label_css": self._label_css(sheet, assets.company_id),
        }

    @api.model
    def _label_assets(self, docids, data):
        if data.get("picking_ids"):
            pickings = self.env["stock.picking"].browse(data["picking_ids"]).exists()
            return pickings._it_asset_label_assets().sorted(
                lambda asset: (asset.tag or "", asset.id)
            )
        assets = self.env["it.asset"].browse(data.get("asset_ids") or docids or [])
        assets = assets.exists()
        if not assets:
            raise UserError(self.env._("Select the assets whose labels to print."))
        assets.check_access("read")
        return assets.sorted(lambda asset: (asset.tag or "", asset.id))

    @api.model
    def _label_cards(self, assets, sheet):
        """{asset id: what its label shows}, its codes drawn once."""
        base_url = assets[:1].get_base_url()
        cards = {}
        for asset in assets:
            company = asset.company_id
            if company.it_asset_label_qr_payload == "tag":
                payload = asset.tag
            else:
                payload = labels.asset_url(base_url, asset.id)
            cards[asset.id] = {
                "company_id": company.id,
                "company_name": company.name
                if company.it_asset_label_company == "name"
                else "",
                "logo": company.it_asset_label_company == "logo" and company.logo,
                "name": asset.name if company.it_asset_label_show_name else "",
                "tag": asset.tag if company.it_asset_label_show_tag else "",
                "serial": (asset.serial_number or "")
                if company.it_asset_label_show_serial
                else "",
                "contact": company.it_asset_label_contact or "",
                "qr": labels.data_uri(labels.qr_svg(payload)),
                "barcode": labels.data_uri(labels.code128_svg(asset.tag)),
            }
        return cards

    @api.model
    def _label_css(self, sheet, companies):
        """The label's geometry in CSS pixels (see labels.PX_PER_MM), and
        each company's logo once (a background, not one image per label)."""
        px = labels.PX_PER_MM
        css = [
            # the labels are the whole document: no Odoo layout (the report
            # has no .article), so no page margin but the sheet's own
            "html, body { margin: 0; padding: 0; }",
            ".o_it_asset_label_page { position: relative; overflow: hidden; "
            f"width: {sheet.page_width * px:.1f}px; "
            f"height: {sheet.page_height * px - labels.PAGE_SLACK_PX:.1f}px; }}",
            ".o_it_asset_label_page + .o_it_asset_label_page { "
            "page-break-before: always; }",
        ]
        for company in companies:
            lines = sum(
                (
                    company.it_asset_label_company != "none",
                    company.it_asset_label_show_name,
                    company.it_asset_label_show_tag,
                    company.it_asset_label_show_serial,
                    bool(company.it_asset_label_contact),
                )
            )
            box = labels.label_boxes(sheet, lines)
            scope = f".o_it_asset_label_c{company.id}"
            css += [
                f"{scope} {{ position: absolute; overflow: hidden; "
                f"width: {sheet.label_width * px:.1f}px; "
                f"height: {sheet.label_height * px:.1f}px; "
                "font-family: 'DejaVu Sans', Arial, sans-serif; color: #000; "
                f"font-size: {box.font_size * px:.1f}px; "
                f"line-height: {box.line_height * px:.1f}px; }}",
                f"{scope} .o_it_asset_label_qr {{ position: absolute; "
                f"left: {box.padding * px:.1f}px; "
                f"top: {(sheet.label_height - box.qr_size) / 2 * px:.1f}px; "
                f"width: {box.qr_size * px:.1f}px; "
                f"height: {box.qr_size * px:.1f}px; }}",
                f"{scope} .o_it_asset_label_text {{ position: absolute; "
                f"left: {box.text_left * px:.1f}px; top: {box.padding * px:.1f}px; "
                f"width: {box.text_width * px:.1f}px; "
                f"height: {(sheet.label_height - 2 * box.padding) * px:.1f}px; "
                "overflow: hidden; }",
                f"{scope} .o_it_asset_label_line {{ white-space: nowrap; "
                "overflow: hidden; text-overflow: ellipsis; "
                f"height: {box.line_height * px:.1f}px; }}",
                f"{scope} .o_it_asset_label_barcode {{ display: block; "
                f"width: {box.text_width * px:.1f}px; "
                f"height: {box.barcode_height * px:.1f}px; }}",
            ]
            if company.it_asset_label_company == "logo" and company.logo:
                css.append(
                    f"{scope} .o_it_asset_label_logo {{ "
                    f"height: {box.line_height * px:.1f}px; "
                    f"background: url({image_data_uri(company.logo)}) "
                    "no-repeat left center; background-size: contain; }"
                )
        return Markup("\n".join(css))


class ReportItAssetLabelLetter(models.AbstractModel):
    _name = "report.it_asset.report_it_asset_label_letter"
    _inherit = "report.it_asset.report_it_asset_label_a4"
    _description = "IT Asset Labels (US Letter sheet of 30)"

    _label_sheet = labels.LETTER_30


class ReportItAssetLabelRoll(models.AbstractModel):
    _name = "report.it_asset.report_it_asset_label_roll"
    _inherit = "report.it_asset.report_it_asset_label_a4"
    _description = "IT Asset Labels (roll, 62 x 29 mm)"

    _label_sheet = labels.ROLL_62X29
