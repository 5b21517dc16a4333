"""How a round reads: the poll question, the standings and the results, in the answers' markup
(names are passed in: the store keeps none)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bot import wording
from bot.knowledge import answer_markup
from bot.quiz.rounds import Question, Results
from bot.store.workshop_records import RoundState


def poll_question(question: Question) -> str:
    return f"{question.number}/{question.total}. {question.item.question}"


def started(count: int, topic_title: str | None, seconds: int) -> str:
    topic = wording.QUIZ_TOPIC.format(title=topic_title) if topic_title else ""
    return wording.QUIZ_STARTED.format(topic=topic, count=count, seconds=seconds)


def standings(results: Results, names: Mapping[str, str]) -> str:
    head = wording.QUIZ_STANDINGS.format(sent=results.quiz.sent, total=len(results.quiz.items))
    return "\n".join([head, *_leaderboard(results, names)])


def final(results: Results, names: Mapping[str, str], link: Callable[[str], str | None]) -> str:
    """The leaderboard, then each question's share of right answers; the ones the room
    missed link to their entry."""
    stopped = results.quiz.state is RoundState.STOPPED
    lines = [wording.QUIZ_STOPPED if stopped else wording.QUIZ_OVER, "", wording.QUIZ_LEADERBOARD]
    lines += _leaderboard(results, names)
    if results.questions:
        lines += ["", wording.QUIZ_PER_QUESTION]
    for result in results.questions:
        share = "no answers" if result.share_right is None else f"{result.share_right:.0%} right"
        line = f"- {result.number}. {result.item.question} ({share})"
        if result.missed and (url := link(result.item.entry)):
            line += f": [{wording.QUIZ_READ_AGAIN}]({url})"
        lines.append(line)
    return "\n".join(lines)


def not_sent(results: Results, names: Mapping[str, str], link: Callable[[str], str | None]) -> str:
    """A round ended because its next question could not be sent: the results so far."""
    return f"{wording.QUIZ_NOT_SENT}\n\n{final(results, names, link)}"


def interrupted(
    results: Results, names: Mapping[str, str], link: Callable[[str], str | None]
) -> str:
    """A round a restart left behind for too long: the results so far."""
    return f"{wording.QUIZ_INTERRUPTED}\n\n{final(results, names, link)}"


def _leaderboard(results: Results, names: Mapping[str, str]) -> list[str]:
    if not results.scores:
        return [wording.QUIZ_NO_ANSWERS]
    asked = len(results.questions)
    return [
        f"- {_name(person, position, names)}: {right}/{asked}"
        for position, (person, right) in enumerate(results.scores, 1)
    ]


def _name(person: str, position: int, names: Mapping[str, str]) -> str:
    """A player's name as they wrote it (never a link or bold), or their place."""
    name = names.get(person)
    return answer_markup.literal(name) if name else wording.QUIZ_PARTICIPANT.format(number=position)
