# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fields that only the addon's actions may set.

Statuses, acceptance and the history of a custody are the register's
evidence: they change through the actions (check-out, check-in, handover,
accept, the lifecycle buttons, the stock sync), never by a direct
``write``/``create`` over RPC, whoever sends it (administrators included).

The actions open the gate with :func:`by_action`, which puts an object in
the context. The object is created here, in the server process: a context
sent over RPC is JSON, so it can never carry it. Module data files (demo)
loaded while the registry is being set up may also declare these fields.
"""

from odoo.exceptions import UserError

_CONTEXT_KEY = "it_asset_action"
_ACTION = object()


def by_action(records):
    """``records`` allowed to write their guarded fields. Only the addon's
    actions call this, around the one write that sets them."""
    return records.with_context(**{_CONTEXT_KEY: _ACTION})


def is_action(env):
    """True inside an action that opened the gate, or while module data
    files are loaded (not reachable over RPC: the registry is not ready)."""
    if env.context.get(_CONTEXT_KEY) is _ACTION:
        return True
    return bool(env.context.get("install_filename")) and not env.registry.ready


def refuse_direct(records, vals_list, guarded, allowed=None, operation="write"):
    """Refuse values of the ``guarded`` fields (a frozenset of names) in
    ``vals_list`` unless an action sets them. ``allowed`` maps a field to
    the values that may be given directly (e.g. a new asset in Draft). A
    user without the right to ``operation`` at all gets the access error."""
    if is_action(records.env):
        return
    allowed = allowed or {}
    found = {
        name
        for vals in vals_list
        for name in guarded.intersection(vals)
        if vals[name] not in allowed.get(name, ())
    }
    if not found:
        return
    env = records.env
    records.check_access(operation)
    model = env[records._name]
    labels = sorted(model._fields[name]._description_string(env) for name in found)
    raise UserError(
        env._(
            "%(model)s: %(fields)s can only be changed through the actions "
            "(buttons) that set them, not written directly. Nothing was "
            "changed.",
            model=model._description,
            fields=", ".join(labels),
        )
    )
