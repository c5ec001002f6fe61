# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from odoo.addons.it_asset.lib.entry_copies import (
    AMOUNT,
    COPY,
    MINUS_AMOUNT,
    NotCopyable,
    copy_plan,
    samples,
)

NUMERIC = {"debit", "credit", "balance", "quantity", "analytic"}


def _item(amount, **vals):
    row = {
        "id": vals.pop("id", 1),
        "account_id": 7,
        "name": "label",
        "debit": amount,
        "credit": 0.0,
        "balance": amount,
        "quantity": 1.0,
        "analytic": -amount,
    }
    row.update(vals)
    return row


@tagged("post_install", "-at_install")
class TestEntryCopies(BaseCase):
    def test_columns_follow_the_amount_or_are_copied(self):
        plan = copy_plan(
            _item(100.0, id=1, name="a"),
            _item(250.0, id=2, name="b"),
            100.0,
            250.0,
            given={"id", "name"},
            numeric=NUMERIC,
        )
        self.assertEqual(
            plan,
            {
                "account_id": COPY,
                "debit": AMOUNT,
                "credit": COPY,
                "balance": AMOUNT,
                "quantity": COPY,
                "analytic": MINUS_AMOUNT,
            },
        )

    def test_a_column_that_changes_otherwise_is_not_copyable(self):
        with self.assertRaises(NotCopyable) as error:
            copy_plan(
                _item(100.0, analytic=-60.0),
                _item(250.0, analytic=-150.0),
                100.0,
                250.0,
                numeric=NUMERIC,
            )
        self.assertEqual(error.exception.column, "analytic")
        # an id-like column is never an amount, even when it happens to match
        with self.assertRaises(NotCopyable) as error:
            copy_plan(
                _item(100.0, account_id=100),
                _item(250.0, account_id=250),
                100.0,
                250.0,
                numeric=NUMERIC,
            )
        self.assertEqual(error.exception.column, "account_id")
        # a text column that differs and is not given by the caller
        with self.assertRaises(NotCopyable):
            copy_plan(_item(1.0, name="a"), _item(2.0, name="b"), 1.0, 2.0, NUMERIC)

    def test_equal_amounts_only_copy(self):
        plan = copy_plan(_item(80.0), _item(80.0), 80.0, 80.0, numeric=NUMERIC)
        self.assertEqual(set(plan.values()), {COPY})
        with self.assertRaises(NotCopyable):
            copy_plan(_item(80.0), _item(80.0, debit=81.0), 80.0, 80.0, (), NUMERIC)

    def test_rows_of_other_columns_are_not_copyable(self):
        second = _item(2.0)
        second["extra"] = 1
        with self.assertRaises(NotCopyable) as error:
            copy_plan(_item(1.0), second, 1.0, 2.0, numeric=NUMERIC)
        self.assertEqual(error.exception.column, "extra")

    def test_samples_are_the_smallest_and_largest_amount(self):
        self.assertEqual(samples([50.0, 10.0, 90.0, 10.0, 90.0]), (1, 2))
        self.assertEqual(samples([5.0, 5.0, 5.0]), (0, 1))
        self.assertEqual(samples([7.0, 3.0]), (1, 0))
        with self.assertRaises(ValueError):
            samples([1.0])
