"""Commands: /start (with deep links), /help, /about, /privacy, /topics, /ask."""

from __future__ import annotations

from telegram import Update

from handlers.common import Context, answer_question, conversation, send

ASK_USAGE = "Type your question after /ask, for example: /ask who funded the report"


async def start(update: Update, context: Context) -> None:
    if update.effective_message is None:
        return
    payload = context.args[0] if context.args else None
    for reply in conversation(context).start(payload):
        await send(update.effective_message, reply)


async def help_command(update: Update, context: Context) -> None:
    if update.effective_message:
        await send(update.effective_message, conversation(context).help())


async def about(update: Update, context: Context) -> None:
    if update.effective_message:
        await send(update.effective_message, conversation(context).about())


async def privacy(update: Update, context: Context) -> None:
    if update.effective_message:
        await send(update.effective_message, conversation(context).privacy())


async def topics(update: Update, context: Context) -> None:
    if update.effective_message:
        await send(update.effective_message, conversation(context).topics())


async def ask(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question.strip():
        await message.reply_text(ASK_USAGE, do_quote=False)
        return
    await answer_question(message, question, context)
