"""What the bot says, independent of where it is said.

A `Reply` is text in the knowledge base's markup plus what the user can do next (choices,
links, topics, sources, feedback). Front ends only render it: `bot.views` for Telegram and the
terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot import texts
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Entry, Link, Topic
from bot.matching.matcher import Decision, Match, Reason

EXAMPLE_COUNT = 2


class ReplyKind(StrEnum):
    ANSWER = "answer"
    CLARIFY = "clarify"
    NONE = "none"
    SOURCES = "sources"
    TOPICS = "topics"
    TOPIC = "topic"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Choice:
    """A question the user can pick: an entry's id and its canonical question."""

    entry_id: str
    label: str


@dataclass(frozen=True, slots=True)
class Reply:
    kind: ReplyKind
    body: str  # in the knowledge base's markup
    entry_id: str | None = None
    links: tuple[Link, ...] = ()
    choices: tuple[Choice, ...] = ()  # did you mean, examples, a topic's questions
    related: tuple[Choice, ...] = ()
    topics: tuple[Topic, ...] = ()
    back_to_topics: bool = False
    rated: bool = False  # feedback given: thanks instead of 👍 / 👎


def _choice(entry: Entry) -> Choice:
    return Choice(entry.id, entry.question)


def answer(knowledge: KnowledgeBase, entry_id: str, *, rated: bool = False) -> Reply:
    """One entry's answer: for a match, a deep link, or a tapped choice."""
    entry = knowledge.entry(entry_id)
    related = tuple(_choice(e) for i in entry.related if (e := knowledge.get(i)))
    return Reply(
        ReplyKind.ANSWER, entry.answer, entry.id, tuple(entry.links), related=related, rated=rated
    )


def sources(knowledge: KnowledgeBase, entry_id: str) -> Reply:
    entry = knowledge.entry(entry_id)
    lines = "\n".join(f"- {source}" for source in entry.sources)
    dated = f"\n\nFacts as of {entry.as_of:%d %B %Y}." if entry.as_of else ""
    return Reply(ReplyKind.SOURCES, f"{texts.SOURCES}\n\n{lines}{dated}", entry.id)


def examples(knowledge: KnowledgeBase, count: int = EXAMPLE_COUNT) -> tuple[Choice, ...]:
    """One question from each of the first topics: a taste of what the bot can answer."""
    picked = [entries[0] for t in knowledge.topics if (entries := knowledge.in_topic(t.id))]
    return tuple(_choice(entry) for entry in picked[:count])


def topics(knowledge: KnowledgeBase) -> Reply:
    return Reply(ReplyKind.TOPICS, texts.TOPICS, topics=knowledge.topics)


def topic(knowledge: KnowledgeBase, topic_id: str) -> Reply | None:
    found = next((t for t in knowledge.topics if t.id == topic_id), None)
    if found is None:
        return None
    body = f"**{found.title}**" + (f"\n\n{found.description}" if found.description else "")
    choices = tuple(_choice(e) for e in knowledge.in_topic(topic_id))
    return Reply(ReplyKind.TOPIC, body, choices=choices, back_to_topics=True)


def text(
    body: str, knowledge: KnowledgeBase | None = None, *, show_examples: bool = False
) -> Reply:
    """A fixed text, optionally with example questions to tap."""
    choices = examples(knowledge) if knowledge is not None and show_examples else ()
    return Reply(ReplyKind.TEXT, body, choices=choices)


def compose(knowledge: KnowledgeBase, match: Match) -> Reply:
    """The reply to a matched question."""
    if match.decision is Decision.ANSWER and match.answer_id is not None:
        return answer(knowledge, match.answer_id)
    if match.decision is Decision.CLARIFY:
        choices = tuple(_choice(knowledge.entry(i)) for i in match.choices)
        return Reply(ReplyKind.CLARIFY, texts.DID_YOU_MEAN, choices=choices)
    body = {
        Reason.OTHER_SCRIPT: texts.NOT_ENGLISH,
        Reason.OTHER_LANGUAGE: texts.NOT_ENGLISH,
        Reason.NO_KNOWN_WORDS: texts.UNKNOWN_WORDS,
        Reason.EMPTY: texts.EMPTY,
    }.get(match.reason or Reason.OUT_OF_SCOPE, texts.OUT_OF_SCOPE)
    return Reply(ReplyKind.NONE, body, choices=examples(knowledge), topics=knowledge.topics)
