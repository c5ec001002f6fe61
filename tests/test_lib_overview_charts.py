# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import BaseCase, tagged

from odoo.addons.it_asset.lib.overview_charts import bar_chart, next_months, top


@tagged("post_install", "-at_install")
class TestLibOverviewCharts(BaseCase):
    def test_bar_chart_fills_missing_cells_with_nothing_to_open(self):
        chart = bar_chart(
            [("lap", "Laptops"), ("pho", "Phones")],
            [("use", "In Use"), ("stk", "In Stock")],
            {("lap", "use"): (2, [("x", "=", 1)]), ("pho", "stk"): (1.005, [])},
            res_model="it.asset",
            title="Fleet",
            stacked=True,
            series_axis={"stk": "y1"},
            series_colors={"use": "#28a745"},
        )
        self.assertEqual(chart["labels"], ["Laptops", "Phones"])
        self.assertTrue(chart["stacked"])
        use, stock = chart["datasets"]
        self.assertEqual(
            (use["data"], use["domains"]), ([2, 0], [[("x", "=", 1)], None])
        )
        self.assertEqual((stock["data"], stock["axis"]), ([0, 1.0], "y1"))
        self.assertEqual((use["color"], stock["color"]), ("#28a745", None))

    def test_next_months_cross_the_year(self):
        months = next_months(date(2026, 11, 20), 3)
        self.assertEqual(
            months,
            [
                (date(2026, 11, 1), date(2026, 12, 1)),
                (date(2026, 12, 1), date(2027, 1, 1)),
                (date(2027, 1, 1), date(2027, 2, 1)),
            ],
        )
        with self.assertRaises(ValueError):
            next_months(date(2026, 1, 1), 0)

    def test_top_keeps_the_largest_in_order(self):
        self.assertEqual(
            top([("a", 1), ("b", 5), ("c", 5), ("d", 0)], 3), ["b", "c", "a"]
        )
