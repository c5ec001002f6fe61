# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .audit_common import AuditCase


@tagged("post_install", "-at_install")
class TestAssetAudit(AuditCase):
    """Audit campaigns as an IT user: snapshot, each scan result, the
    correction of an asset found elsewhere, closing, rights."""

    def test_start_snapshots_the_expected_assets(self):
        audit = self._audit()
        self.assertRegex(audit.name, r"^AUD/\d{4}/\d{4}$")
        self.assertEqual(audit.state, "draft")
        audit.action_start()
        expected = self.assets | self.on_shelf
        self.assertEqual(audit.state, "in_progress")
        self.assertEqual(audit.line_ids.asset_id, expected)
        self.assertEqual(audit.expected_count, 4)
        self.assertRecordValues(
            self._line(audit, self.on_shelf),
            [
                {
                    "expected": True,
                    "expected_location_id": self.shelf.id,
                    "result": "pending",
                }
            ],
        )
        # the other company's asset and the meeting room's are not expected
        self.assertNotIn(self.elsewhere, audit.line_ids.asset_id)
        self.assertNotIn(self.foreign, audit.line_ids.asset_id)
        with self.assertRaises(UserError):
            audit.action_start()
        with self.assertRaises(UserError):
            audit.write({"location_ids": [(6, 0, self.meeting_room.ids)]})

    def test_state_and_results_are_set_by_actions_only(self):
        audit = self._started()
        with self.assertRaises(UserError):
            audit.write({"state": "closed"})
        with self.assertRaises(UserError):
            audit.line_ids[:1].write({"result": "found"})
        with self.assertRaises(UserError):
            self.env["it.asset.audit"].with_user(self.auditor).create(
                {"state": "in_progress"}
            )
        self.assertEqual(audit.state, "in_progress")
        self.assertEqual(set(audit.line_ids.mapped("result")), {"pending"})

    def test_each_scan_result(self):
        audit = self._started()
        asset, by_serial, by_url, by_hand = self.assets | self.on_shelf
        by_serial.serial_number = "AUD-SN-42"
        # found where expected, by tag (any letter case, spaces around)
        reply = audit.record_scan(f"  {asset.tag.lower()} ", self.room.id)
        self.assertEqual(reply["kind"], "found")
        self.assertEqual(reply["asset"]["tag"], asset.tag)
        self.assertEqual(reply["audit"]["found"], 1)
        self.assertEqual(reply["audit"]["expected"], 4)
        # by serial, no location given
        self.assertEqual(audit.record_scan("aud-sn-42")["kind"], "found")
        # by the label's QR payload: a URL holding the asset's id
        reply = audit.record_scan(f"https://erp.example.com/odoo/it.asset/{by_url.id}")
        self.assertEqual(reply["kind"], "found")
        self.assertRecordValues(
            self._line(audit, asset)
            | self._line(audit, by_serial)
            | self._line(audit, by_url),
            [
                {
                    "result": "found",
                    "matched_by": "tag",
                    "scanned_location_id": self.room.id,
                    "scanned_by_id": self.auditor.id,
                    "scan_count": 1,
                },
                {
                    "result": "found",
                    "matched_by": "serial",
                    "scanned_location_id": False,
                    "scanned_by_id": self.auditor.id,
                    "scan_count": 1,
                },
                {
                    "result": "found",
                    "matched_by": "label",
                    "scanned_location_id": False,
                    "scanned_by_id": self.auditor.id,
                    "scan_count": 1,
                },
            ],
        )
        # duplicate: counted once, noted
        reply = audit.with_user(self.auditor_2).record_scan(asset.tag)
        self.assertEqual(reply["kind"], "duplicate")
        self.assertIn("counted once", reply["message"])
        self.assertRecordValues(
            self._line(audit, asset),
            [{"result": "found", "scan_count": 2, "scanned_by_id": self.auditor.id}],
        )
        self.assertEqual(reply["audit"]["found"], 3)
        # found elsewhere: the shelf's asset scanned in the meeting room
        reply = audit.record_scan(by_hand.tag, self.meeting_room.id)
        self.assertEqual(reply["kind"], "found_elsewhere")
        self.assertRecordValues(
            self._line(audit, by_hand),
            [
                {
                    "result": "found_elsewhere",
                    "scanned_location_id": self.meeting_room.id,
                }
            ],
        )
        # an asset the campaign did not expect
        reply = audit.record_scan(self.elsewhere.tag, self.room.id)
        self.assertEqual(reply["kind"], "found_elsewhere")
        self.assertRecordValues(
            self._line(audit, self.elsewhere),
            [
                {
                    "expected": False,
                    "result": "found_elsewhere",
                    "expected_location_id": self.meeting_room.id,
                    "scanned_location_id": self.room.id,
                }
            ],
        )
        self.assertEqual(audit.expected_count, 4, "the unexpected one is not expected")
        # unknown code: kept, counted
        for _i in range(2):
            reply = audit.record_scan("OLD-TAG-77", self.room.id)
            self.assertEqual(reply["kind"], "unknown")
        self.assertRecordValues(
            audit.unknown_ids,
            [
                {
                    "code": "OLD-TAG-77",
                    "count": 2,
                    "scanned_by_id": self.auditor.id,
                    "location_id": self.room.id,
                }
            ],
        )
        self.assertEqual(audit.unknown_count, 2)

    def test_tag_wins_over_another_assets_serial(self):
        audit = self._started()
        tagged_asset, serial_asset = self.assets[:2]
        serial_asset.serial_number = tagged_asset.tag
        reply = audit.record_scan(tagged_asset.tag)
        self.assertEqual(reply["asset"]["id"], tagged_asset.id)
        self.assertIn("the tag wins", reply["note"])
        self.assertEqual(self._line(audit, tagged_asset).result, "found")
        self.assertEqual(self._line(audit, serial_asset).result, "pending")

    def test_bad_codes_write_nothing(self):
        audit = self._started()
        for code in ("", "   ", None, "abc\x00def", "\x1b[A", "9" * 10000, "X" * 257):
            reply = audit.record_scan(code)
            self.assertEqual(
                reply["kind"], "invalid", repr(code[:20] if code else code)
            )
            self.assertTrue(reply["message"])
        self.assertFalse(audit.unknown_ids)
        self.assertEqual(set(audit.line_ids.mapped("result")), {"pending"})
        # a long but acceptable unknown code is kept in full
        reply = audit.record_scan("Z" * 256)
        self.assertEqual(reply["kind"], "unknown")
        self.assertEqual(len(audit.unknown_ids.code), 256)

    def test_scans_refused_unless_in_progress(self):
        audit = self._audit()
        with self.assertRaisesRegex(UserError, "only while it is in progress"):
            audit.record_scan(self.assets[0].tag)
        audit.action_start()
        audit.action_close()
        with self.assertRaisesRegex(UserError, "only while it is in progress"):
            audit.record_scan(self.assets[0].tag)
        self.assertEqual(self._line(audit, self.assets[0]).result, "missing")

    def test_another_companys_asset_is_refused(self):
        audit = self._started()
        for code in (self.foreign.tag, "FOREIGN-SN-1"):
            reply = audit.record_scan(code, self.room.id)
            self.assertEqual(reply["kind"], "refused")
            self.assertIn("Other Audit Co", reply["message"])
            self.assertFalse(reply["asset"])
        self.assertNotIn(self.foreign, audit.line_ids.asset_id)
        self.assertFalse(audit.unknown_ids)

    def test_correct_found_elsewhere_makes_the_stock_move(self):
        lot = self.env["stock.lot"].create(
            {"name": "AUD-LOT-1", "product_id": self.product_laptop.id}
        )
        self.env["stock.quant"]._update_available_quantity(
            self.product_laptop, self.room, 1.0, lot_id=lot
        )
        tracked = self._create_assets(
            1, product_id=self.product_laptop.id, location_id=self.room.id
        )
        tracked.lot_id = lot
        audit = self._started()
        audit.record_scan(tracked.tag, self.meeting_room.id)
        line = self._line(audit, tracked)
        self.assertEqual(line.result, "found_elsewhere")
        line.with_user(self.auditor).action_correct()
        self.assertEqual(tracked.location_id, self.meeting_room)
        self.assertTrue(line.corrected)
        moves = self.env["stock.move.line"].search([("lot_id", "=", lot.id)])
        self.assertEqual(moves.location_dest_id, self.meeting_room)
        self.assertEqual(moves.state, "done")
        quants = self.env["stock.quant"].search(
            [("lot_id", "=", lot.id), ("quantity", ">", 0)]
        )
        self.assertEqual(quants.location_id, self.meeting_room)
        with self.assertRaises(UserError):
            line.with_user(self.auditor).action_correct()

    def test_correct_a_held_asset_found_in_a_room_checks_it_in(self):
        held = self.assets[0]
        self.Custody.with_user(self.auditor)._checkout(held, self.employee)
        audit = self._started(
            employee_ids=[(6, 0, self.employee.ids)], location_ids=False
        )
        self.assertEqual(audit.line_ids.asset_id, held)
        audit.record_scan(held.tag, self.meeting_room.id)
        line = audit.line_ids
        self.assertEqual(line.result, "found_elsewhere")
        line.with_user(self.auditor).action_correct()
        self.assertFalse(held.custody_id)
        self.assertEqual(held.custody_ids.state, "returned")
        self.assertEqual(held.location_id, self.meeting_room)
        self.assertEqual(held.state, "in_stock")

    def test_found_at_a_holders_custody_location_is_a_handover(self):
        other = self.assets[1]
        bob_location = self.env.company._it_asset_holder_locations(self.employee_2)[
            self.employee_2
        ]
        audit = self._started()
        audit.record_scan(other.tag, bob_location.id)
        line = self._line(audit, other)
        self.assertEqual(line.result, "found_elsewhere")
        with self.assertRaisesRegex(UserError, "Hand Over"):
            line.with_user(self.auditor).action_correct()
        self.assertEqual(other.location_id, self.room)
        self.assertFalse(line.corrected)

    @freeze_time("2026-06-15 10:00:00")
    def test_close_marks_missing_and_sets_audit_dates(self):
        audit = self._started()
        found, left, missing, by_hand = self.assets | self.on_shelf
        audit.record_scan(found.tag, self.room.id)
        self._line(audit, left).with_user(self.auditor).action_leave()
        found_wizard = (
            self.env["it.asset.audit.found"]
            .with_user(self.auditor)
            .create(
                {
                    "line_ids": [(6, 0, self._line(audit, by_hand).ids)],
                    "reason": "Label torn off, serial read on the case",
                }
            )
        )
        found_wizard.action_confirm()
        audit.with_user(self.auditor).action_close()
        self.assertEqual(audit.state, "closed")
        self.assertRecordValues(
            self._line(audit, found)
            | self._line(audit, left)
            | self._line(audit, missing)
            | self._line(audit, by_hand),
            [
                {"result": "found", "matched_by": "tag"},
                {"result": "left", "matched_by": False},
                {"result": "missing", "matched_by": False},
                {"result": "found", "matched_by": "hand"},
            ],
        )
        self.assertEqual(missing.state, "missing")
        self.assertEqual(left.state, "in_stock")
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "it.asset"), ("res_id", "=", missing.id)]
        )
        self.assertEqual(activity.user_id, self.it_user, "its IT responsible")
        self.assertIn(audit.name, activity.summary)
        self.assertRecordValues(
            found | by_hand | left,
            [
                {
                    "last_audit_date": date(2026, 6, 15),
                    "next_audit_date": date(2026, 12, 15),
                },
                {
                    "last_audit_date": date(2026, 6, 15),
                    "next_audit_date": date(2026, 12, 15),
                },
                {"last_audit_date": False, "next_audit_date": False},
            ],
        )
        self.assertFalse(found.audit_overdue)
        message = found.message_ids.filtered(lambda m: audit.name in (m.body or ""))
        self.assertIn("Found by audit", message.body)
        self.assertIn(self.room.display_name, message.body)
        # the overview counts what is overdue once the next date has passed
        with freeze_time("2027-01-10"):
            self.assertIn(
                found,
                self.env["it.asset"].search([("audit_overdue", "=", True)]),
            )

    def test_closing_twice_is_refused(self):
        audit = self._started()
        audit.action_close()
        with self.assertRaisesRegex(UserError, "only a campaign in progress"):
            audit.action_close()
        self.assertEqual(audit.state, "closed")

    def test_found_by_hand_needs_a_reason(self):
        audit = self._started()
        with self.assertRaises(UserError):
            audit.line_ids[:1]._mark_found_by_hand("  ")
        self.assertEqual(audit.line_ids[:1].result, "pending")

    def test_checkin_counts_as_audit_where_the_company_says_so(self):
        settings = self.env["it.asset.settings"].with_user(self.it_manager).create({})
        self.assertFalse(settings.it_asset_checkin_is_audit)
        settings.it_asset_checkin_is_audit = True
        settings.action_save()
        self.assertTrue(self.env.company.it_asset_checkin_is_audit)
        self.env.company.it_asset_checkin_is_audit = False
        asset = self.assets[0]
        self.Custody.with_user(self.auditor)._checkout(asset, self.employee)
        self.Custody.with_user(self.auditor)._checkin(asset, self.room)
        self.assertFalse(asset.last_audit_date)
        self.env.company.it_asset_checkin_is_audit = True
        self.Custody.with_user(self.auditor)._checkout(asset, self.employee)
        self.Custody.with_user(self.auditor)._checkin(asset, self.room)
        self.assertTrue(asset.last_audit_date)
        self.assertEqual(
            asset.next_audit_date, asset.last_audit_date + relativedelta(months=6)
        )

    def test_result_reports(self):
        audit = self._started()
        audit.record_scan(self.assets[0].tag)
        audit.record_scan("NOT-AN-ASSET")
        action = audit.with_user(self.auditor).action_export_xlsx()
        self.assertIn("/web/content/", action["url"])
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("it_asset.report_it_asset_audit", audit.ids)[0]
            .decode()
        )
        self.assertIn(self.assets[0].tag, html)
        self.assertIn("NOT-AN-ASSET", html)
        self.assertIn("Found where expected", html)


