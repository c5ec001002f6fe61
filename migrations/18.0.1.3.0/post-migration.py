# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.3.0: one capitalisation date (the in-service date takes the former
stock capitalisation date where it had none) and every asset in its
company's currency (draft costs in another currency converted)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "SELECT 1 FROM information_schema.columns "
        "WHERE table_name = 'it_asset' AND column_name = 'capitalised_date'"
    )
    if cr.fetchone():
        cr.execute(
            """UPDATE it_asset SET in_service_date = capitalised_date
                WHERE in_service_date IS NULL AND capitalised_date IS NOT NULL"""
        )
    cr.execute(
        """UPDATE it_asset a SET currency_id = c.currency_id
             FROM res_company c
            WHERE c.id = a.company_id
              AND a.currency_id IS DISTINCT FROM c.currency_id"""
    )
    env = api.Environment(cr, SUPERUSER_ID, {})
    Asset = env["it.asset"].with_context(active_test=False)
    foreign = Asset.search([("purchase_currency_id", "!=", False)])
    foreign.invalidate_recordset()
    env.add_to_compute(Asset._fields["acquisition_cost"], foreign)
    foreign.flush_recordset()
