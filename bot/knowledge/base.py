"""The loaded knowledge base: validated, cross-checked, read-only."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from bot.knowledge.models import (
    AskedAboutTheBot,
    Entry,
    Glossary,
    LanguageSafety,
    LinkPolicy,
    QuizItem,
    SafetyPhrasings,
    Topic,
    Translation,
)
from bot.knowledge.problems import Location


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the bot answers from; built only by the loader, so its parts agree."""

    root: Path
    entries: tuple[Entry, ...]
    topics: tuple[Topic, ...]
    glossary: Glossary
    link_policy: LinkPolicy
    origins: Mapping[str, Location] = field(repr=False)
    out_of_scope: tuple[str, ...] = ()  # questions to decline, learnt by the matcher
    safety: SafetyPhrasings | None = None  # examples for the danger and legal detectors
    quiz: tuple[QuizItem, ...] = ()  # quiz questions, each on an entry's facts
    asked: AskedAboutTheBot = field(default_factory=AskedAboutTheBot)  # about the bot, English
    translations: Mapping[str, Translation] = field(default_factory=dict)  # by language code
    # per language code, per entry id: how people ask it in that language
    phrasings: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    regional_safety: Mapping[str, LanguageSafety] = field(default_factory=dict)  # by code
    # per language code: questions in it to decline, which share the entries' words
    regional_declined: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # per language code, per entry id: an answer a maintainer translated
    translated_answers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    _by_id: Mapping[str, Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({e.id: e for e in self.entries}))

    def entry(self, entry_id: str) -> Entry:
        """The entry with this id; `KeyError` for an unknown id."""
        return self._by_id[entry_id]

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def topic(self, topic_id: str) -> Topic:
        return next(t for t in self.topics if t.id == topic_id)

    def in_topic(self, topic_id: str) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if entry.topic == topic_id)

    @property
    def question_count(self) -> int:
        return sum(len(entry.variants) for entry in self.entries)

    @property
    def as_of(self) -> datetime.date | None:
        """The newest date any answer's facts are pinned to."""
        return max((e.as_of for e in self.entries if e.as_of is not None), default=None)
