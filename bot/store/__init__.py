"""What the bot keeps of its use, for the maintainers' reports; never who asked."""

from bot.store.base import Store, StoreError
from bot.store.events import Asked, Candidate, ChatKind, Event, Pressed, PressKind
from bot.store.journal import DiscardJournal, Journal
from bot.store.opening import open_store, store_path
from bot.store.recorder import Recorder
from bot.store.redaction import redacted

__all__ = [
    "Asked",
    "Candidate",
    "ChatKind",
    "DiscardJournal",
    "Event",
    "Journal",
    "PressKind",
    "Pressed",
    "Recorder",
    "Store",
    "StoreError",
    "open_store",
    "redacted",
    "store_path",
]
