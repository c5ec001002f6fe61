# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import ItAssetCase


@tagged("post_install", "-at_install")
class TestMaintenanceLicence(ItAssetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Seat = cls.env["it.asset.licence.seat"]
        cls.licence = cls._create_asset(
            name="Test Office Suite",
            category_id=cls.category_licence.id,
            licence_seats=2,
            licence_renewal_cost=300.0,
        )
        cls.laptop = cls._create_asset(name="Seat laptop")
        cls.employees = cls.env["hr.employee"].create(
            [{"name": f"Seat Employee {i}"} for i in range(3)]
        )

    def test_seat_limit(self):
        self.Seat.create(
            [
                {"licence_id": self.licence.id, "employee_id": self.employees[0].id},
                {"licence_id": self.licence.id, "device_id": self.laptop.id},
            ]
        )
        self.assertEqual(self.licence.licence_seats_used, 2)
        with self.assertRaisesRegex(ValidationError, "has 2 seats and 3 assignments"):
            self.Seat.create(
                {"licence_id": self.licence.id, "employee_id": self.employees[1].id}
            )
        self.assertEqual(
            self.Seat.search_count([("licence_id", "=", self.licence.id)]), 2
        )
        # a seat count below the current assignments is refused
        with self.assertRaisesRegex(ValidationError, "Test Office Suite"):
            self.licence.licence_seats = 1
        self.assertEqual(self.licence.licence_seats, 2)
        self.licence.licence_seats = 3
        self.Seat.create(
            {"licence_id": self.licence.id, "employee_id": self.employees[1].id}
        )
        self.assertEqual(self.licence.licence_seats_used, 3)

    def test_batch_past_the_limit_writes_nothing(self):
        with self.assertRaises(ValidationError):
            self.Seat.create(
                [
                    {"licence_id": self.licence.id, "employee_id": employee.id}
                    for employee in self.employees
                ]
            )
        self.assertFalse(self.Seat.search([("licence_id", "=", self.licence.id)]))

    def test_bad_seats(self):
        for vals, message in (
            (
                {"employee_id": self.employees[0].id, "device_id": self.laptop.id},
                "exactly one",
            ),
            ({}, "exactly one"),
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, message),
                self.cr.savepoint(),
            ):
                self.Seat.create(dict(vals, licence_id=self.licence.id))
        with self.assertRaisesRegex(ValidationError, "not a software licence"):
            self.Seat.create(
                {"licence_id": self.laptop.id, "employee_id": self.employees[0].id}
            )
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.licence.licence_seats = -1

    def test_seat_access(self):
        seat = self.Seat.with_user(self.it_user).create(
            {"licence_id": self.licence.id, "employee_id": self.employees[0].id}
        )
        self.assertEqual(seat.company_id, self.company)
        with self.assertRaises(AccessError):
            seat.with_user(self.employee_user).read(["licence_id"])
        with self.assertRaises(AccessError):
            self.Seat.with_user(self.employee_user).create(
                {"licence_id": self.licence.id, "employee_id": self.employees[1].id}
            )

    def test_expiry_activities_once(self):
        Asset = self.env["it.asset"]
        server = self._create_asset(
            name="Expiring server",
            acquisition_date=date(2024, 1, 1),
            warranty_end_date=date(2026, 11, 20),
            contract_end_date=date(2026, 12, 31),
            user_id=self.it_user.id,
        )
        self.licence.licence_expiry_date = date(2026, 11, 15)
        retired = self._create_asset(
            name="Retired server",
            acquisition_date=date(2024, 1, 1),
            warranty_end_date=date(2026, 11, 20),
        )
        draft = self._create_asset(
            name="Draft server",
            acquisition_date=date(2024, 1, 1),
            warranty_end_date=date(2026, 11, 20),
        )
        (server | retired | self.licence).action_confirm()
        retired.action_retire()
        mine = server | retired | draft | self.licence

        def activities():
            return self.env["mail.activity"].search(
                [("res_model", "=", "it.asset"), ("res_id", "in", mine.ids)]
            )

        with freeze_time("2026-11-01"):
            Asset._cron_expiry_alerts()
            first = activities()
            # the warranty of the server and the licence; the contract ends in
            # 60 days; the retired and draft assets are skipped
            self.assertEqual(len(first), 2)
            server_activity = first.filtered(lambda a: a.res_id == server.id)
            self.assertRecordValues(
                server_activity,
                [{"date_deadline": date(2026, 11, 20), "user_id": self.it_user.id}],
            )
            self.assertIn("Warranty", server_activity.summary)
            self.assertEqual(server.warranty_alerted_date, date(2026, 11, 20))
            Asset._cron_expiry_alerts()
            self.assertEqual(activities(), first, "Once per expiry")

        with freeze_time("2026-12-05"):
            Asset._cron_expiry_alerts()
            contract = activities() - first
            self.assertEqual(contract.res_id, server.id)
            self.assertIn("Support contract", contract.summary)
            Asset._cron_expiry_alerts()
            self.assertEqual(activities() - first, contract)
            # an extended warranty is a new expiry: alerted again
            server.warranty_end_date = date(2026, 12, 20)
            Asset._cron_expiry_alerts()
            self.assertEqual(len(activities() - first - contract), 1)

        with freeze_time("2026-11-01"):
            self.env["ir.config_parameter"].set_param(
                "it_asset.expiry_alert_days", "90"
            )
            before = activities()
            Asset._cron_expiry_alerts()
            self.assertFalse(activities() - before, "Everything already alerted")
