# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import BaseCase, tagged

from odoo.addons.it_asset.lib.depreciation import (
    Line,
    compute_board,
    daily_share,
    fiscal_year_bounds,
    period_bounds,
    period_end,
    recompute_board,
    round_currency,
)


def _amounts(lines):
    return [line.amount for line in lines]


def _dates(lines):
    return [line.date for line in lines]


@tagged("post_install", "-at_install")
class TestDepreciationSchedule(BaseCase):
    def test_linear_monthly(self):
        # 3600 / 36 months = 100.00 a month, January 2026 .. December 2028.
        lines = compute_board(
            cost=3600,
            method="linear",
            useful_life_months=36,
            period="monthly",
            in_service_date=date(2026, 1, 1),
        )
        self.assertEqual(_amounts(lines), [100.0] * 36)
        self.assertEqual(
            lines[0],
            Line(date(2026, 1, 31), date(2026, 1, 1), 100.0, 100.0, 3500.0),
        )
        self.assertEqual(lines[1].date, date(2026, 2, 28))
        self.assertEqual(lines[-1].date, date(2028, 12, 31))
        self.assertEqual(lines[-1].accumulated, 3600.0)
        self.assertEqual(lines[-1].remaining, 0.0)

    def test_linear_yearly_with_salvage(self):
        # (12000 - 2000) / 5 years = 2000.00 a year; book value ends at 2000.
        lines = compute_board(
            cost=12000,
            salvage=2000,
            method="linear",
            useful_life_months=60,
            period="yearly",
            in_service_date=date(2026, 1, 1),
        )
        self.assertEqual(_amounts(lines), [2000.0] * 5)
        self.assertEqual(_dates(lines), [date(y, 12, 31) for y in range(2026, 2031)])
        self.assertEqual(
            [line.remaining for line in lines],
            [10000.0, 8000.0, 6000.0, 4000.0, 2000.0],
        )

    def test_linear_daily_prorata(self):
        # 1200 / 12 = 100.00 a month.  In service 16 January: 16 of 31 days,
        # 100 * 16 / 31 = 51.6129 -> 51.61; then February..December 11 x 100;
        # one extra period takes 1200 - 51.61 - 1100 = 48.39 (January 2027).
        lines = compute_board(
            cost=1200,
            method="linear",
            useful_life_months=12,
            period="monthly",
            in_service_date=date(2026, 1, 16),
            prorata="daily",
        )
        self.assertEqual(_amounts(lines), [51.61] + [100.0] * 11 + [48.39])
        self.assertEqual(lines[0].date, date(2026, 1, 31))
        self.assertEqual(lines[0].period_start, date(2026, 1, 16))
        self.assertEqual(lines[1].period_start, date(2026, 2, 1))
        self.assertEqual(lines[-1].date, date(2027, 1, 31))
        self.assertEqual(lines[-1].period_start, date(2027, 1, 1))
        self.assertEqual(lines[-1].accumulated, 1200.0)
        self.assertEqual(lines[-1].remaining, 0.0)

    def test_degressive_then_linear(self):
        # Linear amount 1000 / 5 = 200.  Year 1 max(40% x 1000, 200) = 400,
        # year 2 max(40% x 600, 200) = 240, year 3 max(40% x 360 = 144, 200)
        # = 200, year 4 max(64, 200) capped at the 160 left = 160; nothing left
        # for year 5 so there is no fifth line.
        lines = compute_board(
            cost=1000,
            method="degressive_then_linear",
            declining_rate=0.4,
            useful_life_months=60,
            period="yearly",
            in_service_date=date(2026, 1, 1),
        )
        self.assertEqual(_amounts(lines), [400.0, 240.0, 200.0, 160.0])
        self.assertEqual(lines[-1].date, date(2029, 12, 31))
        self.assertEqual(lines[-1].remaining, 0.0)

    def test_degressive_with_salvage(self):
        # 40% of the book value at each year start: 1000 -> 400 (bv 600),
        # 240 (bv 360), 144 (bv 216), 86.40 (bv 129.60); the last year takes
        # what is left above the salvage: 129.60 - 100 = 29.60.
        lines = compute_board(
            cost=1000,
            salvage=100,
            method="degressive",
            declining_rate=0.4,
            useful_life_months=60,
            period="yearly",
            in_service_date=date(2026, 1, 1),
        )
        self.assertEqual(_amounts(lines), [400.0, 240.0, 144.0, 86.4, 29.6])
        self.assertEqual(
            [line.remaining for line in lines], [600.0, 360.0, 216.0, 129.6, 100.0]
        )
        self.assertEqual(lines[-1].accumulated, 900.0)

    def test_degressive_partial_first_year_monthly(self):
        # Calendar year, in service October 2026: 3 periods in 2026, so
        # 50% x 1200 x 3/12 = 150 -> 50.00 a month.  2027: 50% x 1050 = 525
        # -> 43.75 a month.  The life (24 months) ends September 2028, so 2028
        # takes what is left, 1200 - 150 - 525 = 525, over 9 months:
        # 525 / 9 = 58.333 -> 8 x 58.33 and 525 - 466.64 = 58.36.
        lines = compute_board(
            cost=1200,
            method="degressive",
            declining_rate=0.5,
            useful_life_months=24,
            period="monthly",
            in_service_date=date(2026, 10, 1),
        )
        self.assertEqual(
            _amounts(lines), [50.0] * 3 + [43.75] * 12 + [58.33] * 8 + [58.36]
        )
        self.assertEqual(lines[2].accumulated, 150.0)
        self.assertEqual(lines[14].accumulated, 675.0)
        self.assertEqual(lines[-1].date, date(2028, 9, 30))
        self.assertEqual(lines[-1].accumulated, 1200.0)

    def test_quarterly(self):
        # 1200 / 4 quarters = 300.  No prorata: February 15 is in Q1, which
        # counts in full.
        lines = compute_board(
            cost=1200,
            method="linear",
            useful_life_months=12,
            period="quarterly",
            in_service_date=date(2026, 2, 15),
        )
        self.assertEqual(_amounts(lines), [300.0] * 4)
        self.assertEqual(
            _dates(lines),
            [
                date(2026, 3, 31),
                date(2026, 6, 30),
                date(2026, 9, 30),
                date(2026, 12, 31),
            ],
        )
        self.assertEqual(lines[0].period_start, date(2026, 1, 1))

    def test_quarterly_daily_prorata(self):
        # Q1 2026 has 31 + 28 + 31 = 90 days; 15 Feb .. 31 Mar = 14 + 31 = 45
        # days, so the first quarter gets 300 x 45 / 90 = 150; the extra
        # quarter (Q1 2027) takes 1200 - 150 - 900 = 150.
        lines = compute_board(
            cost=1200,
            method="linear",
            useful_life_months=12,
            period="quarterly",
            in_service_date=date(2026, 2, 15),
            prorata="daily",
        )
        self.assertEqual(_amounts(lines), [150.0, 300.0, 300.0, 300.0, 150.0])
        self.assertEqual(lines[-1].date, date(2027, 3, 31))

    def test_non_calendar_fiscal_year_quarters(self):
        # Fiscal year April-March.  In service May 2026: first quarter
        # April-June.  Fiscal year 2026-27: 40% x 1000 = 400 -> 100 a quarter;
        # the life (24 months from April 2026) ends in March 2028, so fiscal
        # year 2027-28 takes the 600 left -> 150 a quarter.
        lines = compute_board(
            cost=1000,
            method="degressive",
            declining_rate=0.4,
            useful_life_months=24,
            period="quarterly",
            in_service_date=date(2026, 5, 10),
            fiscal_year_last_month=3,
            fiscal_year_last_day=31,
        )
        self.assertEqual(_amounts(lines), [100.0] * 4 + [150.0] * 4)
        self.assertEqual(
            _dates(lines)[:4],
            [
                date(2026, 6, 30),
                date(2026, 9, 30),
                date(2026, 12, 31),
                date(2027, 3, 31),
            ],
        )
        self.assertEqual(lines[-1].date, date(2028, 3, 31))

    def test_non_calendar_fiscal_year_yearly(self):
        # Fiscal year April-March: yearly lines end on 31 March.
        # 400 (40% x 1000), 240 (40% x 600), last year the 360 left.
        lines = compute_board(
            cost=1000,
            method="degressive",
            declining_rate=0.4,
            useful_life_months=36,
            period="yearly",
            in_service_date=date(2026, 5, 10),
            fiscal_year_last_month=3,
        )
        self.assertEqual(_amounts(lines), [400.0, 240.0, 360.0])
        self.assertEqual(
            _dates(lines), [date(2027, 3, 31), date(2028, 3, 31), date(2029, 3, 31)]
        )
        self.assertEqual(lines[0].period_start, date(2026, 4, 1))
        # Yearly boards accept a fiscal year ending mid-month (25 March):
        # 1200 / 2 years = 600 a year.
        lines = compute_board(
            cost=1200,
            method="linear",
            useful_life_months=24,
            period="yearly",
            in_service_date=date(2026, 3, 26),
            fiscal_year_last_month=3,
            fiscal_year_last_day=25,
        )
        self.assertEqual(_amounts(lines), [600.0, 600.0])
        self.assertEqual(_dates(lines), [date(2027, 3, 25), date(2028, 3, 25)])

    def test_yearly_life_not_multiple_of_period(self):
        # 3000 over 30 months yearly: 12/30, 12/30, then 6/30 of the amount.
        lines = compute_board(
            cost=3000,
            method="linear",
            useful_life_months=30,
            period="yearly",
            in_service_date=date(2026, 1, 1),
        )
        self.assertEqual(_amounts(lines), [1200.0, 1200.0, 600.0])

    def test_rounding_absorbed_by_last_line(self):
        # 1000 / 3 = 333.333 -> 333.33, 333.33, last 1000 - 666.66 = 333.34.
        lines = compute_board(
            cost=1000,
            method="linear",
            useful_life_months=3,
            period="monthly",
            in_service_date=date(2026, 1, 1),
        )
        self.assertEqual(_amounts(lines), [333.33, 333.33, 333.34])
        self.assertEqual([line.accumulated for line in lines], [333.33, 666.66, 1000.0])

    def test_rounding_over_long_life(self):
        # 1000 / 60 = 16.667 -> 16.67 x 59 = 983.53, last 16.47.
        lines = compute_board(
            cost=1000,
            method="linear",
            useful_life_months=60,
            period="monthly",
            in_service_date=date(2026, 1, 1),
        )
        self.assertEqual(_amounts(lines), [16.67] * 59 + [16.47])
        self.assertEqual(lines[-1].accumulated, 1000.0)

    def test_no_zero_lines_and_never_below_salvage(self):
        # 0.10 / 12 = 0.0083 -> 0.01 a month: the 0.10 are used up after ten
        # months and the last two months would be zero, so they are dropped.
        lines = compute_board(
            cost=0.10,
            method="linear",
            useful_life_months=12,
            period="monthly",
            in_service_date=date(2026, 1, 1),
        )
        self.assertEqual(_amounts(lines), [0.01] * 10)
        self.assertEqual(lines[-1].date, date(2026, 10, 31))
        self.assertEqual(lines[-1].remaining, 0.0)

    def test_opening_accumulated_linear(self):
        # Migrated asset: cost 3600, 1200 already depreciated, 24 months left:
        # (3600 - 1200) / 24 = 100.00; accumulated starts from 1200.
        lines = compute_board(
            cost=3600,
            method="linear",
            useful_life_months=24,
            period="monthly",
            in_service_date=date(2027, 1, 1),
            opening_accumulated=1200,
        )
        self.assertEqual(_amounts(lines), [100.0] * 24)
        self.assertEqual(lines[0].accumulated, 1300.0)
        self.assertEqual(lines[0].remaining, 2300.0)
        self.assertEqual(lines[-1].accumulated, 3600.0)
        self.assertEqual(lines[-1].date, date(2028, 12, 31))

    def test_opening_accumulated_degressive(self):
        # Book value 1000 - 400 = 600: 40% x 600 = 240, the last year takes 360.
        lines = compute_board(
            cost=1000,
            method="degressive",
            declining_rate=0.4,
            useful_life_months=24,
            period="yearly",
            in_service_date=date(2027, 1, 1),
            opening_accumulated=400,
        )
        self.assertEqual(_amounts(lines), [240.0, 360.0])
        self.assertEqual([line.accumulated for line in lines], [640.0, 1000.0])

    def test_fully_depreciated_or_nothing_to_depreciate(self):
        common = {
            "method": "linear",
            "useful_life_months": 12,
            "period": "monthly",
            "in_service_date": date(2026, 1, 1),
        }
        self.assertEqual(compute_board(cost=500, salvage=500, **common), [])
        self.assertEqual(compute_board(cost=0, **common), [])
        self.assertEqual(compute_board(cost=500, opening_accumulated=500, **common), [])

    def test_method_none(self):
        lines = compute_board(
            cost=1000,
            method="none",
            useful_life_months=0,
            period="monthly",
            in_service_date=date(2026, 1, 1),
        )
        self.assertEqual(lines, [])

    def test_bad_inputs(self):
        valid = {
            "cost": 1000,
            "salvage": 0,
            "method": "degressive",
            "declining_rate": 0.4,
            "useful_life_months": 36,
            "period": "monthly",
            "in_service_date": date(2026, 1, 1),
        }
        cases = [
            ({"cost": -1}, "cost must not be negative"),
            ({"salvage": -1}, "salvage value must not be negative"),
            ({"salvage": 1000.01}, "exceeds the cost"),
            ({"useful_life_months": 0}, "useful life"),
            ({"useful_life_months": -12}, "useful life"),
            ({"declining_rate": 0}, "declining rate"),
            ({"declining_rate": 1.5}, "declining rate"),
            ({"method": "sum_of_digits"}, "unknown depreciation method"),
            ({"period": "weekly"}, "unknown period"),
            ({"prorata": "monthly"}, "unknown prorata"),
            ({"opening_accumulated": 1000.01}, "exceeds the depreciable amount"),
            ({"opening_accumulated": -5}, "must not be negative"),
            ({"fiscal_year_last_month": 13}, "fiscal year last month"),
            ({"fiscal_year_last_day": 0}, "fiscal year last day"),
            ({"fiscal_year_last_day": 25}, "last day of a month"),
            ({"rounding_digits": -1}, "rounding_digits"),
        ]
        for change, message in cases:
            with (
                self.subTest(change=change),
                self.assertRaisesRegex(ValueError, message),
            ):
                compute_board(**{**valid, **change})
        with self.assertRaisesRegex(TypeError, "in-service date must be a date"):
            compute_board(**{**valid, "in_service_date": "2026-01-01"})
        # A rate of 100% is valid: everything in the first fiscal year.
        lines = compute_board(**{**valid, "declining_rate": 1, "period": "yearly"})
        self.assertEqual(_amounts(lines), [1000.0])


