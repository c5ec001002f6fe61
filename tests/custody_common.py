# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.addons.it_asset.tests.common import ItAssetCase


class CustodyCase(ItAssetCase):
    """Fixtures for the custody tests: employees with users, a department, a
    location, assets in stock (not stock-tracked)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({"name": "Test Finance"})
        cls.employee = cls.env["hr.employee"].create(
            {
                "name": "Alice Custody",
                "user_id": cls.employee_user.id,
                "department_id": cls.department.id,
                "private_street": "12 Home Street",
                "private_zip": "1000",
                "private_city": "Brussels",
            }
        )
        cls.employee_2 = cls.env["hr.employee"].create(
            {"name": "Bob Custody", "department_id": cls.department.id}
        )
        cls.stock_room = cls.env.company._it_asset_locations()[cls.env.company][0]
        cls.meeting_room = cls.env["stock.location"].create(
            {
                "name": "Meeting Room 1",
                "usage": "internal",
                "location_id": cls.stock_room.location_id.id,
            }
        )
        cls.assets = cls._create_assets(3)
        cls.Custody = cls.env["it.asset.custody"]

    @classmethod
    def _create_assets(cls, count, state="in_stock", **vals):
        return cls._create_assets_in_state(
            [
                dict(
                    {
                        "name": f"Custody laptop {i}",
                        "category_id": cls.category_laptop.id,
                        "acquisition_date": date(2026, 1, 5),
                        "state": state,
                        "user_id": cls.it_user.id,
                        "location_id": cls.stock_room.id,
                        "condition": "good",
                    },
                    **vals,
                )
                for i in range(count)
            ]
        )
