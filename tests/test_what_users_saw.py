# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What users met in the screens (dead ends, wrong lists, refusals that came
too late), each checked as the user who met it."""

import re
from datetime import date

from freezegun import freeze_time

from odoo import SUPERUSER_ID, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import ItAssetCase
from .common_depreciation import DepreciationCase


@tagged("post_install", "-at_install")
class TestWhatUsersSaw(DepreciationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # finance without an email address: Odoo's notes need none
        cls.finance = new_test_user(
            cls.env,
            login="finance_no_email",
            email=False,
            groups="base.group_user,account.group_account_user,"
            "it_asset.group_it_asset_user",
        )
        cls.finance.partner_id.email = False

    def _asset(self):
        asset = self._capitalised_asset()
        self.env["it.asset"]._post_depreciation_up_to(fields.Date.to_date("2026-02-28"))
        return asset.with_user(self.finance)

    def test_entries_button_opens_the_journal_entries(self):
        asset = self._asset()
        action = asset.action_view_account_moves()
        self.assertEqual(
            action["id"], self.env.ref("account.action_move_journal_line").id
        )
        self.assertEqual(action["context"]["default_move_type"], "entry")
        moves = self.env["account.move"].search(action["domain"])
        self.assertEqual(len(moves), 2)  # January and February
        self.assertEqual(set(moves.mapped("move_type")), {"entry"})
        self.assertEqual(asset.account_move_count, 2)

    def test_wizards_have_titles(self):
        asset = self._asset()
        self.assertEqual(asset.action_capitalise()["name"], "Capitalise")
        self.assertIn("Dispose of", asset.action_open_dispose_wizard()["name"])
        self.assertIn("Change Depreciation", asset.action_open_revalue_wizard()["name"])

    def test_disposal_by_a_user_without_email(self):
        asset = self._asset()
        wizard = Form(
            self.env["it.asset.dispose"]
            .with_user(self.finance)
            .with_context(active_model="it.asset", active_id=asset.id)
        )
        wizard.date = fields.Date.to_date("2026-03-31")
        wizard.save().action_dispose()
        self.assertEqual(asset.depreciation_state, "disposed")
        message = asset.message_ids[:1]
        self.assertEqual(message.author_id, self.finance.partner_id)
        # amounts formatted as money, the date as the user reads dates
        self.assertIn("3,300.00", message.body)
        self.assertIn("03/31/2026", message.body)

    def test_sale_needs_proceeds(self):
        asset = self._asset()
        wizard = Form(
            self.env["it.asset.dispose"]
            .with_user(self.finance)
            .with_context(active_model="it.asset", active_id=asset.id)
        )
        wizard.date = fields.Date.to_date("2026-03-31")
        wizard.disposal_type = "sale"
        wizard.proceeds_account_id = self.account_suspense
        with self.assertRaisesRegex(UserError, "give the proceeds"):
            wizard.save().action_dispose()
        self.assertEqual(asset.depreciation_state, "running")
        self.assertFalse(asset.disposal_move_id)


@tagged("post_install", "-at_install")
class TestItManagerSettingsAndResponsibles(DepreciationCase):
    def test_it_manager_saves_the_settings_without_admin_rights(self):
        self.assertFalse(self.it_manager.has_group("base.group_system"))
        menu = self.env.ref("it_asset.it_asset_settings_menu")
        visible = self.env["ir.ui.menu"].with_user(self.it_manager)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        form = Form(self.env["it.asset.settings"].with_user(self.it_manager))
        form.idle_days = 45
        form.underperforming_min_failures = 3
        form.it_asset_responsible_id = self.it_user
        form.save().action_save()
        params = self.env["ir.config_parameter"]
        self.assertEqual(params.get_param("it_asset.idle_days"), "45")
        self.assertEqual(params.get_param("it_asset.underperforming_min_failures"), "3")
        self.assertEqual(self.company.it_asset_responsible_id, self.it_user)
        # the form opens on what is saved
        self.assertEqual(
            Form(self.env["it.asset.settings"].with_user(self.it_manager)).idle_days,
            45,
        )
        # bad values are refused, nothing saved
        form = Form(self.env["it.asset.settings"].with_user(self.it_manager))
        form.idle_days = 0
        with self.assertRaisesRegex(ValidationError, "must be positive"):
            form.save().action_save()
        self.assertEqual(params.get_param("it_asset.idle_days"), "45")
        # an IT user cannot
        self.assertNotIn(
            menu.id, self.env["ir.ui.menu"].with_user(self.it_user)._visible_menu_ids()
        )
        with self.assertRaises(AccessError):
            self.env["it.asset.settings"].with_user(self.it_user).create({})

    @freeze_time("2026-05-01")
    def test_alerts_go_to_a_person_never_odoobot(self):
        """The daily job runs as the superuser (OdooBot): an asset without IT
        responsible gets its alert on the company's default responsible, else
        on an IT manager."""
        root = self.env["res.users"].browse(SUPERUSER_ID)
        assets = self.env["it.asset"].create(
            [
                {
                    "name": name,
                    "category_id": self.category_laptop.id,
                    "warranty_end_date": date(2026, 5, 20),
                    "user_id": False,
                }
                for name in ("No responsible 1", "No responsible 2")
            ]
        )
        assets.action_confirm()
        self.company.it_asset_responsible_id = False
        assets[:1].with_user(root)._cron_expiry_alerts()
        first = assets[0].activity_ids.user_id | assets[1].activity_ids.user_id
        self.assertTrue(first)
        self.assertNotIn(root, first)
        self.assertTrue(first.has_group("it_asset.group_it_asset_manager"))
        # with a default responsible, they get it
        self.company.it_asset_responsible_id = self.it_user
        other = self._create_asset(
            name="Later", warranty_end_date=date(2026, 5, 25), user_id=False
        )
        other.action_confirm()
        other.with_user(root)._cron_expiry_alerts()
        self.assertEqual(other.activity_ids.user_id, self.it_user)


@tagged("post_install", "-at_install")
class TestRepairButtons(ItAssetCase):
    def test_repair_done_is_offered_only_when_it_can_succeed(self):
        asset = self._create_asset(name="Broken server")
        asset.action_confirm()
        request = self.env["maintenance.request"].create(
            {
                "name": "PSU failure",
                "it_asset_id": asset.id,
                "maintenance_type": "corrective",
            }
        )
        asset = asset.with_user(self.it_user)
        self.assertEqual(asset.state, "in_repair")
        self.assertTrue(asset.has_open_repair)
        # the form offers the request instead of a button that always refuses
        action = asset.action_view_open_repair()
        self.assertEqual(
            (action["res_model"], action["res_id"]), (request._name, request.id)
        )
        with self.assertRaisesRegex(UserError, "open failure report"):
            asset.action_repair_done()
        request.archive = True
        asset.invalidate_recordset(["has_open_repair"])
        self.assertFalse(asset.has_open_repair)


@tagged("post_install", "-at_install")
class TestScreensAndDemo(DepreciationCase):
    def _arch(self, model, user):
        return (
            self.env[model]
            .with_user(user)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )

    def test_licences_offer_no_check_out_repair_or_failure(self):
        arch = self._arch("it.asset", self.it_user)
        for button in ("action_open_checkout", "action_send_to_repair"):
            found = re.search(rf'<button name="{button}"[^>]*invisible="([^"]*)"', arch)
            self.assertIn("kind == 'software'", found.group(1), button)
        found = re.search(r'name="action_report_failure"[^>]*invisible="([^"]*)"', arch)
        self.assertIn("kind == 'software'", found.group(1))

    def test_remote_check_out_without_address_is_warned(self):
        arch = self._arch("it.asset.checkout", self.it_user)
        self.assertRegex(
            arch,
            r'class="alert alert-warning"[^>]*invisible="not is_remote or '
            r'delivery_address"',
        )

    def test_demo_holders_locations_and_statuses_agree(self):
        demo = self.env["ir.model.data"].search(
            [("module", "=", "it_asset"), ("model", "=", "it.asset")]
        )
        assets = self.env["it.asset"].browse(demo.mapped("res_id")).exists()
        in_use = assets.filtered(lambda a: a.state == "in_use" and a.kind != "software")
        self.assertTrue(in_use, "the demo has assets in use")
        for asset in in_use:
            with self.subTest(asset=asset.tag):
                self.assertTrue(asset.custody_id, "every asset in use has a holder")
                self.assertEqual(
                    asset.location_id, asset.custody_id.custody_location_id
                )
        held_in_stock = assets.filtered(
            lambda a: a.custody_id and a.location_id.usage == "internal"
        )
        self.assertFalse(
            held_in_stock.filtered(lambda a: a.custody_id.holder_type != "location")
        )
        plans = self.env["it.asset.maintenance.plan"].search([])
        self.assertNotIn(self.env.ref("base.user_root"), plans.user_id)
        # nobody's alerts go to OdooBot, and racked gear is held by its rack
        self.assertNotIn(self.env.ref("base.user_root"), assets.user_id)
        racked = in_use.filtered(
            lambda a: a.category_id
            in self.env.ref("it_asset.category_server")
            | self.env.ref("it_asset.category_network")
        )
        self.assertTrue(racked)
        self.assertEqual(set(racked.custody_id.mapped("holder_type")), {"location"})
        # an asset in repair has a repair under way, not a finished one
        in_repair = assets.filtered(lambda a: a.state == "in_repair")
        self.assertTrue(in_repair)
        for asset in in_repair:
            with self.subTest(asset=asset.tag):
                self.assertTrue(
                    asset.maintenance_request_ids.filtered(
                        lambda r: not r.stage_id.done
                    )
                )
        # the demo campaign expects only what the register puts in its room
        audit = self.env.ref("it_asset.it_asset_audit_demo_server_room")
        self.assertEqual(
            audit.line_ids.filtered("expected").asset_id.location_id,
            self.env.ref("it_asset.stock_location_server_room"),
        )
        self.assertEqual(
            set(audit.line_ids.asset_id.mapped("state")), {"in_stock", "in_use"}
        )

    def test_no_odoobot_as_it_responsible(self):
        """An asset registered by a person is theirs to follow; one made by
        OdooBot (a scheduled job, a data file) has no IT responsible."""
        it_user = new_test_user(
            self.env, login="registers", groups="it_asset.group_it_asset_user"
        )
        Asset = self.env["it.asset"]
        values = {"name": "Registered", "category_id": self.category_laptop.id}
        self.assertEqual(Asset.with_user(it_user).create(values).user_id, it_user)
        self.assertFalse(Asset.with_user(SUPERUSER_ID).create(values).user_id)
