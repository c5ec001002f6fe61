# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What finance signs stays as posted: guards of the accounting fields.

Like the statuses and custody history (guarded_fields), these fields change
through the addon's actions only, never by a direct ``write``/``create``,
whoever sends it (administrators and accountants included):

- an asset's accounting state and the entries it points to (capitalisation,
  disposal, impairments): set by Capitalise, posting, Dispose and Change
  Depreciation;
- a capitalised asset's basis (cost, currency, company, category, in-service
  date, method, period, prorata, life, rate, salvage, opening depreciation):
  changed through Change Depreciation only, which recomputes the board;
- every field of a depreciation line that says what is or will be booked:
  written by the board computation and the posting, never by hand.
"""

import math

from odoo import api, models
from odoo.exceptions import UserError, ValidationError

from .guarded_fields import refuse_direct
from .it_asset_depreciation_line import BOARD_FIELDS

# set by the accounting actions only; a new asset is a draft
ACCOUNTING_STATE_FIELDS = frozenset(
    {
        "depreciation_state",
        "capitalisation_move_id",
        "disposal_move_id",
        "disposal_date",
        "impairment_amount",
        "depreciation_paused_since",
        "depreciation_resumed_on",
        "depreciation_pause_days",
    }
)
CREATE_ACCOUNTING_STATE = {"depreciation_state": {"draft"}}
# what a capitalised asset's board and entries are computed from
CAPITALISED_BASIS_FIELDS = frozenset(
    {
        "acquisition_cost",
        "currency_id",
        "purchase_currency_id",
        "purchase_cost",
        "company_id",
        "category_id",
        "in_service_date",
        "depreciation_method",
        "depreciation_period",
        "depreciation_prorata",
        "depreciation_life_months",
        "declining_rate",
        "salvage_value",
        "opening_accumulated_depreciation",
    }
)
# what a depreciation line books: written by the board and the posting
LINE_FIELDS = frozenset({*BOARD_FIELDS, "move_id", "posting_date", "failure_message"})


def refuse_not_finite(records, vals_list):
    """A NaN or an infinite amount or rate (JSON allows them) is refused
    with a message naming the field, before anything is written."""
    bad = sorted(
        {
            records._fields[name]._description_string(records.env)
            for vals in vals_list
            for name, value in vals.items()
            if isinstance(value, float) and not math.isfinite(value)
        }
    )
    if bad:
        raise ValidationError(
            records.env._(
                "%(fields)s must be a number (not NaN or infinity). Nothing was "
                "saved.",
                fields=", ".join(bad),
            )
        )


def _as_record(record, name, value):
    """``value`` (as written) as ``record[name]`` would read it."""
    field = record._fields[name]
    return field.convert_to_record(field.convert_to_cache(value, record), record)


class ItAsset(models.Model):
    _inherit = "it.asset"

    @api.model_create_multi
    def create(self, vals_list):
        refuse_not_finite(self, vals_list)
        refuse_direct(
            self,
            vals_list,
            ACCOUNTING_STATE_FIELDS,
            allowed=CREATE_ACCOUNTING_STATE,
            operation="create",
        )
        return super().create(vals_list)

    def write(self, vals):
        refuse_not_finite(self, [vals])
        refuse_direct(self, [vals], ACCOUNTING_STATE_FIELDS)
        capitalised = self.filtered(lambda a: a.depreciation_state != "draft")
        if capitalised:
            changing = {
                name: value
                for name, value in vals.items()
                if name in CAPITALISED_BASIS_FIELDS
                and any(
                    _as_record(asset, name, value) != asset[name]
                    for asset in capitalised
                )
            }
            if changing:
                try:
                    refuse_direct(capitalised, [changing], CAPITALISED_BASIS_FIELDS)
                except UserError as error:
                    raise UserError(
                        self.env._(
                            "%(assets)s: capitalised, so its cost, category and "
                            "depreciation change through Change Depreciation "
                            "(accountants) only. %(error)s",
                            assets=", ".join(capitalised[:5].mapped("display_name")),
                            error=error.args[0],
                        )
                    ) from error
        return super().write(vals)


class ItAssetDepreciationLine(models.Model):
    _inherit = "it.asset.depreciation.line"

    @api.model_create_multi
    def create(self, vals_list):
        refuse_not_finite(self, vals_list)
        refuse_direct(self, vals_list, LINE_FIELDS, operation="create")
        return super().create(vals_list)

    def write(self, vals):
        refuse_not_finite(self, [vals])
        refuse_direct(self, [vals], LINE_FIELDS)
        return super().write(vals)


class ItAssetCategory(models.Model):
    _inherit = "it.asset.category"

    @api.model_create_multi
    def create(self, vals_list):
        refuse_not_finite(self, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        refuse_not_finite(self, [vals])
        return super().write(vals)
