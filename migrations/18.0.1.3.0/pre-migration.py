# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.3.0, before the models load: an asset's currency becomes its
company's. A draft asset whose cost was entered in another currency keeps
that amount as its cost in purchase currency (converted after the update);
a capitalised asset's cost was booked as it stood and stays."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """ALTER TABLE it_asset
               ADD COLUMN IF NOT EXISTS purchase_currency_id integer,
               ADD COLUMN IF NOT EXISTS purchase_cost numeric"""
    )
    cr.execute(
        """UPDATE it_asset a
              SET purchase_currency_id = a.currency_id,
                  purchase_cost = a.acquisition_cost
             FROM res_company c
            WHERE c.id = a.company_id
              AND a.currency_id IS DISTINCT FROM c.currency_id
              AND a.depreciation_state = 'draft'"""
    )
