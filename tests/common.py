# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.mail.tests.common import mail_new_test_user  # noqa: F401


class ItAssetCase(TransactionCase):
    """Common fixtures: categories, a serial-tracked laptop product, users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.category_laptop = cls.env["it.asset.category"].create(
            {"name": "Test Laptops", "kind": "hardware", "useful_life_months": 36}
        )
        cls.category_licence = cls.env["it.asset.category"].create(
            {"name": "Test Licences", "kind": "software", "useful_life_months": 12}
        )
        cls.product_laptop = cls.env["product.product"].create(
            {
                "name": "Test Laptop 14",
                "is_storable": True,
                "tracking": "serial",
                "standard_price": 1200.0,
            }
        )
        cls.manufacturer = cls.env["res.partner"].create(
            {"name": "Test Manufacturer", "is_company": True}
        )
        cls.it_user = new_test_user(
            cls.env,
            login="it_user",
            groups="base.group_user,it_asset.group_it_asset_user",
        )
        cls.it_manager = new_test_user(
            cls.env,
            login="it_manager",
            groups="base.group_user,it_asset.group_it_asset_manager",
        )
        cls.employee_user = new_test_user(
            cls.env, login="plain_employee", groups="base.group_user"
        )
        # warehouse staff: Inventory / User, no IT group; the stock flows of
        # the tests are validated by them
        cls.warehouse_user = new_test_user(
            cls.env, login="warehouse_user", groups="stock.group_stock_user"
        )
        cls.warehouse_env = cls.env(user=cls.warehouse_user)

    @classmethod
    def _create_asset(cls, **vals):
        values = {"name": "Asset", "category_id": cls.category_laptop.id}
        values.update(vals)
        return cls._create_assets_in_state([values])

    @classmethod
    def _create_assets_in_state(cls, vals_list):
        """Create fixtures; those in a status beyond Draft / In Stock come
        through the import path (the only way around the lifecycle)."""
        Asset = cls.env["it.asset"]
        if all(v.get("state", "draft") in ("draft", "in_stock") for v in vals_list):
            return Asset.create(vals_list)
        return Asset._import_create(vals_list, reason="test fixture")
