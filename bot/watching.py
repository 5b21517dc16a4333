"""Watching the knowledge folder, so that a saved edit reaches the running bot.

`watchfiles` gathers a burst of saves (an editor writing a file, a `git pull`) into one change;
only the knowledge base's own files count, not an editor's swap files.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import watchfiles

logger = logging.getLogger(__name__)

KNOWLEDGE_FILES = frozenset({".yaml", ".yml", ".json"})
DEBOUNCE_MS = 800


class KnowledgeFiles(watchfiles.DefaultFilter):
    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        return super().__call__(change, path) and Path(path).suffix in KNOWLEDGE_FILES


async def knowledge_changes(root: Path, stop: asyncio.Event) -> AsyncIterator[int]:
    """Yields once per burst of changes (how many files changed) until `stop` is set."""
    async for changes in watchfiles.awatch(
        root, watch_filter=KnowledgeFiles(), debounce=DEBOUNCE_MS, stop_event=stop
    ):
        yield len(changes)


def watch_in_thread(root: Path, on_change: Callable[[], object]) -> threading.Event:
    """Call `on_change` after each burst of changes, from a thread of its own; set the returned
    event to stop watching. For front ends without an event loop (the terminal chat)."""
    stop = threading.Event()

    def run() -> None:
        for _ in watchfiles.watch(
            root,
            watch_filter=KnowledgeFiles(),
            debounce=DEBOUNCE_MS,
            stop_event=stop,
            raise_interrupt=False,
        ):
            on_change()

    threading.Thread(target=run, name="knowledge-watcher", daemon=True).start()
    return stop
