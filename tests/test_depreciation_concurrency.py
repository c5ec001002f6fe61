# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime as dt

import psycopg2

from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common_committed import CommittedDepreciationCase

_DATE = dt.date(2026, 2, 28)


@tagged("post_install", "-at_install")
class TestDepreciationConcurrency(CommittedDepreciationCase):
    """Two runs at the same time, on two real database connections, never post
    a line twice: the rows are locked FOR UPDATE SKIP LOCKED and the period of
    an asset is unique in the database."""

    code = "ITCC"
    asset_count = 3

    def test_two_runs_never_share_a_line(self):
        with self.db.cursor() as cr_a, self.db.cursor() as cr_b:
            try:
                env_a, env_b = self._env(cr_a), self._env(cr_b)
                # run A holds its lines (Jan + Feb of three assets) ...
                locked = env_a["it.asset.depreciation.line"]._lock_lines_to_post(
                    _DATE, 100, asset_ids=self.asset_ids
                )
                self.assertEqual(len(locked), 6)
                # ... run B skips them instead of waiting or posting them again
                result_b = env_b["it.asset"]._post_depreciation_up_to(
                    _DATE, asset_ids=self.asset_ids
                )
                self.assertEqual(result_b["posted"], 0)
                # A posts them all, B still sees nothing to post
                env_a["it.asset.depreciation.line"].browse(
                    locked
                )._post_depreciation_lines()
                cr_a.execute(
                    SQL(
                        "SELECT count(*) FROM it_asset_depreciation_line "
                        "WHERE asset_id = ANY(%s) AND move_id IS NOT NULL",
                        self.asset_ids,
                    )
                )
                self.assertEqual(cr_a.fetchone()[0], 6)
                result_b = env_b["it.asset"]._post_depreciation_up_to(
                    _DATE, asset_ids=self.asset_ids
                )
                self.assertEqual(result_b["posted"], 0)
            finally:
                cr_a.rollback()
                cr_b.rollback()

    def test_database_refuses_a_second_line_for_a_period(self):
        with self.db.cursor() as cr:
            try:
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaises(psycopg2.IntegrityError),
                ):
                    cr.execute(
                        SQL(
                            """INSERT INTO it_asset_depreciation_line
                                (asset_id, date, period_start, amount)
                               SELECT asset_id, date, period_start, amount
                                 FROM it_asset_depreciation_line
                                WHERE asset_id = %s LIMIT 1""",
                            self.asset_ids[0],
                        )
                    )
            finally:
                cr.rollback()
