"""Giving the memory freed while an engine was built back to the system.

Building an engine allocates and frees many small objects (n-grams, features, training
matrices). glibc's allocator keeps most of what is freed in the process, so the bot's resident
memory stays about 10 MB above what it uses (docs/memory.md); `malloc_trim` returns it. Where
the C library has no `malloc_trim` (musl, macOS, Windows), only the garbage is collected.
"""

from __future__ import annotations

import ctypes
import gc
from functools import cache
from typing import Any


@cache
def _trim() -> Any | None:
    """glibc's `malloc_trim`, or None."""
    try:
        library = ctypes.CDLL(None)  # the C library the interpreter runs on
        trim = library.malloc_trim
    except (OSError, TypeError, AttributeError):  # TypeError: Windows takes no None
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back_freed_memory() -> bool:
    """Collect garbage, then return the free heap to the system; whether the C library could."""
    gc.collect()
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
