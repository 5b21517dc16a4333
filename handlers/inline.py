"""Inline mode: `@botname question` in any chat lists matching answers to post there."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode

from bot.views import telegram_view, url_buttons
from handlers.context import Context
from handlers.sending import inline_keyboard


async def inline_query(update: Update, context: Context) -> None:
    query = update.inline_query
    if query is None:
        return
    results = []
    for found in context.bot_data.conversation.inline(query.query):
        view = telegram_view(found.reply)
        results.append(
            InlineQueryResultArticle(
                id=found.entry_id,
                title=found.title,
                description=found.description,
                input_message_content=InputTextMessageContent(
                    view.chunks[0], parse_mode=ParseMode.HTML
                ),
                reply_markup=inline_keyboard(url_buttons(view.keyboard)),
            )
        )
    await query.answer(results, cache_time=0, is_personal=False)


async def chosen(update: Update, context: Context) -> None:
    """A result someone posted (Telegram sends these when inline feedback is on in BotFather):
    recorded as the question it answered."""
    result = update.chosen_inline_result
    if result is not None:
        context.bot_data.conversation.chosen_inline(result.query, result.result_id)
