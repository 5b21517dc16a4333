"""Giving the memory freed while an engine was built back to the system.

Building an engine allocates and frees many small objects (n-grams, features, training
matrices). glibc's allocator keeps most of what is freed in the process, so the bot's resident
memory stays about 10 MB above what it uses (docs/memory.md); `malloc_trim` returns it. Where
the C library is not glibc (musl, macOS), this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Callable
from functools import cache


@cache
def _trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        library = ctypes.CDLL(name)
    except OSError:
        return None
    trim: Callable[[int], int] | None = getattr(library, "malloc_trim", None)
    return trim


def give_back_freed_memory() -> bool:
    """Collect garbage, then return the free heap to the system; whether it could."""
    gc.collect()
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
