# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.it_asset.models.guarded_fields import by_action

from .custody_common import CustodyCase


@tagged("post_install", "-at_install")
class TestCustody(CustodyCase):
    """Check-out, check-in and handover on the register (no stock serials)."""

    def _checkout(self, assets, holder, day=date(2026, 3, 2), **values):
        return self.Custody._checkout(assets, holder, day, **values)

    def test_checkout_many_assets_to_an_employee(self):
        custodies = self._checkout(
            self.assets,
            self.employee,
            expected_return_date=date(2026, 9, 1),
            condition="fair",
        )
        self.assertEqual(len(custodies), 3)
        self.assertEqual(custodies.asset_id, self.assets)
        location = self.env.company._it_asset_holder_locations(self.employee)[
            self.employee
        ]
        self.assertRecordValues(
            custodies[:1],
            [
                {
                    "state": "waiting",
                    "holder_type": "employee",
                    "employee_id": self.employee.id,
                    "holder_name": "Alice Custody",
                    "holder_department_id": self.department.id,
                    "holder_user_id": self.employee_user.id,
                    "date_start": date(2026, 3, 2),
                    "expected_return_date": date(2026, 9, 1),
                    "condition_out": "fair",
                    "checkout_user_id": self.env.uid,
                    "user_id": self.it_user.id,
                    "custody_location_id": location.id,
                }
            ],
        )
        self.assertRecordValues(
            self.assets,
            [
                {
                    "state": "in_use",
                    "custody_id": custody.id,
                    "holder_employee_id": self.employee.id,
                    "holder_department_id": self.department.id,
                    "holder_name": "Alice Custody",
                    "custody_state": "waiting",
                    "location_id": location.id,
                    "condition": "fair",
                    "no_custodian_in_use": False,
                }
                for custody in custodies.sorted(
                    lambda c: self.assets.ids.index(c.asset_id.id)
                )
            ],
        )

    def test_checkout_to_department_and_location(self):
        by_department = self._checkout(self.assets[0], self.department)
        by_location = self._checkout(self.assets[1], self.meeting_room)
        self.assertRecordValues(
            by_department,
            [
                {
                    "holder_type": "department",
                    "holder_department_id": self.department.id,
                    "holder_user_id": False,
                }
            ],
        )
        self.assertRecordValues(
            by_location,
            [
                {
                    "holder_type": "location",
                    "holder_location_id": self.meeting_room.id,
                    "custody_location_id": self.meeting_room.id,
                }
            ],
        )
        self.assertEqual(self.assets[1].location_id, self.meeting_room)
        self.assertEqual(self.assets[0].holder_department_id, self.department)

    def test_checkout_refusals_write_nothing(self):
        draft, repair, retired, disposed, missing = (
            self._create_assets(1, state=state)
            for state in ("draft", "in_repair", "retired", "disposed", "missing")
        )
        out = self._create_assets(1)
        self._checkout(out, self.employee_2)
        for bad in (draft, repair, retired, disposed, missing, out):
            before = self.Custody.search_count([])
            with self.assertRaises(UserError) as error:
                self._checkout(self.assets | bad, self.employee)
            self.assertIn(bad.display_name, str(error.exception))
            self.assertEqual(self.Custody.search_count([]), before)
            self.assertEqual(set(self.assets.mapped("state")), {"in_stock"})
            self.assertFalse(self.assets.custody_id)
        with self.assertRaisesRegex(UserError, "already checked out to Bob"):
            self._checkout(out, self.employee)

    def test_bad_input_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "before its acquisition date"):
            self._checkout(self.assets, self.employee, day=date(2025, 12, 31))
        with self.assertRaisesRegex(ValidationError, "expected return date"):
            self._checkout(
                self.assets, self.employee, expected_return_date=date(2026, 3, 1)
            )
        other_company = self.env["res.company"].create({"name": "Other IT Co"})
        foreign = self.env["hr.employee"].create(
            {"name": "Foreign Employee", "company_id": other_company.id}
        )
        with self.assertRaisesRegex(ValidationError, "Foreign Employee belongs to"):
            self._checkout(self.assets, foreign)
        self.assertFalse(self.Custody.search([("asset_id", "in", self.assets.ids)]))
        self.assertEqual(set(self.assets.mapped("state")), {"in_stock"})

    def test_database_refuses_a_second_open_custody(self):
        """Python checks can be raced: the partial unique index cannot."""
        asset = self.assets[0]
        self._checkout(asset, self.employee)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                # as an action would, past the Python checks
                by_action(self.Custody).create(
                    {
                        "asset_id": asset.id,
                        "holder_type": "employee",
                        "employee_id": self.employee_2.id,
                        "state": "active",
                    }
                )
                self.Custody.flush_model()
        # the batch helper turns the race into a clear error, nothing written
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(
                ValidationError, "Another user has just checked out"
            ),
        ):
            self.Custody._create_custodies(
                self.assets, self.employee_2, date(2026, 3, 3), self.meeting_room, {}
            )
        self.assertEqual(
            self.Custody.search_count([("asset_id", "in", self.assets.ids)]), 1
        )
        # returned custodies do not count
        self.Custody._checkin(asset, self.stock_room, date(2026, 3, 4))
        self._checkout(asset, self.employee_2, day=date(2026, 3, 4))
        self.assertEqual(len(asset.custody_ids), 2)

    def test_checkin(self):
        self._checkout(self.assets, self.employee)
        with self.assertRaisesRegex(UserError, "not checked out"):
            self.Custody._checkin(
                self.assets | self._create_assets(1), self.stock_room, date(2026, 4, 1)
            )
        custodies = self.Custody._checkin(
            self.assets[:2], self.meeting_room, date(2026, 4, 1), "poor", "Scratched"
        )
        self.assertRecordValues(
            custodies,
            [
                {
                    "state": "returned",
                    "date_end": date(2026, 4, 1),
                    "condition_in": "poor",
                    "checkin_user_id": self.env.uid,
                    "notes": "Scratched",
                }
            ]
            * 2,
        )
        self.assertRecordValues(
            self.assets[:2],
            [
                {
                    "state": "in_stock",
                    "custody_id": False,
                    "location_id": self.meeting_room.id,
                    "condition": "poor",
                    "holder_name": False,
                }
            ]
            * 2,
        )
        self.assertEqual(self.assets[2].state, "in_use")
        with self.assertRaisesRegex(UserError, "check them in instead"):
            self.assets[2].action_return_to_stock()
        with self.assertRaisesRegex(ValidationError, "return date"):
            self.Custody._checkin(self.assets[2], self.stock_room, date(2026, 3, 1))
        self.assertEqual(self.assets[2].custody_state, "waiting")

    def test_handover_leaves_no_gap_and_no_overlap(self):
        first = self._checkout(self.assets, self.employee)
        second = self.Custody._handover(
            self.assets, self.employee_2, date(2026, 5, 10), condition="fair"
        )
        third = self.Custody._handover(
            self.assets[0], self.department, date(2026, 6, 1)
        )
        self.assertRecordValues(
            first, [{"state": "returned", "date_end": date(2026, 5, 10)}] * 3
        )
        self.assertEqual(second.previous_custody_id, first)
        self.assertEqual(third.previous_custody_id, second[0])
        self.assertEqual(self.assets[0].custody_id, third)
        self.assertEqual(self.assets[1].holder_employee_id, self.employee_2)
        # the history reads as a chain: each custody starts when the previous ends
        history = self.assets[0].custody_ids.sorted("date_start")
        self.assertEqual(len(history), 3)
        for before, after in zip(history, history[1:], strict=False):
            self.assertEqual(before.date_end, after.date_start)
        self.assertEqual(set(self.assets.mapped("state")), {"in_use"})
        with self.assertRaisesRegex(UserError, "already holds"):
            self.Custody._handover(self.assets[1], self.employee_2, date(2026, 6, 2))
        with self.assertRaisesRegex(UserError, "not checked out"):
            self.Custody._handover(self._create_assets(1), self.employee)
        with self.assertRaisesRegex(ValidationError, "return date"):
            self.Custody._handover(self.assets[1], self.employee, date(2026, 5, 1))
        self.assertEqual(self.assets[1].custody_id, second[1])

    def test_wizards_from_the_register(self):
        checkout = Form(
            self.env["it.asset.checkout"].with_context(
                active_model="it.asset", active_ids=self.assets.ids
            )
        )
        checkout.employee_id = self.employee
        checkout.is_remote = True
        self.assertIn("12 Home Street", checkout.delivery_address)
        self.assertIn("1000 Brussels", checkout.delivery_address)
        checkout.save().action_confirm()
        self.assertRecordValues(
            self.assets,
            [{"custody_is_remote": True, "holder_employee_id": self.employee.id}] * 3,
        )
        handover = Form(
            self.env["it.asset.checkout"].with_context(
                **self.assets[0].action_open_handover()["context"]
            )
        )
        handover.holder_type = "department"
        handover.department_id = self.department
        handover.save().action_confirm()
        self.assertEqual(self.assets[0].custody_id.department_id, self.department)
        checkin = Form(
            self.env["it.asset.checkin"].with_context(
                **self.assets.action_open_checkin()["context"]
            )
        )
        self.assertEqual(checkin.location_id, self.stock_room)
        checkin.condition = "good"
        checkin.save().action_confirm()
        self.assertEqual(set(self.assets.mapped("state")), {"in_stock"})
        self.assertEqual(len(self.assets.custody_ids), 4)

    def test_wizard_without_holder_or_assets_is_refused(self):
        wizard = self.env["it.asset.checkout"].create(
            {"asset_ids": [(6, 0, self.assets.ids)], "holder_type": "employee"}
        )
        with self.assertRaisesRegex(UserError, "Choose who receives"):
            wizard.action_confirm()
        with self.assertRaisesRegex(UserError, "at least one asset"):
            self.Custody._checkout(self.env["it.asset"], self.employee)
        self.assertFalse(self.assets.custody_ids)

    def test_in_use_without_custodian_flag(self):
        asset = self.assets[0]
        asset.action_deploy()
        self.assertTrue(asset.no_custodian_in_use)
        flagged = self.env["it.asset"].search([("no_custodian_in_use", "=", True)])
        self.assertIn(asset, flagged)
        # checking it out gives it the custodian it lacks
        self._checkout(asset, self.employee)
        self.assertFalse(asset.no_custodian_in_use)
        self.Custody._checkin(asset, self.stock_room, date(2026, 3, 3))
        self.assertFalse(asset.no_custodian_in_use)

    @freeze_time("2026-06-15")
    def test_register_filters(self):
        self._checkout(
            self.assets[0],
            self.employee,
            expected_return_date=date(2026, 6, 1),
            is_remote=True,
        )
        self._checkout(self.assets[1], self.department)
        self.assets[1].custody_id.with_user(self.it_manager).action_accept_on_behalf()
        Asset = self.env["it.asset"]
        mine = [("id", "in", self.assets.ids)]
        self.assertEqual(
            Asset.search(mine + [("custody_state", "=", "waiting")]), self.assets[0]
        )
        self.assertEqual(
            Asset.search(mine + [("custody_is_remote", "=", True)]), self.assets[0]
        )
        self.assertEqual(
            Asset.search(mine + [("custody_expected_return_date", "<", "2026-06-15")]),
            self.assets[0],
        )
        self.assertEqual(
            Asset.search(mine + [("holder_department_id", "=", self.department.id)]),
            self.assets[:2],
        )
        ours = [("asset_id", "in", self.assets.ids)]
        self.assertEqual(
            self.Custody.search(ours + [("is_overdue", "=", True)]).asset_id,
            self.assets[0],
        )
        self.assertEqual(
            self.Custody.search(ours + [("is_overdue", "=", False)]).asset_id,
            self.assets[1],
        )
        groups = Asset._read_group(mine, ["holder_name"], ["__count"])
        self.assertEqual(
            dict(groups), {"Alice Custody": 1, "Test Finance": 1, False: 1}
        )
