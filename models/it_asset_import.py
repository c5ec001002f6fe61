# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Migration import: a register with its holders, from another system.

Odoo's own import (``base_import``, Favourites ▸ Import records on the
register, or *IT Assets ▸ Configuration ▸ Import Assets*) takes the usual
asset columns plus four that exist only for the import: the status, the
holder, the check-out date and the expected return. ``load()`` runs every
row through :meth:`_load_records`: the rows are checked together first (each
bad row is reported, nothing is written), then the assets are created in
their statuses through the documented import path (``_import_create``) and
the held ones are checked out through the same check-out code as the
buttons, so status, location, stock and history agree.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.it_asset.lib import asset_import, lifecycle

from .guarded_fields import is_action

IMPORT_ONLY_FIELDS = frozenset(
    {
        "import_state",
        "import_holder",
        "import_checkout_date",
        "import_expected_return_date",
    }
)


class _RowsRefused(Exception):
    """Some rows of a batch are bad: Odoo then retries the rows one by one,
    and each bad row reports its own error (an exception that is not a
    UserError, so Odoo adds no message of its own for the whole batch)."""


class ImportRun:
    """One ``load()`` call: whether its rows already failed the batch check
    (the rows Odoo then retries one by one are only checked, so that the
    error of each bad row is reported without writing the good ones), and,
    when ``collect``, what was created (the Import Assets dry run lists it
    before Odoo rolls it back). Rows are known by the id of their values:
    the dict Odoo hands to ``_load_records`` and then to
    ``_load_records_create``."""

    __slots__ = ("collect", "created", "errors", "failed", "prepared")

    def __init__(self, collect=False):
        self.failed = False
        # id of a row's values -> its error, or the row checked and ready
        self.errors = {}
        self.prepared = {}
        self.collect = collect
        self.created = []


