# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .custody_common import CustodyCase


@tagged("post_install", "-at_install")
class TestCustodyFollowup(CustodyCase):
    """Overdue returns, offboarding, the employee's assets, the receipt."""

    def _activities(self, custodies):
        return self.env["mail.activity"].search(
            [("res_model", "=", "it.asset.custody"), ("res_id", "in", custodies.ids)]
        )

    def test_overdue_returns_get_one_activity(self):
        with freeze_time("2026-03-02"):
            late = self.Custody._checkout(
                self.assets[:2],
                self.employee,
                expected_return_date=date(2026, 3, 31),
            )
            on_time = self.Custody._checkout(
                self.assets[2], self.employee_2, expected_return_date=date(2026, 6, 1)
            )
        with freeze_time("2026-03-31"):
            self.Custody._cron_custody_overdue()
            self.assertFalse(self._activities(late | on_time))
        with freeze_time("2026-04-01"):
            self.Custody._cron_custody_overdue()
            activities = self._activities(late | on_time)
            self.assertEqual(len(activities), 2)
            self.assertEqual(sorted(activities.mapped("res_id")), sorted(late.ids))
            self.assertEqual(activities.user_id, self.it_user)
            self.assertEqual(
                set(activities.mapped("date_deadline")), {date(2026, 4, 1)}
            )
            self.assertTrue(all(late.mapped("overdue_notified")))
        with freeze_time("2026-04-02"):
            self.Custody._cron_custody_overdue()
            self.assertEqual(len(self._activities(late | on_time)), 2)
        # returned: the reminder is done
        with freeze_time("2026-04-03"):
            self.Custody._checkin(self.assets[0], self.stock_room)
        self.assertEqual(len(self._activities(late)), 1)

    def test_overdue_cron_works_in_batches(self):
        with freeze_time("2026-03-02"):
            custodies = self.Custody._checkout(
                self.assets, self.employee, expected_return_date=date(2026, 3, 3)
            )
        with freeze_time("2026-04-01"):
            self.Custody._cron_custody_overdue(batch_size=2)
            self.assertEqual(len(self._activities(custodies)), 2)
            self.Custody._cron_custody_overdue(batch_size=2)
            self.assertEqual(len(self._activities(custodies)), 3)

    def test_archiving_an_employee_requests_recovery(self):
        custodies = self.Custody._checkout(
            self.assets[:2], self.employee, date(2026, 3, 2)
        )
        self.employee.action_archive()
        activities = self._activities(custodies)
        self.assertEqual(len(activities), 2)
        self.assertTrue(
            all(s.startswith("Recover") for s in activities.mapped("summary"))
        )
        self.assertEqual(activities.user_id, self.it_user)
        # custody is never dropped silently
        self.assertEqual(set(custodies.mapped("state")), {"waiting"})
        self.assertEqual(self.assets[:2].holder_employee_id, self.employee)
        message = self.employee.message_ids[:1]
        self.assertIn("IT assets to recover", message.body)
        for asset in self.assets[:2]:
            self.assertIn(asset.tag, message.body)
        # once only
        self.employee.write({"departure_date": date(2026, 4, 1)})
        self.assertEqual(len(self._activities(custodies)), 2)
        # the recovery activities are done when the assets come back
        self.Custody._checkin(self.assets[:2], self.stock_room, date(2026, 4, 2))
        self.assertFalse(self._activities(custodies))

    def test_departure_date_requests_recovery(self):
        custody = self.Custody._checkout(
            self.assets[0], self.employee_2, date(2026, 3, 2)
        )
        self.employee_2.write({"departure_date": date(2026, 5, 31)})
        self.assertEqual(len(self._activities(custody)), 1)
        self.assertTrue(custody.recovery_requested)
        self.assertTrue(self.employee_2.active)

    def test_departure_wizard_requests_recovery(self):
        custody = self.Custody._checkout(
            self.assets[0], self.employee, date(2026, 3, 2)
        )
        wizard = (
            self.env["hr.departure.wizard"]
            .with_context(active_id=self.employee.id, toggle_active=True)
            .create(
                {
                    "departure_reason_id": self.env["hr.departure.reason"]
                    .search([], limit=1)
                    .id,
                    "departure_date": date(2026, 6, 30),
                }
            )
        )
        wizard.action_register_departure()
        self.assertFalse(self.employee.active)
        self.assertEqual(len(self._activities(custody)), 1)
        # the wizard writes the date, then archives: one message, not two
        notes = self.employee.message_ids.filtered(
            lambda m: "IT assets to recover" in (m.body or "")
        )
        self.assertEqual(len(notes), 1)

    def test_employee_smart_button_and_history(self):
        self.Custody._checkout(self.assets, self.employee, date(2026, 3, 2))
        self.Custody._checkin(self.assets[0], self.stock_room, date(2026, 3, 3))
        self.assertEqual(self.employee.it_asset_count, 2)
        self.assertEqual(len(self.employee.it_asset_custody_ids), 3)
        action = self.employee.action_view_it_assets()
        self.assertEqual(self.env["it.asset"].search(action["domain"]), self.assets[1:])
        self.assertEqual(self.employee_2.it_asset_count, 0)

    def test_custody_receipt(self):
        self.assets[0].serial_number = "SN-RECEIPT-1"
        custodies = self.Custody._checkout(
            self.assets,
            self.employee,
            date(2026, 3, 2),
            is_remote=True,
            delivery_address="12 Home Street",
        )
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "it_asset.action_report_it_asset_custody", custodies.ids
        )
        html = html.decode()
        self.assertIn("Custody Receipt", html)
        self.assertIn("Alice Custody", html)
        self.assertIn("SN-RECEIPT-1", html)
        self.assertIn("12 Home Street", html)
        self.assertIn("signature", html)
        for asset in self.assets:
            self.assertIn(asset.tag, html)
        self.env.company.external_report_layout_id = self.env.ref(
            "web.external_layout_standard"
        )
        action = self.assets.action_print_custody_receipt()
        self.assertEqual(action["report_name"], "it_asset.report_it_asset_custody")
        self.assertEqual(action["context"]["active_ids"], custodies.ids)
