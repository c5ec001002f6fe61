# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fields per category, without code: Odoo's properties (as fleet does for
vehicle models). A category defines them (CPU, RAM and OS for laptops; size
and ports for monitors), its assets fill them in."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.it_asset.lib import property_values


class ItAsset(models.Model):
    _inherit = "it.asset"

    asset_properties = fields.Properties(
        string="Properties",
        definition="category_id.asset_properties_definition",
        copy=True,
    )

    @api.constrains("asset_properties", "category_id")
    def _check_asset_properties(self):
        for asset in self:
            wrong = property_values.wrong_values(
                asset.category_id.asset_properties_definition,
                dict(asset.asset_properties or {}),
            )
            if wrong:
                raise ValidationError(
                    self.env._(
                        "Asset %(asset)s: %(problems)s. Nothing was saved.",
                        asset=asset.display_name,
                        problems="; ".join(
                            self.env._(
                                "%(property)s must be of type %(type)s, not %(value)r",
                                property=label,
                                type=kind,
                                value=value,
                            )
                            for label, kind, value in wrong
                        ),
                    )
                )
