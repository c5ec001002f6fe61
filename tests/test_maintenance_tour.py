# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestMaintenanceTour(HttpCase):
    def test_open_asset_maintenance_history(self):
        """Open an asset from the register and read its maintenance history."""
        it_user = new_test_user(
            self.env, login="it_user_tour_maint", groups="it_asset.group_it_asset_user"
        )
        category = self.env["it.asset.category"].create({"name": "Tour Servers"})
        asset = self.env["it.asset"].create(
            {"name": "Tour Maintenance Server", "category_id": category.id}
        )
        asset.action_confirm()
        self.env["maintenance.request"].create(
            [
                {
                    "name": "Tour PSU failure",
                    "it_asset_id": asset.id,
                    "maintenance_type": "corrective",
                    "labour_cost": 75.0,
                },
                {
                    "name": "Tour dust cleaning",
                    "it_asset_id": asset.id,
                    "maintenance_type": "preventive",
                },
            ]
        )
        self.assertEqual(asset.state, "in_repair")
        self.start_tour(
            "/odoo",
            "it_asset_maintenance_history_tour",
            login=it_user.login,
            timeout=120,
        )
