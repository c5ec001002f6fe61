# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import sys
import threading
import time
import traceback

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL


@tagged("post_install", "-at_install")
class TestAssetAuditConcurrency(TransactionCase):
    """Two auditors scan the same asset at the same moment, on two real
    database connections (the second in its own thread): the second waits
    for the first, then sees its result; one line result, no error for
    either. Fixtures are committed (and removed in tearDownClass)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.db = sql_db.db_connect(cls.env.cr.dbname)
        with cls.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            location = env["stock.location"].create(
                {"name": "Concurrent audit room", "usage": "internal"}
            )
            category = env["it.asset.category"].create({"name": "Concurrent audit"})
            asset = env["it.asset"].create(
                {
                    "name": "Concurrent laptop",
                    "category_id": category.id,
                    "location_id": location.id,
                    "state": "in_stock",
                }
            )
            audit = env["it.asset.audit"].create(
                {"location_ids": [(6, 0, location.ids)]}
            )
            audit.action_start()
            cls.fixture = {
                "location": location.id,
                "category": category.id,
                "asset": asset.id,
                "tag": asset.tag,
                "audit": audit.id,
            }

    @classmethod
    def tearDownClass(cls):
        fixture = cls.fixture
        with cls.db.cursor() as cr:
            for query in (
                SQL("DELETE FROM it_asset_audit WHERE id = %s", fixture["audit"]),
                SQL(
                    "DELETE FROM mail_message WHERE (model = 'it.asset' "
                    "AND res_id = %s) OR (model = 'it.asset.audit' AND res_id = %s)",
                    fixture["asset"],
                    fixture["audit"],
                ),
                SQL(
                    "DELETE FROM mail_followers WHERE (res_model = 'it.asset' "
                    "AND res_id = %s) OR (res_model = 'it.asset.audit' "
                    "AND res_id = %s)",
                    fixture["asset"],
                    fixture["audit"],
                ),
                SQL("DELETE FROM it_asset WHERE id = %s", fixture["asset"]),
                SQL("DELETE FROM it_asset_category WHERE id = %s", fixture["category"]),
                SQL("DELETE FROM stock_location WHERE id = %s", fixture["location"]),
            ):
                cr.execute(query)
        super().tearDownClass()

    def _env(self, cr):
        cr.execute(SQL("SET LOCAL lock_timeout = %s", "30s"))
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _scan_concurrently(self, code):
        """Scan ``code`` in A (not committed), then in B (a thread), then
        commit A: returns both replies."""
        reply_b = {}
        failure = []
        # B's environment is made here: Odoo's test runner holds the
        # registry lock in this thread
        cr_b = self.db.cursor()
        env_b = self._env(cr_b)

        def scan_b():
            try:
                with cr_b:
                    reply_b.update(
                        env_b["it.asset.audit"]
                        .browse(self.fixture["audit"])
                        .record_scan(code, self.fixture["location"])
                    )
            except Exception:  # reported in the main thread
                failure.append(traceback.format_exc())

        with self.db.cursor() as cr_a:
            env_a = self._env(cr_a)
            audit_a = env_a["it.asset.audit"].browse(self.fixture["audit"])
            reply_a = audit_a.record_scan(code, self.fixture["location"])
            thread = threading.Thread(target=scan_b, name="it_asset_audit_scan_b")
            thread.start()
            time.sleep(1.0)
            self.assertTrue(thread.is_alive(), "scan B did not wait for scan A")
            cr_a.commit()
        thread.join(60)
        if thread.is_alive():
            stack = "".join(traceback.format_stack(sys._current_frames()[thread.ident]))
            self.fail(f"scan B is still waiting:\n{stack}")
        self.assertFalse(failure, failure and failure[0])
        return reply_a, reply_b

    def test_same_asset_scanned_at_once_gives_one_result(self):
        reply_a, reply_b = self._scan_concurrently(self.fixture["tag"])
        self.assertEqual(reply_a["kind"], "found")
        self.assertEqual(reply_b["kind"], "duplicate")
        self.assertIn("same moment", reply_b["message"])
        with self.db.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT result, scan_count FROM it_asset_audit_line "
                    "WHERE audit_id = %s AND asset_id = %s",
                    self.fixture["audit"],
                    self.fixture["asset"],
                )
            )
            self.assertEqual(cr.fetchall(), [("found", 1)])

    def test_same_unknown_code_scanned_at_once_is_kept_once(self):
        reply_a, reply_b = self._scan_concurrently("CONCURRENT-UNKNOWN-1")
        self.assertEqual(reply_a["kind"], "unknown")
        self.assertEqual(reply_b["kind"], "unknown")
        with self.db.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT code, count FROM it_asset_audit_unknown "
                    "WHERE audit_id = %s",
                    self.fixture["audit"],
                )
            )
            self.assertEqual(cr.fetchall(), [("CONCURRENT-UNKNOWN-1", 1)])
