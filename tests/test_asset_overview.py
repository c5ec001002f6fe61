# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ItAssetCase


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
        # one grouped count per tile (13) and the few settings the flags read,
        # whatever the number of assets
        with self.assertQueryCount(__system__=17):
            cards.mapped("total_count")
        category = self.category_laptop.id
        self.env["it.asset"].create(
            [{"name": f"A{i}", "category_id": category} for i in range(20)]
        )
        cards.invalidate_recordset()
        with self.assertQueryCount(__system__=17):
            cards.mapped("total_count")

    def test_plain_employee_has_no_overview(self):
        with self.assertRaises(AccessError):
            self.env["it.asset.overview"].with_user(self.employee_user).search([])
        cards = self.env["it.asset.overview"].with_user(self.it_user).search([])
        self.assertEqual(cards.company_id, self.it_user.company_ids)
