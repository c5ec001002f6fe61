# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class ItAssetLicenceSeat(models.Model):
    _name = "it.asset.licence.seat"
    _description = "IT Licence Seat Assignment"
    _order = "licence_id, date_assigned desc, id desc"
    _check_company_auto = True

    licence_id = fields.Many2one(
        "it.asset",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('kind', '=', 'software')]",
    )
    company_id = fields.Many2one(
        related="licence_id.company_id", store=True, index=True, precompute=True
    )
    employee_id = fields.Many2one(
        "hr.employee", index="btree_not_null", check_company=True
    )
    device_id = fields.Many2one(
        "it.asset",
        index="btree_not_null",
        check_company=True,
        domain="[('kind', '=', 'hardware')]",
    )
    date_assigned = fields.Date(default=fields.Date.context_today, required=True)
    note = fields.Char()

    _sql_constraints = [
        (
            "employee_uniq",
            "UNIQUE(licence_id, employee_id)",
            "This employee already has a seat of this licence.",
        ),
        (
            "device_uniq",
            "UNIQUE(licence_id, device_id)",
            "This device already has a seat of this licence.",
        ),
    ]

    @api.depends("licence_id", "employee_id", "device_id")
    def _compute_display_name(self):
        for seat in self:
            holder = seat.employee_id or seat.device_id
            seat.display_name = (
                f"{seat.licence_id.display_name} / {holder.display_name}"
            )

    @api.constrains("employee_id", "device_id", "licence_id")
    def _check_holder(self):
        for seat in self:
            if bool(seat.employee_id) == bool(seat.device_id):
                raise ValidationError(
                    self.env._(
                        "A seat of %(licence)s goes to an employee or to a device "
                        "(exactly one of them).",
                        licence=seat.licence_id.display_name,
                    )
                )
            if seat.licence_id.kind != "software":
                raise ValidationError(
                    self.env._(
                        "%(asset)s is not a software licence: it has no seats.",
                        asset=seat.licence_id.display_name,
                    )
                )
        self._check_seat_limit()

    @api.model_create_multi
    def create(self, vals_list):
        licence_ids = {
            vals["licence_id"] for vals in vals_list if vals.get("licence_id")
        }
        if licence_ids:
            # serialise concurrent assignments of the same licences
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM it_asset WHERE id IN %s FOR NO KEY UPDATE",
                    tuple(licence_ids),
                )
            )
            self._check_seat_limit_before_create(vals_list)
        return super().create(vals_list)

    def _check_seat_limit_before_create(self, vals_list):
        """Refuse, before anything is written, assignments past the seats."""
        new = {}
        for vals in vals_list:
            if vals.get("licence_id"):
                new[vals["licence_id"]] = new.get(vals["licence_id"], 0) + 1
        licences = self.env["it.asset"].browse(new)
        counts = dict(
            self.sudo()._read_group(
                [("licence_id", "in", licences.ids)], ["licence_id"], ["__count"]
            )
        )
        # other kinds of assets have no seats: _check_holder says so
        for licence in licences.filtered(lambda a: a.kind == "software"):
            used = counts.get(licence, 0) + new[licence.id]
            if used > licence.licence_seats:
                raise ValidationError(self._seat_limit_message(licence, used))

    def _seat_limit_message(self, licence, used):
        return self.env._(
            "Licence %(licence)s has %(seats)s seats and %(used)s assignments: "
            "remove assignments or buy more seats.",
            licence=licence.display_name,
            seats=licence.licence_seats,
            used=used,
        )

    def _check_seat_limit(self):
        """Refuse more assignments than the licence has seats."""
        licences = self.licence_id
        if not licences:
            return
        counts = dict(
            self.sudo()._read_group(
                [("licence_id", "in", licences.ids)], ["licence_id"], ["__count"]
            )
        )
        for licence in licences:
            used = counts.get(licence, 0)
            if used > licence.licence_seats:
                raise ValidationError(self._seat_limit_message(licence, used))
