# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ItAssetCase
from .common_depreciation import DepreciationCase


@tagged("post_install", "-at_install")
class TestAssetOverview(ItAssetCase):
    @freeze_time("2026-06-01")
    def test_tiles_count_and_open_the_same_assets(self):
        card = self.env["it.asset.overview"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(len(card), 1)
        before = {
            "total": card.total_count,
            "warranty_ending": card.warranty_ending_count,
            "in_repair": card.in_repair_count,
        }
        self._create_asset(
            acquisition_date=date(2025, 6, 1),
            warranty_end_date=date(2026, 6, 1) + timedelta(days=10),
        )
        self._create_asset(state="in_repair")
        card.invalidate_recordset()
        self.assertEqual(card.total_count, before["total"] + 2)
        self.assertEqual(card.warranty_ending_count, before["warranty_ending"] + 1)
        self.assertEqual(card.in_repair_count, before["in_repair"] + 1)
        for tile in ("total", "warranty_ending", "in_repair", "idle", "no_custodian"):
            action = card.with_context(tile=tile).action_open_tile()
            self.assertEqual(
                self.env["it.asset"].search_count(action["domain"]),
                card[f"{tile}_count"],
                tile,
            )
        with self.assertRaisesRegex(UserError, "Unknown overview tile"):
            card.with_context(tile="nope").action_open_tile()

    def test_counts_use_constant_queries(self):
        cards = self.env["it.asset.overview"].search([])
        cards.mapped("total_count")  # warm the caches (settings, ...)
        cards.invalidate_recordset()
        # one grouped count per tile (15), the few settings the flags read and
        # the companies' end-of-life notice, whatever the number of assets
        with self.assertQueryCount(__system__=20):
            cards.mapped("total_count")
        category = self.category_laptop.id
        self.env["it.asset"].create(
            [{"name": f"A{i}", "category_id": category} for i in range(20)]
        )
        cards.invalidate_recordset()
        with self.assertQueryCount(__system__=20):
            cards.mapped("total_count")

    def test_plain_employee_has_no_overview(self):
        with self.assertRaises(AccessError):
            self.env["it.asset.overview"].with_user(self.employee_user).search([])
        cards = self.env["it.asset.overview"].with_user(self.it_user).search([])
        self.assertEqual(cards.company_id, self.it_user.company_ids)


@tagged("post_install", "-at_install")
class TestOverviewCharts(DepreciationCase):
    """The Overview's pictures, on a small known fleet, read by an IT user:
    each bar says how many and opens exactly those records."""

    @freeze_time("2026-06-15")
    def test_charts_count_and_open_the_records(self):
        company = self.env["res.company"].create({"name": "Chart Co"})
        self.it_user.write({"company_ids": [(4, company.id)]})
        cat_laptop = self.category_laptop.copy({"name": "Chart Laptops"})
        cat_phone = self.env["it.asset.category"].create(
            {"name": "Chart Phones", "useful_life_months": 24}
        )
        brand = self.env["res.partner"].create(
            {"name": "Chart Brand", "is_company": True}
        )
        Asset = self.env["it.asset"].with_company(company)
        assets = Asset._import_create(
            [
                {
                    "name": f"Chart asset {i}",
                    "category_id": category.id,
                    "state": state,
                    "company_id": company.id,
                    "manufacturer_id": brand.id,
                    "model_name": "X1",
                    "acquisition_cost": 1200.0,
                }
                for i, (category, state) in enumerate(
                    [
                        (cat_laptop, "in_use"),
                        (cat_laptop, "in_use"),
                        (cat_laptop, "in_stock"),
                        (cat_phone, "in_stock"),
                    ]
                )
            ],
            reason="chart fixture",
        )
        card = (
            self.env["it.asset.overview"]
            .with_user(self.it_user)
            .with_context(allowed_company_ids=[company.id])
            .search([("company_id", "=", company.id)])
        )
        fleet = json.loads(card.chart_fleet)
        self.assertEqual(fleet["labels"], ["Chart Laptops", "Chart Phones"])
        by_label = {d["label"]: d for d in fleet["datasets"]}
        self.assertEqual(by_label["In Use"]["data"], [2, 0])
        self.assertEqual(by_label["In Stock"]["data"], [1, 1])
        self.assertEqual(
            self.env["it.asset"].search(by_label["In Use"]["domains"][0]),
            assets[:2],
        )
        self.assertIsNone(by_label["In Use"]["domains"][1])
        # two repairs of the first laptop
        Request = self.env["maintenance.request"].with_company(company)
        team = self.env["maintenance.team"].create(
            {"name": "Chart Team", "company_id": company.id}
        )
        for cost in (100.0, 250.0):
            Request.create(
                {
                    "name": "Chart failure",
                    "maintenance_team_id": team.id,
                    "it_asset_id": assets[0].id,
                    "maintenance_type": "corrective",
                    "company_id": company.id,
                    "labour_cost": cost,
                }
            )
        card.invalidate_recordset()
        failures = json.loads(card.chart_failures)
        self.assertEqual(failures["labels"], ["Chart Brand · X1"])
        values = {d["label"]: d["data"] for d in failures["datasets"]}
        self.assertEqual(values, {"Failures": [2], "Repair cost": [350.0]})
        self.assertEqual(
            Request.search(failures["datasets"][0]["domains"][0]).it_asset_id,
            assets[0],
        )
        # depreciation to come: capitalise a 3600 laptop over 36 months
        capitalised = self._capitalised_asset("2026-06-01", company_id=company.id)
        card.invalidate_recordset()
        depreciation = json.loads(card.chart_depreciation)
        self.assertEqual(len(depreciation["labels"]), 12)
        self.assertEqual(depreciation["datasets"][0]["data"], [100.0] * 12)
        self.assertEqual(card.depreciation_next_12, 1200.0)
        self.assertEqual(card.book_value_total, capitalised.book_value)
        lines = self.env["it.asset.depreciation.line"].search(
            depreciation["datasets"][0]["domains"][0]
        )
        self.assertEqual(lines.mapped("date"), [date(2026, 6, 30)])
