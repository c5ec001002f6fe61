"""Asset lifecycle: which status changes are allowed.

Plan -> Procure -> Deploy -> Use & Maintain -> Upgrade/Retire -> Dispose, as a
small state machine on plain strings so it can be read and tested on its own.
"""

DRAFT = "draft"
IN_STOCK = "in_stock"
IN_USE = "in_use"
IN_REPAIR = "in_repair"
RETIRED = "retired"
DISPOSED = "disposed"
MISSING = "missing"

STATES = (DRAFT, IN_STOCK, IN_USE, IN_REPAIR, RETIRED, DISPOSED, MISSING)

# state -> states it may move to. Disposed is final; an asset in use is
# returned (to stock or to repair) or retired before it is disposed of.
ALLOWED_TRANSITIONS = {
    DRAFT: frozenset({IN_STOCK, IN_USE}),
    IN_STOCK: frozenset({DRAFT, IN_USE, IN_REPAIR, RETIRED, DISPOSED, MISSING}),
    IN_USE: frozenset({IN_STOCK, IN_REPAIR, RETIRED, MISSING}),
    IN_REPAIR: frozenset({IN_STOCK, IN_USE, RETIRED, DISPOSED, MISSING}),
    RETIRED: frozenset({IN_STOCK, DISPOSED, MISSING}),
    MISSING: frozenset({IN_STOCK, IN_USE, RETIRED, DISPOSED}),
    DISPOSED: frozenset(),
}


def is_allowed(old: str, new: str) -> bool:
    """True when an asset may go from ``old`` to ``new`` (same state: no change)."""
    if old not in ALLOWED_TRANSITIONS or new not in ALLOWED_TRANSITIONS:
        raise ValueError(f"Unknown asset status: {old if new in STATES else new!r}")
    return old == new or new in ALLOWED_TRANSITIONS[old]


def illegal(changes):
    """Return the (key, old, new) triples among ``changes`` that are not allowed.

    ``changes`` is an iterable of (key, old, new); key is whatever identifies
    the asset for the caller (an id, a tag).
    """
    return [(key, old, new) for key, old, new in changes if not is_allowed(old, new)]
