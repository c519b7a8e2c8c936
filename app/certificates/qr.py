"""QR codes for `HC1:` strings: error correction Q, one alphanumeric-mode segment.

qrcode builds the symbol; the mask choice (ISO/IEC 18004 section 7.8.3) is done here on rows
held as integers, because qrcode's own search re-lays the whole symbol eight times and takes
most of the time of issuing a certificate.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Sequence
from functools import cache

import qrcode
import qrcode.constants
from PIL import Image
from qrcode.util import MODE_ALPHA_NUM, QRData, mask_func

from app.certificates.errors import CertificateDataError

Matrix = list[list[bool]]
_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = re.compile(r"(?=10111010000|00001011101)")


def qr_matrix(text: str) -> Matrix:
    """Module matrix without quiet zone (True = dark).

    The HC1 text uses only the QR alphanumeric alphabet, so one alphanumeric segment (5.5 bits
    a character) keeps the code far smaller than byte mode; optimize=0 stops qrcode from
    splitting it into numeric runs, which readers handle but the EU guidelines do not ask for.
    """
    try:
        data = QRData(text.encode("ascii"), mode=MODE_ALPHA_NUM)
    except (UnicodeEncodeError, ValueError):
        raise CertificateDataError(code="qr_not_alphanumeric") from None
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=0, mask_pattern=0)
    code.add_data(data, optimize=0)
    code.make(fit=True)
    size: int = code.modules_count
    base = [_row_bits(row) for row in code.modules]
    layout = _layout(code.version)
    candidates = []
    for pattern in range(8):
        # qrcode applied mask 0: flip the data cells where mask 0 and this mask differ,
        # then put in this mask's format information.
        flips = [m0 ^ m for m0, m in zip(layout.masks[0], layout.masks[pattern], strict=True)]
        rows = [
            ((row ^ (flip & data_cells)) & ~format_cells) | format_bits
            for row, flip, data_cells, format_cells, format_bits in zip(
                base, flips, layout.data, layout.format_cells, layout.format_values[pattern], strict=True
            )
        ]
        candidates.append((penalty(rows, size), pattern, rows))
    _, _, best = min(candidates, key=lambda c: (c[0], c[1]))
    return [[bool(row >> (size - 1 - x) & 1) for x in range(size)] for row in best]


def _row_bits(row: Sequence[bool | None]) -> int:
    value = 0
    for cell in row:
        value = (value << 1) | bool(cell)
    return value


class _Layout:
    """Per version: which cells hold data, the mask patterns, and each mask's format bits."""

    def __init__(self, version: int) -> None:
        probe = qrcode.QRCode(version=version, error_correction=qrcode.constants.ERROR_CORRECT_Q, border=0)
        size = probe.modules_count = version * 4 + 17
        probe.modules = [[None] * size for _ in range(size)]
        probe.setup_position_probe_pattern(0, 0)
        probe.setup_position_probe_pattern(size - 7, 0)
        probe.setup_position_probe_pattern(0, size - 7)
        probe.setup_position_adjust_pattern()
        probe.setup_timing_pattern()
        if version >= 7:
            probe.setup_type_number(False)
        before = [row[:] for row in probe.modules]
        probe.setup_type_info(False, 0)
        format_cells = [
            [before[y][x] is None and probe.modules[y][x] is not None for x in range(size)]
            for y in range(size)
        ]
        self.data = [_row_bits([cell is None for cell in row]) for row in probe.modules]
        self.format_cells = [_row_bits(row) for row in format_cells]
        self.format_values = []
        for pattern in range(8):
            probe.setup_type_info(False, pattern)
            self.format_values.append(
                [
                    _row_bits([bool(cell) and fmt for cell, fmt in zip(row, fmt_row, strict=True)])
                    for row, fmt_row in zip(probe.modules, format_cells, strict=True)
                ]
            )
        self.masks = []
        for pattern in range(8):
            is_dark = mask_func(pattern)
            self.masks.append([_row_bits([is_dark(y, x) for x in range(size)]) for y in range(size)])


@cache
def _layout(version: int) -> _Layout:
    return _Layout(version)


def penalty(rows: list[int], size: int) -> int:
    """ISO/IEC 18004 mask penalty (N1 runs, N2 blocks, N3 finder-like, N4 balance)."""
    lines = [format(row, f"0{size}b") for row in rows]
    lines += ["".join(column) for column in zip(*lines, strict=True)]
    # One pass over all rows and columns, "|" keeping runs from joining across lines.
    joined = "|".join(lines)
    runs = _RUN.findall(joined)
    score = sum(map(len, runs)) - 2 * len(runs) + 40 * len(_FINDER_LIKE.findall(joined))
    pairs = (1 << (size - 1)) - 1
    for upper, lower in itertools.pairwise(rows):
        same_vertically = ~(upper ^ lower)
        same_horizontally = ~(upper ^ (upper >> 1))
        score += 3 * (same_vertically & (same_vertically >> 1) & same_horizontally & pairs).bit_count()
    dark = sum(row.bit_count() for row in rows)
    score += 10 * int(abs(dark * 100 / (size * size) - 50) // 5)
    return score


def qr_png(text: str, *, module_px: int = 4, quiet_zone: int = 4) -> bytes:
    """A PNG for screens; print uses the vector drawing in pdf.py."""
    matrix = qr_matrix(text)
    size = len(matrix) + 2 * quiet_zone
    image = Image.new("1", (size, size), 1)
    pixels = image.load()
    assert pixels is not None
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + quiet_zone, y + quiet_zone] = 0
    image = image.resize((size * module_px, size * module_px), Image.Resampling.NEAREST)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def qr_matrix_bytes(text: str) -> Matrix:
    """Module matrix for text outside the alphanumeric set (a corsign token): byte mode, level M."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.modules]
