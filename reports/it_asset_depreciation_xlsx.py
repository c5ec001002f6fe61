# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from collections import defaultdict

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_download(record, filename, data):
    """Action downloading ``data`` (base64 XLSX) as ``filename``, kept as an
    attachment of ``record`` that says what it is: served with the XLSX type,
    not guessed from its first bytes (which Odoo cannot tell from a zip)."""
    attachment = record.env["ir.attachment"].create(
        {
            "name": filename,
            "datas": data,
            "mimetype": XLSX_MIMETYPE,
            "res_model": record._name,
            "res_id": record.id,
        }
    )
    return {
        "type": "ir.actions.act_url",
        "url": f"/web/content/{attachment.id}?download=true",
        "target": "self",
    }


class ItAssetDepreciationReport(models.TransientModel):
    """Asset register at a date and depreciation schedule, as XLSX."""

    _name = "it.asset.depreciation.report"
    _description = "IT Asset Register and Depreciation Schedule Export"

    report_type = fields.Selection(
        [
            ("register", "Asset register at a date"),
            ("schedule", "Depreciation schedule"),
        ],
        required=True,
        default="register",
    )
    date = fields.Date(
        string="At Date", required=True, default=fields.Date.context_today
    )
    date_from = fields.Date(
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1)
    )
    date_to = fields.Date(
        default=lambda self: fields.Date.context_today(self).replace(month=12, day=31)
    )
    group_by = fields.Selection(
        [
            ("category", "Category"),
            ("department", "Department"),
            ("company", "Company"),
        ],
        required=True,
        default="category",
    )
    file = fields.Binary(readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    # ------------------------------------------------------------------
    # data
    # ------------------------------------------------------------------
    @api.model
    def _register_rows(self, date, group_by="category"):
        """Rows of the register at ``date``: one per capitalised asset in
        service on ``date`` and not disposed of before it, with its gross
        value, accumulated depreciation (opening, impairments and board lines
        dated up to ``date``) and book value; grouped by ``group_by``."""
        Asset = self.env["it.asset"]
        assets = Asset.search(
            [
                ("depreciation_state", "!=", "draft"),
                ("in_service_date", "<=", date),
                "|",
                ("disposal_date", "=", False),
                ("disposal_date", ">", date),
            ],
            order="company_id, category_id, tag",
        )
        self.env["it.asset.depreciation.line"].flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT asset_id, SUM(amount) FROM it_asset_depreciation_line "
                "WHERE asset_id = ANY(%s) AND date <= %s GROUP BY asset_id",
                assets.ids,
                date,
            )
        )
        depreciated = dict(self.env.cr.fetchall())
        has_department = "holder_department_id" in Asset._fields
        rows = []
        for asset in assets:
            accumulated = (
                asset.opening_accumulated_depreciation
                + asset.impairment_amount
                + float(depreciated.get(asset.id) or 0.0)
            )
            department = asset.holder_department_id if has_department else None
            group = {
                "category": asset.category_id.display_name,
                "department": department.display_name if department else "",
                "company": asset.company_id.name,
            }[group_by]
            rows.append(
                {
                    "group": group or self.env._("(none)"),
                    "tag": asset.tag,
                    "name": asset.name,
                    "category": asset.category_id.display_name,
                    "department": department.display_name if department else "",
                    "company": asset.company_id.name,
                    "in_service_date": asset.in_service_date,
                    "gross": asset.acquisition_cost,
                    "accumulated": accumulated,
                    "book_value": asset.acquisition_cost - accumulated,
                }
            )
        rows.sort(key=lambda row: (row["group"], row["tag"] or ""))
        return rows

    # ------------------------------------------------------------------
    # XLSX
    # ------------------------------------------------------------------
    def _workbook(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1}
            ),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "total": workbook.add_format(
                {"bold": True, "num_format": "#,##0.00", "top": 1}
            ),
            "bold": workbook.add_format({"bold": True, "top": 1}),
        }
        return output, workbook, styles

    def _write_register(self, workbook, styles):
        sheet = workbook.add_worksheet(self.env._("Register"))
        rows = self._register_rows(self.date, self.group_by)
        sheet.write(
            0, 0, self.env._("Asset register at %s", self.date), styles["title"]
        )
        headers = [
            self.env._("Group"),
            self.env._("Tag"),
            self.env._("Asset"),
            self.env._("Category"),
            self.env._("Department"),
            self.env._("Company"),
            self.env._("In Service"),
            self.env._("Gross Value"),
            self.env._("Accumulated Depreciation"),
            self.env._("Book Value"),
        ]
        sheet.write_row(2, 0, headers, styles["header"])
        sheet.freeze_panes(3, 0)
        sheet.set_column(0, 5, 22)
        sheet.set_column(6, 6, 12)
        sheet.set_column(7, 9, 18)
        row_index = 3
        totals = defaultdict(lambda: [0.0, 0.0, 0.0])
        for row in rows:
            sheet.write_row(
                row_index,
                0,
                [
                    row["group"],
                    row["tag"],
                    row["name"],
                    row["category"],
                    row["department"],
                    row["company"],
                ],
            )
            sheet.write_datetime(
                row_index,
                6,
                fields.Datetime.to_datetime(row["in_service_date"]),
                styles["date"],
            )
            for col, key in ((7, "gross"), (8, "accumulated"), (9, "book_value")):
                sheet.write_number(row_index, col, row[key], styles["money"])
            group_totals = totals[row["group"]]
            group_totals[0] += row["gross"]
            group_totals[1] += row["accumulated"]
            group_totals[2] += row["book_value"]
            row_index += 1
        for group, (gross, accumulated, book_value) in sorted(totals.items()):
            sheet.write(row_index, 0, self.env._("Total %s", group), styles["bold"])
            for col, value in ((7, gross), (8, accumulated), (9, book_value)):
                sheet.write_number(row_index, col, value, styles["total"])
            row_index += 1
        if rows:
            sheet.write(row_index, 0, self.env._("Total"), styles["bold"])
            for col in (7, 8, 9):
                letter = chr(ord("A") + col)
                sheet.write_formula(
                    row_index,
                    col,
                    f"=SUM({letter}4:{letter}{3 + len(rows)})",
                    styles["total"],
                    sum(
                        r[("gross", "accumulated", "book_value")[col - 7]] for r in rows
                    ),
                )
        return rows

    def _write_schedule(self, workbook, styles):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UserError(self.env._("The start date is after the end date."))
        sheet = workbook.add_worksheet(self.env._("Schedule"))
        lines = self.env["it.asset.depreciation.line"].search(
            [("date", ">=", self.date_from), ("date", "<=", self.date_to)],
            order="asset_id, date",
        )
        sheet.write(
            0,
            0,
            self.env._(
                "Depreciation schedule %(start)s - %(end)s",
                start=self.date_from,
                end=self.date_to,
            ),
            styles["title"],
        )
        headers = [
            self.env._("Tag"),
            self.env._("Asset"),
            self.env._("Category"),
            self.env._("Period End"),
            self.env._("Depreciation"),
            self.env._("Accumulated"),
            self.env._("Book Value"),
            self.env._("Posted"),
            self.env._("Entry"),
        ]
        sheet.write_row(2, 0, headers, styles["header"])
        sheet.freeze_panes(3, 0)
        sheet.set_column(0, 2, 22)
        sheet.set_column(3, 3, 12)
        sheet.set_column(4, 6, 16)
        sheet.set_column(8, 8, 22)
        row_index = 3
        for line in lines:
            asset = line.asset_id
            sheet.write_row(
                row_index, 0, [asset.tag, asset.name, asset.category_id.display_name]
            )
            sheet.write_datetime(
                row_index, 3, fields.Datetime.to_datetime(line.date), styles["date"]
            )
            sheet.write_number(row_index, 4, line.amount, styles["money"])
            sheet.write_number(row_index, 5, line.accumulated, styles["money"])
            sheet.write_number(row_index, 6, line.remaining, styles["money"])
            sheet.write(row_index, 7, self.env._("yes") if line.move_id else "")
            sheet.write(row_index, 8, line.move_id.name or "")
            row_index += 1
        sheet.write(row_index, 0, self.env._("Total"), styles["bold"])
        sheet.write_formula(
            row_index,
            4,
            f"=SUM(E4:E{max(row_index, 4)})",
            styles["total"],
            sum(lines.mapped("amount")),
        )
        return lines

    def action_export_xlsx(self):
        self.ensure_one()
        output, workbook, styles = self._workbook()
        if self.report_type == "register":
            self._write_register(workbook, styles)
            filename = f"asset_register_{self.date}.xlsx"
        else:
            self._write_schedule(workbook, styles)
            filename = f"depreciation_schedule_{self.date_from}_{self.date_to}.xlsx"
        workbook.close()
        data = base64.b64encode(output.getvalue())
        self.write({"file": data, "filename": filename})
        return xlsx_download(self, filename, data)
