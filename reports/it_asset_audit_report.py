# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The result of an audit campaign: found, moved, missing, unknown (the
QWeb PDF reads the same rows)."""

import base64
import io

import xlsxwriter

from odoo import models

from .it_asset_depreciation_xlsx import xlsx_download

SECTIONS = ("found", "found_elsewhere", "missing", "pending")


class ItAssetAudit(models.Model):
    _inherit = "it.asset.audit"

    def _report_sections(self):
        """[(title, lines)] of this campaign, in the report's order."""
        self.ensure_one()
        titles = {
            "found": self.env._("Found where expected"),
            "found_elsewhere": self.env._("Found elsewhere (moved)"),
            "missing": self.env._("Missing"),
            "pending": self.env._("Not scanned (open or left as is)"),
        }
        by_result = {key: self.env["it.asset.audit.line"] for key in SECTIONS}
        for line in self.line_ids:
            key = "pending" if line.result in ("pending", "left") else line.result
            by_result[key] |= line
        return [(titles[key], by_result[key]) for key in SECTIONS]

    def action_export_xlsx(self):
        """The result as XLSX: one sheet of assets, one of unknown codes."""
        self.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        title = workbook.add_format({"bold": True, "font_size": 14})
        when = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        results = dict(
            self.env["it.asset.audit.line"]
            ._fields["result"]
            ._description_selection(self.env)
        )
        sheet = workbook.add_worksheet(self.env._("Assets"))
        sheet.write(0, 0, self.env._("Audit %s", self.name), title)
        columns = [
            self.env._("Tag"),
            self.env._("Asset"),
            self.env._("Result"),
            self.env._("Expected Location"),
            self.env._("Expected Holder"),
            self.env._("Found At"),
            self.env._("Scanned By"),
            self.env._("Scanned At"),
            self.env._("Scans"),
            self.env._("Corrected"),
            self.env._("Note"),
            self.env._("Discrepancy"),
        ]
        sheet.write_row(2, 0, columns, header)
        row = 3
        for _title, lines in self._report_sections():
            for line in lines:
                sheet.write_row(
                    row,
                    0,
                    [
                        line.asset_id.tag,
                        line.asset_id.name,
                        results[line.result],
                        line.expected_location_id.display_name or "",
                        line.expected_employee_id.sudo().name or "",
                        line.scanned_location_id.display_name or "",
                        line.scanned_by_id.name or "",
                    ],
                )
                if line.scanned_at:
                    sheet.write_datetime(row, 7, line.scanned_at, when)
                sheet.write_row(
                    row,
                    8,
                    [
                        line.scan_count,
                        self.env._("yes") if line.corrected else "",
                        line.note or "",
                        line.discrepancy or "",
                    ],
                )
                row += 1
        sheet.freeze_panes(3, 0)
        sheet.autofilter(2, 0, max(row - 1, 2), len(columns) - 1)
        sheet.set_column(0, 0, 14)
        sheet.set_column(1, 1, 30)
        sheet.set_column(2, 11, 18)
        unknown = workbook.add_worksheet(self.env._("Unknown Codes"))
        unknown.write_row(
            0,
            0,
            [
                self.env._("Code"),
                self.env._("Scans"),
                self.env._("First Scanned By"),
                self.env._("Scanned At"),
                self.env._("Note"),
            ],
            header,
        )
        for index, code in enumerate(self.unknown_ids, start=1):
            unknown.write_row(
                index,
                0,
                [
                    code.code,
                    code.count,
                    code.scanned_by_id.name or "",
                    code.location_id.display_name or "",
                    code.note or "",
                ],
            )
        unknown.set_column(0, 0, 30)
        workbook.close()
        filename = f"audit_{self.name.replace('/', '-')}.xlsx"
        return xlsx_download(self, filename, base64.b64encode(output.getvalue()))
