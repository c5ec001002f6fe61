# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

import psycopg2
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ItAssetCase


@tagged("post_install", "-at_install")
class TestMaintenancePlan(ItAssetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["it.asset.maintenance.plan"]
        cls.Request = cls.env["maintenance.request"]
        cls.stage_done = cls.env.ref("maintenance.stage_3")
        cls.category_ups = cls.env["it.asset.category"].create(
            {"name": "Test UPS", "kind": "hardware"}
        )
        cls.category_ups_small = cls.env["it.asset.category"].create(
            {"name": "Test Small UPS", "parent_id": cls.category_ups.id}
        )
        assets = cls.env["it.asset"].create(
            [
                {"name": f"UPS {i}", "category_id": cls.category_ups.id}
                for i in range(1, 6)
            ]
            + [{"name": "UPS child", "category_id": cls.category_ups_small.id}]
        )
        cls.ups1, cls.ups2, cls.ups_retired, cls.ups_missing, cls.ups_draft = assets[:5]
        cls.ups_child = assets[5]
        (assets - cls.ups_draft).action_confirm()
        cls.ups2.action_deploy()
        cls.ups_retired.action_retire()
        cls.ups_missing.action_mark_missing()
        cls.plan = cls.Plan.create(
            {
                "name": "UPS battery check",
                "target": "category",
                "category_id": cls.category_ups.id,
                "interval_number": 3,
                "interval_unit": "month",
                "lead_days": 7,
                "start_date": date(2026, 1, 1),
                "instructions": "<p>Test the batteries</p>",
            }
        )

    def _plan_requests(self, plan=None):
        return self.Request.search(
            [("it_asset_plan_id", "=", (plan or self.plan).id)], order="id"
        )

    def test_generation_first_run_rerun_and_completion(self):
        """Requests appear a lead time before they are due, only once, and
        completing one moves the asset's next due date."""
        with freeze_time("2026-03-20"):
            self.Plan._cron_generate_requests()
            self.assertFalse(self._plan_requests(), "Not yet within the lead time")
            self.assertEqual(self.plan.next_due_date, date(2026, 4, 1))

        with freeze_time("2026-03-26"):
            self.Plan._cron_generate_requests()
            requests = self._plan_requests()
            # retired, missing and draft assets are skipped; sub-categories count
            self.assertEqual(
                requests.it_asset_id, self.ups1 | self.ups2 | self.ups_child
            )
            self.assertRecordValues(
                requests.filtered(lambda r: r.it_asset_id == self.ups1),
                [
                    {
                        "maintenance_type": "preventive",
                        "it_asset_plan_due_date": date(2026, 4, 1),
                        "request_date": date(2026, 3, 26),
                        "company_id": self.company.id,
                    }
                ],
            )
            self.assertEqual(
                requests[0].schedule_date.date(), date(2026, 4, 1), "On the calendar"
            )
            self.assertIn("Test the batteries", requests[0].instruction_text)
            # however often it runs: nothing new
            self.Plan._cron_generate_requests()
            result = self.plan.action_generate_requests()
            self.assertEqual(self._plan_requests(), requests)
            # the button says so
            self.assertEqual(result["tag"], "display_notification")
            self.assertIn("nothing was created", result["params"]["message"])

        with freeze_time("2026-04-02"):
            ups1_request = requests.filtered(lambda r: r.it_asset_id == self.ups1)
            ups1_request.stage_id = self.stage_done
            self.assertEqual(ups1_request.close_date, date(2026, 4, 2))
            self.assertEqual(self.ups1.next_maintenance_date, date(2026, 7, 2))
            self.assertEqual(self.ups2.next_maintenance_date, date(2026, 4, 1))

        with freeze_time("2026-06-26"):
            self.Plan._cron_generate_requests()
            new = self._plan_requests() - requests
            # ups2 still has its open request for April 1st: no second one
            self.assertEqual(new.it_asset_id, self.ups1)
            self.assertEqual(new.it_asset_plan_due_date, date(2026, 7, 2))
            self.Plan._cron_generate_requests()
            self.assertEqual(self._plan_requests() - requests, new)

    def test_plan_on_product_and_on_chosen_assets(self):
        product_ups = self.env["product.product"].create(
            {"name": "Test UPS 1500", "is_storable": True}
        )
        self.ups1.product_id = product_ups
        by_product = self.Plan.create(
            {
                "name": "Firmware",
                "target": "product",
                "product_id": product_ups.id,
                "interval_number": 2,
                "interval_unit": "week",
                "lead_days": 3,
                "start_date": date(2026, 5, 1),
            }
        )
        chosen = self.Plan.create(
            {
                "name": "Yearly inspection",
                "target": "assets",
                "asset_ids": [(6, 0, (self.ups2 | self.ups_retired).ids)],
                "interval_number": 1,
                "interval_unit": "year",
                "lead_days": 30,
                "start_date": date(2025, 12, 1),
            }
        )
        with freeze_time("2026-11-05"):
            (by_product | chosen)._it_asset_generate_requests()
        self.assertRecordValues(
            self._plan_requests(by_product),
            [
                {
                    "it_asset_id": self.ups1.id,
                    "it_asset_plan_due_date": date(2026, 5, 15),
                }
            ],
        )
        self.assertRecordValues(
            self._plan_requests(chosen),
            [
                {
                    "it_asset_id": self.ups2.id,
                    "it_asset_plan_due_date": date(2026, 12, 1),
                }
            ],
        )
        self.assertEqual(chosen.target_asset_count, 1, "The retired one is skipped")

    def test_daily_job_record(self):
        """The scheduled action itself runs the generation."""
        cron = self.env.ref("it_asset.ir_cron_it_asset_maintenance_plans")
        self.assertEqual(cron.interval_type, "days")
        with freeze_time("2026-03-26"):
            cron.method_direct_trigger()
        self.assertEqual(len(self._plan_requests()), 3)

    def test_unique_request_per_asset_plan_due_date(self):
        """The database refuses a second request for the same occurrence."""
        with freeze_time("2026-03-26"):
            self.plan._it_asset_generate_requests()
        request = self._plan_requests()[:1]
        # a duplicate (or Odoo's own recurrence) is not an occurrence of the plan
        self.assertFalse(request.copy().it_asset_plan_id)
        with (
            self.assertRaises(psycopg2.IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            request.copy(
                {
                    "it_asset_plan_id": self.plan.id,
                    "it_asset_plan_due_date": request.it_asset_plan_due_date,
                }
            )

    def test_generation_is_batched(self):
        """The job creates at most one batch per call (the cron runner calls
        again while some remain); the queries do not grow with the assets."""
        with freeze_time("2026-03-26"):
            requests, remaining = self.plan._it_asset_generate_requests(limit=2)
            self.assertEqual((len(requests), remaining), (2, 1))
            requests, remaining = self.plan._it_asset_generate_requests(limit=2)
            self.assertEqual((len(requests), remaining), (1, 0))
            self.plan.invalidate_recordset()
            self.env.invalidate_all()
            with self.assertQueryCount(7):
                self.plan._it_asset_pending_requests()

    def test_bad_input(self):
        base = {
            "name": "Bad",
            "target": "category",
            "category_id": self.category_ups.id,
            "interval_number": 1,
            "interval_unit": "month",
            "lead_days": 5,
        }
        count = self.Plan.search_count([])
        for changes, message in (
            ({"interval_number": 0}, "interval must be positive"),
            ({"interval_number": -2}, "interval must be positive"),
            ({"lead_days": 40}, "longer than the interval"),
            ({"lead_days": -1}, "cannot be negative"),
            ({"category_id": False}, "has no target"),
            ({"target": "assets"}, "has no target"),
            ({"target": "product"}, "has no target"),
        ):
            with (
                self.subTest(changes=changes),
                self.assertRaisesRegex(ValidationError, message),
                self.cr.savepoint(),
            ):
                self.Plan.create(dict(base, **changes))
        self.assertEqual(self.Plan.search_count([]), count, "Nothing written")
        with (
            self.assertRaisesRegex(ValidationError, "UPS battery check"),
            self.cr.savepoint(),
        ):
            self.plan.write({"interval_unit": "day", "interval_number": 3})
        self.plan.invalidate_recordset()
        self.assertEqual(self.plan.interval_unit, "month")

    def test_plan_form(self):
        with Form(self.Plan.with_user(self.it_manager)) as form:
            form.name = "Printer cleaning"
            form.target = "assets"
            form.asset_ids.add(self.ups1)
            form.interval_number = 6
            form.interval_unit = "week"
            form.lead_days = 10
        plan = form.record
        self.assertEqual(plan.company_id, self.company)
        self.assertEqual(plan.target_asset_count, 1)

    def test_access_rights(self):
        # IT users read plans but only managers configure them
        self.assertEqual(
            self.plan.with_user(self.it_user).read(["name"])[0]["name"],
            "UPS battery check",
        )
        with self.assertRaises(AccessError):
            self.Plan.with_user(self.it_user).create(
                {"name": "x", "category_id": self.category_ups.id}
            )
        with self.assertRaises(AccessError):
            self.plan.with_user(self.it_user).write({"lead_days": 1})
        with self.assertRaises(AccessError):
            self.plan.with_user(self.employee_user).read(["name"])
        self.plan.with_user(self.it_manager).write({"lead_days": 1})
        # multi-company: a plan of another company is invisible
        other = self.env["res.company"].create({"name": "Other IT Co"})
        other_user = new_test_user(
            self.env,
            login="other_it_manager",
            groups="base.group_user,it_asset.group_it_asset_manager",
            company_id=other.id,
            company_ids=[other.id],
        )
        self.assertFalse(
            self.Plan.with_user(other_user).search([("id", "=", self.plan.id)])
        )
