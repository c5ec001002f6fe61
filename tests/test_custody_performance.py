# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from .custody_common import CustodyCase

# queries of one bulk check-out, handover or check-in (register path; chatter
# tracking is off as in all the tests), whatever the number of assets; one
# of them reads the kits (components move with their kit)
CHECKOUT_QUERIES = 18
HANDOVER_QUERIES = 25
CHECKIN_QUERIES = 17


@tagged("post_install", "-at_install", "is_query_count")
class TestCustodyPerformance(CustodyCase):
    """A bulk check-out, handover or check-in costs the same number of
    queries for 10 or 100 assets (timings: `make bench BENCH=custody`)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.small = cls._create_assets(10)
        cls.large = cls._create_assets(100)
        cls.env.company._it_asset_holder_locations(cls.employee | cls.employee_2)
        # warm the caches (groups, sequences, location roles)
        cls.env["it.asset.custody"]._checkout(
            cls.assets, cls.department, date(2026, 3, 1)
        )

    def _checkout_counted(self, assets, employee):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        # one more query than the batch needs at most: in the whole suite,
        # Odoo sometimes reads the users of a large set in two prefetches
        # (seen on the batch check-out, not on the check-in or handover)
        with self.assertQueryCount(CHECKOUT_QUERIES + 1):
            self.env["it.asset.custody"]._checkout(assets, employee, date(2026, 3, 2))
        return self.env.cr.sql_log_count - before

    def test_bulk_checkout_query_count_does_not_grow(self):
        small = self._checkout_counted(self.small, self.employee)
        large = self._checkout_counted(self.large, self.employee_2)
        # 90 more assets: a per-asset query would add 90
        self.assertLessEqual(
            abs(large - small), 1, "queries must not grow with the asset count"
        )
        self.assertEqual(len(self.small.custody_id), 10)
        self.assertEqual(len(self.large.custody_id), 100)
        self.assertEqual(set(self.large.mapped("state")), {"in_use"})

    def _counted(self, func, expected):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        with self.assertQueryCount(expected):
            func()
        return self.env.cr.sql_log_count - before

    def test_bulk_handover_and_checkin_query_counts_do_not_grow(self):
        Custody = self.env["it.asset.custody"]
        for assets, employee in (
            (self.small, self.employee),
            (self.large, self.employee),
        ):
            Custody._checkout(assets, employee, date(2026, 3, 2))
        counts = {}
        for assets in (self.small, self.large):
            counts["handover", len(assets)] = self._counted(
                lambda a=assets: Custody._handover(
                    a, self.employee_2, date(2026, 4, 1)
                ),
                HANDOVER_QUERIES,
            )
            counts["checkin", len(assets)] = self._counted(
                lambda a=assets: Custody._checkin(a, self.stock_room, date(2026, 5, 1)),
                CHECKIN_QUERIES,
            )
        self.assertEqual(counts["handover", 10], counts["handover", 100])
        self.assertEqual(counts["checkin", 10], counts["checkin", 100])
        self.assertEqual(len(self.large.custody_ids), 200)
        self.assertFalse(self.large.custody_id)


@tagged("post_install", "-at_install", "is_query_count")
class TestCustodyStockPerformance(CustodyCase):
    """The stock side of custody (one internal picking of the serials), run
    by an IT user without Inventory rights, costs no more queries per serial
    than Odoo's own transfer of as many serials by a warehouse user (counted
    on 5 and 20 serials)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product_laptop.is_storable = True
        lots = cls.env["stock.lot"].create(
            [
                {"name": f"PERF-SN-{i}", "product_id": cls.product_laptop.id}
                for i in range(26)
            ]
        )
        Quant = cls.env["stock.quant"]
        for lot in lots:
            Quant._update_available_quantity(
                cls.product_laptop, cls.stock_room, 1.0, lot_id=lot
            )
        tracked = cls._create_assets(26, product_id=cls.product_laptop.id)
        for asset, lot in zip(tracked, lots, strict=True):
            asset.lot_id = lot
        cls.warm, cls.small, cls.large = tracked[:1], tracked[1:6], tracked[6:]
        cls.env.company._it_asset_holder_locations(cls.employee | cls.employee_2)
        Custody = cls.env["it.asset.custody"].with_user(cls.it_user)
        Custody._checkout(cls.warm, cls.employee, date(2026, 3, 1))
        Custody._checkin(cls.warm, cls.stock_room, date(2026, 3, 1))

    def _count(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _odoo_transfer(self, lots, source, destination):
        """Odoo's own transfer of ``lots`` by a warehouse user, as the
        Transfers screen does it: confirm, a line per serial, validate."""
        env = self.warehouse_env
        product = lots.product_id
        picking = env["stock.picking"].create(
            {
                "picking_type_id": self.env.ref("stock.picking_type_internal").id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": len(lots),
                            "product_uom": product.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        move = picking.move_ids
        move.move_line_ids.unlink()
        env["stock.move.line"].create(
            [
                {
                    "move_id": move.id,
                    "picking_id": picking.id,
                    "product_id": product.id,
                    "product_uom_id": product.uom_id.id,
                    "lot_id": lot.id,
                    "quantity": 1.0,
                    "picked": True,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                }
                for lot in lots
            ]
        )
        move.picked = True
        picking.button_validate()

    def test_stock_side_query_count_does_not_grow(self):
        Custody = self.env["it.asset.custody"].with_user(self.it_user)
        dock = self.env["product.product"].create(
            {"name": "Dock (not an asset)", "is_storable": True, "tracking": "serial"}
        )
        docks = self.env["stock.lot"].create(
            [{"name": f"DOCK-{i}", "product_id": dock.id} for i in range(26)]
        )
        for lot in docks:
            self.env["stock.quant"]._update_available_quantity(
                dock, self.stock_room, 1.0, lot_id=lot
            )
        shelf = self.meeting_room
        self._odoo_transfer(docks[:1], self.stock_room, shelf)  # warm up
        counts = {}
        for assets, lots in ((self.small, docks[1:6]), (self.large, docks[6:])):
            size = len(assets)
            counts["odoo", size] = self._count(
                lambda lots=lots: self._odoo_transfer(lots, self.stock_room, shelf)
            )
            counts["checkout", size] = self._count(
                lambda a=assets: Custody._checkout(a, self.employee, date(2026, 3, 2))
            )
            counts["checkin", size] = self._count(
                lambda a=assets: Custody._checkin(a, self.stock_room, date(2026, 3, 3))
            )
        # Odoo's transfer itself costs queries per serial (quants, valuation);
        # per serial, custody's stock side costs no more than it
        for step in ("checkout", "checkin"):
            self.assertLessEqual(
                counts[step, 20] - counts[step, 5],
                counts["odoo", 20] - counts["odoo", 5],
                counts,
            )
        self.assertEqual(set(self.large.mapped("state")), {"in_stock"})
        quants = self.env["stock.quant"].search(
            [("lot_id", "in", self.large.lot_id.ids), ("quantity", ">", 0)]
        )
        self.assertEqual(quants.location_id, self.stock_room)
        self.assertEqual(len(self.large.custody_ids), 20)


@tagged("post_install", "-at_install", "is_query_count")
class TestCheckoutManyPerformance(CustodyCase):
    """A check-out to many holders at once (a register imported with its
    holders) costs the same number of queries for 3 or 30 holders."""

    def _holders(self, count):
        return self.env["hr.employee"].create(
            [{"name": f"Holder {i}"} for i in range(count)]
        )

    def _assignments(self, holders):
        assets = self._create_assets(len(holders))
        return [
            (asset, holder, date(2026, 3, 2), {})
            for asset, holder in zip(assets, holders, strict=True)
        ]

    def test_queries_do_not_grow_with_the_holders(self):
        Custody = self.Custody.with_user(self.it_user)
        counts = []
        # the first call also fills Odoo's caches: warm up with one holder
        for size in (1, 3, 30):
            assignments = self._assignments(self._holders(size))
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            custodies = Custody._checkout_many(assignments)
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(custodies), size)
            self.assertEqual(
                [c.employee_id for c in custodies.sorted("asset_id")],
                [
                    holder
                    for _asset, holder, *_r in sorted(
                        assignments, key=lambda a: a[0].id
                    )
                ],
            )
        # a per-holder query would add 27; Odoo's own prefetch of the users
        # may add one
        self.assertLessEqual(counts[2] - counts[1], 1, counts)
