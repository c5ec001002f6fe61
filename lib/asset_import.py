"""Migration import: reading the columns another asset system exports.

Pure functions on plain values, used by the register's import
(models/it_asset_import.py) and tested on their own.
"""

from . import lifecycle

# statuses of other registers, lower case -> ours. Snipe-IT's default status
# labels, plus what its export shows for an asset checked out ("Deployed").
STATE_SYNONYMS = {
    "pending": lifecycle.DRAFT,
    "ready to deploy": lifecycle.IN_STOCK,
    "deployable": lifecycle.IN_STOCK,
    "available": lifecycle.IN_STOCK,
    "deployed": lifecycle.IN_USE,
    "assigned": lifecycle.IN_USE,
    "out for diagnostics": lifecycle.IN_REPAIR,
    "out for repair": lifecycle.IN_REPAIR,
    "broken - not fixable": lifecycle.RETIRED,
    "archived": lifecycle.RETIRED,
    "lost/stolen": lifecycle.MISSING,
    "lost": lifecycle.MISSING,
    "stolen": lifecycle.MISSING,
}


# column headers of Snipe-IT's standard asset export -> the register's
# import columns (field names); Company is matched by Odoo; its other columns
# (Model No., Order Number, Supplier, Default Location, Warranty in months)
# are not imported
SNIPE_IT_COLUMNS = {
    "asset tag": "tag",
    "asset name": "name",
    "category": "category_id",
    "manufacturer": "manufacturer_id",
    "model": "model_name",
    "serial": "serial_number",
    "status": "import_state",
    "checked out to": "import_holder",
    "location": "location_id",
    "purchase date": "acquisition_date",
    "purchase cost": "acquisition_cost",
    "warranty expires": "warranty_end_date",
    "eol": "end_of_life_date",
    "notes": "specifications",
}


def column_fields(headers, suggestions):
    """The field (path) each column is imported into, '' for none: a known
    column of another system's export first, else Odoo's own suggestion
    (``suggestions``: column index -> field path, from the template's
    headers or the fields' labels)."""
    return [
        SNIPE_IT_COLUMNS.get(normalise(header)) or suggestions.get(index) or ""
        for index, header in enumerate(headers)
    ]


def normalise(text):
    """Trimmed, lower-case text ('' for empty values)."""
    return (text or "").strip().lower() if isinstance(text, str) else ""


def parse_state(text, labels):
    """The status named by ``text``: one of ``labels`` (value -> label, as
    the register shows them), by value, label or synonym, without letter
    case. '' when empty; None when unknown."""
    key = normalise(text)
    if not key:
        return ""
    for value, label in labels.items():
        if key in (value.lower(), label.lower()):
            return value
    return STATE_SYNONYMS.get(key)


def row_label(vals):
    """How an import row is named in an error: its tag, name and serial."""
    parts = []
    if vals.get("tag") and vals["tag"] != "New":
        parts.append(f"[{vals['tag']}]")
    parts.append(vals.get("name") or "?")
    if vals.get("serial_number"):
        parts.append(f"(serial {vals['serial_number']})")
    return " ".join(parts)


def unique_key(vals, field, company_id):
    """The key under which ``field`` (serial_number or tag) of an import row
    must be unique: (company, product or 0 for serials, lower-case value);
    None when the row has no value."""
    text = normalise(vals.get(field))
    if not text or (field == "tag" and text == "new"):
        return None
    product = (vals.get("product_id") or 0) if field == "serial_number" else 0
    return (vals.get("company_id") or company_id, product, text)


def repeated(keys, taken):
    """For each key of ``keys`` (None: no value): None, 'register' when
    ``taken`` (keys already in the register) has it, or 'file' when an
    earlier row has it."""
    seen = set()
    result = []
    for key in keys:
        if key is None:
            result.append(None)
        elif key in taken:
            result.append("register")
        elif key in seen:
            result.append("file")
        else:
            result.append(None)
        seen.add(key)
    return result
