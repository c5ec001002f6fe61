# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.it_asset.lib import lifecycle as lc

from .common import ItAssetCase


@tagged("post_install", "-at_install")
class TestAssetRegister(ItAssetCase):
    # --- tags -------------------------------------------------------------
    def test_tag_from_sequence_in_batch(self):
        assets = self.env["it.asset"].create(
            [
                {"name": f"Laptop {i}", "category_id": self.category_laptop.id}
                for i in range(5)
            ]
        )
        tags = assets.mapped("tag")
        self.assertTrue(all(re.fullmatch(r"ITA-\d{6}", t) for t in tags), tags)
        numbers = sorted(int(t[4:]) for t in tags)
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 5)))
        self.assertEqual(assets[0].display_name, f"[{assets[0].tag}] Laptop 0")

    def test_tag_batch_create_uses_constant_queries(self):
        Asset = self.env["it.asset"]
        vals = [{"name": "x", "category_id": self.category_laptop.id}]
        Asset.create(vals)  # warm caches
        Asset.invalidate_model()
        # one nextval for all the tags, one INSERT: the same for 1 or 30 assets
        with self.assertQueryCount(__system__=4):
            Asset.create(vals * 1)
        Asset.invalidate_model()
        with self.assertQueryCount(__system__=4):
            Asset.create(vals * 30)

    def test_tag_unique_per_company(self):
        asset = self._create_asset()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._create_asset(tag=asset.tag)
            self.env.flush_all()

    def test_search_by_tag_and_serial(self):
        asset = self._create_asset(name="Router", serial_number="SN-ROUTER-1")
        Asset = self.env["it.asset"]
        self.assertEqual(Asset.name_search(asset.tag)[0][0], asset.id)
        self.assertIn(asset.id, [r[0] for r in Asset.name_search("SN-ROUTER-1")])

    # --- serials ----------------------------------------------------------
    def test_serial_creates_and_links_stock_lot(self):
        asset = self._create_asset(
            product_id=self.product_laptop.id, serial_number="LT-001"
        )
        self.assertEqual(asset.lot_id.name, "LT-001")
        self.assertEqual(asset.lot_id.product_id, self.product_laptop)

    def test_existing_lot_is_reused(self):
        lot = self.env["stock.lot"].create(
            {"name": "LT-EXIST", "product_id": self.product_laptop.id}
        )
        asset = self._create_asset(
            product_id=self.product_laptop.id, serial_number="LT-EXIST"
        )
        self.assertEqual(asset.lot_id, lot)
        other = self._create_asset(
            lot_id=self.env["stock.lot"]
            .create({"name": "LT-LOT", "product_id": self.product_laptop.id})
            .id
        )
        self.assertEqual(other.serial_number, "LT-LOT")
        self.assertEqual(other.product_id, self.product_laptop)

    def test_serial_cannot_belong_to_two_assets(self):
        first = self._create_asset(
            product_id=self.product_laptop.id, serial_number="LT-DUP"
        )
        count = self.env["it.asset"].search_count([])
        with self.assertRaisesRegex(ValidationError, "LT-DUP.*already used by asset"):
            self._create_asset(
                product_id=self.product_laptop.id, serial_number="LT-DUP"
            )
        with self.assertRaises(ValidationError):
            self._create_asset(lot_id=first.lot_id.id)
        self.assertEqual(self.env["it.asset"].search_count([]), count)

    def test_untracked_serial_unique_per_product(self):
        self._create_asset(serial_number="FREE-1")
        with self.assertRaisesRegex(ValidationError, "FREE-1"):
            self._create_asset(serial_number="FREE-1")
        # the same serial text on another product is another device
        self._create_asset(
            serial_number="FREE-1",
            product_id=self.env["product.product"].create({"name": "Other"}).id,
        )

    def test_lot_of_another_product_refused(self):
        other = self.env["product.product"].create(
            {"name": "Dock", "is_storable": True, "tracking": "serial"}
        )
        lot = self.env["stock.lot"].create({"name": "DOCK-1", "product_id": other.id})
        with self.assertRaisesRegex(ValidationError, "DOCK-1 belongs to product"):
            self.env["it.asset"].create(
                {
                    "name": "x",
                    "category_id": self.category_laptop.id,
                    "product_id": self.product_laptop.id,
                    "lot_id": lot.id,
                    "serial_number": "DOCK-1",
                }
            )

    # --- bad input ----------------------------------------------------------
    def test_negative_cost_refused(self):
        with self.assertRaisesRegex(ValidationError, "cost cannot be negative"):
            self._create_asset(acquisition_cost=-1)
        asset = self._create_asset(acquisition_cost=10)
        with self.assertRaisesRegex(ValidationError, "cost cannot be negative"):
            asset.acquisition_cost = -5
            asset.flush_recordset()

    def test_warranty_before_acquisition_refused(self):
        with self.assertRaisesRegex(ValidationError, "warranty end date .* is before"):
            self._create_asset(
                acquisition_date=date(2026, 3, 1), warranty_end_date=date(2026, 2, 1)
            )

    # --- lifecycle ------------------------------------------------------------
    def test_every_allowed_transition_through_the_lifecycle(self):
        for old, targets in lc.ALLOWED_TRANSITIONS.items():
            for new in targets:
                asset = self._create_asset(state=old)
                asset.with_user(self.it_user)._change_state(new)
                self.assertRecordValues(asset, [{"state": new, "previous_state": old}])

    def test_every_refused_transition_changes_nothing(self):
        for old in lc.STATES:
            for new in set(lc.STATES) - lc.ALLOWED_TRANSITIONS[old] - {old}:
                asset = self._create_asset(state=old)
                with self.assertRaisesRegex(UserError, "cannot go from"):
                    asset.with_user(self.it_user)._change_state(new)
                self.assertEqual(asset.state, old)

    def test_actions_walk_the_lifecycle(self):
        asset = self._create_asset()
        self.assertEqual(asset.state, lc.DRAFT)
        asset.action_confirm()
        self.assertEqual(asset.state, lc.IN_STOCK)
        asset.action_deploy()
        self.assertEqual(asset.state, lc.IN_USE)
        asset.action_send_to_repair()
        asset.action_repair_done()
        self.assertEqual(
            asset.state, lc.IN_USE, "repair returns to the previous status"
        )
        asset.action_mark_missing()
        asset.action_found()
        self.assertEqual(asset.state, lc.IN_STOCK)
        asset.action_retire()
        asset.action_dispose()
        self.assertEqual(asset.state, lc.DISPOSED)
        with self.assertRaisesRegex(UserError, "Disposed to In Use"):
            asset.action_deploy()
        self.assertEqual(asset.state, lc.DISPOSED)

    def test_batch_action_is_all_or_nothing(self):
        ok = self._create_asset(state=lc.IN_STOCK)
        disposed = self._create_asset(state=lc.DISPOSED)
        with self.assertRaisesRegex(UserError, re.escape(disposed.display_name)):
            (ok | disposed).action_deploy()
        self.assertEqual(ok.state, lc.IN_STOCK)

    def test_repair_done_refused_when_not_in_repair(self):
        asset = self._create_asset(state=lc.IN_STOCK)
        with self.assertRaisesRegex(UserError, "not in repair"):
            asset.action_repair_done()

    def test_status_changes_are_tracked_in_chatter(self):
        asset = self._create_asset().with_context(tracking_disable=False)
        # Odoo tracks changes of records that existed before the transaction
        self.env.cr.precommit.run()
        asset.action_confirm()
        self.env.cr.precommit.run()  # tracking values are written at commit
        asset.invalidate_recordset(["message_ids"])
        tracked = asset.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertTrue(tracked)
        self.assertEqual(tracked[0].new_value_char, "In Stock")

    def test_only_draft_assets_can_be_deleted(self):
        draft = self._create_asset()
        used = self._create_asset(state=lc.IN_USE)
        with self.assertRaisesRegex(UserError, "only draft assets can be deleted"):
            used.unlink()
        draft.unlink()
        self.assertFalse(draft.exists())
        self.assertTrue(used.exists())

    # --- form -----------------------------------------------------------------
    def test_form_fills_from_product(self):
        self.category_laptop.product_category_ids = self.product_laptop.categ_id
        form = Form(self.env["it.asset"])
        form.product_id = self.product_laptop
        self.assertEqual(form.name, "Test Laptop 14")
        self.assertEqual(form.acquisition_cost, 1200.0)
        self.assertEqual(form.category_id, self.category_laptop)
        form.serial_number = "LT-FORM"
        asset = form.save()
        self.assertEqual(asset.lot_id.name, "LT-FORM")

    def test_category_counts_and_hierarchy(self):
        child = self.env["it.asset.category"].create(
            {"name": "Ultrabooks", "parent_id": self.category_laptop.id}
        )
        self.assertEqual(child.complete_name, "Test Laptops / Ultrabooks")
        self._create_asset(category_id=child.id)
        self._create_asset()
        self.assertEqual(child.asset_count, 1)
        action = self.category_laptop.action_view_assets()
        self.assertEqual(self.env["it.asset"].search_count(action["domain"]), 2)
        with self.assertRaisesRegex((UserError, ValidationError), "[Rr]ecursi"):
            self.category_laptop.parent_id = child
            self.category_laptop.flush_recordset()
