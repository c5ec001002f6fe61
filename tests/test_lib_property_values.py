# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime as dt

from odoo.tests import BaseCase, tagged

from odoo.addons.it_asset.lib.property_values import wrong_values

DEFINITION = [
    {"name": "ram", "string": "RAM", "type": "integer"},
    {"name": "size", "string": "Size", "type": "float"},
    {"name": "ssd", "string": "SSD", "type": "boolean"},
    {"name": "cpu", "string": "CPU", "type": "char"},
    {"name": "eos", "string": "End of Support", "type": "date"},
    {"name": "seen", "string": "Seen", "type": "datetime"},
    {"name": "os", "string": "OS", "type": "selection", "selection": [["l", "L"]]},
]


@tagged("post_install", "-at_install")
class TestLibPropertyValues(BaseCase):
    def test_values_of_their_type_fit(self):
        values = {
            "ram": 16,
            "size": 27,
            "ssd": True,
            "cpu": "M3",
            "eos": "2029-01-31",
            "seen": "2026-01-31 10:00:00",
            "os": "l",
        }
        self.assertEqual(wrong_values(DEFINITION, values), [])
        self.assertEqual(wrong_values(DEFINITION, {"eos": dt.date(2029, 1, 31)}), [])

    def test_empty_values_fit(self):
        self.assertEqual(
            wrong_values(DEFINITION, dict.fromkeys(("ram", "eos", "cpu"), False)), []
        )
        self.assertEqual(wrong_values(DEFINITION, {"size": None, "cpu": ""}), [])

    def test_wrong_values_are_named(self):
        wrong = wrong_values(
            DEFINITION,
            {
                "ram": "16 GB",
                "size": float("nan"),
                "ssd": "yes",
                "cpu": 3,
                "eos": "next year",
                "seen": "soon",
            },
        )
        self.assertEqual(
            [label for label, _type, _value in wrong],
            ["RAM", "Size", "SSD", "CPU", "End of Support", "Seen"],
        )

    def test_booleans_are_not_numbers(self):
        self.assertEqual(len(wrong_values(DEFINITION, {"ram": True, "size": False})), 1)

    def test_unknown_properties_and_odoo_checked_types_are_left(self):
        self.assertEqual(wrong_values(DEFINITION, {"gpu": 1, "os": "zzz"}), [])
        self.assertEqual(wrong_values([], {"ram": "x"}), [])
