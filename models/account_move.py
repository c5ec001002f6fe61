# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging
import re
from collections import defaultdict
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.tools import SQL, ormcache
from odoo.tools.sql import table_columns

from odoo.addons.it_asset.lib.entry_copies import (
    COPY,
    NotCopyable,
    copy_plan,
    samples,
)

from .guarded_fields import by_action

_logger = logging.getLogger(__name__)

# A shape is copied from three entries on: two are written by the engine.
_MIN_COPIES = 3
# Columns a copy fills itself (the others follow lib.entry_copies.copy_plan).
_MOVE_GIVEN = frozenset(
    {"id", "name", "sequence_number", "ref", "it_asset_id", "made_sequence_gap"}
)
_LINE_GIVEN = frozenset({"id", "move_id", "move_name", "ref", "name"})
# Modules whose overrides of account.move / account.move.line create() or
# _post() are known to do nothing a plain entry without partner, product,
# tax or payment needs (see README, "Bulk depreciation entries"). Any other
# module overriding them sends every entry through the engine.
COPY_OVERRIDES_ALLOWED = frozenset(
    {
        "account",
        "analytic",
        "mail",
        "base",
        "stock_account",
        "purchase",
        "purchase_stock",
        "sale",
        "sale_stock",
        "hr_expense",
        "it_asset",
    }
)
# Modules whose overrides of account.move write() do nothing when only
# ``checked`` changes (Odoo 18: account and its mixins, mail, purchase,
# membership). With any other, Auto-Check on Post's flag is set by Odoo's own
# write, entry by entry (see _it_asset_checked_in_batch).
CHECKED_WRITE_OVERRIDES_ALLOWED = frozenset(
    {"base", "mail", "account", "purchase", "membership"}
)
# The Odoo internals the copies rely on; if one is missing (renamed within
# 18.0), every entry goes through the engine.
_PRIVATE_API = (
    "_locked_increment",
    "_get_sequence_cache",
    "_sequence_fixed_regex",
    "_make_regex_non_capturing",
    "_get_next_sequence_format",
    "_sequence_index",
)
_ANALYTIC_GIVEN = frozenset({"id", "move_line_id", "name", "ref"})
# The methods whose overrides COPY_OVERRIDES_ALLOWED is about.
_COPY_METHODS = {"account.move": ("create", "_post"), "account.move.line": ("create",)}
# What varies between the entries of one shape (see _it_asset_shape).
_MOVE_VARYING = ("ref", "it_asset_id")
_LINE_VARYING = ("name", "balance", "amount_currency")
# column types a copy may fill with its amount
_NUMERIC_TYPES = ("numeric", "float8", "float4")


