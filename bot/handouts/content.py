"""What a handout holds, whatever it is printed as: per topic, each entry's question, short
answer, official links, deep link and the QR code of that link. Only what the knowledge base
says: nothing here writes a fact of its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import segno

from bot.deep_links import deep_link
from bot.handouts.answer_text import Block, short_answer
from bot.handouts.qr import qr_code
from bot.handouts.selection import chosen_topics
from bot.knowledge import Entry, KnowledgeBase, Link
from bot.words import ENGLISH_CODE, ENGLISH_VOICE, Voice, voice_in


class UnknownLanguageError(ValueError):
    def __init__(self, code: str, known: list[str]) -> None:
        super().__init__(f"no words in language '{code}' (known: {', '.join(known)})")


@dataclass(frozen=True, slots=True)
class HandoutEntry:
    entry_id: str
    question: str
    short_answer: tuple[Block, ...]
    links: tuple[Link, ...]
    deep_link: str
    qr: segno.QRCode  # the symbol printed beside the entry, kept so tests can read it back


@dataclass(frozen=True, slots=True)
class HandoutTopic:
    id: str
    title: str
    entries: tuple[HandoutEntry, ...]


@dataclass(frozen=True, slots=True)
class Handout:
    bot_username: str
    topics: tuple[HandoutTopic, ...]
    voice: Voice = ENGLISH_VOICE  # the language of the handout's own words (not its answers)

    @property
    def title(self) -> str:
        return self.voice.words.handout_title

    @property
    def entries(self) -> tuple[HandoutEntry, ...]:
        return tuple(entry for topic in self.topics for entry in topic.entries)


def build_handout(
    knowledge: KnowledgeBase,
    bot_username: str,
    topic_ids: Sequence[str] | None = None,
    language: str | None = None,
) -> Handout:
    """`UnknownTopicError` for a topic id the knowledge base does not have. `language`: that
    of the handout's own words (a code of `knowledge/i18n/`; English by default), else
    `UnknownLanguageError`."""
    voice = voice_in(knowledge, language)
    if language is not None and voice.code != language:
        raise UnknownLanguageError(language, [ENGLISH_CODE, *sorted(knowledge.translations)])
    username = bot_username.lstrip("@")
    topics = tuple(
        HandoutTopic(
            topic.id,
            topic.title,
            tuple(_entry(entry, username) for entry in knowledge.in_topic(topic.id)),
        )
        for topic in chosen_topics(knowledge, topic_ids)
    )
    return Handout(username, topics, voice)


def _entry(entry: Entry, bot_username: str) -> HandoutEntry:
    link = deep_link(bot_username, entry.id)
    return HandoutEntry(
        entry.id,
        entry.question,
        short_answer(entry.answer),
        tuple(entry.links),
        link,
        qr_code(link),
    )
