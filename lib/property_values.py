"""Values of category-defined asset properties: do they fit their type?

Odoo's properties store what they are given; the register refuses a value
of the wrong type (text in a number, a date that is not one) so that
searches and groupings on a property mean something.
"""

import datetime as dt
import math


def _is_date(value):
    if isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _is_datetime(value):
    if isinstance(value, dt.datetime):
        return True
    try:
        dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _is_number(value):
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
    )


CHECKS = {
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": _is_number,
    "boolean": lambda v: isinstance(v, bool),
    "char": lambda v: isinstance(v, str),
    "date": _is_date,
    "datetime": _is_datetime,
}


def wrong_values(definition, values):
    """[(property label, its type, the value)] for each value of ``values``
    ({property name: value}) that does not fit its type in ``definition``
    (Odoo's list of property definitions). Empty values always fit; types
    checked by Odoo itself (selection, relations, tags) are not checked."""
    by_name = {prop["name"]: prop for prop in definition or []}
    wrong = []
    for name, value in (values or {}).items():
        prop = by_name.get(name)
        if not prop or value in (None, False, ""):
            continue
        check = CHECKS.get(prop.get("type"))
        if check and not check(value):
            wrong.append((prop.get("string") or name, prop["type"], value))
    return wrong
