# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import os

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.it_asset.lib import asset_import
from odoo.addons.it_asset.models.it_asset_import import ImportRun

FILE_TYPES = {
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xls": "application/vnd.ms-excel",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
}
OPTIONS = {
    "has_headers": True,
    "quoting": '"',
    "separator": "",
    "encoding": "",
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
}


class ItAssetImport(models.TransientModel):
    """Import a register from another system: a dry run lists what would be
    created and every row's error, then the import writes all or nothing.
    Odoo's own import does the reading; the register's rules do the rest
    (models/it_asset_import.py)."""

    _name = "it.asset.import"
    _description = "Import IT Assets"

    file = fields.Binary(required=True, help="CSV, XLSX or ODS, one asset a row.")
    file_name = fields.Char()
    state = fields.Selection(
        [("new", "New"), ("checked", "Checked"), ("failed", "Has Errors")],
        default="new",
        required=True,
    )
    column_summary = fields.Text(string="Columns", readonly=True)
    line_ids = fields.One2many("it.asset.import.line", "wizard_id", readonly=True)
    create_count = fields.Integer(string="Assets to Create", readonly=True)
    held_count = fields.Integer(string="With a Holder", readonly=True)
    error_count = fields.Integer(string="Rows with Errors", readonly=True)

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def action_dry_run(self):
        """Check the file: nothing is written."""
        self.ensure_one()
        self._show(self._run(dryrun=True))
        return self._reopen()

    def action_import(self):
        """Import the file, all or nothing."""
        self.ensure_one()
        result = self._run(dryrun=False)
        if not result["ids"]:
            self._show(result)
            return self._reopen()
        action = self.env["ir.actions.actions"]._for_xml_id("it_asset.it_asset_action")
        title = self.env._("Imported Assets")
        action.update(
            {
                "name": title,
                "display_name": title,
                "domain": [("id", "in", result["ids"])],
                "target": "main",
            }
        )
        return action

    # ------------------------------------------------------------------
    # steps
    # ------------------------------------------------------------------
    def _run(self, dryrun):
        """Run Odoo's import of the file; {ids, messages, created, columns}."""
        importer, headers, columns = self._read_file()
        run = ImportRun(collect=True)
        result = importer.with_context(it_asset_import_run=run).execute_import(
            columns, headers, dict(self._options), dryrun=dryrun
        )
        return {
            "ids": result.get("ids") or [],
            "messages": result.get("messages") or [],
            "created": run.created,
            "headers": headers,
            "columns": columns,
        }

    @property
    def _options(self):
        return dict(OPTIONS)

    def _read_file(self):
        extension = os.path.splitext(self.file_name or "")[1].lower()
        file_type = FILE_TYPES.get(extension)
        if not file_type:
            raise UserError(
                self.env._(
                    "Choose a CSV, XLSX or ODS file (not %s).", self.file_name or "?"
                )
            )
        importer = self.env["base_import.import"].create(
            {
                "res_model": "it.asset",
                "file": base64.b64decode(self.file),
                "file_name": self.file_name,
                "file_type": file_type,
            }
        )
        preview = importer.parse_preview(self._options)
        if preview.get("error"):
            raise UserError(self.env._("The file cannot be read: %s", preview["error"]))
        headers = preview["headers"]
        suggestions = {
            int(index): "/".join(path)
            for index, path in (preview.get("matches") or {}).items()
            if path
        }
        columns = asset_import.column_fields(headers, suggestions)
        if not any(columns):
            raise UserError(
                self.env._(
                    "No column of the file is an asset column: start from the "
                    "template (Favourites ▸ Import records ▸ Import Template)."
                )
            )
        return importer, headers, columns

    def _show(self, result):
        """Fill the wizard with what the run did (or would do)."""
        labels = self.env["it.asset"].fields_get(
            [c for c in result["columns"] if c], ["string"]
        )
        summary = [
            self.env._(
                "%(column)s → %(field)s",
                column=header,
                field=labels.get(column, {}).get("string", column)
                if column
                else self.env._("(not imported)"),
            )
            for header, column in zip(result["headers"], result["columns"], strict=True)
        ]
        errors = [m for m in result["messages"] if m.get("type") == "error"]
        lines = [
            Command.create(
                {
                    "row": (message.get("rows") or {}).get("from", -1) + 2,
                    "result": "error",
                    "message": message.get("message"),
                }
            )
            for message in errors
        ]
        if not errors:
            lines += [
                Command.create(dict(row, row=index + 2, result="create"))
                for index, row in enumerate(result["created"])
            ]
        self.line_ids.unlink()
        self.write(
            {
                "state": "failed" if errors else "checked",
                "column_summary": "\n".join(summary),
                "line_ids": lines,
                "create_count": 0 if errors else len(result["created"]),
                "held_count": 0
                if errors
                else len([row for row in result["created"] if row.get("holder")]),
                "error_count": len(errors),
            }
        )

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import Assets"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    @api.onchange("file")
    def _onchange_file(self):
        self.state = "new"
        self.line_ids = [Command.clear()]


class ItAssetImportLine(models.TransientModel):
    _name = "it.asset.import.line"
    _description = "Row of an IT Asset Import"
    _order = "result, row, id"

    wizard_id = fields.Many2one("it.asset.import", required=True, ondelete="cascade")
    row = fields.Integer(help="Row of the file (the header is row 1).")
    result = fields.Selection(
        [("error", "Error"), ("create", "To Create")], required=True
    )
    tag = fields.Char()
    name = fields.Char()
    category = fields.Char()
    status = fields.Char()
    holder = fields.Char()
    message = fields.Text()