@tagged("post_install", "-at_install")
class TestAssetAuditRights(AuditCase):
    """Who may run campaigns: IT users and managers; employees confirm their
    own assets only; warehouse users see nothing."""

    def test_it_manager_runs_a_campaign(self):
        audit = self._started(user=self.it_manager)
        audit.record_scan(self.assets[0].tag)
        audit.action_close()
        self.assertEqual(audit.state, "closed")

    def test_employee_cannot_run_or_read_campaigns(self):
        audit = self._started()
        Audit = self.env["it.asset.audit"].with_user(self.employee_user)
        with self.assertRaises(AccessError):
            Audit.create({"location_ids": [(6, 0, self.room.ids)]})
        with self.assertRaises(AccessError):
            audit.with_user(self.employee_user).action_close()
        with self.assertRaises(AccessError):
            audit.with_user(self.employee_user).record_scan(self.assets[0].tag)
        with self.assertRaises(AccessError):
            self.env["it.asset"].with_user(self.employee_user).scan_lookup(
                self.assets[0].tag
            )
        self.assertEqual(set(audit.line_ids.mapped("result")), {"pending"})

    def test_warehouse_user_cannot_read_campaigns(self):
        audit = self._started()
        with self.assertRaises(AccessError):
            audit.with_user(self.warehouse_user).read(["name"])
        with self.assertRaises(AccessError):
            audit.line_ids.with_user(self.warehouse_user).read(["result"])
        with self.assertRaises(AccessError):
            audit.with_user(self.warehouse_user).record_scan(self.assets[0].tag)


