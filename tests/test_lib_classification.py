# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from odoo.addons.it_asset.lib.classification import (
    Decision,
    ProductFacts,
    Rule,
    classify,
    classify_many,
    default_decision,
    rule_matches,
    validate_rule,
)

# Category tree: 1 All > 2 IT > 3 Computers > 4 Laptops; 5 Consumables.
ALL, IT, COMPUTERS, LAPTOPS, CONSUMABLES = 1, 2, 3, 4, 5
CATEGORY_NAMES = {
    ALL: "All",
    IT: "IT",
    COMPUTERS: "Computers",
    LAPTOPS: "Laptops",
    CONSUMABLES: "Consumables",
}
TAG_REFURBISHED, TAG_LEASED = 10, 11
TAG_NAMES = {TAG_REFURBISHED: "Refurbished", TAG_LEASED: "Leased"}


def _facts(
    product_id=100,
    category_path_ids=frozenset({LAPTOPS, COMPUTERS, IT, ALL}),
    tag_ids=frozenset(),
    unit_cost=1250.0,
    serial_tracked=True,
    useful_life_months=36,
):
    return ProductFacts(
        product_id=product_id,
        category_path_ids=frozenset(category_path_ids),
        tag_ids=frozenset(tag_ids),
        unit_cost=unit_cost,
        serial_tracked=serial_tracked,
        useful_life_months=useful_life_months,
    )


def _rule(rule_id=1, sequence=10, outcome="expense", **conditions):
    if outcome == "asset":
        conditions.setdefault("asset_category_id", 7)
    return Rule(
        id=rule_id,
        name=f"Rule {rule_id}",
        sequence=sequence,
        rationale=f"Because of rule {rule_id}.",
        outcome=outcome,
        **conditions,
    )


DEFAULT = default_decision("expense")


