"""What a scanned code is: pure parsing, no database.

A code comes from a keyboard-wedge scanner, the phone camera or a person
typing. It is an asset tag (``ITA-000123``), a serial number, or the payload
of an asset label's QR code: the tag alone, or a URL that opens the asset in
Odoo (``/odoo/it.asset/42``, ``/odoo/it-assets/42``, ``/odoo/action-...``,
``/mail/view?model=it.asset&res_id=42``, ``/web#id=42&model=it.asset``).
"""

import re
from urllib.parse import parse_qs, urlsplit

# longer than any tag, serial or label URL: refused as garbage, not stored
MAX_CODE_LENGTH = 256
# what an unknown code keeps of what was scanned
MAX_STORED_LENGTH = 256

ASSET_MODEL = "it.asset"
_PATH_ID = re.compile(r"/(?:it\.asset|it-assets)/(\d+)(?:[/?#]|$)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class BadCode(ValueError):
    """A code that is no code: empty, too long, or control characters."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "empty", "too_long", "garbage"


def clean(raw):
    """The code as it is looked up: trimmed, scanner prefixes removed.
    Raise :class:`BadCode` for an empty, too long or binary code."""
    if not isinstance(raw, str):
        raise BadCode("empty" if raw in (None, False, "") else "garbage")
    code = raw.strip()
    if not code:
        raise BadCode("empty")
    if len(code) > MAX_CODE_LENGTH:
        raise BadCode("too_long")
    if _CONTROL.search(code):
        raise BadCode("garbage")
    return code


def asset_id_from_url(code):
    """The asset id a label URL points to, or None when ``code`` is not a
    URL of an asset."""
    if "/" not in code or not re.match(r"^(https?://|/)", code, re.IGNORECASE):
        return None
    parts = urlsplit(code)
    match = _PATH_ID.search(parts.path)
    if match:
        return int(match.group(1))
    for query in (parts.query, parts.fragment):
        params = parse_qs(query)
        model = params.get("model", [None])[0]
        res_id = (params.get("res_id") or params.get("id") or [None])[0]
        if model == ASSET_MODEL and res_id and res_id.isdigit():
            return int(res_id)
    return None


def truncated(code):
    """What is stored of an unknown code."""
    return code[:MAX_STORED_LENGTH]
