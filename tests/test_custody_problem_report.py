# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .custody_common import CustodyCase


@tagged("post_install", "-at_install")
class TestCustodyProblemReport(CustodyCase):
    """The holder (an employee without IT group) reports a problem with what
    they hold: IT gets a corrective maintenance request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.custody = cls.Custody._checkout(
            cls.assets[0], cls.employee, date(2026, 3, 2)
        )

    def _report(self, user, description):
        action = self.custody.with_user(user).action_report_problem()
        form = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        form.description = description
        return form.save()

    def test_holder_reports_a_problem_it_sees_it(self):
        wizard = self._report(self.employee_user, "<p>The screen flickers.</p>")
        result = wizard.action_confirm()
        self.assertEqual(result["params"]["type"], "success")
        request = self.env["maintenance.request"].search(
            [("it_asset_id", "=", self.assets[0].id)]
        )
        self.assertRecordValues(
            request,
            [
                {
                    "maintenance_type": "corrective",
                    "user_id": self.it_user.id,
                    "create_uid": self.employee_user.id,
                }
            ],
        )
        self.assertIn("The screen flickers.", request.description)
        self.assertIn("Alice Custody", request.name)
        self.assertEqual(request.activity_ids.user_id, self.it_user)
        self.assertIn("Problem reported", self.custody.message_ids[:1].body)
        # the holder still has no right on the register nor on the request
        with self.assertRaises(AccessError):
            self.assets[0].with_user(self.employee_user).read(["name"])

    def test_only_the_holder_reports_and_says_what(self):
        with self.assertRaisesRegex(UserError, "Describe the problem"):
            self._report(self.employee_user, "<p> </p>").action_confirm()
        with self.assertRaisesRegex(AccessError, "Only the holder"):
            self._report(self.it_user, "<p>Not mine</p>").action_confirm()
        self.Custody._checkin(self.assets[0], self.stock_room, date(2026, 3, 5))
        with self.assertRaisesRegex(UserError, "no longer hold"):
            self._report(self.employee_user, "<p>Too late</p>").action_confirm()
        self.assertFalse(
            self.env["maintenance.request"].search(
                [("it_asset_id", "=", self.assets[0].id)]
            )
        )