@tagged("post_install", "-at_install")
class TestAssetAuditConfirmation(AuditCase):
    """Remote workers confirm what they hold, by its serial number, from My
    IT Assets, as plain employees (no IT group)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.held = cls.assets[0]
        cls.held.serial_number = "HOME-SN-1"
        cls.other_held = cls.assets[1]
        Custody = cls.env["it.asset.custody"].with_user(cls.auditor)
        cls.custody = Custody._checkout(cls.held, cls.employee, is_remote=True)
        cls.other_custody = Custody._checkout(cls.other_held, cls.employee_2)
        cls.custody.with_user(cls.employee_user).action_accept()

    def _request(self):
        audit = self._started(
            location_ids=False,
            employee_ids=[(6, 0, (self.employee | self.employee_2).ids)],
        )
        audit.action_request_confirmation()
        return audit

    def test_holder_confirms_with_the_right_serial(self):
        audit = self._request()
        activity = self.env["mail.activity"].search(
            [
                ("res_model", "=", "it.asset.custody"),
                ("user_id", "=", self.employee_user.id),
            ]
        )
        self.assertEqual(len(activity), 1)
        self.assertIn(audit.name, activity.summary)
        custody = self.custody.with_user(self.employee_user)
        self.assertTrue(custody.audit_confirmation_pending)
        wizard = (
            self.env["it.asset.audit.confirm"]
            .with_user(self.employee_user)
            .create({"custody_id": custody.id, "serial": " home-sn-1 "})
        )
        action = wizard.action_confirm()
        self.assertEqual(action["params"]["type"], "success")
        self.assertRecordValues(
            self._line(audit, self.held),
            [
                {
                    "result": "found",
                    "matched_by": "holder",
                    "scanned_by_id": self.employee_user.id,
                    "discrepancy": False,
                }
            ],
        )
        custody.invalidate_recordset(["audit_confirmation_pending"])
        self.assertFalse(custody.audit_confirmation_pending)

    def test_wrong_serial_is_a_discrepancy_for_it(self):
        audit = self._request()
        result = (
            self.env["it.asset.custody"]
            .with_user(self.employee_user)
            .confirm_held_asset(self.custody.id, "WRONG-123")
        )
        self.assertFalse(result["ok"])
        line = self._line(audit, self.held)
        self.assertEqual(line.result, "pending")
        self.assertIn("WRONG-123", line.discrepancy)
        self.assertIn("HOME-SN-1", line.discrepancy)

    def test_employee_cannot_confirm_anothers_asset(self):
        audit = self._request()
        with self.assertRaises(AccessError):
            self.env["it.asset.custody"].with_user(
                self.employee_user
            ).confirm_held_asset(
                self.other_custody.id, self.other_held.serial_number or "X"
            )
        self.assertEqual(self._line(audit, self.other_held).result, "pending")
        # the IT user cannot confirm in the holder's place either
        with self.assertRaises(AccessError):
            self.env["it.asset.custody"].with_user(self.auditor).confirm_held_asset(
                self.custody.id, "HOME-SN-1"
            )

    def test_no_confirmation_outside_a_request(self):
        self._started(location_ids=False, employee_ids=[(6, 0, self.employee.ids)])
        with self.assertRaisesRegex(UserError, "No audit campaign is waiting"):
            self.env["it.asset.custody"].with_user(
                self.employee_user
            ).confirm_held_asset(self.custody.id, "HOME-SN-1")
