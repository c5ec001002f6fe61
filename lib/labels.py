# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Asset labels: the codes drawn on them and the layout of label sheets.

Plain values in, bytes and numbers out (no Odoo). The Code 128 barcode of a
tag is drawn by ``python-barcode`` and the QR code by ``qrcode``, both as SVG
(vectors: sharp whatever the printer), which wkhtmltopdf embeds as vectors.

Geometry is in millimetres. A sheet has ``columns`` x ``rows`` labels; cells
are numbered 1 to ``columns * rows`` row by row from the top left corner,
and printing may start at any cell, so that a half-used sheet is reused.
"""

import base64
import io
import math
from dataclasses import dataclass

import barcode
import qrcode
import qrcode.image.svg
from barcode.writer import SVGWriter

# CSS pixels per millimetre of paper in the report's HTML. wkhtmltopdf's
# WebKit always "smart-shrinks" printed pages by a factor between 1.25 and 2
# that depends on the build (Debian's unpatched Qt ignores
# --disable-smart-shrinking and --zoom): a page drawn wider than the paper
# (6 px/mm, a factor of 1.59 at 96 dpi) is shrunk to exactly the paper's
# width, whichever build renders it.
PX_PER_MM = 6
# CSS pixels taken off each page's height, so that rounding never spills a
# page's last pixel onto a blank page
PAGE_SLACK_PX = 3


@dataclass(frozen=True)
class LabelSheet:
    """A paper format for labels; lengths in millimetres."""

    key: str
    page_width: float
    page_height: float
    columns: int
    rows: int
    label_width: float
    label_height: float
    margin_top: float = 0.0
    margin_left: float = 0.0
    # distance between the left (top) edges of two neighbouring labels
    pitch_x: float = 0.0
    pitch_y: float = 0.0
    # inside a label: white border and the size of its text
    padding: float = 2.0
    font_size: float = 2.8
    max_barcode_height: float = 12.0
    # the QR code's side at most this share of the label's width: the rest
    # goes to the text and the barcode (about 0.25 mm per bar module)
    qr_ratio: float = 0.4

    @property
    def per_page(self):
        return self.columns * self.rows

    @property
    def is_roll(self):
        """One label per page: a label printer's roll, no start position."""
        return self.per_page == 1

    def cell_origin(self, cell):
        """(left, top) in mm of ``cell`` (0-based, row by row) on its page."""
        row, column = divmod(cell, self.columns)
        return (
            self.margin_left + column * (self.pitch_x or self.label_width),
            self.margin_top + row * (self.pitch_y or self.label_height),
        )


INCH = 25.4
# A4 sheet of 3 x 8 labels of 70 x 37 mm (296 mm of labels, centred)
A4_3X8 = LabelSheet("a4_3x8", 210.0, 297.0, 3, 8, 70.0, 37.0, margin_top=0.5)
# US Letter sheet of 30 labels of 2 5/8" x 1" (Avery 5160 layout: top margin
# 1/2", side margins 3/16", 1/8" between columns)
LETTER_30 = LabelSheet(
    "letter_30",
    8.5 * INCH,
    11 * INCH,
    3,
    10,
    2.625 * INCH,
    1 * INCH,
    margin_top=0.5 * INCH,
    margin_left=0.1875 * INCH,
    pitch_x=2.75 * INCH,
    pitch_y=1 * INCH,
    padding=1.5,
    font_size=2.2,
    max_barcode_height=9.0,
)
# one 62 x 29 mm label per page, for label printers (Brother DK-11209...)
ROLL_62X29 = LabelSheet(
    "roll_62x29",
    62.0,
    29.0,
    1,
    1,
    62.0,
    29.0,
    padding=1.5,
    font_size=2.4,
    qr_ratio=0.34,
)
SHEETS = {sheet.key: sheet for sheet in (A4_3X8, LETTER_30, ROLL_62X29)}


def check_start(sheet, start):
    """Raise ValueError unless ``start`` is a cell of ``sheet`` (1-based)."""
    if not 1 <= start <= sheet.per_page:
        raise ValueError(
            f"start position {start} is not a cell of {sheet.key} "
            f"(1 to {sheet.per_page})"
        )


def page_count(count, sheet, start=1):
    """Pages needed for ``count`` labels printed from cell ``start``."""
    check_start(sheet, start)
    if count <= 0:
        return 0
    return math.ceil((start - 1 + count) / sheet.per_page)


