# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime as dt
import sys
import threading
import time
import traceback

from odoo.tests import tagged

from .common_committed import CommittedDepreciationCase

_DATE = dt.date(2026, 1, 31)
_ASSETS = 6


@tagged("post_install", "-at_install")
class TestDepreciationHashConcurrency(CommittedDepreciationCase):
    """Two runs at once on a journal that locks posted entries with a hash
    (two real database connections, the second in its own thread): the
    second waits for the first to commit, then posts the rest: no gap, no
    failure, nothing left unposted, the hash chain intact."""

    code = "ITHC"
    asset_count = _ASSETS
    journal_vals = {"restrict_mode_hash_table": True}

    def tearDown(self):
        self._unpost()
        super().tearDown()

    def _env(self, cr, lock_timeout="30s"):
        return super()._env(cr, lock_timeout)

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
                if r["journal_name"].startswith(f"{self.code} assets")
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
