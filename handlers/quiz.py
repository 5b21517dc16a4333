"""Quiz rounds in Telegram: /quiz, /next, /scores, /quiz stop, and the answers to the polls.

Each question is a native quiz poll (non-anonymous, so that answers arrive as `poll_answer`
updates and can be counted); the next one comes when its open period ends (a job) or on /next.
What to ask, whether an answer is right and what the results say is decided in `bot.quiz`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from telegram import Chat, Poll, Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError

from bot import wording
from bot.deep_links import deep_link
from bot.quiz import QuizRequestError, RoundError, parse_request, views
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
    starter = data.pseudonyms.person(user.id)
    try:
        started = data.quiz.start(
            data.pseudonyms.chat(chat.id), starter, request, data.workshop_in(chat.id)
        )
    except RoundError as error:
        await send(message, fixed(str(error)))
        return
    topic = request.topic.title if request.topic else None
    await send(message, fixed(views.started(len(started.items), topic, data.quiz_seconds)))
    await ask_next(context, chat.id, started)


async def next_question(update: Update, context: Context) -> None:
    running = await _running_and_allowed(update, context)
    if running is not None and update.effective_chat is not None:
        _cancel_timer(context, update.effective_chat.id)
        await ask_next(context, update.effective_chat.id, running)


async def stop(update: Update, context: Context) -> None:
    running = await _running_and_allowed(update, context)
    if running is None or update.effective_chat is None:
        return
    _cancel_timer(context, update.effective_chat.id)
    data = context.bot_data
    results = data.quiz.finish(running, RoundState.STOPPED)
    await _post(
        context, update.effective_chat.id, views.final(results, data.names, _linker(context))
    )


async def scores(update: Update, context: Context) -> None:
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    data = context.bot_data
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
    """Send the round's next poll and time it, or post the results after the last."""
    data = context.bot_data
    question = data.quiz.next_question(running)
    if question is None:
        results = data.quiz.finish(running)
        await _post(context, chat_id, views.final(results, data.names, _linker(context)))
        return
    item = question.item
    sent = await context.bot.send_poll(
        chat_id,
        views.poll_question(question),
        item.options,
        type=Poll.QUIZ,
        correct_option_ids=[OPTION_POSITIONS[item.correct]],
        explanation=item.explanation,
        is_anonymous=False,
        open_period=data.quiz_seconds,
    )
    if sent.poll is not None:
        data.quiz.sent_as(question, sent.poll.id)
    if context.job_queue is not None:
        context.job_queue.run_once(
            _when_closed,
            data.quiz_seconds + GRACE_SECONDS,
            data=(question.quiz.id, question.number),
            chat_id=chat_id,
            name=_timer(chat_id),
        )


async def _when_closed(context: Context) -> None:
    job = context.job
    if job is None or job.chat_id is None or not isinstance(job.data, tuple):
        return
    round_id, number = job.data
    current = context.bot_data.quiz.store.quiz_round(round_id)
    if current is None or current.state is not RoundState.RUNNING or current.sent != number:
        return  # stopped, or /next moved on meanwhile
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


def _cancel_timer(context: Context, chat_id: int) -> None:
    if context.job_queue is not None:
        for job in context.job_queue.get_jobs_by_name(_timer(chat_id)):
            job.schedule_removal()


def _timer(chat_id: int) -> str:
    return f"quiz:{chat_id}"


def _linker(context: Context) -> Callable[[str], str | None]:
    username = context.bot.username
    return lambda entry_id: deep_link(username, entry_id) if username else None
