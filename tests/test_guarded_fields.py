# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .custody_common import CustodyCase

REFUSED = "can only be changed through the actions"


@tagged("post_install", "-at_install")
class TestGuardedFields(CustodyCase):
    """Statuses, acceptance and custody history change only through the
    actions: a direct write or create (what an RPC call can send) is refused
    for everyone, administrators included, and writes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.waiting = cls.Custody._checkout(
            cls.assets[0], cls.employee, date(2026, 3, 2)
        )
        cls.active = cls.Custody._checkout(
            cls.assets[1], cls.employee, date(2026, 3, 2)
        )
        cls.active.with_user(cls.employee_user).action_accept()

    # --- asset status -----------------------------------------------------
    def test_direct_status_write_is_refused_for_everyone(self):
        asset = self.assets[2]
        for env in (
            self.env(user=self.it_user),
            self.env(user=self.it_manager),
            self.env,
        ):
            for vals in (
                {"state": "disposed"},
                {"state": "in_use"},
                {"previous_state": "disposed"},
                {"name": "Renamed", "state": "retired"},
            ):
                with self.subTest(user=env.user.login, vals=vals):
                    with self.assertRaisesRegex(UserError, REFUSED):
                        asset.with_env(env).write(vals)
        self.assertRecordValues(
            asset,
            [
                {
                    "state": "in_stock",
                    "previous_state": False,
                    "name": "Custody laptop 2",
                }
            ],
        )
        # ordinary fields stay editable, and the buttons still work
        asset.with_user(self.it_user).write({"name": "Renamed"})
        asset.with_user(self.it_user).action_send_to_repair()
        self.assertRecordValues(
            asset, [{"state": "in_repair", "previous_state": "in_stock"}]
        )

    def test_creation_beyond_in_stock_only_through_import(self):
        Asset = self.env["it.asset"].with_user(self.it_user)
        base = {"name": "Forged", "category_id": self.category_laptop.id}
        for vals in (
            {"state": "disposed"},
            {"state": "in_use", "previous_state": "disposed"},
            {"state": "in_stock", "previous_state": "disposed"},
        ):
            with self.subTest(vals=vals):
                with self.assertRaisesRegex(UserError, REFUSED):
                    Asset.create(dict(base, **vals))
        with self.assertRaisesRegex(UserError, REFUSED):
            self.env["it.asset"].create(dict(base, state="missing"))
        self.assertFalse(self.env["it.asset"].search([("name", "=", "Forged")]))
        self.assertEqual(Asset.create(dict(base, state="in_stock")).state, "in_stock")
        self.assertEqual(Asset.create(base).state, "draft")
        # the documented migration path records why
        with self.assertRaisesRegex(UserError, "why"):
            Asset._import_create([dict(base, state="retired")], reason="")
        imported = Asset._import_create(
            [dict(base, state="retired")], reason="from the old register"
        )
        self.assertEqual(imported.state, "retired")
        self.assertIn("from the old register", imported.message_ids[:1].body)
        # the returned records carry no permission to write statuses
        with self.assertRaisesRegex(UserError, REFUSED):
            imported.write({"state": "in_use"})

    # --- custody ----------------------------------------------------------
    def test_forged_acceptance_is_refused(self):
        custody = self.waiting.with_user(self.it_user)
        for vals in (
            {"state": "active", "accepted_user_id": self.employee_user.id},
            {"accepted_datetime": "2026-03-03 10:00:00"},
            {"accepted_on_behalf": True},
        ):
            with self.subTest(vals=vals):
                with self.assertRaisesRegex(UserError, REFUSED):
                    custody.write(vals)
        with self.assertRaisesRegex(UserError, REFUSED):
            self.waiting.write({"state": "active"})  # administrator
        self.assertRecordValues(
            self.waiting, [{"state": "waiting", "accepted_user_id": False}]
        )

    def test_closing_a_custody_by_write_is_refused(self):
        custody = self.active.with_user(self.it_user)
        for vals in (
            {"state": "returned"},
            {"date_end": date(2026, 4, 1)},
            {"employee_id": self.employee_2.id},
            {"asset_id": self.assets[2].id},
            {"checkin_user_id": self.it_user.id},
        ):
            with self.subTest(vals=vals):
                with self.assertRaisesRegex(UserError, REFUSED):
                    custody.write(vals)
        self.assertRecordValues(
            self.active,
            [{"state": "active", "date_end": False, "employee_id": self.employee.id}],
        )
        self.assertEqual(self.assets[1].state, "in_use")
        # what IT may edit on a custody stays editable
        custody.write(
            {"expected_return_date": date(2026, 9, 1), "notes": "Charger included"}
        )
        self.assertEqual(self.active.expected_return_date, date(2026, 9, 1))

    def test_custody_cannot_be_created_directly(self):
        with self.assertRaisesRegex(UserError, REFUSED):
            self.Custody.with_user(self.it_user).create(
                {
                    "asset_id": self.assets[2].id,
                    "employee_id": self.employee.id,
                    "state": "active",
                }
            )
        self.assertFalse(self.assets[2].custody_ids)

    # --- acceptance -------------------------------------------------------
    def test_acceptance_by_the_holder_or_on_behalf_by_a_manager(self):
        # IT users, managers and other employees cannot accept as the holder
        for user in (self.it_user, self.it_manager):
            with self.assertRaisesRegex(AccessError, "Only the holder"):
                self.waiting.with_user(user).action_accept()
        # only a manager accepts on the holder's behalf, and it is recorded
        with self.assertRaisesRegex(AccessError, "Only an IT manager"):
            self.waiting.with_user(self.it_user).action_accept_on_behalf()
        self.assertEqual(self.waiting.state, "waiting")
        self.waiting.with_user(self.it_manager).action_accept_on_behalf()
        self.assertRecordValues(
            self.waiting,
            [
                {
                    "state": "active",
                    "accepted_user_id": self.it_manager.id,
                    "accepted_on_behalf": True,
                }
            ],
        )
        self.assertIn("on behalf of Alice Custody", self.waiting.message_ids[:1].body)
        self.assertRecordValues(
            self.active,
            [{"accepted_user_id": self.employee_user.id, "accepted_on_behalf": False}],
        )

    def test_department_manager_accepts_location_needs_nobody(self):
        manager_user = new_test_user(
            self.env, login="dept_manager", groups="base.group_user"
        )
        self.department.manager_id = self.env["hr.employee"].create(
            {"name": "Dept Head", "user_id": manager_user.id}
        )
        Custody = self.Custody.with_user(self.it_user)
        department_custody = Custody._checkout(
            self.assets[2], self.department, date(2026, 3, 2)
        )
        self.assertEqual(department_custody.holder_user_id, manager_user)
        with self.assertRaisesRegex(AccessError, "Only the holder"):
            department_custody.action_accept()
        department_custody.with_user(manager_user).action_accept()
        self.assertEqual(department_custody.state, "active")
        # a meeting room cannot acknowledge: active from check-out
        room_asset = self._create_assets(1)
        room_custody = Custody._checkout(
            room_asset, self.meeting_room, date(2026, 3, 2)
        )
        self.assertRecordValues(
            room_custody, [{"state": "active", "accepted_user_id": False}]
        )

    # --- serials ----------------------------------------------------------
    def test_serial_variants_by_case_or_space_are_the_same_serial(self):
        Asset = self.env["it.asset"].with_user(self.it_user)
        base = {"name": "Serial laptop", "category_id": self.category_laptop.id}
        first = Asset.create(dict(base, serial_number="  SN-Case-1 "))
        self.assertEqual(first.serial_number, "SN-Case-1")
        for variant in ("sn-case-1", "SN-CASE-1 ", " Sn-Case-1"):
            with self.subTest(variant=variant):
                with self.assertRaisesRegex(ValidationError, "already used"):
                    Asset.create(dict(base, serial_number=variant))
        second = Asset.create(dict(base, serial_number="SN-Case-2"))
        with self.assertRaisesRegex(ValidationError, "already used"):
            second.write({"serial_number": "sn-case-1"})
        self.assertEqual(second.serial_number, "SN-Case-2")

    def test_serial_uniqueness_is_guarded_by_the_database(self):
        """Two transactions saving variants at once both pass the Python
        check; the unique index refuses the second one."""
        Asset = self.env["it.asset"]
        base = {"name": "Race laptop", "category_id": self.category_laptop.id}
        Asset.create(
            [dict(base, serial_number="RACE-1"), dict(base, serial_number="x")]
        )
        self.env.flush_all()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "UPDATE it_asset SET serial_number = 'race-1' "
                    "WHERE serial_number = 'x'"
                )
