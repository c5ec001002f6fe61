# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime as dt
import io
import logging
import threading

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.it_asset.lib import depreciation as dep

from .guarded_fields import by_action
from .it_asset_category_accounting import (
    DEPRECIATION_METHODS,
    DEPRECIATION_PERIODS,
    POSTING_MODES,
    PRORATA_MODES,
)
from .it_asset_depreciation_line import BOARD_FIELDS, PostLater

_logger = logging.getLogger(__name__)

# the columns of the board lines' COPY (``_board_copy_text``), in its order
_COPY_COLUMNS = (*BOARD_FIELDS, "create_date", "write_date")
# the columns the posting run's queries filter, join and order on (see
# ItAsset._refresh_planner_statistics)
_PLANNED_COLUMNS = {
    "it_asset_depreciation_line": ("asset_id", "date", "move_id"),
    "it_asset": (
        "id",
        "company_id",
        "category_id",
        "depreciation_state",
        "depreciation_method",
        "depreciation_paused_since",
        "posting_mode",
    ),
}

DEPRECIATION_STATES = [
    ("draft", "Not Capitalised"),
    ("running", "Depreciating"),
    ("done", "Fully Depreciated"),
    ("disposed", "Disposed"),
]


class ItAsset(models.Model):
    _name = "it.asset"
    _inherit = ["it.asset", "analytic.mixin"]

    # rows a board build must write before it refreshes the planner's
    # statistics (see _refresh_planner_statistics)
    _ANALYZE_MIN_ROWS = 10000

    # settings, taken from the category and overridable per asset
    depreciation_method = fields.Selection(
        DEPRECIATION_METHODS,
        compute="_compute_depreciation_settings",
        store=True,
        readonly=False,
        precompute=True,
    )
    depreciation_period = fields.Selection(
        DEPRECIATION_PERIODS,
        compute="_compute_depreciation_settings",
        store=True,
        readonly=False,
        precompute=True,
    )
    depreciation_prorata = fields.Selection(
        PRORATA_MODES,
        string="Prorata",
        compute="_compute_depreciation_settings",
        store=True,
        readonly=False,
        precompute=True,
    )
    depreciation_life_months = fields.Integer(
        string="Useful Life (months)",
        compute="_compute_depreciation_settings",
        store=True,
        readonly=False,
        precompute=True,
        help="Depreciated life in months. For an asset migrated with an opening "
        "accumulated depreciation: the life that remains from the in-service date.",
    )
    declining_rate = fields.Float(
        digits=(16, 4),
        compute="_compute_depreciation_settings",
        store=True,
        readonly=False,
        precompute=True,
    )
    posting_mode = fields.Selection(
        POSTING_MODES,
        compute="_compute_depreciation_settings",
        store=True,
        readonly=False,
        precompute=True,
    )
    salvage_value = fields.Monetary(
        compute="_compute_salvage_value",
        store=True,
        readonly=False,
        precompute=True,
        help="Value kept at the end of the life (from the category: an amount "
        "or a percentage of the cost).",
    )
    # capitalisation and board
    in_service_date = fields.Date(
        copy=False, tracking=True, help="Date from which the asset depreciates."
    )
    depreciation_state = fields.Selection(
        DEPRECIATION_STATES,
        default="draft",
        required=True,
        copy=False,
        readonly=True,
        index=True,
        tracking=True,
    )
    opening_accumulated_depreciation = fields.Monetary(
        copy=False,
        help="Depreciation booked before the in-service date (asset migrated "
        "from another system): the board continues from there.",
    )
    impairment_amount = fields.Monetary(
        readonly=True,
        copy=False,
        help="Total of the impairments posted on this asset.",
    )
    # indexed: entries are looked up by the assets pointing to them (a
    # reversal, the bulk posting's check that nothing points to its samples)
    capitalisation_move_id = fields.Many2one(
        "account.move",
        readonly=True,
        copy=False,
        check_company=True,
        index="btree_not_null",
    )
    disposal_move_id = fields.Many2one(
        "account.move",
        readonly=True,
        copy=False,
        check_company=True,
        index="btree_not_null",
    )
    disposal_date = fields.Date(readonly=True, copy=False)
    depreciation_line_ids = fields.One2many(
        "it.asset.depreciation.line", "asset_id", string="Depreciation Board"
    )
    accumulated_depreciation = fields.Monetary(
        compute="_compute_book_value",
        help="Opening depreciation, posted depreciation and impairments.",
    )
    book_value = fields.Monetary(compute="_compute_book_value")
    account_move_count = fields.Integer(compute="_compute_account_move_count")

    _sql_constraints = [
        (
            "opening_accumulated_positive",
            "CHECK(opening_accumulated_depreciation >= 0)",
            "The opening accumulated depreciation cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains(
        "salvage_value",
        "acquisition_cost",
        "depreciation_life_months",
        "depreciation_method",
        "declining_rate",
        "opening_accumulated_depreciation",
    )
    def _check_depreciation_settings(self):
        for asset in self:
            problem = asset._depreciation_settings_problem()
            if problem:
                raise ValidationError(problem)

    def _depreciation_settings_problem(self):
        """Message describing what is wrong with the settings, or None."""
        self.ensure_one()
        if self.salvage_value < 0:
            return self.env._(
                "Asset %(asset)s: the salvage value cannot be negative.",
                asset=self.display_name,
            )
        if self.salvage_value > self.acquisition_cost:
            return self.env._(
                "Asset %(asset)s: the salvage value (%(salvage)s) is above the "
                "cost (%(cost)s).",
                asset=self.display_name,
                salvage=self.salvage_value,
                cost=self.acquisition_cost,
            )
        if self.depreciation_method in (False, "none"):
            return None
        if self.depreciation_life_months <= 0:
            return self.env._(
                "Asset %(asset)s: the useful life must be at least one month.",
                asset=self.display_name,
            )
        if (
            self.depreciation_method in dep.DEGRESSIVE_METHODS
            and not 0 < self.declining_rate <= 1
        ):
            return self.env._(
                "Asset %(asset)s: the declining rate must be in (0, 1], not "
                "%(rate)s.",
                asset=self.display_name,
                rate=self.declining_rate,
            )
        if (
            self.opening_accumulated_depreciation
            > self.acquisition_cost - self.salvage_value + 0.001
        ):
            return self.env._(
                "Asset %(asset)s: the opening accumulated depreciation is above "
                "the depreciable amount.",
                asset=self.display_name,
            )
        return None

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends("category_id")
    def _compute_depreciation_settings(self):
        for asset in self:
            category = asset.category_id
            asset.depreciation_method = category.depreciation_method or "linear"
            asset.depreciation_period = category.depreciation_period or "monthly"
            asset.depreciation_prorata = category.depreciation_prorata or "none"
            asset.depreciation_life_months = category.useful_life_months
            asset.declining_rate = category.declining_rate
            asset.posting_mode = category.posting_mode or "per_asset"

    @api.depends("category_id", "acquisition_cost")
    def _compute_salvage_value(self):
        for asset in self:
            category = asset.category_id
            if category.salvage_type == "percent":
                asset.salvage_value = asset.currency_id.round(
                    asset.acquisition_cost * category.salvage_percent / 100
                )
            else:
                asset.salvage_value = min(
                    category.salvage_value, asset.acquisition_cost or 0.0
                )

    @api.depends(
        "acquisition_cost",
        "opening_accumulated_depreciation",
        "impairment_amount",
        "depreciation_line_ids.move_id",
        "disposal_move_id",
    )
    def _compute_book_value(self):
        posted = self._posted_depreciation(self.ids)
        for asset in self:
            accumulated = (
                asset.opening_accumulated_depreciation
                + asset.impairment_amount
                + posted.get(asset.id, (0.0, None))[0]
            )
            asset.accumulated_depreciation = accumulated
            asset.book_value = (
                0.0
                if asset.depreciation_state == "disposed"
                else asset.acquisition_cost - accumulated
            )

    def _compute_account_move_count(self):
        counts = dict(
            self.env["account.move"]._read_group(
                [("it_asset_id", "in", self.ids)], ["it_asset_id"], ["__count"]
            )
        )
        lines = dict(
            self.env["it.asset.depreciation.line"]._read_group(
                [("asset_id", "in", self.ids), ("move_id", "!=", False)],
                ["asset_id"],
                ["move_id:count_distinct"],
            )
        )
        for asset in self:
            asset.account_move_count = counts.get(asset, 0) + (
                lines.get(asset, 0) if asset.posting_mode == "summary" else 0
            )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def _open_asset_wizard(self, wizard_model, title):
        """Open ``wizard_model`` in a dialog titled ``title`` on the assets of
        ``self``."""
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": wizard_model,
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "it.asset",
                "active_ids": self.ids,
                "active_id": self[:1].id,
            },
        }

    def action_capitalise(self):
        return self._open_asset_wizard("it.asset.capitalise", self.env._("Capitalise"))

    def action_open_dispose_wizard(self):
        self.ensure_one()
        return self._open_asset_wizard(
            "it.asset.dispose", self.env._("Dispose of %s", self.display_name)
        )

    def action_open_revalue_wizard(self):
        self.ensure_one()
        return self._open_asset_wizard(
            "it.asset.revalue",
            self.env._("Change Depreciation of %s", self.display_name),
        )

    def action_compute_depreciation_board(self):
        self._build_depreciation_boards()
        return True

    def action_view_account_moves(self):
        self.ensure_one()
        moves = self.env["account.move"].search(
            [
                "|",
                ("it_asset_id", "=", self.id),
                ("it_asset_depreciation_line_ids.asset_id", "=", self.id),
            ]
        )
        # the journal-entry views (not the invoice list Odoo shows by default
        # for account.move)
        action = self.env["ir.actions.actions"]._for_xml_id(
            "account.action_move_journal_line"
        )
        title = self.env._("Journal Entries of %s", self.display_name)
        action.update(
            {
                "name": title,
                "display_name": title,
                "domain": [("id", "in", moves.ids)],
                "context": {"create": False, "default_move_type": "entry"},
            }
        )
        return action

    # ------------------------------------------------------------------
    # capitalisation
    # ------------------------------------------------------------------
    def _it_asset_on_capitalised(self, date, stock_move=None):
        res = super()._it_asset_on_capitalised(date, stock_move=stock_move)
        self._start_depreciation(date)
        return res

    def _it_asset_capitalised(self):
        """True once the asset is capitalised (on receipt, on deployment or
        by Capitalise): its value is in the fixed assets from its in-service
        date, the one capitalisation date."""
        return any(asset.depreciation_state != "draft" for asset in self)

    def _start_depreciation(self, date):
        """Capitalise ``self`` on ``date``: the board starts there."""
        assets = self.filtered(lambda a: a.depreciation_state == "draft")
        if not assets:
            return
        problems = [
            p for p in (a._depreciation_settings_problem() for a in assets) if p
        ]
        if problems:
            raise ValidationError("\n".join(problems))
        by_action(assets).write(
            {"in_service_date": date, "depreciation_state": "running"}
        )
        # a cost paid in another currency: at the rate of the in-service date
        for asset in assets.filtered(lambda a: a._has_foreign_cost()):
            vals = {"acquisition_cost": asset._foreign_cost_at(date)}
            if asset.category_id.salvage_type != "percent":
                vals["salvage_value"] = asset.salvage_value
            by_action(asset).write(vals)
        assets._build_depreciation_boards()

    def _check_accounting_setup(self, fields_needed):
        """Raise a UserError naming the assets whose category misses one of
        ``fields_needed`` (account or journal field names of the category)."""
        labels = self.env["it.asset.category"]._fields
        missing = []
        for category, assets in self.grouped("category_id").items():
            for company in assets.company_id:
                categ = category.with_company(company)
                for fname in fields_needed:
                    if not categ[fname]:
                        missing.append(
                            self.env._(
                                "%(field)s of category %(category)s (company "
                                "%(company)s), needed by %(assets)s",
                                field=labels[fname].string,
                                category=category.display_name,
                                company=company.name,
                                assets=", ".join(
                                    assets.filtered(
                                        lambda a, c=company: a.company_id == c
                                    )[:5].mapped("display_name")
                                ),
                            )
                        )
        if missing:
            raise UserError(
                self.env._("Missing accounting settings:\n%s", "\n".join(missing))
            )

    # ------------------------------------------------------------------
    # boards
    # ------------------------------------------------------------------
    @api.model
    def _posted_depreciation(self, asset_ids):
        """{asset id: (posted amount, last posted date)} in one query."""
        if not asset_ids:
            return {}
        groups = self.env["it.asset.depreciation.line"]._read_group(
            [("asset_id", "in", list(asset_ids)), ("move_id", "!=", False)],
            ["asset_id"],
            ["amount:sum", "date:max"],
        )
        return {asset.id: (amount, last) for asset, amount, last in groups}

    def _life_end(self):
        """First day after the depreciated life of the asset."""
        self.ensure_one()
        company = self.company_id
        start = self.in_service_date
        if self.depreciation_prorata != "daily":
            start = dep.period_bounds(
                start,
                self.depreciation_period,
                int(company.fiscalyear_last_month),
                company.fiscalyear_last_day,
            )[0]
        return start + relativedelta(
            months=self.depreciation_life_months, days=self.depreciation_pause_days
        )

    @api.model
    def _board_company_settings(self, companies):
        """{company id: the board arguments that come from the company (its
        fiscal year end, its currency's digits)}."""
        return {
            company.id: {
                "fiscal_year_last_month": int(company.fiscalyear_last_month),
                "fiscal_year_last_day": company.fiscalyear_last_day,
                "rounding_digits": company.currency_id.decimal_places,
            }
            for company in companies
        }

    def _board_request(self, posted, settings):
        """``(function of lib/depreciation.py, its keyword arguments)`` that
        computes the planned (unposted) lines of the asset, or None when it
        has none to plan. ``posted`` is ``_posted_depreciation``'s answer,
        ``settings`` the asset company's ``_board_company_settings``."""
        self.ensure_one()
        if self.depreciation_method == "none" or self.depreciation_paused_since:
            return None
        cost = self.acquisition_cost
        posted_amount, last_date = posted.get(self.id, (0.0, None))
        resumed = self.depreciation_resumed_on
        if not last_date and not self.impairment_amount and not resumed:
            return dep.compute_board, {
                "cost": cost,
                "salvage": self.salvage_value,
                "method": self.depreciation_method,
                "useful_life_months": self.depreciation_life_months,
                "period": self.depreciation_period,
                "in_service_date": self.in_service_date,
                "prorata": self.depreciation_prorata,
                "declining_rate": self.declining_rate,
                "opening_accumulated": self.opening_accumulated_depreciation,
                **settings,
            }
        resume = last_date + dt.timedelta(days=1) if last_date else self.in_service_date
        if resumed and resumed > resume:
            # paused in stock: the board goes on from the redeployment
            resume = resumed
        book_value = dep.round_currency(
            cost
            - self.opening_accumulated_depreciation
            - self.impairment_amount
            - posted_amount,
            settings["rounding_digits"],
        )
        if book_value <= self.salvage_value:
            return None
        life_end = self._life_end()
        months = (life_end.year - resume.year) * 12 + life_end.month - resume.month
        if life_end.day > resume.day:
            months += 1
        return dep.recompute_board, {
            "cost": cost,
            "book_value": book_value,
            "salvage": self.salvage_value,
            "method": self.depreciation_method,
            "remaining_months": max(months, 1),
            "period": self.depreciation_period,
            "resume_date": resume,
            "declining_rate": self.declining_rate,
            **settings,
        }

    def _build_depreciation_boards(self):
        """(Re)build the unposted part of the boards of ``self`` in bulk.

        Posted lines are kept; unposted lines are deleted and the new ones
        written with one COPY.
        """
        assets = self.filtered(
            lambda a: a.depreciation_state == "running"
            and not a.depreciation_paused_since
        )
        if not assets:
            return
        Line = self.env["it.asset.depreciation.line"]
        Line.flush_model()
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "DELETE FROM it_asset_depreciation_line "
                "WHERE asset_id = ANY(%s) AND move_id IS NULL",
                assets.ids,
            )
        )
        text, line_count, with_lines = assets._board_copy_text(
            self._posted_depreciation(assets.ids)
        )
        if line_count:
            self._copy_depreciation_lines(text)
            self._refresh_planner_statistics(
                {"it_asset_depreciation_line": line_count, "it_asset": len(assets)}
            )
        Line.invalidate_model()
        assets.invalidate_recordset(["depreciation_line_ids"])
        # only assets that got no new line can be fully depreciated
        self._update_fully_depreciated([a for a in assets.ids if a not in with_lines])

    def _board_copy_text(self, posted):
        """The planned lines of the boards of ``self`` as the text of a COPY
        into ``it_asset_depreciation_line`` (columns ``_COPY_COLUMNS``), with
        the number of lines and the ids of the assets that got any.

        A board depends only on the arguments ``_board_request`` gives, and
        assets received or capitalised together mostly share them (same
        cost, category and date): each distinct board is computed and turned
        into text once per build, then repeated under each asset's id."""
        now = fields.Datetime.to_string(fields.Datetime.now())
        company_settings = self._board_company_settings(self.company_id)
        boards = {}  # (function, arguments) -> the board's lines as text
        dates = {}  # date -> ISO text, shared by the boards

        def iso(day):
            text = dates.get(day)
            if text is None:
                text = dates[day] = day.isoformat()
            return text

        chunks = []
        line_count = 0
        with_lines = set()
        for asset in self:
            request = asset._board_request(
                posted, company_settings[asset.company_id.id]
            )
            if request is None:
                continue
            function, arguments = request
            key = (function, *arguments.values())
            lines = boards.get(key)
            if lines is None:
                try:
                    board = function(**arguments)
                except ValueError as error:
                    raise ValidationError(
                        self.env._(
                            "Asset %(asset)s: cannot compute the depreciation "
                            "board: %(error)s",
                            asset=asset.display_name,
                            error=error,
                        )
                    ) from error
                lines = boards[key] = [
                    f"{iso(line.date)}\t{iso(line.period_start)}\t{line.amount!r}\t"
                    f"{line.accumulated!r}\t{line.remaining!r}\t{now}\t{now}"
                    for line in board
                ]
            if lines:
                prefix = f"{asset.id}\t"
                chunks.append(prefix + f"\n{prefix}".join(lines) + "\n")
                line_count += len(lines)
                with_lines.add(asset.id)
        return "".join(chunks), line_count, with_lines

    @api.model
    def _copy_depreciation_lines(self, text):
        """Write board lines with one COPY, the fastest set-based insert
        PostgreSQL has (Odoo's ``_ensure_xml_id`` does the same). ``text``
        holds one tab-separated line per board line, its columns
        ``_COPY_COLUMNS``. create_uid and write_uid stay empty: board lines
        are computed, not entered."""
        callback = psycopg2.extensions.get_wait_callback()
        psycopg2.extensions.set_wait_callback(None)
        try:
            self.env.cr.copy_from(
                io.StringIO(text),
                table="it_asset_depreciation_line",
                columns=_COPY_COLUMNS,
            )
        finally:
            psycopg2.extensions.set_wait_callback(callback)

    @api.model
    def _refresh_planner_statistics(self, changed_rows):
        """``ANALYZE`` the tables of ``changed_rows`` ({table: rows just
        written or changed}) when the write is large (``_ANALYZE_MIN_ROWS``
        rows in all) and changed a table by more than a tenth of the rows its
        statistics know, the rule autovacuum applies.

        Autovacuum does the same, but up to a minute or so later: until then
        PostgreSQL plans the posting run's queries as if the boards just
        copied were a handful of lines and the assets capitalised a handful
        of running ones, and probes the lines asset by asset through the
        index ordered by date (measured in the benchmark: 130-260 ms per
        query for 2000 assets, growing with the square of the assets). As
        PostgreSQL's documentation advises after a bulk load, and as Odoo's
        currency table does, the statistics are refreshed right away. An
        everyday capitalisation (a receipt of a few dozen assets) stays
        below the threshold and pays nothing, not even a query. ``ANALYZE``
        reads a bounded sample of each table (about 50 ms for 220,000
        lines) and holds a lock only another ``ANALYZE``, ``VACUUM`` or
        index creation on the same table waits for. Only the columns the
        posting run's queries filter, join and order on are analysed
        (``_PLANNED_COLUMNS``: a third of the time of a whole table's);
        autovacuum refreshes the others later, as always."""
        if sum(changed_rows.values()) < self._ANALYZE_MIN_ROWS:
            return
        self.env.cr.execute(
            SQL(
                "SELECT relname, reltuples FROM pg_class "
                "WHERE oid = ANY(%s::regclass[])",
                list(changed_rows),
            )
        )
        # one fixed order of the tables: two runs analysing at once never
        # hold one table each while waiting for the other's
        stale = sorted(
            name
            for name, known in self.env.cr.fetchall()
            if changed_rows[name] > max(known, 0) / 10
        )
        for name in stale:
            self.env.cr.execute(
                SQL(
                    "ANALYZE %s (%s)",
                    SQL.identifier(name),
                    SQL(", ").join(map(SQL.identifier, _PLANNED_COLUMNS[name])),
                )
            )

    @api.model
    def _update_fully_depreciated(self, asset_ids):
        """Running assets without any unposted line become fully depreciated."""
        if not asset_ids:
            return
        self.env["it.asset.depreciation.line"].flush_model()
        self.flush_model(["depreciation_state"])
        self.env.cr.execute(
            SQL(
                # two sets, each read once whatever plan PostgreSQL picks: as
                # a NOT EXISTS per asset, statistics older than a COPY of the
                # boards once made it scan the whole index of the lines to
                # post for each asset (5 minutes for 500 assets)
                """SELECT a.id FROM it_asset a
                    WHERE a.id = ANY(%(ids)s)
                      AND a.depreciation_state = 'running'
                      AND a.depreciation_paused_since IS NULL
                      AND a.depreciation_method IS NOT NULL
                      AND a.depreciation_method <> 'none'
                   EXCEPT
                   SELECT l.asset_id FROM it_asset_depreciation_line l
                    WHERE l.asset_id = ANY(%(ids)s) AND l.move_id IS NULL""",
                ids=list(asset_ids),
            )
        )
        done = self.browse([row[0] for row in self.env.cr.fetchall()])
        if done:
            # through the ORM: the chatter shows "Fully Depreciated"
            by_action(done).write({"depreciation_state": "done"})

    # ------------------------------------------------------------------
    # posting
    # ------------------------------------------------------------------
    @api.model
    def _cron_post_depreciation(self, batch_size=500):
        """Scheduled job: post every unposted line dated up to today."""
        auto_commit = not getattr(threading.current_thread(), "testing", False)
        result = self._post_depreciation_up_to(
            fields.Date.context_today(self), batch_size=batch_size, commit=auto_commit
        )
        _logger.info(
            "IT asset depreciation: %s lines posted, %s assets failed",
            result["posted"],
            len(result["failed"]),
        )
        return result

    @api.model
    def _post_depreciation_up_to(
        self, date, batch_size=500, commit=False, asset_ids=None
    ):
        """Post the unposted lines dated up to ``date`` (of ``asset_ids`` only,
        when given) in batches of ``batch_size`` lines.

        Each batch locks its lines (``FOR UPDATE SKIP LOCKED``: lines another
        run is posting are skipped), posts them inside a savepoint and, with
        ``commit`` (only the cron does), commits and reports its progress. A
        failing batch is retried asset by asset: the failing assets are
        recorded (chatter, activity, result) and skipped, the others posted.

        A batch on a hash-protected journal that another run numbered after
        this transaction began is deferred, not failed: the job commits and
        posts it from a new snapshot; a run that does not commit leaves it to
        the next run (``deferred``: the asset ids; ``interrupted``: the lines
        left could not even be read for posting, another run having posted
        some of them after this transaction began).

        :returns: {"posted": number of lines, "moves": number of entries,
                   "failed": {asset id: message}, "deferred": {asset ids},
                   "interrupted": bool}
        """
        Line = self.env["it.asset.depreciation.line"]
        Cron = self.env["ir.cron"]
        result = {
            "posted": 0,
            "moves": 0,
            "failed": {},
            "deferred": set(),
            "interrupted": False,
        }
        remaining = self._count_lines_to_post(date, asset_ids)
        # per-asset lines in batches of lines, then summary lines a whole
        # period (category, company, date) at a time
        for take, per_asset in (
            (Line._lock_lines_to_post, True),
            (Line._lock_summary_groups, False),
        ):
            while True:
                try:
                    taken = take(
                        date,
                        batch_size,
                        asset_ids=asset_ids,
                        exclude_asset_ids=set(result["failed"]) | result["deferred"],
                    )
                except PostLater:
                    if not commit:
                        # left to the next run: this snapshot is outdated
                        result["interrupted"] = True
                        break
                    taken, outdated = None, True
                else:
                    outdated = False
                if not taken:
                    if commit and (outdated or result["deferred"]):
                        # a new snapshot sees what the other run committed
                        self.env.cr.commit()  # pylint: disable=invalid-commit
                        result["deferred"] = set()
                        continue
                    break
                if per_asset:
                    self._post_batch(taken, result, split=self._group_line_ids_by_asset)
                    count = len(taken)
                else:
                    self._post_batch(
                        [i for group in taken for i in group],
                        result,
                        split=lambda _ids, groups=taken: dict(enumerate(groups)),
                    )
                    count = sum(len(group) for group in taken)
                remaining = max(remaining - count, 0)
                if commit:
                    self.env.cr.commit()  # pylint: disable=invalid-commit
                Cron._notify_progress(done=result["posted"], remaining=remaining)
        return result

    def _post_batch(self, line_ids, result, split):
        """Post the lines ``line_ids`` inside a savepoint; if that fails, post
        them again part by part (``split(line_ids)``: {key: line ids}, an
        asset's lines or a summary period's), recording the assets of each
        failing part (chatter, activity, ``result["failed"]``) and keeping
        the others posted. Failure notes are written after the savepoint of
        the failed part, for its assets only."""
        Line = self.env["it.asset.depreciation.line"]
        try:
            with self.env.cr.savepoint():
                result["moves"] += len(Line.browse(line_ids)._post_depreciation_lines())
            result["posted"] += len(line_ids)
            return
        except PostLater:
            # another run numbered that journal meanwhile: not a failure
            result["deferred"].update(Line.browse(line_ids).sudo().asset_id.ids)
            return
        except Exception as error:  # noqa: BLE001 - isolate the failing part below
            _logger.info(
                "IT asset depreciation: a batch of %s lines failed (%s); posting "
                "it part by part",
                len(line_ids),
                error,
            )
        new_failures = {}
        failed_line_ids = []
        for part_ids in split(line_ids).values():
            try:
                with self.env.cr.savepoint():
                    result["moves"] += len(
                        Line.browse(part_ids)._post_depreciation_lines()
                    )
                result["posted"] += len(part_ids)
            except Exception as error:  # noqa: BLE001
                failed_line_ids += part_ids
                for asset in Line.browse(part_ids).sudo().asset_id:
                    new_failures[asset.id] = str(error)
        if new_failures:
            result["failed"].update(new_failures)
            self.browse(list(new_failures))._notify_depreciation_failure(
                new_failures, line_ids=failed_line_ids
            )

    def _depreciation_analytic_distributions(self, expense_codes=None):
        """{asset id: analytic distribution of its depreciation expense}: the
        asset's own distribution, else the analytic distribution models
        (Accounting > Configuration) matching the partner of its holder
        employee (custody), its product and the code of its expense account
        (``expense_codes``: {asset id: account code}), one search per
        distinct key."""
        has_holder = "holder_employee_id" in self._fields
        expense_codes = expense_codes or {}
        result = {}
        cache = {}
        Model = self.env["account.analytic.distribution.model"].sudo()
        for asset in self:
            if asset.analytic_distribution:
                result[asset.id] = asset.analytic_distribution
                continue
            partner = (
                asset.holder_employee_id.work_contact_id
                if has_holder
                else self.env["res.partner"]
            )
            code = expense_codes.get(asset.id) or False
            key = (partner.id, asset.product_id.id, asset.company_id.id, code)
            if key not in cache:
                cache[key] = (
                    Model._get_distribution(
                        {
                            "partner_id": partner.id,
                            "partner_category_id": partner.category_id.ids,
                            "product_id": asset.product_id.id,
                            "product_categ_id": asset.product_id.categ_id.id,
                            "account_prefix": code,
                            "company_id": asset.company_id.id,
                        }
                    )
                    or False
                )
            result[asset.id] = cache[key]
        return result

    @api.model
    def _count_lines_to_post(self, date, asset_ids=None):
        Line = self.env["it.asset.depreciation.line"]
        domain = [
            ("move_id", "=", False),
            ("date", "<=", date),
            ("asset_id.depreciation_state", "=", "running"),
        ]
        if asset_ids is not None:
            domain.append(("asset_id", "in", list(asset_ids)))
        return Line.search_count(domain)

    @api.model
    def _group_line_ids_by_asset(self, line_ids):
        self.env.cr.execute(
            SQL(
                "SELECT asset_id, array_agg(id ORDER BY date) "
                "FROM it_asset_depreciation_line WHERE id = ANY(%s) GROUP BY asset_id",
                list(line_ids),
            )
        )
        return dict(self.env.cr.fetchall())

    def _notify_depreciation_failure(self, failed, line_ids=None):
        """Chatter message and activity for the accounting responsible of each
        asset of ``self`` whose depreciation could not be posted; the failure
        is noted on the lines that failed (``line_ids``: the lines this run
        holds, never lines another run is posting), else on the asset's
        unposted lines."""
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        Line = self.env["it.asset.depreciation.line"].sudo()
        held = Line.browse(line_ids) if line_ids is not None else None
        for asset in self.sudo():
            message = failed.get(asset.id, "")
            lines = (
                held.filtered(lambda line, a=asset: line.asset_id == a)
                if held is not None
                else Line.search([("asset_id", "=", asset.id), ("move_id", "=", False)])
            )
            by_action(lines).write({"failure_message": message[:250]})
            asset._message_log(
                body=self.env._(
                    "The depreciation could not be posted: %(error)s", error=message
                )
            )
            responsible = (
                asset.category_id.depreciation_responsible_id
                or asset._it_asset_responsible()[asset]
            )
            summary = self.env._("Depreciation posting failed")
            if (
                todo
                and responsible
                and not asset.activity_ids.filtered(
                    lambda activity, s=summary: activity.summary == s
                )
            ):
                asset.activity_schedule(
                    activity_type_id=todo.id,
                    summary=summary,
                    note=message,
                    user_id=responsible.id,
                )

    # ------------------------------------------------------------------
    # life events: disposal, change of life or salvage, impairment
    # ------------------------------------------------------------------
    def _it_asset_after_stock_sync(self, changes):
        """A stock scrap of a capitalised asset's serial disposes of it."""
        res = super()._it_asset_after_stock_sync(changes)
        for change in changes:
            asset = change["asset"]
            if change["kind"] == "scrap" and asset.depreciation_state in (
                "running",
                "done",
            ):
                asset._dispose(fields.Date.to_date(change["move_line"].date))
        return res
