# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Finding an asset from a scanned code, and what the Scan screen shows.

One lookup (:meth:`_find_by_code`) for the Scan screen, the audit campaigns
and the benchmark: the tag first, then the serial, then a label's QR payload
(the tag alone, or a URL holding the asset's id)."""

from odoo import api, models
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.it_asset.lib import scan_codes


class ItAsset(models.Model):
    _inherit = "it.asset"

    def init(self):
        """Case-insensitive lookups of tags and serials by the scans."""
        result = super().init()
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS it_asset_tag_upper_idx "
                "ON it_asset (upper(tag));"
                "CREATE INDEX IF NOT EXISTS it_asset_serial_lower_idx "
                "ON it_asset (lower(serial_number)) WHERE serial_number IS NOT NULL"
            )
        )
        return result

    @api.model
    def _find_by_code(self, code):
        """``(asset, matched_by, note)`` for a cleaned ``code`` (see
        :func:`scan_codes.clean`): ``matched_by`` is ``tag``, ``serial`` or
        ``label``, the asset is empty when nothing matches. ``note`` says
        when the code is also the serial of another asset (the tag wins).

        One query, whatever the register's size, in every company: the
        caller refuses an asset of another company by name (the asset is
        returned elevated for that only; callers use it with their own
        environment once the company is checked)."""
        url_id = scan_codes.asset_id_from_url(code)
        self.flush_model(["tag", "serial_number", "company_id"])
        self.env.cr.execute(
            SQL(
                "SELECT id, 'tag' FROM it_asset WHERE upper(tag) = upper(%(code)s) "
                "UNION ALL SELECT id, 'serial' FROM it_asset "
                "WHERE serial_number IS NOT NULL "
                "AND lower(serial_number) = lower(%(code)s) "
                "UNION ALL SELECT id, 'label' FROM it_asset WHERE id = %(url_id)s "
                "ORDER BY 2 DESC, 1 LIMIT 3",
                code=code,
                url_id=url_id or 0,
            )
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return self.browse(), False, False
        by_kind = {}
        for asset_id, kind in rows:
            by_kind.setdefault(kind, asset_id)
        kind = next(k for k in ("tag", "serial", "label") if k in by_kind)
        asset = self.sudo().browse(by_kind[kind])
        note = False
        other = by_kind.get("serial")
        if kind == "tag" and other and other != by_kind["tag"]:
            note = self.env._(
                "%(code)s is the tag of %(asset)s and the serial number of "
                "another asset: the tag wins.",
                code=code,
                asset=asset.display_name,
            )
        return asset, kind, note

    @api.model
    def _search_display_name(self, operator, value):
        """A label's QR link finds its asset wherever an asset is picked by
        name (the custody dialogs' *Add by Scan*, any many2one): the tag and
        the serial already do (``_rec_names_search``)."""
        domain = super()._search_display_name(operator, value)
        if operator in ("ilike", "=", "=ilike") and isinstance(value, str):
            url_id = scan_codes.asset_id_from_url(value.strip())
            if url_id:
                domain = expression.OR([domain, [("id", "=", url_id)]])
        return domain

    def _scan_card(self):
        """What the Scan screen shows of an asset, and which actions it
        offers (the buttons it may show to this user)."""
        self.ensure_one()
        is_it = self.env.user.has_group("it_asset.group_it_asset_user")
        custody = self.custody_id
        return {
            "id": self.id,
            "tag": self.tag,
            "name": self.name,
            "state": self.state,
            "state_label": dict(
                self._fields["state"]._description_selection(self.env)
            ).get(self.state),
            "serial_number": self.serial_number or "",
            "category": self.category_id.display_name,
            "holder": self.holder_name or "",
            "location": self.location_id.display_name or "",
            "company": self.company_id.name,
            "image_url": f"/web/image/product.product/{self.product_id.id}/image_128"
            if self.product_id
            else "",
            "can_checkout": is_it
            and not custody
            and self.state in ("in_stock", "in_use")
            and not self._scan_is_component(),
            "can_checkin": is_it and bool(custody) and not self._scan_is_component(),
            "can_report": is_it and self.state not in ("disposed", "draft"),
        }

    def _scan_is_component(self):
        return bool(self.parent_id)

    @api.model
    def scan_lookup(self, code):
        """The Scan screen without a campaign: find the asset of ``code``
        and return its card (or a message)."""
        return self.env["it.asset.audit"]._scan_result_for_code(code)

    def action_scan_report_failure(self):
        """Report a failure from the Scan screen: a corrective maintenance
        request for the asset, opened for IT to fill in."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Report a Failure"),
            "res_model": "maintenance.request",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_name": self.env._("Failure: %s", self.display_name),
                "default_it_asset_id": self.id,
                "default_maintenance_type": "corrective",
            },
        }
