# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from .custody_common import CustodyCase


class AuditCase(CustodyCase):
    """An audit of a room (and its shelf), run by an IT user
    with IT Assets / User only; assets there, one elsewhere, one of another
    company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.auditor = new_test_user(
            cls.env, login="auditor", groups="it_asset.group_it_asset_user"
        )
        cls.auditor_2 = new_test_user(
            cls.env, login="auditor_2", groups="it_asset.group_it_asset_user"
        )
        cls.category_laptop.audit_interval_months = 6
        # the audited room (the IT stock room holds the demo register)
        cls.room = cls.env["stock.location"].create(
            {
                "name": "Audit Room",
                "usage": "internal",
                "location_id": cls.stock_room.location_id.id,
            }
        )
        cls.assets.write({"location_id": cls.room.id})
        cls.shelf = cls.env["stock.location"].create(
            {"name": "Shelf A", "usage": "internal", "location_id": cls.room.id}
        )
        cls.on_shelf = cls._create_assets(1, location_id=cls.shelf.id)
        cls.elsewhere = cls._create_assets(1, location_id=cls.meeting_room.id)
        cls.other_company = cls.env["res.company"].create({"name": "Other Audit Co"})
        cls.foreign = cls.env["it.asset"].create(
            {
                "name": "Foreign laptop",
                "category_id": cls.category_laptop.id,
                "company_id": cls.other_company.id,
                "serial_number": "FOREIGN-SN-1",
            }
        )

    def _audit(self, user=None, **vals):
        values = {"location_ids": [(6, 0, self.room.ids)]}
        values.update(vals)
        return self.env["it.asset.audit"].with_user(user or self.auditor).create(values)

    def _started(self, user=None, **vals):
        audit = self._audit(user, **vals)
        audit.action_start()
        return audit

    def _line(self, audit, asset):
        return audit.line_ids.filtered(lambda line: line.asset_id == asset)
