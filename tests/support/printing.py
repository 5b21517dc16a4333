"""HTML printed to PDF by a real HTML/CSS engine (WeasyPrint, from pip; it uses the system's
Pango), for tests of what maintainers and trainers print."""

from __future__ import annotations

import warnings


def render_pdf(html: str) -> bytes:
    """WeasyPrint's PDF of the page; its notice that a future version will need HarfBuzz's
    subsetting library is not this project's concern, so it is not shown."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
        import weasyprint  # type: ignore[import-untyped]
    pdf: bytes = weasyprint.HTML(string=html).write_pdf()
    return pdf
