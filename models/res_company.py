# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, fields, models

from odoo.addons.it_asset.lib import classification

from .it_asset_depreciation_pause import STOCK_DEPRECIATION_POLICIES


class ResCompany(models.Model):
    _inherit = "res.company"

    # where IT assets live (see data/stock_location_data.xml; created on demand
    # for other companies by _it_asset_locations())
    it_asset_stock_location_id = fields.Many2one(
        "stock.location",
        string="IT Stock Room",
        domain="[('usage', '=', 'internal'), ('company_id', 'in', [id, False])]",
        help="Internal location where IT keeps assets that are not deployed.",
    )
    it_asset_in_use_location_id = fields.Many2one(
        "stock.location",
        string="Assets in Use",
        help="Parent of the custody locations of employees and departments: an "
        "asset moved to one of its children is in use (and leaves the valued "
        "stock).",
    )
    it_asset_repair_location_id = fields.Many2one(
        "stock.location",
        string="At Repair Vendor",
        help="Location of the assets sent to a repair vendor.",
    )
    it_asset_responsible_id = fields.Many2one(
        "res.users",
        string="Default IT Responsible",
        domain="[('share', '=', False)]",
        help="Gets the activities (expiry alerts, overdue returns, problems "
        "reported) of the assets that have no IT responsible.",
    )
    it_asset_eol_notice_days = fields.Integer(
        string="End of Life Notice (days)",
        default=90,
        help="Assets reaching their end of life within this many days get a "
        "to-do for their IT responsible, and count as 'End of Life Soon'.",
    )
    # classification when no rule matches
    it_asset_default_outcome = fields.Selection(
        [
            ("inventory", "Inventory"),
            ("expense", "Expense"),
            ("asset", "Asset"),
        ],
        string="Default Classification",
        default="inventory",
        required=True,
        help="Classification of a received product when no classification rule "
        "matches it.",
    )
    it_asset_default_category_id = fields.Many2one(
        "it.asset.category",
        string="Default Asset Category",
        help="Asset category used when the default classification is 'Asset'.",
    )
    it_asset_default_capitalise_on = fields.Selection(
        [("receipt", "On Receipt"), ("deployment", "On Deployment")],
        string="Default Capitalisation",
        default=classification.DEFAULT_CAPITALISE_ON,
        required=True,
    )
    it_asset_stock_depreciation = fields.Selection(
        STOCK_DEPRECIATION_POLICIES,
        string="Depreciation Back in Stock",
        default="keep",
        required=True,
        help="An asset capitalised on deployment that goes back to stock: keep "
        "depreciating it, or pause its depreciation until it is deployed again "
        "(its life is lengthened by the days in stock).",
    )
    # advanced, off by default: every entry goes through the accounting
    # engine unless an accounting manager opts in
    it_asset_entry_copies = fields.Boolean(
        string="Bulk Depreciation Entries",
        default=False,
        help="Advanced, off by default. Per-asset depreciation entries of the "
        "same journal, date, accounts and analytic distribution are written "
        "in bulk: the accounting engine writes two of them, the others are "
        "copies with their own amount, label and number. Never used while the "
        "company's audit trail is on or on a hash-protected journal. Leave it "
        "off if a module must act on the creation or posting of every journal "
        "entry.",
    )

    _sql_constraints = [
        (
            "it_asset_eol_notice_days_positive",
            "CHECK(it_asset_eol_notice_days >= 0)",
            "The end-of-life notice of IT assets cannot be a negative number of "
            "days.",
        ),
    ]

    def _it_asset_locations(self):
        """Return {company: (stock room, in use, repair)} for ``self``, creating
        the missing locations (in one create per kind) and remembering them."""
        Location = self.env["stock.location"].sudo()
        virtual = self.env.ref(
            "stock.stock_location_locations_virtual", raise_if_not_found=False
        )
        todo = {
            "it_asset_stock_location_id": [],
            "it_asset_in_use_location_id": [],
            "it_asset_repair_location_id": [],
        }
        for company in self:
            for field_name, companies in todo.items():
                if not company[field_name]:
                    companies.append(company)
        for field_name, companies in todo.items():
            if not companies:
                continue
            if field_name == "it_asset_stock_location_id":
                warehouses = {
                    wh.company_id: wh
                    for wh in self.env["stock.warehouse"]
                    .sudo()
                    .search(
                        [("company_id", "in", [c.id for c in companies])],
                        order="sequence desc, id desc",
                    )
                }
                vals_list = [
                    {
                        "name": self.env._("IT Stock Room"),
                        "usage": "internal",
                        "location_id": warehouses[company].lot_stock_id.id
                        if company in warehouses
                        else False,
                        "company_id": company.id,
                    }
                    for company in companies
                ]
            else:
                name = (
                    self.env._("Assets in Use")
                    if field_name == "it_asset_in_use_location_id"
                    else self.env._("At Repair Vendor")
                )
                vals_list = [
                    {
                        "name": name,
                        "usage": "inventory",
                        "location_id": virtual.id if virtual else False,
                        "company_id": company.id,
                    }
                    for company in companies
                ]
            locations = Location.create(vals_list)
            for company, location in zip(companies, locations, strict=True):
                company.sudo()[field_name] = location
        return {
            company: (
                company.it_asset_stock_location_id,
                company.it_asset_in_use_location_id,
                company.it_asset_repair_location_id,
            )
            for company in self
        }

    def _it_asset_holder_locations(self, holders):
        """Custody locations of ``holders`` (hr.employee or hr.department
        records, one model per call) under this company's "Assets in Use".

        Returns {holder: stock.location}; the missing locations are created in
        one create, named after their holder and linked back to it.
        """
        self.ensure_one()
        if not holders:
            return {}
        field_name = {
            "hr.employee": "it_asset_employee_id",
            "hr.department": "it_asset_department_id",
        }[holders._name]
        in_use = self._it_asset_locations()[self][1]
        Location = self.env["stock.location"].sudo()
        existing = Location.with_context(active_test=False).search(
            [
                (field_name, "in", holders.ids),
                ("location_id", "=", in_use.id),
            ]
        )
        result = {location[field_name]: location for location in existing}
        missing = holders.filtered(lambda h: h not in result)
        if missing:
            created = Location.create(
                [
                    {
                        "name": holder.name,
                        "usage": "inventory",
                        "location_id": in_use.id,
                        "company_id": self.id,
                        field_name: holder.id,
                    }
                    for holder in missing
                ]
            )
            result.update(zip(missing, created, strict=True))
        inactive = Location.browse(
            [loc.id for loc in result.values() if not loc.active]
        )
        if inactive:
            inactive.active = True
        return {holder: result[holder].sudo(False) for holder in holders}

    def _it_asset_default_responsible(self):
        """The person who gets the register's activities for ``self`` when an
        asset has no IT responsible: the company's default, else its first IT
        manager (a real person, never the superuser or OdooBot)."""
        self.ensure_one()
        if self.it_asset_responsible_id.active:
            return self.it_asset_responsible_id
        return (
            self.env.ref("it_asset.group_it_asset_manager")
            .sudo()
            .users.filtered(
                lambda u: not u.share
                and u.active
                and u.id != SUPERUSER_ID
                and self in u.company_ids
            )
            .sorted("id")[:1]
        )