@tagged("post_install", "-at_install")
class TestDepreciationRecompute(BaseCase):
    def test_new_useful_life(self):
        # 3600 over 36 months, 12 months posted (book value 2400); the life is
        # extended to 48 months from January 2027: 2400 / 48 = 50.00.
        lines = recompute_board(
            cost=3600,
            book_value=2400,
            remaining_months=48,
            period="monthly",
            resume_date=date(2027, 1, 1),
        )
        self.assertEqual(_amounts(lines), [50.0] * 48)
        self.assertEqual(lines[0].date, date(2027, 1, 31))
        self.assertEqual(lines[0].accumulated, 1250.0)
        self.assertEqual(lines[-1].date, date(2030, 12, 31))
        self.assertEqual(lines[-1].remaining, 0.0)

    def test_impairment(self):
        # Book value 2400 impaired by 600 -> 1800 over the 24 months left:
        # 75.00 a month; accumulated = 3600 - (1800 - 75) = 1875.
        lines = recompute_board(
            cost=3600,
            book_value=1800,
            remaining_months=24,
            period="monthly",
            resume_date=date(2027, 1, 1),
        )
        self.assertEqual(_amounts(lines), [75.0] * 24)
        self.assertEqual(lines[0].accumulated, 1875.0)
        self.assertEqual(lines[0].remaining, 1725.0)

    def test_new_salvage(self):
        # (2400 - 600) / 24 = 75.00; the book value stops at the salvage.
        lines = recompute_board(
            cost=3600,
            book_value=2400,
            salvage=600,
            remaining_months=24,
            period="monthly",
            resume_date=date(2027, 1, 1),
        )
        self.assertEqual(_amounts(lines), [75.0] * 24)
        self.assertEqual(lines[-1].remaining, 600.0)

    def test_resume_mid_fiscal_year_degressive(self):
        # Resume in July with book value 600: 40% x 600 x 6/12 = 120 for the
        # rest of 2027 (20.00 a month), the last year (2028, life ends June)
        # takes the 480 left over 6 months = 80.00 a month.
        lines = recompute_board(
            cost=1000,
            book_value=600,
            method="degressive",
            declining_rate=0.4,
            remaining_months=12,
            period="monthly",
            resume_date=date(2027, 7, 1),
        )
        self.assertEqual(_amounts(lines), [20.0] * 6 + [80.0] * 6)
        self.assertEqual(lines[-1].date, date(2028, 6, 30))

    def test_bad_book_value(self):
        common = {"remaining_months": 12, "period": "monthly"}
        with self.assertRaisesRegex(ValueError, "below the salvage"):
            recompute_board(
                cost=1000,
                book_value=100,
                salvage=200,
                resume_date=date(2027, 1, 1),
                **common,
            )
        with self.assertRaisesRegex(ValueError, "exceeds the cost"):
            recompute_board(
                cost=1000, book_value=1200, resume_date=date(2027, 1, 1), **common
            )


