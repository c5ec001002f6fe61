# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAssetTour(HttpCase):
    def test_create_asset_from_the_app(self):
        """Open IT Assets, create an asset through the form, find its tag."""
        it_user = new_test_user(
            self.env,
            login="it_user_tour_register",
            groups="it_asset.group_it_asset_user",
        )
        before = self.env["it.asset"].search([], order="id desc", limit=1).id or 0
        self.start_tour(
            "/odoo", "it_asset_create_asset_tour", login=it_user.login, timeout=120
        )
        asset = self.env["it.asset"].search(
            [("id", ">", before), ("name", "=", "Tour Laptop 15")]
        )
        self.assertEqual(len(asset), 1)
        self.assertEqual(asset.serial_number, "TOUR-SN-0001")
        self.assertRegex(asset.tag, r"^ITA-\d{6}$")
