# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, tagged

from odoo.addons.it_asset.lib import scan_codes

from .audit_common import AuditCase

# check rights, lookup, line, write (in a savepoint), counts, the card
QUERIES_PER_SCAN = 13
# the same, and the name of who scanned it first
QUERIES_PER_DUPLICATE = 16


@tagged("post_install", "-at_install", "is_query_count")
class TestAssetScan(AuditCase):
    """The Scan screen without a campaign, as an IT user: any asset found by
    tag, serial or label payload; its card and the actions offered."""

    def test_find_by_tag_serial_and_label_urls(self):
        asset = self.assets[0]
        asset.serial_number = "SCAN-SN-1"
        Asset = self.env["it.asset"].with_user(self.auditor)
        for code, matched_by in (
            (asset.tag, "tag"),
            (asset.tag.lower(), "tag"),
            ("scan-sn-1", "serial"),
            (f"https://erp.example.com/odoo/it.asset/{asset.id}", "label"),
            (f"/odoo/it-assets/{asset.id}?debug=1", "label"),
            (
                f"https://erp.example.com/mail/view?model=it.asset&res_id={asset.id}",
                "label",
            ),
            (f"/web#id={asset.id}&model=it.asset&view_type=form", "label"),
        ):
            found, kind, _note = Asset._find_by_code(scan_codes.clean(code))
            self.assertEqual((found, kind), (asset, matched_by), code)
        # a URL of another model is not an asset
        found, _kind, _note = Asset._find_by_code(
            f"/mail/view?model=res.partner&res_id={asset.id}"
        )
        self.assertFalse(found)

    def test_card_and_actions(self):
        Asset = self.env["it.asset"].with_user(self.auditor)
        asset = self.assets[0]
        reply = Asset.scan_lookup(asset.tag)
        self.assertEqual(reply["kind"], "found")
        card = reply["asset"]
        self.assertEqual(card["tag"], asset.tag)
        self.assertEqual(card["location"], self.room.display_name)
        self.assertEqual(card["state"], "in_stock")
        self.assertTrue(card["can_checkout"])
        self.assertFalse(card["can_checkin"])
        action = asset.with_user(self.auditor).action_open_checkout()
        self.assertEqual(action["res_model"], "it.asset.checkout")
        self.Custody.with_user(self.auditor)._checkout(asset, self.employee)
        card = Asset.scan_lookup(asset.tag)["asset"]
        self.assertEqual(card["holder"], self.employee.name)
        self.assertTrue(card["can_checkin"])
        self.assertFalse(card["can_checkout"])
        action = asset.with_user(self.auditor).action_scan_report_failure()
        self.assertEqual(action["res_model"], "maintenance.request")
        self.assertEqual(action["context"]["default_it_asset_id"], asset.id)

    def test_unknown_bad_and_foreign_codes(self):
        Asset = self.env["it.asset"].with_user(self.auditor)
        reply = Asset.scan_lookup("NOPE-1")
        self.assertEqual(reply["kind"], "unknown")
        self.assertTrue(reply["can_create"])
        self.assertEqual(Asset.scan_lookup("x" * 10000)["kind"], "invalid")
        self.assertEqual(Asset.scan_lookup(" ")["kind"], "invalid")
        reply = Asset.scan_lookup(self.foreign.tag)
        self.assertEqual(reply["kind"], "refused")
        self.assertIn("Other Audit Co", reply["message"])
        self.assertFalse(reply["asset"])

    def test_scan_into_the_custody_dialogs(self):
        """*Add by Scan*: a tag, a serial or a label link picked in the
        check-out and check-in dialogs adds the asset to the list; the
        dialog's list is what is confirmed."""
        first, second, third = self.assets[:3]
        second.serial_number = "ADD-SN-2"
        Asset = self.env["it.asset"].with_user(self.auditor)
        url = f"https://erp.example.com/odoo/it.asset/{third.id}"
        self.assertEqual([r[0] for r in Asset.name_search(url)], [third.id])
        self.assertEqual([r[0] for r in Asset.name_search("add-sn-2")], [second.id])
        self.assertEqual([r[0] for r in Asset.name_search(first.tag)], [first.id])
        checkout = Form(
            self.env["it.asset.checkout"]
            .with_user(self.auditor)
            .with_context(active_model="it.asset", active_ids=first.ids)
        )
        checkout.scan_asset_id = second
        checkout.scan_asset_id = third
        self.assertFalse(checkout.scan_asset_id)
        checkout.employee_id = self.employee
        checkout.save().action_confirm()
        self.assertEqual((first | second | third).holder_employee_id, self.employee)
        checkin = Form(self.env["it.asset.checkin"].with_user(self.auditor))
        for asset in (first, third):
            checkin.scan_asset_id = asset
        self.assertEqual(checkin.asset_ids[:], first | third)
        checkin.save().action_confirm()
        self.assertEqual((first | third).mapped("state"), ["in_stock"] * 2)
        self.assertEqual(second.state, "in_use")

    def test_campaign_picker_and_where_you_are(self):
        """The Scan screen's campaign picker names each campaign with its
        scope; "Where you are" offers the scope's locations (children
        included) and starts from its only location."""
        room_audit = self._started()
        by_category = self._started(
            location_ids=[(5, 0, 0)], category_ids=[(6, 0, self.category_laptop.ids)]
        )
        campaigns = {
            c["id"]: c
            for c in self.env["it.asset.audit"].with_user(self.auditor).scan_campaigns()
        }
        room = campaigns[room_audit.id]
        self.assertEqual(room["label"], f"{room_audit.name} · {self.room.display_name}")
        self.assertEqual(
            {loc["id"] for loc in room["locations"]}, {self.room.id, self.shelf.id}
        )
        self.assertEqual(room["location_id"], self.room.id)
        self.assertEqual(room["expected"], len(room_audit.line_ids))
        category = campaigns[by_category.id]
        self.assertIn(self.category_laptop.display_name, category["label"])
        self.assertFalse(category["location_id"])
        # no location in its scope: any internal location of the company
        self.assertIn(
            self.meeting_room.id, [loc["id"] for loc in category["locations"]]
        )

    def test_queries_per_scan_do_not_grow_with_the_campaign(self):
        """One scan costs the same number of queries in a campaign of 10 and
        of 200 expected assets."""
        campaigns = []
        for size in (10, 200):
            location = self.env["stock.location"].create(
                {"name": f"Room {size}", "usage": "internal"}
            )
            assets = self._create_assets(size, location_id=location.id)
            audit = self._started(location_ids=[(6, 0, location.ids)])
            self.assertEqual(audit.expected_count, size)
            campaigns.append((audit, assets, location))
        # what the set-up left to write (it clears Odoo's caches)
        self.env.flush_all()
        for audit, assets, location in campaigns:
            # the caches Odoo fills once (rules, groups)
            for asset in assets[:2]:
                audit.record_scan(asset.tag, location.id)
                self.env.invalidate_all()
            with self.assertQueryCount(QUERIES_PER_SCAN):
                reply = audit.record_scan(assets[len(assets) // 2].tag, location.id)
            self.assertEqual(reply["kind"], "found")
            self.assertEqual(reply["audit"]["found"], 3)
            self.env.invalidate_all()
            with self.assertQueryCount(QUERIES_PER_DUPLICATE):
                reply = audit.record_scan(assets[len(assets) // 2].tag, location.id)
            self.assertEqual(reply["kind"], "duplicate")
