# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime as dt

from odoo.tests import tagged
from odoo.tools import SQL

from .common_committed import CommittedDepreciationCase

_DATE = dt.date(2026, 2, 28)
_ASSETS = 5


@tagged("post_install", "-at_install")
class TestDepreciationSummaryPeriods(CommittedDepreciationCase):
    """Summary mode: exactly one entry per category, company and period,
    whatever the batch size and however many runs post at once (two real
    database connections)."""

    code = "ITSP"
    asset_count = _ASSETS
    category_vals = {"posting_mode": "summary"}

    def _entries_by_period(self, cr):
        """{period: (number of entries, number of lines)} of the fixture."""
        cr.execute(
            SQL(
                "SELECT date, count(DISTINCT move_id), count(*) "
                "FROM it_asset_depreciation_line "
                "WHERE asset_id = ANY(%s) AND move_id IS NOT NULL GROUP BY date",
                self.asset_ids,
            )
        )
        return {date: (moves, lines) for date, moves, lines in cr.fetchall()}

    def test_a_batch_smaller_than_a_period_still_makes_one_entry(self):
        result = self.env["it.asset"]._post_depreciation_up_to(
            _DATE, batch_size=2, asset_ids=self.asset_ids
        )
        self.assertEqual((result["posted"], result["moves"]), (2 * _ASSETS, 2))
        self.assertEqual(
            self._entries_by_period(self.env.cr),
            {dt.date(2026, 1, 31): (1, _ASSETS), _DATE: (1, _ASSETS)},
        )

    def test_posting_one_asset_posts_its_whole_period(self):
        """A disposal posts its asset's due periods first: in summary mode
        each with the whole category's lines, never half a period."""
        result = self.env["it.asset"]._post_depreciation_up_to(
            dt.date(2026, 1, 31), asset_ids=self.asset_ids[:1]
        )
        self.assertEqual((result["posted"], result["moves"]), (_ASSETS, 1))

    def test_two_runs_at_once_make_one_entry_per_period(self):
        with self.db.cursor() as cr_a, self.db.cursor() as cr_b:
            try:
                env_a, env_b = self._env(cr_a), self._env(cr_b)
                Line_a = env_a["it.asset.depreciation.line"]
                # run A takes January (every line of it), not February yet
                groups = Line_a._lock_summary_groups(_DATE, 1, asset_ids=self.asset_ids)
                self.assertEqual([len(group) for group in groups], [_ASSETS])
                # run B, with batches of 2 lines, skips January and posts
                # February whole
                result_b = env_b["it.asset"]._post_depreciation_up_to(
                    _DATE, batch_size=2, asset_ids=self.asset_ids
                )
                self.assertEqual((result_b["posted"], result_b["moves"]), (_ASSETS, 1))
                self.assertFalse(result_b["failed"])
                Line_a.browse(groups[0])._post_depreciation_lines()
                cr_a.commit()
                cr_b.commit()
                # once both ended: one entry per period, nothing left to post
                self.assertEqual(
                    self._entries_by_period(cr_a),
                    {dt.date(2026, 1, 31): (1, _ASSETS), _DATE: (1, _ASSETS)},
                )
                again = env_b["it.asset"]._post_depreciation_up_to(
                    _DATE, asset_ids=self.asset_ids
                )
                self.assertEqual(again["posted"], 0)
            finally:
                cr_a.rollback()
                cr_b.rollback()
                self._unpost()
