"""QR codes of deep links, made with `segno` (pure Python): one symbol per link, so the handout,
the slides' images and the tests all print and read the very same code."""

from __future__ import annotations

from pathlib import Path

import segno

ERROR_CORRECTION = "m"  # survives a crease or a smudge on paper; segno raises it when it fits
IMAGE_SCALE = 10  # pixels per module in the PNGs for slides: sharp when projected


def qr_code(link: str) -> segno.QRCode:
    """A full-size QR code (never a Micro QR, which phone cameras do not read)."""
    return segno.make_qr(link, error=ERROR_CORRECTION, boost_error=True)


def qr_svg(symbol: segno.QRCode, title: str) -> str:
    """The symbol as an `<svg>` element to put inside HTML; its size is left to the CSS."""
    return symbol.svg_inline(omitsize=True, svgclass="qr-code", lineclass=None, title=title)


def save_qr_images(symbol: segno.QRCode, folder: Path, stem: str, title: str) -> tuple[Path, Path]:
    """`<stem>.png` and `<stem>.svg` in `folder`, the quiet zone around them kept."""
    png, svg = folder / f"{stem}.png", folder / f"{stem}.svg"
    symbol.save(str(png), scale=IMAGE_SCALE)
    symbol.save(str(svg), scale=IMAGE_SCALE, title=title)
    return png, svg
