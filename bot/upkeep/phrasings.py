"""Question texts as a maintainer adds them to an entry: one per wording, the most asked first,
leaving out the wordings the entry already has."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.knowledge import KnowledgeBase, normalize


def distinct(texts: Iterable[str]) -> list[tuple[str, int]]:
    """Each wording once (texts equal once normalised are one), with how often it was asked:
    the most asked first, then the first asked. A wording is shown as most often typed."""
    spellings: dict[str, Counter[str]] = {}
    for text in texts:
        spellings.setdefault(normalize(text), Counter())[text] += 1
    found = [(typed.most_common(1)[0][0], typed.total()) for typed in spellings.values()]
    return sorted(found, key=lambda item: -item[1])


def new_phrasings(
    knowledge: KnowledgeBase | None, entry_id: str | None, texts: Iterable[str]
) -> tuple[str, ...]:
    """The texts that are not already the entry's question or one of its alternates."""
    entry = knowledge.get(entry_id) if knowledge is not None and entry_id else None
    known = {normalize(variant) for variant in entry.variants} if entry else set()
    return tuple(text for text in texts if normalize(text) not in known)
