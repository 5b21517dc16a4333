"""What the bot says: one reply pipeline for Telegram, the terminal and `python -m bot ask`.

`compose` turns a match into a `Reply` (what to say, which choices to offer); front ends only
render it: `render_plain` here for terminals, the Telegram handlers into HTML and buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot import markup
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Entry, Link, Topic
from bot.matching.matcher import Decision, Match, Reason

EXAMPLE_COUNT = 2

NOT_ENGLISH = (
    "Sorry, I can only read questions in English for now. "
    "Please ask again in English, or browse the topics below."
)
OUT_OF_SCOPE = (
    "I don't have an answer to that. I answer questions about the 2021 UNODC and Bali Process "
    "report on corruption as a facilitator of migrant smuggling and human trafficking, and the "
    "law and organisations around it."
)
EMPTY = "Please type a question, for example one of these."
DID_YOU_MEAN = "I'm not sure which of these you mean. Did you mean:"


class ReplyKind(StrEnum):
    ANSWER = "answer"
    CLARIFY = "clarify"
    NONE = "none"


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
    sources: tuple[str, ...] = ()
    choices: tuple[Choice, ...] = ()  # "did you mean", or example questions
    related: tuple[Choice, ...] = ()
    topics: tuple[Topic, ...] = ()


def _choice(entry: Entry) -> Choice:
    return Choice(entry.id, entry.question)


def answer(knowledge: KnowledgeBase, entry_id: str) -> Reply:
    """The reply that shows one entry: for a match, a deep link or a tapped choice."""
    entry = knowledge.entry(entry_id)
    related = tuple(_choice(knowledge.entry(i)) for i in entry.related if knowledge.get(i))
    return Reply(
        ReplyKind.ANSWER,
        entry.answer,
        entry.id,
        links=tuple(entry.links),
        sources=tuple(entry.sources),
        related=related,
    )


def examples(knowledge: KnowledgeBase, count: int = EXAMPLE_COUNT) -> tuple[Choice, ...]:
    """One question from each of the first topics: a taste of what the bot can answer."""
    picked = [entries[0] for t in knowledge.topics if (entries := knowledge.in_topic(t.id))]
    return tuple(_choice(entry) for entry in picked[:count])


def compose(knowledge: KnowledgeBase, match: Match) -> Reply:
    if match.decision is Decision.ANSWER and match.answer_id is not None:
        return answer(knowledge, match.answer_id)
    if match.decision is Decision.CLARIFY:
        choices = tuple(_choice(knowledge.entry(i)) for i in match.choices)
        return Reply(ReplyKind.CLARIFY, DID_YOU_MEAN, choices=choices)
    body = {
        Reason.OTHER_SCRIPT: NOT_ENGLISH,
        Reason.NO_KNOWN_WORDS: NOT_ENGLISH,
        Reason.EMPTY: EMPTY,
    }.get(match.reason or Reason.OUT_OF_SCOPE, OUT_OF_SCOPE)
    return Reply(ReplyKind.NONE, body, choices=examples(knowledge), topics=tuple(knowledge.topics))


def render_plain(reply: Reply) -> str:
    """The reply as text for a terminal; numbered lines stand in for buttons."""
    parts = [markup.to_plain(reply.body)]
    if reply.links:
        lines = (f"- {link.title}: {link.url}" for link in reply.links)
        parts.append("Read more:\n" + "\n".join(lines))
    if reply.choices:
        heading = "" if reply.kind is ReplyKind.CLARIFY else "You could ask:\n"
        parts.append(heading + "\n".join(f"{n}. {c.label}" for n, c in enumerate(reply.choices, 1)))
    if reply.kind is ReplyKind.CLARIFY:
        parts.append("Or none of these: ask in other words.")
    if reply.related:
        parts.append("Related:\n" + "\n".join(f"- {c.label}" for c in reply.related))
    if reply.topics:
        parts.append("Topics: " + "; ".join(t.title for t in reply.topics))
    return "\n\n".join(parts)
