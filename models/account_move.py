# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    it_asset_id = fields.Many2one(
        "it.asset",
        string="IT Asset",
        index="btree_not_null",
        copy=False,
        readonly=True,
        check_company=True,
        help="The IT asset this entry capitalises, depreciates or disposes of.",
    )
    it_asset_depreciation_line_ids = fields.One2many(
        "it.asset.depreciation.line",
        "move_id",
        string="IT Asset Depreciation Lines",
        readonly=True,
    )

    def _get_next_sequence_format(self):
        """Within one depreciation posting (context ``it_asset_sequence_memo``),
        entries of the same journal, date and type share their sequence format:
        read the journal's last number once, not once per entry.

        The memo lives in Odoo's own transactional sequence cache, so it goes
        with it (commit, rollback, or any renumbering that clears the cache).
        The numbers themselves still come from ``_locked_increment``: the first
        entry locks the sequence, the next ones take the following numbers."""
        if not self.env.context.get("it_asset_sequence_memo"):
            return super()._get_next_sequence_format()
        cache = self._get_sequence_cache()
        key = (
            "it_asset.sequence_format",
            self.journal_id.id,
            self.date,
            self.move_type,
            bool(self.origin_payment_id or self.env.context.get("is_payment")),
        )
        if key not in cache:
            cache[key] = super()._get_next_sequence_format()
        format_string, format_values = cache[key]
        # _locked_increment pops 'seq' from the values: hand out a copy
        return format_string, dict(format_values)

    def _reverse_moves(self, default_values_list=None, cancel=False):
        """Reversing a depreciation entry reopens its lines: the next run posts
        them again."""
        reversals = super()._reverse_moves(
            default_values_list=default_values_list, cancel=cancel
        )
        self._it_asset_reopen_depreciation_lines()
        return reversals

    def _it_asset_reopen_depreciation_lines(self):
        lines = self.sudo().it_asset_depreciation_line_ids
        if not lines:
            return
        lines.write({"move_id": False, "posting_date": False})
        assets = lines.asset_id.filtered(lambda a: a.depreciation_state == "done")
        assets.write({"depreciation_state": "running"})
        for asset in lines.asset_id:
            asset.message_post(
                body=self.env._(
                    "Depreciation entry %(move)s was reversed: its period will be "
                    "posted again.",
                    move=", ".join(self.mapped("display_name")),
                )
            )
