# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import glob
import io
import os
import subprocess
import tempfile

import zxingcpp
from PIL import Image

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools.pdf import PdfFileReader

from odoo.addons.it_asset.lib import labels

from .common_stock import ItAssetStockCase

REPORTS = {
    "a4_3x8": "it_asset.action_report_it_asset_label_a4",
    "letter_30": "it_asset.action_report_it_asset_label_letter",
    "roll_62x29": "it_asset.action_report_it_asset_label_roll",
}
# a label printer's or office printer's resolution
DPI = 300


def decode_pdf(pdf):
    """Rasterise ``pdf`` with pdftoppm and decode its codes with zxing-cpp:
    one list per page of (format, text, x mm, y mm of the code's centre)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "labels.pdf")
        with open(path, "wb") as f:
            f.write(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-gray", "-png", path, f"{folder}/page"],
            check=True,
        )
        pages = []
        for image_path in sorted(glob.glob(f"{folder}/page-*.png")):
            with Image.open(image_path) as image:
                found = []
                for code in zxingcpp.read_barcodes(image):
                    p = code.position
                    corners = (p.top_left, p.top_right, p.bottom_left, p.bottom_right)
                    x = sum(c.x for c in corners) / 4 * 25.4 / DPI
                    y = sum(c.y for c in corners) / 4 * 25.4 / DPI
                    found.append((code.format.name, code.text, x, y))
            pages.append(found)
        return pages


def cell_at(sheet, x, y):
    """The cell (0-based) of ``sheet`` holding the point (x, y) in mm."""
    for cell in range(sheet.per_page):
        left, top = sheet.cell_origin(cell)
        if left <= x < left + sheet.label_width and top <= y < top + sheet.label_height:
            return cell
    return None


@tagged("post_install", "-at_install")
class TestAssetLabels(ItAssetStockCase):
    """Labels as the PDF users print, rendered by wkhtmltopdf, rasterised
    and read back with a barcode reader. Styles are not fetched (report.url
    points nowhere): the labels carry their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        cls.env["ir.config_parameter"].set_param(
            "web.base.url", "https://erp.example.com"
        )
        cls.company.write(
            {
                "it_asset_label_qr_payload": "url",
                "it_asset_label_company": "name",
                "it_asset_label_contact": "IT helpdesk ext. 4357",
            }
        )
        cls.assets = cls.env["it.asset"].create(
            [
                {
                    "name": f"Label laptop {i}",
                    "category_id": cls.category_laptop.id,
                    "serial_number": f"LBL-SN-{i}",
                }
                for i in range(4)
            ]
        )

    def _render(self, user, label_format="a4_3x8", asset_ids=None, data=None):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            # a PDF even in test mode, where Odoo would give HTML
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                REPORTS.get(label_format, label_format), asset_ids, data=data
            )
        )
        self.assertEqual(kind, "pdf")
        return pdf

    def _wizard(self, user, model, records, **vals):
        context = {"active_model": model, "active_ids": records.ids}
        form = Form(
            self.env["it.asset.label.print"].with_user(user).with_context(**context)
        )
        for name, value in vals.items():
            setattr(form, name, value)
        return form.save()

    def _print(self, wizard):
        """What the wizard's Print button sends to the report, rendered."""
        action = wizard.action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        # the report name, as the browser's /report/pdf/<name> route gets it
        return self._render(wizard.env.user, action["report_name"], data=action["data"])

    def _url(self, asset):
        return f"https://erp.example.com/odoo/it.asset/{asset.id}"

    def test_each_format_decodes_to_tags_and_urls(self):
        for label_format, sheet in labels.SHEETS.items():
            with self.subTest(label_format=label_format):
                pdf = self._render(self.it_user, label_format, self.assets.ids)
                reader = PdfFileReader(io.BytesIO(pdf))
                pages = decode_pdf(pdf)
                self.assertEqual(len(reader.pages), len(pages))
                self.assertEqual(len(pages), 4 if sheet.is_roll else 1)
                box = reader.pages[0].mediabox
                self.assertAlmostEqual(
                    float(box.width) * 25.4 / 72, sheet.page_width, delta=1
                )
                self.assertAlmostEqual(
                    float(box.height) * 25.4 / 72, sheet.page_height, delta=1
                )
                codes = [code for page in pages for code in page]
                self.assertEqual(
                    sorted(text for kind, text, _x, _y in codes if kind == "Code128"),
                    sorted(self.assets.mapped("tag")),
                )
                self.assertEqual(
                    sorted(text for kind, text, _x, _y in codes if kind == "QRCode"),
                    sorted(self._url(asset) for asset in self.assets),
                )
                # each label's two codes inside its own cell, in order
                if not sheet.is_roll:
                    cells = sorted(
                        (cell_at(sheet, x, y), kind, text) for kind, text, x, y in codes
                    )
                    expected = sorted(
                        (i, kind, text)
                        for i, asset in enumerate(self.assets)
                        for kind, text in (
                            ("Code128", asset.tag),
                            ("QRCode", self._url(asset)),
                        )
                    )
                    self.assertEqual(cells, expected)

    def test_start_position_leaves_cells_empty(self):
        wizard = self._wizard(
            self.it_user,
            "it.asset",
            self.assets,
            label_format="a4_3x8",
            start_position=23,
        )
        self.assertRecordValues(wizard, [{"label_count": 4, "page_count": 2}])
        pages = decode_pdf(self._print(wizard))
        sheet = labels.A4_3X8
        self.assertEqual(len(pages), 2)
        placed = [
            sorted(
                {
                    (cell_at(sheet, x, y), text)
                    for kind, text, x, y in page
                    if kind == "Code128"
                }
            )
            for page in pages
        ]
        tags = self.assets.mapped("tag")
        # cells 1 to 22 of the first sheet stay blank
        self.assertEqual(placed[0], [(22, tags[0]), (23, tags[1])])
        self.assertEqual(placed[1], [(0, tags[2]), (1, tags[3])])

    def test_copies_on_a_letter_sheet(self):
        wizard = self._wizard(
            self.it_user,
            "it.asset",
            self.assets[:2],
            label_format="letter_30",
            start_position=4,
            copies=3,
        )
        self.assertRecordValues(wizard, [{"label_count": 6, "page_count": 1}])
        (page,) = decode_pdf(self._print(wizard))
        sheet = labels.LETTER_30
        tags = self.assets[:2].mapped("tag")
        self.assertEqual(
            sorted(
                (cell_at(sheet, x, y), text)
                for kind, text, x, y in page
                if kind == "Code128"
            ),
            [
                (3, tags[0]),
                (4, tags[0]),
                (5, tags[0]),
                (6, tags[1]),
                (7, tags[1]),
                (8, tags[1]),
            ],
        )

    def test_bad_start_position_or_copies(self):
        wizard = self._wizard(self.it_user, "it.asset", self.assets, start_position=25)
        self.assertEqual(wizard.page_count, 0)
        with self.assertRaisesRegex(UserError, "from 1 to 24"):
            wizard.action_print()
        wizard.write({"start_position": 1, "copies": 0})
        with self.assertRaisesRegex(UserError, "at least one copy"):
            wizard.action_print()
        # forged report data are refused the same way
        with self.assertRaises(UserError):
            self._render(
                self.it_user, data={"asset_ids": self.assets.ids, "start_position": 31}
            )

    def test_qr_tag_only_and_label_content(self):
        self.company.write(
            {
                "it_asset_label_qr_payload": "tag",
                "it_asset_label_show_serial": False,
                "it_asset_label_show_name": False,
                "it_asset_label_contact": False,
            }
        )
        asset = self.assets[0]
        pdf = self._render(self.it_user, "roll_62x29", asset.ids)
        (page,) = decode_pdf(pdf)
        self.assertEqual(
            sorted(page_code[:2] for page_code in page),
            [("Code128", asset.tag), ("QRCode", asset.tag)],
        )
        text = " ".join(PdfFileReader(io.BytesIO(pdf)).pages[0].extract_text().split())
        self.assertIn(asset.tag, text)
        self.assertIn(self.company.name, text)
        self.assertNotIn("LBL-SN-0", text)
        self.assertNotIn("Label laptop", text)
        self.company.write(
            {
                "it_asset_label_show_serial": True,
                "it_asset_label_show_name": True,
                "it_asset_label_contact": "IT helpdesk ext. 4357",
            }
        )
        asset.name = "Écran Müller"
        pdf = self._render(self.it_user, "roll_62x29", asset.ids)
        text = " ".join(PdfFileReader(io.BytesIO(pdf)).pages[0].extract_text().split())
        for expected in ("LBL-SN-0", "Écran Müller", "IT helpdesk ext. 4357"):
            self.assertIn(expected, text)

    def test_warehouse_user_prints_the_labels_of_their_receipt(self):
        picking = self._receive(
            self.product_laptop, serials=["WH-LBL-1", "WH-LBL-2"], price=900.0
        )
        received = self._assets_of(picking)
        self.assertEqual(len(received), 2)
        # the receipt's Asset Labels button shows, and opens the wizard on it
        self.assertEqual(picking.with_user(self.warehouse_user).it_asset_label_count, 2)
        action = picking.with_user(self.warehouse_user).action_it_asset_print_labels()
        self.assertEqual(action["res_model"], "it.asset.label.print")
        wizard = self._wizard(
            self.warehouse_user, "stock.picking", picking, label_format="roll_62x29"
        )
        self.assertRecordValues(wizard, [{"label_count": 2, "page_count": 2}])
        pages = decode_pdf(self._print(wizard))
        self.assertEqual(
            sorted(
                text
                for page in pages
                for kind, text, _x, _y in page
                if kind == "Code128"
            ),
            sorted(received.mapped("tag")),
        )
        # reprints are always possible
        self.assertEqual(len(decode_pdf(self._print(wizard))), 2)
        # and the register stays closed to them
        with self.assertRaises(AccessError):
            self.env["it.asset"].with_user(self.warehouse_user).browse(
                received.ids
            ).read(["tag"])
        with self.assertRaises(AccessError):
            self.env["it.asset"].with_user(self.warehouse_user).search([])
        # asking the report for assets rather than a receipt is refused
        with self.assertRaises(AccessError):
            self._render(self.warehouse_user, data={"asset_ids": self.assets.ids})

    def test_receipt_without_assets_says_so(self):
        picking = self._receive(self.product_cable, quantity=10)
        # the receipt offers no Asset Labels button (count 0 hides it)...
        self.assertEqual(picking.with_user(self.warehouse_user).it_asset_label_count, 0)
        # ...and the wizard, reached anyway, says why
        with self.assertRaisesRegex(UserError, f"{picking.name} created no IT asset"):
            self._wizard(self.warehouse_user, "stock.picking", picking)
        with self.assertRaisesRegex(UserError, "created no IT asset"):
            self._render(self.warehouse_user, data={"picking_ids": picking.ids})

    def test_employee_cannot_print_labels(self):
        with self.assertRaises(AccessError):
            self._render(self.employee_user, asset_ids=self.assets.ids)
        with self.assertRaises(AccessError):
            self.env["it.asset.label.print"].with_user(self.employee_user).create(
                {"asset_ids": [(6, 0, self.assets.ids)]}
            )
        picking = self._receive(self.product_laptop, serials=["EMP-LBL-1"], price=900.0)
        with self.assertRaises(AccessError):
            self._render(self.employee_user, data={"picking_ids": picking.ids})

    def test_print_from_a_location_a_category_and_the_register(self):
        shelf = self.env["stock.location"].create(
            {
                "name": "Label Shelf",
                "usage": "internal",
                "location_id": self.stock_room.id,
            }
        )
        self.assets[:2].write({"location_id": shelf.id})
        wizard = self._wizard(self.it_user, "stock.location", shelf)
        self.assertEqual(wizard.asset_ids, self.assets[:2])
        wizard = self._wizard(self.it_user, "it.asset.category", self.category_laptop)
        self.assertEqual(wizard.asset_ids, self.assets)
        empty = self.env["it.asset.category"].create({"name": "No Label Category"})
        with self.assertRaisesRegex(UserError, "No IT asset in No Label Category"):
            self._wizard(self.it_user, "it.asset.category", empty)
        # the Print menu of the register, of locations, categories and receipts
        for model, user, xmlid in (
            ("it.asset", self.it_user, "it_asset_label_print_action"),
            ("stock.location", self.it_user, "it_asset_label_print_action_location"),
            ("it.asset.category", self.it_user, "it_asset_label_print_action_category"),
            (
                "stock.picking",
                self.warehouse_user,
                "it_asset_label_print_action_picking",
            ),
        ):
            views = (
                self.env[model]
                .with_user(user)
                .get_views([(False, "list")], {"toolbar": True})
            )
            toolbar = views["views"]["list"]["toolbar"]
            self.assertIn(
                self.env.ref(f"it_asset.{xmlid}").id,
                [action["id"] for action in toolbar.get("print", [])],
                model,
            )


@tagged("post_install", "-at_install")
class TestAssetLabelUrl(HttpCase):
    """The label's QR link opens the asset in Odoo, after login."""

    def test_qr_link_asks_for_login_then_opens_the_web_client(self):
        category = self.env["it.asset.category"].create({"name": "Url Laptops"})
        asset = self.env["it.asset"].create(
            {"name": "Url laptop", "category_id": category.id}
        )
        path = labels.asset_url("", asset.id)
        self.assertEqual(path, f"/odoo/it.asset/{asset.id}")
        response = self.url_open(path, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
        self.assertIn(
            f"redirect=/odoo/it.asset/{asset.id}",
            response.headers["Location"].replace("%2F", "/"),
        )
        new_test_user(self.env, login="url_it", groups="it_asset.group_it_asset_user")
        self.authenticate("url_it", "url_it")
        response = self.url_open(path)
        self.assertEqual(response.status_code, 200)
        self.assertIn("odoo.__session_info__", response.text)
