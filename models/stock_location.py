# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    it_asset_employee_id = fields.Many2one(
        "hr.employee",
        string="Custody of Employee",
        index="btree_not_null",
        ondelete="set null",
        help="This location holds the IT assets in the custody of this employee.",
    )
    it_asset_department_id = fields.Many2one(
        "hr.department",
        string="Custody of Department",
        index="btree_not_null",
        ondelete="set null",
        help="This location holds the IT assets in the custody of this department.",
    )
    it_asset_role = fields.Selection(
        [
            ("stock", "IT Stock Room"),
            ("in_use", "Assets in Use"),
            ("repair", "At Repair Vendor"),
        ],
        string="IT Asset Role",
        compute="_compute_it_asset_role",
        help="What this location is for the IT asset register (from the "
        "company settings; children of 'Assets in Use' are custody locations).",
    )

    def _compute_it_asset_role(self):
        roles = self._it_asset_roles()
        for location in self:
            location.it_asset_role = roles(location)

    @api.model
    def _it_asset_roles(self):
        """Return a function location -> 'stock' | 'in_use' | 'repair' | False,
        from the IT locations of all companies (one query)."""
        roots = {}
        companies = (
            self.env["res.company"]
            .sudo()
            .search(
                [
                    "|",
                    "|",
                    ("it_asset_in_use_location_id", "!=", False),
                    ("it_asset_repair_location_id", "!=", False),
                    ("it_asset_stock_location_id", "!=", False),
                ]
            )
        )
        for company in companies:
            for role, location in (
                ("in_use", company.it_asset_in_use_location_id),
                ("repair", company.it_asset_repair_location_id),
                ("stock", company.it_asset_stock_location_id),
            ):
                if location:
                    roots[location.id] = role

        def role_of(location):
            if not location or not location.parent_path:
                return False
            for location_id in reversed(location.parent_path.strip("/").split("/")):
                role = roots.get(int(location_id))
                if role:
                    return role
            return False

        return role_of
