# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime as dt

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tests import TransactionCase
from odoo.tools import SQL


class CommittedDepreciationCase(TransactionCase):
    """Capitalised assets committed to the database, for tests that post on
    two real connections at once (removed in tearDownClass). Subclasses set
    ``code`` (accounts and journal), ``asset_count``, ``journal_vals`` and
    ``category_vals``."""

    code = "ITCC"
    asset_count = 3
    journal_vals = {}
    category_vals = {}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.db = sql_db.db_connect(cls.env.cr.dbname)
        with cls.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            accounts = env["account.account"].create(
                [
                    {
                        "name": f"{cls.code} accumulated",
                        "code": f"{cls.code}01",
                        "account_type": "asset_fixed",
                    },
                    {
                        "name": f"{cls.code} expense",
                        "code": f"{cls.code}02",
                        "account_type": "expense_depreciation",
                    },
                ]
            )
            journal = env["account.journal"].create(
                {
                    "name": f"{cls.code} assets",
                    "code": cls.code,
                    "type": "general",
                    **cls.journal_vals,
                }
            )
            category = env["it.asset.category"].create(
                {
                    "name": f"{cls.code} laptops",
                    "useful_life_months": 12,
                    "account_depreciation_id": accounts[0].id,
                    "account_expense_id": accounts[1].id,
                    "journal_id": journal.id,
                    **cls.category_vals,
                }
            )
            assets = env["it.asset"].create(
                [
                    {
                        "name": f"{cls.code} {i}",
                        "category_id": category.id,
                        "acquisition_cost": 1200.0,
                    }
                    for i in range(cls.asset_count)
                ]
            )
            assets._it_asset_on_capitalised(dt.date(2026, 1, 1))
            cls.asset_ids = assets.ids
            cls.journal_id = journal.id
            cls.fixture = (accounts.ids, journal.id, category.id)

    @classmethod
    def tearDownClass(cls):
        account_ids, journal_id, category_id = cls.fixture
        with cls.db.cursor() as cr:
            for query in (
                SQL(
                    "DELETE FROM it_asset_depreciation_line WHERE asset_id = ANY(%s)",
                    cls.asset_ids,
                ),
                # hashed entries cannot be deleted through the ORM
                SQL("DELETE FROM account_move WHERE journal_id = %s", journal_id),
                SQL(
                    "DELETE FROM mail_message WHERE model = 'it.asset' "
                    "AND res_id = ANY(%s)",
                    cls.asset_ids,
                ),
                SQL(
                    "DELETE FROM mail_followers WHERE res_model = 'it.asset' "
                    "AND res_id = ANY(%s)",
                    cls.asset_ids,
                ),
                SQL(
                    "DELETE FROM mail_activity WHERE res_model = 'it.asset' "
                    "AND res_id = ANY(%s)",
                    cls.asset_ids,
                ),
                SQL("DELETE FROM it_asset WHERE id = ANY(%s)", cls.asset_ids),
                SQL("DELETE FROM it_asset_category WHERE id = %s", category_id),
                SQL("DELETE FROM account_journal WHERE id = %s", journal_id),
                SQL("DELETE FROM account_account WHERE id = ANY(%s)", account_ids),
            ):
                cr.execute(query)
        super().tearDownClass()

    def _env(self, cr, lock_timeout="20s"):
        cr.execute(SQL("SET LOCAL lock_timeout = %s", lock_timeout))
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _unpost(self):
        """Undo what the runs of a test committed, for the next test."""
        with self.db.cursor() as cr:
            cr.execute(
                SQL(
                    "UPDATE it_asset_depreciation_line SET move_id = NULL, "
                    "posting_date = NULL, failure_message = NULL "
                    "WHERE asset_id = ANY(%s)",
                    self.asset_ids,
                )
            )
            cr.execute(
                SQL("DELETE FROM account_move WHERE journal_id = %s", self.journal_id)
            )