class AccountMove(models.Model):
    _inherit = "account.move"

    it_asset_id = fields.Many2one(
        "it.asset",
        string="IT Asset",
        index="btree_not_null",
        copy=False,
        readonly=True,
        check_company=True,
        help="The IT asset this entry capitalises, depreciates or disposes of.",
    )
    it_asset_depreciation_line_ids = fields.One2many(
        "it.asset.depreciation.line",
        "move_id",
        string="IT Asset Depreciation Lines",
        readonly=True,
    )

    def _get_next_sequence_format(self):
        """Within one depreciation posting (context ``it_asset_sequence_memo``),
        entries of the same journal, date and type share their sequence format:
        read the journal's last number once, not once per entry.

        The memo lives in Odoo's own transactional sequence cache, so it goes
        with it (commit, rollback, or any renumbering that clears the cache).
        The numbers themselves still come from ``_locked_increment``: the first
        entry locks the sequence, the next ones take the following numbers."""
        if not self.env.context.get("it_asset_sequence_memo"):
            return super()._get_next_sequence_format()
        cache = self._get_sequence_cache()
        key = (
            "it_asset.sequence_format",
            self.journal_id.id,
            self.date,
            self.move_type,
            bool(self.origin_payment_id or self.env.context.get("is_payment")),
        )
        if key not in cache:
            cache[key] = super()._get_next_sequence_format()
        format_string, format_values = cache[key]
        # _locked_increment pops 'seq' from the values: hand out a copy
        return format_string, dict(format_values)

    def _post(self, soft=True):
        """A depreciation entry whose reversal is posted (now, or on its date
        when Odoo's reversal wizard made it to post later) reopens its lines:
        the next run posts them again. A draft reversal reopens nothing, and
        deleting it leaves the period posted."""
        posted = super()._post(soft=soft)
        originals = posted.reversed_entry_id
        if originals:
            originals._it_asset_reopen_depreciation_lines()
        return posted

    def _it_asset_reopen_depreciation_lines(self):
        lines = self.sudo().it_asset_depreciation_line_ids
        if not lines:
            return
        by_action(lines).write({"move_id": False, "posting_date": False})
        assets = lines.asset_id.filtered(lambda a: a.depreciation_state == "done")
        by_action(assets).write({"depreciation_state": "running"})
        for asset in lines.asset_id:
            asset._message_log(
                body=self.env._(
                    "Depreciation entry %(move)s was reversed: its period will be "
                    "posted again.",
                    move=", ".join(self.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # entries written in bulk (per-asset depreciation)
    # ------------------------------------------------------------------
    @api.model
    def _it_asset_create_posted(self, vals_list, copyable):
        """Create and post the entries of ``vals_list``; return them in that
        order.

        Entries flagged in ``copyable`` that share a shape (the same values
        but for their reference, asset, labels and amount, see
        ``_entry_shape``) are written in bulk: the accounting engine
        (``create`` and ``_post``, with every check and override) writes the
        entries of the smallest and of the largest amount, and the others are
        copies of the first one, written in set-based SQL and numbered by the
        journal's sequence (``_it_asset_copy_entries``). A shape whose two
        engine-made entries do not say how to copy them goes through the
        engine entry by entry, like the entries not flagged."""
        fence = self._it_asset_copy_fence()
        if fence and any(copyable):
            _logger.info("Depreciation entries through the engine: %s", fence)
            copyable = [False] * len(vals_list)
        copyable = [
            flag and self._it_asset_copyable_vals(vals)
            for vals, flag in zip(vals_list, copyable, strict=True)
        ]
        shapes = defaultdict(list)
        engine = []
        for index, (vals, flag) in enumerate(zip(vals_list, copyable, strict=True)):
            shape = _entry_shape(vals) if flag else None
            if shape:
                shapes[shape].append(index)
            else:
                engine.append(index)
        plans = []
        for indexes in shapes.values():
            if len(indexes) < _MIN_COPIES:
                engine.extend(indexes)
                continue
            low, high = samples([_entry_amount(vals_list[i]) for i in indexes])
            first, second = indexes[low], indexes[high]
            others = [i for i in indexes if i not in (first, second)]
            plans.append((first, second, others))
            engine.extend((first, second))
        move_ids = [None] * len(vals_list)
        self._it_asset_engine_post(vals_list, sorted(engine), move_ids)
        rest = []
        for first, second, others in plans:
            if not self._it_asset_copy_entries(
                vals_list, (first, second), others, move_ids
            ):
                rest.extend(others)
        self._it_asset_engine_post(vals_list, sorted(rest), move_ids)
        self._it_asset_log_copies(vals_list, plans, rest)
        return self.browse(move_ids)

    @api.model
    def _it_asset_copy_fence(self):
        """Why no entry may be copied in this database (a message), or None:
        an Odoo internal the copies rely on is missing, or a module outside
        ``COPY_OVERRIDES_ALLOWED`` overrides create() or _post()."""
        missing = [name for name in _PRIVATE_API if not hasattr(self, name)]
        if not hasattr(self.env.registry, "get_trigger_tree"):
            missing.append("registry.get_trigger_tree")
        if missing:
            return f"Odoo internals missing: {', '.join(missing)}"
        overriding = self._it_asset_overriding_modules() - COPY_OVERRIDES_ALLOWED
        if overriding:
            return "create() or _post() of journal entries overridden by " + ", ".join(
                sorted(overriding)
            )
        return None

    @api.model
    def _it_asset_overriding_modules(self, methods_by_model=None):
        """Modules whose classes define one of the methods of
        ``methods_by_model`` ({model: method names}; by default create() or
        _post() of account.move and create() of account.move.line) in this
        registry."""
        modules = set()
        for model, methods in (methods_by_model or _COPY_METHODS).items():
            for cls in type(self.env[model]).__mro__:
                module = getattr(cls, "_module", None)
                if module and any(name in vars(cls) for name in methods):
                    modules.add(module)
        return modules

    @api.model
    def _it_asset_copyable_vals(self, vals):
        """An entry may be copied only in its company's currency, on a journal
        that is not hash-protected."""
        company = self.env["res.company"].browse(vals["company_id"])
        currency_id = company.currency_id.id
        if vals.get("currency_id", currency_id) != currency_id or any(
            command[2].get("currency_id", currency_id) != currency_id
            for command in vals.get("line_ids", ())
        ):
            return False
        journal = self.env["account.journal"].browse(vals["journal_id"])
        return not journal.restrict_mode_hash_table

    @api.model
    def _it_asset_log_copies(self, vals_list, plans, rest):
        """One chatter line per journal and batch: how many entries were
        copied (auditors see which batches were written in bulk)."""
        copied = defaultdict(int)
        left = set(rest)
        for _first, _second, others in plans:
            for index in others:
                if index not in left:
                    copied[vals_list[index]["journal_id"]] += 1
        for journal_id, count in copied.items():
            self.env["account.journal"].browse(journal_id)._message_log(
                body=self.env._(
                    "%(count)s depreciation entries were written in bulk as copies "
                    "of two entries the accounting engine wrote and posted "
                    "(Bulk Depreciation Entries); their totals per account were "
                    "checked after writing.",
                    count=count,
                )
            )

    @api.model
    def _it_asset_engine_post(self, vals_list, indexes, move_ids):
        if not indexes:
            return
        moves = self.create([vals_list[i] for i in indexes])
        with self._it_asset_checked_in_batch(moves):
            moves._post(soft=False)
        for index, move in zip(indexes, moves, strict=True):
            move_ids[index] = move.id

    @api.model
    @contextmanager
    def _it_asset_checked_in_batch(self, moves):
        """On a journal that checks entries on posting (*Auto-Check on
        Post*, Odoo's default), ``_post()`` sets ``checked`` entry by entry,
        each with a full ``write()``: one balance query per entry on entries
        whose lines do not change (the balance is checked at ``create()`` and
        again when the batch's state is written). With tracking off, no
        chatter or audit log observes that write: the flag is then set in the
        ORM's cache and saved with the batch's next flush, one UPDATE for
        all, and the fields that depend on it are told once for the batch
        (``modified``), as the writes would have. Odoo's own write runs
        instead under an audit trail (tracking on: its log is unchanged) or
        when a module outside ``CHECKED_WRITE_OVERRIDES_ALLOWED`` overrides
        write()."""
        if (
            not self.env.context.get("tracking_disable")
            or self._it_asset_overriding_modules({"account.move": ("write",)})
            - CHECKED_WRITE_OVERRIDES_ALLOWED
        ):
            yield
            return
        with self.env.protecting([self._fields["checked"]], moves):
            yield
        moves.modified(["checked"])

    @api.model
    def _it_asset_copy_entries(self, vals_list, sample_indexes, others, move_ids):
        """Write the entries ``others`` (indexes in ``vals_list``) as copies
        of the engine-made entry of ``sample_indexes[0]``, and set their ids
        in ``move_ids``. Return False, having written nothing, when the two
        engine-made entries of ``sample_indexes`` do not say how: a column
        that follows no rule of ``lib.entry_copies``, a record attached to
        them beyond their journal items and analytic lines, a number the
        journal's sequence would not give next."""
        sample_ids = [move_ids[i] for i in sample_indexes]
        sequences = self._get_sequence_cache()
        numbered = dict(sequences)
        copies = [vals_list[i] for i in others]
        try:
            rows = self._it_asset_sample_rows(sample_ids)
            plans = self._it_asset_copy_plans(
                rows, [vals_list[i] for i in sample_indexes]
            )
            with self.env.cr.savepoint(flush=False):
                names = self.browse(sample_ids[0])._it_asset_next_names(len(others))
                new_ids = self._it_asset_insert_copies(rows, plans, copies, names)
                self._it_asset_check_copies(new_ids, copies)
        except NotCopyable as error:
            # nothing written: the numbers taken are given back too
            sequences.clear()
            sequences.update(numbered)
            self.env.invalidate_all()
            _logger.info(
                "Entries like %s are written one by one (%s)", sample_ids, error.column
            )
            return False
        for index, move_id in zip(others, new_ids, strict=True):
            move_ids[index] = move_id
        return True

    @api.model
    def _it_asset_check_copies(self, move_ids, vals_list):
        """One query: the journal items of the copies, per account, have the
        count and total meant by ``vals_list``; raise NotCopyable (the
        savepoint rolls the copies back) otherwise."""
        meant = defaultdict(lambda: [0, 0.0])
        for vals in vals_list:
            for command in vals["line_ids"]:
                line = command[2]
                meant[line["account_id"]][0] += 1
                meant[line["account_id"]][1] += line["balance"]
        self.env.cr.execute(
            SQL(
                "SELECT account_id, count(*), sum(balance) FROM account_move_line "
                "WHERE move_id = ANY(%s) GROUP BY account_id",
                list(move_ids),
            )
        )
        written = {row[0]: (row[1], row[2]) for row in self.env.cr.fetchall()}
        if set(written) != set(meant) or any(
            written[account][0] != count or abs(written[account][1] - total) > 0.005
            for account, (count, total) in meant.items()
        ):
            _logger.warning(
                "Bulk depreciation entries: totals per account %s instead of %s; "
                "written through the engine instead",
                written,
                dict(meant),
            )
            raise NotCopyable("totals")

    @api.model
    def _it_asset_sample_rows(self, move_ids):
        """The rows of the two sample entries: [(move, [(item, [analytic
        lines])])], in the order the engine wrote them."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(SQL("SELECT * FROM account_move WHERE id = ANY(%s)", move_ids))
        moves = {row["id"]: row for row in cr.dictfetchall()}
        cr.execute(
            SQL(
                "SELECT * FROM account_move_line WHERE move_id = ANY(%s) ORDER BY id",
                move_ids,
            )
        )
        items = cr.dictfetchall()
        cr.execute(
            SQL(
                "SELECT * FROM account_analytic_line WHERE move_line_id = ANY(%s) "
                "ORDER BY id",
                [item["id"] for item in items],
            )
        )
        analytic = defaultdict(list)
        for row in cr.dictfetchall():
            analytic[row["move_line_id"]].append(row)
        self._it_asset_check_nothing_attached(
            {
                "account_move": move_ids,
                "account_move_line": [item["id"] for item in items],
                "account_analytic_line": [
                    row["id"] for rows in analytic.values() for row in rows
                ],
            },
            moves.values(),
            items,
        )
        return [
            (
                moves[move_id],
                [
                    (item, analytic[item["id"]])
                    for item in items
                    if item["move_id"] == move_id
                ],
            )
            for move_id in move_ids
        ]

    @api.model
    def _it_asset_check_nothing_attached(self, ids, moves, items):
        """Raise NotCopyable when a row of another table points to the sample
        entries, their items or analytic lines (``ids``: {table: ids}:
        payments, reconciliations, taxes, followers, messages, ...), or when
        they point to a record whose stored fields depend on them: a copy
        would have none of it."""
        cr = self.env.cr
        cr.execute(
            SQL(
                """SELECT cl.relname, a.attname, ref.relname
                     FROM pg_constraint c
                     JOIN pg_class cl ON cl.oid = c.conrelid
                     JOIN pg_class ref ON ref.oid = c.confrelid
                     JOIN pg_attribute a ON a.attrelid = c.conrelid
                                        AND a.attnum = c.conkey[1]
                    WHERE c.contype = 'f'
                      AND ref.relname = ANY(%s)""",
                list(ids),
            )
        )
        handled = {
            ("account_move_line", "move_id", "account_move"),
            ("account_analytic_line", "move_line_id", "account_move_line"),
            ("it_asset_depreciation_line", "move_id", "account_move"),
        }
        checks = [
            SQL(
                "SELECT %s FROM %s WHERE %s = ANY(%s)",
                f"{table}.{column}",
                SQL.identifier(table),
                SQL.identifier(column),
                ids[target],
            )
            for table, column, target in cr.fetchall()
            if (table, column, target) not in handled
        ]
        for table, model_column in (
            ("mail_followers", "res_model"),
            ("mail_message", "model"),
            ("mail_activity", "res_model"),
        ):
            checks.append(
                SQL(
                    "SELECT %s FROM %s WHERE %s = 'account.move' AND res_id = ANY(%s)",
                    table,
                    SQL.identifier(table),
                    SQL.identifier(model_column),
                    ids["account_move"],
                )
            )
        cr.execute(SQL("(%s) LIMIT 1", SQL(") UNION ALL (").join(checks)))
        found = cr.fetchone()
        if found:
            raise NotCopyable(found[0])
        for table, column in self._it_asset_dependent_links():
            source = moves if table == "account_move" else items
            if any(row.get(column) for row in source):
                raise NotCopyable(f"{table}.{column}")

    @api.model
    @ormcache()
    def _it_asset_dependent_links(self):
        """(table, column) of the many2one columns of entries and journal
        items through which stored fields of other models depend on them
        (a bank statement line, a payment, ...): such links are not copied."""
        ours = {"account.move", "account.move.line", "account.analytic.line"}
        links = set()

        def walk(tree):
            for key, subtree in tree.items():
                if (
                    key.model_name not in ours
                    and key.type == "one2many"
                    and key.comodel_name in ("account.move", "account.move.line")
                ):
                    links.add((self.env[key.comodel_name]._table, key.inverse_name))
                walk(subtree)

        for model in ("account.move", "account.move.line"):
            stored = [f for f in self.env[model]._fields.values() if f.store]
            walk(self.env.registry.get_trigger_tree(stored))
        return tuple(sorted(links))

    @api.model
    def _it_asset_copy_plans(self, rows, sample_vals):
        """copy_plan of the move, of each journal item and of each analytic
        line of the samples; first checks that the columns a copy fills
        itself hold, in the samples, what the copy would put there."""
        (move1, items1), (move2, items2) = rows
        amounts = [_entry_amount(vals) for vals in sample_vals]
        for (move, items), vals in zip(rows, sample_vals, strict=True):
            lines = [command[2] for command in vals["line_ids"]]
            expected = (
                move["ref"] == (vals.get("ref") or None)
                and move["it_asset_id"] == (vals.get("it_asset_id") or None)
                and self._it_asset_split_name(move["name"])
                == (move["sequence_prefix"], move["sequence_number"])
                and len(items) == len(lines)
            )
            if not expected:
                raise NotCopyable("name, ref or it_asset_id")
            for (item, analytic), line in zip(items, lines, strict=True):
                if (
                    item["name"] != (line.get("name") or None)
                    or item["account_id"] != line["account_id"]
                    or item["move_name"] != move["name"]
                    or item["ref"] != move["ref"]
                    or any(
                        row["name"] != item["name"] or row["ref"] != item["ref"]
                        for row in analytic
                    )
                ):
                    raise NotCopyable("journal item name or ref")
        numeric = {
            table: {
                name
                for name, column in table_columns(self.env.cr, table).items()
                if column["udt_name"] in _NUMERIC_TYPES
            }
            for table in ("account_move", "account_move_line", "account_analytic_line")
        }

        def plan(table, one, two, given):
            return copy_plan(one, two, *amounts, given=given, numeric=numeric[table])

        item_plans = []
        for (item1, analytic1), (item2, analytic2) in zip(items1, items2, strict=True):
            if len(analytic1) != len(analytic2):
                raise NotCopyable("analytic lines")
            item_plans.append(
                (
                    plan("account_move_line", item1, item2, _LINE_GIVEN),
                    [
                        plan("account_analytic_line", one, two, _ANALYTIC_GIVEN)
                        for one, two in zip(analytic1, analytic2, strict=True)
                    ],
                )
            )
        return plan("account_move", move1, move2, _MOVE_GIVEN), item_plans

    def _it_asset_split_name(self, name):
        """(prefix, number) of an entry number, as sequence.mixin splits it."""
        regex = self._make_regex_non_capturing(
            self._sequence_fixed_regex.replace(r"?P<seq>", "")
        )
        matching = re.match(regex, name or "")
        if not matching:
            raise NotCopyable("name")
        return name[: matching.start(1)], int(matching.group(1) or 0)

    def _it_asset_next_names(self, count):
        """The ``count`` numbers the journal's sequence gives after ``self``
        (an entry just numbered in this transaction, so its sequence is
        locked and cached: see sequence.mixin._locked_increment)."""
        self.ensure_one()
        format_string, format_values = self._get_next_sequence_format()
        values = {key: value for key, value in format_values.items() if key != "seq"}
        cache_key = (
            format_string.format(**values, seq=0),
            self._sequence_index and self[self._sequence_index],
        )
        if cache_key not in self._get_sequence_cache():
            raise NotCopyable("sequence")
        return [
            self._locked_increment(format_string, dict(format_values))
            for _i in range(count)
        ]

    @api.model
    def _it_asset_insert_copies(self, rows, plans, vals_list, names):
        """INSERT the copies of the first sample (``rows[0]``) following
        ``plans``: one statement for the moves, one per journal item and one
        per analytic line of the sample. Return the new entries' ids."""
        cr = self.env.cr
        (move, items), _second = rows
        move_plan, item_plans = plans
        count = len(vals_list)
        amounts = [_entry_amount(vals) for vals in vals_list]
        refs = [vals.get("ref") or None for vals in vals_list]
        split = [self._it_asset_split_name(name) for name in names]
        new_move_ids = _insert_rows(
            cr,
            "account_move",
            move,
            move_plan,
            {
                "name": ("varchar", names),
                "sequence_number": ("int4", [number for _prefix, number in split]),
                "ref": ("varchar", refs),
                "it_asset_id": (
                    "int4",
                    [vals.get("it_asset_id") or None for vals in vals_list],
                ),
                "made_sequence_gap": ("bool", [False] * count),
            },
            amounts,
        )
        for position, ((item, analytic), (item_plan, analytic_plans)) in enumerate(
            zip(items, item_plans, strict=True)
        ):
            labels = [
                vals["line_ids"][position][2].get("name") or None for vals in vals_list
            ]
            new_item_ids = _insert_rows(
                cr,
                "account_move_line",
                item,
                item_plan,
                {
                    "move_id": ("int4", new_move_ids),
                    "move_name": ("varchar", names),
                    "ref": ("varchar", refs),
                    "name": ("varchar", labels),
                },
                amounts,
            )
            for row, analytic_plan in zip(analytic, analytic_plans, strict=True):
                _insert_rows(
                    cr,
                    "account_analytic_line",
                    row,
                    analytic_plan,
                    {
                        "move_line_id": ("int4", new_item_ids),
                        "name": ("varchar", labels),
                        "ref": ("varchar", refs),
                    },
                    amounts,
                )
        self.env.invalidate_all()
        return new_move_ids


def _entry_amount(vals):
    """The amount of an entry given as values: its first line's balance,
    unsigned (0 when its lines are not given as plain values)."""
    lines = vals.get("line_ids") or []
    if not lines or lines[0][0] != 0:
        return 0.0
    return abs(lines[0][2].get("balance") or 0.0)


def _entry_shape(vals):
    """A key shared by the entries that differ only in their reference,
    asset, labels and amount; None when the entry is not of a form a copy
    can follow (lines not created from plain values, a line whose balance is
    not the entry's amount or its opposite, a foreign currency)."""
    amount = _entry_amount(vals)
    if not amount:
        return None
    lines = []
    for command in vals["line_ids"]:
        if command[0] != 0:
            return None
        line = command[2]
        balance = line.get("balance")
        if (
            balance is None
            or {"debit", "credit"} & set(line)
            or abs(balance) != amount
            or line.get("amount_currency", balance) != balance
        ):
            return None
        shape = {k: v for k, v in line.items() if k not in _LINE_VARYING}
        shape["sign"] = 1 if balance > 0 else -1
        lines.append(shape)
    move = {k: v for k, v in vals.items() if k not in _MOVE_VARYING}
    move["line_ids"] = lines
    return json.dumps(move, sort_keys=True, default=str)


def _insert_rows(cr, table, sample, plan, given, amounts):
    """INSERT one row per amount into ``table`` and return their ids (drawn
    from the table's sequence first, in order): the columns of ``given``
    ({column: (type, values)}) from their values, the others from the
    ``sample`` row following ``plan`` (copied, or the row's amount)."""
    cr.execute(
        SQL(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
            "FROM generate_series(1, %s)",
            table,
            len(amounts),
        )
    )
    ids = [row[0] for row in cr.fetchall()]
    columns = [column for column in sample if column != "id"]
    names = ["id", "amount", *given]
    arrays = [SQL("%s::int4[]", ids), SQL("%s::numeric[]", amounts)]
    arrays += [SQL("%s::%s[]", values, SQL(kind)) for kind, values in given.values()]

    def value(column):
        if column in given:
            return SQL("v.%s", SQL.identifier(column))
        if plan[column] == COPY:
            return SQL("t.%s", SQL.identifier(column))
        return SQL("v.amount * %s", plan[column])

    cr.execute(
        SQL(
            """INSERT INTO %(table)s (id, %(columns)s)
               SELECT v.id, %(values)s
                 FROM %(table)s t, unnest(%(arrays)s) AS v(%(names)s)
                WHERE t.id = %(sample)s""",
            table=SQL.identifier(table),
            columns=SQL(", ").join(SQL.identifier(c) for c in columns),
            values=SQL(", ").join(value(c) for c in columns),
            arrays=SQL(", ").join(arrays),
            names=SQL(", ").join(SQL.identifier(n) for n in names),
            sample=sample["id"],
        )
    )
    return ids