@tagged("post_install", "-at_install")
class TestDepreciationHelpers(BaseCase):
    def test_period_end(self):
        self.assertEqual(period_end(date(2028, 2, 10), "monthly"), date(2028, 2, 29))
        self.assertEqual(period_end(date(2026, 5, 4), "quarterly"), date(2026, 6, 30))
        self.assertEqual(period_end(date(2026, 5, 4), "yearly"), date(2026, 12, 31))
        # Fiscal year ending 31 March: quarters end June, Sept, Dec, March.
        ends = [
            period_end(date(2026, month, 15), "quarterly", 3, 31)
            for month in (4, 7, 10, 1)
        ]
        self.assertEqual(
            ends,
            [
                date(2026, 6, 30),
                date(2026, 9, 30),
                date(2026, 12, 31),
                date(2026, 3, 31),
            ],
        )
        self.assertEqual(
            period_end(date(2026, 5, 4), "yearly", 3, 31), date(2027, 3, 31)
        )

    def test_period_bounds(self):
        self.assertEqual(
            period_bounds(date(2027, 2, 1), "quarterly", 3, 31),
            (date(2027, 1, 1), date(2027, 3, 31)),
        )
        self.assertEqual(
            period_bounds(date(2026, 3, 31), "monthly"),
            (date(2026, 3, 1), date(2026, 3, 31)),
        )

    def test_fiscal_year_bounds(self):
        self.assertEqual(
            fiscal_year_bounds(date(2026, 3, 31), 3, 31),
            (date(2025, 4, 1), date(2026, 3, 31)),
        )
        self.assertEqual(
            fiscal_year_bounds(date(2026, 4, 1), 3, 31),
            (date(2026, 4, 1), date(2027, 3, 31)),
        )
        # A fiscal year ending 28 February ends on the 29th in leap years.
        self.assertEqual(
            fiscal_year_bounds(date(2024, 2, 29), 2, 28),
            (date(2023, 3, 1), date(2024, 2, 29)),
        )
        # Any day works for the fiscal year itself (and for yearly boards).
        self.assertEqual(
            fiscal_year_bounds(date(2026, 3, 26), 3, 25),
            (date(2026, 3, 26), date(2027, 3, 25)),
        )

    def test_daily_share(self):
        # 310 for January, disposal on the 10th: 310 x 10 / 31 = 100.00.
        jan_1, jan_31 = date(2026, 1, 1), date(2026, 1, 31)
        self.assertEqual(daily_share(310, jan_1, jan_31, date(2026, 1, 10)), 100.0)
        # 100 x 16 / 31 = 51.6129 -> 51.61.
        self.assertEqual(daily_share(100, jan_1, jan_31, date(2026, 1, 16)), 51.61)
        self.assertEqual(daily_share(100, jan_1, jan_31, jan_31), 100.0)
        with self.assertRaisesRegex(ValueError, "outside the period"):
            daily_share(100, jan_1, jan_31, date(2026, 2, 1))

    def test_round_currency(self):
        # Half up, in spite of 2.675 being stored as 2.67499999...
        self.assertEqual(round_currency(2.675), 2.68)
        self.assertEqual(round_currency(0.125), 0.13)
        self.assertEqual(round_currency(1234.5, 0), 1235.0)