@tagged("post_install", "-at_install")
class TestClassification(BaseCase):
    def test_first_match_by_sequence_wins(self):
        # Both rules match; the lower sequence decides whatever the input order.
        low = _rule(1, sequence=20, outcome="inventory")
        high = _rule(2, sequence=5, outcome="asset", capitalise_on="deployment")
        decision = classify([low, high], _facts(), DEFAULT)
        self.assertEqual(decision.rule_id, 2)
        self.assertEqual(decision.outcome, "asset")
        self.assertEqual(decision.asset_category_id, 7)
        self.assertEqual(decision.capitalise_on, "deployment")
        self.assertEqual(decision.rationale, "Because of rule 2.")

    def test_same_sequence_sorted_by_id(self):
        first = _rule(3, sequence=10, outcome="inventory")
        second = _rule(8, sequence=10, outcome="expense")
        self.assertEqual(classify([second, first], _facts(), DEFAULT).rule_id, 3)

    def test_non_matching_rule_is_skipped(self):
        consumables = _rule(
            1, sequence=1, product_category_ids=frozenset({CONSUMABLES})
        )
        catch_all = _rule(2, sequence=2, outcome="inventory")
        decision = classify([consumables, catch_all], _facts(), DEFAULT)
        self.assertEqual(decision.rule_id, 2)
        self.assertEqual(
            decision.reasons, ("no condition: the rule applies to every product",)
        )

    def test_default_when_nothing_matches(self):
        rule = _rule(1, min_unit_cost=5000.0)
        decision = classify([rule], _facts(unit_cost=1250.0), DEFAULT)
        self.assertIs(decision, DEFAULT)
        self.assertIsNone(decision.rule_id)
        self.assertEqual(decision.outcome, "expense")
        self.assertEqual(decision.reasons, ("no rule matched",))
        self.assertIs(classify([], _facts(), DEFAULT), DEFAULT)

    def test_category_condition_uses_ancestors(self):
        rule = _rule(1, product_category_ids=frozenset({COMPUTERS}))
        # A laptop: its path Laptops > Computers > IT > All contains Computers.
        matched, reasons = rule_matches(rule, _facts(), category_names=CATEGORY_NAMES)
        self.assertTrue(matched)
        self.assertEqual(reasons, ("category Computers",))
        # A consumable does not descend from Computers.
        matched, reasons = rule_matches(
            rule, _facts(category_path_ids={CONSUMABLES, ALL})
        )
        self.assertFalse(matched)
        self.assertEqual(reasons, ())

    def test_tag_condition(self):
        rule = _rule(1, product_tag_ids=frozenset({TAG_REFURBISHED, TAG_LEASED}))
        matched, reasons = rule_matches(
            rule, _facts(tag_ids={TAG_LEASED}), tag_names=TAG_NAMES
        )
        self.assertEqual((matched, reasons), (True, ("tag Leased",)))
        self.assertFalse(rule_matches(rule, _facts(tag_ids=set()))[0])

    def test_product_domain_condition(self):
        rule = _rule(1, product_ids=frozenset({100, 101}))
        self.assertEqual(
            rule_matches(rule, _facts(product_id=101)),
            (True, ("product selected by the rule's product filter",)),
        )
        self.assertFalse(rule_matches(rule, _facts(product_id=102))[0])
        # An empty domain result matches nothing (unlike None = no condition).
        self.assertFalse(rule_matches(_rule(1, product_ids=frozenset()), _facts())[0])

    def test_unit_cost_threshold_boundary(self):
        rule = _rule(1, min_unit_cost=500.0)
        # Equal to the threshold matches, one cent below does not.
        self.assertEqual(
            rule_matches(rule, _facts(unit_cost=500.0)),
            (True, ("unit cost 500.00 >= 500.00",)),
        )
        self.assertFalse(rule_matches(rule, _facts(unit_cost=499.99))[0])
        # A zero threshold matches free products.
        self.assertTrue(
            rule_matches(_rule(1, min_unit_cost=0.0), _facts(unit_cost=0.0))[0]
        )

    def test_serial_tracked_condition(self):
        rule = _rule(1, serial_tracked_only=True)
        self.assertEqual(
            rule_matches(rule, _facts(serial_tracked=True)),
            (True, ("tracked by serial number",)),
        )
        self.assertFalse(rule_matches(rule, _facts(serial_tracked=False))[0])

    def test_useful_life_condition(self):
        rule = _rule(1, min_useful_life_months=24)
        self.assertEqual(
            rule_matches(rule, _facts(useful_life_months=24)),
            (True, ("useful life 24 months >= 24 months",)),
        )
        self.assertFalse(rule_matches(rule, _facts(useful_life_months=23))[0])
        # Unknown life never satisfies a minimum.
        self.assertFalse(rule_matches(rule, _facts(useful_life_months=None))[0])

    def test_conditions_are_combined_with_and(self):
        rule = _rule(
            1,
            outcome="asset",
            product_category_ids=frozenset({LAPTOPS}),
            min_unit_cost=500.0,
            serial_tracked_only=True,
        )
        self.assertTrue(rule_matches(rule, _facts())[0])
        # Each failing condition alone is enough to reject the product.
        self.assertFalse(rule_matches(rule, _facts(category_path_ids={COMPUTERS}))[0])
        self.assertFalse(rule_matches(rule, _facts(unit_cost=499.0))[0])
        self.assertFalse(rule_matches(rule, _facts(serial_tracked=False))[0])

    def test_explanation(self):
        rule = Rule(
            id=4,
            name="Laptops over 500",
            sequence=10,
            rationale="Laptops above the capitalisation threshold are assets.",
            outcome="asset",
            asset_category_id=42,
            product_category_ids=frozenset({LAPTOPS, COMPUTERS}),
            product_tag_ids=frozenset({TAG_REFURBISHED}),
            min_unit_cost=500.0,
            serial_tracked_only=True,
            min_useful_life_months=12,
        )
        decision = classify(
            [rule],
            _facts(tag_ids={TAG_REFURBISHED}),
            DEFAULT,
            category_names=CATEGORY_NAMES,
            tag_names=TAG_NAMES,
        )
        self.assertEqual(
            decision,
            Decision(
                outcome="asset",
                rule_id=4,
                rule_name="Laptops over 500",
                rationale="Laptops above the capitalisation threshold are assets.",
                asset_category_id=42,
                # Not set on the rule: an asset is capitalised on receipt.
                capitalise_on="receipt",
                reasons=(
                    "categories Computers, Laptops",
                    "tag Refurbished",
                    "unit cost 1,250.00 >= 500.00",
                    "tracked by serial number",
                    "useful life 36 months >= 12 months",
                ),
            ),
        )
        self.assertEqual(
            decision.summary,
            "Laptops over 500 -> asset: categories Computers, Laptops; "
            "tag Refurbished; unit cost 1,250.00 >= 500.00; "
            "tracked by serial number; useful life 36 months >= 12 months",
        )
        # Without names the ids are shown.
        self.assertEqual(
            rule_matches(_rule(1, product_category_ids=frozenset({LAPTOPS})), _facts()),
            (True, ("category #4",)),
        )

    def test_non_asset_outcome_drops_asset_fields(self):
        rule = _rule(
            1, outcome="inventory", asset_category_id=7, capitalise_on="receipt"
        )
        decision = classify([rule], _facts(), DEFAULT)
        self.assertEqual(decision.outcome, "inventory")
        self.assertIsNone(decision.asset_category_id)
        self.assertIsNone(decision.capitalise_on)

    def test_classify_many(self):
        rules = [
            _rule(1, sequence=1, outcome="asset", min_unit_cost=1000.0),
            _rule(2, sequence=2, outcome="inventory", serial_tracked_only=True),
        ]
        facts = [
            _facts(product_id=1, unit_cost=1500.0),  # rule 1
            _facts(product_id=2, unit_cost=900.0),  # serial tracked: rule 2
            _facts(product_id=3, unit_cost=20.0, serial_tracked=False),  # default
        ]
        decisions = classify_many(rules, facts, DEFAULT)
        self.assertEqual(
            {pid: (d.outcome, d.rule_id) for pid, d in decisions.items()},
            {1: ("asset", 1), 2: ("inventory", 2), 3: ("expense", None)},
        )
        # Same answers as one product at a time.
        for product in facts:
            self.assertEqual(
                classify(rules, product, DEFAULT), decisions[product.product_id]
            )

    def test_validation_errors(self):
        cases = [
            (_rule(1, outcome="scrap"), "unknown outcome"),
            (
                Rule(
                    id=1, name="No category", sequence=1, rationale="", outcome="asset"
                ),
                "needs an asset category",
            ),
            (_rule(1, min_unit_cost=-0.01), "minimum unit cost"),
            (_rule(1, min_useful_life_months=-1), "minimum useful life"),
            (_rule(1, outcome="asset", capitalise_on="invoice"), "capitalise_on"),
        ]
        for rule, message in cases:
            with self.subTest(message=message):
                with self.assertRaisesRegex(ValueError, message):
                    validate_rule(rule)
                # classify refuses invalid rules too, even if they would not match.
                with self.assertRaisesRegex(ValueError, message):
                    classify([rule], _facts(), DEFAULT)
        validate_rule(_rule(1, outcome="asset", min_unit_cost=0.0))
        with self.assertRaisesRegex(ValueError, "needs an asset category"):
            default_decision("asset")
        with self.assertRaisesRegex(ValueError, "unknown outcome"):
            default_decision("donation")
