"""Pure-Python calculation helpers of the IT asset addon (no Odoo imports)."""
