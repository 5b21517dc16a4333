"""A minimal python-telegram-bot bot, the baseline of bench/load.py: every text is answered
with the answer of the knowledge-base phrasing closest to it by rapidfuzz's WRatio.

    TELEGRAM_BOT_TOKEN=... TELEGRAM_API_BASE_URL=http://127.0.0.1:PORT/bot \
        python bench/minimal_bot.py
"""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process
from telegram import Update
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.knowledge import load_knowledge
from bot.settings import SHIPPED_KNOWLEDGE


def main() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    pairs = [(v, e.answer) for e in kb.entries for v in e.variants]
    phrasings = [phrasing for phrasing, _ in pairs]

    async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.message is None or update.message.text is None:
            return
        _, _, index = process.extractOne(update.message.text, phrasings, scorer=fuzz.WRatio)
        await update.message.reply_text(html.escape(pairs[index][1]), parse_mode="HTML")

    application = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ.get("TELEGRAM_API_BASE_URL", "https://api.telegram.org/bot"))
        .concurrent_updates(True)
        .rate_limiter(AIORateLimiter())
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, answer))
    application.run_polling()


if __name__ == "__main__":
    main()
