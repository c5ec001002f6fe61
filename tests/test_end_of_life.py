# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import format_amount, format_date
from odoo.tools.safe_eval import safe_eval

from .common import ItAssetCase


@tagged("post_install", "-at_install")
class TestEndOfLife(ItAssetCase):
    """End of life and refresh planning, each step run by the role that does
    it: the IT manager configures, IT users plan and override, the daily job
    (superuser) announces."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cat_a = cls.env["it.asset.category"].create(
            {"name": "Refresh Laptops", "useful_life_months": 36}
        )
        cls.cat_b = cls.env["it.asset.category"].create(
            {"name": "Refresh Phones", "useful_life_months": 24}
        )
        # a product with receipts: its last purchase price is the latest
        # incoming valuation layer (an outgoing one does not count)
        cls.product_bought = cls.env["product.product"].create(
            {"name": "Refresh Laptop 16", "standard_price": 1300.0}
        )
        Layer = cls.env["stock.valuation.layer"]
        for quantity, unit_cost in ((2, 1150.0), (1, 1180.0), (-1, 999.0)):
            Layer.create(
                {
                    "product_id": cls.product_bought.id,
                    "company_id": cls.company.id,
                    "quantity": quantity,
                    "unit_cost": unit_cost,
                    "value": quantity * unit_cost,
                }
            )
        cls.Asset = cls.env["it.asset"]

    def _fleet(self):
        """A small known fleet; the IT manager sets the default costs."""
        self.cat_a.with_user(self.it_manager).default_replacement_cost = 1000.0
        self.cat_b.with_user(self.it_manager).default_replacement_cost = 500.0
        a, b = self.cat_a.id, self.cat_b.id
        return self._create_assets_in_state(
            [
                # Q3 2026: default cost of the category
                {"name": "L1", "category_id": a, "acquisition_date": date(2023, 7, 15)},
                # Q3 2026: last purchase price of its product
                {
                    "name": "L2",
                    "category_id": a,
                    "acquisition_date": date(2023, 8, 31),
                    "product_id": self.product_bought.id,
                },
                # Q1 2027: from its in-service date
                {
                    "name": "L3",
                    "category_id": a,
                    "acquisition_date": date(2023, 11, 20),
                    "in_service_date": date(2024, 2, 1),
                },
                # Q3 2026: the product's cost (no receipt of it)
                {
                    "name": "L4",
                    "category_id": a,
                    "acquisition_date": date(2023, 9, 30),
                    "product_id": self.product_laptop.id,
                    "serial_number": "EOL-L4",
                },
                # Q4 2026
                {"name": "P1", "category_id": b, "acquisition_date": date(2024, 10, 1)},
                # Q1 2026, already passed
                {"name": "P2", "category_id": b, "acquisition_date": date(2024, 1, 1)},
                # retired, disposed: out of the plan
                {
                    "name": "P3",
                    "category_id": b,
                    "acquisition_date": date(2024, 7, 10),
                    "state": "retired",
                },
                {
                    "name": "P4",
                    "category_id": b,
                    "acquisition_date": date(2024, 7, 10),
                    "state": "disposed",
                },
            ]
        )

    def _refresh_plan(self, user, groupby=("end_of_life_date:quarter",)):
        """The refresh plan as its pivot reads it, as ``user``."""
        action = self.env["ir.actions.actions"]._for_xml_id(
            "it_asset.it_asset_action_refresh_plan"
        )
        domain = safe_eval(action["domain"]) + [
            ("category_id", "in", (self.cat_a | self.cat_b).ids)
        ]
        return self.Asset.with_user(user)._read_group(
            domain, list(groupby), ["__count", "replacement_cost:sum"]
        )

    # ------------------------------------------------------------------
    # end of life and replacement cost
    # ------------------------------------------------------------------
    def test_end_of_life_and_replacement_cost_computed(self):
        fleet = self._fleet()
        self.assertRecordValues(
            fleet,
            [
                {"end_of_life_date": date(2026, 7, 15), "replacement_cost": 1000.0},
                {"end_of_life_date": date(2026, 8, 31), "replacement_cost": 1180.0},
                {"end_of_life_date": date(2027, 2, 1), "replacement_cost": 1000.0},
                {"end_of_life_date": date(2026, 9, 30), "replacement_cost": 1200.0},
                {"end_of_life_date": date(2026, 10, 1), "replacement_cost": 500.0},
                {"end_of_life_date": date(2026, 1, 1), "replacement_cost": 500.0},
                {"end_of_life_date": date(2026, 7, 10), "replacement_cost": 500.0},
                {"end_of_life_date": date(2026, 7, 10), "replacement_cost": 500.0},
            ],
        )
        # the product's end of support wins, for all its assets
        self.product_laptop.product_tmpl_id.end_of_support_date = date(2026, 3, 31)
        self.assertEqual(fleet[3].end_of_life_date, date(2026, 3, 31))
        # the IT manager changes a category's default: its assets follow
        self.cat_a.with_user(self.it_manager).default_replacement_cost = 1100.0
        self.assertEqual(fleet[0].replacement_cost, 1100.0)
        self.assertEqual(fleet[1].replacement_cost, 1180.0)
        # an IT user cannot
        with self.assertRaises(AccessError):
            self.cat_a.with_user(self.it_user).default_replacement_cost = 1.0

    def test_it_user_overrides_the_end_of_life(self):
        asset = self._fleet()[0].with_user(self.it_user)
        asset.end_of_life_date = date(2027, 3, 31)
        self.assertEqual(asset.end_of_life_date, date(2027, 3, 31))
        with Form(asset) as form:
            form.end_of_life_date = date(2027, 6, 30)
        self.assertEqual(asset.end_of_life_date, date(2027, 6, 30))

    def test_end_of_life_before_acquisition_refused(self):
        asset = self._fleet()[0].with_user(self.it_user)
        with self.assertRaises(ValidationError) as refused:
            asset.end_of_life_date = date(2023, 1, 1)
            asset.flush_recordset()
        message = str(refused.exception)
        self.assertIn(asset.display_name, message)
        self.assertIn("2023-01-01", message)
        self.assertIn("2023-07-15", message)
        asset.invalidate_recordset()
        self.assertEqual(asset.end_of_life_date, date(2026, 7, 15))
        # nor at creation
        with self.assertRaises(ValidationError):
            self.Asset.with_user(self.it_user).create(
                {
                    "name": "Bad",
                    "category_id": self.cat_a.id,
                    "acquisition_date": date(2026, 1, 1),
                    "end_of_life_date": date(2025, 12, 31),
                }
            )
        # a model bought after its end of support ends the day it is bought
        self.product_bought.product_tmpl_id.end_of_support_date = date(2025, 1, 1)
        late = self.Asset.with_user(self.it_user).create(
            {
                "name": "Late",
                "category_id": self.cat_a.id,
                "acquisition_date": date(2026, 1, 1),
                "product_id": self.product_bought.id,
            }
        )
        self.assertEqual(late.end_of_life_date, date(2026, 1, 1))

    def test_replacement_costs_read_in_constant_queries(self):
        self._fleet()
        few = self.Asset.search([("category_id", "=", self.cat_a.id)])
        self.Asset.create(
            [
                {
                    "name": f"More {i}",
                    "category_id": self.cat_a.id,
                    "product_id": self.product_bought.id,
                }
                for i in range(20)
            ]
        )
        many = self.Asset.search([("category_id", "=", self.cat_a.id)])
        counts = []
        # the first pass warms the caches the ORM keeps across invalidations
        for assets in (few, few, many):
            self.env.invalidate_all()
            queries = self.cr.sql_log_count
            costs = assets.with_user(self.it_user)._it_asset_replacement_costs()
            counts.append(self.cr.sql_log_count - queries)
            self.assertEqual(len(costs), len(assets))
        # 4 + 20 assets of 3 products: as many queries as for 4
        self.assertEqual(counts[1], counts[2], counts)
        self.assertLessEqual(counts[2], 6, counts)

    # ------------------------------------------------------------------
    # refresh plan
    # ------------------------------------------------------------------
    @freeze_time("2026-06-01")
    def test_refresh_plan_figures_per_quarter(self):
        fleet = self._fleet()
        self.assertEqual(
            self._refresh_plan(self.it_user),
            [
                (date(2026, 1, 1), 1, 500.0),
                (date(2026, 7, 1), 3, 1000.0 + 1180.0 + 1200.0),
                (date(2026, 10, 1), 1, 500.0),
                (date(2027, 1, 1), 1, 1000.0),
            ],
        )
        rows = self._refresh_plan(
            self.it_user, ("end_of_life_date:quarter", "category_id")
        )
        self.assertEqual(
            [(q, c.name, n, cost) for q, c, n, cost in rows],
            [
                (date(2026, 1, 1), "Refresh Phones", 1, 500.0),
                (date(2026, 7, 1), "Refresh Laptops", 3, 3380.0),
                (date(2026, 10, 1), "Refresh Phones", 1, 500.0),
                (date(2027, 1, 1), "Refresh Laptops", 1, 1000.0),
            ],
        )
        # the pivot's own read (labels by quarter)
        pivot = self.Asset.with_user(self.it_user).read_group(
            [("id", "in", fleet.ids), ("state", "not in", ("retired", "disposed"))],
            ["replacement_cost:sum"],
            ["end_of_life_date:quarter"],
        )
        self.assertEqual(
            [
                (g["end_of_life_date:quarter"], g["end_of_life_date_count"])
                for g in pivot
            ],
            [("Q1 2026", 1), ("Q3 2026", 3), ("Q4 2026", 1), ("Q1 2027", 1)],
        )
        # an override moves the asset to its new quarter
        fleet[0].with_user(self.it_user).end_of_life_date = date(2027, 3, 31)
        self.assertEqual(
            self._refresh_plan(self.it_user),
            [
                (date(2026, 1, 1), 1, 500.0),
                (date(2026, 7, 1), 2, 2380.0),
                (date(2026, 10, 1), 1, 500.0),
                (date(2027, 1, 1), 2, 2000.0),
            ],
        )

    def test_refresh_plan_menu_for_it_users_only(self):
        self._fleet()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "it_asset.it_asset_action_refresh_plan"
        )
        self.assertEqual(action["views"][0][1], "pivot")
        menu = self.env.ref("it_asset.it_asset_refresh_plan_menu")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(self.it_user)._visible_menu_ids())
        self.assertNotIn(
            menu.id, Menu.with_user(self.employee_user)._visible_menu_ids()
        )
        with self.assertRaises(AccessError):
            self.Asset.with_user(self.employee_user).read_group(
                [], ["replacement_cost:sum"], ["end_of_life_date:quarter"]
            )
        with self.assertRaises(AccessError):
            self._refresh_plan(self.employee_user)

    # ------------------------------------------------------------------
    # settings, filters, Overview
    # ------------------------------------------------------------------
    @freeze_time("2026-06-01")
    def test_notice_days_filters_and_overview(self):
        fleet = self._fleet()
        mine = [("id", "in", fleet.ids)]
        Asset = self.Asset.with_user(self.it_user)
        self.assertEqual(self.company.it_asset_eol_notice_days, 90)
        # within 90 days: L1 (15 July) only; passed: P2; the retired and
        # disposed are neither
        self.assertEqual(
            Asset.search([*mine, ("end_of_life_soon", "=", True)]), fleet[0]
        )
        self.assertEqual(
            Asset.search([*mine, ("end_of_life_passed", "=", True)]), fleet[5]
        )
        self.assertEqual(
            Asset.search([*mine, ("end_of_life_soon", "!=", True)]), fleet - fleet[0]
        )
        self.assertEqual(
            Asset.search([*mine, ("end_of_life_passed", "=", False)]),
            fleet - fleet[5],
        )
        self.assertEqual(
            fleet.mapped("end_of_life_soon"),
            [True, False, False, False, False, False, False, False],
        )
        card = (
            self.env["it.asset.overview"]
            .with_user(self.it_user)
            .search([("company_id", "=", self.company.id)])
        )
        # the IT manager gives four months of notice: L2 (31 August) and L4
        # (30 September) are soon too, P1 (1 October) is not
        form = Form(self.env["it.asset.settings"].with_user(self.it_manager))
        self.assertEqual(form.it_asset_eol_notice_days, 90)
        form.it_asset_eol_notice_days = 121
        form.save().action_save()
        self.assertEqual(self.company.it_asset_eol_notice_days, 121)
        self.assertEqual(
            Asset.search([*mine, ("end_of_life_soon", "=", True)]),
            fleet[0] | fleet[1] | fleet[3],
        )
        card.invalidate_recordset()
        self.assertEqual(card.eol_notice_days, 121)
        for tile in ("end_of_life_soon", "end_of_life_passed"):
            action = card.with_context(tile=tile).action_open_tile()
            self.assertEqual(
                self.Asset.with_user(self.it_user).search_count(action["domain"]),
                card[f"{tile}_count"],
                tile,
            )
        # refused: no notice at all
        form = Form(self.env["it.asset.settings"].with_user(self.it_manager))
        form.it_asset_eol_notice_days = 0
        with self.assertRaisesRegex(ValidationError, "must be positive"):
            form.save().action_save()
        self.assertEqual(self.company.it_asset_eol_notice_days, 121)

    # ------------------------------------------------------------------
    # the daily job
    # ------------------------------------------------------------------
    @freeze_time("2026-06-01")
    def test_cron_one_todo_per_asset_for_its_responsible(self):
        self.company.it_asset_responsible_id = self.it_manager
        root = self.env["res.users"].browse(SUPERUSER_ID)
        a = self.cat_a.id
        soon_mine, soon_nobody, soon_bot, later, passed, retired = (
            self._create_assets_in_state(
                [
                    {
                        "name": "Soon, mine",
                        "category_id": a,
                        "acquisition_date": date(2023, 6, 11),
                        "user_id": self.it_user.id,
                    },
                    {
                        "name": "Soon, nobody's",
                        "category_id": a,
                        "acquisition_date": date(2023, 8, 1),
                        "user_id": False,
                    },
                    {
                        "name": "Soon, OdooBot's",
                        "category_id": a,
                        "acquisition_date": date(2023, 8, 2),
                        "user_id": root.id,
                    },
                    {
                        "name": "Later",
                        "category_id": a,
                        "acquisition_date": date(2023, 10, 1),
                        "user_id": self.it_user.id,
                    },
                    {
                        "name": "Passed",
                        "category_id": a,
                        "acquisition_date": date(2023, 5, 1),
                        "user_id": self.it_user.id,
                    },
                    {
                        "name": "Retired",
                        "category_id": a,
                        "acquisition_date": date(2023, 6, 11),
                        "user_id": self.it_user.id,
                        "state": "retired",
                    },
                ]
            )
        )
        self.cat_a.default_replacement_cost = 1000.0
        everything = soon_mine | soon_nobody | soon_bot | later | passed | retired

        def todos():
            return self.env["mail.activity"].search(
                [("res_model", "=", "it.asset"), ("res_id", "in", everything.ids)],
                order="res_id",
            )

        self.Asset._cron_end_of_life()
        first = todos()
        self.assertRecordValues(
            first,
            [
                {
                    "res_id": soon_mine.id,
                    "user_id": self.it_user.id,
                    "date_deadline": date(2026, 6, 11),
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                },
                {
                    "res_id": soon_nobody.id,
                    "user_id": self.it_manager.id,
                    "date_deadline": date(2026, 8, 1),
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                },
                {
                    "res_id": soon_bot.id,
                    "user_id": self.it_manager.id,
                    "date_deadline": date(2026, 8, 2),
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                },
            ],
        )
        self.assertEqual(
            first[0].summary,
            "End of life on %s: plan its replacement (about %s)"
            % (
                format_date(self.env, date(2026, 6, 11)),
                format_amount(self.env, 1000.0, self.company.currency_id),
            ),
        )
        # a second run adds nothing
        self.Asset._cron_end_of_life()
        self.assertEqual(todos(), first)
        # done is done: the same date is not announced again
        first[0].with_user(self.it_user).action_done()
        self.Asset._cron_end_of_life()
        self.assertEqual(todos(), first[1:])
        # an IT user moves an end of life: its open to-do moves along, no
        # second one
        soon_nobody.with_user(self.it_user).end_of_life_date = date(2026, 7, 20)
        self.Asset._cron_end_of_life()
        self.assertEqual(todos(), first[1:])
        self.assertEqual(first[1].date_deadline, date(2026, 7, 20))
        self.assertIn(format_date(self.env, date(2026, 7, 20)), first[1].summary)
        # later: once within the notice days, it gets its own
        with freeze_time("2026-07-15"):
            self.Asset._cron_end_of_life()
        self.assertEqual(
            todos().filtered(lambda t: t.res_id == later.id).user_id, self.it_user
        )
        self.assertEqual(len(todos()), 3)

    @freeze_time("2026-06-01")
    def test_cron_refreshes_replacement_costs(self):
        """A receipt changes the last purchase price; the job brings the
        replacement cost up to date (the field does not follow receipts)."""
        asset = self._create_asset(
            name="Bought",
            category_id=self.cat_a.id,
            acquisition_date=date(2023, 6, 11),
            product_id=self.product_bought.id,
        )
        self.assertEqual(asset.replacement_cost, 1180.0)
        self.env["stock.valuation.layer"].create(
            {
                "product_id": self.product_bought.id,
                "company_id": self.company.id,
                "quantity": 1,
                "unit_cost": 1240.0,
                "value": 1240.0,
            }
        )
        self.assertEqual(asset.replacement_cost, 1180.0)
        self.Asset._cron_end_of_life()
        self.assertEqual(asset.replacement_cost, 1240.0)
        todo = self.env["mail.activity"].search(
            [("res_model", "=", "it.asset"), ("res_id", "=", asset.id)]
        )
        self.assertIn(
            format_amount(self.env, 1240.0, self.company.currency_id), todo.summary
        )

    def test_demo_has_ends_of_life_to_plan(self):
        server = self.env.ref("it_asset.asset_demo_26", raise_if_not_found=False)
        if not server:
            self.skipTest("no demo data")
        demo = self.Asset.browse(
            self.env["ir.model.data"]
            .search([("module", "=", "it_asset"), ("model", "=", "it.asset")])
            .mapped("res_id")
        ).exists()
        # the server's end of life set by hand in the demo, within 90 days
        self.assertTrue(server.end_of_life_soon)
        self.assertTrue(demo.filtered("end_of_life_passed"))
        self.assertTrue((demo - server).filtered("end_of_life_soon"))
        planned = demo.filtered(lambda a: a.state not in ("retired", "disposed"))
        self.assertFalse(planned.filtered(lambda a: not a.replacement_cost))
