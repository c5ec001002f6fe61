# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import BaseCase, tagged

from odoo.addons.it_asset.lib.end_of_life import (
    PASSED,
    SOON,
    add_months,
    end_of_life_date,
    end_of_life_status,
    notice_horizon,
    quarter_start,
    replacement_cost,
)


@tagged("post_install", "-at_install")
class TestLibEndOfLife(BaseCase):
    def test_add_months_clamps_the_day(self):
        self.assertEqual(add_months(date(2026, 1, 15), 36), date(2029, 1, 15))
        # 31 January + 1 month: the last day of February
        self.assertEqual(add_months(date(2026, 1, 31), 1), date(2026, 2, 28))
        self.assertEqual(add_months(date(2027, 1, 31), 13), date(2028, 2, 29))
        # across the year end, and backwards
        self.assertEqual(add_months(date(2026, 11, 30), 3), date(2027, 2, 28))
        self.assertEqual(add_months(date(2026, 3, 31), -1), date(2026, 2, 28))
        self.assertEqual(add_months(date(2026, 5, 5), 0), date(2026, 5, 5))
        with self.assertRaises(ValueError):
            add_months(date(2026, 1, 1), 1.5)
        with self.assertRaises(ValueError):
            add_months(date(2026, 1, 1), True)

    def test_end_of_life_from_dates_and_months(self):
        # acquisition + useful life
        self.assertEqual(end_of_life_date(date(2024, 3, 10), 36), date(2027, 3, 10))
        # the in-service date, when set, starts the life
        self.assertEqual(
            end_of_life_date(date(2024, 3, 10), 36, in_service_date=date(2024, 5, 1)),
            date(2027, 5, 1),
        )
        # the product's end of support wins over the useful life
        self.assertEqual(
            end_of_life_date(
                date(2024, 3, 10),
                36,
                in_service_date=date(2024, 5, 1),
                end_of_support_date=date(2026, 12, 31),
            ),
            date(2026, 12, 31),
        )
        # even without a useful life or an acquisition date
        self.assertEqual(
            end_of_life_date(None, 0, end_of_support_date=date(2026, 12, 31)),
            date(2026, 12, 31),
        )

    def test_end_of_life_never_before_the_acquisition(self):
        # a model bought after its end of support is at its end of life the
        # day it is bought
        self.assertEqual(
            end_of_life_date(
                date(2026, 6, 1), 36, end_of_support_date=date(2025, 12, 31)
            ),
            date(2026, 6, 1),
        )
        # an in-service date long before the acquisition (migrated register)
        self.assertEqual(
            end_of_life_date(date(2026, 6, 1), 12, in_service_date=date(2024, 1, 1)),
            date(2026, 6, 1),
        )

    def test_end_of_life_unknown(self):
        self.assertIsNone(end_of_life_date(None, 36))
        self.assertIsNone(end_of_life_date(date(2026, 1, 1), 0))
        self.assertIsNone(end_of_life_date(date(2026, 1, 1), None))
        with self.assertRaises(ValueError):
            end_of_life_date(date(2026, 1, 1), -1)

    def test_replacement_cost_first_positive_amount(self):
        self.assertEqual(replacement_cost(1180.0, 1300.0, 1000.0), 1180.0)
        self.assertEqual(replacement_cost(None, 1300.0, 1000.0), 1300.0)
        self.assertEqual(replacement_cost(0.0, 0.0, 1000.0), 1000.0)
        self.assertEqual(replacement_cost(None, None, None), 0.0)
        self.assertEqual(replacement_cost(-5.0, None, 250), 250.0)

    def test_status_soon_passed_or_nothing(self):
        today = date(2026, 6, 1)
        self.assertEqual(notice_horizon(today, 90), date(2026, 8, 30))
        self.assertEqual(end_of_life_status(date(2026, 5, 31), today, 90), PASSED)
        self.assertEqual(end_of_life_status(today, today, 90), SOON)
        self.assertEqual(end_of_life_status(date(2026, 8, 30), today, 90), SOON)
        self.assertIsNone(end_of_life_status(date(2026, 8, 31), today, 90))
        self.assertIsNone(end_of_life_status(None, today, 90))
        # no notice: soon only on the day itself
        self.assertEqual(end_of_life_status(today, today, 0), SOON)
        self.assertIsNone(end_of_life_status(date(2026, 6, 2), today, 0))
        with self.assertRaises(ValueError):
            notice_horizon(today, -1)

    def test_quarter_start(self):
        self.assertEqual(quarter_start(date(2026, 1, 1)), date(2026, 1, 1))
        self.assertEqual(quarter_start(date(2026, 3, 31)), date(2026, 1, 1))
        self.assertEqual(quarter_start(date(2026, 4, 1)), date(2026, 4, 1))
        self.assertEqual(quarter_start(date(2026, 8, 15)), date(2026, 7, 1))
        self.assertEqual(quarter_start(date(2026, 12, 31)), date(2026, 10, 1))
