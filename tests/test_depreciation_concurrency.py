# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime as dt

import psycopg2

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger

_DATE = dt.date(2026, 2, 28)


@tagged("post_install", "-at_install")
class TestDepreciationConcurrency(TransactionCase):
    """Two runs at the same time, on two real database connections, never post
    a line twice: the rows are locked FOR UPDATE SKIP LOCKED and the period of
    an asset is unique in the database."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.db = sql_db.db_connect(cls.env.cr.dbname)
        # committed fixtures, visible to the two cursors (removed in tearDownClass)
        with cls.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            Account = env["account.account"]
            accounts = Account.create(
                [
                    {
                        "name": "Conc. accumulated",
                        "code": "ITCC01",
                        "account_type": "asset_fixed",
                    },
                    {
                        "name": "Conc. expense",
                        "code": "ITCC02",
                        "account_type": "expense_depreciation",
                    },
                ]
            )
            journal = env["account.journal"].create(
                {"name": "Conc. assets", "code": "ITCC", "type": "general"}
            )
            category = env["it.asset.category"].create(
                {
                    "name": "Concurrency laptops",
                    "useful_life_months": 12,
                    "account_depreciation_id": accounts[0].id,
                    "account_expense_id": accounts[1].id,
                    "journal_id": journal.id,
                }
            )
            assets = env["it.asset"].create(
                [
                    {
                        "name": f"Concurrent {i}",
                        "category_id": category.id,
                        "acquisition_cost": 1200.0,
                    }
                    for i in range(3)
                ]
            )
            assets._it_asset_on_capitalised(dt.date(2026, 1, 1))
            cls.asset_ids = assets.ids
            cls.fixture = (accounts.ids, journal.id, category.id)

    @classmethod
    def tearDownClass(cls):
        account_ids, journal_id, category_id = cls.fixture
        with cls.db.cursor() as cr:
            cr.execute(
                SQL(
                    "DELETE FROM it_asset_depreciation_line WHERE asset_id = ANY(%s)",
                    cls.asset_ids,
                )
            )
            cr.execute(SQL("DELETE FROM it_asset WHERE id = ANY(%s)", cls.asset_ids))
            cr.execute(SQL("DELETE FROM it_asset_category WHERE id = %s", category_id))
            cr.execute(
                SQL(
                    "DELETE FROM mail_message "
                    "WHERE model = 'it.asset' AND res_id = ANY(%s)",
                    cls.asset_ids,
                )
            )
            cr.execute(
                SQL(
                    "DELETE FROM mail_followers WHERE res_model = 'it.asset' "
                    "AND res_id = ANY(%s)",
                    cls.asset_ids,
                )
            )
            cr.execute(SQL("DELETE FROM account_journal WHERE id = %s", journal_id))
            cr.execute(
                SQL("DELETE FROM account_account WHERE id = ANY(%s)", account_ids)
            )
        super().tearDownClass()

    def _env(self, cr):
        cr.execute("SET LOCAL lock_timeout = '20s'")
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

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
