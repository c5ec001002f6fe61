# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import zipfile

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common_depreciation import DepreciationCase


@tagged("post_install", "-at_install")
class TestDepreciationReports(DepreciationCase):
    """Register at a date, XLSX exports, reconciliation with the ledger."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.asset_a = cls._capitalised_asset()
        cls.asset_b = cls._capitalised_asset(acquisition_cost=7200.0)
        cls.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date("2026-03-31"))
        cls.sold = cls._capitalised_asset(acquisition_cost=1200.0)
        cls.sold._dispose(fields.Date.to_date("2026-02-28"))

    def _register(self, date):
        rows = self.env["it.asset.depreciation.report"]._register_rows(
            fields.Date.to_date(date)
        )
        return {row["tag"]: row for row in rows}

    def test_register_at_dates(self):
        rows = self._register("2026-02-28")
        self.assertEqual(rows[self.asset_a.tag]["accumulated"], 200.0)
        self.assertEqual(rows[self.asset_b.tag]["book_value"], 6800.0)
        self.assertNotIn(self.sold.tag, rows)  # disposed of that day
        self.assertIn(self.sold.tag, self._register("2026-02-27"))
        rows = self._register("2026-06-30")
        self.assertEqual(rows[self.asset_a.tag]["accumulated"], 600.0)
        self.assertEqual(rows[self.asset_a.tag]["gross"], 3600.0)
        self.assertNotIn(self.sold.tag, rows)
        self.assertFalse(self._register("2025-12-31").get(self.asset_a.tag))

    def test_xlsx_exports(self):
        for vals in (
            {"report_type": "register", "date": "2026-03-31"},
            {
                "report_type": "schedule",
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
            },
        ):
            wizard = self.env["it.asset.depreciation.report"].create(vals)
            action = wizard.action_export_xlsx()
            attachment = self.env["ir.attachment"].search(
                [("res_model", "=", wizard._name), ("res_id", "=", wizard.id)]
            )
            self.assertEqual(
                action["url"], f"/web/content/{attachment.id}?download=true"
            )
            self.assertEqual(attachment.name, wizard.filename)
            self.assertEqual(
                attachment.mimetype,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            data = base64.b64decode(attachment.datas)
            with zipfile.ZipFile(io.BytesIO(data)) as xlsx:
                sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
                strings = xlsx.read("xl/sharedStrings.xml").decode()
            self.assertIn("<pane", sheet)  # frozen header
            self.assertIn(self.asset_a.tag, strings)
            self.assertIn("SUM(", sheet)  # totals

    def test_reconciliation_agrees_with_ledger(self):
        row = self.env["it.asset.depreciation.reconciliation"].search(
            [("account_id", "=", self.account_depreciation.id)]
        )
        self.assertEqual(len(row), 1)
        # three months of 100 + 200, the disposed asset is out of both sides
        self.assertRecordValues(
            row,
            [
                {
                    "asset_count": 2,
                    "subledger_balance": 900.0,
                    "ledger_balance": 900.0,
                    "difference": 0.0,
                }
            ],
        )

    def test_reports_need_accounting_rights(self):
        auditor = new_test_user(
            self.env,
            login="dep_auditor",
            groups="base.group_user,account.group_account_readonly",
        )
        self.assertTrue(
            self.env["it.asset.depreciation.reconciliation"]
            .with_user(auditor)
            .search_count([])
        )
        with self.assertRaises(AccessError):
            self.env["it.asset.depreciation.reconciliation"].with_user(
                self.it_manager
            ).search([])
        with self.assertRaises(AccessError):
            self.env["it.asset.depreciation.report"].with_user(self.it_user).create(
                {"report_type": "register"}
            )


@tagged("post_install", "-at_install")
class TestDepreciationXlsxDownload(HttpCase):
    def test_download_as_an_auditor_logs_no_warning(self):
        """The browser downloads the XLSX as an auditor: served as XLSX, and
        Odoo does not log tracebacks guessing its type."""
        auditor = new_test_user(
            self.env,
            login="xlsx_auditor",
            groups="base.group_user,account.group_account_readonly,"
            "it_asset.group_it_asset_user",
        )
        wizard = (
            self.env["it.asset.depreciation.report"]
            .with_user(auditor)
            .create({"report_type": "register", "date": "2026-03-31"})
        )
        url = wizard.action_export_xlsx()["url"]
        self.authenticate(auditor.login, auditor.login)
        with self.assertNoLogs("odoo.tools.mimetypes", level="WARNING"):
            response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.headers["Content-Type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        self.assertIn(
            "asset_register_2026-03-31.xlsx", response.headers["Content-Disposition"]
        )
