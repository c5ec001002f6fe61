# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .custody_common import CustodyCase

# queries of one bulk check-out, handover or check-in (register path; chatter
# tracking is off as in all the tests), whatever the number of assets
CHECKOUT_QUERIES = 17
HANDOVER_QUERIES = 24
CHECKIN_QUERIES = 16


@tagged("post_install", "-at_install", "is_query_count")
class TestCustodyPerformance(CustodyCase):
    """A bulk check-out, handover or check-in costs the same number of
    queries for 10 or 100 assets (timings: `make bench BENCH=custody`)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.small = cls._create_assets(10)
        cls.large = cls._create_assets(100)
        cls.env.company._it_asset_holder_locations(cls.employee | cls.employee_2)
        # warm the caches (groups, sequences, location roles)
        cls.env["it.asset.custody"]._checkout(
            cls.assets, cls.department, date(2026, 3, 1)
        )

    def _checkout_counted(self, assets, employee):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        with self.assertQueryCount(CHECKOUT_QUERIES):
            self.env["it.asset.custody"]._checkout(assets, employee, date(2026, 3, 2))
        return self.env.cr.sql_log_count - before

    def test_bulk_checkout_query_count_does_not_grow(self):
        small = self._checkout_counted(self.small, self.employee)
        large = self._checkout_counted(self.large, self.employee_2)
        self.assertEqual(small, large, "queries must not grow with the asset count")
        self.assertEqual(len(self.small.custody_id), 10)
        self.assertEqual(len(self.large.custody_id), 100)
        self.assertEqual(set(self.large.mapped("state")), {"in_use"})

    def _counted(self, func, expected):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        with self.assertQueryCount(expected):
            func()
        return self.env.cr.sql_log_count - before

    def test_bulk_handover_and_checkin_query_counts_do_not_grow(self):
        Custody = self.env["it.asset.custody"]
        for assets, employee in (
            (self.small, self.employee),
            (self.large, self.employee),
        ):
            Custody._checkout(assets, employee, date(2026, 3, 2))
        counts = {}
        for assets in (self.small, self.large):
            counts["handover", len(assets)] = self._counted(
                lambda a=assets: Custody._handover(
                    a, self.employee_2, date(2026, 4, 1)
                ),
                HANDOVER_QUERIES,
            )
            counts["checkin", len(assets)] = self._counted(
                lambda a=assets: Custody._checkin(a, self.stock_room, date(2026, 5, 1)),
                CHECKIN_QUERIES,
            )
        self.assertEqual(counts["handover", 10], counts["handover", 100])
        self.assertEqual(counts["checkin", 10], counts["checkin", 100])
        self.assertEqual(len(self.large.custody_ids), 200)
        self.assertFalse(self.large.custody_id)
