"""Quiz rounds in Telegram: /quiz, /next, /scores, /quiz stop, and the answers to the polls.

Each question is a native quiz poll (non-anonymous, so that answers arrive as `poll_answer`
updates and can be counted); the next one comes when its open period ends (a job) or on /next.
What to ask, whether an answer is right and what the results say is decided in `bot.quiz`.

Timers live in memory, and the store knows a group only by a code, not by its id: a round a
restart left behind is taken up at the group's next quiz command, whoever sends it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Literal

from telegram import Chat, Message, Poll, Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError

from bot import wording
from bot.deep_links import deep_link
from bot.quiz import Question, QuizRequestError, RoundError, parse_request, views
from bot.replies import fixed
from bot.store.workshop_records import QuizRound, RoundState
from bot.views import telegram_view
from handlers.context import Context
from handlers.sending import send

# python-telegram-bot types a poll option's position as a literal 0-11; the model allows 10
OPTION_POSITIONS: tuple[Literal[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], ...] = (
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
)  # fmt: skip
GRACE_SECONDS = 2  # after a poll closes, for the last answers to arrive
LEADERS = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
_ASKING = "quiz asking"  # the chat's lock on moving its round on, in its chat_data


async def quiz(update: Update, context: Context) -> None:
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    data = context.bot_data
    try:
        request = parse_request(context.args or [], data.conversation.engine.knowledge)
    except QuizRequestError as error:
        await send(message, fixed(wording.QUIZ_USAGE.format(problem=error)))
        return
    if request.stop:
        await stop(update, context)
        return
    await _take_up(context, chat.id)
    starter = data.pseudonyms.person(user.id)
    try:
        started = data.quiz.start(
            data.pseudonyms.chat(chat.id), starter, request, data.workshop_in(chat.id)
        )
    except RoundError as error:
        await send(message, fixed(str(error)))
        return
    topic = request.topic.title if request.topic else None
    try:
        await send(message, fixed(views.started(len(started.items), topic, data.quiz_seconds)))
    finally:  # the round is kept: it is asked, or ended, even if the announcement failed
        await ask_next(context, chat.id, started)


async def next_question(update: Update, context: Context) -> None:
    if update.effective_chat is None:
        return
    await _take_up(context, update.effective_chat.id)
    running = await _running_and_allowed(update, context)
    if running is not None:
        await ask_next(context, update.effective_chat.id, running)


async def stop(update: Update, context: Context) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    data = context.bot_data
    async with _one_at_a_time(context, chat.id):  # after a poll on its way, not before it
        running = await _running_and_allowed(update, context)
        if running is None:
            return
        _cancel_timer(context, chat.id)
        results = data.quiz.finish(running, RoundState.STOPPED)
    await _post(context, chat.id, views.final(results, data.names, _linker(context)))


async def scores(update: Update, context: Context) -> None:
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    data = context.bot_data
    await _take_up(context, chat.id)
    running = data.quiz.running(data.pseudonyms.chat(chat.id))
    if running is None:
        await send(message, fixed(wording.QUIZ_NONE_RUNNING))
        return
    await send(message, fixed(views.standings(data.quiz.results(running), data.names)))


async def poll_answer(update: Update, context: Context) -> None:
    answer = update.poll_answer
    if answer is None or answer.user is None:  # an anonymous voter: nothing to count
        return
    data = context.bot_data
    person = data.pseudonyms.person(answer.user.id)
    data.names.remember(person, answer.user.full_name)
    data.quiz.answer(answer.poll_id, person, list(answer.option_ids))


async def ask_next(context: Context, chat_id: int, running: QuizRound) -> None:
    """Send the round's next poll and time it, or post the results after the last. One at a
    time in a chat, and only while the round is where `running` saw it: /next as the timer
    fires moves it on once. A question that cannot be sent ends the round, with the results
    so far: the request layer has retried what was safe to, so trying again could only repeat
    a refusal or a poll that arrived after all, and the group can start a new round at once."""
    data = context.bot_data
    async with _one_at_a_time(context, chat_id):
        current = data.quiz.store.quiz_round(running.id)
        if current is None or current.state is not RoundState.RUNNING:
            return  # stopped meanwhile
        if current.sent != running.sent:
            return  # moved on meanwhile
        _cancel_timer(context, chat_id)
        question = data.quiz.next_question(current)
        if question is None:
            results = data.quiz.finish(current)
            await _post(context, chat_id, views.final(results, data.names, _linker(context)))
            return
        try:
            sent = await _send_poll(context, chat_id, question)
        except TelegramError:
            results = data.quiz.finish(current, RoundState.STOPPED)
            await _post(context, chat_id, views.not_sent(results, data.names, _linker(context)))
            raise  # for the error handler's log
        data.quiz.sent_as(question, sent.poll.id if sent.poll else None)
        _time(context, chat_id, current.id, question.number, data.quiz_seconds + GRACE_SECONDS)


async def _send_poll(context: Context, chat_id: int, question: Question) -> Message:
    item = question.item
    return await context.bot.send_poll(
        chat_id,
        views.poll_question(question),
        item.options,
        type=Poll.QUIZ,
        correct_option_ids=[OPTION_POSITIONS[item.correct]],
        explanation=item.explanation,
        is_anonymous=False,
        open_period=context.bot_data.quiz_seconds,
    )


async def _take_up(context: Context, chat_id: int) -> None:
    """Go on with the chat's round if a restart left it behind: its question closes
    `quiz_seconds` after it was sent (at once if that is past). Ended instead, with the results
    so far, when that was long ago (`bot.quiz.rounds.STALE_AFTER`): the room has moved on."""
    data = context.bot_data
    left = data.quiz.take_up(data.pseudonyms.chat(chat_id))
    if left is None:
        return
    seconds = data.quiz.moves_on_in(left, data.quiz_seconds + GRACE_SECONDS)
    if seconds is None:
        results = data.quiz.finish(left, RoundState.STOPPED)
        await _post(context, chat_id, views.interrupted(results, data.names, _linker(context)))
    else:
        _time(context, chat_id, left.id, left.sent, seconds)


def _time(context: Context, chat_id: int, round_id: str, number: int, seconds: float) -> None:
    """Ask the question after question `number` of the round in `seconds`."""
    if context.job_queue is not None:
        context.job_queue.run_once(
            _when_closed, seconds, data=(round_id, number), chat_id=chat_id, name=_timer(chat_id)
        )


async def _when_closed(context: Context) -> None:
    job = context.job
    if job is None or job.chat_id is None or not isinstance(job.data, tuple):
        return
    round_id, number = job.data
    current = context.bot_data.quiz.store.quiz_round(round_id)
    if current is not None and current.sent == number:  # else /next moved on meanwhile
        await ask_next(context, job.chat_id, current)


async def _running_and_allowed(update: Update, context: Context) -> QuizRound | None:
    """The chat's running round, if the sender may advance or stop it (who started it, or a
    chat admin); otherwise the reason is sent and None returned."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return None
    data = context.bot_data
    running = data.quiz.running(data.pseudonyms.chat(chat.id))
    if running is None:
        await send(message, fixed(wording.QUIZ_NONE_RUNNING))
        return None
    if running.starter != data.pseudonyms.person(user.id) and not await is_chat_admin(
        context, chat, user.id
    ):
        await send(message, fixed(wording.QUIZ_ONLY_STARTER))
        return None
    return running


async def is_chat_admin(context: Context, chat: Chat, user_id: int) -> bool:
    if chat.type == Chat.PRIVATE:
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, user_id)
    except TelegramError:
        return False
    return member.status in LEADERS


async def _post(context: Context, chat_id: int, markup: str) -> None:
    for chunk in telegram_view(fixed(markup)).chunks:
        await context.bot.send_message(chat_id, chunk)


def _one_at_a_time(context: Context, chat_id: int) -> asyncio.Lock:
    """The chat's lock on moving its round on, kept in python-telegram-bot's chat_data."""
    lock: asyncio.Lock = context.application.chat_data[chat_id].setdefault(_ASKING, asyncio.Lock())
    return lock


def _cancel_timer(context: Context, chat_id: int) -> None:
    if context.job_queue is not None:
        for job in context.job_queue.get_jobs_by_name(_timer(chat_id)):
            job.schedule_removal()


def _timer(chat_id: int) -> str:
    return f"quiz:{chat_id}"


def _linker(context: Context) -> Callable[[str], str | None]:
    username = context.bot.username
    return lambda entry_id: deep_link(username, entry_id) if username else None
