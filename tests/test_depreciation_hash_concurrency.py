# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime as dt
import sys
import threading
import time
import traceback

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

_DATE = dt.date(2026, 1, 31)
_ASSETS = 6


@tagged("post_install", "-at_install")
class TestDepreciationHashConcurrency(TransactionCase):
    """Two runs at once on a journal that locks posted entries with a hash
    (two real database connections, the second in its own thread): the
    second waits for the first to commit, then posts the rest: no gap, no
    failure, nothing left unposted, the hash chain intact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.db = sql_db.db_connect(cls.env.cr.dbname)
        with cls.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            accounts = env["account.account"].create(
                [
                    {
                        "name": "Hash accumulated",
                        "code": "ITHC01",
                        "account_type": "asset_fixed",
                    },
                    {
                        "name": "Hash expense",
                        "code": "ITHC02",
                        "account_type": "expense_depreciation",
                    },
                ]
            )
            journal = env["account.journal"].create(
                {
                    "name": "Hashed assets",
                    "code": "ITHC",
                    "type": "general",
                    "restrict_mode_hash_table": True,
                }
            )
            category = env["it.asset.category"].create(
                {
                    "name": "Hashed laptops",
                    "useful_life_months": 12,
                    "account_depreciation_id": accounts[0].id,
                    "account_expense_id": accounts[1].id,
                    "journal_id": journal.id,
                }
            )
            assets = env["it.asset"].create(
                [
                    {
                        "name": f"Hashed {i}",
                        "category_id": category.id,
                        "acquisition_cost": 1200.0,
                    }
                    for i in range(_ASSETS)
                ]
            )
            assets._it_asset_on_capitalised(dt.date(2026, 1, 1))
            cls.asset_ids = assets.ids
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
                    "DELETE FROM mail_message WHERE (model = 'it.asset' "
                    "AND res_id = ANY(%s)) OR model = 'account.move' "
                    "AND res_id NOT IN (SELECT id FROM account_move)",
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

    def tearDown(self):
        # undo what the runs committed, for the next test
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
                SQL("DELETE FROM account_move WHERE journal_id = %s", self.fixture[1])
            )
        super().tearDown()

    def _env(self, cr):
        cr.execute("SET LOCAL lock_timeout = '30s'")
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def test_second_run_waits_and_posts_the_rest(self):
        result_b = {}
        # run B's environment is made here: Odoo's test runner holds the
        # registry lock in this thread
        cr_b = self.db.cursor()
        env_b = self._env(cr_b)

        def run_b():
            with cr_b:
                result_b.update(
                    env_b["it.asset"]._post_depreciation_up_to(
                        _DATE, asset_ids=self.asset_ids, commit=True
                    )
                )

        with self.db.cursor() as cr_a:
            env_a = self._env(cr_a)
            Line = env_a["it.asset.depreciation.line"]
            # run A numbers and hashes half of the entries, not committed yet
            locked = Line._lock_lines_to_post(_DATE, 3, asset_ids=self.asset_ids)
            Line.browse(locked)._post_depreciation_lines()
            thread = threading.Thread(target=run_b, name="it_asset_run_b")
            thread.start()
            time.sleep(1.0)
            self.assertTrue(thread.is_alive(), "run B did not wait for run A")
            cr_a.commit()
        thread.join(60)
        if thread.is_alive():  # where run B is stuck, for the failure message
            stack = "".join(traceback.format_stack(sys._current_frames()[thread.ident]))
            self.fail(f"run B is still waiting:\n{stack}")
        self.assertEqual(result_b.get("failed"), {})
        self.assertEqual(result_b.get("posted"), _ASSETS - 3)
        with self.db.cursor() as cr:
            env = self._env(cr)
            lines = env["it.asset.depreciation.line"].search(
                [("asset_id", "in", self.asset_ids), ("date", "=", _DATE)]
            )
            self.assertEqual(len(lines), _ASSETS)
            self.assertTrue(all(lines.mapped("move_id")))
            self.assertEqual(len(lines.move_id), _ASSETS)
            self.assertFalse(any(lines.mapped("failure_message")))
            moves = lines.move_id
            self.assertTrue(all(moves.mapped("inalterable_hash")))
            self.assertEqual(
                sorted(moves.mapped("sequence_number")), list(range(1, _ASSETS + 1))
            )
            # as an accountant (Odoo's integrity report asks for one)
            admin = env.ref("base.user_admin")
            admin.groups_id += env.ref("account.group_account_user")
            integrity = env.company.with_user(admin)._check_hash_integrity()
            statuses = [
                r["status"]
                for r in integrity["results"]
                if r["journal_name"].startswith("Hashed assets")
            ]
            self.assertEqual(statuses, ["verified"], integrity)
            cr.rollback()

    def test_a_run_that_cannot_commit_leaves_the_rest_to_the_next(self):
        """A run that does not commit (Post Depreciation from the menu) and
        began before the other run committed defers, without failing."""
        with self.db.cursor() as cr_a, self.db.cursor() as cr_b:
            env_a, env_b = self._env(cr_a), self._env(cr_b)
            # B's snapshot begins before A's entries are committed
            env_b["it.asset"].search_count([("id", "in", self.asset_ids)])
            Line = env_a["it.asset.depreciation.line"]
            locked = Line._lock_lines_to_post(_DATE, 3, asset_ids=self.asset_ids)
            Line.browse(locked)._post_depreciation_lines()
            cr_a.commit()
            result_b = env_b["it.asset"]._post_depreciation_up_to(
                _DATE, asset_ids=self.asset_ids
            )
            self.assertEqual(result_b["failed"], {})
            self.assertEqual(result_b["posted"], 0)
            self.assertTrue(result_b["interrupted"])
            self.assertFalse(
                env_b["it.asset.depreciation.line"]
                .search([("asset_id", "in", self.asset_ids)])
                .filtered("failure_message")
            )
            cr_b.rollback()
        # the next run posts them
        with self.db.cursor() as cr_c:
            result_c = self._env(cr_c)["it.asset"]._post_depreciation_up_to(
                _DATE, asset_ids=self.asset_ids
            )
            self.assertEqual((result_c["posted"], result_c["failed"]), (3, {}))
            cr_c.rollback()
