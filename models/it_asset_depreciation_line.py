# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime as dt
import json
from collections import defaultdict, namedtuple

from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.it_asset.lib import journal_entries

_MOVE_CONTEXT = {
    # no follower per entry (the cron's user follows nothing it posts)
    "mail_create_nosubscribe": True,
    "skip_invoice_sync": True,
    # one sequence format per journal and date for the whole batch (see
    # account.move._get_next_sequence_format)
    "it_asset_sequence_memo": True,
}
# without an audit trail, entries are not logged one by one in the chatter
_QUIET_CONTEXT = {
    "tracking_disable": True,
    "mail_notrack": True,
    "mail_create_nolog": True,
}
# Advisory lock namespace of the summary periods being posted ("ITAS").
_SUMMARY_LOCK = 0x49544153


class PostLater(Exception):  # noqa: N818 - a state, not an error
    """Another run committed what this transaction's snapshot cannot see
    (lines it posted, entries on a hash-protected journal): these lines are
    posted from a new snapshot, never from this one."""


def _summary_key(company_id, category_id, period):
    """A 32-bit key for a summary period (company, category, date)."""
    return (
        (company_id * 1_000_003 + category_id) * 1_000_033 + period.toordinal()
    ) % 2_147_483_647


# What the board computation writes on a line (``it.asset``'s
# ``_board_copy_text``), in the order of its COPY.
BOARD_FIELDS = (
    "asset_id",
    "date",
    "period_start",
    "amount",
    "accumulated",
    "remaining",
)
# What posting needs of an asset's category, per company.
_PostingSettings = namedtuple("_PostingSettings", "journal_id expense accumulated")
# Fields a posted line keeps for ever (its entry says what was booked).
_FROZEN_FIELDS = frozenset(BOARD_FIELDS)


