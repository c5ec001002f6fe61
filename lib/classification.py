# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Classification of received products as inventory, expense or asset.

Rules are tried in ``(sequence, id)`` order and the first rule whose conditions
all hold decides; when none matches the caller's default decision applies.  A
rule without any condition matches every product (a catch-all).  The decision
carries the rule, its rationale and the matched conditions in plain words so
that the user can see why a product was classified the way it was.

Conditions of a rule (all must hold, empty/None means "no condition"):

* ``product_category_ids``: the product's category or one of its ancestors is
  in the set (``ProductFacts.category_path_ids`` holds the category and all its
  ancestors);
* ``product_tag_ids``: the product has at least one of the tags;
* ``product_ids``: the product is in the set (precomputed result of the rule's
  product domain);
* ``min_unit_cost``: the unit cost in company currency is at least the
  threshold (an equal cost matches; pass currency-rounded values);
* ``serial_tracked_only``: the product is tracked by serial number;
* ``min_useful_life_months``: the product's expected useful life is known and
  at least that long.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

OUTCOMES = ("inventory", "expense", "asset")
CAPITALISE_ON = ("receipt", "deployment")
DEFAULT_CAPITALISE_ON = "receipt"

_NO_MATCH: tuple[bool, tuple[str, ...]] = (False, ())


@dataclass(frozen=True, slots=True)
class Rule:
    """A classification rule (plain copy of the Odoo record)."""

    id: int
    name: str
    sequence: int
    rationale: str
    outcome: str
    asset_category_id: int | None = None
    capitalise_on: str | None = None
    product_category_ids: frozenset[int] = field(default_factory=frozenset)
    product_tag_ids: frozenset[int] = field(default_factory=frozenset)
    product_ids: frozenset[int] | None = None
    min_unit_cost: float | None = None
    serial_tracked_only: bool = False
    min_useful_life_months: int | None = None


@dataclass(frozen=True, slots=True)
class ProductFacts:
    """What the rules look at for one product."""

    product_id: int
    category_path_ids: frozenset[int]
    tag_ids: frozenset[int]
    unit_cost: float
    serial_tracked: bool
    useful_life_months: int | None


@dataclass(frozen=True, slots=True)
class Decision:
    """Outcome of a classification and why it was reached.

    ``rule_id`` is None when the default applied.  ``asset_category_id`` and
    ``capitalise_on`` are only set for the 'asset' outcome.
    """

    outcome: str
    rule_id: int | None
    rule_name: str
    rationale: str
    asset_category_id: int | None
    capitalise_on: str | None
    reasons: tuple[str, ...]

    @property
    def summary(self) -> str:
        """One-line explanation, e.g. "Laptops -> asset: category Laptops"."""
        text = f"{self.rule_name} -> {self.outcome}"
        if self.reasons:
            text += ": " + "; ".join(self.reasons)
        return text


def default_decision(
    outcome: str = "expense",
    *,
    rationale: str = "No classification rule matched.",
    asset_category_id: int | None = None,
    capitalise_on: str | None = None,
    name: str = "Default",
) -> Decision:
    """Build the decision used when no rule matches."""
    decision = Decision(
        outcome=outcome,
        rule_id=None,
        rule_name=name,
        rationale=rationale,
        asset_category_id=asset_category_id if outcome == "asset" else None,
        capitalise_on=(capitalise_on or DEFAULT_CAPITALISE_ON)
        if outcome == "asset"
        else None,
        reasons=("no rule matched",),
    )
    _check_decision(decision)
    return decision


def _check_outcome(label: str, outcome: str, asset_category_id: int | None) -> None:
    """ValueError for an unknown outcome or an asset outcome without category."""
    if outcome not in OUTCOMES:
        raise ValueError(
            f"{label}: unknown outcome {outcome!r}, expected one of "
            f"{', '.join(OUTCOMES)}"
        )
    if outcome == "asset" and not asset_category_id:
        raise ValueError(f"{label}: an 'asset' outcome needs an asset category")


def _check_capitalise_on(label: str, capitalise_on: str | None) -> None:
    """ValueError for an unknown capitalisation moment."""
    if capitalise_on is not None and capitalise_on not in CAPITALISE_ON:
        raise ValueError(
            f"{label}: unknown capitalise_on {capitalise_on!r}, expected one of "
            f"{', '.join(CAPITALISE_ON)}"
        )


def _check_decision(decision: Decision) -> None:
    """Validate a default decision."""
    label = f"default decision {decision.rule_name!r}"
    _check_outcome(label, decision.outcome, decision.asset_category_id)
    _check_capitalise_on(label, decision.capitalise_on)


def validate_rule(rule: Rule) -> None:
    """Raise ValueError when ``rule`` cannot be applied.

    Checks the outcome, the asset category of an 'asset' outcome, the
    capitalisation moment, and that thresholds are not negative.
    """
    label = f"rule {rule.name!r}"
    _check_outcome(label, rule.outcome, rule.asset_category_id)
    _check_capitalise_on(label, rule.capitalise_on)
    if rule.min_unit_cost is not None and (
        not math.isfinite(rule.min_unit_cost) or rule.min_unit_cost < 0
    ):
        raise ValueError(
            f"{label}: minimum unit cost must be a non-negative number, "
            f"got {rule.min_unit_cost!r}"
        )
    if rule.min_useful_life_months is not None and rule.min_useful_life_months < 0:
        raise ValueError(
            f"{label}: minimum useful life must not be negative, "
            f"got {rule.min_useful_life_months!r}"
        )


