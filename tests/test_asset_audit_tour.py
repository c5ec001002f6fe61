# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAssetAuditScanPhoneTour(HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_it_user_scans_three_tags_and_closes(self):
        """An IT user (IT Assets / User only), on a 390x844 screen, scans the
        three assets of a campaign on the Scan screen and closes it."""
        it_user = new_test_user(
            self.env, login="tour_auditor", groups="it_asset.group_it_asset_user"
        )
        location = self.env["stock.location"].create(
            {"name": "Tour Audit Room", "usage": "internal"}
        )
        # "Where you are" offers the campaign's room and its shelf only
        self.env["stock.location"].create(
            {"name": "Tour Shelf", "usage": "internal", "location_id": location.id}
        )
        category = self.env["it.asset.category"].create({"name": "Tour Audit Laptops"})
        assets = self.env["it.asset"].create(
            [
                {
                    "name": f"Tour audit laptop {i}",
                    "tag": f"TOUR-AUD-{i}",
                    "category_id": category.id,
                    "location_id": location.id,
                    "state": "in_stock",
                    "user_id": it_user.id,
                }
                for i in (1, 2, 3)
            ]
        )
        audit = (
            self.env["it.asset.audit"]
            .with_user(it_user)
            .create({"name": "Tour Audit", "location_ids": [(6, 0, location.ids)]})
        )
        audit.action_start()
        self.start_tour(
            "/odoo/it-asset-scan",
            "it_asset_audit_scan_phone_tour",
            login=it_user.login,
            timeout=120,
        )
        self.assertEqual(audit.state, "closed")
        self.assertEqual(set(audit.line_ids.mapped("result")), {"found"})
        self.assertEqual(audit.line_ids.scanned_by_id, it_user)
        self.assertEqual(audit.line_ids.scanned_location_id, location)
        self.assertTrue(all(assets.mapped("last_audit_date")))