class ItAssetDepreciationLine(models.Model):
    """One period of an asset's depreciation board.

    Boards are written in bulk (one INSERT for many assets, see
    ``it.asset._build_depreciation_boards``). A line is posted once its
    ``move_id`` is set; ``UNIQUE(asset_id, date)`` and the row locks taken by
    the posting (``FOR UPDATE SKIP LOCKED``) make posting exactly once.
    """

    _name = "it.asset.depreciation.line"
    _description = "IT Asset Depreciation Line"
    _order = "asset_id, date, id"
    _check_company_auto = True

    # indexes: UNIQUE(asset_id, date) serves the searches by asset; the lines
    # to post are found through a partial index (see init), so bulk inserts
    # maintain few indexes.
    asset_id = fields.Many2one(
        "it.asset",
        required=True,
        ondelete="cascade",
        check_company=True,
    )
    # the asset's company: not stored, so a board insert checks one foreign
    # key per line (the record rule and searches go through the asset)
    company_id = fields.Many2one(related="asset_id.company_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    category_id = fields.Many2one(related="asset_id.category_id")
    date = fields.Date(required=True, help="End of the depreciated period.")
    period_start = fields.Date(
        required=True, help="First day depreciated by this line."
    )
    amount = fields.Monetary(string="Depreciation")
    accumulated = fields.Monetary(
        string="Accumulated Depreciation",
        help="Depreciation booked up to this line, opening depreciation and "
        "impairments included.",
    )
    remaining = fields.Monetary(
        string="Book Value", help="Book value after this line (cost - accumulated)."
    )
    move_id = fields.Many2one(
        "account.move",
        string="Journal Entry",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        readonly=True,
        check_company=True,
    )
    posting_date = fields.Date(
        readonly=True,
        copy=False,
        help="Accounting date of the entry: the period end, or the first open "
        "date when the period was locked.",
    )
    posted = fields.Boolean(compute="_compute_posted", search="_search_posted")
    failure_message = fields.Char(
        readonly=True, copy=False, help="Why the last posting attempt failed."
    )

    _sql_constraints = [
        (
            "asset_date_uniq",
            "UNIQUE(asset_id, date)",
            "An asset has one depreciation line per period.",
        ),
    ]

    def init(self):
        res = super().init()
        # whose turn it is to number a hash-protected journal (see
        # _lock_hashed_journals): the addon's own table, never Odoo's
        self.env.cr.execute(
            SQL(
                "CREATE TABLE IF NOT EXISTS it_asset_hash_journal_turn ("
                "journal_id integer PRIMARY KEY "
                "REFERENCES account_journal(id) ON DELETE CASCADE, "
                "turn bigint NOT NULL DEFAULT 0)"
            )
        )
        # (date, asset_id): the order in which the posting takes the lines,
        # so each batch reads its 500 lines off the index instead of sorting
        # every line still to post (the former index was on the date alone)
        self.env.cr.execute(
            SQL(
                "DROP INDEX IF EXISTS it_asset_depreciation_line_to_post_idx; "
                "CREATE INDEX IF NOT EXISTS "
                "it_asset_depreciation_line_to_post_order_idx "
                "ON it_asset_depreciation_line (date, asset_id) WHERE move_id IS NULL"
            )
        )
        return res

    @api.depends("move_id")
    def _compute_posted(self):
        for line in self:
            line.posted = bool(line.move_id)

    def _search_posted(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on posted lines."))
        posted = (operator == "=") == bool(value)
        return [("move_id", "!=" if posted else "=", False)]

    def write(self, vals):
        if _FROZEN_FIELDS & set(vals) and any(self.mapped("move_id")):
            raise UserError(
                self.env._(
                    "Depreciation line of %(asset)s on %(date)s is posted: posted "
                    "lines never change (reverse the entry first).",
                    asset=self.filtered("move_id")[0].asset_id.display_name,
                    date=self.filtered("move_id")[0].date,
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        posted = self.filtered("move_id")
        if posted:
            raise UserError(
                self.env._(
                    "Depreciation line of %(asset)s on %(date)s is posted and "
                    "cannot be deleted.",
                    asset=posted[0].asset_id.display_name,
                    date=posted[0].date,
                )
            )

    def action_open_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
        }

    @api.model
    def _lock_lines_to_post(self, date, limit, asset_ids=None, exclude_asset_ids=()):
        """Ids of unposted lines dated up to ``date`` of running assets, locked
        for this transaction; lines locked by another transaction are skipped
        (``FOR UPDATE SKIP LOCKED``), so two concurrent runs never share a line."""
        # summary lines are taken a whole period at a time (see
        # _lock_summary_groups)
        conditions = self._to_post_conditions(
            date, asset_ids, exclude_asset_ids, summary=False
        )
        return self._locked_ids(
            SQL(
                """SELECT l.id FROM it_asset_depreciation_line l
                     JOIN it_asset a ON a.id = l.asset_id
                    WHERE %s
                 ORDER BY l.date, l.asset_id
                    LIMIT %s
              FOR UPDATE OF l SKIP LOCKED""",
                SQL(" AND ").join(conditions),
                limit,
            )
        )

    def _to_post_conditions(self, date, asset_ids, exclude_asset_ids, summary):
        """SQL conditions (on lines ``l`` joined to their asset ``a``) of the
        unposted lines dated up to ``date`` of running assets in summary mode
        or not, of ``asset_ids`` only when given, without
        ``exclude_asset_ids``; what they read is flushed first."""
        self.flush_model()
        self.env["it.asset"].flush_model(
            ["depreciation_state", "company_id", "category_id", "posting_mode"]
        )
        conditions = [
            SQL("l.move_id IS NULL"),
            SQL("l.date <= %s", date),
            SQL("a.depreciation_state = 'running'"),
            SQL("a.posting_mode = 'summary'")
            if summary
            else SQL("a.posting_mode IS DISTINCT FROM 'summary'"),
        ]
        if asset_ids is not None:
            conditions.append(SQL("l.asset_id = ANY(%s)", list(asset_ids)))
        if exclude_asset_ids:
            conditions.append(SQL("l.asset_id <> ALL(%s)", list(exclude_asset_ids)))
        return conditions

    def _locked_ids(self, query):
        """The ids ``query`` locks, or :class:`PostLater` when another run
        committed changes to those lines after this transaction's snapshot
        (PostgreSQL refuses to lock them: serialization failure)."""
        try:
            with self.env.cr.savepoint(flush=False):
                # expected under concurrency: not logged as a bad query
                self.env.cr.execute(query, log_exceptions=False)
                return [row[0] for row in self.env.cr.fetchall()]
        except errors.SerializationFailure as exc:
            raise PostLater() from exc

    @api.model
    def _lock_summary_groups(self, date, limit, asset_ids=None, exclude_asset_ids=()):
        """[line ids of one summary entry]: the unposted lines dated up to
        ``date`` of running summary-mode assets, a whole category, company
        and period at a time, so that each period gets exactly one entry
        whatever the batch size (``limit`` lines, or more to finish a period)
        and however many runs post at once. A period is taken by one run only:
        it holds a transaction-level advisory lock on it (another run skips
        it) and then locks all its lines. ``asset_ids``: only the periods of
        these assets' lines, but each with all its lines."""
        conditions = self._to_post_conditions(
            date, asset_ids, exclude_asset_ids, summary=True
        )
        self.env.cr.execute(
            SQL(
                """SELECT a.company_id, a.category_id, l.date
                     FROM it_asset_depreciation_line l
                     JOIN it_asset a ON a.id = l.asset_id
                    WHERE %s
                 GROUP BY a.company_id, a.category_id, l.date
                 ORDER BY l.date, a.company_id, a.category_id""",
                SQL(" AND ").join(conditions),
            )
        )
        groups, taken = [], 0
        for company_id, category_id, period in self.env.cr.fetchall():
            if taken >= limit:
                break
            self.env.cr.execute(
                SQL(
                    "SELECT pg_try_advisory_xact_lock(%s, %s)",
                    _SUMMARY_LOCK,
                    _summary_key(company_id, category_id, period),
                )
            )
            if not self.env.cr.fetchone()[0]:
                continue  # another run posts that period
            # every line of the period still to post (the other run may have
            # posted it meanwhile), whatever the assets asked for
            ids = self._locked_ids(
                SQL(
                    """SELECT l.id FROM it_asset_depreciation_line l
                         JOIN it_asset a ON a.id = l.asset_id
                        WHERE l.move_id IS NULL AND l.date = %s
                          AND a.company_id = %s AND a.category_id = %s
                          AND a.depreciation_state = 'running'
                          AND a.posting_mode = 'summary'
                          AND l.asset_id <> ALL(%s)
                     ORDER BY l.asset_id
                   FOR UPDATE OF l""",
                    period,
                    company_id,
                    category_id,
                    list(exclude_asset_ids),
                )
            )
            if ids:
                groups.append(ids)
                taken += len(ids)
        return groups

    # ------------------------------------------------------------------
    # posting
    # ------------------------------------------------------------------
    def _posting_dates(self, journals_by_key):
        """{(company id, journal id, date): accounting date}: the line's date,
        or the first open date when that date is locked."""
        result = {}
        for company_id, journal_id, date in journals_by_key:
            company = self.env["res.company"].browse(company_id)
            journal = self.env["account.journal"].browse(journal_id)
            locks = company._get_violated_lock_dates(date, False, journal)
            result[company_id, journal_id, date] = (
                max(lock for lock, _field in locks) + dt.timedelta(days=1)
                if locks
                else date
            )
        return result

    def _post_depreciation_lines(self):
        """Create and post the journal entries of ``self`` (locked, unposted
        lines): one entry per line for assets in per-asset mode, one entry per
        category, company and period for assets in summary mode. Returns the
        entries. Validate, prepare, post, link."""
        if not self:
            return self.env["account.move"]
        lines = self.sudo()
        settings = lines._posting_settings()
        vals_list, groups = lines._prepare_entries(settings)
        moves = lines._post_prepared_entries(vals_list, settings)
        lines._link_entries(moves, groups)
        self.env["it.asset"]._update_fully_depreciated(lines.asset_id.ids)
        return moves

    def _posting_settings(self):
        """Validate: {(category id, company id): journal and accounts} of the
        lines' assets; a UserError names what is missing."""
        assets = self.asset_id
        assets._check_accounting_setup(
            ["account_depreciation_id", "account_expense_id", "journal_id"]
        )
        settings = {}
        for category in assets.category_id:
            for company in assets.company_id:
                categ = category.with_company(company)
                settings[category.id, company.id] = _PostingSettings(
                    categ.journal_id.id,
                    categ.account_expense_id,
                    categ.account_depreciation_id,
                )
        return settings

    def _prepare_entries(self, settings):
        """Prepare: the values of the entries (the one builder,
        lib/journal_entries.py) and, in the same order, the lines of each."""
        lines = self
        assets = lines.asset_id
        keys = {}
        for line in lines:
            asset = line.asset_id
            journal_id = settings[asset.category_id.id, asset.company_id.id].journal_id
            keys[asset.company_id.id, journal_id, line.date] = None
        posting_dates = lines._posting_dates(keys)
        distributions = assets._depreciation_analytic_distributions(
            {
                asset.id: settings[
                    asset.category_id.id, asset.company_id.id
                ].expense.code
                for asset in assets
            }
        )
        label = self.env._("Depreciation %(period)s")
        vals_list = []
        groups = []  # the lines of each entry, in the order of vals_list
        # the line ids of each summary entry (a union of recordsets per line
        # would copy the group each time: quadratic for a period of 100,000)
        summary = defaultdict(list)
        credit_distributions = {}
        for line in lines:
            asset = line.asset_id
            if asset.posting_mode == "summary":
                key = (asset.company_id.id, asset.category_id.id, line.date)
                summary[key].append(line.id)
                continue
            setting = settings[asset.category_id.id, asset.company_id.id]
            key = (setting.accumulated, asset.company_id)
            if key not in credit_distributions:
                credit_distributions[key] = _account_distribution(*key)
            vals_list.append(
                line._per_asset_move_vals(
                    setting,
                    posting_dates[asset.company_id.id, setting.journal_id, line.date],
                    f"{asset.tag} {asset.name}: "
                    + label % {"period": line._period_label()},
                    distributions[asset.id],
                    credit_distributions[key],
                )
            )
            groups.append(line)
        for (company_id, category_id, date), group_ids in summary.items():
            group = self.browse(group_ids)
            setting = settings[category_id, company_id]
            journal_id = setting.journal_id
            expense_id, accumulated_id = setting.expense.id, setting.accumulated.id
            category = group[0].asset_id.category_id
            name = f"{category.display_name}: " + label % {
                "period": group[0]._period_label()
            }
            by_distribution = defaultdict(float)
            for line in group:
                distribution = distributions[line.asset_id.id] or {}
                by_distribution[json.dumps(distribution, sort_keys=True)] += line.amount
            company = self.env["res.company"].browse(company_id)
            digits = company.currency_id.decimal_places
            by_distribution = {
                distribution: round(amount, digits)
                for distribution, amount in by_distribution.items()
            }
            total = sum(by_distribution.values())
            vals_list.append(
                journal_entries.entry_vals(
                    kind="summary",
                    company_id=company_id,
                    company_currency_id=company.currency_id.id,
                    journal_id=journal_id,
                    date=posting_dates[company_id, journal_id, date],
                    name=name,
                    items=[
                        journal_entries.Item(
                            expense_id,
                            amount,
                            analytic_distribution=json.loads(distribution) or False,
                        )
                        for distribution, amount in by_distribution.items()
                    ]
                    + [journal_entries.Item(accumulated_id, -total)],
                    digits=digits,
                )
            )
            groups.append(group)
        return vals_list, groups

    def _post_prepared_entries(self, vals_list, settings):
        """Post: create and post the entries through the engine (bulk copies
        only where the company opted in, never under an audit trail), after
        taking this run's turn on the hash-protected journals."""
        companies = self.asset_id.company_id
        audited = companies.filtered("check_account_audit_trail")
        copyable = [
            vals.get("it_asset_id")
            and vals["company_id"] not in audited.ids
            and self.env["res.company"].browse(vals["company_id"]).it_asset_entry_copies
            for vals in vals_list
        ]
        # a hash-protected journal is numbered and chained by one run at a
        # time: another run waits here until this one commits, then goes on
        # from the entries it numbered (no gap, no failure)
        self._lock_hashed_journals(
            {setting.journal_id for setting in settings.values()}
        )
        # the audit trail logs each entry's creation, as for any entry
        context = dict(_MOVE_CONTEXT, **({} if audited else _QUIET_CONTEXT))
        return (
            self.env["account.move"]
            .sudo()
            .with_context(**context)
            ._it_asset_create_posted(vals_list, copyable)
        )

    def _link_entries(self, moves, groups):
        """Link: each line gets its entry and posting date, in one UPDATE that
        refuses lines another run posted meanwhile."""
        line_ids, move_ids, dates = [], [], []
        for move, group in zip(moves, groups, strict=True):
            for line in group:
                line_ids.append(line.id)
                move_ids.append(move.id)
                dates.append(move.date)
        self.env.cr.execute(
            SQL(
                """UPDATE it_asset_depreciation_line l
                      SET move_id = t.m, posting_date = t.d, failure_message = NULL
                     FROM unnest(%s::int[], %s::int[], %s::date[]) AS t(i, m, d)
                    WHERE l.id = t.i AND l.move_id IS NULL""",
                line_ids,
                move_ids,
                dates,
            )
        )
        if self.env.cr.rowcount != len(line_ids):
            raise UserError(
                self.env._(
                    "Depreciation lines were posted by another run meanwhile; "
                    "nothing was posted."
                )
            )
        self.invalidate_model(["move_id", "posting_date", "failure_message"])

    def _lock_hashed_journals(self, journal_ids):
        """Take the turn of this transaction on each hash-protected journal of
        ``journal_ids``, or raise :class:`PostLater`.

        Odoo's transactions read one snapshot (REPEATABLE READ): a run that
        started before another run committed entries on a hash-protected
        journal does not see them, so it would number and chain its entries
        after an outdated last one (a gap, or a broken hash chain). Each run
        bumps the journal's turn (a row of the addon's own table) before
        posting there: a second run waits for the first to end, and when the
        first committed entries it cannot see, PostgreSQL refuses the bump
        (serialization failure): the run posts those lines from a new
        snapshot (the job commits and goes on) or leaves them for the next
        run, never half-written."""
        journals = (
            self.env["account.journal"]
            .sudo()
            .browse(sorted(journal_ids))
            .filtered("restrict_mode_hash_table")
        )
        for journal in journals:
            try:
                with self.env.cr.savepoint(flush=False):
                    self.env.cr.execute(
                        SQL(
                            "INSERT INTO it_asset_hash_journal_turn AS t "
                            "(journal_id, turn) VALUES (%s, 1) "
                            "ON CONFLICT (journal_id) DO UPDATE SET turn = t.turn + 1",
                            journal.id,
                        ),
                        log_exceptions=False,
                    )
            except errors.SerializationFailure as exc:
                raise PostLater(journal.id) from exc

    def _period_label(self):
        """'2026-01' for a month, '2026-01-01 - 2026-03-31' otherwise."""
        self.ensure_one()
        if (self.date - self.period_start).days < 31 and (
            self.period_start.month == self.date.month
        ):
            return f"{self.date:%Y-%m}"
        return f"{self.period_start} - {self.date}"

    def _per_asset_move_vals(
        self, setting, date, name, expense_distribution, credit_distribution
    ):
        """Values of the entry of one depreciation line in per-asset mode: Dr
        depreciation expense, Cr accumulated depreciation, in company
        currency, with the analytic distributions computed for the batch."""
        self.ensure_one()
        company = self.asset_id.company_id
        return journal_entries.entry_vals(
            kind="depreciation",
            company_id=company.id,
            company_currency_id=company.currency_id.id,
            journal_id=setting.journal_id,
            date=date,
            name=name,
            items=[
                journal_entries.Item(
                    setting.expense.id,
                    self.amount,
                    analytic_distribution=expense_distribution,
                ),
                journal_entries.Item(
                    setting.accumulated.id,
                    -self.amount,
                    analytic_distribution=credit_distribution,
                ),
            ],
            digits=company.currency_id.decimal_places,
            asset_id=self.asset_id.id,
        )


def _account_distribution(account, company):
    """The analytic distribution Odoo gives a journal item of ``account``
    without partner or product (the distribution models matching the
    account's code), or False."""
    return (
        account.env["account.analytic.distribution.model"]
        .sudo()
        ._get_distribution({"account_prefix": account.code, "company_id": company.id})
        or False
    )