def _labels(
    kind: tuple[str, str], ids: frozenset[int], names: Mapping[int, str] | None
) -> str:
    """'category Laptops' / 'tags A, B' using ``names`` ('#id' when unknown).

    ``kind`` is the (singular, plural) word.
    """
    names = names or {}
    labels = sorted(names.get(record_id, f"#{record_id}") for record_id in ids)
    return f"{kind[len(labels) > 1]} {', '.join(labels)}"


def rule_matches(
    rule: Rule,
    facts: ProductFacts,
    *,
    category_names: Mapping[int, str] | None = None,
    tag_names: Mapping[int, str] | None = None,
) -> tuple[bool, tuple[str, ...]]:
    """Whether all conditions of ``rule`` hold for the product.

    Returns ``(True, reasons)`` with one human-readable reason per condition
    (in the order category, tags, product filter, unit cost, serial tracking,
    useful life), or ``(False, ())``.  ``category_names``/``tag_names`` give
    display names to the ids.
    """
    reasons = []
    if rule.product_category_ids:
        matched = rule.product_category_ids & facts.category_path_ids
        if not matched:
            return _NO_MATCH
        reasons.append(_labels(("category", "categories"), matched, category_names))
    if rule.product_tag_ids:
        matched = rule.product_tag_ids & facts.tag_ids
        if not matched:
            return _NO_MATCH
        reasons.append(_labels(("tag", "tags"), matched, tag_names))
    if rule.product_ids is not None:
        if facts.product_id not in rule.product_ids:
            return _NO_MATCH
        reasons.append("product selected by the rule's product filter")
    if rule.min_unit_cost is not None:
        if facts.unit_cost < rule.min_unit_cost:
            return _NO_MATCH
        reasons.append(f"unit cost {facts.unit_cost:,.2f} >= {rule.min_unit_cost:,.2f}")
    if rule.serial_tracked_only:
        if not facts.serial_tracked:
            return _NO_MATCH
        reasons.append("tracked by serial number")
    if rule.min_useful_life_months is not None:
        life = facts.useful_life_months
        if life is None or life < rule.min_useful_life_months:
            return _NO_MATCH
        reasons.append(
            f"useful life {life} months >= {rule.min_useful_life_months} months"
        )
    if not reasons:
        reasons.append("no condition: the rule applies to every product")
    return True, tuple(reasons)


def prepare_rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """Validate the rules and return them in evaluation order (sequence, id)."""
    ordered = tuple(sorted(rules, key=lambda rule: (rule.sequence, rule.id)))
    for rule in ordered:
        validate_rule(rule)
    return ordered


def _decide(rule: Rule, reasons: tuple[str, ...]) -> Decision:
    """Decision taken by a matching rule."""
    is_asset = rule.outcome == "asset"
    return Decision(
        outcome=rule.outcome,
        rule_id=rule.id,
        rule_name=rule.name,
        rationale=rule.rationale,
        asset_category_id=rule.asset_category_id if is_asset else None,
        capitalise_on=(rule.capitalise_on or DEFAULT_CAPITALISE_ON)
        if is_asset
        else None,
        reasons=reasons,
    )


def _classify_ordered(
    ordered: tuple[Rule, ...],
    facts: ProductFacts,
    default: Decision,
    category_names: Mapping[int, str] | None,
    tag_names: Mapping[int, str] | None,
) -> Decision:
    """First matching rule of already validated and sorted rules, or default."""
    for rule in ordered:
        matched, reasons = rule_matches(
            rule, facts, category_names=category_names, tag_names=tag_names
        )
        if matched:
            return _decide(rule, reasons)
    return default


def classify(
    rules: Iterable[Rule],
    facts: ProductFacts,
    default: Decision,
    *,
    category_names: Mapping[int, str] | None = None,
    tag_names: Mapping[int, str] | None = None,
) -> Decision:
    """Classify one product: the first matching rule by (sequence, id) decides,
    ``default`` (returned as given) applies when none matches.

    For an 'asset' outcome without ``capitalise_on`` the decision says
    'receipt'; for other outcomes the asset category and capitalisation moment
    of the rule are ignored.  Raises ValueError for an invalid rule or default.
    """
    _check_decision(default)
    return _classify_ordered(
        prepare_rules(rules), facts, default, category_names, tag_names
    )


def classify_many(
    rules: Iterable[Rule],
    facts_list: Iterable[ProductFacts],
    default: Decision,
    *,
    category_names: Mapping[int, str] | None = None,
    tag_names: Mapping[int, str] | None = None,
) -> dict[int, Decision]:
    """Classify many products at once (rules validated and sorted once).

    Returns the decisions keyed by product id.
    """
    _check_decision(default)
    ordered = prepare_rules(rules)
    return {
        facts.product_id: _classify_ordered(
            ordered, facts, default, category_names, tag_names
        )
        for facts in facts_list
    }
