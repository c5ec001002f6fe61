# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from .custody_common import CustodyCase


@tagged("post_install", "-at_install")
class TestCustodyStock(CustodyCase):
    """Stock-tracked assets: custody steps are stock moves of their serials,
    and transfers made in the stock screens open and close custodies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lot = cls.env["stock.lot"]
        cls.lots = Lot.create(
            [
                {"name": f"CUST-SN-{i}", "product_id": cls.product_laptop.id}
                for i in range(3)
            ]
        )
        for lot in cls.lots:
            cls.env["stock.quant"]._update_available_quantity(
                cls.product_laptop, cls.stock_room, 1.0, lot_id=lot
            )
        cls.tracked = cls._create_assets(
            3,
            product_id=cls.product_laptop.id,
        )
        for asset, lot in zip(cls.tracked, cls.lots, strict=True):
            asset.lot_id = lot
        holder_locations = cls.env.company._it_asset_holder_locations(
            cls.employee | cls.employee_2
        )
        cls.alice_location = holder_locations[cls.employee]
        cls.bob_location = holder_locations[cls.employee_2]

    def _where(self, lot):
        quants = self.env["stock.quant"].search(
            [("lot_id", "=", lot.id), ("quantity", ">", 0)]
        )
        return quants.location_id

    def _pickings(self):
        return self.warehouse_env["stock.picking"].search(
            [("move_line_ids.lot_id", "in", self.lots.ids)], order="id"
        )

    def test_checkout_handover_checkin_move_the_serials(self):
        self.Custody._checkout(self.tracked[:2], self.employee, date(2026, 3, 2))
        pickings = self._pickings()
        self.assertEqual(len(pickings), 1, "one picking for the whole batch")
        self.assertEqual(pickings.state, "done")
        self.assertEqual(pickings.move_line_ids.lot_id, self.lots[:2])
        self.assertEqual(self._where(self.lots[0]), self.alice_location)
        self.assertEqual(self._where(self.lots[1]), self.alice_location)
        self.assertEqual(self._where(self.lots[2]), self.stock_room)
        self.assertRecordValues(
            self.tracked[:2],
            [{"state": "in_use", "location_id": self.alice_location.id}] * 2,
        )
        # the moves made by the custody action did not open a second custody
        self.assertEqual(len(self.tracked[:2].custody_ids), 2)

        self.Custody._handover(self.tracked[0], self.employee_2, date(2026, 4, 1))
        self.assertEqual(self._where(self.lots[0]), self.bob_location)
        self.assertEqual(self.tracked[0].location_id, self.bob_location)
        self.assertEqual(len(self.tracked[0].custody_ids), 2)

        self.Custody._checkin(self.tracked[:2], self.meeting_room, date(2026, 5, 1))
        self.assertEqual(self._where(self.lots[0]), self.meeting_room)
        self.assertEqual(self._where(self.lots[1]), self.meeting_room)
        self.assertRecordValues(
            self.tracked[:2],
            [
                {
                    "state": "in_stock",
                    "location_id": self.meeting_room.id,
                    "custody_id": False,
                }
            ]
            * 2,
        )
        self.assertEqual(len(self._pickings()), 3)

    def _transfer(self, lot, source, destination):
        picking_type = (
            self.env["stock.warehouse"]
            .search([("company_id", "=", self.env.company.id)], limit=1)
            .int_type_id
        )
        picking = self.warehouse_env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": lot.name,
                            "product_id": self.product_laptop.id,
                            "product_uom_qty": 1.0,
                            "product_uom": self.product_laptop.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.move_line_ids.unlink()
        picking.move_ids.write(
            {
                "move_line_ids": [
                    Command.create(
                        {
                            "product_id": self.product_laptop.id,
                            "product_uom_id": self.product_laptop.uom_id.id,
                            "lot_id": lot.id,
                            "quantity": 1.0,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                        }
                    )
                ],
                "picked": True,
            }
        )
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        return picking

    def test_transfers_in_the_stock_screens_follow_custody(self):
        asset = self.tracked[0]
        self._transfer(self.lots[0], self.stock_room, self.alice_location)
        first = asset.custody_id
        self.assertRecordValues(
            first,
            [
                {
                    "state": "waiting",
                    "employee_id": self.employee.id,
                    "custody_location_id": self.alice_location.id,
                }
            ],
        )
        self.assertEqual(asset.state, "in_use")
        # moved to Bob's custody location: a handover
        self._transfer(self.lots[0], self.alice_location, self.bob_location)
        second = asset.custody_id
        self.assertEqual(second.employee_id, self.employee_2)
        self.assertEqual(second.previous_custody_id, first)
        self.assertEqual(first.state, "returned")
        self.assertEqual(first.date_end, second.date_start)
        # back to the stock room: a check-in
        self._transfer(self.lots[0], self.bob_location, self.stock_room)
        self.assertFalse(asset.custody_id)
        self.assertEqual(second.state, "returned")
        self.assertEqual(asset.state, "in_stock")
        self.assertEqual(len(asset.custody_ids), 2)
