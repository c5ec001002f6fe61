# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ItAssetCase


@tagged("post_install", "-at_install")
class TestAssetSecurity(ItAssetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.asset = cls._create_asset(name="Secured laptop")

    def test_plain_employee_sees_no_register(self):
        Asset = self.env["it.asset"].with_user(self.employee_user)
        with self.assertRaises(AccessError):
            Asset.search([])
        with self.assertRaises(AccessError):
            self.asset.with_user(self.employee_user).read(["name"])
        with self.assertRaises(AccessError):
            Asset.create({"name": "x", "category_id": self.category_laptop.id})
        with self.assertRaises(AccessError):
            self.env["it.asset.category"].with_user(self.employee_user).search([])

    def test_user_manages_assets_but_not_configuration(self):
        Asset = self.env["it.asset"].with_user(self.it_user)
        asset = Asset.create(
            {"name": "By user", "category_id": self.category_laptop.id}
        )
        asset.action_confirm()
        asset.write({"condition": "good"})
        self.assertEqual(asset.state, "in_stock")
        self.assertIn(self.asset, Asset.search([]))
        draft = Asset.create({"name": "Draft", "category_id": self.category_laptop.id})
        with self.assertRaises(AccessError):
            draft.unlink()
        Category = self.env["it.asset.category"].with_user(self.it_user)
        self.assertTrue(Category.search([]))
        with self.assertRaises(AccessError):
            Category.create({"name": "Nope"})
        with self.assertRaises(AccessError):
            self.category_laptop.with_user(self.it_user).write({"name": "Renamed"})

    def test_manager_configures_and_deletes(self):
        Category = self.env["it.asset.category"].with_user(self.it_manager)
        category = Category.create({"name": "Tablets"})
        asset = (
            self.env["it.asset"]
            .with_user(self.it_manager)
            .create({"name": "Tablet", "category_id": category.id})
        )
        asset.unlink()
        category.unlink()
        self.assertFalse(category.exists())

    def test_manager_cannot_delete_a_used_asset(self):
        asset = self._create_asset(state="in_use").with_user(self.it_manager)
        with self.assertRaises(UserError):
            asset.unlink()

    def test_multi_company_isolation(self):
        other_company = self.env["res.company"].create({"name": "Other IT Co"})
        other_user = new_test_user(
            self.env,
            login="it_other_company",
            groups="base.group_user,it_asset.group_it_asset_user",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )
        other_asset = (
            self.env["it.asset"]
            .with_user(other_user)
            .with_company(other_company)
            .create({"name": "Other laptop", "category_id": self.category_laptop.id})
        )
        self.assertEqual(other_asset.company_id, other_company)
        # tags are unique per company: the shared sequence keeps them distinct
        self.assertNotEqual(other_asset.tag, self.asset.tag)
        visible = self.env["it.asset"].with_user(other_user).search([])
        self.assertIn(other_asset, visible)
        self.assertNotIn(self.asset, visible)
        with self.assertRaises(AccessError):
            self.asset.with_user(other_user).read(["name"])
        mine = self.env["it.asset"].with_user(self.it_user).search([])
        self.assertNotIn(other_asset, mine)
        # a category of one company cannot be used by another company's asset
        private = self.env["it.asset.category"].create(
            {"name": "Private", "company_id": other_company.id}
        )
        with self.assertRaises(UserError):
            self._create_asset(category_id=private.id)
