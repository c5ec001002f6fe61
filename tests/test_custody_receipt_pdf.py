# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date

from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.pdf import PdfFileReader


@tagged("post_install", "-at_install")
class TestCustodyReceiptPdf(TransactionCase):
    """The custody receipt as the PDF an IT user prints, rendered for real by
    wkhtmltopdf. Its styles are not fetched (report.url points nowhere): a
    test server would wait for the test's own transaction."""

    def test_receipts_of_two_holders_in_one_pdf(self):
        it_user = new_test_user(
            self.env, login="receipt_it", groups="it_asset.group_it_asset_user"
        )
        category = self.env["it.asset.category"].create({"name": "Receipt Laptops"})
        assets = self.env["it.asset"].create(
            [
                {
                    "name": f"Receipt laptop {i}",
                    "category_id": category.id,
                    "state": "in_stock",
                    "acquisition_date": date(2026, 1, 5),
                }
                for i in range(2)
            ]
        )
        Employee = self.env["hr.employee"]
        alice, bob = Employee.create(
            [{"name": "Alice Receipt"}, {"name": "Bob Receipt"}]
        )
        Custody = self.env["it.asset.custody"].with_user(it_user)
        custodies = Custody._checkout(
            assets[0], alice, date(2026, 3, 2), is_remote=True
        ) | Custody._checkout(assets[1], bob, date(2026, 3, 2))
        self.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(it_user)
            # a PDF even in test mode, where Odoo would give HTML
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("it_asset.action_report_it_asset_custody", custodies.ids)
        )
        self.assertEqual(kind, "pdf")
        reader = PdfFileReader(io.BytesIO(pdf))
        # one page per holder, in one document
        self.assertEqual(len(reader.pages), 2)
        first, second = (" ".join(page.extract_text().split()) for page in reader.pages)
        self.assertIn("Alice Receipt", first)
        self.assertIn(assets[0].tag, first)  # on one line, not wrapped
        self.assertIn("no delivery address given", first)
        self.assertIn("Bob Receipt", second)
        self.assertIn("03/02/2026", second)  # the user's date format
        self.assertNotIn("2026-03-02", first + second)
