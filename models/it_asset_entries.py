# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An asset's own journal entries: capitalisation, disposal and impairment.

Each flow is split into validate / prepare / post steps; the values of every
entry come from the one builder, :mod:`odoo.addons.it_asset.lib.journal_entries`
(the depreciation entries too, see it_asset_depreciation_line.py), and every
entry is created with ``account.move.create()`` and posted with ``_post()``,
Odoo's checks on.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount, format_date

from odoo.addons.it_asset.lib import depreciation as dep
from odoo.addons.it_asset.lib import journal_entries as je
from odoo.addons.it_asset.lib import lifecycle

from .guarded_fields import by_action


class ItAsset(models.Model):
    _inherit = "it.asset"

    # ------------------------------------------------------------------
    # the builder's glue
    # ------------------------------------------------------------------
    def _entry_vals(self, kind, date, name, items):
        """``account.move`` values of an entry of the asset (``kind``: see
        lib/journal_entries.KINDS) in its category's journal."""
        self.ensure_one()
        company = self.company_id
        try:
            return je.entry_vals(
                kind=kind,
                company_id=company.id,
                company_currency_id=company.currency_id.id,
                journal_id=self.category_id.with_company(company).journal_id.id,
                date=date,
                name=name,
                items=items,
                digits=company.currency_id.decimal_places,
                asset_id=self.id,
            )
        except ValueError as error:
            raise UserError(
                self.env._(
                    "Asset %(asset)s: the entry cannot be built (%(error)s). "
                    "Nothing was posted.",
                    asset=self.display_name,
                    error=error,
                )
            ) from error

    def _gross_item(self, account, sign):
        """The item of the asset's gross value on ``account`` (``sign`` 1:
        debit, -1: credit), in its purchase currency when it has one."""
        self.ensure_one()
        foreign = self._has_foreign_cost()
        return je.Item(
            account.id,
            sign * self.acquisition_cost,
            currency_id=self.purchase_currency_id.id if foreign else None,
            amount_currency=sign * self.purchase_cost if foreign else None,
        )

    @api.model
    def _post_entries(self, vals_list):
        """Create the entries of ``vals_list`` in one ``create()`` and post
        them with one ``_post()``, Odoo's checks on."""
        moves = self.env["account.move"].create(vals_list)
        moves._post(soft=False)
        return moves

    # ------------------------------------------------------------------
    # capitalisation
    # ------------------------------------------------------------------
    def _capitalise(self, date, counterpart=None):
        """Capitalise ``self`` on ``date`` (the one capitalisation date: the
        in-service date) and, with a ``counterpart`` account, post Dr gross
        value, Cr counterpart per asset. A cost in a purchase currency is
        converted at the rate of that date; the entry keeps the foreign
        amount."""
        self._check_capitalisation(date, counterpart)
        self._it_asset_on_capitalised(date)
        if not counterpart:
            return self.env["account.move"]
        moves = self._post_entries(
            [asset._capitalisation_entry_vals(counterpart) for asset in self]
        )
        for asset, move in zip(self, moves, strict=True):
            by_action(asset).write({"capitalisation_move_id": move.id})
        return moves

    def _check_capitalisation(self, date, counterpart):
        """Refuse, writing nothing, what cannot be capitalised: an asset
        already capitalised, several companies, no cost, or accounts missing
        for the entry or for the board it starts."""
        if not self:
            raise UserError(self.env._("Choose the assets to capitalise."))
        if not date:
            raise UserError(self.env._("Enter the in-service date."))
        done = self.filtered(lambda a: a.depreciation_state != "draft")
        if done:
            raise UserError(
                self.env._(
                    "Asset %(asset)s is already capitalised.",
                    asset=done[0].display_name,
                )
            )
        if len(self.company_id) > 1:
            raise UserError(
                self.env._("Capitalise the assets of one company at a time.")
            )
        free = self.filtered(lambda a: a.acquisition_cost <= 0)
        if free:
            raise UserError(
                self.env._(
                    "%(assets)s: no acquisition cost, so there is nothing to "
                    "capitalise. Enter the cost first. Nothing was capitalised.",
                    assets=", ".join(free.mapped("display_name")),
                )
            )
        if counterpart:
            self._check_accounting_setup(["account_asset_id", "journal_id"])
        self.filtered(
            lambda a: a.depreciation_method not in (False, "none")
        )._check_accounting_setup(
            ["account_depreciation_id", "account_expense_id", "journal_id"]
        )

    def _capitalisation_entry_vals(self, counterpart):
        self.ensure_one()
        category = self.category_id.with_company(self.company_id)
        return self._entry_vals(
            "capitalisation",
            self.in_service_date,
            self.env._("%(asset)s: capitalisation", asset=self.display_name),
            [
                self._gross_item(category.account_asset_id, 1),
                self._gross_item(counterpart, -1),
            ],
        )

    # ------------------------------------------------------------------
    # disposal
    # ------------------------------------------------------------------
    def _last_posted_date(self):
        self.ensure_one()
        return self._posted_depreciation(self.ids).get(self.id, (0.0, None))[1]

    def _dispose(self, date, proceeds=0.0, proceeds_account=None, invoice=None):
        """Dispose of the asset on ``date``: depreciation up to that date (a
        daily share of its period), then the disposal entry: Dr accumulated
        depreciation, Dr proceeds, Cr gross value, the difference to the gain
        or loss account. Returns the disposal entry.

        The entry is posted with elevated rights, here only: a stock scrap by
        a warehouse user disposes of a capitalised asset."""
        self.ensure_one()
        self._check_disposal(date, proceeds, proceeds_account)
        self._depreciate_until(date)
        book_value = self.book_value
        move = self.sudo()._post_entries(
            [self._disposal_entry_vals(date, proceeds, proceeds_account)]
        )
        self._record_disposal(move, date, book_value, proceeds, invoice)
        return move

    def _check_disposal(self, date, proceeds, proceeds_account):
        asset = self
        if asset.depreciation_state not in ("running", "done"):
            raise UserError(
                self.env._(
                    "Asset %(asset)s is not capitalised or already disposed of.",
                    asset=asset.display_name,
                )
            )
        asset._check_accounting_setup(
            [
                "account_asset_id",
                "account_depreciation_id",
                "account_expense_id",
                "account_gain_id",
                "account_loss_id",
                "journal_id",
            ]
        )
        if date > fields.Date.context_today(self):
            raise UserError(
                self.env._(
                    "Asset %(asset)s: the disposal date %(date)s is in the future. "
                    "A disposal is booked once it happened, on or before today. "
                    "Nothing was disposed of.",
                    asset=asset.display_name,
                    date=format_date(self.env, date),
                )
            )
        last_posted = asset._last_posted_date()
        if last_posted and date < last_posted:
            raise UserError(
                self.env._(
                    "Asset %(asset)s: the disposal date %(date)s is before the last "
                    "posted depreciation period (%(last)s).",
                    asset=asset.display_name,
                    date=date,
                    last=last_posted,
                )
            )
        if date < asset.in_service_date:
            raise UserError(
                self.env._(
                    "Asset %(asset)s: the disposal date %(date)s is before the "
                    "in-service date %(start)s.",
                    asset=asset.display_name,
                    date=date,
                    start=asset.in_service_date,
                )
            )
        if proceeds and not proceeds_account:
            raise UserError(
                self.env._(
                    "Asset %(asset)s: choose the account of the sale proceeds.",
                    asset=asset.display_name,
                )
            )

    def _depreciate_until(self, date):
        """Post the periods ended by ``date`` as planned, then the daily share
        of the period containing it; the rest of the board goes."""
        asset = self
        Line = self.env["it.asset.depreciation.line"].sudo()
        result = self._post_depreciation_up_to(date, asset_ids=asset.ids)
        if result["failed"]:
            raise UserError(result["failed"][asset.id])
        unposted = Line.search(
            [("asset_id", "=", asset.id), ("move_id", "=", False)], order="date"
        )
        current = unposted[:1]
        vals = None
        if current and current.period_start <= date < current.date:
            share = dep.daily_share(
                current.amount,
                current.period_start,
                current.date,
                date,
                asset.company_id.currency_id.decimal_places,
            )
            if share:
                vals = {
                    "asset_id": asset.id,
                    "date": date,
                    "period_start": current.period_start,
                    "amount": share,
                    "accumulated": asset.accumulated_depreciation + share,
                    "remaining": asset.book_value - share,
                }
        by_action(unposted).unlink()
        if vals:
            by_action(Line).create(vals)._post_depreciation_lines()
        asset.invalidate_recordset(["accumulated_depreciation", "book_value"])

    def _disposal_entry_vals(self, date, proceeds, proceeds_account):
        self.ensure_one()
        category = self.category_id.with_company(self.company_id)
        foreign = self._has_foreign_cost()
        items = je.disposal_items(
            gross=self.acquisition_cost,
            accumulated=self.accumulated_depreciation,
            proceeds=proceeds,
            digits=self.company_id.currency_id.decimal_places,
            accounts={
                "accumulated": category.account_depreciation_id.id,
                "gross": category.account_asset_id.id,
                "proceeds": proceeds_account.id if proceeds_account else False,
                "gain": category.account_gain_id.id,
                "loss": category.account_loss_id.id,
            },
            gross_currency_id=self.purchase_currency_id.id if foreign else None,
            gross_amount_currency=self.purchase_cost if foreign else None,
        )
        return self._entry_vals(
            "disposal",
            date,
            self.env._("%(asset)s: disposal", asset=self.display_name),
            items,
        )

    def _record_disposal(self, move, date, book_value, proceeds, invoice):
        asset = self
        by_action(asset).write(
            {
                "depreciation_state": "disposed",
                "disposal_move_id": move.id,
                "disposal_date": date,
            }
        )
        if asset.state != "disposed" and not lifecycle.illegal(
            [(asset, asset.state, lifecycle.DISPOSED)]
        ):
            asset._change_state(lifecycle.DISPOSED)
        currency = asset.company_id.currency_id
        body = self.env._(
            "Disposed of on %(date)s: book value %(book)s, proceeds %(proceeds)s.",
            date=format_date(self.env, date),
            book=format_amount(self.env, book_value, currency),
            proceeds=format_amount(self.env, proceeds, currency),
        )
        if invoice:
            body += " " + self.env._("Invoice: %s", invoice.display_name)
        asset._message_log(body=body)

    # ------------------------------------------------------------------
    # change of life or salvage, impairment
    # ------------------------------------------------------------------
    def _revalue(
        self, date, useful_life_months=None, salvage_value=None, impairment=0.0
    ):
        """Change of useful life or salvage, or an impairment on ``date``: the
        impairment is posted (Dr loss, Cr accumulated depreciation) and the
        unposted lines are recomputed from the book value over the remaining
        life."""
        self.ensure_one()
        self._check_revaluation(date, salvage_value, impairment)
        vals = {}
        if useful_life_months is not None:
            vals["depreciation_life_months"] = useful_life_months
        if salvage_value is not None:
            vals["salvage_value"] = salvage_value
        move = self.env["account.move"]
        if impairment:
            # the wizard is the accountants'; the entry is theirs too
            move = self.sudo()._post_entries(
                [self._impairment_entry_vals(date, impairment)]
            )
            vals["impairment_amount"] = self.impairment_amount + impairment
        if self.depreciation_state == "done":
            vals["depreciation_state"] = "running"
        by_action(self).write(vals)
        self._build_depreciation_boards()
        return move

    def _check_revaluation(self, date, salvage_value, impairment):
        asset = self
        if asset.depreciation_state not in ("running", "done"):
            raise UserError(
                self.env._(
                    "Asset %(asset)s is not depreciating: nothing to revalue.",
                    asset=asset.display_name,
                )
            )
        last_posted = asset._last_posted_date()
        if last_posted and date <= last_posted:
            raise UserError(
                self.env._(
                    "Asset %(asset)s: the change date %(date)s must be after the "
                    "last posted period (%(last)s).",
                    asset=asset.display_name,
                    date=date,
                    last=last_posted,
                )
            )
        if impairment < 0 or impairment > asset.book_value - (
            salvage_value if salvage_value is not None else asset.salvage_value
        ):
            raise UserError(
                self.env._(
                    "Asset %(asset)s: the impairment %(amount)s must be positive "
                    "and leave the book value above the salvage value.",
                    asset=asset.display_name,
                    amount=impairment,
                )
            )
        if impairment:
            asset._check_accounting_setup(
                ["account_depreciation_id", "account_loss_id", "journal_id"]
            )

    def _impairment_entry_vals(self, date, impairment):
        self.ensure_one()
        category = self.category_id.with_company(self.company_id)
        return self._entry_vals(
            "impairment",
            date,
            self.env._("%(asset)s: impairment", asset=self.display_name),
            [
                je.Item(category.account_loss_id.id, impairment),
                je.Item(category.account_depreciation_id.id, -impairment),
            ],
        )
