"""Text normalisation shared by validation, lint and matching."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def normalize(text: str) -> str:
    """NFKC, case-folded, punctuation and extra spacing removed: how two phrasings compare."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NOT_WORD.sub(" ", folded).strip()


def fold(text: str) -> str:
    """As `normalize`, for the region's scripts too: the vowel marks of Thai, Khmer and Burmese
    are letters' parts and stay, while Latin letters lose theirs, so that Vietnamese typed
    without tones ("bao cao") reads as with them ("báo cáo")."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold())
    kept: list[str] = []
    latin = False
    for ch in decomposed.replace("đ", "d"):
        kind = unicodedata.category(ch)
        if kind.startswith("M"):
            if not latin:
                kept.append(ch)
        elif kind[0] in "PSZC" or ch == "_":
            kept.append(" ")
            latin = False
        else:
            latin = unicodedata.name(ch, "").startswith("LATIN")
            kept.append(ch)
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())
