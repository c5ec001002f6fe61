# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import xml.dom.minidom

import zxingcpp
from PIL import Image

from odoo.tests import BaseCase, tagged

from odoo.addons.it_asset.lib import labels


@tagged("post_install", "-at_install")
class TestLibLabels(BaseCase):
    def test_sheets_fit_their_paper(self):
        for sheet in labels.SHEETS.values():
            right, bottom = sheet.cell_origin(sheet.per_page - 1)
            self.assertLessEqual(right + sheet.label_width, sheet.page_width + 1e-6)
            self.assertLessEqual(bottom + sheet.label_height, sheet.page_height + 1e-6)

    def test_avery_5160_geometry(self):
        sheet = labels.LETTER_30
        self.assertEqual((sheet.columns, sheet.rows, sheet.per_page), (3, 10, 30))
        self.assertAlmostEqual(sheet.label_width, 66.675)
        self.assertAlmostEqual(sheet.label_height, 25.4)
        # second column starts 2 3/4" after the first, third row 2" down
        self.assertEqual(
            tuple(round(v, 4) for v in sheet.cell_origin(7)), (74.6125, 63.5)
        )
        # the right margin equals the left one (3/16")
        left, _top = sheet.cell_origin(2)
        self.assertAlmostEqual(sheet.page_width - left - sheet.label_width, 4.7625)

    def test_a4_cells_row_by_row(self):
        sheet = labels.A4_3X8
        self.assertEqual(sheet.cell_origin(0), (0.0, 0.5))
        self.assertEqual(sheet.cell_origin(4), (70.0, 37.5))
        self.assertEqual(sheet.cell_origin(23), (140.0, 259.5))

    def test_start_position_leaves_cells_empty(self):
        sheet = labels.A4_3X8
        pages = labels.paginate(["a", "b", "c"], sheet, start=23)
        self.assertEqual(pages, [[(22, "a"), (23, "b")], [(0, "c")]])
        self.assertEqual(labels.empty_cells(sheet, 4), [0, 1, 2])
        self.assertEqual(labels.page_count(3, sheet, start=23), 2)
        self.assertEqual(labels.page_count(2, sheet, start=23), 1)
        self.assertEqual(labels.page_count(24, sheet), 1)
        self.assertEqual(labels.page_count(25, sheet), 2)
        self.assertEqual(labels.page_count(0, sheet), 0)

    def test_copies_follow_each_other(self):
        pages = labels.paginate(["a", "b"], labels.LETTER_30, start=29, copies=2)
        self.assertEqual(pages, [[(28, "a"), (29, "a")], [(0, "b"), (1, "b")]])

    def test_roll_one_label_per_page(self):
        pages = labels.paginate(["a", "b"], labels.ROLL_62X29, copies=2)
        self.assertEqual(pages, [[(0, "a")], [(0, "a")], [(0, "b")], [(0, "b")]])
        self.assertTrue(labels.ROLL_62X29.is_roll)
        self.assertFalse(labels.A4_3X8.is_roll)

    def test_bad_start_or_copies(self):
        for start in (0, 25, -1):
            with self.assertRaises(ValueError):
                labels.paginate(["a"], labels.A4_3X8, start=start)
        with self.assertRaises(ValueError):
            labels.page_count(1, labels.ROLL_62X29, start=2)
        with self.assertRaises(ValueError):
            labels.paginate(["a"], labels.A4_3X8, copies=0)

    def test_label_boxes_fit_the_label(self):
        for sheet in labels.SHEETS.values():
            for lines in (0, 5):
                boxes = labels.label_boxes(sheet, lines)
                self.assertLessEqual(
                    boxes.text_left + boxes.text_width + boxes.padding,
                    sheet.label_width + 1e-6,
                )
                self.assertLessEqual(
                    boxes.qr_size + 2 * boxes.padding, sheet.label_height + 1e-6
                )
                self.assertLessEqual(boxes.barcode_height, sheet.max_barcode_height)
                self.assertGreaterEqual(boxes.barcode_height, 4.0)
        # fewer text lines leave more room to the barcode, up to its maximum
        self.assertGreater(
            labels.label_boxes(labels.LETTER_30, 1).barcode_height,
            labels.label_boxes(labels.LETTER_30, 5).barcode_height,
        )

    def test_code128_svg_is_scalable(self):
        svg = labels.code128_svg("ITA-000042")
        root = xml.dom.minidom.parseString(svg).documentElement
        self.assertEqual(root.tagName, "svg")
        self.assertTrue(root.getAttribute("viewBox").startswith("0 0 "))
        self.assertEqual(root.getAttribute("preserveAspectRatio"), "none")
        # no human-readable text in the symbol: the label prints the tag itself
        self.assertFalse(root.getElementsByTagName("text"))
        with self.assertRaises(ValueError):
            labels.code128_svg("")

    def test_qr_png_decodes(self):
        url = labels.asset_url("https://erp.example.com/", 42)
        self.assertEqual(url, "https://erp.example.com/odoo/it.asset/42")
        image = Image.open(io.BytesIO(labels.qr_png(url)))
        self.assertEqual([r.text for r in zxingcpp.read_barcodes(image)], [url])
        svg = labels.qr_svg(url)
        self.assertIn(b"viewBox", svg)
        with self.assertRaises(ValueError):
            labels.qr_svg("")

    def test_data_uri(self):
        self.assertEqual(
            labels.data_uri(b"<svg/>"), "data:image/svg+xml;base64,PHN2Zy8+"
        )
