# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common_stock import ItAssetStockCase


@tagged("post_install", "-at_install")
class TestClassificationRules(ItAssetStockCase):
    """Ordered rules decide inventory / expense / asset, and say why."""

    def _decide(self, products, **kwargs):
        return self.env["it.asset.classification.rule"]._classify_products(
            products, **kwargs
        )

    def test_first_matching_rule_wins(self):
        decisions = self._decide(
            self.product_laptop | self.product_monitor | self.product_cable
        )
        laptop = decisions[self.product_laptop]
        self.assertEqual(laptop.rule_id, self.rule_laptops.id)
        self.assertEqual(laptop.outcome, "asset")
        self.assertEqual(laptop.asset_category_id, self.category_laptop.id)
        self.assertEqual(laptop.capitalise_on, "deployment")
        self.assertIn("unit cost 1,200.00 >= 500.00", laptop.reasons)
        self.assertEqual(decisions[self.product_monitor].rule_id, self.rule_monitors.id)
        self.assertEqual(decisions[self.product_cable].outcome, "inventory")
        # moving the monitor rule first makes it decide for laptops too
        self.rule_monitors.sequence = -40
        self.assertEqual(
            self._decide(self.product_laptop)[self.product_laptop].rule_id,
            self.rule_monitors.id,
        )

    def test_conditions_tags_domain_and_useful_life(self):
        tag = self.env["product.tag"].create({"name": "Loaner (test)"})
        product = self.env["product.product"].create(
            {
                "name": "Test Loaner Phone",
                "is_storable": True,
                "standard_price": 90.0,
                "product_tag_ids": [Command.set(tag.ids)],
                "it_asset_useful_life_months": 24,
            }
        )
        rule = self.env["it.asset.classification.rule"].create(
            {
                "name": "Loaners are assets",
                "sequence": -50,
                "product_tag_ids": [Command.set(tag.ids)],
                "product_domain": "[('name', 'ilike', 'Loaner')]",
                "min_useful_life_months": 13,
                "outcome": "asset",
                "asset_category_id": self.category_laptop.id,
            }
        )
        decision = self._decide(product)[product]
        self.assertEqual(decision.rule_id, rule.id)
        self.assertEqual(decision.capitalise_on, "receipt")
        product.it_asset_useful_life_months = 12
        self.assertNotEqual(self._decide(product)[product].rule_id, rule.id)

    def test_company_default_when_nothing_matches(self):
        product = self.env["product.product"].create(
            {"name": "Test Unknown Gadget", "is_storable": True, "standard_price": 5}
        )
        self.company.it_asset_default_outcome = "expense"
        decision = self._decide(product)[product]
        self.assertEqual(decision.outcome, "expense")
        self.assertFalse(decision.rule_id)
        self.company.write(
            {
                "it_asset_default_outcome": "asset",
                "it_asset_default_category_id": self.category_monitor.id,
                "it_asset_default_capitalise_on": "deployment",
            }
        )
        decision = self._decide(product)[product]
        self.assertEqual(
            (decision.outcome, decision.asset_category_id, decision.capitalise_on),
            ("asset", self.category_monitor.id, "deployment"),
        )

    def test_product_form_shows_classification(self):
        template = self.product_laptop.product_tmpl_id
        self.assertRecordValues(
            template,
            [
                {
                    "it_asset_outcome": "asset",
                    "it_asset_rule_id": self.rule_laptops.id,
                    "it_asset_asset_category_id": self.category_laptop.id,
                    "it_asset_capitalise_on": "deployment",
                }
            ],
        )
        self.assertIn(
            "capitalised over 36 months", template.it_asset_classification_reason
        )
        self.assertEqual(
            self.product_cable.product_tmpl_id.it_asset_rule_id, self.rule_cables
        )

    def test_wizard_lists_outcomes_without_changing_anything(self):
        products = self.product_laptop | self.product_cable
        wizard_form = Form(
            self.env["it.asset.classification.test"].with_context(
                active_model="product.template",
                active_ids=products.product_tmpl_id.ids,
            )
        )
        wizard = wizard_form.save()
        self.assertEqual(wizard.product_ids, products)
        assets_before = self.env["it.asset"].search_count([])
        wizard.action_test()
        self.assertRecordValues(
            wizard.line_ids.sorted(lambda line: line.product_id.id),
            [
                {
                    "product_id": self.product_laptop.id,
                    "outcome": "asset",
                    "rule_id": self.rule_laptops.id,
                    "asset_category_id": self.category_laptop.id,
                },
                {
                    "product_id": self.product_cable.id,
                    "outcome": "inventory",
                    "rule_id": self.rule_cables.id,
                    "asset_category_id": False,
                },
            ],
        )
        self.assertEqual(self.env["it.asset"].search_count([]), assets_before)

    def test_bad_rules_are_refused(self):
        Rule = self.env["it.asset.classification.rule"]
        with self.assertRaises(ValidationError) as error:
            Rule.create(
                {"name": "Bad threshold", "outcome": "inventory", "min_unit_cost": -1}
            )
        self.assertRegex(str(error.exception), "Bad threshold.*negative")
        with self.assertRaises(ValidationError) as error:
            Rule.create({"name": "No category", "outcome": "asset"})
        self.assertRegex(str(error.exception), "No category.*asset category")
        with self.assertRaises(ValidationError) as error:
            Rule.create(
                {
                    "name": "Bad filter",
                    "outcome": "inventory",
                    "product_domain": "[('no_such_field', '=', 1)]",
                }
            )
        self.assertIn("invalid product filter", str(error.exception))
        self.assertFalse(
            Rule.search([("name", "in", ["Bad threshold", "No category"])])
        )

    def test_rule_form(self):
        form = Form(self.env["it.asset.classification.rule"])
        form.name = "Servers"
        form.outcome = "asset"
        form.asset_category_id = self.category_laptop
        form.capitalise_on = "receipt"
        form.min_unit_cost = 2000
        form.rationale = "Servers are capitalised over 60 months."
        rule = form.save()
        self.assertRecordValues(
            rule, [{"company_id": self.company.id, "min_unit_cost": 2000}]
        )

    def test_access_rights(self):
        Rule = self.env["it.asset.classification.rule"]
        # IT users read the rules but cannot change them
        self.assertTrue(Rule.with_user(self.it_user).search([]))
        with self.assertRaises(AccessError):
            self.rule_laptops.with_user(self.it_user).write({"sequence": 1})
        with self.assertRaises(AccessError):
            Rule.with_user(self.it_user).create(
                {"name": "Nope", "outcome": "inventory"}
            )
        # employees without IT rights see no rules
        with self.assertRaises(AccessError):
            Rule.with_user(self.employee_user).search([])
        # managers configure them
        self.rule_laptops.with_user(self.it_manager).write({"min_unit_cost": 600})
        self.assertEqual(self.rule_laptops.min_unit_cost, 600)
        # rules of another company stay private
        other = self.env["res.company"].create({"name": "Other IT Co"})
        foreign = Rule.create(
            {"name": "Foreign", "outcome": "inventory", "company_id": other.id}
        )
        self.assertNotIn(foreign, Rule.with_user(self.it_manager).search([]))

    def test_stock_user_reads_the_product_classification(self):
        stock_user = new_test_user(
            self.env, login="stock_clerk", groups="stock.group_stock_user"
        )
        template = self.product_laptop.product_tmpl_id.with_user(stock_user)
        self.assertEqual(template.it_asset_outcome, "asset")
        with self.assertRaises(AccessError):
            self.rule_laptops.with_user(stock_user).unlink()

    def test_settings_company_default_and_locations(self):
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(settings.it_asset_stock_location_id, self.stock_room)
        self.assertEqual(settings.it_asset_in_use_location_id, self.in_use_location)
        settings.it_asset_default_outcome = "asset"
        settings.it_asset_default_category_id = self.category_monitor
        settings.it_asset_default_capitalise_on = "deployment"
        settings.save().execute()
        self.assertRecordValues(
            self.company,
            [
                {
                    "it_asset_default_outcome": "asset",
                    "it_asset_default_category_id": self.category_monitor.id,
                    "it_asset_default_capitalise_on": "deployment",
                }
            ],
        )
