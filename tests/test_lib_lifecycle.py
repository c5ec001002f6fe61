# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from odoo.addons.it_asset.lib import lifecycle as lc


@tagged("post_install", "-at_install")
class TestLifecycle(BaseCase):
    def test_disposed_is_final(self):
        for state in lc.STATES:
            if state != lc.DISPOSED:
                self.assertFalse(lc.is_allowed(lc.DISPOSED, state), state)

    def test_same_state_is_no_change(self):
        for state in lc.STATES:
            self.assertTrue(lc.is_allowed(state, state))

    def test_in_use_must_be_returned_before_disposal(self):
        self.assertFalse(lc.is_allowed(lc.IN_USE, lc.DISPOSED))
        self.assertTrue(lc.is_allowed(lc.IN_USE, lc.IN_STOCK))
        self.assertTrue(lc.is_allowed(lc.IN_STOCK, lc.DISPOSED))

    def test_draft_only_goes_into_service(self):
        self.assertEqual(lc.ALLOWED_TRANSITIONS[lc.DRAFT], {lc.IN_STOCK, lc.IN_USE})

    def test_illegal_lists_only_refused_changes(self):
        changes = [(1, lc.IN_STOCK, lc.IN_USE), (2, lc.DISPOSED, lc.IN_USE)]
        self.assertEqual(lc.illegal(changes), [(2, lc.DISPOSED, lc.IN_USE)])

    def test_unknown_state(self):
        with self.assertRaises(ValueError):
            lc.is_allowed(lc.DRAFT, "sold")
