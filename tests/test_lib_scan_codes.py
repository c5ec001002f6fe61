# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from odoo.addons.it_asset.lib import scan_codes


@tagged("post_install", "-at_install")
class TestLibScanCodes(BaseCase):
    """lib/scan_codes.py on plain values."""

    def test_clean(self):
        self.assertEqual(scan_codes.clean("  ITA-000001\n"), "ITA-000001")
        for raw, reason in (
            ("", "empty"),
            ("  \t ", "empty"),
            (None, "empty"),
            (42, "garbage"),
            ("a\x00b", "garbage"),
            ("x" * 257, "too_long"),
        ):
            with self.assertRaises(scan_codes.BadCode) as caught:
                scan_codes.clean(raw)
            self.assertEqual(caught.exception.reason, reason)

    def test_asset_id_from_url(self):
        self.assertEqual(scan_codes.asset_id_from_url("/odoo/it.asset/7"), 7)
        self.assertEqual(
            scan_codes.asset_id_from_url("https://x.example/odoo/it-assets/12/"), 12
        )
        self.assertEqual(
            scan_codes.asset_id_from_url("/mail/view?model=it.asset&res_id=9"), 9
        )
        self.assertIsNone(scan_codes.asset_id_from_url("ITA-000001"))
        self.assertIsNone(scan_codes.asset_id_from_url("/odoo/res.partner/7"))
        self.assertIsNone(scan_codes.asset_id_from_url("/mail/view?model=it.asset"))
