"""Text normalisation shared by validation, lint and matching."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def normalize(text: str) -> str:
    """NFKC, case-folded, punctuation and extra spacing removed: how two phrasings compare."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NOT_WORD.sub(" ", folded).strip()
