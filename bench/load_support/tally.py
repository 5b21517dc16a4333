"""Pairing questions with the replies the fake delivered, and the numbers drawn from them.

A reply that quotes a question (`reply_parameters`, as both bots do in groups) belongs to that
question. Any other reply in a chat goes to the oldest question still without a reply among
those that may be answered in that chat: the chat it was asked in and, for a group question,
the asker's private chat (where a busy group's answer may go). So in a private chat the k-th
reply pairs with the k-th question. A question with no reply is lost; every delivered reply
beyond one per question is a duplicate.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from load_support.fake import Send

SLOW_DOWN_MARK = "faster than I can answer"  # bot.wording.SLOW_DOWN
SORRY_MARK = "something went wrong"  # bot.wording.SORRY


@dataclass
class Question:
    chat_id: int
    user_id: int
    message_id: int
    pushed: float  # time.monotonic() right after push_update
    replies: list[Send] = field(default_factory=list)

    @property
    def homes(self) -> tuple[int, ...]:
        return (self.chat_id,) if self.chat_id > 0 else (self.chat_id, self.user_id)


@dataclass
class Tally:
    questions: int
    answered: int
    answered_once: int
    lost: int
    lost_refused: int  # lost, and a send into its chat was refused (429) or failed (5xx)
    duplicates: int
    slow_down: int
    sorry: int
    refused_429: int  # 429 answers, from the limits or an injected window
    injected: int  # answers given by an injected fault window
    latencies: list[float]
    first_push: float
    last_answer: float | None
    in_group: int
    privately: int

    @property
    def span(self) -> float | None:
        """Seconds from the first question pushed to the last question answered."""
        return None if self.last_answer is None else self.last_answer - self.first_push

    @property
    def replies_per_second(self) -> float | None:
        span = self.span
        return self.answered / span if span else None

    def percentile(self, share: float) -> float | None:
        return percentile(self.latencies, share)


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest-rank percentile (share in 0..1); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def pair(questions: Sequence[Question], sends: Iterable[Send]) -> int:
    """Give each delivered reply to its question; returns the replies no question could take."""
    for question in questions:
        question.replies.clear()
    quoted = {(q.chat_id, q.message_id): q for q in questions}
    waiting: dict[int, deque[Question]] = defaultdict(deque)
    for question in sorted(questions, key=lambda q: q.pushed):
        for chat in question.homes:
            waiting[chat].append(question)
    unclaimed = 0
    for send in sorted((s for s in sends if s.status == 200), key=lambda s: s.at):
        if send.chat_id is None:
            unclaimed += 1
            continue
        target = quoted.get((send.chat_id, send.reply_to)) if send.reply_to else None
        if target is None:
            queue = waiting.get(send.chat_id)
            while queue and queue[0].replies:
                queue.popleft()
            target = queue[0] if queue else None
        if target is None:
            unclaimed += 1
        else:
            target.replies.append(send)
    return unclaimed


def tally(questions: Sequence[Question], sends: Sequence[Send]) -> Tally:
    unclaimed = pair(questions, sends)
    answered = [q for q in questions if q.replies]
    delivered = [s for s in sends if s.status == 200]
    first_push = min((q.pushed for q in questions), default=0.0)
    failed_chats = {s.chat_id for s in sends if s.status != 200}
    return Tally(
        questions=len(questions),
        answered=len(answered),
        answered_once=sum(len(q.replies) == 1 for q in answered),
        lost=len(questions) - len(answered),
        lost_refused=sum(
            not q.replies and any(chat in failed_chats for chat in q.homes) for q in questions
        ),
        duplicates=sum(len(q.replies) - 1 for q in answered) + unclaimed,
        slow_down=sum(SLOW_DOWN_MARK in s.text for s in delivered),
        sorry=sum(SORRY_MARK in s.text for s in delivered),
        refused_429=sum(s.status == 429 for s in sends),
        injected=sum(s.injected for s in sends),
        latencies=[q.replies[0].at - q.pushed for q in answered],
        first_push=first_push,
        last_answer=max((q.replies[0].at for q in answered), default=None),
        in_group=sum(q.replies[0].chat_id == q.chat_id and q.chat_id < 0 for q in answered),
        privately=sum(q.chat_id < 0 and q.replies[0].chat_id == q.user_id for q in answered),
    )