class ItAsset(models.Model):
    _inherit = "it.asset"

    # columns of the migration import only: read as empty, written by the
    # import (anything else refuses them)
    import_state = fields.Char(
        string="Status (import)",
        compute="_compute_import_fields",
        inverse="_inverse_import_fields",
        help="Import only: the status in the former system (In Stock, In "
        "Use, In Repair, Retired, Disposed, Missing, Draft; Snipe-IT's "
        "Ready to Deploy, Deployed, Pending, Archived, Out for Repair, "
        "Lost/Stolen are understood). Empty: In Use when a holder is given, "
        "else In Stock.",
    )
    import_holder = fields.Char(
        string="Holder (import)",
        compute="_compute_import_fields",
        inverse="_inverse_import_fields",
        help="Import only: who holds the asset: an employee (work email or "
        "name), a department or a stock location (full name).",
    )
    import_checkout_date = fields.Date(
        string="Checked Out On (import)",
        compute="_compute_import_fields",
        inverse="_inverse_import_fields",
        help="Import only: since when the holder has the asset (default: today).",
    )
    import_expected_return_date = fields.Date(
        string="Expected Return (import)",
        compute="_compute_import_fields",
        inverse="_inverse_import_fields",
    )

    def _compute_import_fields(self):
        for name in IMPORT_ONLY_FIELDS:
            self[name] = False

    def _inverse_import_fields(self):
        raise UserError(
            self.env._(
                "Status, holder and check-out dates of an import can only be "
                "given when importing new assets (IT Assets ▸ Configuration ▸ "
                "Import Assets); afterwards the buttons change them."
            )
        )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for IT Assets"),
                "template": "/it_asset/static/csv/it_asset_import_template.csv",
            }
        ]

    # ------------------------------------------------------------------
    # Odoo's import
    # ------------------------------------------------------------------
    def load(self, fields, data):
        columns = {path.split("/")[0] for path in fields}
        run = self.env.context.get("it_asset_import_run")
        if not isinstance(run, ImportRun):
            if not columns & IMPORT_ONLY_FIELDS:
                return super().load(fields, data)
            run = ImportRun()
        if not self.env.user.has_group("it_asset.group_it_asset_manager"):
            raise AccessError(
                self.env._(
                    "Only IT managers import statuses and holders: they migrate "
                    "a register. Remove those columns to import new assets."
                )
            )
        return super(ItAsset, self.with_context(it_asset_import_run=run)).load(
            fields, data
        )

    def _load_records_write(self, values):
        if IMPORT_ONLY_FIELDS.intersection(values) and not is_action(self.env):
            self._inverse_import_fields()
        return super()._load_records_write(values)

    def _load_records(self, data_list, update=False, ignore_duplicates=False):
        run = self.env.context.get("it_asset_import_run")
        if not isinstance(run, ImportRun):
            return super()._load_records(data_list, update, ignore_duplicates)
        if run.failed:
            # after a failed batch, Odoo retries the rows one by one to report
            # each row's error: the bad rows raise theirs, the good ones are
            # not written (the whole import is rolled back anyway)
            for data in data_list:
                error = run.errors.get(id(data["values"]))
                if error:
                    raise ValidationError(error)
            return self.browse()
        rows, errors = self._import_prepare([data["values"] for data in data_list])
        run.prepared.update(
            (id(data["values"]), row)
            for data, row in zip(data_list, rows, strict=True)
            if row
        )
        if any(errors):
            run.failed = True
            run.errors = {
                id(data["values"]): error
                for data, error in zip(data_list, errors, strict=True)
                if error
            }
            raise _RowsRefused(len(run.errors))
        return super()._load_records(data_list, update, ignore_duplicates)

    def _load_records_create(self, vals_list):
        run = self.env.context.get("it_asset_import_run")
        if not isinstance(run, ImportRun):
            return super()._load_records_create(vals_list)
        # the rows _load_records checked (a row Odoo did not pass through it
        # is checked here)
        if not all(id(vals) in run.prepared for vals in vals_list):
            rows, errors = self._import_prepare(vals_list)
            if any(errors):
                raise ValidationError("\n".join(e for e in errors if e))
            run.prepared.update(
                (id(vals), row) for vals, row in zip(vals_list, rows, strict=True)
            )
        return self._import_create_rows([run.prepared[id(vals)] for vals in vals_list])

    # ------------------------------------------------------------------
    # validate / prepare / create
    # ------------------------------------------------------------------
    @api.model
    def _import_prepare(self, vals_list):
        """(rows, errors), one of each per row of ``vals_list``: the row
        ready to create (vals, status, holder, checkout date, expected return)
        or None, and its error or None; a few queries for the whole file."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        rows = []
        for vals in vals_list:
            vals = dict(vals)
            extra = {name: vals.pop(name, None) for name in IMPORT_ONLY_FIELDS}
            rows.append((vals, extra))
        holders = self._import_find_holders(
            [extra["import_holder"] for _vals, extra in rows]
        )
        duplicates = {
            field: self._import_duplicates([vals for vals, _extra in rows], field)
            for field in ("serial_number", "tag")
        }
        prepared, errors = [], []
        for index, (vals, extra) in enumerate(rows):
            problems = self._import_row_problems(vals, extra, labels, holders)
            for field, found in duplicates.items():
                if found[index]:
                    problems.append(
                        self.env._(
                            "%(field)s %(value)s is already used by %(where)s",
                            field=self._fields[field]._description_string(self.env),
                            value=vals[field],
                            where=found[index],
                        )
                    )
            if problems:
                prepared.append(None)
                errors.append(
                    self.env._(
                        "%(row)s: %(problems)s",
                        row=asset_import.row_label(vals),
                        problems="; ".join(problems),
                    )
                )
                continue
            errors.append(None)
            holder = holders.get(asset_import.normalise(extra["import_holder"]))
            state = asset_import.parse_state(extra["import_state"], labels) or (
                lifecycle.IN_USE if holder else lifecycle.IN_STOCK
            )
            checkout = fields.Date.to_date(
                extra["import_checkout_date"]
            ) or fields.Date.context_today(self)
            # a held asset enters in stock: its check-out makes it In Use
            vals["state"] = lifecycle.IN_STOCK if holder else state
            prepared.append(
                (
                    vals,
                    state,
                    holder,
                    checkout if holder else None,
                    fields.Date.to_date(extra["import_expected_return_date"])
                    if holder
                    else None,
                )
            )
        return prepared, errors

    def _import_row_problems(self, vals, extra, labels, holders):
        """What is wrong with one import row (empty list: nothing)."""
        problems = [
            self.env._("no %s", self._fields[name]._description_string(self.env))
            for name in ("name", "category_id")
            if not vals.get(name)
        ]
        state = asset_import.parse_state(extra["import_state"], labels)
        holder_key = asset_import.normalise(extra["import_holder"])
        holder = holders.get(holder_key) if holder_key else None
        if state is None:
            problems.append(
                self.env._(
                    "unknown status %(status)r (one of: %(known)s)",
                    status=extra["import_state"],
                    known=", ".join(labels.values()),
                )
            )
        if isinstance(holder, str):
            problems.append(holder)
        elif holder and state and state != lifecycle.IN_USE:
            problems.append(
                self.env._(
                    "an asset with a holder is In Use, not %(status)s",
                    status=labels[state],
                )
            )
        checkout = fields.Date.to_date(extra["import_checkout_date"])
        expected = fields.Date.to_date(extra["import_expected_return_date"])
        if not holder_key and (checkout or expected):
            problems.append(self.env._("check-out dates are given without a holder"))
        today = fields.Date.context_today(self)
        acquired = fields.Date.to_date(vals.get("acquisition_date"))
        start = checkout or today
        if holder_key and checkout and checkout > today:
            problems.append(
                self.env._("check-out date %(date)s is in the future", date=checkout)
            )
        if holder_key and acquired and start < acquired:
            problems.append(
                self.env._(
                    "check-out date %(date)s is before the acquisition date "
                    "%(acquired)s",
                    date=start,
                    acquired=acquired,
                )
            )
        if expected and expected < start:
            problems.append(
                self.env._(
                    "expected return %(expected)s is before the check-out date "
                    "%(date)s",
                    expected=expected,
                    date=start,
                )
            )
        return problems

    def _import_create_rows(self, rows):
        """Create the assets of checked ``rows`` in their statuses, then check
        the held ones out to their holders (one check-out per holder and
        dates)."""
        assets = self._import_create(
            [vals for vals, *_rest in rows],
            reason=self.env._("migration import by %s", self.env.user.name),
        )
        groups = {}
        for asset, (_vals, _state, holder, checkout, expected) in zip(
            assets, rows, strict=True
        ):
            if holder:
                groups.setdefault((holder, checkout, expected), []).append(asset.id)
        # the same check-out as the buttons, for every holder at once
        self.env["it.asset.custody"]._checkout_many(
            [
                (
                    self.browse(asset_ids),
                    holder,
                    checkout,
                    {
                        "expected_return_date": expected,
                        "action_label": self.env._("Imported: held by"),
                    },
                )
                for (holder, checkout, expected), asset_ids in groups.items()
            ]
        )
        run = self.env.context.get("it_asset_import_run")
        if isinstance(run, ImportRun) and run.collect:
            labels = dict(self._fields["state"]._description_selection(self.env))
            run.created += [
                {
                    "tag": asset.tag,
                    "name": asset.name,
                    "category": asset.category_id.display_name,
                    "status": labels[asset.state],
                    "holder": asset.holder_name or False,
                }
                for asset in assets
            ]
        return assets

    @api.model
    def _import_find_holders(self, texts):
        """{lower-case text: holder record, or an error message} for the
        holder column: an employee by work email or name, else a department,
        else an internal stock location, by name or full name; one query per
        kind, the user's record rules applied."""
        wanted = {asset_import.normalise(t) for t in texts} - {""}
        # as the file writes them, for the messages
        written = {asset_import.normalise(t): t.strip() for t in texts if t}
        found = {}
        for model, table, columns, extra_where in (
            ("hr.employee", "hr_employee", ("work_email", "name"), SQL("active")),
            ("hr.department", None, ("complete_name", "name"), None),
            (
                "stock.location",
                "stock_location",
                ("complete_name", "name"),
                SQL("active AND usage = 'internal'"),
            ),
        ):
            rest = wanted - set(found)
            if not rest:
                break
            matched = self._import_match(model, table, columns, extra_where, rest)
            for key, records in matched.items():
                found[key] = (
                    records
                    if len(records) == 1
                    else self.env._(
                        "holder %(holder)r matches %(count)s records of "
                        "%(kind)s: give a work email or a full name",
                        holder=written.get(key, key),
                        count=len(records),
                        kind=self.env[model]._description,
                    )
                )
        for key in wanted - set(found):
            found[key] = self.env._(
                "holder %(holder)r not found (an employee's work email or name, "
                "a department or a stock location)",
                holder=written.get(key, key),
            )
        return found

    @api.model
    def _import_match(self, model, table, columns, extra_where, keys):
        """{key: records of ``model`` whose ``columns`` (lower case) equal
        the key}, among those the user may read in the allowed companies."""
        Model = self.env[model]
        companies = self.env.companies.ids + [False]
        if table is None:
            # a translated name (departments: a few per company): read them
            records = Model.search_fetch([("company_id", "in", companies)], columns)
            matched = {}
            for record in records:
                for value in {asset_import.normalise(record[c]) for c in columns}:
                    if value in keys:
                        matched.setdefault(value, Model)
                        matched[value] |= record
            return matched
        Model.flush_model(list(columns) + ["company_id", "active"])
        lowered = list(keys)
        self.env.cr.execute(
            SQL(
                "SELECT id, %s FROM %s WHERE %s AND (%s)",
                SQL(", ").join(SQL("lower(%s)", SQL.identifier(c)) for c in columns),
                SQL.identifier(table),
                extra_where,
                SQL(" OR ").join(
                    SQL("lower(%s) = ANY(%s)", SQL.identifier(c), lowered)
                    for c in columns
                ),
            )
        )
        rows = self.env.cr.fetchall()
        readable = set(
            Model.search(
                [
                    ("id", "in", [row[0] for row in rows]),
                    ("company_id", "in", companies),
                ]
            ).ids
        )
        matched = {}
        for record_id, *values in rows:
            if record_id not in readable:
                continue
            for value in set(values):
                if value in keys:
                    matched.setdefault(value, Model)
                    matched[value] |= Model.browse(record_id)
        return matched

    @api.model
    def _import_duplicates(self, vals_list, field):
        """For each row: None, or where its ``field`` (serial_number or tag)
        is already used: an asset of the register (one query for the file) or
        an earlier row."""
        company_id = self.env.company.id
        keys = [asset_import.unique_key(v, field, company_id) for v in vals_list]
        present = {key[2] for key in keys if key}
        if not present:
            return [None] * len(keys)
        self.flush_model([field, "product_id", "company_id"])
        column = SQL.identifier(field)
        product = (
            SQL("COALESCE(product_id, 0)") if field == "serial_number" else SQL("0")
        )
        self.env.cr.execute(
            SQL(
                "SELECT company_id, %s, lower(%s), tag FROM it_asset "
                "WHERE lower(%s) = ANY(%s)",
                product,
                column,
                column,
                list(present),
            )
        )
        taken = {(c, p, v): tag for c, p, v, tag in self.env.cr.fetchall()}
        where = asset_import.repeated(keys, taken)
        return [
            self.env._("asset %s", taken[key])
            if found == "register"
            else (self.env._("an earlier row of this file") if found else None)
            for key, found in zip(keys, where, strict=True)
        ]