def paginate(items, sheet, start=1, copies=1):
    """Lay ``items`` out on pages, ``copies`` labels of each in a row.

    Returns one list per page of (cell, item) pairs, cell being 0-based on
    its page: the cells before ``start`` on the first page stay empty (they
    are not in the list)."""
    check_start(sheet, start)
    if copies < 1:
        raise ValueError(f"copies must be at least 1, not {copies}")
    pages = []
    cell = start - 1
    for item in items:
        for _copy in range(copies):
            if cell % sheet.per_page == 0 or not pages:
                pages.append([])
            pages[-1].append((cell % sheet.per_page, item))
            cell += 1
    return pages


def empty_cells(sheet, start):
    """Cells (0-based) left empty on the first page when printing from
    ``start``."""
    check_start(sheet, start)
    return list(range(start - 1))


@dataclass(frozen=True)
class LabelBoxes:
    """Boxes inside one label, in mm from its top left corner: the QR code
    square on the left, the text column (with the barcode) on its right."""

    padding: float
    qr_size: float
    text_left: float
    text_width: float
    line_height: float
    font_size: float
    barcode_height: float


def label_boxes(sheet, text_lines):
    """Where things go in a label of ``sheet`` with ``text_lines`` lines of
    text (company, name, tag, serial, contact) beside the barcode."""
    padding = sheet.padding
    inner_height = sheet.label_height - 2 * padding
    qr_size = min(inner_height, sheet.label_width * sheet.qr_ratio)
    text_left = padding + qr_size + padding
    line_height = round(sheet.font_size * 1.25, 2)
    barcode_height = inner_height - text_lines * line_height
    barcode_height = max(min(barcode_height, sheet.max_barcode_height), 4.0)
    return LabelBoxes(
        padding=padding,
        qr_size=qr_size,
        text_left=text_left,
        text_width=sheet.label_width - text_left - padding,
        line_height=line_height,
        font_size=sheet.font_size,
        barcode_height=round(barcode_height, 2),
    )


class _ScalableSVGWriter(SVGWriter):
    """python-barcode's SVG writer gives a size in mm but no viewBox: with
    one, the barcode stretches to the box the label gives it."""

    def _init(self, code):
        result = super()._init(code)
        width, height = self.calculate_size(len(code[0]), len(code))
        px = 96 / INCH  # user units per mm in SVG
        self._root.setAttribute("viewBox", f"0 0 {width * px:.3f} {height * px:.3f}")
        self._root.setAttribute("preserveAspectRatio", "none")
        return result


def code128_svg(value, module_width=0.25, height=10.0):
    """SVG (bytes) of the Code 128 barcode of ``value``, without text, with
    the quiet zones of 10 modules the symbology asks for."""
    if not value:
        raise ValueError("a barcode needs a value")
    code = barcode.get("code128", value, writer=_ScalableSVGWriter())
    return code.render(
        {
            "module_width": module_width,
            "module_height": height,
            "quiet_zone": 10 * module_width,
            "write_text": False,
            "font_size": 0,
            "text_distance": 0,
            "margin_top": 0,
            "margin_bottom": 0,
        }
    )


def qr_svg(payload, border=2):
    """SVG (bytes) of the QR code of ``payload`` (error correction M)."""
    if not payload:
        raise ValueError("a QR code needs a payload")
    code = qrcode.QRCode(
        border=border,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        image_factory=qrcode.image.svg.SvgPathImage,
    )
    code.add_data(payload)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image().save(out)
    return out.getvalue()


def qr_png(payload, border=2, box_size=8):
    """PNG (bytes) of the QR code of ``payload``: for screens and files."""
    code = qrcode.QRCode(
        border=border,
        box_size=box_size,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    code.add_data(payload)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image().save(out, format="PNG")
    return out.getvalue()


def data_uri(content, mimetype="image/svg+xml"):
    """``content`` (bytes) as a data: URI an <img> can show."""
    return f"data:{mimetype};base64,{base64.b64encode(content).decode()}"


def asset_url(base_url, asset_id):
    """The URL opening an asset in Odoo's web client (after login for a
    visitor who is not logged in): Odoo 18's own record route."""
    return f"{base_url.rstrip('/')}/odoo/it.asset/{int(asset_id)}"
