# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.2.0: bulk depreciation entries become an opt-in (off by default),
so that every entry goes through the accounting engine; companies that had
the former default are set back to it."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("UPDATE res_company SET it_asset_entry_copies = false")
