"""Which topics a handout or link table covers: all of them, or the ones a trainer names."""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge import KnowledgeBase, Topic, did_you_mean


class UnknownTopicError(ValueError):
    """A topic id the knowledge base does not have; the message lists the ones it has."""

    def __init__(self, unknown: Sequence[str], known: Sequence[str]) -> None:
        names = ", ".join(f"'{topic_id}'{did_you_mean(topic_id, known)}" for topic_id in unknown)
        noun = "topic" if len(unknown) == 1 else "topics"
        super().__init__(f"no {noun} {names}; the topics are: {', '.join(known)}")
        self.unknown = tuple(unknown)


def chosen_topics(knowledge: KnowledgeBase, topic_ids: Sequence[str] | None) -> tuple[Topic, ...]:
    """The named topics in the order given (each once), or every topic in browsing order."""
    if not topic_ids:
        return knowledge.topics
    by_id = {topic.id: topic for topic in knowledge.topics}
    unknown = [topic_id for topic_id in dict.fromkeys(topic_ids) if topic_id not in by_id]
    if unknown:
        raise UnknownTopicError(unknown, list(by_id))
    return tuple(by_id[topic_id] for topic_id in dict.fromkeys(topic_ids))
