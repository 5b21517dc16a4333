"""Numbers people type (a quiz round's length, an option in the terminal), read without ever
raising: `str.isdigit` accepts "²", which `int` refuses."""

from __future__ import annotations

import re

_WHOLE_NUMBER = re.compile(r"[+-]?\d+")  # \d: the decimal digits of any script, as `int` reads


def whole_number(text: str) -> int | None:
    """The whole number `text` is ("3", "-1", "+2", "٣" Arabic-Indic three), or None for
    anything else ("²", "+-5", "1e3", "3.0", " 3") and for more digits than `int` reads."""
    if _WHOLE_NUMBER.fullmatch(text) is None:
        return None
    try:
        return int(text)
    except ValueError:  # longer than sys.get_int_max_str_digits()
        return None
