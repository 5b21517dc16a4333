"""What `/quiz` was asked for: `/quiz`, `/quiz law 3`, `/quiz 8`, `/quiz stop`."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge import KnowledgeBase, Topic, answer_markup, did_you_mean
from bot.numbers import whole_number

DEFAULT_QUESTIONS = 5
MOST_QUESTIONS = 20


@dataclass(frozen=True, slots=True)
class QuizRequest:
    stop: bool = False
    topic: Topic | None = None  # None: every topic
    count: int = DEFAULT_QUESTIONS


class QuizRequestError(ValueError):
    """The arguments make no round; the message, in the answers' markup, says what would."""


def parse_request(words: list[str], knowledge: KnowledgeBase) -> QuizRequest:
    if [w.lower() for w in words] == ["stop"]:
        return QuizRequest(stop=True)
    count = DEFAULT_QUESTIONS
    named = []
    for word in words:
        number = whole_number(word)  # "-1" is a number out of range, not a topic
        if number is None:
            named.append(word)
        else:
            count = number
    if not 1 <= count <= MOST_QUESTIONS:
        raise QuizRequestError(f"a round has 1 to {MOST_QUESTIONS} questions")
    return QuizRequest(topic=_topic(" ".join(named), knowledge) if named else None, count=count)


def _topic(text: str, knowledge: KnowledgeBase) -> Topic:
    """A topic by its id or by a word of its title ("law" for "International law")."""
    wanted = text.casefold()
    for topic in knowledge.topics:
        if wanted in (topic.id, topic.title.casefold()):
            return topic
    matching = [t for t in knowledge.topics if wanted in t.title.casefold() or wanted in t.id]
    if len(matching) == 1:
        return matching[0]
    ids = [t.id for t in knowledge.topics]
    raise QuizRequestError(
        f"no topic '{answer_markup.literal(text)}'{did_you_mean(text, ids)}: "
        f"try one of {', '.join(ids)}"
    )
