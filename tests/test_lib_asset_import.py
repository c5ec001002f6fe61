# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from odoo.addons.it_asset.lib import asset_import as ai
from odoo.addons.it_asset.lib import lifecycle as lc

LABELS = {
    lc.DRAFT: "Draft",
    lc.IN_STOCK: "In Stock",
    lc.IN_USE: "In Use",
    lc.IN_REPAIR: "In Repair",
    lc.RETIRED: "Retired",
    lc.DISPOSED: "Disposed",
    lc.MISSING: "Missing",
}


@tagged("post_install", "-at_install")
class TestLibAssetImport(BaseCase):
    def test_state_by_value_label_or_synonym(self):
        self.assertEqual(ai.parse_state("in_use", LABELS), lc.IN_USE)
        self.assertEqual(ai.parse_state("  in stock ", LABELS), lc.IN_STOCK)
        self.assertEqual(ai.parse_state("Deployed", LABELS), lc.IN_USE)
        self.assertEqual(ai.parse_state("Ready to Deploy", LABELS), lc.IN_STOCK)
        self.assertEqual(ai.parse_state("Lost/Stolen", LABELS), lc.MISSING)
        self.assertEqual(ai.parse_state("Broken - Not Fixable", LABELS), lc.RETIRED)
        self.assertEqual(ai.parse_state("Pending", LABELS), lc.DRAFT)

    def test_state_empty_or_unknown(self):
        self.assertEqual(ai.parse_state("", LABELS), "")
        self.assertEqual(ai.parse_state(None, LABELS), "")
        self.assertEqual(ai.parse_state(False, LABELS), "")
        self.assertIsNone(ai.parse_state("Borrowed", LABELS))

    def test_every_synonym_is_a_status(self):
        self.assertLessEqual(set(ai.STATE_SYNONYMS.values()), set(lc.STATES))

    def test_row_label(self):
        self.assertEqual(
            ai.row_label({"tag": "IT-1", "name": "Laptop", "serial_number": "S1"}),
            "[IT-1] Laptop (serial S1)",
        )
        self.assertEqual(ai.row_label({"tag": "New", "name": "Laptop"}), "Laptop")
        self.assertEqual(ai.row_label({}), "?")

    def test_unique_key(self):
        vals = {"serial_number": " Ab1 ", "product_id": 7}
        self.assertEqual(ai.unique_key(vals, "serial_number", 1), (1, 7, "ab1"))
        self.assertEqual(
            ai.unique_key({"serial_number": "X", "company_id": 3}, "serial_number", 1),
            (3, 0, "x"),
        )
        self.assertEqual(ai.unique_key({"tag": "IT-9"}, "tag", 1), (1, 0, "it-9"))
        self.assertIsNone(ai.unique_key({"tag": "New"}, "tag", 1))
        self.assertIsNone(ai.unique_key({"serial_number": "  "}, "serial_number", 1))

    def test_repeated_in_register_or_file(self):
        keys = [(1, 0, "a"), None, (1, 0, "b"), (1, 0, "a"), (1, 0, "c")]
        self.assertEqual(
            ai.repeated(keys, {(1, 0, "c")}), [None, None, None, "file", "register"]
        )
