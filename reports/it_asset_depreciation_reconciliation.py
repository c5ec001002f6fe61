# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class ItAssetDepreciationReconciliation(models.Model):
    """Accumulated depreciation per company and account: the sub-ledger (the
    capitalised, not disposed assets: opening depreciation, impairments and
    posted lines) next to the general-ledger balance of the account."""

    _name = "it.asset.depreciation.reconciliation"
    _description = "IT Asset Depreciation Reconciliation"
    _auto = False
    _order = "company_id, account_id"

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    account_id = fields.Many2one(
        "account.account", string="Accumulated Depreciation Account", readonly=True
    )
    categories = fields.Char(readonly=True)
    asset_count = fields.Integer(string="Assets", readonly=True)
    subledger_balance = fields.Monetary(
        string="Depreciation Lines", readonly=True, currency_field="currency_id"
    )
    ledger_balance = fields.Monetary(
        string="General Ledger", readonly=True, currency_field="currency_id"
    )
    difference = fields.Monetary(readonly=True, currency_field="currency_id")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE VIEW %s AS
                WITH posted AS (
                    SELECT asset_id, SUM(amount) AS amount
                      FROM it_asset_depreciation_line
                     WHERE move_id IS NOT NULL
                  GROUP BY asset_id
                ), sub AS (
                    SELECT a.company_id,
                           (c.account_depreciation_id ->> a.company_id::text)::int
                               AS account_id,
                           string_agg(DISTINCT c.complete_name, ', ') AS categories,
                           COUNT(*) AS asset_count,
                           SUM(COALESCE(p.amount, 0)
                               + COALESCE(a.opening_accumulated_depreciation, 0)
                               + COALESCE(a.impairment_amount, 0)) AS balance
                      FROM it_asset a
                      JOIN it_asset_category c ON c.id = a.category_id
                 LEFT JOIN posted p ON p.asset_id = a.id
                     WHERE a.depreciation_state IN ('running', 'done')
                  GROUP BY 1, 2
                ), gl AS (
                    SELECT l.company_id, l.account_id,
                           SUM(l.credit - l.debit) AS balance
                      FROM account_move_line l
                     WHERE l.parent_state = 'posted'
                       AND l.account_id IN (SELECT account_id FROM sub)
                  GROUP BY 1, 2
                )
                SELECT row_number() OVER (ORDER BY sub.company_id, sub.account_id)
                           AS id,
                       sub.company_id, sub.account_id, sub.categories,
                       sub.asset_count,
                       sub.balance AS subledger_balance,
                       COALESCE(gl.balance, 0) AS ledger_balance,
                       sub.balance - COALESCE(gl.balance, 0) AS difference
                  FROM sub
             LEFT JOIN gl ON gl.company_id = sub.company_id
                         AND gl.account_id = sub.account_id""",
                SQL.identifier(self._table),
            )
        )
